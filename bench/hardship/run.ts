/**
 * Hardship at scale L (issue #19: 20 000 files, 200 000 assistance records; lists p95 ≤ 20 ms,
 * dashboards ≤ 200 ms), in process through the module's own services (no HTTP), each figure
 * beside a bare primary-key read of one file in the same run (the ratio is what compares across
 * machines): the officers' list (newest, by tier, a team by review due, a deep page), a worker's
 * own, the public notice, a file page (audited read), the counts, the year's totals and the eight indicators.
 *
 *   node --import tsx bench/hardship/run.ts                        # SQLite (temp file)
 *   BENCH_ENGINE=postgres node --import tsx bench/hardship/run.ts  # embedded PostgreSQL
 *
 * Prints the figures with the scale and the machine; writes nothing into the repository.
 */
import { migrateToLatest } from '../../server/core/db/migrate.js';
import { shanghaiDate } from '../../server/core/calendar/calendar.js';
import { indicator } from '../../server/core/indicators/indicators.registry.js';
import { house } from '../../server/modules/registry.js';
import { installHouse } from '../../server/modules/compose.js';
import { hardshipService } from '../../server/modules/hardship/index.js';
import { buildHardshipL, SCALE_L } from './data.js';
import { engine, N, openBenchDatabase, time, callAs, machine, analyze } from '../kit.js';

installHouse(house);

const { database, done } = await openBenchDatabase('hardship');
try {
  const db = database.db;
  const t0 = performance.now();
  await migrateToLatest(db, house.migrations);
  const today = shanghaiDate(new Date());
  const w = await buildHardshipL(db, today);
  console.log(
    `engine ${engine}; scale L: ${SCALE_L.files} files, ${SCALE_L.assistance} assistance records, ${SCALE_L.mines * SCALE_L.teamsPerMine} teams; built in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );
  console.log(machine());
  await analyze(db);

  const chair = await callAs(db, w.chairAccount);
  const worker = await callAs(db, w.workerAccount.accountId, w.workerAccount.personId);
  const page = { page: 1, pageSize: 20, order: 'asc' as const };
  const results: [string, { median: number; p95: number }][] = [];
  const run = async (name: string, n: number, work: (i: number) => Promise<unknown>, limit: number) => results.push([name, await time(name, n, work, limit)]);

  const bare = await time('bare: one file by primary key', N, (i) =>
    db
      .selectFrom('hardship_profiles' as any)
      .selectAll()
      .where('id' as any, '=', w.fileIds[(i * 7919) % w.fileIds.length])
      .executeTakeFirst(),
  );
  await run('list, union chair, newest first', N, () => hardshipService.list(chair, { ...page }), 20);
  await run('list, union chair, deep tier on file', N, () => hardshipService.list(chair, { ...page, tier: 'deep', status: ['filed'] }), 20);
  await run(
    'list, union chair, one team, by review due',
    N,
    (i) => hardshipService.list(chair, { ...page, orgId: w.teams[i % w.teams.length].id, sort: 'reviewDue' }),
    20,
  );
  await run('list, union chair, cause illness, page 20', N, () => hardshipService.list(chair, { ...page, page: 20, cause: 'illness' }), 20);
  await run('my application, a worker', N, () => hardshipService.list(worker, { ...page }), 20);
  await run('public notice, a worker', N, () => hardshipService.publicNotices(worker, page), 20);
  await run('file page (audited read), union chair', N, (i) => hardshipService.detail(chair, w.fileIds[(i * 7919) % w.fileIds.length]), 20);
  await run('dashboard: counts by tier, cause, state', 50, () => hardshipService.counts(chair), 200);
  await run('dashboard: year totals by kind, cause, fund', 50, () => hardshipService.totals(chair, { year: Number(today.slice(0, 4)) }), 200);
  const q = { scope: { all: false, paths: [w.group.path] }, from: `${Number(today.slice(0, 4)) - 1}${today.slice(4)}`, to: today };
  const keys = [
    'hardship.households',
    'hardship.newlyFiled',
    'hardship.exited',
    'hardship.relapseRate',
    'hardship.assistanceTotal',
    'hardship.assistancePerHousehold',
    'hardship.reviewsOnTime',
    'hardship.callbacksOnTime',
  ];
  await run('dashboard: eight indicators, whole group, one year', 30, () => Promise.all(keys.map((k) => indicator(k)!.compute(db, q))), 200);
  console.log(`\nratio of p95 to the bare read's p95 (${bare.p95.toFixed(2)} ms):`);
  for (const [name, r] of results) console.log(`  ${name.padEnd(52)} × ${(r.p95 / bare.p95).toFixed(1)}`);
} finally {
  await done();
}
