/**
 * Secrets the server must be able to read back (a DingTalk robot's signing secret) are kept
 * sealed with AES-256-GCM, so a database dump or backup alone does not hand them out. The key
 * is XQ_SECRET_KEY when set (any text; several instances on one database must share it), or a
 * random key written once to DATA_DIR/secret.key (mode 0600) the first time something is sealed.
 */
import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

interface KeySource {
  dataDir: string;
  keyText?: string;
}

let source: KeySource | null = null;
let cached: Buffer | null = null;

/** Called by the composition roots with the configuration's data dir and key text. */
export function installSecretSource(s: KeySource): void {
  source = s;
  cached = null;
  derivedKeys.clear();
}

function key(create: boolean): Buffer | null {
  if (cached) return cached;
  if (!source) throw new Error('secret source not installed');
  if (source.keyText) return (cached = createHash('sha256').update(source.keyText).digest());
  const file = path.join(source.dataDir, 'secret.key');
  if (fs.existsSync(file)) return (cached = Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'base64'));
  if (!create) return null;
  fs.mkdirSync(source.dataDir, { recursive: true });
  const fresh = randomBytes(32);
  // 'wx': a second instance starting at the same moment keeps the first one's key.
  try {
    fs.writeFileSync(file, fresh.toString('base64'), { mode: 0o600, flag: 'wx' });
  } catch (err: any) {
    if (err?.code !== 'EEXIST') throw err;
    return (cached = Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'base64'));
  }
  return (cached = fresh);
}

const VERSION = 'v1';

export function seal(plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key(true)!, iv);
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return `${VERSION}:${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64')}`;
}

/** The plain text, or null when the key is not the one that sealed it (a restored dump on another machine). */
export function unseal(sealed: string): string | null {
  const k = key(false);
  if (!k || !sealed.startsWith(`${VERSION}:`)) return null;
  const raw = Buffer.from(sealed.slice(VERSION.length + 1), 'base64');
  try {
    const decipher = createDecipheriv('aes-256-gcm', k, raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(12, 28));
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
  } catch {
    return null;
  }
}

/**
 * HMAC-SHA256 of `text` under a key derived from the server's secret key for `purpose`: a value that stands for
 * something (an account's view of a page today) without anyone holding only the database being able to
 * recompute it from the accounts table, as they could a plain hash.
 */
export function keyedHash(purpose: string, text: string): string {
  let derived = derivedKeys.get(purpose);
  if (!derived) derivedKeys.set(purpose, (derived = createHmac('sha256', key(true)!).update(`xq:${purpose}`).digest()));
  return createHmac('sha256', derived).update(text).digest('hex');
}
/** One derived key per purpose, kept with the secret key it came from (installSecretSource clears both). */
const derivedKeys = new Map<string, Buffer>();
