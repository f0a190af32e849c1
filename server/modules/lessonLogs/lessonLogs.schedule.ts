/**
 * The lessons a timetable promises: each school day of a class (the school calendar: terms,
 * holidays, make-up days, closures) × the slots of the weekday that day follows. The
 * not-logged view, the reminder and every "÷ timetabled" figure count against this list.
 */
import type { Db } from '../../core/db/database.js';
import { addDays } from '../../core/calendar/calendar.js';
import { timetableWeekday } from '../../../common/timetable.js';
import { classesUnder, describeClasses, loadSchoolCalendarSource, type ClassInfo, type SchoolCalendar } from '../school/index.js';
import { slotsOfClasses, weekendRowsOf, type TimetableSlotTable } from '../timetable/index.js';
import * as repo from './lessonLogs.repository.js';

export interface ExpectedLesson {
  classId: string;
  className: string;
  gradeId: string | null;
  date: string;
  period: number;
  subject: string;
  teacherId: string;
  teacherName: string;
}

const NONE: ReadonlySet<number> = new Set();

export type ClassWithCal = ClassInfo & { cal: SchoolCalendar };

export async function classesOfSchool(db: Db, school: { id: string; path: string }): Promise<ClassWithCal[]> {
  const src = await loadSchoolCalendarSource(db, school.id, school.path);
  const infos = (await describeClasses(db, await classesUnder(db, school.path))).filter((c) => c.schoolId === school.id);
  return Promise.all(infos.map(async (c) => ({ ...c, cal: await src.forOrg(c.path) })));
}

/** Lessons timetabled for `classes` from `from` to `to` (inclusive), by date then class and period. */
export async function expectedLessons(
  db: Db,
  classes: readonly Pick<ClassWithCal, 'id' | 'name' | 'gradeId' | 'cal'>[],
  from: string,
  to: string,
  teacherId?: string,
): Promise<ExpectedLesson[]> {
  const byClass = new Map<string, (TimetableSlotTable & { teacher_name: string })[]>();
  // Which weekend rows a class has decides a make-up day's weekday, whoever's slots are asked for.
  const weekendRows = new Map<string, Set<number>>();
  for (const s of await slotsOfClasses(
    db,
    classes.map((c) => c.id),
  )) {
    if (s.weekday >= 6) (weekendRows.get(s.class_id) ?? weekendRows.set(s.class_id, new Set()).get(s.class_id)!).add(s.weekday);
    if (teacherId && s.teacher_id !== teacherId) continue;
    (byClass.get(s.class_id) ?? byClass.set(s.class_id, []).get(s.class_id)!).push(s);
  }
  const out: ExpectedLesson[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) {
    for (const c of classes) {
      const slots = byClass.get(c.id);
      if (!slots || !c.cal.isSchoolDay(d)) continue;
      const wd = timetableWeekday(d, weekendRows.get(c.id) ?? NONE);
      for (const s of slots) {
        if (s.weekday === wd)
          out.push({
            classId: c.id,
            className: c.name,
            gradeId: c.gradeId,
            date: d,
            period: s.period,
            subject: s.subject,
            teacherId: s.teacher_id,
            teacherName: s.teacher_name,
          });
      }
    }
  }
  return out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0) || a.period - b.period);
}

/**
 * The classes grouped by calendar and weekend rows, each group with the period's school days
 * and the timetable weekday each follows: what the engine joins the timetable with to count
 * or list the lessons promised (repo.countPromised, repo.notLoggedPage).
 */
export async function dayGroups(db: Db, classes: readonly Pick<ClassWithCal, 'id' | 'cal'>[], from: string, to: string): Promise<repo.DayGroup[]> {
  const weekendRows = await weekendRowsOf(
    db,
    classes.map((c) => c.id),
  );
  const calIds = new Map<SchoolCalendar, number>();
  const groups = new Map<string, repo.DayGroup>();
  for (const c of classes) {
    if (!calIds.has(c.cal)) calIds.set(c.cal, calIds.size);
    const rows = weekendRows.get(c.id) ?? NONE;
    const sig = `${calIds.get(c.cal)}|${[...rows].sort().join(',')}`;
    let g = groups.get(sig);
    if (!g)
      groups.set(
        sig,
        (g = { classIds: [], days: from <= to ? c.cal.schoolDaysIn(from, to).map((date) => ({ date, weekday: timetableWeekday(date, rows) })) : [] }),
      );
    g.classIds.push(c.id);
  }
  return [...groups.values()];
}

/** Lessons timetabled for `classes` over a period, and how many of them are logged. */
export async function timetabledAndLogged(db: Db, classes: readonly Pick<ClassWithCal, 'id' | 'cal'>[], from: string, to: string, teacherId?: string) {
  return repo.countPromised(db, await dayGroups(db, classes, from, to), teacherId);
}

/** Lessons timetabled and not logged (the first `limit` when given), by date, period and class, with how many in all (one statement). */
export function notLogged(db: Db, groups: readonly repo.DayGroup[], limit?: number, teacherId?: string) {
  return repo.notLoggedPage(db, groups, limit, teacherId);
}

/** The next school day after `date` on a class's calendar (the last day to complete after-class items). */
export function nextSchoolDay(cal: SchoolCalendar, date: string): string {
  for (let d = addDays(date, 1), i = 0; i < 60; d = addDays(d, 1), i++) if (cal.isSchoolDay(d)) return d;
  return addDays(date, 1);
}
