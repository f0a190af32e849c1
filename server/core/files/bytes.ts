/**
 * What a file is, by its bytes (magic numbers), never by its name or the browser's claim, and
 * the name it is shown under. Generalised from the appeals' attachments.
 */
export const FILE_TYPES = [
  'image/jpeg',
  'image/png',
  'image/gif',
  'image/webp',
  'application/pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
] as const;
export type FileType = (typeof FILE_TYPES)[number];

/** What a module accepts unless it says otherwise: photos and PDFs. */
export const IMAGE_AND_PDF: readonly FileType[] = ['image/jpeg', 'image/png', 'image/gif', 'image/webp', 'application/pdf'];
export const DOCX: FileType = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
export const XLSX: FileType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const EXT: Record<FileType, string> = {
  'image/jpeg': '.jpg',
  'image/png': '.png',
  'image/gif': '.gif',
  'image/webp': '.webp',
  'application/pdf': '.pdf',
  [DOCX]: '.docx',
  [XLSX]: '.xlsx',
};

const startsWith = (buf: Buffer, bytes: number[], at = 0) => bytes.every((b, i) => buf[at + i] === b);
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

/**
 * An Office file is a ZIP whose member names are stored uncompressed: a Word document holds
 * `word/`, a workbook `xl/`, both `[Content_Types].xml`. Any other ZIP is refused.
 */
function office(buf: Buffer): FileType | null {
  const head = buf.subarray(0, Math.min(buf.length, 1 << 20)).toString('latin1');
  if (!head.includes('[Content_Types].xml')) return null;
  if (head.includes('word/')) return DOCX;
  if (head.includes('xl/')) return XLSX;
  return null;
}

/** The type the bytes are, or null when they are none of FILE_TYPES. */
export function sniff(buf: Buffer): FileType | null {
  if (buf.length < 8) return null;
  if (startsWith(buf, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(buf, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(buf, ascii('GIF87a')) || startsWith(buf, ascii('GIF89a'))) return 'image/gif';
  if (buf.length >= 12 && startsWith(buf, ascii('RIFF')) && startsWith(buf, ascii('WEBP'), 8)) return 'image/webp';
  if (startsWith(buf, ascii('%PDF-'))) return 'application/pdf';
  if (startsWith(buf, [0x50, 0x4b, 0x03, 0x04])) return office(buf);
  return null;
}

/** A display name: no directories or control characters, at most 100 characters, the extension of the real type. */
export function safeFileName(name: string | undefined, type: FileType): string {
  const base = (name ?? '')
    .split(/[\\/]/)
    .pop()!
    .replace(/[\p{Cc}\p{Cf}"<>|:*?]/gu, '')
    .trim()
    .slice(0, 100);
  const stem = base.replace(/\.[A-Za-z0-9]{1,5}$/, '') || 'file';
  return stem + EXT[type];
}

export const extensionOf = (type: string): string => EXT[type as FileType] ?? '';
