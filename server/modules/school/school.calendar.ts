/**
 * School days: working days of the core calendar (statutory holidays, make-up workdays,
 * admin overrides) that lie inside a term of the school, minus the closures the school
 * declared for the class, its grade or the whole school. Both school practices count
 * against these days, never against calendar days.
 */
import type { Db } from '../../core/db/database.js';
import { addDays, onCalendarChange, workCalendar, type WorkCalendar } from '../../core/calendar/calendar.js';
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
    if (!d.working) return { date, week, schoolDay: false, reason: d.kind === 'weekend' ? 'weekend' : 'holiday', note: d.name ?? null, termId: term?.id ?? null };
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
    const out: string[] = [];
    for (let d = from; d <= to; d = addDays(d, 1)) if (this.isSchoolDay(d)) out.push(d);
    return out;
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
    const seen = new Set<string>();
    for (const d of this.schoolDaysIn(from, to)) seen.add(weekOf(d));
    return [...seen];
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

/**
 * What a school's calendars are built from, loaded once; `forOrg` then gives the calendar
 * of any class or grade of the school without another query. Every org that no rule of its
 * own reaches (no closure and no core calendar override below the school on its path) gets
 * the one school-level calendar, so 450 classes cost one calendar's arithmetic, not 450.
 */
export class SchoolCalendarSource {
  private readonly shared = new Map<string, Promise<SchoolCalendar>>();

  constructor(
    private readonly db: Db,
    readonly schoolPath: string,
    readonly terms: TermRef[],
    private readonly closures: ClosureRef[],
    /** Paths strictly below the school that carry a closure or a core calendar override. */
    private readonly specific: string[],
  ) {}

  forOrg(orgPath: string): Promise<SchoolCalendar> {
    const own = this.specific.filter((p) => orgPath.startsWith(p));
    const key = orgPath.startsWith(this.schoolPath) ? own.join('|') : orgPath;
    let cal = this.shared.get(key);
    if (!cal) {
      const viewFrom = own.length || !orgPath.startsWith(this.schoolPath) ? orgPath : this.schoolPath;
      cal = workCalendar(this.db, viewFrom).then((work) => new SchoolCalendar(work, this.terms, this.closures, viewFrom));
      this.shared.set(key, cal);
    }
    return cal;
  }
}

// Terms and closures change a few times a term, yet every 心桥 write and every view reads
// them: like the core calendar's overrides, each instance keeps a school's source (and the
// calendars and day memos built on it) in memory. The school service clears it after a
// change it commits; other instances see the change within CACHE_MS.
const CACHE_MS = 30_000;
const cached = new WeakMap<Db, Map<string, { at: number; source: Promise<SchoolCalendarSource> }>>();

export function invalidateSchoolCalendar(db: Db) {
  cached.delete(db);
}
onCalendarChange(invalidateSchoolCalendar);

export function loadSchoolCalendarSource(db: Db, schoolId: string, knownPath?: string): Promise<SchoolCalendarSource> {
  let schools = cached.get(db);
  if (!schools) cached.set(db, (schools = new Map()));
  let hit = schools.get(schoolId);
  if (!hit || Date.now() - hit.at > CACHE_MS) {
    const entry = { at: Date.now(), source: readSchoolCalendarSource(db, schoolId, knownPath) };
    schools.set(schoolId, entry);
    entry.source.catch(() => schools.get(schoolId) === entry && schools.delete(schoolId));
    hit = entry;
  }
  return hit.source;
}

async function readSchoolCalendarSource(db: Db, schoolId: string, knownPath?: string): Promise<SchoolCalendarSource> {
  const schoolPath = knownPath ?? (await repo.findOrg(db, schoolId))?.path ?? `/${schoolId}/`;
  const [terms, closures, overrides] = await Promise.all([repo.termsOf(db, schoolId), repo.closuresOf(db, schoolId), repo.overridePathsBelow(db, schoolPath)]);
  const specific = [...new Set([...closures.map((c) => c.path), ...overrides])].filter((p) => p !== schoolPath && p.startsWith(schoolPath));
  return new SchoolCalendarSource(
    db,
    schoolPath,
    terms,
    closures.map((c) => ({ date: c.date, path: c.path, reason: c.reason })),
    specific,
  );
}

export async function loadSchoolCalendar(db: Db, schoolId: string, orgPath: string): Promise<SchoolCalendar> {
  // An org inside the school carries the school's path in its own: no need to look it up.
  const at = orgPath.indexOf(`/${schoolId}/`);
  const schoolPath = at < 0 ? undefined : orgPath.slice(0, at + schoolId.length + 2);
  return (await loadSchoolCalendarSource(db, schoolId, schoolPath)).forOrg(orgPath);
}
