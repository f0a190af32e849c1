/**
 * Meeting figures over the meetings planned in the period in the scope: how many were held,
 * and how many of their decisions due in the period were closed. Drills are the lists' filters.
 */
import { rateFigure, type Figure } from '../../../common/figure.js';
import { MEETING_DECISION_KIND } from '../../../common/meetings.js';
import { carriedOverOf, carriedOverRecordsOf, closedRateOf, closedRecordsOf, DECIDED_ITEM_RECORDS, DECIDED_ITEMS_PAGE } from '../../core/decidedItems/index.js';
import { sortedIds } from '../../core/indicators/records.js';
import { MEETINGS_PERMISSIONS } from '../../../common/meetings.js';
import type { Db } from '../../core/db/database.js';
import { defineIndicator, type IndicatorQuery } from '../../core/indicators/indicator.js';
import { pathInScope } from '../../core/rbac/scope-sql.js';
import { mq } from './meetings.tables.js';

/** The meetings planned in the period in the scope: the held-as-planned figure's denominator. */
const planned = (db: Db, q: IndicatorQuery) =>
  mq(db)
    .selectFrom('meetings as m')
    .where((eb) => pathInScope(eb, 'm.org_path', q.scope))
    .where('m.planned_date', '>=', q.from)
    .where('m.planned_date', '<=', q.to);

export async function heldAsPlanned(db: Db, q: IndicatorQuery): Promise<Figure> {
  const r = await planned(db, q)
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.count<number>('m.held_date').as('held')])
    .executeTakeFirstOrThrow();
  const den = { from: q.from, to: q.to };
  return rateFigure(Number(r.held), Number(r.n), { numerator: { ...den, held: '1' }, denominator: den });
}

/** The meetings it counted: held (a held date, as `count(held_date)` counts) of all planned. */
async function heldRecords(db: Db, q: IndicatorQuery) {
  const rows = await planned(db, q).select(['m.id', 'm.held_date']).execute();
  return { numerator: sortedIds(rows.filter((r) => r.held_date !== null).map((r) => r.id)), denominator: sortedIds(rows.map((r) => r.id)) };
}

export const decisionsClosed = (db: Db, q: IndicatorQuery) => closedRateOf(db, q, MEETING_DECISION_KIND);

export const decisionsCarriedOver = (db: Db, q: IndicatorQuery) => carriedOverOf(db, q, MEETING_DECISION_KIND);

export const meetingsIndicators = [
  defineIndicator({
    key: 'meetings.heldAsPlanned',
    label: { zh: '会议按计划召开率', en: 'Meetings held as planned' },
    definition: { zh: '计划日期在期间内的例会、联席会中已召开的比例', en: 'Of the meetings planned in the period, the share that were held' },
    period: 'range',
    unit: 'rate',
    compute: heldAsPlanned,
    records: heldRecords,
    recordsPermission: MEETINGS_PERMISSIONS.read,
    recordPage: '/meetings/:id',
  }),
  defineIndicator({
    key: 'meetings.decisionsClosed',
    // The decisions are decided items: the board lists them.
    drillPage: DECIDED_ITEMS_PAGE,
    label: { zh: '会议决定事项办结率', en: 'Meeting decisions closed' },
    definition: {
      zh: '期限在期间内的会议决定事项（不含已撤销）中已办结的比例',
      en: 'Of the meeting decisions due in the period (dropped left out), the share done',
    },
    period: 'range',
    unit: 'rate',
    compute: decisionsClosed,
    ...DECIDED_ITEM_RECORDS,
    records: (db, q) => closedRecordsOf(db, q, MEETING_DECISION_KIND),
  }),
  defineIndicator({
    key: 'meetings.decisionsCarriedOver',
    // The decisions are decided items: the board lists them.
    drillPage: DECIDED_ITEMS_PAGE,
    label: { zh: '结转的会议决定事项', en: 'Meeting decisions carried over' },
    definition: {
      zh: '期间开始前的会议所作决定中，期间开始时仍未办结（未撤销）的事项数——即带入本期会议「上次会议督办事项落实情况」的事项',
      en: 'Decisions of meetings before the period that were still open (not dropped) when it began: what the period’s meetings carried over',
    },
    period: 'range',
    unit: 'count',
    compute: decisionsCarriedOver,
    ...DECIDED_ITEM_RECORDS,
    records: (db, q) => carriedOverRecordsOf(db, q, MEETING_DECISION_KIND),
  }),
];
