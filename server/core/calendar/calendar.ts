/**
 * The working-day calendar (工作日历). A year's holidays and make-up workdays (调休) come,
 * first, from the State Council notice an admin imported for it; else from the
 * `chinese-days` data; else — a year nobody has published yet — from the law alone
 * (statutory.ts), every day of it marked provisional. Admins add overrides on top: an
 * organisation's own closures, which reach its subtree, or single days.
 * Every deadline in the product goes through `addWorkingDays`; no module does date
 * arithmetic of its own.
 */
import { createRequire } from 'node:module';
import type { Db } from '../db/database.js';
import { databaseKey } from '../db/dialect.js';
import { statutorySchedule, type ScheduledDay } from './statutory.js';

const require = createRequire(import.meta.url);
const data: { holidays: Record<string, string>; workdays: Record<string, string> } = require('chinese-days/dist/chinese-days.json');

export type DayKind = 'workday' | 'weekend' | 'holiday' | 'makeupWorkday';

export interface DayInfo {
  date: string;
  working: boolean;
  kind: DayKind;
  name?: string;
  override?: boolean;
  note?: string;
  /** The year has no published schedule: the day follows the law alone and may still change. */
  provisional: boolean;
}

/** Where a year's schedule comes from. */
export type YearSource = 'notice' | 'package' | 'statutory';

export interface Override {
  date: string;
  working: boolean;
  note: string;
  /** Path of the org it applies to; null = everywhere. */
  orgPath: string | null;
}

const DAY_MS = 86_400_000;

export function addDays(date: string, n: number): string {
  return new Date(Date.parse(date + 'T00:00:00Z') + n * DAY_MS).toISOString().slice(0, 10);
}

/** The calendar date in China for an instant: deadlines are counted in local days. */
export function shanghaiDate(instant: Date | string): string {
  const ms = typeof instant === 'string' ? Date.parse(instant) : instant.getTime();
  return new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** The last instant of a Shanghai calendar day, as a UTC ISO string. */
export function endOfShanghaiDay(date: string): string {
  return new Date(Date.parse(date + 'T23:59:59.999+08:00')).toISOString();
}

const packageYears = new Set(Object.keys(data.holidays).map((d) => Number(d.slice(0, 4))));

function byWeekday(date: string, provisional: boolean): DayInfo {
  const dow = new Date(date + 'T00:00:00Z').getUTCDay();
  return dow === 0 || dow === 6 ? { date, working: false, kind: 'weekend', provisional } : { date, working: true, kind: 'workday', provisional };
}

function fromSchedule(date: string, day: ScheduledDay | undefined, provisional: boolean): DayInfo {
  if (!day) return byWeekday(date, provisional);
  return day.working
    ? { date, working: true, kind: 'makeupWorkday', name: day.name, provisional }
    : { date, working: false, kind: 'holiday', name: day.name, provisional };
}

const statutoryByYear = new Map<number, Map<string, ScheduledDay>>();
function statutoryDay(date: string): ScheduledDay | undefined {
  const year = Number(date.slice(0, 4));
  let m = statutoryByYear.get(year);
  if (!m) statutoryByYear.set(year, (m = new Map(statutorySchedule(year).map((d) => [d.date, d]))));
  return m.get(date);
}

export class WorkCalendar {
  private readonly byDate = new Map<string, Override>();
  private readonly noticeDays = new Map<string, ScheduledDay>();
  private readonly noticeYears = new Set<number>();

  /**
   * Overrides that reach `orgPath` (or global ones only when orgPath is null), and the
   * schedules admins imported from the State Council notices, by year.
   */
  constructor(overrides: Override[], orgPath: string | null = null, notices: { year: number; days: ScheduledDay[] }[] = []) {
    for (const n of notices) {
      this.noticeYears.add(n.year);
      for (const d of n.days) this.noticeDays.set(d.date, d);
    }
    // More specific (deeper) overrides win over broader ones on the same date.
    const relevant = overrides
      .filter((o) => o.orgPath === null || (orgPath !== null && orgPath.startsWith(o.orgPath)))
      .sort((a, b) => (a.orgPath?.length ?? 0) - (b.orgPath?.length ?? 0));
    for (const o of relevant) this.byDate.set(o.date, o);
  }

  yearSource(year: number): YearSource {
    if (this.noticeYears.has(year)) return 'notice';
    return packageYears.has(year) ? 'package' : 'statutory';
  }

  private published(date: string): DayInfo {
    const year = Number(date.slice(0, 4));
    const notice = this.noticeDays.get(date);
    if (notice || this.noticeYears.has(year)) return fromSchedule(date, notice, false);
    if (packageYears.has(year)) {
      const hol = data.holidays[date];
      if (hol) return { date, working: false, kind: 'holiday', name: hol.split(',')[1], provisional: false };
      const work = data.workdays[date];
      if (work) return { date, working: true, kind: 'makeupWorkday', name: work.split(',')[1], provisional: false };
      return byWeekday(date, false);
    }
    return fromSchedule(date, statutoryDay(date), true);
  }

  day(date: string): DayInfo {
    const base = this.published(date);
    const o = this.byDate.get(date);
    if (!o) return base;
    // An override is someone's decision about that very day: it is not provisional.
    return {
      date,
      working: o.working,
      kind: o.working ? (base.working ? 'workday' : 'makeupWorkday') : 'holiday',
      name: o.note || base.name,
      override: true,
      note: o.note,
      provisional: false,
    };
  }

  isWorkingDay(date: string): boolean {
    return this.day(date).working;
  }

  /** The N-th working day after `start` (counting begins the day after). n = 0 → start itself if working, else the next working day. */
  addWorkingDays(start: string, n: number): string {
    let d = start;
    if (n <= 0) {
      while (!this.isWorkingDay(d)) d = addDays(d, 1);
      return d;
    }
    let left = n;
    while (left > 0) {
      d = addDays(d, 1);
      if (this.isWorkingDay(d)) left--;
    }
    return d;
  }

  /**
   * `addWorkingDays` with whether the answer rests on a provisional day: a deadline counted
   * across a year nobody has published may move once the schedule is out.
   */
  deadline(start: string, n: number): { date: string; provisional: boolean } {
    const date = this.addWorkingDays(start, n);
    return { date, provisional: this.provisionalWithin(n <= 0 ? addDays(start, -1) : start, date) };
  }

  /**
   * Whether any day in (from, to] is provisional: a deadline already stored (an appeal's
   * 办理期限 counted from its acceptance) is flagged with this when it is shown.
   */
  provisionalWithin(from: string, to: string): boolean {
    for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) if (this.day(d).provisional) return true;
    return false;
  }

  /** Working days in (from, to]: how many working days have passed since `from`. Negative when `to` is before `from`. */
  workingDaysBetween(from: string, to: string): number {
    if (to < from) return -this.workingDaysBetween(to, from);
    let n = 0;
    for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) if (this.isWorkingDay(d)) n++;
    return n;
  }

  range(from: string, to: string): DayInfo[] {
    const out: DayInfo[] = [];
    for (let d = from; d <= to; d = addDays(d, 1)) out.push(this.day(d));
    return out;
  }
}

// Overrides are few and read on every deadline computation, so each instance keeps them
// in memory. Writes here clear the cache at once; other instances see a change within
// CACHE_MS, which is far below the one-day resolution of any deadline.
const CACHE_MS = 30_000;
// Keyed by the database, not the handle: intakes compute deadlines inside their transaction.
interface Loaded {
  overrides: Override[];
  notices: { year: number; days: ScheduledDay[] }[];
}
const cache = new WeakMap<object, { at: number; loaded: Promise<Loaded> }>();

const listeners: ((db: Db) => void)[] = [];

/** Lets a module drop what it built on the calendar (the school calendars) when it changes. */
export function onCalendarChange(listener: (db: Db) => void) {
  listeners.push(listener);
}

export function invalidateCalendar(db: Db) {
  cache.delete(databaseKey(db));
  for (const l of listeners) l(db);
}

async function load(db: Db): Promise<Loaded> {
  const rows = await db
    .selectFrom('calendar_overrides as c')
    .leftJoin('orgs as o', 'o.id', 'c.org_id')
    .select(['c.date', 'c.working', 'c.note', 'o.path'])
    .execute();
  const notices = await db.selectFrom('calendar_notices').select(['year', 'days']).execute();
  return {
    overrides: rows.map((r) => ({ date: r.date, working: r.working === 1, note: r.note, orgPath: r.path ?? null })),
    notices: notices.map((n) => ({ year: n.year, days: JSON.parse(n.days) as ScheduledDay[] })),
  };
}

/**
 * The calendar as seen from an org (its own closures and its ancestors' apply).
 * Inside a transaction, pass the transaction (a Transaction is a Kysely): on SQLite the root handle waits for the one
 * connection the open transaction holds, and would wait for ever.
 */
export async function workCalendar(db: Db, orgPath: string | null = null): Promise<WorkCalendar> {
  const key = databaseKey(db);
  let hit = cache.get(key);
  if (!hit || Date.now() - hit.at > CACHE_MS) {
    const entry = { at: Date.now(), loaded: load(db) };
    cache.set(key, entry);
    entry.loaded.catch(() => cache.get(key) === entry && cache.delete(key));
    hit = entry;
  }
  const { overrides, notices } = await hit.loaded;
  return new WorkCalendar(overrides, orgPath, notices);
}

/** Years for which the package carries a published schedule; other years need a notice imported. */
export function publishedYears(): number[] {
  return [...packageYears].sort();
}
