/**
 * Demo lesson logs: every timetabled lesson of the current term up to the day before
 * yesterday, each teacher logging at their own rate (so the not-logged view and the
 * compliance heat-map have realistic gaps), with the after-class items sometimes left open.
 * Per-student tallies for the last two school weeks only — what "not reached" reads — so
 * the seed stays cheap: built in memory, written as chunked multi-row inserts.
 */
import type { Db } from '../../core/db/database.js';
import { addDays, shanghaiDate } from '../../core/calendar/calendar.js';
import { newId } from '../../core/ids.js';
import { Rng } from '../../core/random.js';
import { allSchools, studentsOfClasses } from '../school/index.js';
import { slotsOfClasses } from '../timetable/index.js';
import { nextSchoolDay, classesOfSchool, expectedLessons } from './lessonLogs.schedule.js';
import { accountsOfPersons } from './lessonLogs.repository.js';
import { maskOf } from './lessonLogs.reach.js';
import { rebuildCells } from './lessonLogs.cells.js';
import { ldb, type LessonLogStudentTable, type LessonLogTable, type LessonSeatTable } from './lessonLogs.tables.js';

const TALLY_DAYS = 14;

async function slotsTeachers(db: Db, classIds: string[]): Promise<string[]> {
  return (await slotsOfClasses(db, classIds)).map((s) => s.teacher_id);
}

export async function seedLessonLogsDemo(db: Db, now: Date): Promise<void> {
  const l = ldb(db);
  if (await l.selectFrom('lesson_logs').select('id').limit(1).executeTakeFirst()) return;
  const random = new Rng(20261206);
  const until = addDays(shanghaiDate(now), -2);
  const tallyFrom = addDays(until, -TALLY_DAYS);
  const stamp = now.toISOString();
  const logs: LessonLogTable[] = [];
  const tallies: LessonLogStudentTable[] = [];
  const seats: LessonSeatTable[] = [];
  const counters: { class_id: string; next: number }[] = [];
  for (const school of await allSchools(db)) {
    const classes = await classesOfSchool(db, school);
    const term = classes[0]?.cal.currentOrLastTerm(until);
    if (!term) continue;
    const byId = new Map(classes.map((c) => [c.id, c]));
    const roster = new Map<string, string[]>();
    for (const s of await studentsOfClasses(
      db,
      classes.map((c) => c.id),
    ))
      (roster.get(s.org_id) ?? roster.set(s.org_id, []).get(s.org_id)!).push(s.id);
    for (const [classId, ids] of roster) {
      seats.push(...ids.map((student_id, seat) => ({ class_id: classId, student_id, seat })));
      counters.push({ class_id: classId, next: ids.length });
    }
    const rate = new Map<string, number>();
    const accountOf = new Map(
      (
        await accountsOfPersons(db, [
          ...new Set(
            await slotsTeachers(
              db,
              classes.map((c) => c.id),
            ),
          ),
        ])
      ).map((a) => [a.person_id, a.id]),
    );
    for (const lesson of await expectedLessons(db, classes, term.start_date, until < term.end_date ? until : term.end_date)) {
      let r = rate.get(lesson.teacherId);
      if (r === undefined) rate.set(lesson.teacherId, (r = [0.97, 0.93, 0.9, 0.85, 0.7][random.int(0, 4)]));
      if (!random.chance(r)) continue;
      const cls = byId.get(lesson.classId)!;
      const id = newId();
      const afterClass = random.chance(0.9);
      const count = (lo: number, hi: number) => random.int(lo, hi);
      const row: LessonLogTable = {
        id,
        class_id: cls.id,
        class_path: cls.path,
        school_id: school.id,
        grade_id: cls.gradeId,
        teacher_id: lesson.teacherId,
        subject: lesson.subject,
        date: lesson.date,
        period: lesson.period,
        minutes_taught: random.chance(0.8) ? 35 : count(36, 40),
        minutes_checking: random.chance(0.8) ? 10 : count(5, 9),
        questioned: count(6, 16),
        homework_checked: count(5, 14),
        demonstrations: count(3, 12),
        practice_minutes: count(6, 12),
        corrections: afterClass ? count(5, 14) : null,
        tutoring: afterClass ? count(4, 12) : null,
        after_class_until: nextSchoolDay(cls.cal, lesson.date),
        reached: '',
        created_by: accountOf.get(lesson.teacherId) ?? lesson.teacherId,
        created_at: stamp,
        updated_at: stamp,
      };
      logs.push(row);
      const students = roster.get(cls.id) ?? [];
      if (lesson.date < tallyFrom || !students.length) continue;
      // Teachers tend to ask the same front rows: the tail of the roster is reached less.
      // A student's seat is their place on the roster (seated below, once per class).
      const reached = new Set<number>();
      const tap = (kind: string, n: number) => {
        const seen = new Set<number>();
        for (let k = 0; k < n; k++) seen.add(Math.min(students.length - 1, Math.floor(students.length * Math.pow(random.next(), 1.6))));
        for (const i of seen) {
          tallies.push({ log_id: id, kind, student_id: students[i], class_id: cls.id, date: lesson.date });
          reached.add(i);
        }
      };
      tap('questioned', Math.min(row.questioned, 8));
      tap('homeworkChecked', Math.min(row.homework_checked, 5));
      tap('demonstrations', Math.min(row.demonstrations, 3));
      if (afterClass) tap('tutoring', Math.min(row.tutoring!, 3));
      row.reached = maskOf(reached);
    }
  }
  for (let i = 0; i < logs.length; i += 400)
    await l
      .insertInto('lesson_logs')
      .values(logs.slice(i, i + 400))
      .execute();
  for (let i = 0; i < seats.length; i += 2000)
    await l
      .insertInto('lesson_seats')
      .values(seats.slice(i, i + 2000))
      .execute();
  if (counters.length) await l.insertInto('lesson_seat_counters').values(counters).execute();
  for (let i = 0; i < tallies.length; i += 2000)
    await l
      .insertInto('lesson_log_students')
      .values(tallies.slice(i, i + 2000))
      .execute();
  // Written in bulk, not through the service: the compliance cells are counted from the logs once.
  for (const schoolId of new Set(logs.map((g) => g.school_id))) await rebuildCells(db, schoolId);
}
