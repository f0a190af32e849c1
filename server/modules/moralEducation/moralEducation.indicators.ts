/**
 * Ten-minute moral education indicators, one function each, shared by the dashboards, the
 * exports and the work report. Everything counts school days (school calendar), never
 * calendar days, and only days up to `asOf`.
 */
import { shanghaiDate } from '../../core/calendar/calendar.js';
import { defineIndicator } from '../../core/indicators/indicator.js';
import { rateFigure } from '../../../common/figure.js';
import { fraction, type Fraction } from '../../../common/school.js';
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
    coverage: fraction(held, days.size),
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
    return { gradeId: rs[0].gradeId, gradeName: rs[0].gradeName, schoolDays, held, coverage: fraction(held, schoolDays) };
  });
}

export function totalCoverage(rows: CoverageRow[]): { schoolDays: number; held: number; coverage: Fraction } {
  const schoolDays = rows.reduce((n, r) => n + r.schoolDays, 0);
  const held = rows.reduce((n, r) => n + r.held, 0);
  return { schoolDays, held, coverage: fraction(held, schoolDays) };
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
    coverage: fraction(heldAsPlanned, planned),
    changed: fraction(heldChanged, planned),
    uncovered,
  };
}

/** Students who have presented this term (and who not yet): presenters ÷ students of the class. */
export function presenterShare(students: { id: string; name: string }[], counts: Map<string, number>) {
  const presented = students.filter((s) => (counts.get(s.id) ?? 0) > 0).map((s) => ({ id: s.id, name: s.name, times: counts.get(s.id)! }));
  const notYet = students.filter((s) => !counts.get(s.id)).map((s) => ({ id: s.id, name: s.name }));
  return { share: fraction(presented.length, students.length), presented, notYet };
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
    async compute(db, q) {
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
      let days = 0;
      let done = 0;
      for (const c of classes) {
        for (const d of c.cal.schoolDaysIn(q.from, q.to)) {
          days++;
          if (held.has(`${c.id}|${d}`)) done++;
        }
      }
      // Without class-days (a scope with no school) there is no list to open.
      return rateFigure(done, days, days ? { numerator: { held: '1' }, denominator: {} } : undefined);
    },
  }),
];
