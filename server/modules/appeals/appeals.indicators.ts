/**
 * The appeal indicators, one function each, computed exactly from the records. The
 * dashboard, the export and the year-end work report all call these, so a figure means
 * the same everywhere.
 *
 * Each returns a Figure: the value, the counts behind it, and the list filters (`drill`)
 * that show exactly those appeals — GET /api/v1/appeals with the dashboard's filters plus
 * `drill.numerator` lists the appeals counted in the numerator, and the same for the
 * denominator. Merged duplicates are never counted: their master stands for them.
 *
 * Definitions:
 * - acceptance time: median working hours from submission to acceptance, over accepted
 *   appeals. Working hours are the hours of the interval that fall on working days of the
 *   author's org calendar (a whole working day counts 24 h, a weekend or holiday 0 h): an
 *   appeal sent on Friday evening and accepted Monday morning waited about 15 hours, not 63.
 *   Recorded at acceptance, to the 6 minutes (appeals.accept_work_tenths: tenths of an
 *   hour, rounded). Rounding is monotone, so for an odd count the median of the recorded
 *   tenths is the rounded true median; for an even count it is the mean of the two middle
 *   recorded values, rounded half up to a tenth;
 * - on-time acceptance rate (按时受理率): accepted by the end of the accept-deadline day ÷
 *   accepted (status in ACCEPTED);
 * - answer rate (答复率): answered or closed ÷ accepted;
 * - on-time answer rate (按时答复率): answered or closed and never late ÷ answered or closed.
 *   Late = answered after the end of its answer-deadline day in any round, or marked
 *   overdue while open; nothing clears it (an extension cannot be had once late);
 * - closure rate (办结率): closed ÷ accepted. Closed = status 已办结: the worker rated the
 *   answer without reopening, or staff closed it (12351 practice: 办结 is the end of the
 *   matter, not the answer);
 * - on-time closure rate (按时办结率): closed and never late ÷ closed. The worker's rating
 *   time is not the department's deadline, so "within the deadline" is judged on the answers;
 * - per department, the two on-time rates judge the department on its own round: the latest
 *   answer (the one the current department gave) within its round's deadline
 *   (appeals.last_answer_late, migration 20261207_1210) — a round another department let run
 *   late before a reopen and reassignment is not held against the one that answered after.
 *   The unit's and the whole org's figures keep "every round on time";
 * - satisfaction rate (满意率): satisfied + basically satisfied ÷ rated (latest rating);
 *   satisfied share (满意占比): satisfied alone ÷ rated;
 * - reopen rate: reopened at least once ÷ answered at least once;
 * - overdue count: open appeals whose current deadline day has passed (red light).
 *
 * Per department (the dashboard's department table and its department cut) each count is
 * attributed to the department whose work it judges (`departmentOf`): the case's counts
 * (submitted, accepted, answered or closed as a status, open, overdue) to the current
 * department — an answered or closed appeal cannot be reassigned, so that is the department
 * that gave its latest answer; "answered at least once" and "reopened" to the department
 * that gave the first answer (the first reopen always rejects it); the rating to the
 * department whose answer was rated. A reopen and a reassignment keep these facts.
 *
 * Every rate is a ratio of counts (`Counts`): the dashboard reads them from the cells the
 * database keeps (migrations 20261126_0900, 20261207_0900 and 20261207_1210, whose CASE expressions mirror `count()`) or, for
 * cuts the cells cannot serve, folds the rows with `count()` — one definition per figure,
 * and appeals.cells.test.ts checks that both paths agree.
 */
import type { WorkCalendar } from '../../core/calendar/calendar.js';
import type { Db } from '../../core/db/database.js';
import type { Figure } from '../../../common/schemas/appeals.js';
import { asOfOf, defineIndicator, sharedRead, type IndicatorQuery } from '../../core/indicators/indicator.js';
import { type IndicatorRow, indicatorRows } from './appeals.indicatorRows.js';
import type { LightClock } from './appeals.visibility.js';
import { shanghaiDate } from '../../core/calendar/calendar.js';
import * as cells from './appeals.cells.js';
import { ACCEPTED, CLOSED, DONE, NOT_MERGED, OPEN, SATISFIED, ZERO, addCounts, type Counts } from './appeals.counts.js';
import { INDICATOR_DEFINITIONS, type IndicatorKey } from '../../../common/appealIndicators.js';
import { APPEAL_PERMISSIONS } from '../../../common/appeals.js';
import { periodRows, type RecordRow } from './appeals.records.js';
import { foldRecords } from '../../core/indicators/records.js';

export type Drill = Record<string, string>;

export { NOT_MERGED, ACCEPTED, DONE, CLOSED, OPEN, SATISFIED, ZERO, addCounts, type Counts } from './appeals.counts.js';

/** Who a count is attributed to in a department cut (docs/architecture.md, 指标口径). */
export type Group = 'case' | 'answer' | 'rating';
export const GROUPS: readonly Group[] = ['case', 'answer', 'rating'];
const ALL_GROUPS: ReadonlySet<Group> = new Set(GROUPS);

/** The department ('' = none) a group of `r` is attributed to; a group with no fact yet stays with the case (as the cell triggers of 20261207_0430 do). */
export function departmentOf(
  r: Pick<IndicatorRow, 'department_id' | 'first_answered_at' | 'first_answer_department_id' | 'rating' | 'rated_department_id'>,
  g: Group,
): string {
  const current = r.department_id ?? '';
  if (g === 'answer' && r.first_answered_at !== null) return r.first_answer_department_id ?? '';
  if (g === 'rating' && r.rating !== null) return r.rated_department_id ?? '';
  return current;
}

/** The group of each dashboard figure's numerator and denominator: a figure's drill cuts by that group's department. */
export const FIGURE_GROUP: Record<IndicatorKey | 'submitted', Group> = {
  submitted: 'case',
  acceptanceHours: 'case',
  acceptedOnTimeRate: 'case',
  answerRate: 'case',
  onTimeAnswerRate: 'case',
  closureRate: 'case',
  onTimeClosureRate: 'case',
  satisfactionRate: 'rating',
  satisfiedShare: 'rating',
  reopenRate: 'answer',
  overdueCount: 'case',
};

const has = (list: string) => {
  const set = new Set(list.split(','));
  return (v: string | null) => v !== null && set.has(v);
};
const isAccepted = has(ACCEPTED);
const isDone = has(DONE);
const isOpen = has(OPEN);
const isSatisfied = has(SATISFIED);

/** The counts of `rows`; `today` (Shanghai date) for the overdue count. */
export function countsOf(rows: IndicatorRow[], today = ''): Counts {
  const c = { ...ZERO };
  for (const r of rows) count(c, r, today);
  return c;
}

/** Adds one appeal to `c`: the counts of `groups` only (a department cut, see `departmentOf`). */
export function count(c: Counts, r: IndicatorRow, today: string, groups: ReadonlySet<Group> = ALL_GROUPS): void {
  const merged = r.status === 'merged';
  if (groups.has('case')) {
    if (!merged) c.submitted++;
    if (isAccepted(r.status)) {
      c.accepted++;
      if (r.accepted_on_time === 1) c.acceptedOnTime++;
    }
    if (isDone(r.status)) {
      c.done++;
      if (r.late === 0) c.doneOnTime++;
      if (r.last_answer_late === 0) c.doneLastOnTime++;
    }
    if (r.status === CLOSED) {
      c.closed++;
      if (r.late === 0) c.closedOnTime++;
      if (r.last_answer_late === 0) c.closedLastOnTime++;
    }
    if (isOpen(r.status)) {
      c.open++;
      if (r.current_due !== null && r.current_due < today) c.overdue++;
    }
  }
  if (groups.has('rating')) {
    if (!merged && r.rating) {
      c.rated++;
      if (isSatisfied(r.rating)) c.satisfied++;
      if (r.rating === 'satisfied') c.fullySatisfied++;
    }
  }
  if (groups.has('answer')) {
    if (!merged && r.first_answered_at) {
      c.answered++;
      if (r.reopen_count > 0) c.reopened++;
    }
  }
}

function figure(value: number | null, numerator: number, denominator: number, num: Drill, den: Drill, unit: Figure['unit'] = 'rate'): Figure {
  return { value, numerator, denominator, unit, drill: { numerator: num, denominator: den } };
}

const rate = (n: number, d: number) => (d === 0 ? null : Math.round((n / d) * 10_000) / 10_000);

/** Appeals submitted (the cohort every other figure is cut from). */
/** 未办结: appeals of the period still open (the inbox's open statuses), the report's problem still open. */
export const stillOpenOf = (c: Counts): Figure => figure(c.open, c.open, c.open, { status: OPEN }, { status: OPEN }, 'count');
export const submittedOf = (c: Counts): Figure => figure(c.submitted, c.submitted, c.submitted, { status: NOT_MERGED }, { status: NOT_MERGED }, 'count');
/** 按时受理率. */
export const acceptedOnTimeRateOf = (c: Counts): Figure =>
  figure(rate(c.acceptedOnTime, c.accepted), c.acceptedOnTime, c.accepted, { status: ACCEPTED, acceptedLate: '0' }, { status: ACCEPTED });
/** 答复率. */
export const answerRateOf = (c: Counts): Figure => figure(rate(c.done, c.accepted), c.done, c.accepted, { status: DONE }, { status: ACCEPTED });
/**
 * Whom an on-time figure judges: 'appeal' — every round on time (a unit, the whole org);
 * 'department' — the latest answer within its own round's deadline (a department's row or cut).
 */
export type OnTimeRule = 'appeal' | 'department';
/** 按时答复率. */
export const onTimeAnswerRateOf = (c: Counts, rule: OnTimeRule = 'appeal'): Figure =>
  rule === 'department'
    ? figure(rate(c.doneLastOnTime, c.done), c.doneLastOnTime, c.done, { status: DONE, lastAnswerLate: '0' }, { status: DONE })
    : figure(rate(c.doneOnTime, c.done), c.doneOnTime, c.done, { status: DONE, late: '0' }, { status: DONE });
/** 办结率. */
export const closureRateOf = (c: Counts): Figure => figure(rate(c.closed, c.accepted), c.closed, c.accepted, { status: CLOSED }, { status: ACCEPTED });
/** 按时办结率. */
export const onTimeClosureRateOf = (c: Counts, rule: OnTimeRule = 'appeal'): Figure =>
  rule === 'department'
    ? figure(rate(c.closedLastOnTime, c.closed), c.closedLastOnTime, c.closed, { status: CLOSED, lastAnswerLate: '0' }, { status: CLOSED })
    : figure(rate(c.closedOnTime, c.closed), c.closedOnTime, c.closed, { status: CLOSED, late: '0' }, { status: CLOSED });
/** 满意占比. */
export const satisfiedShareOf = (c: Counts): Figure =>
  figure(rate(c.fullySatisfied, c.rated), c.fullySatisfied, c.rated, { status: NOT_MERGED, rating: 'satisfied' }, { status: NOT_MERGED, rated: '1' });
/** 满意率. */
export const satisfactionRateOf = (c: Counts): Figure =>
  figure(rate(c.satisfied, c.rated), c.satisfied, c.rated, { status: NOT_MERGED, rating: SATISFIED }, { status: NOT_MERGED, rated: '1' });
/** Reopen rate. */
export const reopenRateOf = (c: Counts): Figure =>
  figure(rate(c.reopened, c.answered), c.reopened, c.answered, { status: NOT_MERGED, reopened: '1' }, { status: NOT_MERGED, answered: '1' });
/** Open appeals past their deadline day, out of all open ones. */
export const overdueCountOf = (c: Counts): Figure => figure(c.overdue, c.overdue, c.open, { light: 'red' }, { status: OPEN }, 'count');

export function submitted(rows: IndicatorRow[]): Figure {
  return submittedOf(countsOf(rows));
}

const DAY_MS = 86_400_000;
const SHANGHAI_MS = 8 * 3_600_000;
const workingDayMemo = new WeakMap<WorkCalendar, Map<number, boolean>>();

/** Whether Shanghai day number `d` (days since 1970-01-01 local) is a working day; memoised per calendar. */
function workingDay(cal: WorkCalendar, d: number): boolean {
  let memo = workingDayMemo.get(cal);
  if (!memo) workingDayMemo.set(cal, (memo = new Map()));
  let v = memo.get(d);
  if (v === undefined) memo.set(d, (v = cal.isWorkingDay(new Date(d * DAY_MS).toISOString().slice(0, 10))));
  return v;
}

/** Hours of [from, to] that fall on working days of `cal` (Shanghai days). */
export function workingHours(cal: WorkCalendar, from: string, to: string): number {
  const start = Date.parse(from);
  const end = Date.parse(to);
  if (!(end > start)) return 0;
  let ms = 0;
  for (let d = Math.floor((start + SHANGHAI_MS) / DAY_MS); ; d++) {
    const dayStart = d * DAY_MS - SHANGHAI_MS;
    if (dayStart >= end) break;
    if (workingDay(cal, d)) ms += Math.max(0, Math.min(end, dayStart + DAY_MS) - Math.max(start, dayStart));
  }
  return ms / 3_600_000;
}

/** What the accept transition records (appeals.accept_work_tenths): working time to acceptance, in tenths of an hour. */
export function acceptWorkTenths(cal: WorkCalendar, submittedAt: string, acceptedAt: string): number {
  return Math.round(workingHours(cal, submittedAt, acceptedAt) * 10);
}

/** How many appeals took each number of tenths: [tenths, count] pairs, any order. */
export type TenthsHistogram = Iterable<readonly [tenths: number, n: number]>;

/** The median of the values a histogram describes; the mean of the middle two for an even count. */
export function medianOfHistogram(histogram: TenthsHistogram): number | null {
  const bins = [...histogram].filter(([, n]) => n > 0).sort((a, b) => a[0] - b[0]);
  const total = bins.reduce((s, [, n]) => s + n, 0);
  if (total === 0) return null;
  // 0-based ranks of the middle value(s).
  const lo = (total - 1) >> 1;
  const hi = total >> 1;
  let seen = 0;
  let low: number | null = null;
  for (const [v, n] of bins) {
    if (low === null && lo < seen + n) low = v;
    if (hi < seen + n) return (low! + v) / 2;
    seen += n;
  }
  return null;
}

/** The recorded tenths of accepted, not merged rows, as a histogram. */
export function tenthsHistogram(rows: readonly Pick<IndicatorRow, 'status' | 'accept_work_tenths'>[]): Map<number, number> {
  const h = new Map<number, number>();
  for (const r of rows) if (r.status !== 'merged' && r.accept_work_tenths !== null) h.set(r.accept_work_tenths, (h.get(r.accept_work_tenths) ?? 0) + 1);
  return h;
}

/** Median working hours from submission to acceptance, from recorded tenths. */
export function acceptanceHoursOf(histogram: TenthsHistogram): Figure {
  const bins = [...histogram];
  const n = bins.reduce((s, [, k]) => s + k, 0);
  const m = medianOfHistogram(bins);
  const drill = { status: NOT_MERGED, accepted: '1' };
  return figure(m === null ? null : Math.round(m) / 10, n, n, drill, drill, 'hours');
}

export function acceptanceHours(rows: IndicatorRow[]): Figure {
  return acceptanceHoursOf(tenthsHistogram(rows));
}

export function overdueCount(rows: IndicatorRow[], clock: LightClock): Figure {
  return overdueCountOf(countsOf(rows, clock.today));
}

/**
 * The registry's view (core/indicators): appeals submitted in [from, to] by authors in the
 * scope. The overdue count is left out: it is a snapshot of today, not a figure of a past period.
 */
const NOBODY = { all: false, paths: [] };
/** What every registry figure is cut from: the counts and the acceptance-time histogram of a period. */
interface PeriodCounts {
  counts: Counts;
  tenths: TenthsHistogram;
}
/**
 * Read once for all ten figures of a batch (`sharedRead`). A period of whole months (a year's
 * report, the dashboard's months) is summed from the cells alone, as the appeals dashboard
 * does: a year of a group's appeals is hundreds of thousands of rows, too many to read here.
 * Any other period folds its rows.
 */
function countsIn(db: Db, q: IndicatorQuery): Promise<PeriodCounts> {
  return sharedRead(q, 'appeals.periodCounts', async () => {
    const vis = { accountId: '', personId: null, staff: q.scope, handler: NOBODY };
    const f = { from: q.from, to: q.to };
    const clock = { today: q.to, soon: q.to };
    const plan = cells.cellsServe(f, vis, shanghaiDate(asOfOf(q)));
    if (plan.serve && (await cells.cellsExact(db, plan))) {
      let counts = ZERO;
      const months = (await cells.cellTotals(db, vis, f, plan.byUnit)).month;
      // No cell holds an appeal (a school, a quiet unit): nothing left to count in the rows either.
      if (!months.size) return { counts, tenths: new Map() };
      for (const c of months.values()) counts = addCounts(counts, c);
      return { counts, tenths: await cells.acceptanceHistogram(db, vis, f) };
    }
    const rows = await indicatorRows(db, vis, f, clock);
    return { counts: countsOf(rows), tenths: tenthsHistogram(rows) };
  });
}
/**
 * The period's appeals for the snapshot's records, once per batch: each id with its kind — the
 * flags of its counts alone and whether it has a recorded acceptance time, all a registry figure
 * can tell of one appeal — and one appeal's counts per kind (no overdue figure is registered: no today).
 */
function recordKinds(db: Db, q: IndicatorQuery) {
  return sharedRead(q, 'appeals.recordKinds', async () => {
    const alone = new Map<string, PeriodCounts>();
    const rows = (await periodRows(db, q)).map((r: RecordRow) => {
      const one = { counts: countsOf([r]), tenths: tenthsHistogram([r]) };
      const kind = `${Object.values(one.counts).join(',')}|${one.tenths.size}`;
      if (!alone.has(kind)) alone.set(kind, one);
      return { id: r.id, kind };
    });
    // Sorted by id once: each figure's fold then yields its ids in order (sortedIds sorts nothing more).
    rows.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    return { rows, alone };
  });
}
const appealIndicator = (
  key: string,
  zh: string,
  en: string,
  definition: { zh: string; en: string },
  of: (p: PeriodCounts) => Figure,
  unit: Figure['unit'] = 'rate',
) =>
  defineIndicator({
    key: `appeals.${key}`,
    label: { zh, en },
    definition,
    period: 'range',
    unit,
    compute: async (db, q) => of(await countsIn(db, q)),
    // Each appeal of the period counted alone by this figure's own function: in its numerator, its denominator, or neither.
    records: async (db, q) => {
      const { rows, alone } = await recordKinds(db, q);
      return foldRecords(
        rows,
        (r) => r.id,
        (r) => of(alone.get(r.kind)!),
        (r) => r.kind,
      );
    },
    // The inbox lists a subtree's appeals to its union staff.
    recordsPermission: APPEAL_PERMISSIONS.manage,
    recordPage: '/appeals/:id',
  });
/** A figure of the dashboard's definitions (common/appealIndicators.ts): one text for the dashboard, the API and the registry. */
const defined = (key: IndicatorKey, of: (p: PeriodCounts) => Figure, unit: Figure['unit'] = 'rate') => {
  const d = INDICATOR_DEFINITIONS[key];
  return appealIndicator(key, d.nameZh, d.nameEn, { zh: d.zh, en: d.en }, of, unit);
};
const fromCounts = (of: (c: Counts) => Figure) => (p: PeriodCounts) => of(p.counts);

export const appealsIndicators = [
  appealIndicator(
    'submitted',
    '诉求数',
    'Appeals submitted',
    { zh: '期间提交的诉求（合并的重复诉求不计）', en: 'Appeals submitted in the period (merged duplicates not counted)' },
    fromCounts(submittedOf),
    'count',
  ),
  defined('acceptanceHours', (p) => acceptanceHoursOf(p.tenths), 'hours'),
  defined('acceptedOnTimeRate', fromCounts(acceptedOnTimeRateOf)),
  defined('answerRate', fromCounts(answerRateOf)),
  defined(
    'onTimeAnswerRate',
    fromCounts((c) => onTimeAnswerRateOf(c)),
  ),
  defined('closureRate', fromCounts(closureRateOf)),
  defined(
    'onTimeClosureRate',
    fromCounts((c) => onTimeClosureRateOf(c)),
  ),
  defined('satisfactionRate', fromCounts(satisfactionRateOf)),
  defined('satisfiedShare', fromCounts(satisfiedShareOf)),
  defined('reopenRate', fromCounts(reopenRateOf)),
  // What the period leaves open: the report's 存在问题. Counted as the appeals stand when counted (a report freezes it at generation).
  {
    ...appealIndicator(
      'stillOpen',
      '未办结诉求数',
      'Appeals still open',
      {
        zh: '期间提交、截至统计时仍未答复办结（待受理、已受理、已交办、办理中）的诉求数',
        en: 'Appeals submitted in the period and still not answered or closed when counted (submitted, accepted, assigned, handling)',
      },
      fromCounts(stillOpenOf),
      'count',
    ),
    aspect: 'open' as const,
  },
];
