/**
 * 心桥 indicators, one function each, used by the dashboards, the exports and the work
 * report alike. Every figure is a common Figure of record counts, so it can be traced back.
 * Students are counted in the class they are in now; a week counts for a class only when
 * it holds at least one school day of that class.
 */
import type { Db } from '../../core/db/database.js';
import { defineIndicator, sharedRead, type CountedRecords, type IndicatorQuery } from '../../core/indicators/indicator.js';
import { foldRecords } from '../../core/indicators/records.js';
import { classesInScope, type SchoolCalendar, type TermRef } from '../school/index.js';
import { rateFigure, type Figure } from '../../../common/figure.js';
import { HEART_BRIDGE_PERMISSIONS } from '../../../common/heartBridge.js';
import { weekEnd, weekStart } from '../../../common/school.js';
import * as repo from './heartBridge.repository.js';

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

/**
 * The filters of the school's student-weeks list (GET /heart-bridge/schools/:schoolId/student-weeks)
 * that select the pages behind coverage and reply rate, over a period: one definition for the
 * registry (the report adds its period) and the dashboards (a week). A list only where the
 * counts have students; the read rate counts sides, which no list of pages shows.
 */
const COVERAGE_DRILL = { numerator: { twoWay: '1' }, denominator: {} };
const REPLY_DRILL = { numerator: { twoWay: '1' }, denominator: { schoolSide: '1' } };
type Period = { from: string; to: string };
function drillOf(c: WeekCounts, d: typeof COVERAGE_DRILL, period: Period | 'report' | undefined): Figure['drill'] {
  if (!period || !c.students) return null;
  if (period === 'report') return d;
  return { numerator: { ...period, ...d.numerator }, denominator: { ...period, ...d.denominator } };
}

/** A school week as a list period: Monday to Sunday. */
export const weekPeriod = (week: string): Period => ({ from: weekStart(week), to: weekEnd(week) });

/** Weekly two-way coverage: students whose page has both sides ÷ students of the class. */
export function twoWayCoverage(c: WeekCounts, period?: Period | 'report'): Figure {
  return rateFigure(c.twoWay, c.students, drillOf(c, COVERAGE_DRILL, period));
}

/** Guardian reply rate: pages that got a home side ÷ pages whose school side was written. */
export function guardianReplyRate(c: WeekCounts, period?: Period | 'report'): Figure {
  return rateFigure(c.twoWay, c.schoolSides, drillOf(c, REPLY_DRILL, period));
}

/** Read rate: sides the other side has read ÷ sides written (both directions together). */
export function readRate(c: WeekCounts): Figure {
  return rateFigure(c.schoolRead + c.homeRead, c.schoolSides + c.homeSides);
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

/** A week's three figures; `period` given, coverage and reply rate drill into the school's student-weeks of it. */
export function figures(c: WeekCounts, period?: Period) {
  return { week: c.week, students: c.students, coverage: twoWayCoverage(c, period), replyRate: guardianReplyRate(c, period), readRate: readRate(c) };
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
function classWeeks(db: Db, q: IndicatorQuery) {
  return sharedRead(q, 'heartBridge.classWeeks', async () => {
    const classes = await classesInScope(db, q.scope);
    return classes.map((c) => ({ ...c, weeks: c.cal.weeksIn(q.from, q.to).filter((w) => c.cal.weekExists(w)) }));
  });
}

function countsIn(db: Db, q: IndicatorQuery): Promise<WeekCounts> {
  return sharedRead(q, 'heartBridge.weekCounts', async () => {
    const classes = await classWeeks(db, q);
    const weeks = new Map(classes.map((c) => [c.id, c.weeks]));
    return sumCounts(await loadWeekCounts(db, classes, (c) => weeks.get(c.id) ?? []));
  });
}

/** A page of a class's week for one student, as the web opens it (/heart-bridge/class/:id). */
const pageId = (classId: string, week: string, studentId: string) => `${classId}/weeks/${week}/students/${studentId}`;
const ZERO: WeekCounts = { classId: '', week: '', students: 0, schoolSides: 0, homeSides: 0, twoWay: 0, schoolRead: 0, homeRead: 0 };
type Counted = { id: string; counts: WeekCounts };

/**
 * What the three figures count, row by row, for `foldRecords`: each roster student × week of their
 * class (a student-week, as `students` counts it), each page of those classes and weeks (as the week
 * counts fold them: a page counts for the class it was written in), and each side of a page (the read
 * rate counts sides, a page has two). Ids are pages' addresses, so a viewer opens the page itself.
 */
function countedRows(db: Db, q: IndicatorQuery) {
  return sharedRead(q, 'heartBridge.countedRows', async () => {
    const classes = await classWeeks(db, q);
    const weeksOf = new Map(classes.map((c) => [c.id, new Set(c.weeks)]));
    const all = classes.flatMap((c) => c.weeks).sort();
    const ids = classes.map((c) => c.id);
    const [roster, pages] = await Promise.all([
      repo.rosterOf(db, ids),
      all.length ? repo.pagesOfClasses(db, ids, all[0], all[all.length - 1]) : Promise.resolve([]),
    ]);
    const studentWeeks: Counted[] = roster.flatMap((s) =>
      [...(weeksOf.get(s.org_id) ?? [])].map((w) => ({ id: pageId(s.org_id, w, s.id), counts: { ...ZERO, students: 1 } })),
    );
    const inPeriod = pages.filter((p) => weeksOf.get(p.class_id)?.has(p.week));
    const pageRows: Counted[] = inPeriod.map((p) => {
      const school = p.school_written_at ? 1 : 0;
      const home = p.home_written_at ? 1 : 0;
      const schoolRead = school && p.read_by_home_at ? 1 : 0;
      const homeRead = home && p.read_by_school_at ? 1 : 0;
      return {
        id: pageId(p.class_id, p.week, p.student_id),
        counts: { ...ZERO, schoolSides: school, homeSides: home, twoWay: school & home, schoolRead, homeRead },
      };
    });
    // One row per side: a side's counts are its page's, halved by side.
    const sides: Counted[] = pageRows.flatMap((r) => [
      { id: `${r.id}#school`, counts: { ...ZERO, schoolSides: r.counts.schoolSides, schoolRead: r.counts.schoolRead } },
      { id: `${r.id}#home`, counts: { ...ZERO, homeSides: r.counts.homeSides, homeRead: r.counts.homeRead } },
    ]);
    return { studentWeeks, pageRows, sides };
  });
}

/** The records a figure counted, by its own function over single rows. */
const recordsOf =
  (rows: (r: Awaited<ReturnType<typeof countedRows>>) => Counted[], figureOf: (c: WeekCounts) => Figure) =>
  async (db: Db, q: IndicatorQuery): Promise<CountedRecords> =>
    foldRecords(
      rows(await countedRows(db, q)),
      (r) => r.id,
      (r) => figureOf(r.counts),
    );

/** Ids name a student's page: only the school's overseers, who open the student-weeks list, see them. */
const RECORDS = { recordsPermission: HEART_BRIDGE_PERMISSIONS.oversee, recordPage: '/heart-bridge/class/:id' };
/** The school's student-weeks (GET /heart-bridge/schools/:schoolId/student-weeks). */
const STUDENT_WEEKS = '/heart-bridge/student-weeks';

export const heartBridgeIndicators = [
  defineIndicator({
    key: 'heartBridge.twoWayCoverage',
    label: { zh: '心桥双向交流覆盖率', en: 'Heart Bridge two-way coverage' },
    definition: { zh: '两侧均已填写的学生周数 ÷ 在册学生周数', en: 'Student-weeks with both sides written ÷ student-weeks on the roll' },
    period: 'week',
    unit: 'rate',
    drillPage: STUDENT_WEEKS,
    compute: async (db, q) => twoWayCoverage(await countsIn(db, q), 'report'),
    records: recordsOf(
      (r) => [...r.studentWeeks, ...r.pageRows],
      (c) => twoWayCoverage(c),
    ),
    ...RECORDS,
  }),
  defineIndicator({
    key: 'heartBridge.replyRate',
    label: { zh: '家长回复率', en: 'Guardian reply rate' },
    definition: { zh: '家长已回复的页数 ÷ 老师已填写的页数', en: 'Pages with a home side ÷ pages with a school side' },
    period: 'week',
    unit: 'rate',
    drillPage: STUDENT_WEEKS,
    compute: async (db, q) => guardianReplyRate(await countsIn(db, q), 'report'),
    records: recordsOf(
      (r) => r.pageRows,
      (c) => guardianReplyRate(c),
    ),
    ...RECORDS,
  }),
  defineIndicator({
    key: 'heartBridge.readRate',
    label: { zh: '心桥阅读率', en: 'Heart Bridge read rate' },
    definition: { zh: '对方已阅读的留言数 ÷ 已填写的留言数（家校两侧合计）', en: 'Sides read by the other side ÷ sides written (both directions)' },
    period: 'week',
    unit: 'rate',
    compute: async (db, q) => readRate(await countsIn(db, q)),
    // Its records are the pages' sides ('…#school', '…#home'): the link opens the side's page.
    records: recordsOf((r) => r.sides, readRate),
    ...RECORDS,
  }),
];
