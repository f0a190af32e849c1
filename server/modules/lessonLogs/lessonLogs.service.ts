/**
 * The 35+10 lesson log: a teacher logs a timetabled lesson of their own (class, date, period
 * from the slot), with the six counts and the students tapped on the roster; the after-class
 * items may follow until the end of the next school day. Reads: a log (author or office), a
 * teacher's week, a class's students not reached for two school weeks.
 */
import type { Call, WriteCall } from '../../core/call.js';
import type { Db } from '../../core/db/database.js';
import { recordAudit } from '../../core/audit/audit.js';
import { addDays, shanghaiDate } from '../../core/calendar/calendar.js';
import { conflict, forbidden, invalid, notFound } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import { hasPermission } from '../../core/rbac/actor.js';
import { LESSON_LOG_PERMISSIONS as P, NOT_REACHED_SCHOOL_DAYS, TALLY_KINDS, standardMet, type TallyKind } from '../../../common/lessonLogs.js';
import type { LessonLog, LogLessonBody, MyWeek } from '../../../common/schemas/lessonLogs.js';
import { comparePinyin, weekDates, weekOf } from '../../../common/school.js';
import { timetableWeekday } from '../../../common/timetable.js';
import { loadClass, loadSchoolCalendar, studentsAmong, studentsOfClass, type ClassInfo } from '../school/index.js';
import { slotsForPeriod, slotsOfTeacher } from '../timetable/index.js';
import { classFor, isAuthor, lessonReach, logFor } from './lessonLogs.policy.js';
import * as repo from './lessonLogs.repository.js';
import { maskOf, seatsOf } from './lessonLogs.reach.js';
import { addToCell, recountCell } from './lessonLogs.cells.js';
import { expectedLessons, nextSchoolDay, type ClassWithCal } from './lessonLogs.schedule.js';

const ENTITY = 'lessonLog';

function present(call: Call, row: repo.LogRow, tallies: { kind: string; student_id: string; name: string }[]): LessonLog {
  const students = Object.fromEntries(
    TALLY_KINDS.map((k) => [
      k,
      tallies
        .filter((t) => t.kind === k)
        .map((t) => ({ id: t.student_id, name: t.name }))
        .sort((a, b) => comparePinyin(a.name, b.name)),
    ]),
  ) as LessonLog['students'];
  return {
    id: row.id,
    classId: row.class_id,
    className: row.class_name,
    subject: row.subject,
    teacherId: row.teacher_id,
    teacherName: row.teacher_name,
    date: row.date,
    period: row.period,
    minutesTaught: row.minutes_taught,
    minutesChecking: row.minutes_checking,
    standardMet: standardMet(row.minutes_taught, row.minutes_checking),
    counts: {
      questioned: row.questioned,
      homeworkChecked: row.homework_checked,
      demonstrations: row.demonstrations,
      practiceMinutes: row.practice_minutes,
      corrections: row.corrections,
      tutoring: row.tutoring,
    },
    students,
    afterClassUntil: row.after_class_until,
    canCompleteAfterClass: isAuthor(call.actor, row) && shanghaiDate(call.now) <= row.after_class_until,
    createdAt: row.created_at,
  };
}

async function load(call: Call, db: Db, id: string): Promise<LessonLog> {
  const row = await repo.findLog(db, id);
  if (!row) throw notFound();
  return present(call, row, await repo.talliesOf(db, id));
}

export async function detail(call: Call, logId: string): Promise<LessonLog> {
  const row = await logFor(call.db, call.actor, logId, 'read');
  return present(call, row, await repo.talliesOf(call.db, row.id));
}

/**
 * Students tapped must be on the class roster, each once per kind, and no more of them than the
 * count says (a count of 人次 may exceed them: one student may answer twice).
 */
function checkTallies(
  roster: Set<string>,
  students: Partial<Record<TallyKind, string[]>>,
  counts: Partial<Record<TallyKind, number | undefined>>,
  field = 'body',
) {
  const out: [TallyKind, string][] = [];
  for (const kind of TALLY_KINDS) {
    const ids = students[kind] ?? [];
    const seen = new Set<string>();
    ids.forEach((id, i) => {
      if (!roster.has(id)) throw invalid(`${field}.students.${kind}.${i}`, 'lessonLogs.notInClass');
      if (!seen.has(id)) out.push([kind, id]);
      seen.add(id);
    });
    if (kind in counts || seen.size) {
      const count = counts[kind];
      if (count === undefined && seen.size) throw invalid(`${field}.${kind}`, 'lessonLogs.countRequired');
      if (count !== undefined && seen.size > count) throw invalid(`${field}.${kind}`, 'lessonLogs.moreStudentsThanCount', { n: seen.size, count });
    }
  }
  return out;
}

export async function logLesson(call: WriteCall, body: LogLessonBody): Promise<LessonLog> {
  const db = call.tx as Db;
  const reach = await lessonReach(db, call.actor);
  const cls = await loadClass(db, body.classId);
  if (!cls || !reach.seesClass(cls)) throw notFound();
  const personId = call.actor.personId;
  if (!personId || !reach.teaches(cls.id) || !hasPermission(call.actor, P.log)) throw forbidden();
  if (body.date > shanghaiDate(call.now)) throw invalid('body.date', 'lessonLogs.futureDate');
  const cal = await loadSchoolCalendar(db, cls.schoolId, cls.path);
  if (!cal.isSchoolDay(body.date)) throw invalid('body.date', 'lessonLogs.notSchoolDay', { date: body.date });
  // Only the period's slots and the weekend rows: a phone waits on this write (issue #21: ≥ 30 % of a bare insert).
  const slots = await slotsForPeriod(db, cls.id, body.period);
  const weekday = timetableWeekday(body.date, new Set(slots.filter((s) => s.weekday >= 6).map((s) => s.weekday)));
  const slot = slots.find((s) => s.weekday === weekday && s.period === body.period);
  if (!slot || slot.teacher_id !== personId) throw invalid('body.period', 'lessonLogs.notYourLesson', { period: body.period });
  if (await repo.logAt(db, cls.id, body.date, body.period)) throw conflict('lessonLogs.alreadyLogged');

  // The students tapped, checked against the class (not the whole roster read): a log with none reads no one.
  const tapped = await studentsAmong(db, cls.id, [...new Set(TALLY_KINDS.flatMap((k) => body.students[k] ?? []))]);
  const tallies = checkTallies(new Set(tapped.map((s) => s.id)), body.students, {
    questioned: body.questioned,
    homeworkChecked: body.homeworkChecked,
    demonstrations: body.demonstrations,
    corrections: body.corrections,
    tutoring: body.tutoring,
  });
  const id = newId();
  const seats = await seatsOf(
    db,
    cls.id,
    tallies.map(([, student]) => student),
  );
  const row = {
    id,
    class_id: cls.id,
    class_path: cls.path,
    school_id: cls.schoolId,
    grade_id: cls.gradeId,
    teacher_id: personId,
    subject: slot.subject,
    date: body.date,
    period: body.period,
    minutes_taught: body.minutesTaught,
    minutes_checking: body.minutesChecking,
    questioned: body.questioned,
    homework_checked: body.homeworkChecked,
    demonstrations: body.demonstrations,
    practice_minutes: body.practiceMinutes,
    corrections: body.corrections ?? null,
    tutoring: body.tutoring ?? null,
    after_class_until: nextSchoolDay(cal, body.date),
    reached: maskOf(seats.values()),
    created_by: call.actor.accountId,
    created_at: call.iso,
    updated_at: call.iso,
  };
  await repo.insertLog(db, row);
  await addToCell(db, row);
  await repo.insertTallies(
    db,
    tallies.map(([kind, student_id]) => ({ log_id: id, kind, student_id, class_id: cls.id, date: body.date })),
  );
  await recordAudit(call.tx, call.ctx, {
    action: 'lessonLog.create',
    entityType: ENTITY,
    entityId: id,
    orgId: cls.id,
    changes: { date: body.date, period: body.period, subject: slot.subject },
  });
  // Answered from what was written (no read back): the names come from the class, the slot and the students tapped.
  const nameOf = new Map(tapped.map((s) => [s.id, s.name]));
  return present(
    call,
    { ...row, class_name: cls.name, teacher_name: slot.teacher_name },
    tallies.map(([kind, student_id]) => ({ kind, student_id, name: nameOf.get(student_id)! })),
  );
}

export async function completeAfterClass(
  call: WriteCall,
  logId: string,
  body: { corrections: number; tutoring: number; students: { corrections: string[]; tutoring: string[] } },
): Promise<LessonLog> {
  const db = call.tx as Db;
  const row = await logFor(db, call.actor, logId, 'complete');
  if (shanghaiDate(call.now) > row.after_class_until) throw conflict('lessonLogs.afterClassClosed', { until: row.after_class_until });
  const roster = new Set((await studentsOfClass(db, row.class_id)).map((s) => s.id));
  const tallies = checkTallies(roster, body.students, { corrections: body.corrections, tutoring: body.tutoring });
  await repo.deleteTallies(db, row.id, ['corrections', 'tutoring']);
  await repo.insertTallies(
    db,
    tallies.map(([kind, student_id]) => ({ log_id: row.id, kind, student_id, class_id: row.class_id, date: row.date })),
  );
  const seats = await seatsOf(
    db,
    row.class_id,
    (await repo.talliesOf(db, row.id)).map((t) => t.student_id),
  );
  await repo.updateAfterClass(db, row.id, { corrections: body.corrections, tutoring: body.tutoring, reached: maskOf(seats.values()), updated_at: call.iso });
  await recountCell(db, row);
  await recordAudit(call.tx, call.ctx, {
    action: 'lessonLog.afterClass',
    entityType: ENTITY,
    entityId: row.id,
    orgId: row.class_id,
    changes: { corrections: [row.corrections, body.corrections], tutoring: [row.tutoring, body.tutoring] },
  });
  return load(call, db, row.id);
}

/** The caller's timetabled lessons of a week, each with its log when there is one: the phone's start page. */
export async function myWeek(call: Call, week?: string): Promise<MyWeek> {
  const key = week ?? weekOf(shanghaiDate(call.now));
  const dates = weekDates(key);
  const personId = call.actor.personId;
  // Only teachers have a week of lessons; anyone else asking is refused rather than shown an empty one.
  if (!hasPermission(call.actor, P.log)) throw forbidden();
  const reach = await lessonReach(call.db, call.actor);
  const classIds = personId ? [...new Set((await slotsOfTeacher(call.db, personId)).map((s) => s.class_id))].filter((id) => reach.teaches(id)) : [];
  const classes: ClassWithCal[] = [];
  for (const id of classIds) {
    const cls = await loadClass(call.db, id);
    if (cls) classes.push({ ...cls, cal: await loadSchoolCalendar(call.db, cls.schoolId, cls.path) });
  }
  const lessons = personId ? await expectedLessons(call.db, classes, dates[0], dates[6], personId) : [];
  const logs = personId ? await repo.logsOfTeacher(call.db, personId, dates[0], dates[6]) : [];
  const logOf = new Map(logs.map((l) => [`${l.class_id}:${l.date}:${l.period}`, l]));
  return {
    week: key,
    days: dates.map((date) => {
      const info = classes[0]?.cal.day(date);
      const todays = lessons.filter((l) => l.date === date);
      return {
        date,
        schoolDay: todays.length > 0 || classes.some((c) => c.cal.isSchoolDay(date)),
        note: info?.note ?? null,
        lessons: todays.map((l) => {
          const log = logOf.get(`${l.classId}:${l.date}:${l.period}`);
          return {
            date,
            period: l.period,
            classId: l.classId,
            className: l.className,
            subject: l.subject,
            logId: log?.id ?? null,
            afterClassOpen: !!log && (log.corrections === null || log.tutoring === null),
          };
        }),
      };
    }),
  };
}

/** The class roster with each student's latest tally over the last two school weeks; those with none are "not reached". */
export async function classStudents(call: Call, classId: string) {
  const { cls } = await classFor(call.db, call.actor, classId);
  const { from, to, days } = await lastSchoolDays(call, cls);
  const last = new Map((await repo.lastReached(call.db, cls.id, from, to)).map((r) => [r.student_id, String(r.last)]));
  const students = (await studentsOfClass(call.db, cls.id)).map((s) => ({ id: s.id, name: s.name, lastReached: last.get(s.id) ?? null }));
  return { classId: cls.id, className: cls.name, from, to, schoolDays: days, roster: students.length, students };
}

async function lastSchoolDays(call: Call, cls: ClassInfo) {
  const cal = await loadSchoolCalendar(call.db, cls.schoolId, cls.path);
  const to = shanghaiDate(call.now);
  let from = to;
  let days = 0;
  for (let d = to, i = 0; days < NOT_REACHED_SCHOOL_DAYS && i < 120; d = addDays(d, -1), i++) {
    if (cal.isSchoolDay(d)) {
      days++;
      from = d;
    }
  }
  return { from, to, days };
}
