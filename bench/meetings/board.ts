/**
 * Decided-items board and meetings at scale L (bench/meetings/data.ts: 100 000 decided items,
 * 5 000 meetings), measured at the service layer: the first page of the chair's board (all, by
 * due date; overdue only; by progress; page 50), a department staff member's board, an
 * owner's "mine" list, a worker-facing public list, and the carry-over of a meeting late in
 * its series. Prints median and p95 per query against the 20 ms; asserts nothing.
 *
 *   node --import tsx bench/meetings/board.ts                         # SQLite (temp file)
 *   BENCH_ENGINE=postgres node --import tsx bench/meetings/board.ts   # embedded PostgreSQL
 *   (scale L builds in ~1 min; BENCH_N=n timed calls per query, default 200)
 */
import { migrateToLatest } from '../../server/core/db/migrate.js';
import { house } from '../../server/modules/registry.js';
import { installHouse } from '../../server/modules/compose.js';
import * as decided from '../../server/core/decidedItems/decidedItems.queries.js';
import { carryOver } from '../../server/modules/meetings/index.js';
import { buildMeetingsData } from './data.js';
import { analyze, callAs, engine, indicatorBreakdown, indicatorPage, machine, N, openBenchDatabase, time } from '../kit.js';

installHouse(house);
const { database, done } = await openBenchDatabase('meetings');
try {
  const db = database.db;
  await migrateToLatest(db, house.migrations);
  const t0 = performance.now();
  const data = await buildMeetingsData(db);
  console.log(`engine ${engine}; scale L: 100 000 decided items, 5 000 meetings; built in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  console.log(machine());
  await analyze(db);

  const chair = await callAs(db, data.chairId);
  const staff = await callAs(db, data.deptStaffId);
  const owner = await callAs(db, data.ownerIds[7]);
  const page = { page: 1, pageSize: 20, order: 'asc' as const };
  await time('board: chair, all, by due date', N, () => decided.list(chair, { ...page, sort: 'dueDate' }), 20);
  await time('board: chair, overdue, by due date', N, () => decided.list(chair, { ...page, sort: 'dueDate', status: 'overdue' }), 20);
  await time('board: chair, by progress desc', N, () => decided.list(chair, { ...page, sort: 'progress', order: 'desc' }), 20);
  await time('board: chair, page 50', N, () => decided.list(chair, { ...page, page: 50, sort: 'dueDate' }), 20);
  await time('board: chair, one mine, by due date', N, () => decided.list(chair, { ...page, sort: 'dueDate', orgId: data.mineId }), 20);
  await time("board: a mine's union staff, by due date", N, () => decided.list(staff, { ...page, sort: 'dueDate' }), 20);
  await time('board: owner, mine', N, () => decided.list(owner, { ...page, mine: '1', sort: 'dueDate' }), 20);
  await time('board: owner, everything visible', N, () => decided.list(owner, { ...page, sort: 'dueDate' }), 20);
  await time('public list: chair scope', N, () => decided.publicList(chair, page), 20);
  const last = await (db as any)
    .selectFrom('meetings')
    .selectAll()
    .where('id', '=', data.meetingIds[data.meetingIds.length - 1])
    .executeTakeFirstOrThrow();
  await time('carry-over of the 25th meeting of a series', N, () => carryOver(db, last));
  // The indicator pages (issue #17: ≤ 200 ms): decided items' figures (core) and meetings', the group over all the data's years.
  for (const modules of [['core'], ['meetings']]) {
    const count = await indicatorPage(db, modules, '2000-01-01', '2100-12-31');
    await time(`indicator page: ${count} ${modules[0]} figures, group, all years`, 20, () => indicatorPage(db, modules, '2000-01-01', '2100-12-31'), 200, 2);
    await indicatorBreakdown(db, modules, '2000-01-01', '2100-12-31');
  }
} finally {
  await done();
}
