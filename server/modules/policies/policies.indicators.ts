/**
 * The figures of the policy response practice, counted from the questions asked in the period
 * (Asia/Shanghai days) and placed in the scope. Each drill is the question list's own filter,
 * so the list opened from a figure holds exactly the questions counted.
 */
import { rateFigure, type Figure } from '../../../common/figure.js';
import type { Db } from '../../core/db/database.js';
import { defineIndicator, type IndicatorQuery } from '../../core/indicators/indicator.js';
import type { QuestionStatus } from '../../../common/policies.js';
import { countQuestions, topicCounts } from './policies.repository.js';

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
 * their question at least once — a question not sent — ÷ FAQ entries. Views are not recorded.
 */
export async function faqReuseRate(db: Db, q: IndicatorQuery): Promise<Figure> {
  const den = { status: 'published', ...period(q) };
  const num = { ...den, deflected: '1' };
  const reused = await countQuestions(db, q.scope, { ...period(q), status: ['published'], deflected: true });
  const published = await countQuestions(db, q.scope, { ...period(q), status: ['published'] });
  return rateFigure(reused, published, { numerator: num, denominator: den });
}

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
];
