/**
 * The academic office's views: lessons timetabled but not logged, and compliance cut by
 * teacher, subject, grade or week. A teacher asking for compliance gets their own lessons
 * only. Rows come in name or week order, never ranked by a figure.
 */
import type { Call } from '../../core/call.js';
import { addDays, shanghaiDate } from '../../core/calendar/calendar.js';
import { forbidden, invalid } from '../../core/errors.js';
import { TEN, TENS, type ComplianceCut, type Ten } from '../../../common/lessonLogs.js';
import type { Compliance, ComplianceRow } from '../../../common/schemas/lessonLogs.js';
import { compareNames, weekOf } from '../../../common/school.js';
import { schoolFor } from './lessonLogs.policy.js';
import * as repo from './lessonLogs.repository.js';
import { orHex, popcountWords, type Words } from './lessonLogs.reach.js';
import { cellsOfPeriod } from './lessonLogs.cells.js';
import { classesOfSchool, dayGroups, notLogged as notLoggedOf } from './lessonLogs.schedule.js';

const MAX_DAYS = 186;
/** The not-logged view lists this many lessons; its total counts them all. */
const MAX_ITEMS = 1000;

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
  const groups = await dayGroups(call.db, await classesOfSchool(call.db, school), q.from, to);
  // Listed and counted by one statement over the same join, so the total is the rows the list pages through.
  return notLoggedOf(call.db, groups, MAX_ITEMS, q.teacherId);
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

const CELL_BY: Record<ComplianceCut, [repo.CellBy] | [repo.CellBy, repo.CellBy]> = {
  teacher: ['teacher_id'],
  subject: ['subject'],
  grade: ['grade_id'],
  week: ['date'],
  teacherWeek: ['teacher_id', 'date'],
};

/**
 * Counted per cut value and class from the cells kept at write time, and from the logs for days
 * at either end of the period that do not fill a week (cellsOfPeriod), and against the timetable
 * summed by the engine from the timetable × the school days (repo.timetabledBy); students reached are the union of the logs' masks per class
 * (lessonLogs.reach.ts, as 32-bit words: no BigInt per mask), so the figures equal a recount of the logs and tallies behind them.
 */
export async function compliance(call: Call, schoolId: string, q: { from: string; to: string; cut: ComplianceCut }): Promise<Compliance> {
  const { school, oversees } = await schoolFor(call.db, call.actor, schoolId, 'own');
  checkRange(q.from, q.to);
  const own = !oversees;
  if (own && !call.actor.personId) throw forbidden();
  const teacherId = own ? call.actor.personId! : undefined;
  const classes = await classesOfSchool(call.db, school);
  const gradeOf = new Map(classes.map((c) => [c.id, c.gradeId ?? '']));
  const grades = new Map(classes.map((c) => [c.gradeId ?? '', c.gradeName ?? '—']));
  const upTo = [q.to, shanghaiDate(call.now)].sort()[0];
  // A row's key: the teacher, subject, grade, week, or teacher|week (the log cells group by date; weeks are folded here).
  const weeks = new Map<string, string>();
  const week = (date: string) => weeks.get(date) ?? weeks.set(date, weekOf(date)).get(date)!;
  const rowKey = (value: string | null, value2: string | null) =>
    q.cut === 'week' ? week(value!) : q.cut === 'teacherWeek' ? `${value}|${week(value2!)}` : (value ?? '');
  // Lessons timetabled, summed by the engine per slot column (and week); the grade cut sums its classes.
  const column: repo.SlotColumn | null =
    q.cut === 'teacher' || q.cut === 'teacherWeek' ? 'teacher_id' : q.cut === 'subject' ? 'subject' : q.cut === 'grade' ? 'class_id' : null;
  const byWeek = q.cut === 'week' || q.cut === 'teacherWeek';
  const timetabled = new Map<string, number>();
  if (upTo >= q.from) {
    for (const r of await repo.timetabledBy(call.db, await dayGroups(call.db, classes, q.from, upTo), column, byWeek, teacherId)) {
      const k = q.cut === 'grade' ? (gradeOf.get(r.key) ?? '') : q.cut === 'week' ? r.week : q.cut === 'teacherWeek' ? `${r.key}|${r.week}` : r.key;
      timetabled.set(k, (timetabled.get(k) ?? 0) + r.n);
    }
  }
  const [by, by2] = CELL_BY[q.cut];
  const cells = await cellsOfPeriod(call.db, school.id, q.from, q.to, by, teacherId, by2);

  type Row = ComplianceRow & { masks: Map<string, Words> };
  const rows = new Map<string, Row>();
  const row = (key: string) => {
    let r = rows.get(key);
    if (!r)
      rows.set(
        key,
        (r = {
          key,
          label: '',
          timetabled: 0,
          logged: 0,
          standardMet: 0,
          tens: Object.fromEntries(TENS.map((k) => [k, 0])) as ComplianceRow['tens'],
          studentsReached: 0,
          masks: new Map(),
        }),
      );
    return r;
  };
  for (const [key, n] of timetabled) row(key).timetabled += n;
  for (const c of cells) {
    const r = row(rowKey(c.key, c.key2));
    r.logged += Number(c.logged);
    r.standardMet += Number(c.standard_met);
    r.tens.questioned += Number(c.questioned);
    r.tens.homeworkChecked += Number(c.homework_checked);
    r.tens.demonstrations += Number(c.demonstrations);
    r.tens.practiceMinutes += Number(c.practice_minutes);
    r.tens.corrections += Number(c.corrections);
    r.tens.tutoring += Number(c.tutoring);
    const words = r.masks.get(c.class_id);
    if (words) orHex(words, c.reached);
    else r.masks.set(c.class_id, orHex([], c.reached));
  }
  const byTeacher = q.cut === 'teacher' || q.cut === 'teacherWeek';
  const teacherOf = (key: string) => (q.cut === 'teacherWeek' ? key.split('|')[0]! : key);
  const names = byTeacher ? await repo.namesOfPersons(call.db, [...new Set([...rows.keys()].map(teacherOf))]) : null;
  // A teacher×week row is labelled by the teacher; its week is the key's second part.
  const labelOf = (key: string) => (byTeacher ? (names!.get(teacherOf(key)) ?? '—') : q.cut === 'grade' ? (grades.get(key) ?? '—') : key);
  const out = [...rows.values()].map(({ masks, ...r }) => ({
    ...r,
    label: labelOf(r.key),
    studentsReached: [...masks.values()].reduce((n, m) => n + popcountWords(m), 0),
  }));
  out.sort((a, b) => (q.cut === 'week' ? (a.key < b.key ? -1 : 1) : compareNames(a.label, b.label) || (a.key < b.key ? -1 : 1)));
  return { cut: q.cut, from: q.from, to: q.to, own, rows: out };
}
