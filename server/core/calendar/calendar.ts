/**
 * The working-day calendar (工作日历). Statutory holidays and make-up workdays (调休)
 * come from the `chinese-days` data; admins add overrides — next year's schedule before
 * the package has it, or an organisation's own closures, which reach its subtree.
 * Every deadline in the product goes through `addWorkingDays`; no module does date
 * arithmetic of its own.
 */
import { createRequire } from 'node:module';
import type { Db } from '../db/database.js';
import { databaseKey } from '../db/dialect.js';

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
}

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

function statutory(date: string): DayInfo {
  const hol = data.holidays[date];
  if (hol) return { date, working: false, kind: 'holiday', name: hol.split(',')[1] };
  const work = data.workdays[date];
  if (work) return { date, working: true, kind: 'makeupWorkday', name: work.split(',')[1] };
  const dow = new Date(date + 'T00:00:00Z').getUTCDay();
  return dow === 0 || dow === 6 ? { date, working: false, kind: 'weekend' } : { date, working: true, kind: 'workday' };
}

export class WorkCalendar {
  private readonly byDate = new Map<string, Override>();

  /** Overrides that reach `orgPath` (or global ones only when orgPath is null). */
  constructor(overrides: Override[], orgPath: string | null = null) {
    // More specific (deeper) overrides win over broader ones on the same date.
    const relevant = overrides
      .filter((o) => o.orgPath === null || (orgPath !== null && orgPath.startsWith(o.orgPath)))
      .sort((a, b) => (a.orgPath?.length ?? 0) - (b.orgPath?.length ?? 0));
    for (const o of relevant) this.byDate.set(o.date, o);
  }

  day(date: string): DayInfo {
    const base = statutory(date);
    const o = this.byDate.get(date);
    if (!o) return base;
    return {
      date,
      working: o.working,
      kind: o.working ? (base.working ? 'workday' : 'makeupWorkday') : 'holiday',
      name: o.note || base.name,
      override: true,
      note: o.note,
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
const cache = new WeakMap<object, { at: number; overrides: Promise<Override[]> }>();

const listeners: ((db: Db) => void)[] = [];

/** Lets a module drop what it built on the calendar (the school calendars) when it changes. */
export function onCalendarChange(listener: (db: Db) => void) {
  listeners.push(listener);
}

export function invalidateCalendar(db: Db) {
  cache.delete(databaseKey(db));
  for (const l of listeners) l(db);
}

async function loadOverrides(db: Db): Promise<Override[]> {
  const rows = await db
    .selectFrom('calendar_overrides as c')
    .leftJoin('orgs as o', 'o.id', 'c.org_id')
    .select(['c.date', 'c.working', 'c.note', 'o.path'])
    .execute();
  return rows.map((r) => ({ date: r.date, working: r.working === 1, note: r.note, orgPath: r.path ?? null }));
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
    const entry = { at: Date.now(), overrides: loadOverrides(db) };
    cache.set(key, entry);
    entry.overrides.catch(() => cache.get(key) === entry && cache.delete(key));
    hit = entry;
  }
  return new WorkCalendar(await hit.overrides, orgPath);
}

/** Years for which the package carries a published schedule; later years need overrides. */
export function publishedYears(): number[] {
  return [...new Set(Object.keys(data.holidays).map((d) => Number(d.slice(0, 4))))].sort();
}
