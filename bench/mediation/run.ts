/**
 * Mediation at scale L (issue #19: 50 000 cases; lists p95 ≤ 20 ms, dashboards ≤ 200 ms), in
 * process through the module's own services (no HTTP): the desk list as the union chair, the
 * red-light filter, a mediator's own desk, a worker's own cases, a case page (with its audited
 * read), and the six registry indicators over a year for the whole group.
 *
 *   node --import tsx bench/mediation/run.ts                        # SQLite (temp file)
 *   BENCH_ENGINE=postgres node --import tsx bench/mediation/run.ts  # embedded PostgreSQL
 *
 * Prints the figures with the scale and the machine; writes nothing into the repository.
 */
import { migrateToLatest } from '../../server/core/db/migrate.js';
import { shanghaiDate } from '../../server/core/calendar/calendar.js';
import { indicator } from '../../server/core/indicators/indicators.registry.js';
import { house } from '../../server/modules/registry.js';
import { installHouse } from '../../server/modules/compose.js';
import { mediationService } from '../../server/modules/mediation/index.js';
import { buildMediationL, SCALE_L } from './data.js';
import { engine, N, openBenchDatabase, time, callAs, machine, analyze } from '../kit.js';

installHouse(house);

const { database, done } = await openBenchDatabase('mediation');
try {
  const db = database.db;
  const t0 = performance.now();
  await migrateToLatest(db, house.migrations);
  const today = shanghaiDate(new Date());
  const w = await buildMediationL(db, today);
  console.log(
    `engine ${engine}; scale L: ${SCALE_L.cases} cases, ${SCALE_L.workers} workers, ${SCALE_L.mines * SCALE_L.teamsPerMine} teams; built in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );
  console.log(machine());
  await analyze(db);

  const as = (accountId: string, personId: string | null = null) => callAs(db, accountId, personId);
  const chair = await as(w.chairAccount);
  const mediator = await as(w.mediatorAccounts[0]);
  const worker = await as(w.workerAccount.accountId, w.workerAccount.personId);
  const page = { page: 1, pageSize: 20, order: 'asc' as const };

  await time('desk list, union chair, newest first', N, () => mediationService.list(chair, { ...page }), 20);
  await time('desk list, union chair, red lights', N, () => mediationService.list(chair, { ...page, light: 'red' }), 20);
  await time(
    'desk list, union chair, one team, by mediation due',
    N,
    (i) => mediationService.list(chair, { ...page, orgId: w.teams[i % w.teams.length].id, sort: 'mediationDue' }),
    20,
  );
  await time(
    'desk list, union chair, page 50 of agreements',
    N,
    () => mediationService.list(chair, { ...page, page: 50, status: ['agreed', 'performed'] }),
    20,
  );
  await time('desk list, a mediator (named + new)', N, () => mediationService.list(mediator, { ...page }), 20);
  await time('my cases, a worker', N, () => mediationService.list(worker, { ...page }), 20);
  await time('case page (audited read), union chair', N, (i) => mediationService.detail(chair, w.caseIds[(i * 7919) % w.caseIds.length]), 20);
  const q = { scope: { all: false, paths: [w.group.path] }, from: `${Number(today.slice(0, 4)) - 1}${today.slice(4)}`, to: today };
  const keys = ['mediation.cases', 'mediation.successRate', 'mediation.onTimeRate', 'mediation.referred', 'mediation.amountAgreed', 'mediation.amountPaid'];
  await time('dashboard: six indicators, whole group, one year', 30, () => Promise.all(keys.map((k) => indicator(k)!.compute(db, q))), 200);
} finally {
  await done();
}
