/**
 * The web's one set of date formats: common/dateFormat.ts (shared with the server's notices
 * and printouts) in the reader's language. Full dates and times stay in shared/time.ts.
 */
import { dayRange as range, monthDay as day, weekLabel as week, type DateLanguage } from '@common/dateFormat';
import { currentLanguage } from '../i18n';

const lang = (): DateLanguage => (currentLanguage() === 'en' ? 'en' : 'zh');

/** '12月6日' / 'Dec 6'. */
export const monthDay = (date: string) => day(date, lang());
/** '11月30日—12月6日' / 'Nov 30 – Dec 6'. */
export const dayRange = (from: string, to: string) => range(from, to, lang());
/** '第 14 周（11月30日—12月6日）', or the dates alone when the term number is unknown. */
export const weekLabel = (isoWeek: string, termWeek?: number | null) => week(isoWeek, termWeek, lang());
