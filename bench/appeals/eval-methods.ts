/**
 * The methods tried for group alerts, every set × method, in memory (the shipped row of
 * bench/RESULTS.md comes from eval-intake.ts, the intake itself).
 *
 *   npx tsx bench/appeals/eval-methods.ts [--dev]     # --dev: the development set only (what tuning may look at)
 *
 * A method is a similarity (which pairs are "the same issue") and a decision (when a new
 * appeal raises an alert): `star` is the intake's (≥ minWorkers distinct workers among the
 * appeals similar to the new one), `dense` also counts, at a lower score, the neighbours of
 * the new appeal that are similar to ≥ k others of that neighbourhood (a cluster, not a star).
 */
import path from 'node:path';
import { DEFAULT_APPEAL_SETTINGS } from '../../common/appeals.js';
import { GRAM_MATCH, gramCosine, lexiconScore, listRank, prepare, sameComplaint, similarity, type Prepared } from '../../server/modules/appeals/index.js';
import { loadSet, recallAtKWith, scoreAlerts, signatures, type Alerts, type EvalAppeal, type EvalSet } from './eval.js';

type Sim = (a: Prepared, b: Prepared) => number;
interface Decision {
  kind: 'star' | 'dense';
  /** Also count free appeals similar (at the threshold) to at least this many of the star's members: a cluster reached in two steps. */
  twoHop?: number;
  /** dense: the neighbourhood's score and how many of its others a member must be similar to. */
  low?: number;
  k?: number;
  /** dense: the similarity the neighbourhood is read with (default: the method's). */
  hood?: Sim;
}
interface Method {
  name: string;
  sim: Sim;
  decision: Decision;
}

const θ = DEFAULT_APPEAL_SETTINGS.groupThreshold;
const SCALE = θ / GRAM_MATCH;
const gramOnly: Sim = (a, b) => (sameComplaint(a, b) ? Math.min(1, SCALE * gramCosine(a.grams, b.grams)) : 0);
const either: Sim = (a, b) => (sameComplaint(a, b) ? Math.min(1, Math.max(lexiconScore(a, b), SCALE * gramCosine(a.grams, b.grams))) : 0);

function replayWith(set: EvalSet, prep: Map<string, Prepared>, m: Method): Alerts {
  const order = [...set.appeals].sort((a, b) => a.day - b.day || a.id.localeCompare(b.id));
  const alertOf = new Map<string, string>();
  const alerts: Alerts = new Map();
  const seen: EvalAppeal[] = [];
  const cache = new Map<string, number>();
  const sim = (x: string, y: string) => {
    const key = x < y ? `${x}|${y}` : `${y}|${x}`;
    let s = cache.get(key);
    if (s === undefined) cache.set(key, (s = m.sim(prep.get(x)!, prep.get(y)!)));
    return s;
  };
  const hoodCache = new Map<string, number>();
  const hoodSim = !m.decision.hood
    ? sim
    : (x: string, y: string) => {
        const key = x < y ? `${x}|${y}` : `${y}|${x}`;
        let s = hoodCache.get(key);
        if (s === undefined) hoodCache.set(key, (s = m.decision.hood!(prep.get(x)!, prep.get(y)!)));
        return s;
      };
  for (const a of order) {
    const near = seen.filter((c) => c.unit === a.unit && c.category === a.category && c.day >= a.day - set.windowDays);
    const similar = near.filter((c) => sim(a.id, c.id) >= θ);
    const active = similar.map((c) => alertOf.get(c.id)).find((x) => x);
    if (active) {
      alerts.get(active)!.members.push(a.id);
      alertOf.set(a.id, active);
      seen.push(a);
      continue;
    }
    const members = new Set(similar.filter((c) => !alertOf.has(c.id)).map((c) => c.id));
    if (m.decision.kind === 'dense') {
      const hood = near.filter((c) => !alertOf.has(c.id) && hoodSim(a.id, c.id) >= m.decision.low!);
      for (const c of hood) {
        // The link to the new appeal counts as one.
        const links = 1 + hood.filter((o) => o !== c && hoodSim(c.id, o.id) >= m.decision.low!).length;
        if (links >= m.decision.k!) members.add(c.id);
      }
    }
    if (m.decision.twoHop) {
      const star = [...members];
      for (const c of near) {
        if (alertOf.has(c.id) || members.has(c.id)) continue;
        if (star.filter((s) => sim(s, c.id) >= θ).length >= m.decision.twoHop) members.add(c.id);
      }
    }
    const byId = new Map(set.appeals.map((x) => [x.id, x]));
    const workers = new Set([a.worker, ...[...members].map((id) => byId.get(id)!.worker)]);
    if (workers.size >= set.minWorkers) {
      const id = `alert${alerts.size + 1}`;
      const list = [...members, a.id];
      alerts.set(id, { members: list, workersAtRaise: workers.size });
      for (const x of list) alertOf.set(x, id);
    }
    seen.push(a);
  }
  return alerts;
}

function pairs(set: EvalSet, prep: Map<string, Prepared>, sim: Sim) {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  const xs = set.appeals;
  for (let i = 0; i < xs.length; i++)
    for (let j = i + 1; j < xs.length; j++) {
      const a = xs[i];
      const b = xs[j];
      if (a.unit !== b.unit || a.category !== b.category || Math.abs(a.day - b.day) > set.windowDays) continue;
      const truth = a.group !== null && a.group === b.group;
      const pred = sim(prep.get(a.id)!, prep.get(b.id)!) >= θ;
      if (pred && truth) tp++;
      else if (pred) fp++;
      else if (truth) fn++;
    }
  const p = tp / (tp + fp || 1);
  const r = tp / (tp + fn || 1);
  return { p, r, f1: (2 * p * r) / (p + r || 1) };
}

const lexStar: Sim = (a, b) => similarity(a, b);
/** Where characters and facts agree strongly (scaled n-gram score ≥ s), the lexicon's gates (problem family, question vs complaint, its judging alone) do not veto. */
const factsAgree =
  (s: number, inquiryToo = true): Sim =>
  (a, b) => {
    const g = SCALE * gramCosine(a.grams, b.grams);
    if (g >= s && (inquiryToo || a.inquiry === b.inquiry)) return Math.min(1, Math.max(g, lexiconScore(a, b)));
    return similarity(a, b);
  };
export const METHODS: Method[] = [
  { name: 'A. lexicon judges alone where it knows both topics, else n-grams; star (shipped until 2026-12-06)', sim: lexStar, decision: { kind: 'star' } },
  { name: 'B. n-grams alone; star', sim: gramOnly, decision: { kind: 'star' } },
  { name: 'C. lexicon or n-grams, the higher; star', sim: either, decision: { kind: 'star' } },
  { name: 'D. n-grams alone + dense(0.1, k=2)', sim: gramOnly, decision: { kind: 'dense', low: 0.1, k: 2 } },
  { name: 'E. A + dense on n-grams alone (0.25, k=3)', sim: lexStar, decision: { kind: 'dense', low: 0.25, k: 3, hood: gramOnly } },
  { name: 'F. A + dense(0.15, k=2)', sim: lexStar, decision: { kind: 'dense', low: 0.15, k: 2 } },
  { name: 'G. A + dense(0.25, k=3)', sim: lexStar, decision: { kind: 'dense', low: 0.25, k: 3 } },
  { name: 'H. A + dense(0.25, k=2) (shipped until 2026-12-07)', sim: lexStar, decision: { kind: 'dense', low: 0.25, k: 2 } },
  // Rows I–K and the sweeps were measured on 2026-12-07 against the similarity() of 95edc9d (before the facts-agree rule was shipped); since then lexStar includes it.
  { name: 'I1. H, facts agree ≥ 1.0 overrides the gates', sim: factsAgree(1.0), decision: { kind: 'dense', low: 0.25, k: 2 } },
  { name: 'I2. H, facts agree ≥ 1.5 overrides the gates', sim: factsAgree(1.5), decision: { kind: 'dense', low: 0.25, k: 2 } },
  { name: 'I3. H, facts agree ≥ 2.0 overrides the gates', sim: factsAgree(2.0), decision: { kind: 'dense', low: 0.25, k: 2 } },
  {
    name: 'I4. H, facts agree ≥ 1.5 overrides the gates but not question vs complaint',
    sim: factsAgree(1.5, false),
    decision: { kind: 'dense', low: 0.25, k: 2 },
  },
  { name: 'J2. H + two-hop (similar to 2 of the star)', sim: lexStar, decision: { kind: 'dense', low: 0.25, k: 2, twoHop: 2 } },
  { name: 'J3. H + two-hop (similar to 3 of the star)', sim: lexStar, decision: { kind: 'dense', low: 0.25, k: 2, twoHop: 3 } },
  { name: 'K. I2 + two-hop(2)', sim: factsAgree(1.5), decision: { kind: 'dense', low: 0.25, k: 2, twoHop: 2 } },
  { name: 'K3. I3 + two-hop(2)', sim: factsAgree(2.0), decision: { kind: 'dense', low: 0.25, k: 2, twoHop: 2 } },
  {
    name: 'L. facts agree where the lexicon does not know both topics + H + two-hop(2) (shipped)',
    sim: lexStar,
    decision: { kind: 'dense', low: 0.25, k: 2, twoHop: 2 },
  },
];
/** As factsAgree, but not where the lexicon knows a topic both name: there its gates stand (夜班津贴没发 ≠ 夜班津贴算错了). */
const factsAgreeUnknown =
  (s: number): Sim =>
  (a, b) => {
    const g = SCALE * gramCosine(a.grams, b.grams);
    if (g >= s && ![...a.topics].some((t) => b.topics.has(t))) return Math.min(1, Math.max(g, lexiconScore(a, b)));
    return similarity(a, b);
  };
for (const a of (process.env.AGREE2 ?? '').split(',').filter(Boolean).map(Number))
  METHODS.push({
    name: `sweep2: facts agree ≥ ${a} where the lexicon knows no shared topic + two-hop(2)`,
    sim: factsAgreeUnknown(a),
    decision: { kind: 'dense', low: 0.25, k: 2, twoHop: 2 },
  });
// A sweep of the facts-agree override and the two-hop rule: AGREE=1,1.5 HOPS=2,3 npx tsx bench/appeals/eval-methods.ts --method sweep
for (const a of (process.env.AGREE ?? '').split(',').filter(Boolean).map(Number))
  for (const h of (process.env.HOPS ?? '2').split(',').map(Number))
    METHODS.push({ name: `sweep: facts agree ≥ ${a} + two-hop(${h})`, sim: factsAgree(a), decision: { kind: 'dense', low: 0.25, k: 2, twoHop: h } });
// A sweep: LOWS=0.1,0.2 KS=2,3 npx tsx bench/appeals/eval-methods.ts --dev
for (const low of (process.env.LOWS ?? '').split(',').filter(Boolean).map(Number))
  for (const k of (process.env.KS ?? '2').split(',').map(Number)) {
    METHODS.push({ name: `A + dense(${low}, k=${k})`, sim: lexStar, decision: { kind: 'dense', low, k } });
    METHODS.push({ name: `n-grams alone + dense(${low}, k=${k})`, sim: gramOnly, decision: { kind: 'dense', low, k } });
    METHODS.push({ name: `A + dense on n-grams alone (${low}, k=${k})`, sim: lexStar, decision: { kind: 'dense', low, k, hood: gramOnly } });
  }

const HERE = path.dirname(new URL(import.meta.url).pathname);
const SETS = process.argv.includes('--dev')
  ? ['eval-set.json']
  : [
      'eval-set.json',
      'eval-holdout.json',
      'eval-holdout2.json',
      'eval-holdout3.json',
      'eval-holdout4.json',
      'eval-holdout5.json',
      'eval-holdout6.json',
      'eval-holdout7.json',
      'eval-holdout8.json',
    ];
const only = process.argv.includes('--method') ? process.argv[process.argv.indexOf('--method') + 1] : null;
for (const file of SETS) {
  const set = loadSet(path.join(HERE, file));
  const sigs = signatures(set);
  const prep = new Map([...sigs].map(([id, s]) => [id, prepare(s)]));
  console.log(`\n${file} (${set.appeals.length} appeals)`);
  for (const m of METHODS) {
    if (only && !m.name.includes(only)) continue;
    const t0 = performance.now();
    const alerts = replayWith(set, prep, m);
    const ms = (performance.now() - t0) / set.appeals.length;
    const g = scoreAlerts(set, alerts);
    const p = pairs(set, prep, m.sim);
    const r5 = recallAtKWith(set, prep, m.sim);
    const pc = (x: number) => (x * 100).toFixed(1);
    console.log(
      `  ${pc(p.p)} / ${pc(p.r)} / ${pc(p.f1)}  groups ${g.alertedGroups}/${g.expectedGroups}  false ${g.alerts - g.correctAlerts}  r@5 ${pc(r5.recall)}  ${ms.toFixed(2)} ms  — ${m.name}`,
    );
    // Only the development set's alerts may be looked at: hold-outs are never tuned on.
    if (process.argv.includes('--verbose') && file === 'eval-set.json') for (const d of g.details) console.log('      ' + d);
  }
}

// The staff's similar-appeals list: recall@5 ranked by the alert's score alone (until 2026-12-06), and by listRank() (shipped).
console.log('\nsimilar-appeals list, recall@5: the alert score / listRank()');
for (const file of SETS) {
  const set = loadSet(path.join(HERE, file));
  const prep = new Map([...signatures(set)].map(([id, s]) => [id, prepare(s)]));
  const pc = (x: number) => (x * 100).toFixed(1);
  console.log(`  ${file}: ${pc(recallAtKWith(set, prep, (a, b) => similarity(a, b)).recall)} / ${pc(recallAtKWith(set, prep, listRank).recall)}`);
}
console.log('lexicon switched off (the development set cannot tell otherwise): n-grams gated by the complaint rule / ungated');
for (const file of SETS) {
  const set = loadSet(path.join(HERE, file));
  const prep = new Map([...signatures(set)].map(([id, s]) => [id, prepare(s)]));
  const pc = (x: number) => (x * 100).toFixed(1);
  console.log(`  ${file}: ${pc(recallAtKWith(set, prep, gramOnly).recall)} / ${pc(recallAtKWith(set, prep, (a, b) => gramCosine(a.grams, b.grams)).recall)}`);
}
