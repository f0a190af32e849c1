/**
 * Session photos: only real JPEG, PNG or WebP images (judged by their first bytes, never by
 * the name or the declared type), at most MAX_PHOTO_BYTES, stored under DATA_DIR/files with
 * a random name so no user text ever reaches the file system.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { randomBytes } from 'node:crypto';

export const MAX_PHOTO_BYTES = 5 * 1024 * 1024;

export function detectImage(buf: Buffer): { mime: string; ext: string } | null {
  if (buf.length >= 3 && buf[0] === 0xff && buf[1] === 0xd8 && buf[2] === 0xff) return { mime: 'image/jpeg', ext: 'jpg' };
  if (buf.length >= 8 && buf.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return { mime: 'image/png', ext: 'png' };
  if (buf.length >= 12 && buf.toString('latin1', 0, 4) === 'RIFF' && buf.toString('latin1', 8, 12) === 'WEBP') return { mime: 'image/webp', ext: 'webp' };
  return null;
}

const dirOf = (dataDir: string) => path.join(dataDir, 'files');

export async function storePhoto(dataDir: string, buf: Buffer, ext: string): Promise<string> {
  await fs.mkdir(dirOf(dataDir), { recursive: true });
  const name = `moral-${randomBytes(16).toString('hex')}.${ext}`;
  await fs.writeFile(path.join(dirOf(dataDir), name), buf, { flag: 'wx' });
  return name;
}

export function readPhoto(dataDir: string, name: string): Promise<Buffer> {
  // Names are ours (random hex); basename guards against a tampered row all the same.
  return fs.readFile(path.join(dirOf(dataDir), path.basename(name)));
}

export async function removePhoto(dataDir: string, name: string | null | undefined): Promise<void> {
  if (name) await fs.rm(path.join(dirOf(dataDir), path.basename(name)), { force: true });
}
