/**
 * The figures of transparent notices. Each drill is the notice (or question) list's own
 * filter, so the list opened from a figure holds exactly what was counted.
 */
import { rateFigure, type Figure } from '../../../common/figure.js';
import type { Db } from '../../core/db/database.js';
import { asOfOf, defineIndicator, type CountedRecords, type IndicatorDefinition, type IndicatorQuery } from '../../core/indicators/indicator.js';
import { shanghaiDate } from '../../core/calendar/calendar.js';
import type { ExpressionBuilder } from 'kysely';
import { countFiltered, countQuestions, filteredIds, orgIn, questionIds, readTotals, type NoticeFilter } from './notices.repository.js';
import { recordsByDrill, sortedIds } from '../../core/indicators/records.js';
import { NOTICE_PERMISSIONS } from '../../../common/notices.js';

const inScope = (q: IndicatorQuery) => (eb: ExpressionBuilder<any, any>) => orgIn(eb, 'n.org_id', q.scope);

/** The periodic notices whose next issue fell due in the period, up to today: the on-schedule rate's denominator. */
const dueIn = (q: IndicatorQuery, now: Date) => {
  const today = shanghaiDate(now);
  return { kind: 'periodic', dueFrom: q.from, dueTo: q.to < today ? q.to : today };
};

/** 按期公开率: periodic notices whose next issue fell due in the period (up to today) ÷ those followed by it on time. */
export async function onSchedule(db: Db, q: IndicatorQuery, now = asOfOf(q)): Promise<Figure> {
  const due = dueIn(q, now);
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

/** The notices the on-schedule rate counted: the same filters, their ids. */
async function onScheduleRecords(db: Db, q: IndicatorQuery): Promise<CountedRecords> {
  const due: NoticeFilter = dueIn(q, asOfOf(q));
  const [all, onTime] = await Promise.all([filteredIds(db, inScope(q), due), filteredIds(db, inScope(q), { ...due, onSchedule: true })]);
  return { numerator: sortedIds(onTime), denominator: sortedIds(all) };
}

/**
 * The read rate is a sum over notices (each notice's first reads and frozen recipients): its records are the
 * notices summed — those with a read in the numerator, those with recipients in the denominator — not the
 * receipts, which would say who read what.
 */
async function readRecords(db: Db, q: IndicatorQuery): Promise<CountedRecords> {
  const f = { from: q.from, to: q.to };
  const [read, sent] = await Promise.all([
    filteredIds(db, (eb) => eb.and([inScope(q)(eb), eb('n.reads', '>', 0)]), f),
    filteredIds(db, (eb) => eb.and([inScope(q)(eb), eb('n.recipients', '>', 0)]), f),
  ]);
  return { numerator: sortedIds(read), denominator: sortedIds(sent) };
}

/** The questions a figure counted, by its drill's filters. A question's id is no name: no list shows an anonymous asker. */
const questionRecords = recordsByDrill('notices.questions', (db, q, d) => questionIds(db, q.scope, { from: d.from, to: d.to, status: d.status }));

/** Shown to the publishers of the scope (the desk, the read rates and the questions are theirs). */
const named = (i: IndicatorDefinition): IndicatorDefinition => ({ ...i, recordsPermission: NOTICE_PERMISSIONS.publish });

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
    records: onScheduleRecords,
    recordPage: '/notices/:id',
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
    records: readRecords,
    recordPage: '/notices/:id',
  }),
  defineIndicator({
    key: 'notices.questionsAnswered',
    label: { zh: '公开事项提问答复率', en: 'Notice questions answered' },
    definition: { zh: '已答复的 ÷ 期间提出的对公开事项的提问', en: 'Answered ÷ questions about notices asked in the period' },
    period: 'range',
    unit: 'rate',
    compute: questionsAnswered,
    // A question has no page of its own (it is read on its notice's page).
    records: questionRecords,
  }),
].map(named);
