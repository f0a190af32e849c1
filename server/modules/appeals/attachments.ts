/**
 * Attachment files of appeals. A file is accepted by what its bytes are (magic numbers),
 * never by its name or the browser's claim; it is stored under DATA_DIR/files/appeals
 * with a random name and no extension, and served back only with the type found here —
 * so an uploaded page can never be served as HTML.
 */
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { extensionOf, safeFileName, sniff as sniffBytes } from '../../core/files/bytes.js';

export const ALLOWED_TYPES = ['image/jpeg', 'image/png', 'image/gif', 'image/webp', 'application/pdf'] as const;
export type AttachmentType = (typeof ALLOWED_TYPES)[number];

/** The type the bytes are (core's sniffing), or null when it is not one appeals accept. */
export function sniff(buf: Buffer): AttachmentType | null {
  const type = sniffBytes(buf);
  return type && (ALLOWED_TYPES as readonly string[]).includes(type) ? (type as AttachmentType) : null;
}

const KEY = /^[0-9a-f]{32}$/;

function dir(dataDir: string) {
  return path.join(dataDir, 'files', 'appeals');
}

export function filePath(dataDir: string, key: string): string {
  if (!KEY.test(key)) throw new Error('bad storage key');
  return path.join(dir(dataDir), key);
}

export async function storeFile(dataDir: string, buf: Buffer): Promise<{ key: string; sha256: string }> {
  await fs.mkdir(dir(dataDir), { recursive: true, mode: 0o700 });
  const key = randomBytes(16).toString('hex');
  // 'wx' refuses to overwrite, so a (vanishingly unlikely) name clash fails instead of replacing a file.
  await fs.writeFile(filePath(dataDir, key), buf, { flag: 'wx', mode: 0o600 });
  return { key, sha256: createHash('sha256').update(buf).digest('hex') };
}

export async function removeFile(dataDir: string, key: string): Promise<void> {
  await fs.rm(filePath(dataDir, key), { force: true });
}

export { safeFileName, extensionOf };
