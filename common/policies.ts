/**
 * The policy library and its questions (policies), DOMAIN.md practice 7 (政策回应机制), shared
 * by server and web: permission names, the role grants the module declares, and the enums
 * with their Chinese and English labels.
 */
import type { Grants } from './roles.js';

export const POLICY_PERMISSIONS = {
  /** Read the library and the published FAQ of one's organisation. */
  read: 'policies.read',
  /** Keep the library: add policies, new versions, repeal. */
  manage: 'policies.manage',
  /** Ask a question (a worker, by name or anonymously). */
  ask: 'policies.ask',
  /** Answer questions of the subtree and publish answers as FAQ. */
  answer: 'policies.answer',
} as const;

const P = POLICY_PERMISSIONS;
export const POLICY_GRANTS: Grants = {
  unionChair: [P.read, P.manage, P.answer],
  unionStaff: [P.read, P.manage, P.answer],
  handler: [P.read],
  representative: [P.read],
  worker: [P.read, P.ask],
  mediator: [P.read],
};

/** 法律 / 行政法规 / 地方政策 / 企业制度. */
export const POLICY_LEVELS = ['law', 'regulation', 'local', 'company'] as const;
export type PolicyLevel = (typeof POLICY_LEVELS)[number];
export const POLICY_LEVEL_LABELS: Record<PolicyLevel, { zh: string; en: string }> = {
  law: { zh: '法律', en: 'Law' },
  regulation: { zh: '行政法规', en: 'Regulation' },
  local: { zh: '地方政策', en: 'Local policy' },
  company: { zh: '企业制度', en: 'Company rule' },
};

/** A version in force, one replaced by a newer version (still readable, marked), or one repealed. */
export const POLICY_STATUSES = ['effective', 'superseded', 'repealed'] as const;
export type PolicyStatus = (typeof POLICY_STATUSES)[number];
export const POLICY_STATUS_LABELS: Record<PolicyStatus, { zh: string; en: string }> = {
  effective: { zh: '现行有效', en: 'In force' },
  superseded: { zh: '已被新版本替代', en: 'Superseded' },
  repealed: { zh: '已废止', en: 'Repealed' },
};

export const QUESTION_TOPICS = ['wages', 'leave', 'socialInsurance', 'injury', 'contract', 'other'] as const;
export type QuestionTopic = (typeof QUESTION_TOPICS)[number];
export const QUESTION_TOPIC_LABELS: Record<QuestionTopic, { zh: string; en: string }> = {
  wages: { zh: '工资待遇', en: 'Wages' },
  leave: { zh: '休假', en: 'Leave' },
  socialInsurance: { zh: '社会保险', en: 'Social insurance' },
  injury: { zh: '工伤', en: 'Work injury' },
  contract: { zh: '劳动合同', en: 'Contract' },
  other: { zh: '其他', en: 'Other' },
};

/**
 * submitted →answer→ answered →publish→ published (a de-identified FAQ entry);
 * submitted →withdraw (the asker)→ withdrawn.
 */
export const QUESTION_STATUSES = ['submitted', 'answered', 'published', 'withdrawn'] as const;
export type QuestionStatus = (typeof QUESTION_STATUSES)[number];
export const QUESTION_STATUS_LABELS: Record<QuestionStatus, { zh: string; en: string }> = {
  submitted: { zh: '待答复', en: 'Awaiting answer' },
  answered: { zh: '已答复', en: 'Answered' },
  published: { zh: '已答复并收入常见问题', en: 'Answered, in the FAQ' },
  withdrawn: { zh: '已撤回', en: 'Withdrawn' },
};

export const QUESTION_TRANSITIONS = {
  answer: { from: ['submitted'], to: 'answered' },
  publish: { from: ['answered'], to: 'published' },
  withdraw: { from: ['submitted'], to: 'withdrawn' },
} as const satisfies Record<string, { from: readonly QuestionStatus[]; to: QuestionStatus }>;

/** Working days a question waits for its answer, counted from the day after it was asked. */
export const ANSWER_WORKING_DAYS = 3;

/**
 * 政策解读 prompt: when at least EXPLAIN_MIN_ASKERS different workers ask about one thing within
 * EXPLAIN_WINDOW_DAYS days, staff are prompted to publish an explanation. "One thing" is the
 * group-alert rule of appeals (similarity at its default threshold, star or triangle), within a topic.
 */
export const EXPLAIN_MIN_ASKERS = 3;
export const EXPLAIN_WINDOW_DAYS = 14;
