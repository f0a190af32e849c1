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
import { analyze, callAs, engine, explainCall, indicatorBreakdown, indicatorPage, machine, N, openBenchDatabase, time } from '../kit.js';

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
  const lines: [string, (c: typeof chair) => Promise<unknown>, typeof chair][] = [
    ['board: chair, all, by due date', (c) => decided.list(c, { ...page, sort: 'dueDate' }), chair],
    ['board: chair, overdue, by due date', (c) => decided.list(c, { ...page, sort: 'dueDate', status: 'overdue' }), chair],
    ['board: chair, by progress desc', (c) => decided.list(c, { ...page, sort: 'progress', order: 'desc' }), chair],
    ['board: chair, page 50', (c) => decided.list(c, { ...page, page: 50, sort: 'dueDate' }), chair],
    ['board: chair, one mine, by due date', (c) => decided.list(c, { ...page, sort: 'dueDate', orgId: data.mineId }), chair],
    ["board: a mine's union staff, by due date", (c) => decided.list(c, { ...page, sort: 'dueDate' }), staff],
    ['board: owner, mine', (c) => decided.list(c, { ...page, mine: '1', sort: 'dueDate' }), owner],
    ['board: owner, everything visible', (c) => decided.list(c, { ...page, sort: 'dueDate' }), owner],
    ['public list: chair scope', (c) => decided.publicList(c, page), chair],
  ];
  // BENCH_PLANS=1: each line's statements with their plans first (where the time goes), then the timings.
  if (process.env.BENCH_PLANS) for (const [label, run, who] of lines) await explainCall(db, label, (d) => run({ ...who, db: d }));
  for (const [label, run, who] of lines) await time(label, N, () => run(who), 20);
  const last = await (db as any)
    .selectFrom('meetings')
    .selectAll()
    .where('id', '=', data.meetingIds[data.meetingIds.length - 1])
    .executeTakeFirstOrThrow();
  await time('carry-over of the 25th meeting of a series', N, () => carryOver(db, last));
  // The indicator pages (issue #17: ≤ 200 ms): decided items' figures (core) and meetings', the group over all the data's years.
  for (const modules of [['core'], ['meetings']]) {
    if (process.env.BENCH_PLANS) await explainCall(db, `indicator page: ${modules[0]}`, (d) => indicatorPage(d, modules, '2000-01-01', '2100-12-31'));
    const count = await indicatorPage(db, modules, '2000-01-01', '2100-12-31');
    await time(`indicator page: ${count} ${modules[0]} figures, group, all years`, 20, () => indicatorPage(db, modules, '2000-01-01', '2100-12-31'), 200, 2);
    await indicatorBreakdown(db, modules, '2000-01-01', '2100-12-31');
  }
} finally {
  await done();
}
