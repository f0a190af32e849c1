/**
 * The figures of the suggestion campaign, each counted by the same filter its drill-down list
 * (`GET /api/v1/suggestions?…`) applies. Suggestions are placed by the lead author's unit; a
 * period selects them by the day they were submitted, decided, verified or rewarded.
 */
import type { Figure } from '../../../common/figure.js';
import { rateFigure } from '../../../common/figure.js';
import type { Db } from '../../core/db/database.js';
import { defineIndicator, sharedRead, type CountedRecords, type IndicatorDefinition, type IndicatorQuery } from '../../core/indicators/indicator.js';
import { recordsByDrill, sortedIds } from '../../core/indicators/records.js';
import { SUGGESTION_PERMISSIONS } from '../../../common/suggestions.js';
import { ADOPTED_STATUSES, DECIDED_STATUSES, IMPLEMENTED_STATUSES } from '../../../common/suggestions.js';
import * as repo from './suggestions.repository.js';

type Drill = Record<string, string>;

/** Drill filters → repository filter: the same words the list's query string carries. */
function filterOf(d: Drill, q: IndicatorQuery): repo.SuggestionFilter {
  return {
    scopePaths: q.scope.all ? undefined : q.scope.paths,
    status: d.status?.split(','),
    submittedFrom: d.submittedFrom,
    submittedTo: d.submittedTo,
    decidedFrom: d.decidedFrom,
    decidedTo: d.decidedTo,
    verifiedFrom: d.verifiedFrom,
    verifiedTo: d.verifiedTo,
    rewardedFrom: d.rewardedFrom,
    rewardedTo: d.rewardedTo,
  };
}

const none = (q: IndicatorQuery) => !q.scope.all && q.scope.paths.length === 0;
const count = async (db: Db, d: Drill, q: IndicatorQuery) => (none(q) ? { n: 0, benefitFen: 0, rewardFen: 0 } : repo.totals(db, filterOf(d, q)));
// The roster is counted once per batch: per-100-workers and participation share the denominator.
const workers = (db: Db, q: IndicatorQuery) => sharedRead(q, 'suggestions.workers', () => repo.workersIn(db, q.scope.all ? null : q.scope.paths));
const submitted = (q: IndicatorQuery) => ({ submittedFrom: q.from, submittedTo: q.to });
const decided = (q: IndicatorQuery) => ({ decidedFrom: q.from, decidedTo: q.to });

/** 每百名职工建议数: suggestions submitted ÷ workers on the roster (the rate × 100 is the figure per hundred). */
export async function per100Workers(db: Db, q: IndicatorQuery): Promise<Figure> {
  const d = submitted(q);
  return rateFigure((await count(db, d, q)).n, await workers(db, q), { numerator: d, denominator: {} });
}

/** 参与率: distinct workers among the authors of suggestions submitted ÷ workers on the roster. */
export async function participationRate(db: Db, q: IndicatorQuery): Promise<Figure> {
  const d = submitted(q);
  const n = none(q) ? 0 : await repo.participants(db, filterOf(d, q));
  return rateFigure(n, await workers(db, q), { numerator: d, denominator: {} });
}

/** 采纳率: adopted or put on trial ÷ every decision (archive included), by the day of the decision. */
export async function adoptionRate(db: Db, q: IndicatorQuery): Promise<Figure> {
  const num = { status: ADOPTED_STATUSES.join(','), ...decided(q) };
  const den = { status: DECIDED_STATUSES.join(','), ...decided(q) };
  return rateFigure((await count(db, num, q)).n, (await count(db, den, q)).n, { numerator: num, denominator: den });
}

/** 已实施: suggestions decided in the period that went into implementation (a decided item exists). */
export async function implemented(db: Db, q: IndicatorQuery): Promise<Figure> {
  const d = { status: IMPLEMENTED_STATUSES.join(','), ...decided(q) };
  const { n } = await count(db, d, q);
  return { value: n, numerator: n, denominator: n, unit: 'count', drill: { numerator: d, denominator: d } };
}

/** 创造效益 (yuan): verified savings or added output, by the day of verification. */
export async function benefitCreated(db: Db, q: IndicatorQuery): Promise<Figure> {
  const d = { status: 'verified,rewarded', verifiedFrom: q.from, verifiedTo: q.to };
  const t = await count(db, d, q);
  return { value: t.benefitFen / 100, numerator: t.n, denominator: t.n, unit: 'yuan', drill: { numerator: d, denominator: d } };
}

/** 奖励发放 (yuan): rewards paid in the period. */
export async function rewardsPaid(db: Db, q: IndicatorQuery): Promise<Figure> {
  const d = { status: 'rewarded', rewardedFrom: q.from, rewardedTo: q.to };
  const t = await count(db, d, q);
  return { value: t.rewardFen / 100, numerator: t.n, denominator: t.n, unit: 'yuan', drill: { numerator: d, denominator: d } };
}

/** The suggestions a figure counted (a yuan total: the suggestions summed), by the list's own filter. */
const suggestionRecords = recordsByDrill('suggestions.list', async (db, q, d) => (none(q) ? [] : repo.suggestionIds(db, filterOf(d, q))));
/** The roster both per-worker figures divide by, named once per batch. */
const rosterIds = (db: Db, q: IndicatorQuery) =>
  sharedRead(q, 'suggestions.workerIds', async () => sortedIds(await repo.workerIds(db, q.scope.all ? null : q.scope.paths)));

/** Suggestions submitted ÷ the roster's workers: the suggestions' ids over the workers' person ids. */
async function per100Records(db: Db, q: IndicatorQuery): Promise<CountedRecords> {
  const numerator = none(q) ? [] : sortedIds(await repo.suggestionIds(db, filterOf(submitted(q), q)));
  return { numerator, denominator: await rosterIds(db, q) };
}

/** Authors of the period's suggestions ÷ the roster's workers: person ids on both sides. */
async function participationRecords(db: Db, q: IndicatorQuery): Promise<CountedRecords> {
  const numerator = none(q) ? [] : sortedIds(await repo.participantIds(db, filterOf(submitted(q), q)));
  return { numerator, denominator: await rosterIds(db, q) };
}

/**
 * Shown to the union side (the suggestion list's overseers). The two per-worker figures name people
 * (authors, the roster) — no person page exists, so their ids are listed without a link.
 */
const named = (i: IndicatorDefinition): IndicatorDefinition => ({
  ...i,
  recordsPermission: SUGGESTION_PERMISSIONS.oversee,
  ...(i.records ? {} : { records: suggestionRecords, recordPage: '/suggestions/:id' }),
});

export const suggestionsIndicators = [
  defineIndicator({
    key: 'suggestions.per100Workers',
    label: { zh: '每百名职工建议数', en: 'Suggestions per 100 workers' },
    definition: {
      zh: '期间内提交的合理化建议数 ÷ 在册职工数（百分数即每百人建议数）',
      en: 'Suggestions submitted in the period ÷ workers on the roster (as a percentage: per hundred workers)',
    },
    period: 'range',
    unit: 'rate',
    compute: per100Workers,
    records: per100Records,
  }),
  defineIndicator({
    key: 'suggestions.participationRate',
    label: { zh: '职工参与率', en: 'Worker participation rate' },
    definition: {
      zh: '期间内提交建议的职工人数（含合作者，去重） ÷ 在册职工数',
      en: 'Workers who submitted in the period (co-authors included, counted once) ÷ workers on the roster',
    },
    period: 'range',
    unit: 'rate',
    compute: participationRate,
    records: participationRecords,
  }),
  defineIndicator({
    key: 'suggestions.adoptionRate',
    label: { zh: '建议采纳率', en: 'Adoption rate' },
    definition: {
      zh: '期间内决定采纳或试行的建议数 ÷ 期间内作出决定（含存档）的建议数',
      en: 'Suggestions adopted or put on trial in the period ÷ suggestions decided in the period (archived included)',
    },
    period: 'range',
    unit: 'rate',
    compute: adoptionRate,
  }),
  defineIndicator({
    key: 'suggestions.implemented',
    label: { zh: '已实施建议数', en: 'Suggestions implemented' },
    definition: { zh: '期间内作出决定并已转为督办事项实施的建议数', en: 'Suggestions decided in the period and put into implementation as decided items' },
    period: 'range',
    unit: 'count',
    compute: implemented,
  }),
  defineIndicator({
    key: 'suggestions.benefit',
    label: { zh: '创造效益', en: 'Benefit created' },
    definition: { zh: '期间内经第二人核实的节约成本或增加产值合计（元）', en: 'Savings or added output verified by a second person in the period (yuan)' },
    period: 'range',
    unit: 'yuan',
    compute: benefitCreated,
  }),
  defineIndicator({
    key: 'suggestions.rewardsPaid',
    label: { zh: '奖励发放金额', en: 'Rewards paid' },
    definition: { zh: '期间内发放的合理化建议奖励合计（元）', en: 'Rewards for suggestions paid in the period (yuan)' },
    period: 'range',
    unit: 'yuan',
    compute: rewardsPaid,
  }),
].map(named);
