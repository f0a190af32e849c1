/**
 * The legal clocks of a collective contract. The rules count them in calendar days (集体合同规定
 * §32: reply to a bargaining request within 20 days; §42: file within 10 days of signing; §47 and
 * 劳动合同法 §54: effective when the labour administration raises no objection within 15 days of
 * receipt). By 民法典 §201 and §203 counting starts the day after, and a period whose last day is
 * a statutory holiday or rest day ends on the next working day — the only place the work
 * calendar enters (a make-up workday 调休 is a working day, so a period may end on a Saturday).
 */
import { addDays, type WorkCalendar } from '../../core/calendar/calendar.js';

export const REPLY_DAYS = 20;
export const FILING_DAYS = 10;
export const OBJECTION_DAYS = 15;
/** The reply clock warns this many calendar days before it runs out. */
export const REPLY_WARNING_DAYS = 5;

export function legalDeadline(cal: WorkCalendar, start: string, days: number): string {
  let d = addDays(start, days);
  while (!cal.isWorkingDay(d)) d = addDays(d, 1);
  return d;
}

/** The last day of a term of `years` starting on `start` (2026-07-01, 3 → 2029-06-30). */
export function termEnd(start: string, years: number): string {
  const y = Number(start.slice(0, 4)) + years;
  const md = start.slice(4);
  // 29 February plus whole years lands on 1 March in a common year; the term ends the day before.
  const anniversary = md === '-02-29' && !(y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0)) ? `${y}-03-01` : `${y}${md}`;
  return addDays(anniversary, -1);
}

export type ClockLight = 'green' | 'yellow' | 'red' | 'done';
/** A clock's light: done once answered; red past the due date; yellow in its warning days. */
export function clockLight(due: string | null, doneOn: string | null, today: string, warningDays: number): ClockLight | null {
  if (!due) return null;
  if (doneOn) return 'done';
  if (today > due) return 'red';
  return addDays(today, warningDays) >= due ? 'yellow' : 'green';
}
