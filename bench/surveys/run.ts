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
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase, type Database } from '../../server/core/db/database.js';
import { migrateToLatest } from '../../server/core/db/migrate.js';
import { loadGrants } from '../../server/core/auth/auth.repository.js';
import { addDays, shanghaiDate } from '../../server/core/calendar/calendar.js';
import { indicator } from '../../server/core/indicators/indicators.registry.js';
import type { Call } from '../../server/core/call.js';
import { house } from '../../server/modules/registry.js';
import { installHouse } from '../../server/modules/compose.js';
import { surveysBench } from '../../server/modules/surveys/index.js';
import { startPostgres } from '../../test/pg-global-setup.js';
import { buildSurveysL, SCALE } from './data.js';

const engine = (process.env.BENCH_ENGINE ?? 'sqlite') as 'sqlite' | 'postgres';
/** Timed calls per list measurement (BENCH_N); result cuts run a tenth as many. */
const N = Number(process.env.BENCH_N ?? 100);
installHouse(house);

async function open(): Promise<{ database: Database; done: () => Promise<void> }> {
  if (engine === 'postgres') {
    const pg = await startPostgres();
    const database = await openDatabase({ url: `${pg.url}/postgres`, poolSize: 5 });
    return { database, done: async () => { await database.close(); await pg.dispose(); } };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xq-bench-surveys-'));
  const database = await openDatabase({ url: path.join(dir, 'bench.sqlite') });
  return { database, done: async () => { await database.close(); fs.rmSync(dir, { recursive: true, force: true }); } };
}

const p = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))];

async function time(name: string, n: number, work: (i: number) => Promise<unknown>, limit: number) {
  for (let i = 0; i < 3; i++) await work(i); // warm the statement caches
  const ms: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await work(i);
    ms.push(performance.now() - t0);
  }
  const p95 = p(ms, 0.95);
  console.log(`${name.padEnd(56)} median ${p(ms, 0.5).toFixed(2).padStart(8)} ms   p95 ${p95.toFixed(2).padStart(8)} ms   target ≤ ${limit} ms ${p95 <= limit ? 'met' : 'NOT met'}`);
}

const { database, done } = await open();
try {
  const db = database.db;
  const t0 = performance.now();
  await migrateToLatest(db, house.migrations);
  const today = shanghaiDate(new Date());
  const w = await buildSurveysL(db, today);
  console.log(`engine ${engine}; scale ${SCALE.name}: ${SCALE.workers} workers, ${SCALE.surveys} surveys, ${w.responses} responses, ${SCALE.problems} screening problems; built in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  console.log(`machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? '?'}, load ${os.loadavg()[0].toFixed(2)}, node ${process.version}`);
  if (engine === 'postgres') await (db as any).executeQuery({ sql: 'analyze', parameters: [], query: { kind: 'RawNode' } }).catch(() => undefined);

  const callAs = async (accountId: string, personId: string | null = null): Promise<Call> => ({
    db,
    actor: { accountId, displayName: 'bench', personId, grants: await loadGrants(db, accountId), via: 'session' },
    ctx: { actor: null, ip: null, requestId: null, locale: 'zh-CN' },
    now: new Date(),
  });
  const chair = await callAs(w.chairAccount);
  const worker = await callAs(w.workerAccount.accountId, w.workerAccount.personId);
  const named = w.surveyIds.find((id) => !w.anonymousIds.includes(id))!;
  const anon = w.anonymousIds[0];
  const page = { page: 1, pageSize: 20, order: 'asc' as const };
  const cuts = Math.max(5, Math.floor(N / 10));

  await time('results, named survey, whole', cuts, () => surveysBench.results(chair, named), 200);
  await time('results, named survey, cut by unit', cuts, () => surveysBench.results(chair, named, 'unit'), 200);
  await time('results, named survey, cut by category', cuts, () => surveysBench.results(chair, named, 'category'), 200);
  await time('results, anonymous survey, cut by team (200 teams)', cuts, () => surveysBench.results(chair, anon, 'org'), 200);
  await time('response rates by unit', cuts, () => surveysBench.responseRates(chair, named, 'unit'), 200);
  await time('survey list, union chair', N, () => surveysBench.list(chair, { ...page, order: 'desc' }), 20);
  await time('recipients list, one survey, not answered', N, () => surveysBench.recipients(chair, { ...page, surveyId: named, answered: false }), 20);
  await time('my surveys, worker', N, () => surveysBench.mine(worker), 20);
  await time('screening list, open, union chair', N, () => surveysBench.screening(chair, { ...page, status: ['open', 'inProgress'] }), 20);
  await time('screening per unit', N, () => surveysBench.units(chair), 20);
  const q = { scope: { all: false, paths: [w.group.path] }, from: addDays(today, -365), to: today };
  for (const key of ['surveys.responseRate', 'surveys.openProblems', 'surveys.agedProblems']) {
    await time(`indicator ${key}, a year, whole group`, cuts, () => indicator(key)!.compute(db, q), 200);
  }
} finally {
  await done();
}
