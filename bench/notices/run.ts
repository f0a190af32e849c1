/**
 * Transparent notices at scale: `node --import tsx bench/notices/run.ts` (BENCH_SCALE=S|M|L,
 * default L; BENCH_ENGINE=sqlite|postgres, default sqlite — postgres starts an embedded server).
 * Builds the data (data.ts) into a fresh database, then, in-process: read receipts per second
 * against a bare one-row insert in its own transaction (the issue: a receipt ≥ 30 % of a bare
 * insert), list p50/p95 as a worker and as union staff (≤ 20 ms), and one verification of the
 * whole chain (≤ 5 s). No HTTP: Fastify's constant overhead would add the same to both sides.
 */
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { migrateToLatest } from '../../server/core/db/migrate.js';
import { loadGrants } from '../../server/core/auth/auth.repository.js';
import { house } from '../../server/modules/registry.js';
import { installHouse } from '../../server/modules/compose.js';
import { systemContext } from '../../server/core/context.js';
import { writeCallIn, type Call } from '../../server/core/call.js';
import { newId } from '../../server/core/ids.js';
import { benchNotices as B, verifyNoticeChain } from '../../server/modules/notices/index.js';
import { percentile } from '../harness.js';
import { openBenchDatabase } from '../kit.js';
import { generateNoticeData, SPECS, type NoticeScale } from './data.js';

const scale = (process.env.BENCH_SCALE ?? 'L').toUpperCase() as NoticeScale;
if (!(scale in SPECS)) throw new Error('BENCH_SCALE must be S, M or L');
const engine = process.env.BENCH_ENGINE === 'postgres' ? 'postgres' : 'sqlite';
installHouse(house);

const cache = path.join(import.meta.dirname, '..', '.data', `notices-${scale}.sqlite`);
const { database, done } = await openBenchDatabase('notices', cache, { name: 'xq_notices_bench', fresh: true });
const db = database.db;

try {
  await migrateToLatest(db, house.migrations);
  let t0 = Date.now();
  const data = await generateNoticeData(db, scale);
  console.log(
    `${engine} ${scale}: ${data.counts.notices} notices, ${data.counts.receipts} receipts, ${data.counts.workers} workers in ${((Date.now() - t0) / 1000).toFixed(0)} s`,
  );
  if (engine === 'postgres') await sql`analyze`.execute(db);

  const callAs = async (username: string): Promise<Call> => {
    const acc = await db.selectFrom('accounts').select(['id', 'display_name', 'person_id']).where('username', '=', username).executeTakeFirstOrThrow();
    const actor = { accountId: acc.id, displayName: acc.display_name, personId: acc.person_id, grants: await loadGrants(db, acc.id), via: 'session' as const };
    return { db, actor, ctx: { ...systemContext('bench'), actor }, now: new Date() };
  };
  const worker = await callAs(data.worker);
  const staff = await callAs(data.keeper);
  const rows: string[] = [];

  // ---- throughput: a receipt against a bare insert, each its own transaction ----
  await sql`create table bench_bare (id text primary key, at text not null)`.execute(db);
  const own = (await B.list(worker, { page: 1, pageSize: 200, order: 'desc' })).items.map((n) => n.id);
  const reachable = await db
    .selectFrom('notices' as any)
    .select('id' as any)
    .where('org_id' as any, 'in', (worker.actor.grants[0]?.orgPath ?? '').split('/').filter(Boolean))
    .execute()
    .then((r: any[]) => r.map((x) => x.id as string));
  const person = worker.actor.personId!;
  const team = await db.selectFrom('persons').select('org_id').where('id', '=', person).executeTakeFirstOrThrow();
  const teamNotices = (
    await db
      .selectFrom('notices' as any)
      .select('id' as any)
      .where('org_id' as any, '=', team.org_id)
      .execute()
  ).map((r: any) => r.id as string);
  const targets = [...new Set([...teamNotices, ...reachable, ...own])];
  await db
    .deleteFrom('notice_receipts' as any)
    .where('person_id' as any, '=', person)
    .execute();
  const ops = Math.min(1_000, targets.length);
  const rate = async (name: string, n: number, run: (i: number) => Promise<unknown>) => {
    const started = performance.now();
    for (let i = 0; i < n; i++) await run(i);
    const perSec = n / ((performance.now() - started) / 1000);
    console.log(`${name}: ${perSec.toFixed(0)}/s over ${n}`);
    return perSec;
  };
  const bare = await rate('bare insert', ops, () =>
    db.transaction().execute((tx) =>
      tx
        .insertInto('bench_bare' as any)
        .values({ id: newId(), at: new Date().toISOString() } as any)
        .execute(),
    ),
  );
  const first = await rate('read receipt, first read', ops, (i) =>
    db.transaction().execute((tx) => B.read(writeCallIn(db, tx, worker.actor, worker.ctx), targets[i])),
  );
  const again = await rate('read receipt, read again (no-op)', ops, (i) =>
    db.transaction().execute((tx) => B.read(writeCallIn(db, tx, worker.actor, worker.ctx), targets[i])),
  );
  rows.push(
    `| read receipt, first read | ${first.toFixed(0)}/s | ${((first / bare) * 100).toFixed(0)} % of bare insert (${bare.toFixed(0)}/s) | ≥ 30 % | ${first / bare >= 0.3 ? 'yes' : 'NO'} |`,
  );
  rows.push(
    `| read receipt, again | ${again.toFixed(0)}/s | ${((again / bare) * 100).toFixed(0)} % of bare insert | ≥ 30 % | ${again / bare >= 0.3 ? 'yes' : 'NO'} |`,
  );

  // ---- lists ----
  const N = 200;
  const time = async (name: string, target: number, run: (i: number) => Promise<unknown>) => {
    for (let i = 0; i < 10; i++) await run(i);
    const ms: number[] = [];
    for (let i = 0; i < N; i++) {
      t0 = performance.now();
      await run(i);
      ms.push(performance.now() - t0);
    }
    ms.sort((a, b) => a - b);
    const p95 = percentile(ms, 95);
    rows.push(`| ${name} | p50 ${percentile(ms, 50).toFixed(1)} ms | p95 ${p95.toFixed(1)} ms | ≤ ${target} ms | ${p95 <= target ? 'yes' : 'NO'} |`);
    console.log(rows.at(-1));
  };
  await time('worker: my notices, first page', 20, () => B.list(worker, { page: 1, pageSize: 20, order: 'desc' }));
  await time('worker: unread', 20, () => B.list(worker, { page: 1, pageSize: 20, order: 'desc', unread: true }));
  await time('staff desk: newest', 20, () => B.list(staff, { page: 1, pageSize: 20, order: 'desc', desk: true }));
  await time('staff desk: a month', 20, () => B.list(staff, { page: 1, pageSize: 20, order: 'desc', desk: true, from: '2026-06-01', to: '2026-06-30' }));

  // ---- the chain ----
  t0 = Date.now();
  const v = await verifyNoticeChain(db);
  const ms = Date.now() - t0;
  rows.push(`| verify the chain (${v.entries} entries, ok ${v.ok}) | ${ms} ms | | ≤ 5000 ms | ${ms <= 5000 && v.ok ? 'yes' : 'NO'} |`);
  console.log(
    `\nmachine: ${os.cpus().length} × ${os.cpus()[0]?.model}, load ${os.loadavg()[0].toFixed(1)}; ${engine} ${scale}\n| path | figure | ratio / p95 | target | met |\n|---|---|---|---|---|\n${rows.join('\n')}`,
  );
} finally {
  await done();
}
