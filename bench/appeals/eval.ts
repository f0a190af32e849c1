/**
 * Precision and recall of group-alert similarity on the hand-labelled set in eval-set.json.
 *
 *   npx tsx bench/appeals/eval.ts            # default threshold, plus a threshold sweep
 *   npx tsx bench/appeals/eval.ts --bigrams  # the same without ICU (character-bigram fallback)
 *   npx tsx bench/appeals/eval.ts --set bench/appeals/eval-holdout.json
 *   npx tsx bench/appeals/eval.ts --set bench/appeals/eval-holdout2.json
 *
 * eval-set.json is the development set (lexicon and threshold were chosen on it). The two
 * hold-out sets were written without tuning on them and must stay that way: never change the
 * method to fix one of their items; report their figures as they come.
 *
 * Two decisions are measured:
 * - pairwise: two appeals of the same unit and category, at most `windowDays` apart, are
 *   "the same issue" when their similarity reaches the threshold; truth is "same group label";
 * - group: appeals arrive in date order through checkIntake() itself, on a real SQLite
 *   database (eval-intake.ts; the threshold sweep uses the in-memory replay(), which runs the
 *   same decision and reads);
 *   an alert is correct when most of its members carry one label of kind "group" (≥ 5
 *   distinct workers) not already alerted. Recall is over those groups.
 */
import path from 'node:path';
import { DEFAULT_APPEAL_SETTINGS } from '../../common/appeals.js';
import { intakeAlertsOnSqlite } from './eval-intake.js';
import { alertName, loadSet, type Alerts, type EvalAppeal, type EvalSet } from './eval-shapes.js';
import {
  decideWithReads,
  issueKeys,
  listRank,
  prepare,
  READ_MAX,
  READ_PER_KEY,
  signatureOf,
  similarity,
  type GroupCandidate,
  type Prepared,
} from '../../server/modules/appeals/index.js';

export { alertName, loadSet, type Alerts, type EvalAppeal, type EvalSet } from './eval-shapes.js';

export interface PairResult {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
  falsePositives: [string, string, number][];
  falseNegatives: [string, string, number][];
}

const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);

export function pairwise(set: EvalSet, sigs: Map<string, string[]>, threshold: number): PairResult {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  const falsePositives: [string, string, number][] = [];
  const falseNegatives: [string, string, number][] = [];
  const xs = set.appeals;
  for (let i = 0; i < xs.length; i++) {
    for (let j = i + 1; j < xs.length; j++) {
      const a = xs[i];
      const b = xs[j];
      const comparable = a.unit === b.unit && a.category === b.category && Math.abs(a.day - b.day) <= set.windowDays;
      const truth = comparable && a.group !== null && a.group === b.group;
      const score = comparable ? similarity(sigs.get(a.id)!, sigs.get(b.id)!) : 0;
      const predicted = comparable && score >= threshold;
      if (predicted && truth) tp++;
      else if (predicted) {
        fp++;
        falsePositives.push([a.id, b.id, score]);
      } else if (truth) {
        fn++;
        falseNegatives.push([a.id, b.id, score]);
      }
    }
  }
  const precision = ratio(tp, tp + fp);
  const recall = ratio(tp, tp + fn);
  return { tp, fp, fn, precision, recall, f1: (2 * precision * recall) / (precision + recall || 1), falsePositives, falseNegatives };
}

export interface GroupResult {
  alerts: number;
  correctAlerts: number;
  expectedGroups: number;
  alertedGroups: number;
  alertPrecision: number;
  alertRecall: number;
  memberPrecision: number;
  memberRecall: number;
  /** Distinct workers when each correct alert was raised (5 = raised at the 5th worker). */
  workersAtRaise: number[];
  details: string[];
}

/**
 * The in-memory replay: appeals in date order through decideWithReads() — the intake's own
 * decision and reads — with a reader that applies the rule of the intake's SQL
 * (groupAlert.repository.ts candidates()) to the appeals seen so far: the newest
 * READ_PER_KEY per key, then the READ_MAX sharing most keys, newest first; arrival order
 * stands for the id order (ids are time-ordered). Quick, for threshold sweeps; the published
 * figures come from eval-intake.ts, which runs the intake itself on a database, and
 * groupAlert.agreement.test.ts checks the two raise the same alerts.
 */
export async function replay(set: EvalSet, sigs: Map<string, string[]>, threshold: number): Promise<Alerts> {
  const order = [...set.appeals].sort((a, b) => a.day - b.day || a.id.localeCompare(b.id));
  const alertOf = new Map<string, string>();
  const alerts: Alerts = new Map();
  const keysOf = new Map(order.map((a) => [a.id, new Set(issueKeys(sigs.get(a.id)!))]));
  const seen: EvalAppeal[] = [];
  for (const a of order) {
    const bucket = seen.filter((c) => c.unit === a.unit && c.category === a.category && c.day >= a.day - set.windowDays);
    const read = async (keys: string[]): Promise<GroupCandidate[]> => {
      const hits = new Map<EvalAppeal, number>();
      for (const key of keys) {
        // Newest first: a later day, or on one day the later arrival (the larger id in the intake).
        const withKey = bucket
          .filter((c) => keysOf.get(c.id)!.has(key))
          .reverse()
          .sort((x, y) => y.day - x.day);
        for (const c of withKey.slice(0, READ_PER_KEY)) hits.set(c, (hits.get(c) ?? 0) + 1);
      }
      const rank = (c: EvalAppeal) => seen.indexOf(c);
      return [...hits]
        .sort((x, y) => y[1] - x[1] || y[0].day - x[0].day || rank(y[0]) - rank(x[0]))
        .slice(0, READ_MAX)
        .map(([c]) => ({ id: c.id, authorKey: c.worker, tokens: sigs.get(c.id)!, alertId: alertOf.get(c.id) ?? null, alertActive: true }));
    };
    const d = await decideWithReads({ id: a.id, authorKey: a.worker, tokens: sigs.get(a.id)! }, read, { minWorkers: set.minWorkers, threshold });
    if (d.action === 'raise') {
      const id = alertName(alerts.size + 1);
      alerts.set(id, { members: d.members, workersAtRaise: d.workerCount });
      for (const m of d.members) alertOf.set(m, id);
    } else if (d.action === 'join') {
      alerts.get(d.alertId)!.members.push(a.id);
      alertOf.set(a.id, d.alertId);
    }
    seen.push(a);
  }
  return alerts;
}

export async function groups(set: EvalSet, sigs: Map<string, string[]>, threshold: number): Promise<GroupResult> {
  return scoreAlerts(set, await replay(set, sigs, threshold));
}

/** How the alerts compare with the hand labels. */
export function scoreAlerts(set: EvalSet, alerts: Alerts): GroupResult {
  const alertOf = new Map<string, string>();
  for (const [id, a] of alerts) for (const m of a.members) alertOf.set(m, id);
  const byId = new Map(set.appeals.map((a) => [a.id, a]));
  const expected = new Set(set.appeals.filter((a) => a.kind === 'group').map((a) => a.group!));
  const matched = new Map<string, string>();
  let correct = 0;
  let memberTp = 0;
  let memberTotal = 0;
  const workersAtRaise: number[] = [];
  const details: string[] = [];
  for (const [id, alert] of alerts) {
    const labels = new Map<string, number>();
    for (const m of alert.members) {
      const g = byId.get(m)!.group ?? '(none)';
      labels.set(g, (labels.get(g) ?? 0) + 1);
    }
    const [label] = [...labels.entries()].sort((a, b) => b[1] - a[1])[0];
    const ok = expected.has(label) && !matched.has(label);
    if (ok) {
      matched.set(label, id);
      correct++;
      workersAtRaise.push(alert.workersAtRaise);
    }
    memberTotal += alert.members.length;
    memberTp += ok ? (labels.get(label) ?? 0) : 0;
    details.push(`${ok ? 'ok ' : 'BAD'} ${id} → ${label}: ${alert.members.map((m) => `${m}(${byId.get(m)!.group ?? '-'})`).join(' ')}`);
  }
  let groupMembers = 0;
  let groupMembersFound = 0;
  for (const g of expected) {
    const members = set.appeals.filter((a) => a.group === g);
    groupMembers += members.length;
    const alertId = matched.get(g);
    if (alertId) groupMembersFound += members.filter((m) => alertOf.get(m.id) === alertId).length;
    else details.push(`MISSED ${g}`);
  }
  return {
    alerts: alerts.size,
    correctAlerts: correct,
    expectedGroups: expected.size,
    alertedGroups: matched.size,
    alertPrecision: ratio(correct, alerts.size),
    alertRecall: ratio(matched.size, expected.size),
    memberPrecision: ratio(memberTp, memberTotal),
    memberRecall: ratio(groupMembersFound, groupMembers),
    workersAtRaise,
    details,
  };
}

/**
 * Recall@k of the staff's similar-appeals list (groupAlert.similar.ts): for an appeal of a
 * true group, is another member among its k most similar appeals of the same unit (any
 * category) submitted within the window of it? Ranked as the list ranks them (listRank()).
 */
export function recallAtK(set: EvalSet, sigs: Map<string, string[]>, k = 5): { hits: number; total: number; recall: number } {
  return recallAtKWith(set, new Map(set.appeals.map((a) => [a.id, prepare(sigs.get(a.id)!)])), listRank, k, listRead(set, sigs));
}

/**
 * What the staff's list reads for an appeal (groupAlert.repository.ts similarCandidates()):
 * per category the newest READ_PER_KEY of each of its keys within the window either side, of
 * all those the READ_MAX sharing most keys, the later first on a tie (arrival order within a day).
 */
export function listRead(set: EvalSet, sigs: Map<string, string[]>): (a: EvalAppeal, near: EvalAppeal[]) => EvalAppeal[] {
  const keysOf = new Map(set.appeals.map((a) => [a.id, new Set(issueKeys(sigs.get(a.id)!))]));
  const order = [...set.appeals].sort((a, b) => a.day - b.day || a.id.localeCompare(b.id));
  const rank = new Map(order.map((a, i) => [a.id, i]));
  return (a, near) => {
    const hits = new Map<EvalAppeal, number>();
    for (const key of keysOf.get(a.id)!) {
      for (const category of new Set(near.map((c) => c.category))) {
        const withKey = near.filter((c) => c.category === category && keysOf.get(c.id)!.has(key)).sort((x, y) => rank.get(y.id)! - rank.get(x.id)!);
        for (const c of withKey.slice(0, READ_PER_KEY)) hits.set(c, (hits.get(c) ?? 0) + 1);
      }
    }
    return [...hits]
      .sort((x, y) => y[1] - x[1] || rank.get(y[0].id)! - rank.get(x[0].id)!)
      .slice(0, READ_MAX)
      .map(([c]) => c);
  };
}

/** The same for any similarity (eval-methods.ts); `read`: what the list reads of the appeals near one (all, by default). */
export function recallAtKWith(
  set: EvalSet,
  prepared: Map<string, Prepared>,
  sim: (a: Prepared, b: Prepared) => number,
  k = 5,
  read: (a: EvalAppeal, near: EvalAppeal[]) => EvalAppeal[] = (_, near) => near,
): { hits: number; total: number; recall: number } {
  let hits = 0;
  let total = 0;
  for (const a of set.appeals) {
    if (a.kind !== 'group') continue;
    const within = set.appeals.filter((c) => c.id !== a.id && c.unit === a.unit && Math.abs(c.day - a.day) <= set.windowDays);
    // Counted on every appeal near it, read or not: a member the bounded read leaves out is a miss.
    if (!within.some((c) => c.group === a.group)) continue;
    total++;
    const near = read(a, within);
    const top = near
      .map((c) => ({ c, s: sim(prepared.get(a.id)!, prepared.get(c.id)!) }))
      .filter((x) => x.s > 0)
      .sort((x, y) => y.s - x.s || x.c.day - y.c.day)
      .slice(0, k);
    if (top.some((x) => x.c.group === a.group)) hits++;
  }
  return { hits, total, recall: ratio(hits, total) };
}

export function signatures(set: EvalSet, forceBigrams = false) {
  return new Map(set.appeals.map((a) => [a.id, signatureOf(a.title, a.description, { forceBigrams })]));
}

const pct = (x: number) => (x * 100).toFixed(1) + '%';

async function main() {
  const args = process.argv.slice(2);
  const file = args.includes('--set') ? args[args.indexOf('--set') + 1] : path.join(path.dirname(new URL(import.meta.url).pathname), 'eval-set.json');
  const bigrams = args.includes('--bigrams');
  const verbose = args.includes('--verbose');
  const set = loadSet(file);
  const sigs = signatures(set, bigrams);
  const threshold = args.includes('--threshold') ? Number(args[args.indexOf('--threshold') + 1]) : DEFAULT_APPEAL_SETTINGS.groupThreshold;
  const kinds = new Map<string, number>();
  for (const a of set.appeals) kinds.set(a.kind, (kinds.get(a.kind) ?? 0) + 1);
  console.log(`set: ${path.relative(process.cwd(), file)} — ${set.appeals.length} appeals (${[...kinds].map(([k, n]) => `${k} ${n}`).join(', ')})`);
  console.log(
    `segmentation: ${bigrams ? 'character bigrams (fallback)' : 'Intl.Segmenter (ICU) + lexicon'}; window ${set.windowDays} d; ≥ ${set.minWorkers} workers; threshold ${threshold}`,
  );
  const p = pairwise(set, sigs, threshold);
  console.log(`pairwise: precision ${pct(p.precision)}  recall ${pct(p.recall)}  F1 ${pct(p.f1)}  (tp ${p.tp}, fp ${p.fp}, fn ${p.fn})`);
  // The published figure: the intake's own code on a real SQLite database (eval-intake.ts).
  const run = threshold === DEFAULT_APPEAL_SETTINGS.groupThreshold && !bigrams ? await intakeAlertsOnSqlite(set) : null;
  const g = run ? scoreAlerts(set, run.alerts) : await groups(set, sigs, threshold);
  if (run)
    console.log(
      `group check: through checkIntake() on SQLite, ${(run.msPerAppeal.reduce((a, b) => a + b, 0) / run.msPerAppeal.length).toFixed(2)} ms per appeal`,
    );
  else console.log('group check: in-memory replay (only the default threshold with ICU runs the intake itself)');
  console.log(
    `group alerts: precision ${pct(g.alertPrecision)} (${g.correctAlerts}/${g.alerts})  recall ${pct(g.alertRecall)} (${g.alertedGroups}/${g.expectedGroups})  ` +
      `members: precision ${pct(g.memberPrecision)} recall ${pct(g.memberRecall)}  raised at worker #${summary(g.workersAtRaise)}`,
  );
  const r5 = recallAtK(set, sigs);
  console.log(`similar-appeals list: recall@5 ${pct(r5.recall)} (${r5.hits}/${r5.total})`);
  console.log('\nthreshold sweep (pairwise P / R — alert P / R):');
  for (let t = 0.3; t <= 0.751; t += 0.05) {
    const pp = pairwise(set, sigs, t);
    const gg = await groups(set, sigs, t);
    console.log(
      `  ${t.toFixed(2)}  ${pct(pp.precision).padStart(6)} / ${pct(pp.recall).padStart(6)}  —  ${pct(gg.alertPrecision).padStart(6)} / ${pct(gg.alertRecall).padStart(6)}`,
    );
  }
  if (verbose) {
    const byId = new Map(set.appeals.map((a) => [a.id, a]));
    const show = (id: string) => `${id}[${byId.get(id)!.group ?? '-'}] ${byId.get(id)!.title} {${sigs.get(id)!.join(' ')}}`;
    console.log('\nfalse positives:');
    for (const [a, b, s] of p.falsePositives) console.log(`  ${s.toFixed(2)}  ${show(a)}  ~  ${show(b)}`);
    console.log('\nfalse negatives:');
    for (const [a, b, s] of p.falseNegatives) console.log(`  ${s.toFixed(2)}  ${show(a)}  ~  ${show(b)}`);
    console.log('\nalerts:');
    for (const d of g.details) console.log('  ' + d);
  }
}

function summary(xs: number[]) {
  if (!xs.length) return '-';
  const counts = new Map<number, number>();
  for (const x of xs) counts.set(x, (counts.get(x) ?? 0) + 1);
  return [...counts.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([k, n]) => `${k}×${n}`)
    .join(', ');
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) await main();
