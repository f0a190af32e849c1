/**
 * Teacher growth at scale L (issue #21: 1 500 teachers), in process through the module's own
 * services (no HTTP): a teacher's plan page and own list, the office's tier dashboard (the roster
 * of every teacher with tier, plan and mentors), any plan page as the office, the school's plan
 * list, and the five registry indicators over a year.
 *
 *   node --import tsx bench/teacherGrowth/run.ts                        # SQLite (temp file)
 *   BENCH_ENGINE=postgres node --import tsx bench/teacherGrowth/run.ts  # embedded PostgreSQL
 *
 * Prints the figures with the scale and the machine; writes nothing into the repository.
 */
import os from 'node:os';
import { migrateToLatest } from '../../server/core/db/migrate.js';
import { shanghaiDate } from '../../server/core/calendar/calendar.js';
import { indicator } from '../../server/core/indicators/indicators.registry.js';
import { house } from '../../server/modules/registry.js';
import { installHouse } from '../../server/modules/compose.js';
import { teacherGrowthOffice, teacherGrowthPlans } from '../../server/modules/teacherGrowth/index.js';
import { buildGrowthL, SCALE_L } from './data.js';
import { engine, N, openBenchDatabase, time, callAs, analyze } from '../kit.js';

installHouse(house);

const { database, done } = await openBenchDatabase('growth');
try {
  const db = database.db;
  const t0 = performance.now();
  await migrateToLatest(db, house.migrations);
  const today = shanghaiDate(new Date());
  const w = await buildGrowthL(db, today);
  console.log(
    `engine ${engine}; scale L: ${SCALE_L.teachers} teachers, ${w.planIds.length} open plans, ~${SCALE_L.teachers * SCALE_L.evidencePerTeacher} evidence; built in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );
  console.log(`machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? '?'}, load ${os.loadavg()[0]!.toFixed(2)}, node ${process.version}`);
  await analyze(db);

  const as = (accountId: string, personId: string | null = null) => callAs(db, accountId, personId);
  const office = await as(w.officeAccount);
  const teacher = await as(w.teacher.accountId, w.teacher.personId);

  await time("a teacher's plan page", N, () => teacherGrowthPlans.detail(teacher, w.teacher.planId), 20);
  await time("a teacher's own plans", N, () => teacherGrowthPlans.list(teacher, { view: 'mine', page: 1, pageSize: 50 }), 20);
  await time('any plan page, academic office', N, (i) => teacherGrowthPlans.detail(office, w.planIds[(i * 7919) % w.planIds.length]!), 20);
  await time('tier dashboard (roster of 1 500), academic office', 50, () => teacherGrowthOffice.roster(office, w.school.id), 200);
  await time(
    'school plan list, first page of 50, academic office',
    50,
    () => teacherGrowthPlans.list(office, { view: 'school', schoolId: w.school.id, page: 1, pageSize: 50 }),
    20,
  );
  await time(
    'school plan list, page 20 of 50, academic office',
    50,
    () => teacherGrowthPlans.list(office, { view: 'school', schoolId: w.school.id, page: 20, pageSize: 50 }),
    20,
  );
  const q = { scope: { all: false, paths: [w.school.path] }, from: `${Number(today.slice(0, 4)) - 1}${today.slice(4)}`, to: today };
  const keys = [
    'teacherGrowth.placed',
    'teacherGrowth.plansOnTrack',
    'teacherGrowth.observations',
    'teacherGrowth.observationsMet',
    'teacherGrowth.promotions',
    'teacherGrowth.dutiesDone',
  ];
  await time('dashboard: six indicators, the school, one year', 30, () => Promise.all(keys.map((k) => indicator(k)!.compute(db, q))), 200);
} finally {
  await done();
}
