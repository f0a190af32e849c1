/**
 * The figures of transparent notices. Each drill is the notice (or question) list's own
 * filter, so the list opened from a figure holds exactly what was counted.
 */
import { rateFigure, type Figure } from '../../../common/figure.js';
import type { Db } from '../../core/db/database.js';
import { asOfOf, defineIndicator, type IndicatorQuery } from '../../core/indicators/indicator.js';
import { shanghaiDate } from '../../core/calendar/calendar.js';
import type { ExpressionBuilder } from 'kysely';
import { countFiltered, countQuestions, orgIn, readTotals } from './notices.repository.js';

const inScope = (q: IndicatorQuery) => (eb: ExpressionBuilder<any, any>) => orgIn(eb, 'n.org_id', q.scope);

/** 按期公开率: periodic notices whose next issue fell due in the period (up to today) ÷ those followed by it on time. */
export async function onSchedule(db: Db, q: IndicatorQuery, now = asOfOf(q)): Promise<Figure> {
  const today = shanghaiDate(now);
  const due = { kind: 'periodic', dueFrom: q.from, dueTo: q.to < today ? q.to : today };
  const [all, onTime] = await Promise.all([countFiltered(db, inScope(q), due), countFiltered(db, inScope(q), { ...due, onSchedule: true })]);
  return rateFigure(onTime, all, { numerator: { ...due, onSchedule: '1', desk: '1' }, denominator: { ...due, desk: '1' } });
}

/** 阅读率: receipts ÷ recipients (frozen at publication) of the notices published in the period. */
export async function readRate(db: Db, q: IndicatorQuery): Promise<Figure> {
  const f = { from: q.from, to: q.to };
  const { recipients, reads } = await readTotals(db, inScope(q), f);
  const drill = { ...f, desk: '1' };
  return rateFigure(reads, recipients, { numerator: drill, denominator: drill });
}

/** 提问答复率: questions asked in the period and placed in the scope that have an answer ÷ asked. */
export async function questionsAnswered(db: Db, q: IndicatorQuery): Promise<Figure> {
  const f = { from: q.from, to: q.to };
  const [asked, answered] = await Promise.all([countQuestions(db, q.scope, f), countQuestions(db, q.scope, { ...f, status: 'answered' })]);
  return rateFigure(answered, asked, { numerator: { ...f, status: 'answered' }, denominator: f });
}

export const noticesIndicators = [
  defineIndicator({
    key: 'notices.onSchedule',
    label: { zh: '定期公开按期率', en: 'Periodic notices on schedule' },
    definition: {
      zh: '下一期在应公开日当天或之前发布的 ÷ 期间内（至今日）应发布下一期的定期公开事项',
      en: 'Next issue published on or before its due day ÷ periodic notices whose next issue fell due in the period (up to today)',
    },
    period: 'range',
    unit: 'rate',
    compute: (db, q) => onSchedule(db, q, asOfOf(q)),
  }),
  defineIndicator({
    key: 'notices.readRate',
    label: { zh: '公开事项阅读率', en: 'Notice read rate' },
    definition: {
      zh: '已读回执 ÷ 公开对象人数（期间发布的公开事项，人数在发布时确定）',
      en: 'Read receipts ÷ recipients fixed at publication (notices published in the period)',
    },
    period: 'range',
    unit: 'rate',
    compute: readRate,
  }),
  defineIndicator({
    key: 'notices.questionsAnswered',
    label: { zh: '公开事项提问答复率', en: 'Notice questions answered' },
    definition: { zh: '已答复的 ÷ 期间提出的对公开事项的提问', en: 'Answered ÷ questions about notices asked in the period' },
    period: 'range',
    unit: 'rate',
    compute: questionsAnswered,
  }),
];
