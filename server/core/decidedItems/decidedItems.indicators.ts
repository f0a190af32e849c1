/**
 * Figures of decided items, over the items whose due date falls in the period and whose org
 * lies in the scope, dropped items left out. Each drill is the board's own list filter, so
 * the list shows exactly the items a figure counts.
 */
import { rateFigure, type Figure } from '../../../common/figure.js';
import type { Db } from '../db/database.js';
import { defineIndicator, sharedRead, type IndicatorQuery } from '../indicators/indicator.js';
import { pathInScope } from '../rbac/scope-sql.js';
import { carriedInto, onTime } from './decidedItems.repository.js';
import { dq } from './decidedItems.tables.js';
import { sortedIds } from '../indicators/records.js';
import type { CountedRecords } from '../indicators/indicator.js';
import type { ExpressionBuilder } from 'kysely';

function due(db: Db, q: IndicatorQuery) {
  return dq(db)
    .selectFrom('decided_items as d')
    .where((eb) => pathInScope(eb, 'd.org_path', q.scope))
    .where('d.due_date', '>=', q.from)
    .where('d.due_date', '<=', q.to)
    .where('d.status', '!=', 'dropped');
}

/** The board every decided-item figure drills into: it reads the drill's filters from the address. */
export const DECIDED_ITEMS_PAGE = '/decided-items';

const period = (q: IndicatorQuery) => ({ dueFrom: q.from, dueTo: q.to, counted: '1' });

/** Done by the end of its due day: the on-time figure's numerator, as counted and as named. */
const doneOnTime = (eb: ExpressionBuilder<any, any>) => eb.and([eb('d.status', '=', 'done'), onTime]);

/** The ids an item query selects, sorted: the records a figure counted. */
const idsOf = async (qb: ReturnType<typeof due>) => sortedIds((await qb.select('d.id').execute()).map((r) => r.id));
/** The items due in the period, once per batch: the denominator of the three board figures. */
const dueIds = (db: Db, q: IndicatorQuery) => sharedRead(q, 'core.decidedDueIds', () => idsOf(due(db, q)));

/**
 * The three board figures' counts over the items due in the period, in one pass (read once per batch, `sharedRead`): the
 * due-date index carries every column summed here (migration 20261207_2100), so the pass never reads the table.
 */
function dueCounts(db: Db, q: IndicatorQuery) {
  return sharedRead(q, 'core.decidedDue', async () => {
    const r = await due(db, q)
      .select((eb) => [
        eb.fn.countAll<number>().as('n'),
        eb.fn.sum<number>(eb.case().when(doneOnTime(eb)).then(1).else(0).end()).as('ok'),
        eb.fn.sum<number>(eb.case().when('d.status', '=', 'overdue').then(1).else(0).end()).as('overdue'),
        eb.fn.sum<number>('d.progress').as('progress'),
      ])
      .executeTakeFirstOrThrow();
    return { n: Number(r.n), ok: Number(r.ok ?? 0), overdue: Number(r.overdue ?? 0), progress: Number(r.progress ?? 0) };
  });
}

export async function onTimeRate(db: Db, q: IndicatorQuery): Promise<Figure> {
  const r = await dueCounts(db, q);
  return rateFigure(r.ok, r.n, { numerator: { ...period(q), onTime: '1' }, denominator: period(q) });
}

export async function overdueCount(db: Db, q: IndicatorQuery): Promise<Figure> {
  const n = (await dueCounts(db, q)).overdue;
  const drill = { ...period(q), status: 'overdue' };
  return { value: n, numerator: n, denominator: n, unit: 'count', drill: { numerator: drill, denominator: drill } };
}

/** Mean progress as a share: the sum of the items' percentages over 100 × the items. */
export async function averageProgress(db: Db, q: IndicatorQuery): Promise<Figure> {
  const r = await dueCounts(db, q);
  return rateFigure(r.progress, r.n * 100, { numerator: period(q), denominator: period(q) });
}

/** The items of a closed-rate figure and those of them done, by id. */
export async function closedRecordsOf(db: Db, q: IndicatorQuery, sourceKind: string): Promise<CountedRecords> {
  const all = due(db, q).where('d.source_kind', '=', sourceKind);
  return { numerator: await idsOf(all.where('d.status', '=', 'done')), denominator: await idsOf(all) };
}

/** Closed share of one source kind's items due in the period: done ÷ items (dropped left out). */
export async function closedRateOf(db: Db, q: IndicatorQuery, sourceKind: string): Promise<Figure> {
  const r = await due(db, q)
    .where('d.source_kind', '=', sourceKind)
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.sum<number>(eb.case().when('d.status', '=', 'done').then(1).else(0).end()).as('done')])
    .executeTakeFirstOrThrow();
  const den = { ...period(q), sourceKind };
  return rateFigure(Number(r.done ?? 0), Number(r.n), { numerator: { ...den, status: 'done' }, denominator: den });
}

/**
 * Items of one source kind carried into the period: decided before it began and still open when it began
 * (neither done before it nor dropped). `carriedOverOf` counts them, the board lists them under the drill
 * `sourceKind & carriedInto`.
 */
const carried = (db: Db, q: IndicatorQuery, sourceKind: string) =>
  dq(db)
    .selectFrom('decided_items as d')
    .where((eb) => pathInScope(eb, 'd.org_path', q.scope))
    .where('d.source_kind', '=', sourceKind)
    .where((eb) => carriedInto(eb, q.from));

export async function carriedOverOf(db: Db, q: IndicatorQuery, sourceKind: string): Promise<Figure> {
  const r = await carried(db, q, sourceKind)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const drill = { sourceKind, carriedInto: q.from };
  return { value: Number(r.n), numerator: Number(r.n), denominator: Number(r.n), unit: 'count', drill: { numerator: drill, denominator: drill } };
}

export async function carriedOverRecordsOf(db: Db, q: IndicatorQuery, sourceKind: string): Promise<CountedRecords> {
  const ids = await idsOf(carried(db, q, sourceKind));
  return { numerator: ids, denominator: ids };
}

/** Where a decided item's id opens, and who may open the board's list of a subtree. */
export const DECIDED_ITEM_RECORDS = { recordsPermission: 'decidedItems.read', recordPage: '/decided-items/:id' } as const;

export const decidedItemIndicators = [
  defineIndicator({
    key: 'core.decidedOnTimeRate',
    drillPage: DECIDED_ITEMS_PAGE,
    label: { zh: '督办事项按期完成率', en: 'Decided items done on time' },
    definition: {
      zh: '期限在期间内的督办事项中（不含已撤销），在期限当日结束前办结的比例',
      en: 'Of the decided items due in the period (dropped ones left out), the share done by the end of the due date',
    },
    period: 'range',
    unit: 'rate',
    compute: onTimeRate,
    ...DECIDED_ITEM_RECORDS,
    records: async (db, q) => ({ numerator: await idsOf(due(db, q).where(doneOnTime)), denominator: await dueIds(db, q) }),
  }),
  defineIndicator({
    key: 'core.decidedOverdue',
    drillPage: DECIDED_ITEMS_PAGE,
    label: { zh: '逾期督办事项数', en: 'Overdue decided items' },
    definition: { zh: '期限在期间内、现仍逾期未办结的督办事项数', en: 'Decided items due in the period that are overdue and still open' },
    period: 'range',
    unit: 'count',
    aspect: 'open',
    compute: overdueCount,
    ...DECIDED_ITEM_RECORDS,
    records: async (db, q) => {
      const ids = await idsOf(due(db, q).where('d.status', '=', 'overdue'));
      return { numerator: ids, denominator: ids };
    },
  }),
  defineIndicator({
    key: 'core.decidedAverageProgress',
    drillPage: DECIDED_ITEMS_PAGE,
    label: { zh: '督办事项平均进度', en: 'Average progress of decided items' },
    definition: {
      zh: '期限在期间内的督办事项（不含已撤销）进度之和 ÷（100 × 事项数）',
      en: 'Sum of the progress of the decided items due in the period (dropped left out) ÷ (100 × items)',
    },
    period: 'range',
    unit: 'rate',
    compute: averageProgress,
    // Its counts are percentages summed (progress ÷ 100 × items): the items averaged over are named in both parts.
    ...DECIDED_ITEM_RECORDS,
    records: async (db, q) => {
      const ids = await dueIds(db, q);
      return { numerator: ids, denominator: ids };
    },
  }),
];
