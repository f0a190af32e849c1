/**
 * The staff desk's "a month" filter (from/to) at scale L, before and after bounding the walked
 * index by the days (notices.repository.ts `filtered`), in one run on one database. Both sides run
 * the kit's pagedList (bounded count, then the page's ids walking `notices_published (published_at, id)`)
 * over the desk's scope (the group's subtree) with the filter as main wrote it (published_date only)
 * and as it is now (published_date and the same days on published_at); then the module's whole
 * list call. Read receipts are not built: neither the count nor the ids read touches them.
 *
 *   BENCH_SCALE=L BENCH_N=50 node --import tsx bench/notices/month.ts   (BENCH_ENGINE=postgres too)
 */
import type { Kysely } from 'kysely';
import { migrateToLatest } from '../../server/core/db/migrate.js';
import { indexedWalk, pagedList } from '../../server/core/db/pagedList.js';
import { addDays } from '../../server/core/calendar/calendar.js';
import { engineOf } from '../../server/core/db/dialect.js';
import { house } from '../../server/modules/registry.js';
import { installHouse } from '../../server/modules/compose.js';
import { benchNotices as B } from '../../server/modules/notices/index.js';
import { analyze, callAs, engine, machine, N, openBenchDatabase, time } from '../kit.js';
import { generateNoticeData, SPECS, type NoticeScale } from './data.js';

const scale = (process.env.BENCH_SCALE ?? 'L').toUpperCase() as NoticeScale;
if (!(scale in SPECS)) throw new Error('BENCH_SCALE must be S, M or L');
installHouse(house);
const { database, done } = await openBenchDatabase('notices-month', undefined, { name: 'xq_notices_month' });
const db = database.db;

try {
  await migrateToLatest(db, house.migrations);
  const t0 = Date.now();
  const data = await generateNoticeData(db, scale, new Date(), { receipts: false });
  await analyze(db);
  console.log(`${engine} ${scale}: ${data.counts.notices} notices in ${((Date.now() - t0) / 1000).toFixed(0)} s; ${machine()}`);
  // The busiest month half a year back: the walk from the newest notice passes half the year before it.
  const to = addDays(new Date().toISOString().slice(0, 10), -180);
  const from = addDays(to, -29);
  const k = db as Kysely<any>;
  const scope = (q: any) => q.where('n.org_id', 'in', k.selectFrom('orgs').select('orgs.id').where('orgs.path', 'like', `${data.groupPath}%`));
  const daysOnly = (q: any) => q.where('n.published_date', '>=', from).where('n.published_date', '<=', to);
  const bounded = (q: any) =>
    daysOnly(q)
      .where('n.published_at', '>=', `${addDays(from, -1)}T16:00:00.000Z`)
      .where('n.published_at', '<', `${to}T16:00:00.000Z`);
  const page = (filter: (q: any) => any) =>
    pagedList(k, {
      counted: filter(scope(k.selectFrom('notices as n'))),
      ids: (walk) => filter(scope(indexedWalk(k, 'notices as n', 'notices_published', walk))),
      sort: { column: 'n.published_at', id: 'n.id', order: 'desc' },
      keyed: true,
      page: { page: 1, pageSize: 20 },
      load: async (ids) => ids.map((id) => ({ id })),
    });
  const a = await page(daysOnly);
  const b = await page(bounded);
  if (JSON.stringify(a) !== JSON.stringify(b)) throw new Error('the two filters answered different pages');
  console.log(`month ${from}..${to}: ${a.total}${a.totalCapped ? '+' : ''} notices, same page both ways`);
  if (engineOf(db) === 'sqlite')
    for (const [name, f] of [
      ['before', daysOnly],
      ['after', bounded],
    ] as const) {
      const q = f(scope(indexedWalk(k, 'notices as n', 'notices_published', true)))
        .select('n.id')
        .orderBy('n.published_at', 'desc')
        .orderBy('n.id', 'desc')
        .limit(21)
        .compile();
      const rows = await db.executeQuery<{ detail: string }>({ ...q, sql: `explain query plan ${q.sql}` });
      console.log(`plan ${name}: ${rows.rows.map((r: any) => r.detail).join(' | ')}`);
    }
  const n = Math.min(N, 100);
  const before = await time('desk month, page 1 (main: published_date only)', n, () => page(daysOnly));
  const after = await time('desk month, page 1 (days on the walked index)', n, () => page(bounded), 20);
  const staff = await callAs(db, (await k.selectFrom('accounts').select('id').where('username', '=', data.keeper).executeTakeFirstOrThrow()).id);
  const call = await time('module list call: desk, a month', n, () => B.list(staff, { page: 1, pageSize: 20, order: 'desc', desk: true, from, to }), 20);
  console.log(
    `ratio after ÷ before (median): ${(after.median / before.median).toFixed(3)}; p95 ${(after.p95 / before.p95).toFixed(3)}; whole call p95 ${call.p95.toFixed(2)} ms`,
  );
} finally {
  await done();
}
