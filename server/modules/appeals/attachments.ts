/**
 * Attachment files of appeals. A file is accepted by what its bytes are (magic numbers),
 * never by its name or the browser's claim; it is stored under DATA_DIR/files/appeals
 * with a random name and no extension, and served back only with the type found here —
 * so an uploaded page can never be served as HTML.
 */
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';

export const ALLOWED_TYPES = ['image/jpeg', 'image/png', 'image/gif', 'image/webp', 'application/pdf'] as const;
export type AttachmentType = (typeof ALLOWED_TYPES)[number];

const EXT: Record<AttachmentType, string> = { 'image/jpeg': '.jpg', 'image/png': '.png', 'image/gif': '.gif', 'image/webp': '.webp', 'application/pdf': '.pdf' };

const startsWith = (buf: Buffer, bytes: number[], at = 0) => bytes.every((b, i) => buf[at + i] === b);
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

/** The type the bytes are, or null when they are none of the allowed ones. */
export function sniff(buf: Buffer): AttachmentType | null {
  if (buf.length < 8) return null;
  if (startsWith(buf, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(buf, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(buf, ascii('GIF87a')) || startsWith(buf, ascii('GIF89a'))) return 'image/gif';
  if (buf.length >= 12 && startsWith(buf, ascii('RIFF')) && startsWith(buf, ascii('WEBP'), 8)) return 'image/webp';
  if (startsWith(buf, ascii('%PDF-'))) return 'application/pdf';
  return null;
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

/** A display name: no directories or control characters, at most 100 characters, the extension of the real type. */
export function safeFileName(name: string | undefined, type: AttachmentType): string {
  const base = (name ?? '')
    .split(/[\\/]/)
    .pop()!
    .replace(/[\p{Cc}"<>|:*?]/gu, '')
    .trim()
    .slice(0, 100);
  const stem = base.replace(/\.[A-Za-z0-9]{1,5}$/, '') || 'file';
  return stem + EXT[type];
}

export const extensionOf = (type: string) => EXT[type as AttachmentType] ?? '';
