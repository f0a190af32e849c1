/**
 * A fresh, migrated database for a server process, on the engine of the vitest project:
 * an SQLite file in its own DATA_DIR, or a database of its own on the PostgreSQL server
 * that test/pg-global-setup.ts started (or on a server the test started itself).
 * Plus a table-by-table snapshot, to compare a database with its restored copy.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { sql } from 'kysely';
import { inject } from 'vitest';
import { openDatabase, type Database } from '../../../server/core/db/database.js';
import { migrateToLatest } from '../../../server/core/db/migrate.js';
import { house } from '../../../server/modules/registry.js';
import { ENGINE } from '../../db.js';

export { ENGINE };

export interface ServerDb {
  engine: 'sqlite' | 'postgres';
  /** What the server is given: DATA_DIR, and DATABASE_URL on PostgreSQL. */
  env: Record<string, string>;
  dataDir: string;
  /** The SQLite file, or the postgres:// URL. */
  url: string;
  open(): Promise<Database>;
  dispose(): Promise<void>;
}

async function adminQuery(base: string, text: string) {
  const c = new pg.Client({ connectionString: `${base}/postgres` });
  await c.connect();
  try {
    await c.query(text);
  } finally {
    await c.end();
  }
}

export async function createPgDatabase(base: string, name: string, template?: string) {
  await adminQuery(base, `create database ${name}${template ? ` template ${template}` : ''}`);
}

/** `pgBase`: another PostgreSQL server than the suite's (the database-gone test starts its own). */
export async function freshServerDb(opts: { pgBase?: string } = {}): Promise<ServerDb> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'xq-rel-'));
  if (ENGINE === 'postgres') {
    const base = opts.pgBase ?? inject('pgUrl');
    const name = `rel_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
    // The suite's server has a migrated template; a server of the test's own starts empty.
    await createPgDatabase(base, name, opts.pgBase ? undefined : 'xq_template');
    const url = `${base}/${name}`;
    if (opts.pgBase) await migrated(url);
    return {
      engine: 'postgres',
      env: { DATABASE_URL: url, DATA_DIR: dataDir },
      dataDir,
      url,
      open: () => openDatabase({ url, poolSize: 4 }),
      async dispose() {
        await adminQuery(base, `drop database if exists ${name} with (force)`).catch(() => {});
        fs.rmSync(dataDir, { recursive: true, force: true });
      },
    };
  }
  const file = path.join(dataDir, 'xinqiao.sqlite');
  await migrated(file);
  return {
    engine: 'sqlite',
    env: { DATA_DIR: dataDir },
    dataDir,
    url: file,
    open: () => openDatabase({ url: file }),
    async dispose() {
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function migrated(url: string) {
  const database = await openDatabase({ url });
  try {
    await migrateToLatest(database.db, house.migrations);
  } finally {
    await database.close();
  }
}

/** Every application table: each row as canonical JSON (keys sorted), keyed by its primary key (or by itself when the table has none). */
export type Snapshot = Map<string, Map<string, string>>;

export async function tableNames(database: Database): Promise<string[]> {
  if (database.engine === 'postgres') {
    const { rows } = await sql<{
      name: string;
    }>`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`.execute(database.db);
    return rows.map((r) => r.name).sort();
  }
  const { rows } = await sql<{
    name: string;
    sql: string | null;
  }>`select name, sql from sqlite_master where type = 'table' and name not like 'sqlite_%'`.execute(database.db);
  // A full-text index's shadow tables are its private storage (VACUUM rebuilds them); the virtual table itself is compared.
  const virtual = rows.filter((r) => /^create virtual table/i.test(r.sql ?? '')).map((r) => r.name);
  return rows
    .map((r) => r.name)
    .filter((n) => !virtual.some((v) => n.startsWith(`${v}_`)))
    .sort();
}

async function primaryKey(database: Database, table: string): Promise<string[]> {
  if (database.engine === 'postgres') {
    const { rows } = await sql<{ name: string }>`
      select a.attname as name from pg_index i
      join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any(i.indkey)
      where i.indrelid = ${table}::regclass and i.indisprimary`.execute(database.db);
    return rows.map((r) => r.name).sort();
  }
  const { rows } = await sql<{ name: string; pk: number }>`select name, pk from pragma_table_info(${table}) where pk > 0 order by pk`.execute(database.db);
  return rows.map((r) => r.name).sort();
}

const canonical = (r: Record<string, unknown>) => JSON.stringify(Object.fromEntries(Object.entries(r).sort(([a], [b]) => a.localeCompare(b))));

export async function snapshot(database: Database): Promise<Snapshot> {
  const out: Snapshot = new Map();
  for (const table of await tableNames(database)) {
    const pk = await primaryKey(database, table);
    const { rows } = await sql<Record<string, unknown>>`select * from ${sql.table(table)}`.execute(database.db);
    out.set(table, new Map(rows.map((r) => [pk.length ? JSON.stringify(pk.map((k) => r[k])) : canonical(r), canonical(r)])));
  }
  return out;
}

/**
 * What a restored copy lacks, table by table: a row that existed before the backup began
 * must be there; if the row did not change while the backup ran, its content must match too.
 */
export function missingFrom(restored: Snapshot, before: Snapshot, after: Snapshot): string[] {
  const faults: string[] = [];
  for (const [table, rows] of before) {
    const got = restored.get(table);
    if (!got) {
      faults.push(`${table}: table missing`);
      continue;
    }
    for (const [key, content] of rows) {
      const now = got.get(key);
      if (now === undefined) faults.push(`${table} ${key}: row missing`);
      else if (after.get(table)?.get(key) === content && now !== content) faults.push(`${table} ${key}: content differs`);
    }
  }
  return faults;
}
