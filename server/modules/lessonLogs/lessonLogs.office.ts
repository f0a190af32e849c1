/**
 * The academic office's views: lessons timetabled but not logged, and compliance cut by
 * teacher, subject, grade or week. A teacher asking for compliance gets their own lessons
 * only. Rows come in name or week order, never ranked by a figure.
 */
import type { Call } from '../../core/call.js';
import { addDays, shanghaiDate } from '../../core/calendar/calendar.js';
import { forbidden, invalid } from '../../core/errors.js';
import { TEN, TENS, standardMet, type ComplianceCut, type Ten } from '../../../common/lessonLogs.js';
import type { Compliance, ComplianceRow } from '../../../common/schemas/lessonLogs.js';
import { compareNames, weekOf } from '../../../common/school.js';
import { schoolFor } from './lessonLogs.policy.js';
import * as repo from './lessonLogs.repository.js';
import { classesOfSchool, expectedLessons } from './lessonLogs.schedule.js';

const MAX_DAYS = 186;

function checkRange(from: string, to: string) {
  if (to < from) throw invalid('query.to', 'lessonLogs.rangeReversed');
  if (addDays(from, MAX_DAYS) < to) throw invalid('query.to', 'lessonLogs.rangeTooLong', { days: MAX_DAYS });
}

export async function notLogged(call: Call, schoolId: string, q: { from: string; to: string; teacherId?: string }) {
  const { school } = await schoolFor(call.db, call.actor, schoolId, 'oversee');
  checkRange(q.from, q.to);
  // Today's lessons may still be logged today: the view (like the reminder) counts up to yesterday.
  const to = [q.to, addDays(shanghaiDate(call.now), -1)].sort()[0];
  if (to < q.from) return { items: [], total: 0 };
  const classes = await classesOfSchool(call.db, school);
  const expected = await expectedLessons(call.db, classes, q.from, to, q.teacherId);
  const logged = await repo.loggedKeys(call.db, classes.map((c) => c.id), q.from, to);
  const missing = expected.filter((l) => !logged.has(`${l.classId}:${l.date}:${l.period}`));
  return { items: missing.slice(0, 1000).map(({ gradeId: _g, ...l }) => l), total: missing.length };
}

/** The six counts of a log as stored. */
export type LogCounts = Pick<repo.SchoolLogRow, 'questioned' | 'homework_checked' | 'demonstrations' | 'practice_minutes' | 'corrections' | 'tutoring'>;

export const TEN_OF: Record<Ten, (l: LogCounts) => boolean> = {
  questioned: (l) => l.questioned >= TEN,
  homeworkChecked: (l) => l.homework_checked >= TEN,
  demonstrations: (l) => l.demonstrations >= TEN,
  practiceMinutes: (l) => l.practice_minutes >= TEN,
  corrections: (l) => (l.corrections ?? 0) >= TEN,
  tutoring: (l) => (l.tutoring ?? 0) >= TEN,
};

export async function compliance(call: Call, schoolId: string, q: { from: string; to: string; cut: ComplianceCut }): Promise<Compliance> {
  const { school, oversees } = await schoolFor(call.db, call.actor, schoolId, 'own');
  checkRange(q.from, q.to);
  const own = !oversees;
  if (own && !call.actor.personId) throw forbidden();
  const teacherId = own ? call.actor.personId! : undefined;
  const classes = await classesOfSchool(call.db, school);
  const grades = new Map(classes.map((c) => [c.gradeId ?? '', c.gradeName ?? '—']));
  const upTo = [q.to, shanghaiDate(call.now)].sort()[0];
  const expected = upTo < q.from ? [] : await expectedLessons(call.db, classes, q.from, upTo, teacherId);
  const logs = await repo.logsOfSchool(call.db, school.id, q.from, q.to, teacherId);
  const reached = await repo.reachedOfSchool(call.db, school.id, q.from, q.to, teacherId);

  const keyOf = (x: { teacherId: string; subject: string; gradeId: string | null; date: string }): [string, string] => {
    switch (q.cut) {
      case 'teacher':
        return [x.teacherId, ''];
      case 'subject':
        return [x.subject, x.subject];
      case 'grade':
        return [x.gradeId ?? '', grades.get(x.gradeId ?? '') ?? '—'];
      case 'week':
        return [weekOf(x.date), weekOf(x.date)];
    }
  };
  const rows = new Map<string, ComplianceRow & { students: Set<string> }>();
  const row = (key: string, label: string) => {
    let r = rows.get(key);
    if (!r) rows.set(key, (r = { key, label, timetabled: 0, logged: 0, standardMet: 0, tens: Object.fromEntries(TENS.map((k) => [k, 0])) as ComplianceRow['tens'], studentsReached: 0, students: new Set() }));
    return r;
  };
  for (const l of expected) {
    const [key, label] = keyOf(l);
    row(key, label || l.teacherName).timetabled++;
  }
  const rowOfLog = new Map<string, ComplianceRow & { students: Set<string> }>();
  for (const l of logs) {
    const [key, label] = keyOf({ teacherId: l.teacher_id, subject: l.subject, gradeId: l.grade_id, date: l.date });
    const r = row(key, label || l.teacher_name);
    rowOfLog.set(l.id, r);
    r.logged++;
    if (standardMet(l.minutes_taught, l.minutes_checking)) r.standardMet++;
    for (const t of TENS) if (TEN_OF[t](l)) r.tens[t]++;
  }
  for (const t of reached) rowOfLog.get(t.log_id)?.students.add(t.student_id);
  const out = [...rows.values()].map(({ students, ...r }) => ({ ...r, studentsReached: students.size }));
  out.sort((a, b) => (q.cut === 'week' ? (a.key < b.key ? -1 : 1) : compareNames(a.label, b.label)));
  return { cut: q.cut, from: q.from, to: q.to, own, rows: out };
}
