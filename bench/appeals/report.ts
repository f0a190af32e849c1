/**
 * Writes the "Appeals: group-alert similarity" section of bench/RESULTS.md (and nothing else):
 * precision/recall on the labelled sets, and the intake check's latency.
 *
 *   npx tsx bench/appeals/report.ts            # evaluation now; latency from the last intake runs
 *   npx tsx bench/appeals/report.ts --intake   # also re-run the intake benchmark (SQLite, PostgreSQL, hot buckets; minutes)
 *
 * Intake runs are kept in bench/.data/appeals-intake-*.json (git-ignored).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { DEFAULT_APPEAL_SETTINGS } from '../../common/appeals.js';
import { groups, loadSet, pairwise, recallAtK, scoreAlerts, signatures } from './eval.js';
import { intakeAlertsOnSqlite } from './eval-intake.js';
import { writeResultsSection } from '../harness.js';

const HERE = path.dirname(new URL(import.meta.url).pathname);
const ROOT = path.resolve(HERE, '../..');
const DATA = path.join(ROOT, 'bench/.data');
const HEADING = '## Appeals: group-alert similarity';
const θ = DEFAULT_APPEAL_SETTINGS.groupThreshold;
const pct = (x: number) => `${(x * 100).toFixed(1)} %`;

const RUNS = [
  { file: 'appeals-intake-sqlite-20.json', args: ['--engine', 'sqlite', '--units', '20'] },
  { file: 'appeals-intake-postgres-20.json', args: ['--engine', 'postgres', '--units', '20'] },
  { file: 'appeals-intake-sqlite-2.json', args: ['--engine', 'sqlite', '--units', '2'] },
];

if (process.argv.includes('--intake')) {
  fs.mkdirSync(DATA, { recursive: true });
  for (const run of RUNS) {
    console.log(`intake benchmark ${run.args.join(' ')} …`);
    const res = spawnSync(process.execPath, ['--import', 'tsx', path.join(HERE, 'intake.bench.ts'), ...run.args], { cwd: ROOT, encoding: 'utf8' });
    if (res.status !== 0) throw new Error(res.stderr);
    const json = res.stdout.slice(res.stdout.indexOf('{'));
    fs.writeFileSync(path.join(DATA, run.file), JSON.stringify({ ...JSON.parse(json), at: new Date().toISOString(), load: os.loadavg()[0] }, null, 1));
  }
}

const SETS = [
  ['development (`eval-set.json`)', 'eval-set.json'],
  ['held out 1 (`eval-holdout.json`)', 'eval-holdout.json'],
  ['held out 2 (`eval-holdout2.json`)', 'eval-holdout2.json'],
  ['held out 3 (`eval-holdout3.json`)', 'eval-holdout3.json'],
  ['held out 4 (`eval-holdout4.json`)', 'eval-holdout4.json'],
  ['held out 5 (`eval-holdout5.json`)', 'eval-holdout5.json'],
  ['held out 6 (`eval-holdout6.json`)', 'eval-holdout6.json'],
  ['held out 7 (`eval-holdout7.json`)', 'eval-holdout7.json'],
  ['held out 8 (`eval-holdout8.json`)', 'eval-holdout8.json'],
] as const;
const rows: string[] = [];
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / (xs.length || 1);
for (const [label, file] of SETS) {
  const set = loadSet(path.join(HERE, file));
  for (const bigrams of [false, true]) {
    const sigs = signatures(set, bigrams);
    const p = pairwise(set, sigs, θ);
    // ICU (what the server runs): the intake itself on a real SQLite database; the bigram fallback: the replay.
    const run = bigrams ? null : await intakeAlertsOnSqlite(set);
    const g = run ? scoreAlerts(set, run.alerts) : await groups(set, sigs, θ);
    const r5 = recallAtK(set, sigs);
    const falseAlerts = g.alerts - g.correctAlerts;
    rows.push(
      `| ${label}, ${set.appeals.length} appeals | ${bigrams ? 'bigram fallback (replay)' : 'ICU + lexicon + n-grams (**shipped, through `checkIntake()`**)'} | ${pct(p.precision)} | ${pct(p.recall)} | ${pct(p.f1)} | ` +
        `${g.alertedGroups}/${g.expectedGroups} (${pct(g.alertRecall)}) | ${falseAlerts} (${((falseAlerts * 100) / set.appeals.length).toFixed(1)}) | ${pct(r5.recall)} | ${run ? mean(run.msPerAppeal).toFixed(2) : '—'} |`,
    );
  }
}

const latency: string[] = [];
for (const run of RUNS) {
  const f = path.join(DATA, run.file);
  if (!fs.existsSync(f)) continue;
  const saved = JSON.parse(fs.readFileSync(f, 'utf8'));
  // intake.bench.ts prints each checkout's figures under variants (this one: `this`); older runs kept them at the top.
  const v = saved.variants?.this;
  const r = v ? { ...saved, ...v, candidatesScored: v.candidatesRead, alertsRaisedByTheRandomLoad: saved.alertsRaisedByTheRandomLoad } : saved;
  latency.push(
    `| ${r.engine} | ${r.units} | ${r.appealsInWindow.toLocaleString('en-US')} | ${r.appealsInUnitAndCategory.median.toLocaleString('en-US')} | ` +
      `${r.candidatesScored.median} / ${r.candidatesScored.p95} | ${r.checkMs.p50} | ${r.checkMs.p95} | ${r.checkMs.max} | ${r.alertsRaisedByTheRandomLoad} of ${r.runs} | ${r.load === undefined ? '—' : r.load.toFixed(1)} |`,
  );
}

const body = [
  `Written by \`npx tsx bench/appeals/report.ts\` on ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC (Node.js ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model.trim()}). Method: docs/architecture.md, "Group-dispute early warning". Threshold ${θ}, window 30 days, ≥ 5 distinct workers, same unit and category.`,
  '',
  '### Precision and recall',
  '',
  'Pairwise: every two appeals of one unit and category at most 30 days apart are "the same issue" when they score ≥ the threshold; truth is the hand label. Groups: the appeals of a set, in date order, each written to a fresh SQLite database and checked by `checkIntake()` itself (`bench/appeals/eval-intake.ts`: the same key read, decision and order as a submission; `groupAlert.agreement.test.ts` checks on both engines that it raises exactly the in-memory replay\'s alerts); an alert is correct when most of its members carry one label of a group with ≥ 5 distinct workers not yet alerted, else it is a false alert. Recall@5: for an appeal of a true group, another member is among the 5 first of the staff\'s similar-appeals list (same unit, any category, within the window). ms: `checkIntake()` per appeal on that small database, on a shared machine (load average in the latency table below).',
  '',
  '| set | method | pairwise precision | pairwise recall | F1 | groups alerted | false alerts (per 100 appeals) | recall@5 | ms per appeal |',
  '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ...rows,
  '',
  'Targets on every hold-out: ≥ 80 % of groups alerted, ≤ 1 false alert per 100 appeals, recall@5 ≥ 95 %.',
  '',
  '#### Methods tried on 2026-12-06 (ICU segmentation; groups through the same decision, in-memory replay)',
  '',
  'Thresholds were chosen on the development set (the n-gram ones with the lexicon switched off, so the development set says something about topics the lexicon does not know). Held out 3 and 4 were written and committed before any change to the method. While the n-gram prototype was written its first threshold sweep printed every set, and the variants below were each run once on every set; no item of a hold-out was looked at and no choice was made on hold-out figures — the last choice (row 5 over row 4) was made on the development set and the near-miss test of `groupAlert.test.ts`.',
  '',
  '| method | development P / R / F1, groups | held out 1 | held out 2 | held out 3 | held out 4 |',
  '| --- | --- | --- | --- | --- | --- |',
  '| 1. lexicon, as before (intake and evaluation disagreed) | 90.4 / 96.5 / 93.4, 28/28 | 81.6 / 44.0 / 57.1, 3/8 | 59.7 / 52.9 / 56.1, 7/10 | 74.5 / 28.9 / 41.6, 4/10 | 67.4 / 22.1 / 33.3, 1/10 |',
  '| 2. lexicon, one rule (its `-` fallback no longer reaches keyed appeals) | 90.4 / 96.5 / 93.4, 28/28 | 79.5 / 38.5 / 51.9, 3/8 | 59.7 / 52.9 / 56.1, 7/10 | 76.1 / 24.6 / 37.2, 3/10 | 65.1 / 20.0 / 30.6, 1/10 |',
  '| 3a. n-grams alone: Han bigrams, IDF from the set itself, cosine ≥ 0.06 | 79 / 52 / 62, 15/28 | 86 / 55 / 67, 1/8 | 69 / 43 / 53, 3/10 | 85 / 47 / 61, 1/10 | 78 / 43 / 55, 0/10 |',
  '| 3b. n-grams alone: + characters × 1.5, cosine ≥ 0.07 (recall@5 1.00 / 0.98 / 1.00 / 0.98 / 0.98) | 72 / 86 / 79, 23/28 | 75 / 80 / 78, 6/8 | 58 / 73 / 64, 10/10 | 79 / 79 / 79, 9/10 | 76 / 76 / 76, 5/10 |',
  '| 4. lexicon or n-grams (3b with IDF from the development set, rare-character keys), whichever scores higher | 78.6 / 98.2 / 87.4, 26/28 | 77.9 / 73.6 / 75.7, 4/8 | 57.7 / 80.0 / 67.1, 10/10 | 76.9 / 79.6 / 78.2, 9/10 | 73.6 / 75.7 / 74.6, 7/10 |',
  '| 5. as 4, but where the lexicon knows both topics it judges alone (**shipped**) | see the table above | | | | |',
  '',
  "No false alert in any row. Row 5 gives up two groups of held out 4 against row 4 to keep the development set whole (28/28 instead of 26/28) and the lexicon's near-miss rule (夜班津贴没发 ≠ 夜班津贴算错了) where it knows the topic. Not met: ≥ 80 % of groups on held out 1 and 4 — paraphrases there share too few characters (发薪日一拖再拖 / 工资到账太晚), or the lexicon knows the topic and is strict; recall@5 ≥ 95 % is met on every set, so staff can link what the alert misses.",
  'Cost and memory: the n-gram half adds a 1 357-feature background table (`server/core/similarity/idf.ts`, 22 kB of source) and ~100 feature tokens per stored signature; a check scores more candidates (the rare-character keys) — see the latency table. Idle RSS of the server is not measurably changed (the table is under 1 MiB in memory).',
  '',
  '### Intake check latency',
  '',
  '`checkIntake()` per new appeal, in its transaction (bucket lock, candidate read through the key index, scoring, decision, signature insert; alert creation when one is raised). Appeals in the window are synthetic: eval-set texts at random over the units, categories weighted as in the demo — far denser in near-duplicates than real appeals, so alerts are raised far more often than in life.',
  '',
  '| engine | units | appeals in window | in the unit × category (median) | candidates scored (median / p95) | p50 ms | p95 ms | max ms | alerts raised | load avg |',
  '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ...(latency.length ? latency : ['| — | | | | | | | | | |']),
  '',
  '- Target ≤ 20 ms p95 with 100 000 appeals in the window, 20 units: **not shown met on 2026-12-06.** The only run of the shipped method (SQLite, 20 units) was made at load average ≈ 16 on 2 cores (six builds and test suites sharing the machine), where every figure is inflated many times; and the rare-character keys make a check read and score more candidates than the lexicon keys alone (median 288 instead of 39, p95 536 instead of 123). The lexicon-only method measured 3.31 ms p95 on SQLite and 10.45 ms on PostgreSQL at load 1.5 (2026-11-25). PostgreSQL and the 2-unit stress case were not re-run. Re-run `npx tsx bench/appeals/report.ts --intake` on a quiet machine; if the target is missed, keys from rarer characters (a lower share than 6.5 %) or title characters only cut the candidates, at a recall cost to be measured on the development set.',
  '',
].join('\n');

const out = path.join(ROOT, 'bench/RESULTS.md');
writeResultsSection(out, HEADING, body);
console.log(`wrote the "${HEADING.slice(3)}" section of ${path.relative(ROOT, out)}`);
