/**
 * Password hashing with scrypt (memory-hard, in Node's standard library, so no native
 * add-on to build). Format: scrypt$N$r$p$salt$hash, so parameters can be raised later
 * and old hashes still verify.
 */
import { randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from 'node:crypto';

const scrypt = (pw: string, salt: Buffer, len: number, opts: ScryptOptions) =>
  new Promise<Buffer>((resolve, reject) => scryptCb(pw, salt, len, opts, (e, k) => (e ? reject(e) : resolve(k))));

// N=2^14, r=8: 16 MiB and ~40 ms per hash on this class of machine.
const LOG2_N = 14;
const R = 8;
const P = 1;
const LEN = 32;

/**
 * `log2N` lowers the work factor for accounts that only test worlds create: their thousands of sign-ins a CI run
 * still go through the real scrypt and the stored parameters, at 1/16 of the cost (2^10). Every account the product
 * creates takes the default.
 */
export async function hashPassword(password: string, opts: { log2N?: number } = {}): Promise<string> {
  const N = 1 << (opts.log2N ?? LOG2_N);
  const salt = randomBytes(16);
  const key = await scrypt(password.normalize('NFKC'), salt, LEN, { N, r: R, p: P, maxmem: 64 * 1024 * 1024 });
  return `scrypt$${N}$${R}$${P}$${salt.toString('base64url')}$${key.toString('base64url')}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [alg, n, r, p, salt, hash] = stored.split('$');
  if (alg !== 'scrypt' || !hash) return false;
  const expected = Buffer.from(hash, 'base64url');
  const key = await scrypt(password.normalize('NFKC'), Buffer.from(salt, 'base64url'), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    maxmem: 256 * 1024 * 1024,
  });
  return timingSafeEqual(key, expected);
}

/** A hash of nothing, verified against when the account does not exist, so timing does not reveal usernames. */
let dummy: Promise<string> | undefined;
export function dummyHash(): Promise<string> {
  dummy ??= hashPassword(randomBytes(12).toString('hex'));
  return dummy;
}

export function isStrongEnough(pw: string): boolean {
  return pw.length >= 8 && /[A-Za-z]/.test(pw) && /\d/.test(pw);
}
