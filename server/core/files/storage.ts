/**
 * Where uploaded bytes live: DATA_DIR/files/core/<key>, a name made of the file's id with no
 * extension, so nothing on disk is ever served by its name or type. Only core/files touches
 * these files; modules hold FileRefs. The backup copies DATA_DIR/files as a whole.
 */
import fs from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';

const KEY = /^[0-9a-f]{32}$/;

/** The storage key of a file id (a UUID): its hex digits. */
export const storageKeyOf = (id: string): string => id.replace(/-/g, '').toLowerCase();

const dirOf = (dataDir: string) => path.join(dataDir, 'files', 'core');

/** Whether a storage key is core's own (legacy.ts registers older layouts under other keys until adopted). */
export const isCoreKey = (key: string): boolean => KEY.test(key);

export function storedPath(dataDir: string, key: string): string {
  if (!KEY.test(key)) throw new Error('bad storage key');
  return path.join(dirOf(dataDir), key);
}

export async function writeStored(dataDir: string, key: string, buf: Buffer): Promise<void> {
  await fs.mkdir(dirOf(dataDir), { recursive: true, mode: 0o700 });
  // 'wx' refuses to overwrite: a clash fails instead of replacing someone's file.
  await fs.writeFile(storedPath(dataDir, key), buf, { flag: 'wx', mode: 0o600 });
}

export async function removeStored(dataDir: string, key: string): Promise<void> {
  await fs.rm(storedPath(dataDir, key), { force: true });
}

export const isStored = (dataDir: string, key: string): boolean => existsSync(storedPath(dataDir, key));
