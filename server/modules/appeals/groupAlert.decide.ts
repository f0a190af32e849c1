/**
 * The group-alert decision for one new appeal, as a pure function so the service, the
 * evaluation script and the tests run the very same rule.
 *
 * Given the earlier appeals of the same unit and category inside the window:
 * - the similar ones are those scoring at or above the threshold against the new appeal;
 * - if one of them already belongs to an active alert (open or confirmed), the new appeal
 *   joins that alert;
 * - otherwise, when the similar appeals not yet in any alert, plus the new one, come from
 *   at least `minWorkers` distinct workers, a new alert is raised over them.
 * Appeals of a dismissed or answered alert do not count again: staff have already judged
 * that issue, and a fresh alert needs fresh appeals. A dismissal also holds for what comes
 * after it: a new appeal similar to a dismissed alert's members (inside the window) is
 * filed with that alert, under the reason staff gave, instead of counting towards a new
 * one — the same cluster does not re-alert. An answered alert does not hold: a grievance
 * that returns after an answer is news.
 *
 * A cluster, not only a star: the appeals of one grievance in ordinary words are often each
 * like two or three others rather than all like the newest one. So, when the star (the
 * appeals similar to the new one at the threshold) is short of `minWorkers`, the free
 * appeals at DENSE_SHARE of the threshold form the neighbourhood, and those of them similar
 * (at that lower score) to at least one other of the neighbourhood besides the new appeal
 * count too. One loose link is not enough; a triangle is. The share and the triangle were
 * chosen on the development set (bench/RESULTS.md): lower shares merge two of its groups.
 * Still short, free appeals similar at the threshold to two of the cluster so found join it
 * (twoHopMembers()), though they share too little with the new appeal itself.
 *
 * Retrieval follows the same rule (decideWithReads()): the candidates are read by the new
 * appeal's index keys, and when a cluster short of `minWorkers` is found, once more by its
 * members' keys — a two-hop member shares no key with the new appeal, so a read by the new
 * appeal's keys alone never meets it (held out 4 lost a group to that). The intake and the
 * evaluation's replay both decide through decideWithReads(), each with its own reader.
 */
import { prepare, similarity, type Prepared } from '../../core/similarity/index.js';

/** The neighbourhood's score as a share of the threshold (0.25 at the default 0.4). */
export const DENSE_SHARE = 0.625;
/** Bounds the neighbourhood's pairwise scoring (n² / 2 scores) in a surge. */
const DENSE_MAX = 40;
/** Links to the cluster an appeal needs to join it in two steps. */
const TWO_HOP_LINKS = 2;
/** The cluster members a two-step candidate is compared with. */
const TWO_HOP_MAX = 10;

export interface GroupCandidate {
  id: string;
  /** The person (or, without a person, the account) behind the appeal: distinct workers count, not appeals. */
  authorKey: string;
  /** The stored signature; not needed when `prepared` is given. */
  tokens?: readonly string[];
  /** prepare(tokens), when the reader already has it (groupAlert.signatures.ts). */
  prepared?: Prepared;
  alertId: string | null;
  /** The alert is open or confirmed. */
  alertActive: boolean;
  /** The alert was dismissed by staff. */
  alertDismissed?: boolean;
}

export interface GroupIntake {
  id: string;
  authorKey: string;
  tokens: readonly string[];
  /** prepare(tokens), when the caller already has it. */
  prepared?: Prepared;
}

export interface GroupRule {
  minWorkers: number;
  threshold: number;
}

export type GroupDecision =
  /** `hopKeys`: the index keys of a cluster short of `minWorkers` that the new appeal lacks (where two-hop members are found). */
  | { action: 'none'; similar: string[]; hopKeys?: string[] }
  | { action: 'join'; alertId: string; similar: string[] }
  | { action: 'dismissed'; alertId: string; similar: string[] }
  | { action: 'raise'; members: string[]; workerCount: number; similar: string[] };

/** Each candidate is prepared once: decideWithReads() decides twice over the first read's candidates. */
const preparedOf = new WeakMap<GroupCandidate, Prepared>();
function prepared(c: GroupCandidate): Prepared {
  if (c.prepared) return c.prepared;
  let p = preparedOf.get(c);
  if (!p) preparedOf.set(c, (p = prepare(c.tokens!)));
  return p;
}

export function decideGroup(intake: GroupIntake, candidates: readonly GroupCandidate[], rule: GroupRule): GroupDecision {
  const mine = intake.prepared ?? prepare(intake.tokens);
  const low = rule.threshold * DENSE_SHARE;
  const all = candidates
    .filter((c) => c.id !== intake.id && (!c.alertId || c.alertActive || c.alertDismissed))
    .map((c) => ({ c, p: prepared(c) }))
    .map((x) => ({ ...x, score: similarity(mine, x.p) }));
  const scored = all.filter((x) => x.score >= rule.threshold).map((x) => x.c);
  const similar = scored.filter((c) => !c.alertDismissed);
  const ids = similar.map((c) => c.id);
  // Join the active alert most of the similar appeals already belong to.
  const active = mostVoted(similar.filter((c) => c.alertActive));
  if (active) return { action: 'join', alertId: active, similar: ids };
  const dismissed = mostVoted(scored.filter((c) => c.alertDismissed));
  if (dismissed) return { action: 'dismissed', alertId: dismissed, similar: ids };
  const free = similar.filter((c) => !c.alertId);
  let workers = new Set([intake.authorKey, ...free.map((c) => c.authorKey)]);
  if (workers.size < rule.minWorkers) {
    const dense = denseMembers(
      all.filter((x) => !x.c.alertId && x.score >= low),
      low,
    );
    free.push(...dense.filter((c) => !free.includes(c)));
    workers = new Set([intake.authorKey, ...free.map((c) => c.authorKey)]);
  }
  const cluster = all.filter((x) => free.includes(x.c)).slice(0, TWO_HOP_MAX);
  if (workers.size < rule.minWorkers) {
    free.push(
      ...twoHopMembers(
        all.filter((x) => !x.c.alertId && !free.includes(x.c)),
        cluster,
        rule.threshold,
      ),
    );
    workers = new Set([intake.authorKey, ...free.map((c) => c.authorKey)]);
  }
  if (workers.size >= rule.minWorkers) {
    return { action: 'raise', members: [...free.map((c) => c.id), intake.id], workerCount: workers.size, similar: ids };
  }
  if (cluster.length < TWO_HOP_LINKS) return { action: 'none', similar: ids };
  const hopKeys = new Set<string>();
  for (const x of cluster) for (const k of x.p.keys) if (!mine.keys.has(k)) hopKeys.add(k);
  return { action: 'none', similar: ids, hopKeys: [...hopKeys].sort() };
}

/**
 * Reads the earlier appeals of the new one's unit and category inside the window that share
 * one of `keys`, in the order the reader defines (see groupAlert.repository.ts candidates()).
 */
export type CandidateReader = (keys: string[]) => Promise<GroupCandidate[]>;

/**
 * The decision with its reads: by the new appeal's keys, then, for a cluster short of
 * `minWorkers`, by its members' keys, so that every appeal the rule could count is read.
 */
export async function decideWithReads(intake: GroupIntake, read: CandidateReader, rule: GroupRule): Promise<GroupDecision> {
  const mine = intake.prepared ?? prepare(intake.tokens);
  intake = { ...intake, prepared: mine };
  const first = await read([...mine.keys]);
  const decision = decideGroup(intake, first, rule);
  if (decision.action !== 'none' || !decision.hopKeys?.length) return decision;
  const seen = new Set(first.map((c) => c.id));
  const more = (await read(decision.hopKeys)).filter((c) => !seen.has(c.id));
  if (!more.length) return decision;
  const again = decideGroup(intake, [...first, ...more], rule);
  // The second read only adds two-hop members; a cluster still short stays 'none' (no third read).
  return again.action === 'none' ? { action: 'none', similar: again.similar } : again;
}

/** The free appeals of the new one's neighbourhood (`hood`: scoring ≥ `low` against it) that are similar, at `low`, to another of the neighbourhood. */
function denseMembers(hood: { c: GroupCandidate; p: Prepared; score: number }[], low: number): GroupCandidate[] {
  // Ties keep the reader's order (most keys shared, newest first): the same in the intake and the replay, whatever the ids.
  const near = hood.sort((a, b) => b.score - a.score).slice(0, DENSE_MAX);
  return near.filter((x) => near.some((o) => o !== x && similarity(x.p, o.p) >= low)).map((x) => x.c);
}

/**
 * Free appeals similar, at the threshold, to two or more of the cluster found so far, though not
 * to the new appeal: one grievance told in two vocabularies (药箱 / 急救箱 / 绷带) is linked
 * through the appeals that use both. Two links, not one: a single shared neighbour is how two
 * issues of one unit run together.
 */
function twoHopMembers(others: { c: GroupCandidate; p: Prepared; score: number }[], members: { p: Prepared }[], threshold: number): GroupCandidate[] {
  if (members.length < TWO_HOP_LINKS) return [];
  // Only appeals sharing a key with two members can be similar to two (similarity() is 0 without a shared key);
  // then bounded like the neighbourhood: at most TWO_HOP_MAX × DENSE_MAX scores in a busy bucket.
  const sharing = (x: { p: Prepared }) => members.filter((m) => [...m.p.keys].some((k) => x.p.keys.has(k))).length;
  return others
    .map((x) => ({ ...x, links: sharing(x) }))
    .filter((x) => x.links >= TWO_HOP_LINKS)
    .sort((a, b) => b.score - a.score || b.links - a.links)
    .slice(0, DENSE_MAX)
    .filter((x) => {
      let links = 0;
      for (const m of members) if (similarity(x.p, m.p) >= threshold && ++links >= TWO_HOP_LINKS) return true;
      return false;
    })
    .map((x) => x.c);
}

function mostVoted(members: readonly GroupCandidate[]): string | null {
  const votes = new Map<string, number>();
  for (const c of members) if (c.alertId) votes.set(c.alertId, (votes.get(c.alertId) ?? 0) + 1);
  // Ties: the alert met first in the reader's order (Map keeps insertion order, sort is stable).
  return [...votes.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
}
