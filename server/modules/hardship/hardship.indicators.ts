/**
 * The figures of hardship assistance, each counted by the same filter its drill-down (the
 * households list) applies, so a figure and the rows behind it cannot disagree. Files are placed
 * by the worker's org; assistance by the file it was given to.
 */
import type { Figure } from '../../../common/figure.js';
import { rateFigure } from '../../../common/figure.js';
import { shanghaiDate } from '../../core/calendar/calendar.js';
import type { Db } from '../../core/db/database.js';
import { asOfOf, defineIndicator, type IndicatorDefinition, type IndicatorQuery } from '../../core/indicators/indicator.js';
import { recordsByDrill } from '../../core/indicators/records.js';
import * as repo from './hardship.repository.js';
import { HARDSHIP_PERMISSIONS } from '../../../common/hardship.js';
import { sumsIn } from './hardship.assistance.js';

type Drill = Record<string, string>;

function filterOf(d: Drill, q: IndicatorQuery): repo.ProfileFilter {
  const flag = (v?: string) => (v === undefined ? undefined : v === '1');
  return {
    scopePaths: q.scope.all ? undefined : q.scope.paths,
    status: d.status?.split(','),
    filedFrom: d.filedFrom,
    filedTo: d.filedTo,
    exitedFrom: d.exitedFrom,
    exitedTo: d.exitedTo,
    relapsed: flag(d.relapsed),
    assistedFrom: d.assistedFrom,
    assistedTo: d.assistedTo,
    reviewDueFrom: d.reviewDueFrom,
    reviewDueTo: d.reviewDueTo,
    reviewOnTime: flag(d.reviewOnTime),
    callbackDueFrom: d.callbackDueFrom,
    callbackDueTo: d.callbackDueTo,
    callbackOnTime: flag(d.callbackOnTime),
  };
}

const empty = (q: IndicatorQuery) => !q.scope.all && q.scope.paths.length === 0;
const count = async (db: Db, d: Drill, q: IndicatorQuery) => (empty(q) ? 0 : repo.countProfiles(db, filterOf(d, q), shanghaiDate(asOfOf(q))));
const countFigure = (n: number, d: Drill): Figure => ({ value: n, numerator: n, denominator: n, unit: 'count', drill: { numerator: d, denominator: d } });
const yuan = (fen: number) => Math.round(fen) / 100;

/** Households on file (在档) now: a snapshot, the period does not apply. */
export async function households(db: Db, q: IndicatorQuery): Promise<Figure> {
  const d = { status: 'filed' };
  return countFigure(await count(db, d, q), d);
}

export async function newlyFiled(db: Db, q: IndicatorQuery): Promise<Figure> {
  const d = { filedFrom: q.from, filedTo: q.to };
  return countFigure(await count(db, d, q), d);
}

export async function exited(db: Db, q: IndicatorQuery): Promise<Figure> {
  const d = { exitedFrom: q.from, exitedTo: q.to };
  return countFigure(await count(db, d, q), d);
}

/** 返困率: of the households that exited in the period, those found in hardship again at a callback. */
export async function relapseRate(db: Db, q: IndicatorQuery): Promise<Figure> {
  const den = { exitedFrom: q.from, exitedTo: q.to };
  const num = { ...den, relapsed: '1' };
  return rateFigure(await count(db, num, q), await count(db, den, q), { numerator: num, denominator: den });
}

async function assistance(db: Db, q: IndicatorQuery) {
  if (empty(q)) return { totalFen: 0, households: 0 };
  const { totalFen, households } = await sumsIn(db, q.scope, q.from, q.to);
  return { totalFen, households };
}

/** Assistance given in the period, in yuan; numerator and denominator count the households assisted. */
export async function assistanceTotal(db: Db, q: IndicatorQuery): Promise<Figure> {
  const d = { assistedFrom: q.from, assistedTo: q.to };
  const a = await assistance(db, q);
  return { value: yuan(a.totalFen), numerator: a.households, denominator: a.households, unit: 'yuan', drill: { numerator: d, denominator: d } };
}

export async function assistancePerHousehold(db: Db, q: IndicatorQuery): Promise<Figure> {
  const d = { assistedFrom: q.from, assistedTo: q.to };
  const a = await assistance(db, q);
  return {
    value: a.households ? yuan(a.totalFen / a.households) : null,
    numerator: a.households,
    denominator: a.households,
    unit: 'yuan',
    drill: { numerator: d, denominator: d },
  };
}

/** Reviews due in the period that were done by their due date ÷ reviews due in the period (done, or past due). */
export async function reviewsOnTime(db: Db, q: IndicatorQuery): Promise<Figure> {
  const den = { reviewDueFrom: q.from, reviewDueTo: q.to };
  const num = { ...den, reviewOnTime: '1' };
  return rateFigure(await count(db, num, q), await count(db, den, q), { numerator: num, denominator: den });
}

export async function callbacksOnTime(db: Db, q: IndicatorQuery): Promise<Figure> {
  const den = { callbackDueFrom: q.from, callbackDueTo: q.to };
  const num = { ...den, callbackOnTime: '1' };
  return rateFigure(await count(db, num, q), await count(db, den, q), { numerator: num, denominator: den });
}

/** The files a figure's drill selects, by the households list's own filter (the work report's snapshot keeps their ids). */
const records = recordsByDrill('hardship.profiles', async (db, q, d) => (empty(q) ? [] : repo.profileIds(db, filterOf(d, q), shanghaiDate(asOfOf(q)))));

/** Every figure names its files, shown only to hardship officers (the rest of the union sees counts, never a file). */
const named = (i: IndicatorDefinition): IndicatorDefinition => ({
  ...i,
  records,
  recordsPermission: HARDSHIP_PERMISSIONS.officer,
  recordPage: '/hardship/households/:id',
});

export const hardshipIndicators = [
  defineIndicator({
    key: 'hardship.households',
    label: { zh: '在档困难职工户数', en: 'Households on file' },
    definition: {
      zh: '当前在档的困难职工家庭户数（按类别、原因细分见户数统计；与期间无关）',
      en: 'Households whose file is open now (split by tier and cause in the counts; the period does not apply)',
    },
    period: 'range',
    unit: 'count',
    compute: households,
  }),
  defineIndicator({
    key: 'hardship.newlyFiled',
    label: { zh: '新建档户数', en: 'Newly filed households' },
    definition: { zh: '期间内公示期满归档的家庭户数', en: 'Households filed (after the public notice) in the period' },
    period: 'range',
    unit: 'count',
    compute: newlyFiled,
  }),
  defineIndicator({
    key: 'hardship.exited',
    label: { zh: '脱困户数', en: 'Households exited' },
    definition: { zh: '期间内办理脱困的家庭户数', en: 'Households that exited hardship in the period' },
    period: 'range',
    unit: 'count',
    compute: exited,
  }),
  defineIndicator({
    key: 'hardship.relapseRate',
    label: { zh: '返困率', en: 'Relapse rate' },
    definition: {
      zh: '期间内脱困的户中，回访发现返困的户数 ÷ 期间内脱困户数',
      en: 'Of households that exited in the period, those found in hardship again at a callback ÷ all that exited',
    },
    period: 'range',
    unit: 'rate',
    compute: relapseRate,
  }),
  defineIndicator({
    key: 'hardship.assistanceTotal',
    label: { zh: '帮扶金额合计', en: 'Assistance in total' },
    definition: {
      zh: '期间内发放的各类帮扶金额合计（元），分子分母为受助户数',
      en: 'Assistance given in the period in yuan; numerator and denominator are the households assisted',
    },
    period: 'range',
    unit: 'yuan',
    compute: assistanceTotal,
  }),
  defineIndicator({
    key: 'hardship.assistancePerHousehold',
    label: { zh: '户均帮扶金额', en: 'Assistance per household' },
    definition: { zh: '期间内帮扶金额合计 ÷ 受助户数（元）', en: 'Assistance given in the period ÷ households assisted (yuan)' },
    period: 'range',
    unit: 'yuan',
    compute: assistancePerHousehold,
  }),
  defineIndicator({
    key: 'hardship.reviewsOnTime',
    label: { zh: '年度复核按时率', en: 'Reviews done on time' },
    definition: {
      zh: '期间内到期的年度复核中按期完成的户数 ÷ 到期（已完成或已逾期）的户数',
      en: 'Households whose yearly review fell due in the period and was done by then ÷ those whose review fell due (done or overdue)',
    },
    period: 'range',
    unit: 'rate',
    compute: reviewsOnTime,
  }),
  defineIndicator({
    key: 'hardship.callbacksOnTime',
    label: { zh: '脱困回访按时率', en: 'Callbacks done on time' },
    definition: {
      zh: '期间内到期的脱困回访中按期完成的户数 ÷ 到期（已完成或已逾期）的户数',
      en: 'Households with a callback due in the period done by then ÷ those with one due (done or overdue)',
    },
    period: 'range',
    unit: 'rate',
    compute: callbacksOnTime,
  }),
].map(named);
