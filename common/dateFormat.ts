/**
 * One way to write dates, for the web and for the server's own texts (notices, printouts):
 * a full date as 2026-12-06; a day where space is short as 12月6日 (Dec 6); a teaching week
 * as 第 14 周（11月30日—12月6日） (Week 14 (Nov 30 – Dec 6)), never as the ISO "2026-W49"
 * the API uses for keys. Inputs are Beijing calendar days 'YYYY-MM-DD' and ISO weeks.
 */
import { weekEnd, weekStart } from './school.js';

export type DateLanguage = 'zh' | 'en';

const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** '2026-12-06' → '12月6日' / 'Dec 6'. */
export function monthDay(date: string, lang: DateLanguage = 'zh'): string {
  const month = Number(date.slice(5, 7));
  const day = Number(date.slice(8, 10));
  return lang === 'en' ? `${MONTHS_EN[month - 1]} ${day}` : `${month}月${day}日`;
}

/** Two days as one span: '11月30日—12月6日' / 'Nov 30 – Dec 6'. */
export function dayRange(from: string, to: string, lang: DateLanguage = 'zh'): string {
  return lang === 'en' ? `${monthDay(from, 'en')} – ${monthDay(to, 'en')}` : `${monthDay(from)}—${monthDay(to)}`;
}

/**
 * A week as people say it: with its number in the school term when there is one
 * ('第 14 周（11月30日—12月6日）'), else by its dates alone ('11月30日—12月6日').
 */
export function weekLabel(week: string, termWeek?: number | null, lang: DateLanguage = 'zh'): string {
  const range = dayRange(weekStart(week), weekEnd(week), lang);
  if (!termWeek) return range;
  return lang === 'en' ? `Week ${termWeek} (${range})` : `第 ${termWeek} 周（${range}）`;
}
