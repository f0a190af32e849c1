/**
 * The figures of the policy response practice, counted from the questions asked in the period
 * (Asia/Shanghai days) and placed in the scope. Each drill is the question list's own filter,
 * so the list opened from a figure holds exactly the questions counted.
 */
import { rateFigure, type Figure } from '../../../common/figure.js';
import type { Db } from '../../core/db/database.js';
import { defineIndicator, type IndicatorDefinition, type IndicatorQuery } from '../../core/indicators/indicator.js';
import type { QuestionStatus } from '../../../common/policies.js';
import { countQuestions, questionIds, topicCounts } from './policies.repository.js';
import { countUses, useIds } from './faqUse.repository.js';
import { FaqUseQuery, QuestionFilterQuery, type FaqUseKind } from '../../../common/schemas/policies.js';
import { POLICY_PERMISSIONS } from '../../../common/policies.js';
import { recordsByDrill } from '../../core/indicators/records.js';

/** The web page listing FAQ uses by the drill's filters (kind, from, to). */
export const FAQ_USES_PAGE = '/policies/faq-uses';

const ANSWERED: QuestionStatus[] = ['answered', 'published'];
const csv = (s: readonly string[]) => s.join(',');

const period = (q: IndicatorQuery) => ({ from: q.from, to: q.to });

/** 已答复的政策咨询: questions asked in the period that have an answer. */
export async function questionsAnswered(db: Db, q: IndicatorQuery): Promise<Figure> {
  const n = await countQuestions(db, q.scope, { ...period(q), status: ANSWERED });
  const drill = { status: csv(ANSWERED), ...period(q) };
  return { value: n, numerator: n, denominator: n, unit: 'count', drill: { numerator: drill, denominator: drill } };
}

/** 按时答复率: answered on or before the deadline day ÷ answered. */
export async function onTimeAnswerRate(db: Db, q: IndicatorQuery): Promise<Figure> {
  const answered = await countQuestions(db, q.scope, { ...period(q), status: ANSWERED });
  const onTime = await countQuestions(db, q.scope, { ...period(q), status: ANSWERED, onTime: true });
  return rateFigure(onTime, answered, {
    numerator: { status: csv(ANSWERED), onTime: '1', ...period(q) },
    denominator: { status: csv(ANSWERED), ...period(q) },
  });
}

/** 收入常见问题: questions asked in the period whose answer was published as an FAQ entry. */
export async function faqPublished(db: Db, q: IndicatorQuery): Promise<Figure> {
  const n = await countQuestions(db, q.scope, { ...period(q), status: ['published'] });
  const drill = { status: 'published', ...period(q) };
  return { value: n, numerator: n, denominator: n, unit: 'count', drill: { numerator: drill, denominator: drill } };
}

/**
 * 常见问题复用率: FAQ entries (answers published as FAQ, asked in the period) that workers said answered
 * their question at least once — a question not sent — ÷ FAQ entries. The dated uses are policies.faqViews and policies.faqDeflections.
 */
export async function faqReuseRate(db: Db, q: IndicatorQuery): Promise<Figure> {
  const den = { status: 'published', ...period(q) };
  const num = { ...den, deflected: '1' };
  const reused = await countQuestions(db, q.scope, { ...period(q), status: ['published'], deflected: true });
  const published = await countQuestions(db, q.scope, { ...period(q), status: ['published'] });
  return rateFigure(reused, published, { numerator: num, denominator: den });
}

/** A kind of FAQ use on the days of the period, by workers of the scope's units: one per worker, entry and day. */
async function uses(db: Db, q: IndicatorQuery, kind: FaqUseKind): Promise<Figure> {
  const n = await countUses(db, q.scope, { kind, ...period(q) });
  const drill = { kind, ...period(q) };
  return { value: n, numerator: n, denominator: n, unit: 'count', drill: { numerator: drill, denominator: drill } };
}

/** 常见问题查看次数: FAQ entries opened by workers on the period's days (a worker, an entry, a day: once). */
export const faqViews = (db: Db, q: IndicatorQuery) => uses(db, q, 'view');

/** 常见问题解答、免于提问: 「这条解答了我的问题」 marked on the period's days — questions not sent. */
export const faqDeflections = (db: Db, q: IndicatorQuery) => uses(db, q, 'deflect');

/**
 * 咨询最多的类别占比: the questions of the most-asked topic ÷ all questions asked in the period; the
 * numerator's drill names the topic, so the list opened from it is that topic's questions.
 */
export async function topTopicShare(db: Db, q: IndicatorQuery): Promise<Figure> {
  const counts = await topicCounts(db, q.scope, period(q));
  const all = counts.reduce((s, c) => s + c.n, 0);
  const top = counts[0];
  return rateFigure(top?.n ?? 0, all, { numerator: top ? { topic: top.topic, ...period(q) } : { ...period(q) }, denominator: { ...period(q) } });
}

/**
 * 政策变更后待复核的答复: answers (and FAQ entries) citing a policy since amended or repealed, not yet
 * answered again — a snapshot of now, whenever the question was asked (the period does not apply).
 */
export async function reviewPending(db: Db, q: IndicatorQuery): Promise<Figure> {
  const n = await countQuestions(db, q.scope, { status: ANSWERED, reviewNeeded: true });
  const drill = { status: csv(ANSWERED), reviewNeeded: '1' };
  return { value: n, numerator: n, denominator: n, unit: 'count', drill: { numerator: drill, denominator: drill } };
}

/**
 * The questions a figure counted: its drill's filters read as the question list reads its query
 * string (the same schema, the same SQL filter). An anonymous question is a record like any other:
 * no list or page of questions names its asker (匿名规则), so its id leads to the question, not to who asked.
 */
const questionRecords = recordsByDrill('policies.questions', (db, q, d) => questionIds(db, q.scope, QuestionFilterQuery.parse(d)));
/** The FAQ uses a figure counted, by the uses list's filter: a use is a day, an entry and a unit, never who. */
const useRecords = recordsByDrill('policies.faqUses', (db, q, d) => useIds(db, q.scope, FaqUseQuery.parse(d)));

/** Shown to who answers the scope's questions (the drills' lists are theirs); a question opens on its own page, a use has none. */
const named = (i: IndicatorDefinition): IndicatorDefinition =>
  i.drillPage === FAQ_USES_PAGE
    ? { ...i, records: useRecords, recordsPermission: POLICY_PERMISSIONS.answer }
    : { ...i, records: questionRecords, recordsPermission: POLICY_PERMISSIONS.answer, recordPage: '/policies/questions/:id' };

export const policiesIndicators = [
  defineIndicator({
    key: 'policies.questionsAnswered',
    label: { zh: '政策咨询答复数', en: 'Policy questions answered' },
    definition: {
      zh: '期间提出、已经答复的政策咨询（含收入常见问题的）',
      en: 'Policy questions asked in the period that have been answered (including those published as FAQ)',
    },
    period: 'range',
    unit: 'count',
    compute: questionsAnswered,
  }),
  defineIndicator({
    key: 'policies.onTimeAnswerRate',
    label: { zh: '政策咨询按时答复率', en: 'Policy questions answered on time' },
    definition: {
      zh: '在答复期限当天或之前答复的 ÷ 已答复的（期间提出的政策咨询）',
      en: 'Answered on or before the deadline day ÷ answered (questions asked in the period)',
    },
    period: 'range',
    unit: 'rate',
    compute: onTimeAnswerRate,
  }),
  defineIndicator({
    key: 'policies.faqPublished',
    label: { zh: '收入常见问题的答复', en: 'Answers published as FAQ' },
    definition: { zh: '期间提出、答复后整理为常见问题发布的政策咨询', en: 'Policy questions asked in the period whose answer was published as an FAQ entry' },
    period: 'range',
    unit: 'count',
    compute: faqPublished,
  }),
  defineIndicator({
    key: 'policies.faqReuseRate',
    label: { zh: '常见问题复用率', en: 'FAQ entries reused' },
    definition: {
      zh: '期间提出、已收入常见问题的答复中，至少有一位职工点「这条解答了我的问题」而未再提问的 ÷ 收入常见问题的',
      en: 'FAQ entries (questions asked in the period) that at least one worker marked as answering their question instead of asking ÷ FAQ entries',
    },
    period: 'range',
    unit: 'rate',
    compute: faqReuseRate,
  }),
  defineIndicator({
    key: 'policies.faqViews',
    label: { zh: '常见问题查看次数', en: 'FAQ entries viewed' },
    definition: {
      zh: '期间各日职工打开常见问题的次数（按职工所在单位计入范围；同一职工同一天看同一条只计一次，不记姓名）',
      en: 'FAQ entries opened by workers on the days of the period (placed by the worker’s unit; one worker, one entry, one day counts once; no names kept)',
    },
    period: 'range',
    unit: 'count',
    drillPage: FAQ_USES_PAGE,
    compute: faqViews,
  }),
  defineIndicator({
    key: 'policies.faqDeflections',
    label: { zh: '看常见问题后免于提问', en: 'Questions deflected by the FAQ' },
    definition: {
      zh: '期间各日职工在常见问题上点「这条解答了我的问题」、未再提问的次数（按点击当天计；同一职工同一天同一条只计一次）',
      en: 'Times a worker marked an FAQ entry as answering their question instead of asking, counted on the day marked (one worker, one entry, one day counts once)',
    },
    period: 'range',
    unit: 'count',
    drillPage: FAQ_USES_PAGE,
    compute: faqDeflections,
  }),
  defineIndicator({
    key: 'policies.topTopicShare',
    label: { zh: '咨询最多的类别占比', en: 'Share of the most-asked topic' },
    definition: {
      zh: '期间提出的政策咨询中，数量最多的类别（下钻可见是哪一类）的咨询数 ÷ 全部咨询数',
      en: 'Questions of the most-asked topic (the drill names it) ÷ all questions asked in the period',
    },
    period: 'range',
    unit: 'rate',
    compute: topTopicShare,
  }),
  defineIndicator({
    key: 'policies.reviewPending',
    label: { zh: '政策变更后待复核的答复', en: 'Answers awaiting review after a policy change' },
    definition: {
      zh: '引用的政策已修订或废止、尚未重新答复的政策咨询答复（含常见问题；当前数，与期间无关）',
      en: 'Answers (FAQ entries included) citing a policy since amended or repealed and not yet answered again (now; the period does not apply)',
    },
    period: 'range',
    unit: 'count',
    aspect: 'open',
    compute: reviewPending,
  }),
].map(named);
