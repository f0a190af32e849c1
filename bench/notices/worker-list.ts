/**
 * The worker's notice list before and after the per-org walk (`notices_reach`), in one run:
 * `node --import tsx bench/notices/worker-list.ts` (BENCH_ENGINE=sqlite|postgres, BENCH_SCALE=S|M|L;
 * SQLite reuses bench/.data/notices-<scale>.sqlite when run.ts built it, else builds it; PostgreSQL
 * builds into an embedded server). Times, interleaved round by round so load falls on both alike:
 *   before — the old reads: one count and one page over `org_id in (the reader's orgs)`, sorted;
 *   after  — the same count and the page as one read per org, each stopped after the page;
 *   list   — the module's whole list call (count, page, rows, receipts) as the API answers a worker;
 * first without the index (the old schema), then with it; and prints both engines' plans.
 */
import os from 'node:os';
import path from 'node:path';
import { sql, type Kysely } from 'kysely';
import { migrateToLatest } from '../../server/core/db/migrate.js';
import { loadGrants } from '../../server/core/auth/auth.repository.js';
import { house } from '../../server/modules/registry.js';
import { installHouse } from '../../server/modules/compose.js';
import { systemContext } from '../../server/core/context.js';
import type { Call } from '../../server/core/call.js';
import { benchNotices as B } from '../../server/modules/notices/index.js';
import { percentile } from '../harness.js';
import { openBenchDatabase } from '../kit.js';
import { generateNoticeData, SPECS, type NoticeScale } from './data.js';

const scale = (process.env.BENCH_SCALE ?? 'L').toUpperCase() as NoticeScale;
if (!(scale in SPECS)) throw new Error('BENCH_SCALE must be S, M or L');
const engine = process.env.BENCH_ENGINE === 'postgres' ? 'postgres' : 'sqlite';
const ROUNDS = Number(process.env.BENCH_N ?? 100);
installHouse(house);

const cache = path.join(import.meta.dirname, '..', '.data', `notices-${scale}.sqlite`);
const { database, done, existed: built } = await openBenchDatabase('notices', cache, { name: 'xq_notices_worker', fresh: false });
const db = database.db as Kysely<any>;

async function plan(bound: string) {
  const rows = (await sql.raw(`${engine === 'postgres' ? 'explain (analyze, buffers) ' : 'explain query plan '}${bound}`).execute(db)).rows as any[];
  return rows.map((r) => r['QUERY PLAN'] ?? r.detail).join('\n');
}

try {
  if (!built) {
    await migrateToLatest(db, house.migrations);
    const t0 = Date.now();
    await generateNoticeData(db, scale);
    console.log(`built ${engine} ${scale} in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
  } else await migrateToLatest(db, house.migrations);
  if (engine === 'postgres') await sql`analyze`.execute(db);

  const acc = await db.selectFrom('accounts').select(['id', 'display_name', 'person_id']).where('username', '=', 'nworker').executeTakeFirstOrThrow();
  const actor = { accountId: acc.id, displayName: acc.display_name, personId: acc.person_id, grants: await loadGrants(db, acc.id), via: 'session' as const };
  const worker: Call = { db, actor, ctx: { ...systemContext('bench'), actor }, now: new Date() };
  const person = await db
    .selectFrom('persons as p')
    .innerJoin('orgs as o', 'o.id', 'p.org_id')
    .select(['o.path', 'p.employment_category'])
    .where('p.id', '=', acc.person_id)
    .executeTakeFirstOrThrow();
  const up: string[] = (person.path as string).split('/').filter(Boolean);
  const category = `%,${person.employment_category},%`;
  const reachSql = (categoryParam: number) => `n.status = 'published' and (n.categories is null or n.categories like $${categoryParam})`;
  const inList = up.map((_, i) => `$${i + 1}`).join(', ');
  const all = [...up, category];
  const countSql = `select count(*) as n from notices n where ${reachSql(up.length + 1)} and n.org_id in (${inList})`;
  const pageSql = `select n.id from notices n where ${reachSql(up.length + 1)} and n.org_id in (${inList}) order by n.published_at desc, n.id desc limit 20`;
  const armSql = `select n.id, n.published_at from notices n where ${reachSql(2)} and n.org_id = $1 order by n.published_at desc, n.id desc limit 20`;
  const bind = (q: string, params: unknown[]) => q.replace(/\$(\d+)/g, (_, i) => `'${String(params[+i - 1]).replace(/'/g, "''")}'`);
  const run = (q: string, params: unknown[]) => sql.raw(bind(q, params)).execute(db);
  // The old reads: the count, then one page sorted out of every reachable row.
  const before = async () => {
    await run(countSql, all);
    await run(pageSql, all);
  };
  // The new reads: the same count (index-only once notices_reach exists), and one short read per org.
  const after = async () => {
    await run(countSql, all);
    await Promise.all(up.map((o) => run(armSql, [o, category])));
  };
  // 「未读」 the old way: one NOT EXISTS probe of (notice_id, person_id) per reachable notice, in the count and the page.
  const unreadWhere = `not exists (select 1 from notice_receipts r where r.notice_id = n.id and r.person_id = '${acc.person_id}')`;
  const unreadBefore = async () => {
    await run(`${countSql} and ${unreadWhere}`, all);
    await run(pageSql.replace(' order by', ` and ${unreadWhere} order by`), all);
  };
  const list = () => B.list(worker, { page: 1, pageSize: 20, order: 'desc' });
  const unread = () => B.list(worker, { page: 1, pageSize: 20, order: 'desc', unread: true });

  const rows: string[] = [];
  const measure = async (label: string, paths: Record<string, () => Promise<unknown>>) => {
    const ms: Record<string, number[]> = Object.fromEntries(Object.keys(paths).map((k) => [k, []]));
    for (const f of Object.values(paths)) for (let i = 0; i < 5; i++) await f();
    for (let r = 0; r < ROUNDS; r++)
      for (const [k, f] of Object.entries(paths)) {
        const t0 = performance.now();
        await f();
        ms[k].push(performance.now() - t0);
      }
    const base = percentile(
      [...ms.before].sort((a, b) => a - b),
      50,
    );
    for (const [k, v] of Object.entries(ms)) {
      v.sort((a, b) => a - b);
      const p50 = percentile(v, 50);
      rows.push(`| ${label} | ${k} | ${p50.toFixed(2)} ms | ${percentile(v, 95).toFixed(2)} ms | ${(p50 / base).toFixed(2)} |`);
    }
  };

  await sql`drop index if exists notices_reach`.execute(db);
  await sql`drop index if exists notice_receipts_person`.execute(db);
  console.log(`-- plans without notices_reach (${engine})\n${await plan(bind(pageSql, all))}\n--\n${await plan(bind(countSql, all))}`);
  // Without the receipts' person index the new 「未读」 would scan every receipt: it is timed with the indexes only.
  await measure('without notices_reach', { before, after, list });
  await sql`create index notices_reach on notices (org_id, status, published_at, id, categories)`.execute(db);
  await sql`create index notice_receipts_person on notice_receipts (person_id, notice_id)`.execute(db);
  if (engine === 'postgres') await sql`analyze notices`.execute(db);
  console.log(`-- plans with notices_reach (${engine})\n${await plan(bind(armSql, [up.at(-1), category]))}\n--\n${await plan(bind(countSql, all))}`);
  await measure('with notices_reach', { before, after, list, unreadBefore, unread });

  const reach = Number(((await run(countSql, all)).rows[0] as any).n);
  console.log(
    `\nmachine: ${os.cpus().length} × ${os.cpus()[0]?.model}, load ${os
      .loadavg()
      .map((x) => x.toFixed(1))
      .join(' ')}; ${engine} ${scale}, ${reach} notices reach the worker, ${ROUNDS} rounds\n` +
      `| schema | path | p50 | p95 | p50 ÷ before p50 |\n|---|---|---:|---:|---:|\n${rows.join('\n')}`,
  );
} finally {
  await done();
}
