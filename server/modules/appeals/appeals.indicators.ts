/**
 * The appeal indicators, one function each, computed exactly from the records. The
 * dashboard, the export and the year-end work report all call these, so a figure means
 * the same everywhere.
 *
 * Each returns a Figure: the value, the counts behind it, and the list filters (`drill`)
 * that show exactly those appeals — GET /api/v1/appeals with the dashboard's filters plus
 * `drill.numerator` lists the appeals counted in the numerator, and the same for the
 * denominator. Merged duplicates are never counted: their master stands for them.
 *
 * Definitions:
 * - acceptance time: median working hours from submission to acceptance, over accepted
 *   appeals. Working hours are the hours of the interval that fall on working days of the
 *   author's org calendar (a whole working day counts 24 h, a weekend or holiday 0 h): an
 *   appeal sent on Friday evening and accepted Monday morning waited about 15 hours, not 63;
 * - closure rate (办结率): answered or closed ÷ accepted (accepted, assigned, in progress,
 *   answered or closed now);
 * - on-time closure rate (按时办结率): answered or closed and never late ÷ answered or closed.
 *   Late = answered after the end of its answer-deadline day, or marked overdue while open;
 * - satisfaction rate (满意率): satisfied + basically satisfied ÷ rated (latest rating);
 * - reopen rate: reopened at least once ÷ answered at least once;
 * - overdue count: open appeals whose current deadline day has passed (red light).
 */
import type { WorkCalendar } from '../../core/calendar/calendar.js';
import { shanghaiDate } from '../../core/calendar/calendar.js';
import type { Figure } from '../../../common/schemas/appeals.js';
import type { IndicatorRow, LightClock } from './appeals.repository.js';

export type Drill = Record<string, string>;

export const NOT_MERGED = 'submitted,accepted,assigned,handling,answered,closed,declined';
const ACCEPTED = 'accepted,assigned,handling,answered,closed';
const DONE = 'answered,closed';
const OPEN = 'submitted,accepted,assigned,handling';
const SATISFIED = 'satisfied,basicallySatisfied';

const inList = (list: string) => {
  const set = new Set(list.split(','));
  return (r: IndicatorRow) => set.has(r.status);
};
const counted = (rows: IndicatorRow[]) => rows.filter((r) => r.status !== 'merged');

function figure(value: number | null, numerator: number, denominator: number, num: Drill, den: Drill): Figure {
  return { value, numerator, denominator, drill: { numerator: num, denominator: den } };
}

const rate = (n: number, d: number) => (d === 0 ? null : Math.round((n / d) * 10_000) / 10_000);

/** Appeals submitted (the cohort every other figure is cut from). */
export function submitted(rows: IndicatorRow[]): Figure {
  const n = counted(rows).length;
  return figure(n, n, n, { status: NOT_MERGED }, { status: NOT_MERGED });
}

/** Hours of [from, to] that fall on working days of `cal` (Shanghai days). */
export function workingHours(cal: WorkCalendar, from: string, to: string): number {
  const start = Date.parse(from);
  const end = Date.parse(to);
  if (!(end > start)) return 0;
  let ms = 0;
  for (let day = shanghaiDate(from); ; ) {
    const dayStart = Date.parse(`${day}T00:00:00+08:00`);
    const dayEnd = dayStart + 86_400_000;
    if (dayStart >= end) break;
    if (cal.isWorkingDay(day)) ms += Math.max(0, Math.min(end, dayEnd) - Math.max(start, dayStart));
    day = new Date(dayEnd + 8 * 3_600_000).toISOString().slice(0, 10);
  }
  return ms / 3_600_000;
}

function median(xs: number[]): number | null {
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** Median working hours from submission to acceptance. */
export function acceptanceHours(rows: IndicatorRow[], calendarOf: (orgPath: string) => WorkCalendar): Figure {
  const accepted = counted(rows).filter((r) => r.accepted_at);
  const m = median(accepted.map((r) => workingHours(calendarOf(r.org_path), r.submitted_at, r.accepted_at!)));
  const drill = { status: NOT_MERGED, accepted: '1' };
  return figure(m === null ? null : Math.round(m * 10) / 10, accepted.length, accepted.length, drill, drill);
}

/** 办结率. */
export function closureRate(rows: IndicatorRow[]): Figure {
  const den = rows.filter(inList(ACCEPTED));
  const num = den.filter(inList(DONE));
  return figure(rate(num.length, den.length), num.length, den.length, { status: DONE }, { status: ACCEPTED });
}

/** 按时办结率. */
export function onTimeClosureRate(rows: IndicatorRow[]): Figure {
  const den = rows.filter(inList(DONE));
  const num = den.filter((r) => r.late === 0);
  return figure(rate(num.length, den.length), num.length, den.length, { status: DONE, late: '0' }, { status: DONE });
}

/** 满意率. */
export function satisfactionRate(rows: IndicatorRow[]): Figure {
  const den = counted(rows).filter((r) => r.rating);
  const num = den.filter((r) => SATISFIED.split(',').includes(r.rating!));
  return figure(rate(num.length, den.length), num.length, den.length, { status: NOT_MERGED, rating: SATISFIED }, { status: NOT_MERGED, rated: '1' });
}

/** Reopen rate. */
export function reopenRate(rows: IndicatorRow[]): Figure {
  const den = counted(rows).filter((r) => r.first_answered_at);
  const num = den.filter((r) => r.reopen_count > 0);
  return figure(rate(num.length, den.length), num.length, den.length, { status: NOT_MERGED, reopened: '1' }, { status: NOT_MERGED, answered: '1' });
}

/** Open appeals past their deadline day, out of all open ones. */
export function overdueCount(rows: IndicatorRow[], clock: LightClock): Figure {
  const open = rows.filter(inList(OPEN));
  const red = open.filter((r) => r.current_due !== null && r.current_due < clock.today);
  return figure(red.length, red.length, open.length, { light: 'red' }, { status: OPEN });
}
