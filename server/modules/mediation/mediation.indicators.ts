/**
 * The figures of mediation, each counted by the same filter its drill-down list applies, so a
 * figure and the rows behind it cannot disagree. Cases are placed by the applicant's org; a
 * period selects cases by the day they were applied for (intake) or closed (outcomes).
 */
import type { Figure } from '../../../common/figure.js';
import { rateFigure } from '../../../common/figure.js';
import { shanghaiDate } from '../../core/calendar/calendar.js';
import type { Db } from '../../core/db/database.js';
import { asOfOf, defineIndicator, type IndicatorDefinition, type IndicatorQuery } from '../../core/indicators/indicator.js';
import { recordsByDrill } from '../../core/indicators/records.js';
import { MEDIATION_PERMISSIONS } from '../../../common/mediation.js';
import * as repo from './mediation.repository.js';
import { outcomeDrill, timeToOutcome as timeToOutcomeOf } from './mediation.outcomes.js';

const AGREED = 'agreed,performed';
const OUTCOMES = 'agreed,performed,failed';

type Drill = Record<string, string>;

/** Drill filters → repository filter: the same words the list's query string carries. */
function filterOf(d: Drill, q: IndicatorQuery): Omit<repo.CaseFilter, 'q'> {
  return {
    scopePaths: q.scope.all ? undefined : q.scope.paths,
    status: d.status?.split(','),
    closedFrom: d.closedFrom,
    closedTo: d.closedTo,
    appliedFrom: d.appliedFrom,
    appliedTo: d.appliedTo,
    onTime: d.onTime === undefined ? undefined : d.onTime === '1',
    within15: d.within15 === undefined ? undefined : d.within15 === '1',
  };
}

async function count(db: Db, d: Drill, q: IndicatorQuery) {
  if (!q.scope.all && q.scope.paths.length === 0) return { n: 0, agreed: 0, paid: 0 };
  return repo.totals(db, filterOf(d, q), shanghaiDate(asOfOf(q)));
}

const closed = (q: IndicatorQuery) => ({ closedFrom: q.from, closedTo: q.to });

export async function casesApplied(db: Db, q: IndicatorQuery): Promise<Figure> {
  const d = { appliedFrom: q.from, appliedTo: q.to };
  const { n } = await count(db, d, q);
  return { value: n, numerator: n, denominator: n, unit: 'count', drill: { numerator: d, denominator: d } };
}

/** 调解成功率: agreements ÷ cases that ended in an agreement or a referral to arbitration. */
export async function successRate(db: Db, q: IndicatorQuery): Promise<Figure> {
  const num = { status: AGREED, ...closed(q) };
  const den = { status: OUTCOMES, ...closed(q) };
  return rateFigure((await count(db, num, q)).n, (await count(db, den, q)).n, { numerator: num, denominator: den });
}

/** 按期结案率: outcomes reached by the mediation deadline (extensions included) ÷ outcomes. */
export async function onTimeRate(db: Db, q: IndicatorQuery): Promise<Figure> {
  const num = { status: OUTCOMES, ...closed(q), onTime: '1' };
  const den = { status: OUTCOMES, ...closed(q) };
  return rateFigure((await count(db, num, q)).n, (await count(db, den, q)).n, { numerator: num, denominator: den });
}

/** 15 日内结案率: outcomes reached within 15 days of acceptance, extensions not counted ÷ outcomes. */
export async function within15Rate(db: Db, q: IndicatorQuery): Promise<Figure> {
  const num = { status: OUTCOMES, ...closed(q), within15: '1' };
  const den = { status: OUTCOMES, ...closed(q) };
  return rateFigure((await count(db, num, q)).n, (await count(db, den, q)).n, { numerator: num, denominator: den });
}

/** 调解时长: the median of working days from application to outcome, over the period's outcomes (both sides count them). */
export async function timeToOutcome(db: Db, q: IndicatorQuery): Promise<Figure> {
  const d = outcomeDrill(q);
  if (!q.scope.all && q.scope.paths.length === 0)
    return { value: null, numerator: 0, denominator: 0, unit: 'workingDays', drill: { numerator: d, denominator: d } };
  const t = await timeToOutcomeOf(db, q.scope.all ? undefined : q.scope.paths, q);
  return { value: t.median, numerator: t.n, denominator: t.n, unit: 'workingDays', drill: { numerator: d, denominator: d } };
}

/** 转仲裁: cases that failed and were referred to arbitration. */
export async function referred(db: Db, q: IndicatorQuery): Promise<Figure> {
  const d = { status: 'failed', ...closed(q) };
  const { n } = await count(db, d, q);
  return { value: n, numerator: n, denominator: n, unit: 'count', drill: { numerator: d, denominator: d } };
}

/** 协议金额 (yuan): the sum agreed in the agreements of the period; numerator and denominator count those agreements. */
export async function amountAgreed(db: Db, q: IndicatorQuery): Promise<Figure> {
  const d = { status: AGREED, ...closed(q) };
  const t = await count(db, d, q);
  return { value: t.agreed / 100, numerator: t.n, denominator: t.n, unit: 'yuan', drill: { numerator: d, denominator: d } };
}

/** 追回金额 (yuan): what was actually paid under those agreements. */
export async function amountPaid(db: Db, q: IndicatorQuery): Promise<Figure> {
  const d = { status: AGREED, ...closed(q) };
  const t = await count(db, d, q);
  return { value: t.paid / 100, numerator: t.n, denominator: t.n, unit: 'yuan', drill: { numerator: d, denominator: d } };
}

/** The cases a figure's drill selects, by the case list's own filter (the work report's snapshot keeps their ids). */
const records = recordsByDrill('mediation.cases', async (db, q, d) =>
  !q.scope.all && q.scope.paths.length === 0 ? [] : repo.caseIds(db, filterOf(d, q), shanghaiDate(asOfOf(q))),
);

/** Every figure names its cases, shown to the committee's union side (the case list's overseers); each opens on its own page. */
const named = (i: IndicatorDefinition): IndicatorDefinition => ({
  ...i,
  records,
  recordsPermission: MEDIATION_PERMISSIONS.oversee,
  recordPage: '/mediation/cases/:id',
});

export const mediationIndicators = [
  defineIndicator({
    key: 'mediation.cases',
    label: { zh: '调解申请数', en: 'Mediation applications' },
    definition: { zh: '期间内申请调解的案件数（按申请人所在单位）', en: 'Cases applied for in the period (by the applicant’s unit)' },
    period: 'range',
    unit: 'count',
    compute: casesApplied,
  }),
  defineIndicator({
    key: 'mediation.successRate',
    label: { zh: '调解成功率', en: 'Mediation success rate' },
    definition: {
      zh: '期间内达成调解协议的案件数 ÷ 达成协议与调解不成（转仲裁）的案件数',
      en: 'Cases closed with an agreement ÷ cases closed with an agreement or a referral to arbitration',
    },
    period: 'range',
    unit: 'rate',
    compute: successRate,
  }),
  defineIndicator({
    key: 'mediation.onTimeRate',
    label: { zh: '按期结案率', en: 'Closed within the mediation period' },
    definition: {
      zh: '期间内在调解期限（受理后 15 日，含延长）内结案的案件数 ÷ 结案数',
      en: 'Cases closed within the mediation period (15 days after acceptance, plus extensions) ÷ cases closed',
    },
    period: 'range',
    unit: 'rate',
    compute: onTimeRate,
  }),
  defineIndicator({
    key: 'mediation.within15Days',
    label: { zh: '15 日内结案率', en: 'Closed within 15 days' },
    definition: {
      zh: '期间内在受理后 15 日内（不计延长）达成协议或调解不成的案件数 ÷ 达成协议与调解不成的案件数',
      en: 'Cases closed with an agreement or a referral within 15 days of acceptance (extensions not counted) ÷ such cases closed',
    },
    period: 'range',
    unit: 'rate',
    compute: within15Rate,
  }),
  defineIndicator({
    key: 'mediation.timeToOutcome',
    label: { zh: '调解时长（中位数）', en: 'Time to outcome (median)' },
    definition: {
      zh: '期间内达成协议或调解不成的案件，自申请日至结案日的工作日数的中位数（按工作日历，跨节假日与调休）',
      en: 'Median working days from the application to the outcome, over cases closed with an agreement or a referral in the period (work calendar)',
    },
    period: 'range',
    unit: 'workingDays',
    compute: timeToOutcome,
  }),
  defineIndicator({
    key: 'mediation.referred',
    label: { zh: '转仲裁案件数', en: 'Referred to arbitration' },
    definition: { zh: '期间内调解不成、告知申请仲裁的案件数', en: 'Cases that failed in the period and were referred to arbitration' },
    period: 'range',
    unit: 'count',
    compute: referred,
  }),
  defineIndicator({
    key: 'mediation.amountAgreed',
    label: { zh: '协议金额', en: 'Amount agreed' },
    definition: { zh: '期间内达成的调解协议约定金额合计（元）', en: 'Sum of the amounts in the agreements reached in the period (yuan)' },
    period: 'range',
    unit: 'yuan',
    compute: amountAgreed,
  }),
  defineIndicator({
    key: 'mediation.amountPaid',
    label: { zh: '追回金额', en: 'Amount recovered' },
    definition: { zh: '期间内达成的调解协议中已实际履行（支付）的金额合计（元）', en: 'Sum actually paid under the agreements reached in the period (yuan)' },
    period: 'range',
    unit: 'yuan',
    compute: amountPaid,
  }),
].map(named);
