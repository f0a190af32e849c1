/** Teaching weeks as people say them: "第 12 周（11月23日—11月29日）", counted within the term. */
import type { SchoolWeekInfo } from './api';

/**
 * The week a class is "in" today, as the server counts it: the latest week of the term that
 * already holds a school day; before the term starts, its first week. A holiday week has no
 * school day, so the week before it stays current.
 */
export function currentWeek(weeks: readonly SchoolWeekInfo[], today: string): string | undefined {
  const begun = weeks.filter((w) => w.schoolDays.some((d) => d <= today));
  return (begun[begun.length - 1] ?? weeks[0])?.week;
}

export function weekNumber(weeks: readonly SchoolWeekInfo[], week: string): number | undefined {
  const i = weeks.findIndex((w) => w.week === week);
  return i < 0 ? undefined : i + 1;
}

/** A rate as a whole percentage, or '—' when there was nothing to count. */
export const pct = (rate: number | null | undefined) => (rate === null || rate === undefined ? '—' : `${Math.round(rate * 100)}%`);

/** A rate for charts: percent with one decimal, or null (a gap) when undefined. */
export const pctValue = (rate: number | null | undefined) => (rate === null || rate === undefined ? null : Math.round(rate * 1000) / 10);
