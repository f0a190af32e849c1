/**
 * Surveys at scale L (issue #20: 50 000 workers, 1 M responses; result cuts ≤ 200 ms, lists
 * p95 ≤ 20 ms), in process through the module's own services (no HTTP): one survey's results
 * whole and cut by unit, category and team (named and anonymous), its response rates, the
 * office's survey list, the recipients list (the indicator's drill), a worker's own surveys,
 * the screening list and per-unit view, and the three registry indicators over a year.
 *
 *   node --import tsx bench/surveys/run.ts                        # SQLite (temp file), scale L
 *   BENCH_SCALE=M node --import tsx bench/surveys/run.ts          # a tenth of the workers
 *   BENCH_ENGINE=postgres node --import tsx bench/surveys/run.ts  # embedded PostgreSQL
 *
 * Prints the figures with the scale and the machine; writes nothing into the repository.
 */
import { migrateToLatest } from '../../server/core/db/migrate.js';
import { addDays, shanghaiDate } from '../../server/core/calendar/calendar.js';
import { indicator } from '../../server/core/indicators/indicators.registry.js';
import { house } from '../../server/modules/registry.js';
import { installHouse } from '../../server/modules/compose.js';
import { surveysBench } from '../../server/modules/surveys/index.js';
import { resultFiguresBefore } from './before.js';
import { buildSurveysL, SCALE } from './data.js';
import { engine, openBenchDatabase, time, callAs, machine, analyze } from '../kit.js';

/** Wall time as `time` prints it, then this process's CPU per call (warm-up included): far less bound to the machine's load. */
async function timed(name: string, n: number, work: () => Promise<unknown>, limit: number) {
  const c0 = process.cpuUsage();
  await time(name, n, work, limit);
  const c = process.cpuUsage(c0);
  console.log(`${''.padEnd(52)} cpu ${((c.user + c.system) / 1000 / (n + 5)).toFixed(2).padStart(7)} ms/call (this process)`);
}

/** Timed calls per list measurement (BENCH_N); result cuts run a tenth as many. */
const N = Number(process.env.BENCH_N ?? 100);
installHouse(house);

const { database, done } = await openBenchDatabase('surveys');
try {
  const db = database.db;
  const t0 = performance.now();
  await migrateToLatest(db, house.migrations);
  const today = shanghaiDate(new Date());
  const w = await buildSurveysL(db, today);
  console.log(
    `engine ${engine}; scale ${SCALE.name}: ${SCALE.workers} workers, ${SCALE.surveys} surveys, ${w.responses} responses, ${SCALE.problems} screening problems; built in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );
  console.log(machine());
  await analyze(db);

  const as = (accountId: string, personId: string | null = null) => callAs(db, accountId, personId);
  const chair = await as(w.chairAccount);
  const worker = await as(w.workerAccount.accountId, w.workerAccount.personId);
  const named = w.surveyIds.find((id) => !w.anonymousIds.includes(id))!;
  const anon = w.anonymousIds[0];
  const page = { page: 1, pageSize: 20, order: 'asc' as const };
  const cuts = Math.max(5, Math.floor(N / 10));

  // The running totals answer exactly what grouping every answer answered (checked here on the bench's data too).
  for (const [id, cut] of [
    [named, 'unit'],
    [anon, 'org'],
    [named, undefined],
  ] as const) {
    const before = await resultFiguresBefore(db, id, cut);
    const after = await surveysBench.results(chair, id, cut);
    after.questions.forEach((q, i) =>
      [q.overall, ...q.cells].forEach((c, j) => {
        const b = before[i][j];
        const same = c.respondents === b.respondents && (!c.counts || c.counts.join() === b.counts.join()) && (c.answers === null || c.answers === b.answers);
        if (!same) throw new Error(`results differ: survey ${id}, cut ${cut}, question ${i}, cell ${c.group}`);
      }),
    );
  }
  console.log('same figures from the running totals as from grouping the answers: checked (unit, team, whole)');

  await timed('before: results figures, named survey, cut by unit (every answer grouped)', cuts, () => resultFiguresBefore(db, named, 'unit'), 200);
  await timed('results, named survey, whole', cuts, () => surveysBench.results(chair, named), 200);
  await timed('results, named survey, cut by unit', cuts, () => surveysBench.results(chair, named, 'unit'), 200);
  await timed('results, named survey, cut by category', cuts, () => surveysBench.results(chair, named, 'category'), 200);
  await timed('before: results figures, anonymous survey, cut by team', cuts, () => resultFiguresBefore(db, anon, 'org'), 200);
  await timed('results, anonymous survey, cut by team (200 teams)', cuts, () => surveysBench.results(chair, anon, 'org'), 200);
  await timed('response rates by unit', cuts, () => surveysBench.responseRates(chair, named, 'unit'), 200);
  await timed('survey list, union chair', N, () => surveysBench.list(chair, { ...page, order: 'desc' }), 20);
  await timed('recipients list, one survey, not answered', N, () => surveysBench.recipients(chair, { ...page, surveyId: named, answered: false }), 20);
  await timed('my surveys, worker', N, () => surveysBench.mine(worker), 20);
  await timed('screening list, open, union chair', N, () => surveysBench.screening(chair, { ...page, status: ['open', 'inProgress'] }), 20);
  await timed('screening per unit', N, () => surveysBench.units(chair), 20);
  const q = { scope: { all: false, paths: [w.group.path] }, from: addDays(today, -365), to: today };
  for (const key of ['surveys.responseRate', 'surveys.openProblems', 'surveys.agedProblems', 'surveys.topConcern']) {
    await timed(`indicator ${key}, a year, whole group`, cuts, () => indicator(key)!.compute(db, q), 200);
  }
} finally {
  await done();
}
