/**
 * The notices chain verification before and after batching its reads (issue #20: 50 000 entries
 * ≤ 5 s), in one run on the same data: `node --import tsx bench/notices/chain.ts` (BENCH_SCALE=S|M|L,
 * default L; BENCH_ENGINE=sqlite|postgres; SQLite reuses bench/.data/notices-<scale>.sqlite when
 * run.ts built it, else builds it). Interleaved round by round (BENCH_N rounds, default 3) so load
 * falls on all alike:
 *   floor  — read every entry and every stored notice state, nothing computed (the I/O a verification cannot skip);
 *   before — main's verification (copied below): one page read after another, each entry's state
 *            put in canonical form, and again each notice's;
 *   after  — the module's `verifyNoticeChain`.
 */
import os from 'node:os';
import path from 'node:path';
import { sql, type Kysely } from 'kysely';
import type { Db } from '../../server/core/db/database.js';
import { migrateToLatest } from '../../server/core/db/migrate.js';
import { house } from '../../server/modules/registry.js';
import { installHouse } from '../../server/modules/compose.js';
import { benchNotices as B, verifyNoticeChain } from '../../server/modules/notices/index.js';
import { openBenchDatabase } from '../kit.js';
import { generateNoticeData, SPECS, type NoticeScale } from './data.js';

const scale = (process.env.BENCH_SCALE ?? 'L').toUpperCase() as NoticeScale;
if (!(scale in SPECS)) throw new Error('BENCH_SCALE must be S, M or L');
const engine = process.env.BENCH_ENGINE === 'postgres' ? 'postgres' : 'sqlite';
const ROUNDS = Number(process.env.BENCH_N ?? 3);
installHouse(house);

const cache = path.join(import.meta.dirname, '..', '.data', `notices-${scale}.sqlite`);
const { database, done, existed } = await openBenchDatabase('notices', cache, { name: 'xq_notices_chain' });
const db = database.db as Kysely<any>;
const { canonical, entryHash, GENESIS } = B;
type ChainState = unknown;
type ChainContent = Record<string, any>;
type BreakReason = string;
interface Verification {
  ok: boolean;
  entries: number;
  headHash: string;
  broken: { seq: number; noticeId: string | null; reason: BreakReason } | null;
}

// ---- main's verification (before), as it was ----
const BATCH = 5_000;
const STATE_KEYS: string[] = ['noticeId', 'version', 'status', 'orgId', 'title', 'body', 'kind', 'categories', 'schedule', 'nextDueDate', 'source', 'files'];
const stateOf = (c: ChainContent) => canonical(Object.fromEntries(STATE_KEYS.map((k) => [k, c[k]])));

/**
 * Recomputes the whole chain from the first entry and names the first entry that does not
 * hold, then checks each notice as stored against its latest entry. Reads in batches.
 */
async function verifyBefore(
  db: Db,
  statesOf: (ids: string[]) => Promise<Map<string, { state: ChainState; chainSeq: number; chainHash: string }>>,
): Promise<Verification> {
  let prev = GENESIS;
  let expected = 1;
  const latest = new Map<string, { seq: number; state: string }>();
  const fail = (seq: number, noticeId: string | null, reason: BreakReason): Verification => ({
    ok: false,
    entries: expected - 1,
    headHash: prev,
    broken: { seq, noticeId, reason },
  });
  for (;;) {
    const rows = await (db as Kysely<any>).selectFrom('notice_chain').selectAll().where('seq', '>=', expected).orderBy('seq').limit(BATCH).execute();
    for (const r of rows) {
      const seq = Number(r.seq);
      if (seq !== expected) return fail(expected, null, 'missing');
      let c: ChainContent;
      try {
        c = JSON.parse(r.content) as ChainContent;
      } catch {
        return fail(seq, r.notice_id, 'hash');
      }
      if (c.seq !== seq || c.noticeId !== r.notice_id || c.action !== r.action || c.at !== r.at) return fail(seq, r.notice_id, 'moved');
      if (r.prev_hash !== prev) return fail(seq, r.notice_id, 'link');
      if (entryHash(prev, r.content) !== r.hash || canonical(c) !== r.content) return fail(seq, r.notice_id, 'hash');
      latest.set(r.notice_id, { seq, state: stateOf(c) });
      prev = r.hash;
      expected++;
    }
    if (rows.length < BATCH) break;
  }
  const ids = [...latest.keys()];
  const stored = await (db as Kysely<any>).selectFrom('notices').select('id').execute();
  // A notice with no entry at all was added behind the chain.
  const orphan = stored.find((n) => !latest.has(n.id));
  if (orphan) return fail(expected, orphan.id, 'notice');
  for (let i = 0; i < ids.length; i += 1_000) {
    const part = ids.slice(i, i + 1_000);
    const states = await statesOf(part);
    for (const id of part) {
      const want = latest.get(id)!;
      const got = states.get(id);
      if (!got || got.chainSeq !== want.seq || canonical(got.state) !== want.state) return fail(want.seq, id, 'notice');
    }
  }
  return { ok: true, entries: expected - 1, headHash: prev, broken: null };
}

try {
  if (!existed) {
    await migrateToLatest(db, house.migrations);
    const t0 = Date.now();
    await generateNoticeData(db, scale);
    console.log(`built ${engine} ${scale} in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
  } else await migrateToLatest(db, house.migrations);
  if (engine === 'postgres') await sql`analyze`.execute(db);

  const floor = async () => {
    let n = 0;
    for (let from = 1; ; from += 5_000) {
      const rows = await db
        .selectFrom('notice_chain')
        .selectAll()
        .where('seq', '>=', from)
        .where('seq', '<', from + 5_000)
        .execute();
      n += rows.length;
      if (rows.length < 5_000) break;
    }
    const ids = (await db.selectFrom('notices').select('id').execute()).map((r) => r.id as string);
    for (let i = 0; i < ids.length; i += 1_000) await B.storedStates(db as unknown as Db, ids.slice(i, i + 1_000));
    return { ok: true, entries: n };
  };
  const runs: [string, () => Promise<{ ok: boolean; entries: number }>][] = [
    ['floor: read entries and stored states', floor],
    ["before: main's verification", () => verifyBefore(db as unknown as Db, (ids) => B.storedStates(db as unknown as Db, ids))],
    ['after: verifyNoticeChain', () => verifyNoticeChain(db as unknown as Db)],
  ];
  const ms = new Map<string, number[]>(runs.map(([k]) => [k, []]));
  let entries = 0;
  for (let round = 0; round < ROUNDS; round++)
    for (const [name, run] of runs) {
      const t0 = performance.now();
      const v = await run();
      ms.get(name)!.push(performance.now() - t0);
      if (!v.ok) throw new Error(`${name}: the chain does not verify`);
      entries = v.entries;
    }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
  const floorMs = median(ms.get(runs[0][0])!);
  const beforeMs = median(ms.get(runs[1][0])!);
  console.log(
    `\nmachine: ${os.cpus().length} × ${os.cpus()[0]?.model}, load ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}; ${engine} ${scale}, ${entries} entries, ${ROUNDS} rounds (median)\n` +
      `| path | median | ÷ floor | ÷ before |\n|---|---:|---:|---:|\n` +
      runs
        .map(
          ([name]) =>
            `| ${name} | ${(median(ms.get(name)!) / 1000).toFixed(2)} s | ${(median(ms.get(name)!) / floorMs).toFixed(2)} | ${(median(ms.get(name)!) / beforeMs).toFixed(2)} |`,
        )
        .join('\n'),
  );
} finally {
  await done();
}
