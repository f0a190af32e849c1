/**
 * School days: working days of the core calendar (statutory holidays, make-up workdays,
 * admin overrides) that lie inside a term of the school, minus the closures the school
 * declared for the class, its grade or the whole school. Both school practices count
 * against these days, never against calendar days.
 */
import type { Db } from '../../core/db/database.js';
import { addDays, onCalendarChange, workCalendar, type WorkCalendar } from '../../core/calendar/calendar.js';
import { databaseKey } from '../../core/db/dialect.js';
import { weekDates, weekOf } from '../../../common/school.js';
import * as repo from './school.repository.js';

export interface TermRef {
  id: string;
  name: string;
  start_date: string;
  end_date: string;
}

export interface SchoolDayInfo {
  date: string;
  week: string;
  schoolDay: boolean;
  reason: 'weekend' | 'holiday' | 'outsideTerm' | 'closure' | null;
  note: string | null;
  termId: string | null;
}

interface ClosureRef {
  date: string;
  path: string;
  reason: string;
}

export class SchoolCalendar {
  private readonly closures = new Map<string, string>();
  // A dashboard asks the same calendar about the same days many times; classes without a
  // rule of their own share one calendar (see SchoolCalendarSource), so these memos pay off.
  private readonly memo = new Map<string, boolean>();
  private readonly termWeeks = new Map<string, string[]>();
  private readonly weekDays = new Map<string, string[]>();
  /** Answers by date range (from|to); the calendar is rebuilt when terms or closures change, so they never go stale. */
  private readonly rangeDays = new Map<string, string[]>();
  private readonly rangeWeeks = new Map<string, string[]>();

  constructor(
    private readonly work: WorkCalendar,
    readonly terms: TermRef[],
    closures: ClosureRef[],
    /** The org (school, grade or class) this calendar is seen from. */
    readonly orgPath: string,
  ) {
    for (const c of closures) if (orgPath.startsWith(c.path)) this.closures.set(c.date, c.reason);
  }

  termOf(date: string): TermRef | null {
    return this.terms.find((t) => t.start_date <= date && date <= t.end_date) ?? null;
  }

  /** The term containing `date`, else the latest one that has started before it. */
  currentOrLastTerm(date: string): TermRef | null {
    return this.termOf(date) ?? [...this.terms].reverse().find((t) => t.start_date <= date) ?? null;
  }

  day(date: string): SchoolDayInfo {
    const week = weekOf(date);
    const term = this.termOf(date);
    const d = this.work.day(date);
    if (!d.working)
      return { date, week, schoolDay: false, reason: d.kind === 'weekend' ? 'weekend' : 'holiday', note: d.name ?? null, termId: term?.id ?? null };
    if (!term) return { date, week, schoolDay: false, reason: 'outsideTerm', note: null, termId: null };
    const closed = this.closures.get(date);
    if (closed !== undefined) return { date, week, schoolDay: false, reason: 'closure', note: closed, termId: term.id };
    return { date, week, schoolDay: true, reason: null, note: d.kind === 'makeupWorkday' ? (d.name ?? null) : null, termId: term.id };
  }

  isSchoolDay(date: string): boolean {
    let v = this.memo.get(date);
    if (v === undefined) {
      v = this.work.isWorkingDay(date) && this.termOf(date) !== null && !this.closures.has(date);
      this.memo.set(date, v);
    }
    return v;
  }

  schoolDaysIn(from: string, to: string): string[] {
    // One calendar serves every class of a school without a rule of its own (forOrg), so a school's figures
    // ask it the same range once per class: 450 classes walked a year day by day 900 times for one report.
    const key = `${from}|${to}`;
    let days = this.rangeDays.get(key);
    if (!days) {
      days = [];
      for (let d = from; d <= to; d = addDays(d, 1)) if (this.isSchoolDay(d)) days.push(d);
      this.rangeDays.set(key, days);
    }
    return [...days];
  }

  weekSchoolDays(week: string): string[] {
    let days = this.weekDays.get(week);
    if (!days) {
      days = weekDates(week).filter((d) => this.isSchoolDay(d));
      this.weekDays.set(week, days);
    }
    return [...days];
  }

  /** A week exists for a class when it holds at least one school day. */
  weekExists(week: string): boolean {
    return this.lastSchoolDayOfWeek(week) !== null;
  }

  lastSchoolDayOfWeek(week: string): string | null {
    if (!this.weekDays.has(week)) this.weekSchoolDays(week);
    const days = this.weekDays.get(week)!;
    return days.length ? days[days.length - 1] : null;
  }

  /** Weeks with school days between two dates, oldest first. */
  weeksIn(from: string, to: string): string[] {
    const key = `${from}|${to}`;
    let weeks = this.rangeWeeks.get(key);
    if (!weeks) {
      const seen = new Set<string>();
      for (const d of this.schoolDaysIn(from, to)) seen.add(weekOf(d));
      weeks = [...seen];
      this.rangeWeeks.set(key, weeks);
    }
    return [...weeks];
  }

  weeksOfTerm(term: TermRef, upTo?: string): string[] {
    const end = upTo && upTo < term.end_date ? upTo : term.end_date;
    const key = `${term.start_date}|${end}`;
    let weeks = this.termWeeks.get(key);
    if (!weeks) {
      weeks = end < term.start_date ? [] : this.weeksIn(term.start_date, end);
      this.termWeeks.set(key, weeks);
    }
    return [...weeks];
  }
}

/** What a school's calendars are built from, as read from the database (kept across requests). */
interface SourceData {
  schoolPath: string;
  terms: TermRef[];
  closures: ClosureRef[];
  /** Paths strictly below the school that carry a closure or a core calendar override. */
  specific: string[];
  /** Calendars built so far, by the rules that reach them; shared by every handle on the database. */
  shared: Map<string, Promise<SchoolCalendar>>;
}

/**
 * What a school's calendars are built from, loaded once; `forOrg` then gives the calendar
 * of any class or grade of the school without another query. Every org that no rule of its
 * own reaches (no closure and no core calendar override below the school on its path) gets
 * the one school-level calendar, so 450 classes cost one calendar's arithmetic, not 450.
 * The data is kept per database; each caller gets it bound to its own handle (a transaction
 * ends, the data outlives it).
 */
export class SchoolCalendarSource {
  constructor(
    private readonly db: Db,
    private readonly data: SourceData,
  ) {}

  get schoolPath() {
    return this.data.schoolPath;
  }

  get terms() {
    return this.data.terms;
  }

  forOrg(orgPath: string): Promise<SchoolCalendar> {
    const { schoolPath, specific, shared, terms, closures } = this.data;
    const own = specific.filter((p) => orgPath.startsWith(p));
    const key = orgPath.startsWith(schoolPath) ? own.join('|') : orgPath;
    let cal = shared.get(key);
    if (!cal) {
      const viewFrom = own.length || !orgPath.startsWith(schoolPath) ? orgPath : schoolPath;
      cal = workCalendar(this.db, viewFrom).then((work) => new SchoolCalendar(work, terms, closures, viewFrom));
      shared.set(key, cal);
      cal.catch(() => shared.get(key) === cal && shared.delete(key));
    }
    return cal;
  }
}

// Terms and closures change a few times a term, yet every 心桥 write, every lesson log and every
// view reads them: like the core calendar's overrides, each instance keeps a school's source (and
// the calendars and day memos built on it) in memory, keyed by the database and not by the handle
// — writes run in a transaction, a new handle each time, and a cache keyed by it never hit. The
// school service clears it after a change it commits (and core calendar changes do); other
// instances see the change within CACHE_MS.
const CACHE_MS = 30_000;
const cached = new WeakMap<object, Map<string, { at: number; data: Promise<SourceData> }>>();

export function invalidateSchoolCalendar(db: Db) {
  cached.delete(databaseKey(db));
}
onCalendarChange(invalidateSchoolCalendar);

export async function loadSchoolCalendarSource(db: Db, schoolId: string, knownPath?: string): Promise<SchoolCalendarSource> {
  const key = databaseKey(db);
  let schools = cached.get(key);
  if (!schools) cached.set(key, (schools = new Map()));
  let hit = schools.get(schoolId);
  if (!hit || Date.now() - hit.at > CACHE_MS) {
    const entry = { at: Date.now(), data: readSourceData(db, schoolId, knownPath) };
    schools.set(schoolId, entry);
    const map = schools;
    entry.data.catch(() => map.get(schoolId) === entry && map.delete(schoolId));
    hit = entry;
  }
  return new SchoolCalendarSource(db, await hit.data);
}

async function readSourceData(db: Db, schoolId: string, knownPath?: string): Promise<SourceData> {
  const schoolPath = knownPath ?? (await repo.findOrg(db, schoolId))?.path ?? `/${schoolId}/`;
  const [terms, closures, overrides] = await Promise.all([repo.termsOf(db, schoolId), repo.closuresOf(db, schoolId), repo.overridePathsBelow(db, schoolPath)]);
  const specific = [...new Set([...closures.map((c) => c.path), ...overrides])].filter((p) => p !== schoolPath && p.startsWith(schoolPath));
  return { schoolPath, terms, closures: closures.map((c) => ({ date: c.date, path: c.path, reason: c.reason })), specific, shared: new Map() };
}

export async function loadSchoolCalendar(db: Db, schoolId: string, orgPath: string): Promise<SchoolCalendar> {
  // An org inside the school carries the school's path in its own: no need to look it up.
  const at = orgPath.indexOf(`/${schoolId}/`);
  const schoolPath = at < 0 ? undefined : orgPath.slice(0, at + schoolId.length + 2);
  return (await loadSchoolCalendarSource(db, schoolId, schoolPath)).forOrg(orgPath);
}
