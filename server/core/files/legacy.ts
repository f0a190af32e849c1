/**
 * Bytes stored before core/files existed: appeals' attachments (DATA_DIR/files/appeals/<hex>)
 * and the ten-minute session photos (DATA_DIR/files/moral-<hex>.<ext>). The modules' SQL
 * migrations register each old row as a claimed core file whose storage key names its old place,
 * 'legacy/<path under DATA_DIR/files>'; moving bytes is file-system work no SQL migration can do,
 * so every start adopts them here, before the app answers.
 *
 * Why a move at start rather than reading the old places for ever: afterwards there is one
 * layout — sendFile, the sweep and the backup know only DATA_DIR/files/core — and no module's
 * old directory stays part of core. A rename on one file system is atomic and instant (no copy,
 * no read of the bytes) and the row is updated after it, so a crash at any point leaves either
 * the old place (moved next start) or the new one with the legacy key (recognised next start):
 * re-running is always safe. A row whose bytes are nowhere keeps its legacy key, is served as
 * 410 gone, and is adopted by a later start once the files come back (a restore).
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Db } from '../db/database.js';
import { storageKeyOf, storedPath } from './storage.js';

/** The only old places there were; anything else under 'legacy/' is refused, never followed. */
const LEGACY = /^legacy\/(appeals\/[0-9a-f]{32}|moral-[0-9a-f]{32}\.(?:jpg|png|webp))$/;
export const legacyKey = (key: string) => LEGACY.exec(key)?.[1] ?? null;

/** Moves every registered legacy file into core's layout; returns how many were adopted. */
export async function adoptLegacyFiles(db: Db, dataDir: string): Promise<number> {
  // A range on the unique index, not LIKE (which neither engine's collation lets use it).
  const rows = await db
    .selectFrom('files')
    .select(['id', 'storage_key', 'sha256'])
    .where('storage_key', '>=', 'legacy/')
    .where('storage_key', '<', 'legacy0')
    .execute();
  let adopted = 0;
  for (const row of rows) {
    const old = legacyKey(row.storage_key);
    if (!old) continue;
    const from = path.join(dataDir, 'files', old);
    const key = storageKeyOf(row.id);
    const to = storedPath(dataDir, key);
    if (!(await move(from, to))) continue;
    // Photos were never hashed; the move is the one time their bytes are at hand.
    const sha256 =
      row.sha256 ||
      createHash('sha256')
        .update(await fs.readFile(to))
        .digest('hex');
    await db.updateTable('files').set({ storage_key: key, sha256 }).where('id', '=', row.id).where('storage_key', '=', row.storage_key).execute();
    adopted++;
  }
  // The old directory, once empty, goes too (a file still in it keeps it).
  if (adopted) await fs.rmdir(path.join(dataDir, 'files', 'appeals')).catch(() => {});
  return adopted;
}

/** Moves `from` to `to`; true when the bytes are at `to` afterwards (also when an earlier run moved them). */
async function move(from: string, to: string): Promise<boolean> {
  await fs.mkdir(path.dirname(to), { recursive: true, mode: 0o700 });
  try {
    await fs.rename(from, to);
  } catch (err: any) {
    if (err?.code === 'ENOENT') return existsSync(to);
    if (err?.code !== 'EXDEV') throw err;
    // DATA_DIR/files split over two file systems: copy, then remove the old one.
    await fs.copyFile(from, to);
    await fs.rm(from);
  }
  await fs.chmod(to, 0o600);
  return true;
}
