/**
 * The statutory holidays of a year before the State Council has published its schedule:
 * 全国年节及纪念日放假办法 as in force from 2025 — 元旦 1 day; 春节 除夕 to 初三; 清明
 * (the solar term); 劳动节 5-1, 5-2; 端午; 中秋; 国庆 10-1 to 10-3 — with its rule that a
 * holiday falling on a weekend is made up (补休) on the next working day. The State
 * Council's 调休 (swapped weekends) cannot be foreseen, so every such day is provisional.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const lunar: {
  monthDays(year: number, month: number): number;
  getYearLeapMonth(year: number): { leapMonth?: number; days: number };
  getSolarTermDate(year: number, month: number, term: string): string;
} = require('chinese-days');

const DAY_MS = 86_400_000;

function plusDays(date: string, n: number): string {
  return new Date(Date.parse(date + 'T00:00:00Z') + n * DAY_MS).toISOString().slice(0, 10);
}

function weekend(date: string): boolean {
  const dow = new Date(date + 'T00:00:00Z').getUTCDay();
  return dow === 0 || dow === 6;
}

const yearLength = new Map<number, number>();
function lunarYearDays(year: number): number {
  let n = yearLength.get(year);
  if (n === undefined) {
    n = lunar.getYearLeapMonth(year).days;
    for (let m = 1; m <= 12; m++) n += lunar.monthDays(year, m);
    yearLength.set(year, n);
  }
  return n;
}

/**
 * The solar date of a (non-leap) lunar date. Counted here in UTC from the package's month
 * tables: the package's own converter counts in the server's local time zone and lands a
 * day early west of Greenwich.
 */
export function lunarToSolar(year: number, month: number, day: number): string {
  let offset = day - 1;
  for (let y = 1900; y < year; y++) offset += lunarYearDays(y);
  const leap = lunar.getYearLeapMonth(year);
  for (let m = 1; m < month; m++) offset += lunar.monthDays(year, m) + (leap.leapMonth === m ? leap.days : 0);
  return plusDays('1900-01-31', offset);
}

/** 除夕: the last day of lunar month 12 of the lunar year before — the 29th or the 30th. */
export function chineseNewYearsEve(year: number): string {
  return plusDays(lunarToSolar(year, 1, 1), -1);
}

/** 清明 is the day of the solar term. The package formats a UTC midnight in local time, which west of Greenwich is the day before. */
export function qingming(year: number): string {
  const date = lunar.getSolarTermDate(year, 4, 'pure_brightness');
  return new Date(Date.UTC(year, 3, 15)).getDate() === 15 ? date : plusDays(date, 1);
}

export interface ScheduledDay {
  date: string;
  working: boolean;
  /** The holiday's name as the `chinese-days` data spells it (元旦, 春节, 清明 …). */
  name: string;
}

const cache = new Map<number, ScheduledDay[]>();

/** The holidays (working = false) a year would have under the law alone, weekend make-ups included. */
export function statutorySchedule(year: number): ScheduledDay[] {
  const hit = cache.get(year);
  if (hit) return hit;
  const eve = chineseNewYearsEve(year);
  const days: [string, string][] = [
    [`${year}-01-01`, '元旦'],
    [eve, '春节'],
    [plusDays(eve, 1), '春节'],
    [plusDays(eve, 2), '春节'],
    [plusDays(eve, 3), '春节'],
    [qingming(year), '清明'],
    [`${year}-05-01`, '劳动节'],
    [`${year}-05-02`, '劳动节'],
    [lunarToSolar(year, 5, 5), '端午'],
    [lunarToSolar(year, 8, 15), '中秋'],
    [`${year}-10-01`, '国庆节'],
    [`${year}-10-02`, '国庆节'],
    [`${year}-10-03`, '国庆节'],
  ];
  days.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const off = new Map<string, string>();
  const owed: [string, string][] = [];
  for (const [date, name] of days) {
    if (weekend(date) || off.has(date)) owed.push([date, name]);
    if (!off.has(date)) off.set(date, name);
  }
  // A holiday lost to a weekend — or to another holiday on the same day, as 中秋 on 国庆
  // (the 2020 practice) — is given on the next weekday that is not already off.
  for (const [date, name] of owed) {
    let d = plusDays(date, 1);
    while (weekend(d) || off.has(d)) d = plusDays(d, 1);
    off.set(d, name);
  }
  const out = [...off].map(([date, name]) => ({ date, working: false, name })).sort((a, b) => (a.date < b.date ? -1 : 1));
  cache.set(year, out);
  return out;
}
