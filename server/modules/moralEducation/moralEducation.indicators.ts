/**
 * Ten-minute moral education indicators, one function each, shared by the dashboards, the
 * exports and the work report. Everything counts school days (school calendar), never
 * calendar days, and only days up to `asOf`.
 */
import { shanghaiDate } from '../../core/calendar/calendar.js';
import type { Db } from '../../core/db/database.js';
import { defineIndicator, sharedRead, type IndicatorQuery } from '../../core/indicators/indicator.js';
import { foldRecords } from '../../core/indicators/records.js';
import { rateFigure, type Figure } from '../../../common/figure.js';
import { MORAL_EDUCATION_PERMISSIONS } from '../../../common/moralEducation.js';
import { classesInScope, type SchoolCalendar, type TermRef } from '../school/index.js';
import type { TopicPlan } from './moralEducation.plan.js';
import { sessionsOf } from './moralEducation.repository.js';

export interface SessionLite {
  id: string;
  class_id: string;
  date: string;
  status: string;
  skip_reason: string | null;
  topic: string | null;
}

export interface ClassRef {
  id: string;
  name: string;
  gradeId: string | null;
  gradeName: string | null;
  cal: SchoolCalendar;
}

/** The session ends at 14:00; before that, today is not yet "so far". */
export function defaultAsOf(now: Date): string {
  const local = new Date(now.getTime() + 8 * 3_600_000);
  return local.getUTCHours() >= 14 ? shanghaiDate(now) : shanghaiDate(new Date(now.getTime() - 86_400_000));
}

/** School days of the term up to and including `asOf`. */
export function schoolDaysSoFar(cal: SchoolCalendar, term: TermRef, asOf: string): string[] {
  const end = asOf < term.end_date ? asOf : term.end_date;
  return end < term.start_date ? [] : cal.schoolDaysIn(term.start_date, end);
}

/** Coverage: sessions held ÷ school days so far in the term, per class. */
export function classCoverage(cls: ClassRef, term: TermRef, asOf: string, sessions: SessionLite[]) {
  const days = new Set(schoolDaysSoFar(cls.cal, term, asOf));
  let held = 0;
  let skipped = 0;
  for (const s of sessions) {
    if (s.class_id !== cls.id || !days.has(s.date)) continue;
    if (s.status === 'held') held++;
    else skipped++;
  }
  return {
    classId: cls.id,
    className: cls.name,
    gradeId: cls.gradeId,
    gradeName: cls.gradeName,
    schoolDays: days.size,
    held,
    skipped,
    unrecorded: days.size - held - skipped,
    coverage: rateFigure(held, days.size),
  };
}

type CoverageRow = ReturnType<typeof classCoverage>;

/** Coverage per grade: the grade's sessions held ÷ the grade's class-days so far. */
export function gradeCoverage(rows: CoverageRow[]) {
  const byGrade = new Map<string, CoverageRow[]>();
  for (const r of rows) byGrade.set(r.gradeId ?? '', [...(byGrade.get(r.gradeId ?? '') ?? []), r]);
  return [...byGrade.values()].map((rs) => {
    const schoolDays = rs.reduce((n, r) => n + r.schoolDays, 0);
    const held = rs.reduce((n, r) => n + r.held, 0);
    return { gradeId: rs[0].gradeId, gradeName: rs[0].gradeName, schoolDays, held, coverage: rateFigure(held, schoolDays) };
  });
}

/**
 * The filters of the school's class-days list (GET /moral-education/schools/:schoolId/class-days) that
 * select the class-days behind coverage: one definition for the registry (the report adds its period)
 * and the school's coverage (the term so far).
 */
const CLASS_DAYS_DRILL = { numerator: { held: '1' }, denominator: {} };

/** The school's coverage; `period` (the term up to asOf) given, it drills into the school's class-days of it. */
export function totalCoverage(rows: CoverageRow[], period?: { from: string; to: string }): { schoolDays: number; held: number; coverage: Figure } {
  const schoolDays = rows.reduce((n, r) => n + r.schoolDays, 0);
  const held = rows.reduce((n, r) => n + r.held, 0);
  const drill =
    period && schoolDays ? { numerator: { ...period, ...CLASS_DAYS_DRILL.numerator }, denominator: { ...period, ...CLASS_DAYS_DRILL.denominator } } : null;
  return { schoolDays, held, coverage: rateFigure(held, schoolDays, drill) };
}

/**
 * Topics covered against the calendar: of the school days so far that had a planned topic
 * (the class's replacement or the school's), on how many a session was held with the
 * planned topic (coverage) and on how many with another one (changed), counted apart; and
 * the planned days on which nothing was held.
 */
export function topicsCovered(cls: ClassRef, term: TermRef, asOf: string, plan: TopicPlan, sessions: SessionLite[]) {
  const byDate = new Map(sessions.filter((s) => s.class_id === cls.id).map((s) => [s.date, s]));
  let planned = 0;
  let heldAsPlanned = 0;
  let heldChanged = 0;
  const uncovered: { date: string; topic: string }[] = [];
  for (const d of schoolDaysSoFar(cls.cal, term, asOf)) {
    const topic = plan.topicFor(cls.id, d);
    if (!topic) continue;
    planned++;
    const s = byDate.get(d);
    if (s?.status === 'held') {
      if (!s.topic || s.topic === topic) heldAsPlanned++;
      else heldChanged++;
    } else uncovered.push({ date: d, topic });
  }
  // A session on another topic did not cover the planned one: it is its own figure, not part of coverage.
  return {
    planned,
    heldAsPlanned,
    heldChanged,
    notHeld: uncovered.length,
    coverage: rateFigure(heldAsPlanned, planned),
    changed: rateFigure(heldChanged, planned),
    uncovered,
  };
}

/** Students who have presented this term (and who not yet): presenters ÷ students of the class. */
export function presenterShare(students: { id: string; name: string }[], counts: Map<string, number>) {
  const presented = students.filter((s) => (counts.get(s.id) ?? 0) > 0).map((s) => ({ id: s.id, name: s.name, times: counts.get(s.id)! }));
  const notYet = students.filter((s) => !counts.get(s.id)).map((s) => ({ id: s.id, name: s.name }));
  return { share: rateFigure(presented.length, students.length), presented, notYet };
}

/** Missed sessions: every school day so far on which a class skipped or recorded nothing. */
export function missedSessions(classes: ClassRef[], term: TermRef, asOf: string, sessions: SessionLite[], plan: TopicPlan) {
  const byKey = new Map(sessions.map((s) => [`${s.class_id}|${s.date}`, s]));
  const out: {
    date: string;
    classId: string;
    className: string;
    gradeName: string | null;
    kind: 'skipped' | 'unrecorded';
    reason: string | null;
    plannedTopic: string | null;
  }[] = [];
  for (const c of classes) {
    for (const d of schoolDaysSoFar(c.cal, term, asOf)) {
      const s = byKey.get(`${c.id}|${d}`);
      if (s?.status === 'held') continue;
      out.push({
        date: d,
        classId: c.id,
        className: c.name,
        gradeName: c.gradeName,
        kind: s ? 'skipped' : 'unrecorded',
        reason: s?.skip_reason ?? null,
        plannedTopic: plan.topicFor(c.id, d),
      });
    }
  }
  return out;
}

/** A class's day as the web opens it: the class page (/moral-education/class?class=:id), the day named after it. */
const classDayId = (classId: string, date: string) => `${classId}&date=${date}`;

/**
 * The class-days the registry's coverage counts: every school day of [from, to] of every class of
 * the scope, and whether a session was held on it. Read once per batch, for the figure and its records.
 */
function classDaysIn(db: Db, q: IndicatorQuery) {
  return sharedRead(q, 'moralEducation.classDays', async () => {
    const classes = await classesInScope(db, q.scope);
    const held = new Set(
      (
        await sessionsOf(
          db,
          classes.map((c) => c.id),
          q.from,
          q.to,
        )
      )
        .filter((s) => s.status === 'held')
        .map((s) => `${s.class_id}|${s.date}`),
    );
    return classes.flatMap((c) => c.cal.schoolDaysIn(q.from, q.to).map((d) => ({ id: classDayId(c.id, d), held: held.has(`${c.id}|${d}`) })));
  });
}

/** Coverage of class-days: held ÷ all; without class-days (a scope with no school) there is no list to open. */
const coverageOf = (days: readonly { held: boolean }[], drill: boolean): Figure => {
  const done = days.reduce((n, d) => n + (d.held ? 1 : 0), 0);
  return rateFigure(done, days.length, drill && days.length ? CLASS_DAYS_DRILL : null);
};

/** The registry's view (core/indicators): coverage over every class of a scope, school days of [from, to]. */
export const moralEducationIndicators = [
  defineIndicator({
    key: 'moralEducation.coverage',
    label: { zh: '十分钟思想教育开展率', en: 'Ten-minute session coverage' },
    definition: { zh: '已开展的班级·天数 ÷ 应开展的班级·上课日数', en: 'Class-days with a session held ÷ class-days that were school days' },
    period: 'day',
    unit: 'rate',
    // The school's class-days with what happened each day (GET /moral-education/schools/:schoolId/class-days).
    drillPage: '/moral-education/class-days',
    compute: async (db, q) => coverageOf(await classDaysIn(db, q), true),
    records: async (db, q) =>
      foldRecords(
        await classDaysIn(db, q),
        (d) => d.id,
        (d) => coverageOf([d], false),
      ),
    // The class-days list is the school office's (principal, academic office), as the figure's drill.
    recordsPermission: MORAL_EDUCATION_PERMISSIONS.oversee,
    recordPage: '/moral-education/class?class=:id',
  }),
];
