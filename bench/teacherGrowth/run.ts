/**
 * Teacher growth at scale L (issue #21: 1 500 teachers), in process through the module's own
 * services (no HTTP): a teacher's plan page and own list, the office's tier dashboard (the roster
 * of every teacher with tier, plan and mentors), any plan page as the office, the school's plan
 * list, and the four registry indicators over a year.
 *
 *   node --import tsx bench/teacherGrowth/run.ts                        # SQLite (temp file)
 *   BENCH_ENGINE=postgres node --import tsx bench/teacherGrowth/run.ts  # embedded PostgreSQL
 *
 * Prints the figures with the scale and the machine; writes nothing into the repository.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase, type Database } from '../../server/core/db/database.js';
import { migrateToLatest } from '../../server/core/db/migrate.js';
import { loadGrants } from '../../server/core/auth/auth.repository.js';
import { shanghaiDate } from '../../server/core/calendar/calendar.js';
import { indicator } from '../../server/core/indicators/indicators.registry.js';
import type { Call } from '../../server/core/call.js';
import { house } from '../../server/modules/registry.js';
import { installHouse } from '../../server/modules/compose.js';
import { teacherGrowthOffice, teacherGrowthPlans } from '../../server/modules/teacherGrowth/index.js';
import { startPostgres } from '../../test/pg-global-setup.js';
import { buildGrowthL, SCALE_L } from './data.js';

const engine = (process.env.BENCH_ENGINE ?? 'sqlite') as 'sqlite' | 'postgres';
/** Timed calls per measurement (BENCH_N). */
const N = Number(process.env.BENCH_N ?? 200);
installHouse(house);

async function open(): Promise<{ database: Database; done: () => Promise<void> }> {
  if (engine === 'postgres') {
    const pg = await startPostgres();
    const database = await openDatabase({ url: `${pg.url}/postgres`, poolSize: 5 });
    return { database, done: async () => { await database.close(); await pg.dispose(); } };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xq-bench-growth-'));
  const database = await openDatabase({ url: path.join(dir, 'bench.sqlite') });
  return { database, done: async () => { await database.close(); fs.rmSync(dir, { recursive: true, force: true }); } };
}

const p = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))]!;

async function time(name: string, n: number, work: (i: number) => Promise<unknown>, limit: number) {
  for (let i = 0; i < 5; i++) await work(i); // warm the statement caches
  const ms: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await work(i);
    ms.push(performance.now() - t0);
  }
  const p95 = p(ms, 0.95);
  console.log(`${name.padEnd(52)} median ${p(ms, 0.5).toFixed(2).padStart(7)} ms   p95 ${p95.toFixed(2).padStart(7)} ms   target ≤ ${limit} ms ${p95 <= limit ? 'met' : 'NOT met'}`);
}

const { database, done } = await open();
try {
  const db = database.db;
  const t0 = performance.now();
  await migrateToLatest(db, house.migrations);
  const today = shanghaiDate(new Date());
  const w = await buildGrowthL(db, today);
  console.log(`engine ${engine}; scale L: ${SCALE_L.teachers} teachers, ${w.planIds.length} open plans, ~${SCALE_L.teachers * SCALE_L.evidencePerTeacher} evidence; built in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  console.log(`machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? '?'}, load ${os.loadavg()[0]!.toFixed(2)}, node ${process.version}`);
  if (engine === 'postgres') await (db as any).executeQuery({ sql: 'analyze', parameters: [], query: { kind: 'RawNode' } }).catch(() => undefined);

  const callAs = async (accountId: string, personId: string | null = null): Promise<Call> => ({
    db,
    actor: { accountId, displayName: 'bench', personId, grants: await loadGrants(db, accountId), via: 'session' },
    ctx: { actor: null, ip: null, requestId: null, locale: 'zh-CN' },
    now: new Date(),
  });
  const office = await callAs(w.officeAccount);
  const teacher = await callAs(w.teacher.accountId, w.teacher.personId);

  await time("a teacher's plan page", N, () => teacherGrowthPlans.detail(teacher, w.teacher.planId), 20);
  await time("a teacher's own plans", N, () => teacherGrowthPlans.list(teacher, { view: 'mine' }), 20);
  await time('any plan page, academic office', N, (i) => teacherGrowthPlans.detail(office, w.planIds[(i * 7919) % w.planIds.length]!), 20);
  await time('tier dashboard (roster of 1 500), academic office', 50, () => teacherGrowthOffice.roster(office, w.school.id), 200);
  await time('school plan list, academic office', 50, () => teacherGrowthPlans.list(office, { view: 'school', schoolId: w.school.id }), 200);
  const q = { scope: { all: false, paths: [w.school.path] }, from: `${Number(today.slice(0, 4)) - 1}${today.slice(4)}`, to: today };
  const keys = ['teacherGrowth.placed', 'teacherGrowth.plansOnTrack', 'teacherGrowth.observations', 'teacherGrowth.promotions'];
  await time('dashboard: four indicators, the school, one year', 30, () => Promise.all(keys.map((k) => indicator(k)!.compute(db, q))), 200);
} finally {
  await done();
}
