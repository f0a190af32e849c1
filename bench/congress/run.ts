/**
 * The congress at scale L (issue #17: ≈ 5 000 proposals over 10 years; lists p95 ≤ 20 ms;
 * casting a vote ≥ 30 % of a bare insert in the same run), in process through the module's
 * services (no HTTP): a session's proposal list as the union chair (newest, by number, one
 * status), the ten-year indicator drill list, a handler's desk; then casting secret ballots,
 * each in its own transaction, against a bare one-row insert in its own transaction.
 *
 *   node --import tsx bench/congress/run.ts                        # SQLite (temp file)
 *   BENCH_ENGINE=postgres node --import tsx bench/congress/run.ts  # embedded PostgreSQL
 *
 * Prints the figures with the scale and the machine; writes nothing into the repository.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Kysely } from 'kysely';
import { openDatabase, type Database } from '../../server/core/db/database.js';
import { migrateToLatest } from '../../server/core/db/migrate.js';
import { loadGrants } from '../../server/core/auth/auth.repository.js';
import { shanghaiDate } from '../../server/core/calendar/calendar.js';
import { newId } from '../../server/core/ids.js';
import { writeCallIn, type Call } from '../../server/core/call.js';
import { house } from '../../server/modules/registry.js';
import { installHouse } from '../../server/modules/compose.js';
import { congressProposals as proposals, congressVotes as votes } from '../../server/modules/congress/index.js';
import { startPostgres } from '../../test/pg-global-setup.js';
import { buildCongressL, SCALE_L } from './data.js';

const engine = (process.env.BENCH_ENGINE ?? 'sqlite') as 'sqlite' | 'postgres';
const N = Number(process.env.BENCH_N ?? 200);
installHouse(house);

async function open(): Promise<{ database: Database; done: () => Promise<void> }> {
  if (engine === 'postgres') {
    const pg = await startPostgres();
    const database = await openDatabase({ url: `${pg.url}/postgres`, poolSize: 5 });
    return { database, done: async () => { await database.close(); await pg.dispose(); } };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xq-bench-congress-'));
  const database = await openDatabase({ url: path.join(dir, 'bench.sqlite') });
  return { database, done: async () => { await database.close(); fs.rmSync(dir, { recursive: true, force: true }); } };
}

const p = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))];

async function time(name: string, n: number, work: (i: number) => Promise<unknown>, limit?: number, warm = 5) {
  for (let i = 0; i < warm; i++) await work(i);
  const ms: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await work(i + warm);
    ms.push(performance.now() - t0);
  }
  const p95 = p(ms, 0.95);
  const median = p(ms, 0.5);
  console.log(`${name.padEnd(52)} median ${median.toFixed(2).padStart(7)} ms   p95 ${p95.toFixed(2).padStart(7)} ms${limit ? `   target ≤ ${limit} ms ${p95 <= limit ? 'met' : 'NOT met'}` : ''}`);
  return { median, p95 };
}

const { database, done } = await open();
try {
  const db = database.db;
  const t0 = performance.now();
  await migrateToLatest(db, house.migrations);
  const today = shanghaiDate(new Date());
  const w = await buildCongressL(db, today);
  console.log(`engine ${engine}; scale L: ${SCALE_L.terms * SCALE_L.sessionsPerTerm} sessions over 10 years, ${SCALE_L.terms * SCALE_L.sessionsPerTerm * SCALE_L.proposalsPerSession} proposals, ${SCALE_L.representatives} representatives a term; built in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  console.log(`machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? '?'}, load ${os.loadavg()[0].toFixed(2)}, node ${process.version}`);
  if (engine === 'postgres') await (db as any).executeQuery({ sql: 'analyze', parameters: [], query: { kind: 'RawNode' } }).catch(() => undefined);

  const ctx = { actor: null, ip: null, requestId: null, locale: 'zh-CN' as const };
  const callAs = async (accountId: string): Promise<Call> => ({ db, actor: { accountId, displayName: 'bench', personId: null, grants: await loadGrants(db, accountId), via: 'session' }, ctx, now: new Date() });
  const chair = await callAs(w.chairAccount);
  const handler = await callAs(w.handlerAccount);
  const page = { page: 1, pageSize: 20 };
  const session = (i: number) => w.sessionIds[i % w.sessionIds.length];

  await time('session proposals, chair, newest first', N, (i) => proposals.listProposals(chair, session(i), { ...page, sort: 'submittedAt', order: 'desc' }), 20);
  await time('session proposals, chair, by number, page 10', N, (i) => proposals.listProposals(chair, session(i), { ...page, page: 10, sort: 'number', order: 'asc' }), 20);
  await time('session proposals, chair, closed only', N, (i) => proposals.listProposals(chair, session(i), { ...page, status: 'closed', sort: 'submittedAt', order: 'desc' }), 20);
  await time('ten-year drill list, chair, set=adopted', N, () => proposals.proposalsInPeriod(chair, { ...page, sort: 'submittedAt', order: 'desc', from: '2000-01-01', to: today, set: 'adopted' }), 20);
  await time("a handler's desk (assigned to the department)", N, () => proposals.assignedToMe(handler, { ...page, sort: 'submittedAt', order: 'desc' }), 20);

  // Casting: each call is one representative's secret ballot in its own transaction; the bare insert writes one row the same way.
  const voters = w.voterAccounts;
  const runs = Math.min(N, voters.length - 10);
  const cast = await time('cast a secret ballot (own transaction)', runs, (i) =>
    db.transaction().execute((tx) => votes.cast(writeCallIn(db, tx, { accountId: voters[i], displayName: 'rep', personId: null, grants: [], via: 'session' }, ctx), w.voteId, i % 3 ? 'for' : 'against')),
  );
  const bare = await time('bare one-row insert (own transaction)', runs, () =>
    db.transaction().execute((tx) => (tx as unknown as Kysely<any>).insertInto('kv').values({ key: `bench.${newId()}`, value: '1', updated_at: new Date().toISOString() }).execute()),
  );
  const ratio = bare.median / cast.median;
  console.log(`casting throughput vs bare insert (median): ${(ratio * 100).toFixed(0)} %   target ≥ 30 % ${ratio >= 0.3 ? 'met' : 'NOT met'}`);
} finally {
  await done();
}
