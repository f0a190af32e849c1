/**
 * What every module's in-process benchmark (bench/<m>/run.ts) shares: a fresh database on the
 * engine BENCH_ENGINE names, the timing loop with its median and p95 against a target, a call
 * as a given account, and the lines that say on what machine and data a figure was measured.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
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

/** Runs `work` `warm` times untimed (statement caches), then `n` times timed; prints median and p95 against `limit` (ms). */
export async function time(name: string, n: number, work: (i: number) => Promise<unknown>, limit?: number, warm = 5): Promise<{ median: number; p95: number }> {
  for (let i = 0; i < warm; i++) await work(i);
  const ms: number[] = [];
  for (let i = warm; i < n + warm; i++) {
    const t0 = performance.now();
    await work(i);
    ms.push(performance.now() - t0);
  }
  ms.sort((a, b) => a - b);
  const median = percentile(ms, 50);
  const p95 = percentile(ms, 95);
  console.log(
    `${name.padEnd(52)} median ${median.toFixed(2).padStart(7)} ms   p95 ${p95.toFixed(2).padStart(7)} ms${limit ? `   target ≤ ${limit} ms ${p95 <= limit ? 'met' : 'NOT met'}` : ''}`,
  );
  return { median, p95 };
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

/** PostgreSQL plans from fresh statistics after a bulk load (SQLite needs none). */
export async function analyze(db: Db): Promise<void> {
  if (engine === 'postgres') await (db as any).executeQuery({ sql: 'analyze', parameters: [], query: { kind: 'RawNode' } }).catch(() => undefined);
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
