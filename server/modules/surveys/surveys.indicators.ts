/**
 * The figures of surveys and screening, each counted by the same filter its drill-down list
 * applies (GET /api/v1/surveys/recipients, /surveys/concerns, /screening-items), so a figure and the
 * rows behind it cannot disagree.
 */
import type { Figure } from '../../../common/figure.js';
import { rateFigure } from '../../../common/figure.js';
import { AGED_DAYS, OPEN_SCREENING } from '../../../common/surveys.js';
import { addDays } from '../../core/calendar/calendar.js';
import type { Db } from '../../core/db/database.js';
import { defineIndicator, type IndicatorQuery } from '../../core/indicators/indicator.js';
import * as screening from './screening.repository.js';
import { ranking } from './surveys.concerns.js';
import * as repo from './surveys.repository.js';

const OPEN = OPEN_SCREENING.join(',');

/** 调研回复率: recipients who answered ÷ recipients, of the surveys opened in the period (each survey's frozen list). */
export async function responseRate(db: Db, q: IndicatorQuery): Promise<Figure> {
  const den = { from: q.from, to: q.to };
  const num = { ...den, answered: '1' };
  const n = await repo.countRecipients(db, { scope: q.scope, ...den, answered: true });
  const d = await repo.countRecipients(db, { scope: q.scope, ...den });
  return rateFigure(n, d, { numerator: num, denominator: den });
}

const count = (n: number, d: Record<string, string>): Figure => ({
  value: n,
  numerator: n,
  denominator: n,
  unit: 'count',
  drill: { numerator: d, denominator: d },
});

/** 未解决问题: screening items raised by the end of the period and open now. */
export async function openProblems(db: Db, q: IndicatorQuery): Promise<Figure> {
  const d = { status: OPEN, raisedTo: q.to };
  return count(await screening.countItems(db, { scope: q.scope, status: [...OPEN_SCREENING], raisedTo: q.to }), d);
}

/** 久拖未决问题: open now and raised more than AGED_DAYS days before the end of the period. */
export async function agedProblems(db: Db, q: IndicatorQuery): Promise<Figure> {
  const raisedTo = addDays(q.to, -AGED_DAYS - 1);
  const d = { status: OPEN, raisedTo };
  return count(await screening.countItems(db, { scope: q.scope, status: [...OPEN_SCREENING], raisedTo }), d);
}

/**
 * 首要关切提及率: of the answers to 'top 3 concerns' questions in the surveys opened in the period
 * (by respondents of units in scope), the share that name the most-named concern; the drill's
 * numerator names that concern, so the figure says which concern it is.
 */
export async function topConcern(db: Db, q: IndicatorQuery): Promise<Figure> {
  const r = await ranking(db, { scope: q.scope, from: q.from, to: q.to });
  const top = r.rows[0];
  const den = { from: q.from, to: q.to };
  return rateFigure(top?.mentions ?? 0, r.answers, { numerator: top ? { ...den, concern: top.concern } : den, denominator: den });
}

export const surveysIndicators = [
  defineIndicator({
    key: 'surveys.responseRate',
    label: { zh: '调研回复率', en: 'Survey response rate' },
    definition: {
      zh: '期间内发布的问卷中已提交的对象人数 ÷ 发布时锁定的对象人数',
      en: 'Recipients who answered ÷ recipients frozen when the surveys of the period opened',
    },
    period: 'range',
    unit: 'rate',
    compute: responseRate,
  }),
  defineIndicator({
    key: 'surveys.topConcern',
    label: { zh: '首要关切提及率', en: 'Top concern share' },
    definition: {
      zh: '期间内发布的问卷中，“最关心的三件事”把提及最多的一项列入的答题人次 ÷ 回答该题的人次（按单位计；匿名问卷不足 5 人的单位不计）',
      en: "Answers to 'top 3 concerns' questions of the surveys opened in the period that name the most-named concern ÷ all answers to those questions (by unit; an anonymous survey's units under 5 left out)",
    },
    period: 'range',
    unit: 'rate',
    compute: topConcern,
  }),
  defineIndicator({
    key: 'surveys.openProblems',
    label: { zh: '排查问题未解决数', en: 'Open screening problems' },
    definition: { zh: '期末前登记、目前仍未解决（待处理或处理中）的排查问题数', en: 'Screening problems raised by the end of the period and still open' },
    period: 'range',
    unit: 'count',
    aspect: 'open',
    compute: openProblems,
  }),
  defineIndicator({
    key: 'surveys.agedProblems',
    label: { zh: '超过30天未解决的问题', en: 'Problems open over 30 days' },
    definition: {
      zh: '期末前 30 天以上登记、目前仍未解决的排查问题数',
      en: 'Screening problems raised more than 30 days before the end of the period and still open',
    },
    period: 'range',
    unit: 'count',
    aspect: 'open',
    compute: agedProblems,
  }),
];
