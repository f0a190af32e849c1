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
import { groups, loadSet, pairwise, signatures } from './eval.js';
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

const rows: string[] = [];
for (const [label, file] of [
  ['development (`eval-set.json`)', 'eval-set.json'],
  ['held out (`eval-holdout.json`)', 'eval-holdout.json'],
  ['held out 2 (`eval-holdout2.json`)', 'eval-holdout2.json'],
] as const) {
  const set = loadSet(path.join(HERE, file));
  for (const bigrams of [false, true]) {
    const sigs = signatures(set, bigrams);
    const p = pairwise(set, sigs, θ);
    const g = groups(set, sigs, θ);
    rows.push(
      `| ${label}, ${set.appeals.length} appeals | ${bigrams ? 'bigram fallback' : 'ICU + lexicon'} | ${pct(p.precision)} | ${pct(p.recall)} | ${pct(p.f1)} | ` +
        `${pct(g.alertPrecision)} (${g.correctAlerts}/${g.alerts}) | ${pct(g.alertRecall)} (${g.alertedGroups}/${g.expectedGroups}) | ${pct(g.memberPrecision)} / ${pct(g.memberRecall)} |`,
    );
  }
}

const latency: string[] = [];
for (const run of RUNS) {
  const f = path.join(DATA, run.file);
  if (!fs.existsSync(f)) continue;
  const r = JSON.parse(fs.readFileSync(f, 'utf8'));
  latency.push(
    `| ${r.engine} | ${r.units} | ${r.appealsInWindow.toLocaleString('en-US')} | ${r.appealsInUnitAndCategory.median.toLocaleString('en-US')} | ` +
      `${r.candidatesScored.median} / ${r.candidatesScored.p95} | ${r.checkMs.p50} | ${r.checkMs.p95} | ${r.checkMs.max} | ${r.alertsRaisedByTheRandomLoad} of ${r.runs} | ${r.load === undefined ? '—' : r.load.toFixed(1)} |`,
  );
}

const body = [
  `Written by \`npx tsx bench/appeals/report.ts\` on ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC (Node.js ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model.trim()}). Method: docs/architecture.md, "职工诉求 Appeals". Threshold ${θ}, window 30 days, ≥ 5 distinct workers, same unit and category.`,
  '',
  '### Precision and recall',
  '',
  'Pairwise: every two appeals of one unit and category at most 30 days apart are "the same issue" when they score ≥ the threshold; truth is the hand label. Alerts: the appeals replayed in date order through the same `decideGroup()` the service runs; an alert is correct when most of its members carry one label of a group with ≥ 5 distinct workers not yet alerted.',
  '',
  '| set | segmentation | pairwise precision | pairwise recall | F1 | alert precision | alert recall | member precision / recall |',
  '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |',
  ...rows,
  '',
  '- The development set (311 appeals: 28 groups of ≥ 5 workers, groups that must not alert — fewer workers, one worker five times, the same issue in two units, stale —, same-words-other-issue near misses and noise) was written for this module, and the lexicon and threshold were tuned on it: its figures are optimistic.',
  '- The held-out set (74 appeals, 8 groups) was written after that tuning; the lexicon was not changed after it was written. Its low recall is the honest limit of the method: it finds paraphrases reliably when the lexicon knows the topic (安全奖, 防暑用品, 停水 were unknown to it). Alerts that do fire stay precise.',
  '- Held out 2 (`eval-holdout2.json`, 100 appeals, 10 groups) was written on 2026-11-25 before any change to the method, on topics neither other set covers (井下人车, 劳保鞋, 体检, 高温补贴, 倒班, 社保缴费基数, 夜班食堂, 宿舍热水, 入托, 工伤认定), with near misses that share the topic words but name another grievance, a small group, one worker five times, another unit, stale appeals and noise. The method is unchanged, so its row is the honest "before" figure: the 0.9 aim is NOT met on unseen topics (recall about one half on both held-out sets, precision 0.6 on held out 2).',
  '- Tried on 2026-11-25 and NOT adopted (code kept out; thresholds chosen on the development set only; hold-out figures looked at as aggregates a few times, never item by item). (1) Plain words and single characters weighted by rarity (IDF over the development set, each labelled group counted once) added to the lexicon concepts, topics and problem families tempering the score instead of gating it, candidates read by title anchors: development P 91.6 % / R 95.7 %, held out P 88.6 % / R 42.9 %, held out 2 P 63.0 % / R 48.6 %, and a large loss in the bigram fallback; reading a whole unit × category window instead took p95 275 ms on PostgreSQL. (2) A pure rarity-weighted word-and-character cosine without the lexicon: F1 0.75 on the development set. (3) Weighted containment of each title in the other text (geometric mean of both directions) over rarity-weighted words, characters and concepts, with the family gate: development P 89.1 % / R 91.8 %, held out P 87.8 % / R 47.3 %, held out 2 P 59.3 % / R 52.1 %. (4) Either (3) or the lexicon method matching: development P 90.0 % / R 97.1 %, held out P 83.3 % / R 49.5 %, held out 2 P 61.5 % / R 57.1 % — about +5 points of recall on unseen topics at equal precision, not worth a second signature, a data migration and a bigger key table.',
  '- What limits every lexical method here: paraphrases on an unseen topic share few characters (人车 / 猴车 / 通勤车; 发薪日一拖再拖 / 工资到账太晚), and near misses share exactly the rare topic words. Reaching 0.9 on unseen topics needs knowledge of meaning — a general Chinese thesaurus or a small sentence-embedding model run locally — which the project does not have installed.',
  '',
  '### Intake check latency',
  '',
  '`checkIntake()` per new appeal, in its transaction (bucket lock, candidate read through the key index, scoring, decision, signature insert; alert creation when one is raised). Appeals in the window are synthetic: eval-set texts at random over the units, categories weighted as in the demo — far denser in near-duplicates than real appeals, so alerts are raised far more often than in life.',
  '',
  '| engine | units | appeals in window | in the unit × category (median) | candidates scored (median / p95) | p50 ms | p95 ms | max ms | alerts raised | load avg |',
  '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ...(latency.length ? latency : ['| — | | | | | | | | | |']),
  '',
  '- Target ≤ 20 ms with 100 000 appeals in the window, 20 units: compare each row\'s p95 with its load average (last column): on a quiet machine both engines are well under it (2026-11-25 02:06: SQLite 3.31 ms, PostgreSQL 10.45 ms); under load average ≈ 6.7 the same run gave PostgreSQL ≈ 24 ms, so tails move with the machine. The 2-unit row is a stress case (14 000 appeals per unit and category, half of the checks raising an alert).',
  '',
].join('\n');

const out = path.join(ROOT, 'bench/RESULTS.md');
writeResultsSection(out, HEADING, body);
console.log(`wrote the "${HEADING.slice(3)}" section of ${path.relative(ROOT, out)}`);
