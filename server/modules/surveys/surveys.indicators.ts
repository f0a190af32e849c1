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
import { defineIndicator, sharedRead, type CountedRecords, type IndicatorDefinition, type IndicatorQuery } from '../../core/indicators/indicator.js';
import { sortedIds } from '../../core/indicators/records.js';
import { SURVEY_PERMISSIONS } from '../../../common/surveys.js';
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
  const raisedTo = agedBefore(q);
  const d = { status: OPEN, raisedTo };
  return count(await screening.countItems(db, { scope: q.scope, status: [...OPEN_SCREENING], raisedTo }), d);
}

/** The period's concern ranking, read once per batch: the figure and its records fold the same cells. */
const concerns = (db: Db, q: IndicatorQuery) => sharedRead(q, 'surveys.concerns', () => ranking(db, { scope: q.scope, from: q.from, to: q.to }));

/**
 * 首要关切提及率: of the answers to 'top 3 concerns' questions in the surveys opened in the period
 * (by respondents of units in scope), the share that name the most-named concern; the drill's
 * numerator names that concern, so the figure says which concern it is.
 */
export async function topConcern(db: Db, q: IndicatorQuery): Promise<Figure> {
  const r = await concerns(db, q);
  const top = r.rows[0];
  const den = { from: q.from, to: q.to };
  return rateFigure(top?.mentions ?? 0, r.answers, { numerator: top ? { ...den, concern: top.concern } : den, denominator: den });
}

/**
 * The response rate sums each survey's frozen recipients (and those who answered): its records are the
 * surveys summed — a recipient row of an anonymous survey would say who answered. Numerator: the surveys
 * with an answer counted; denominator: the surveys with recipients in the scope. Same filter as the counts.
 */
async function responseRecords(db: Db, q: IndicatorQuery): Promise<CountedRecords> {
  const f = { scope: q.scope, from: q.from, to: q.to };
  const [answered, all] = await Promise.all([repo.recipientSurveyIds(db, { ...f, answered: true }), repo.recipientSurveyIds(db, f)]);
  return { numerator: sortedIds(answered), denominator: sortedIds(all) };
}

/**
 * The top-concern share sums (survey × unit) cells of answers: its records are the surveys summed, never an
 * answer (an anonymous survey's answer must lead to nobody). Numerator: the surveys whose counted cells name
 * the top concern; denominator: the surveys with a counted cell — the same cells the figure summed.
 */
async function concernRecords(db: Db, q: IndicatorQuery): Promise<CountedRecords> {
  const r = await concerns(db, q);
  const top = r.rows[0]?.concern;
  const counted = r.cells.filter((c) => c.answers > 0);
  return {
    numerator: sortedIds(counted.filter((c) => top !== undefined && (c.mentions.get(top) ?? 0) > 0).map((c) => c.surveyId)),
    denominator: sortedIds(counted.map((c) => c.surveyId)),
  };
}

/** The screening items a count names: the screening list's filter, its ids (an item has no page of its own). */
const itemRecords = (raisedTo: (q: IndicatorQuery) => string) => async (db: Db, q: IndicatorQuery) => {
  const ids = sortedIds(await screening.itemIds(db, { scope: q.scope, status: [...OPEN_SCREENING], raisedTo: raisedTo(q) }));
  return { numerator: ids, denominator: ids };
};
const agedBefore = (q: IndicatorQuery) => addDays(q.to, -AGED_DAYS - 1);

/** Shown to the union office (the drills' lists are theirs). */
const named = (i: IndicatorDefinition): IndicatorDefinition => ({ ...i, recordsPermission: SURVEY_PERMISSIONS.manage });

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
    records: responseRecords,
    recordPage: '/surveys/:id',
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
    records: concernRecords,
    recordPage: '/surveys/:id',
  }),
  defineIndicator({
    key: 'surveys.openProblems',
    label: { zh: '排查问题未解决数', en: 'Open screening problems' },
    definition: { zh: '期末前登记、目前仍未解决（待处理或处理中）的排查问题数', en: 'Screening problems raised by the end of the period and still open' },
    period: 'range',
    unit: 'count',
    aspect: 'open',
    compute: openProblems,
    records: itemRecords((q) => q.to),
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
    records: itemRecords(agedBefore),
  }),
].map(named);
