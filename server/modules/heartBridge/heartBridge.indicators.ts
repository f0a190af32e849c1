/**
 * 心桥 indicators, one function each, used by the dashboards, the exports and the work
 * report alike. Every figure is a fraction of record counts, so it can be traced back.
 * Students are counted in the class they are in now; a week counts for a class only when
 * it holds at least one school day of that class.
 */
import type { Db } from '../../core/db/database.js';
import { defineIndicator, sharedRead, type IndicatorQuery } from '../../core/indicators/indicator.js';
import { classesInScope, type SchoolCalendar, type TermRef } from '../school/index.js';
import { rateFigure, type Figure } from '../../../common/figure.js';
import { fraction, weekEnd, type Fraction } from '../../../common/school.js';
import * as repo from './heartBridge.repository.js';

export { fraction, type Fraction };

export interface WeekCounts {
  classId: string;
  week: string;
  students: number;
  schoolSides: number;
  homeSides: number;
  twoWay: number;
  schoolRead: number;
  homeRead: number;
}

/** Weekly two-way coverage: students whose page has both sides ÷ students of the class. */
export function twoWayCoverage(c: WeekCounts): Fraction {
  return fraction(c.twoWay, c.students);
}

/** Guardian reply rate: pages that got a home side ÷ pages whose school side was written. */
export function guardianReplyRate(c: WeekCounts): Fraction {
  return fraction(c.twoWay, c.schoolSides);
}

/** Read rate: sides the other side has read ÷ sides written (both directions together). */
export function readRate(c: WeekCounts): Fraction {
  return fraction(c.schoolRead + c.homeRead, c.schoolSides + c.homeSides);
}

export function sumCounts(list: WeekCounts[], classId = '', week = ''): WeekCounts {
  const s: WeekCounts = { classId, week, students: 0, schoolSides: 0, homeSides: 0, twoWay: 0, schoolRead: 0, homeRead: 0 };
  for (const c of list) {
    s.students += c.students;
    s.schoolSides += c.schoolSides;
    s.homeSides += c.homeSides;
    s.twoWay += c.twoWay;
    s.schoolRead += c.schoolRead;
    s.homeRead += c.homeRead;
  }
  return s;
}

export function figures(c: WeekCounts) {
  return { week: c.week, students: c.students, coverage: twoWayCoverage(c), replyRate: guardianReplyRate(c), readRate: readRate(c) };
}

export interface ClassCal {
  id: string;
  cal: SchoolCalendar;
}

/**
 * Counts for every (class, week) where the week exists for the class, between two weeks.
 * Weeks without any page are there too, with zeros, so a silent class shows as 0 %.
 */
export async function loadWeekCounts(
  db: Db,
  classes: ClassCal[],
  weeksOf: (c: ClassCal) => string[],
  knownRoster?: Map<string, number>,
): Promise<WeekCounts[]> {
  const weeksByClass = new Map(classes.map((c) => [c.id, weeksOf(c)]));
  const all = [...weeksByClass.values()].flat().sort();
  if (!all.length) return [];
  const ids = classes.map((c) => c.id);
  const [rows, roster] = await Promise.all([repo.weekCounts(db, ids, all[0], all[all.length - 1]), knownRoster ?? repo.rosterCounts(db, ids)]);
  const byKey = new Map(rows.map((r) => [`${r.class_id}|${r.week}`, r]));
  const out: WeekCounts[] = [];
  for (const c of classes) {
    for (const week of weeksByClass.get(c.id) ?? []) {
      const r = byKey.get(`${c.id}|${week}`);
      out.push({
        classId: c.id,
        week,
        students: roster.get(c.id) ?? 0,
        schoolSides: r?.school_sides ?? 0,
        homeSides: r?.home_sides ?? 0,
        twoWay: r?.two_way ?? 0,
        schoolRead: r?.school_read ?? 0,
        homeRead: r?.home_read ?? 0,
      });
    }
  }
  return out;
}

/**
 * School weeks of the term that are over by `today`: their Sunday has passed. Not their
 * last school day — a family writes its side over the weekend, and counting the week as
 * finished on Saturday made the figure jump every weekend.
 */
export function finishedWeeks(cal: SchoolCalendar, term: TermRef, today: string): string[] {
  return cal.weeksOfTerm(term).filter((w) => weekEnd(w) < today);
}

/**
 * The roster of every class and how many students `studentsWithoutExchange` would list, without
 * listing them: the school dashboard shows only the number. Classes whose recent weeks are the
 * same (one shared calendar, the usual case) are counted in one query.
 */
export async function rosterAndSilence(db: Db, classes: ClassCal[], term: TermRef, today: string, minWeeks = 2) {
  const groups = new Map<string, { weeks: string[] | null; ids: string[] }>();
  for (const c of classes) {
    const weeks = finishedWeeks(c.cal, term, today);
    const last = weeks.length < minWeeks ? null : weeks.slice(-minWeeks);
    const key = last?.join(',') ?? '';
    const g = groups.get(key) ?? { weeks: last, ids: [] };
    g.ids.push(c.id);
    groups.set(key, g);
  }
  const roster = new Map<string, number>();
  let silent = 0;
  for (const g of groups.values()) {
    for (const [id, r] of await repo.rosterWithoutTwoWay(db, g.ids, g.weeks)) {
      roster.set(id, r.students);
      silent += r.silent;
    }
  }
  return { roster, silent };
}

export interface NoExchange {
  studentId: string;
  studentName: string;
  classId: string;
  weeks: number;
  lastExchangeWeek: string | null;
}

/**
 * Students without a two-way page for `minWeeks` or more consecutive finished school weeks,
 * counted back from the latest finished week of the term. Two passes keep it cheap for a
 * whole school: the last `minWeeks` weeks find who is listed, then only those students'
 * earlier weeks give the length of their silence.
 */
export async function studentsWithoutExchange(
  db: Db,
  classes: (ClassCal & { students: { id: string; name: string }[] })[],
  term: TermRef,
  today: string,
  minWeeks = 2,
): Promise<NoExchange[]> {
  const weeksByClass = new Map(classes.map((c) => [c.id, finishedWeeks(c.cal, term, today)]));
  const recent = [...new Set([...weeksByClass.values()].flatMap((ws) => ws.slice(-minWeeks)))].sort();
  if (!recent.length) return [];
  const recentPairs = await repo.twoWayPairsOfClasses(
    db,
    classes.map((c) => c.id),
    recent,
  );
  const recentSet = new Set(recentPairs.map((p) => `${p.student_id}|${p.week}`));
  const candidates: { c: (typeof classes)[number]; s: { id: string; name: string }; weeks: string[] }[] = [];
  for (const c of classes) {
    const weeks = weeksByClass.get(c.id) ?? [];
    if (weeks.length < minWeeks) continue;
    const last = weeks.slice(-minWeeks);
    for (const s of c.students) if (!last.some((w) => recentSet.has(`${s.id}|${w}`))) candidates.push({ c, s, weeks });
  }
  const all = [...weeksByClass.values()].flat().sort();
  const earlier = new Set(
    (
      await repo.twoWayPairsOfStudents(
        db,
        candidates.map((x) => x.s.id),
        all[0],
        all[all.length - 1],
      )
    ).map((p) => `${p.student_id}|${p.week}`),
  );
  const listed = candidates.map(({ c, s, weeks }) => {
    let streak = 0;
    let last: string | null = null;
    for (let i = weeks.length - 1; i >= 0; i--) {
      if (earlier.has(`${s.id}|${weeks[i]}`)) {
        last = weeks[i];
        break;
      }
      streak++;
    }
    return { studentId: s.id, studentName: s.name, classId: c.id, weeks: streak, lastExchangeWeek: last };
  });
  // A student who changed class may have had the exchange on the old class's page.
  return listed.filter((r) => r.weeks >= minWeeks);
}

/**
 * The registry's view (core/indicators): the same three figures over every class of a scope
 * and every school week of [from, to] that has a school day.
 */
function countsIn(db: Db, q: IndicatorQuery): Promise<WeekCounts> {
  return sharedRead(q, 'heartBridge.weekCounts', async () => {
    const classes = await classesInScope(db, q.scope);
    return sumCounts(await loadWeekCounts(db, classes, (c) => c.cal.weeksIn(q.from, q.to).filter((w) => c.cal.weekExists(w))));
  });
}
const asFigure = (f: Fraction, drill: Figure['drill'] = null) => rateFigure(f.num, f.den, drill);
/** The school's student-weeks (GET /heart-bridge/schools/:schoolId/student-weeks): a list only where the scope has some. */
const weeksDrill = (c: WeekCounts, numerator: Record<string, string>, denominator: Record<string, string>): Figure['drill'] =>
  c.students ? { numerator, denominator } : null;
const STUDENT_WEEKS = '/heart-bridge/student-weeks';

export const heartBridgeIndicators = [
  defineIndicator({
    key: 'heartBridge.twoWayCoverage',
    label: { zh: '心桥双向交流覆盖率', en: 'Heart Bridge two-way coverage' },
    definition: { zh: '两侧均已填写的学生周数 ÷ 在册学生周数', en: 'Student-weeks with both sides written ÷ student-weeks on the roll' },
    period: 'week',
    unit: 'rate',
    drillPage: STUDENT_WEEKS,
    compute: async (db, q) => {
      const c = await countsIn(db, q);
      return asFigure(twoWayCoverage(c), weeksDrill(c, { twoWay: '1' }, {}));
    },
  }),
  defineIndicator({
    key: 'heartBridge.replyRate',
    label: { zh: '家长回复率', en: 'Guardian reply rate' },
    definition: { zh: '家长已回复的页数 ÷ 老师已填写的页数', en: 'Pages with a home side ÷ pages with a school side' },
    period: 'week',
    unit: 'rate',
    drillPage: STUDENT_WEEKS,
    compute: async (db, q) => {
      const c = await countsIn(db, q);
      return asFigure(guardianReplyRate(c), weeksDrill(c, { twoWay: '1' }, { schoolSide: '1' }));
    },
  }),
  defineIndicator({
    key: 'heartBridge.readRate',
    label: { zh: '心桥阅读率', en: 'Heart Bridge read rate' },
    definition: { zh: '对方已阅读的留言数 ÷ 已填写的留言数（家校两侧合计）', en: 'Sides read by the other side ÷ sides written (both directions)' },
    period: 'week',
    unit: 'rate',
    compute: async (db, q) => asFigure(readRate(await countsIn(db, q))),
  }),
];
