/**
 * Exact figures for wage bargaining: money is whole fen, ratios are fractions of big integers,
 * and rounding happens once, when a figure is shown — so a growth rate or a cost never drifts
 * by the float error a negotiator could point at.
 */
import type { Exact } from '../../../common/schemas/contractWages.js';

export interface Frac {
  n: bigint;
  d: bigint;
}

const abs = (x: bigint) => (x < 0n ? -x : x);
function gcd(a: bigint, b: bigint): bigint {
  a = abs(a);
  b = abs(b);
  while (b) [a, b] = [b, a % b];
  return a || 1n;
}

export function frac(n: bigint | number, d: bigint | number = 1n): Frac {
  let nn = BigInt(n);
  let dd = BigInt(d);
  if (dd === 0n) throw new RangeError('zero denominator');
  if (dd < 0n) [nn, dd] = [-nn, -dd];
  const g = gcd(nn, dd);
  return { n: nn / g, d: dd / g };
}
export const mul = (a: Frac, b: Frac) => frac(a.n * b.n, a.d * b.d);
export const div = (a: Frac, b: Frac) => frac(a.n * b.d, a.d * b.n);
export const add = (a: Frac, b: Frac) => frac(a.n * b.d + b.n * a.d, a.d * b.d);
export const sub = (a: Frac, b: Frac) => frac(a.n * b.d - b.n * a.d, a.d * b.d);

/** `f` with `places` decimals, rounded half away from zero. */
export function decimal(f: Frac, places: number): string {
  const scale = 10n ** BigInt(places);
  const scaled = abs(f.n) * scale * 2n + f.d;
  const q = scaled / (2n * f.d);
  const sign = f.n < 0n && q !== 0n ? '-' : '';
  const digits = q.toString().padStart(places + 1, '0');
  return places ? `${sign}${digits.slice(0, -places)}.${digits.slice(-places)}` : `${sign}${digits}`;
}

const out = (f: Frac, display: string): Exact => ({ num: f.n.toString(), den: f.d.toString(), display });
/** An amount given in fen, shown in 元. */
export const yuan = (fen: Frac): Exact => out(fen, decimal(div(fen, frac(100)), 2));
export const ratio = (f: Frac): Exact => out(f, decimal(f, 4));
/** A rate (0.05) shown as a percent (5.00%). */
export const percent = (f: Frac): Exact => out(f, `${decimal(mul(f, frac(100)), 2)}%`);

/**
 * An amount typed as 元 with at most two decimals, as whole fen. A number cell is read from its
 * shortest decimal form, which is what was typed when it has two decimals or fewer.
 */
export function fenOf(text: string): bigint | undefined {
  const m = /^(\d{1,12})(?:\.(\d{1,2}))?$/.exec(text.replace(/[,，\s]/g, ''));
  if (!m) return undefined;
  return BigInt(m[1]!) * 100n + BigInt((m[2] ?? '').padEnd(2, '0') || '0');
}

/** "5.5" (percent) → 550 basis points, exactly. */
export function basisPoints(percentText: string): number {
  const [whole, part = ''] = percentText.split('.');
  return Number(whole) * 100 + Number(part.padEnd(2, '0'));
}
