/**
 * Honour figures over the nominations made in the period by units in the scope: how many, the
 * share disqualified, the awards standing (awarded or published, not revoked); and the cuts by
 * disqualifier and by unit and year. Each drill is the nominations list's own filter.
 */
import { rateFigure, type Figure } from '../../../common/figure.js';
import { HONOURS_PERMISSIONS as P, type DisqualifierReason } from '../../../common/honours.js';
import type { Call } from '../../core/call.js';
import type { Db } from '../../core/db/database.js';
import { defineIndicator, type IndicatorQuery } from '../../core/indicators/indicator.js';
import { scopeOf } from '../../core/rbac/actor.js';
import { pathInScope } from '../../core/rbac/scope-sql.js';
import { assertHolds } from './honours.policy.js';
import { hq } from './honours.tables.js';
import { sortedIds } from '../../core/indicators/records.js';
import type { CountedRecords, IndicatorDefinition } from '../../core/indicators/indicator.js';

function inPeriod(db: Db, q: IndicatorQuery) {
  return hq(db)
    .selectFrom('honour_nominations as n')
    .where((eb) => pathInScope(eb, 'n.unit_path', q.scope))
    .where('n.nominated_on', '>=', q.from)
    .where('n.nominated_on', '<=', q.to);
}
const count = async (query: ReturnType<typeof inPeriod>) => Number((await query.select((eb) => eb.fn.countAll<number>().as('c')).executeTakeFirstOrThrow()).c);
/** The nominations a figure counted: the same query, its ids instead of its count. */
const ids = async (query: ReturnType<typeof inPeriod>) => sortedIds((await query.select('n.id').execute()).map((r) => r.id));

/** The figures' cuts of the period's nominations: each figure counts one, its records are the same cut's ids. */
const disqualified = (query: ReturnType<typeof inPeriod>) => query.where('n.status', '=', 'disqualified');
const awarded = (query: ReturnType<typeof inPeriod>) => query.where('n.status', 'in', ['awarded', 'published']);

export async function nominations(db: Db, q: IndicatorQuery): Promise<Figure> {
  const n = await count(inPeriod(db, q));
  const drill = { from: q.from, to: q.to };
  return { value: n, numerator: n, denominator: n, unit: 'count', drill: { numerator: drill, denominator: drill } };
}

export async function disqualifiedRate(db: Db, q: IndicatorQuery): Promise<Figure> {
  const all = await count(inPeriod(db, q));
  const dq = await count(disqualified(inPeriod(db, q)));
  const den = { from: q.from, to: q.to };
  return rateFigure(dq, all, { numerator: { ...den, status: 'disqualified' }, denominator: den });
}

export async function awards(db: Db, q: IndicatorQuery): Promise<Figure> {
  const n = await count(awarded(inPeriod(db, q)));
  const drill = { from: q.from, to: q.to, awarded: '1' };
  return { value: n, numerator: n, denominator: n, unit: 'count', drill: { numerator: drill, denominator: drill } };
}

/** The cuts the review desk shows: disqualified nominations per reason, and per unit and year. Drill: `reason` / `unitId` + `year`. */
export async function honourStats(call: Call, year?: number) {
  assertHolds(call.actor, P.read);
  const scope = scopeOf(call.actor, P.read);
  let base = hq(call.db)
    .selectFrom('honour_nominations as n')
    .where((eb) => pathInScope(eb, 'n.unit_path', scope));
  if (year) base = base.where('n.year', '=', year);
  const reasons = await base
    .innerJoin('honour_findings as f', 'f.nomination_id', 'n.id')
    .where('n.status', '=', 'disqualified')
    .select(['f.reason', (eb) => eb.fn.countAll<number>().as('c')])
    .groupBy('f.reason')
    .orderBy('f.reason')
    .execute();
  const units = await base
    .innerJoin('orgs as u', 'u.id', 'n.unit_id')
    .select((eb) => [
      'n.unit_id',
      'u.name',
      'n.year',
      eb.fn.countAll<number>().as('c'),
      eb.fn.sum<number>(eb.case().when('n.status', '=', 'disqualified').then(1).else(0).end()).as('dq'),
      eb.fn.sum<number>(eb.case().when('n.status', 'in', ['awarded', 'published']).then(1).else(0).end()).as('aw'),
    ])
    .groupBy(['n.unit_id', 'u.name', 'n.year'])
    .orderBy('n.year', 'desc')
    .orderBy('u.name')
    .execute();
  return {
    byReason: reasons.map((r) => ({ reason: r.reason as DisqualifierReason, nominations: Number(r.c) })),
    byUnit: units.map((u) => ({
      unitId: u.unit_id,
      unitName: u.name,
      year: u.year,
      nominations: Number(u.c),
      disqualified: Number(u.dq ?? 0),
      awards: Number(u.aw ?? 0),
    })),
  };
}

const both = (list: string[]): CountedRecords => ({ numerator: list, denominator: list });

/** The nominations are shown to who reads every nomination of the subtree (the drill's list); each opens on its own page. */
const named = (i: IndicatorDefinition): IndicatorDefinition => ({ ...i, recordsPermission: P.read, recordPage: '/honours/nominations/:id' });

export const honoursIndicators = [
  defineIndicator({
    key: 'honours.nominations',
    label: { zh: '先进集体推荐数', en: 'Honour nominations' },
    definition: { zh: '期间内各单位推荐参评荣誉的班组数', en: 'Teams nominated for an honour in the period by units in the scope' },
    period: 'range',
    unit: 'count',
    compute: nominations,
    records: async (db, q) => both(await ids(inPeriod(db, q))),
  }),
  defineIndicator({
    key: 'honours.disqualifiedRate',
    label: { zh: '一票否决率', en: 'Nominations disqualified' },
    definition: { zh: '期间内的推荐中因一票否决情形被否决的比例', en: 'Of the nominations in the period, the share disqualified on a disqualifier found' },
    period: 'range',
    unit: 'rate',
    compute: disqualifiedRate,
    records: async (db, q) => ({ numerator: await ids(disqualified(inPeriod(db, q))), denominator: await ids(inPeriod(db, q)) }),
  }),
  defineIndicator({
    key: 'honours.awards',
    label: { zh: '评定先进集体数', en: 'Honours awarded' },
    definition: { zh: '期间内推荐并已评定（含已公布、不含撤销）的班组数', en: 'Nominations of the period awarded (published included, revoked left out)' },
    period: 'range',
    unit: 'count',
    compute: awards,
    records: async (db, q) => both(await ids(awarded(inPeriod(db, q)))),
  }),
].map(named);
