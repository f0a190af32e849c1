import { weekLabel } from '../../../common/dateFormat.js';
import type { SchoolCalendar } from '../school/index.js';

/**
 * The week's number in its school term, counted as the class's week list counts it (the
 * term's weeks that hold a school day), or null for a week outside every term.
 */
export function termWeekNumber(cal: SchoolCalendar, week: string): number | null {
  const day = cal.lastSchoolDayOfWeek(week);
  const term = day ? cal.termOf(day) : null;
  if (!term) return null;
  const i = cal.weeksOfTerm(term).indexOf(week);
  return i < 0 ? null : i + 1;
}

/** '第 14 周（11月30日—12月6日）' for notices and printouts, which are written in Chinese. */
export const termWeekLabel = (cal: SchoolCalendar, week: string) => weekLabel(week, termWeekNumber(cal, week));
