/**
 * Online backup and offline restore of the embedded SQLite database. PostgreSQL
 * deployments use pg_dump / pg_restore (docs/deploy.md); `backup` shells out to pg_dump.
 */
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
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
  const res = spawnSync('pg_dump', ['--format=custom', '--no-owner', `--file=${file}`, url], { stdio: 'inherit' });
  if (res.status !== 0) throw new Error('pg_dump 失败（请确认已安装 PostgreSQL 客户端）');
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
  const res = spawnSync('pg_restore', ['--clean', '--if-exists', '--no-owner', `--dbname=${url}`, path.resolve(backupFile)], { stdio: 'inherit' });
  if (res.status !== 0) throw new Error('pg_restore 失败');
}
