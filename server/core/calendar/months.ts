/**
 * Calendar months as 'YYYY-MM' text — how dashboards cut a period. Pure text arithmetic, like
 * the dates 'YYYY-MM-DD' they come from.
 */
import { addDays } from './calendar.js';

const fmt = (y: number, m: number) => `${y}-${String(m).padStart(2, '0')}`;

/** `month` ('YYYY-MM', or a date in it) moved by `n` months. */
export function addMonths(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number);
  const i = y * 12 + (m - 1) + n;
  return fmt(Math.floor(i / 12), (i % 12) + 1);
}

/** The last day ('YYYY-MM-DD') of the month of `monthOrDate`. */
export function monthEnd(monthOrDate: string): string {
  return addDays(`${addMonths(monthOrDate, 1)}-01`, -1);
}

/** Every month from the month of `from` to the month of `to`, both included. */
export function monthsOf(from: string, to: string): string[] {
  const out: string[] = [];
  for (let m = from.slice(0, 7); m <= to.slice(0, 7); m = addMonths(m, 1)) out.push(m);
  return out;
}
