/**
 * Transparent notices (notices, 厂务公开), DOMAIN.md practice 11, shared by server and web:
 * permission names, the role grants the module declares, and the enums with their Chinese
 * and English labels. (Core's `notifications` are inbox messages; a `notice` here is a public
 * record published to a scope.)
 */
import type { Grants } from './roles.js';

export const NOTICE_PERMISSIONS = {
  /** Read the notices addressed to one's organisation and ask about them. */
  read: 'notices.read',
  /** Publish, correct and withdraw notices of the subtree; answer questions; see read rates. */
  publish: 'notices.publish',
  /** Ask a question about a notice (a worker, by name or anonymously). */
  ask: 'notices.ask',
} as const;

const P = NOTICE_PERMISSIONS;
export const NOTICE_GRANTS: Grants = {
  unionChair: [P.read, P.publish],
  unionStaff: [P.read, P.publish],
  handler: [P.read],
  representative: [P.read],
  worker: [P.read, P.ask],
  mediator: [P.read],
};

/** 长期 / 定期 / 随时公开. */
export const NOTICE_KINDS = ['standing', 'periodic', 'adHoc'] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];
export const NOTICE_KIND_LABELS: Record<NoticeKind, { zh: string; en: string }> = {
  standing: { zh: '长期公开', en: 'Standing' },
  periodic: { zh: '定期公开', en: 'Periodic' },
  adHoc: { zh: '随时公开', en: 'Ad hoc' },
};

/** How often a periodic notice is due again. */
export const NOTICE_SCHEDULES = ['monthly', 'quarterly', 'halfYearly', 'yearly'] as const;
export type NoticeSchedule = (typeof NOTICE_SCHEDULES)[number];
export const NOTICE_SCHEDULE_MONTHS: Record<NoticeSchedule, number> = { monthly: 1, quarterly: 3, halfYearly: 6, yearly: 12 };
export const NOTICE_SCHEDULE_LABELS: Record<NoticeSchedule, { zh: string; en: string }> = {
  monthly: { zh: '每月', en: 'Monthly' },
  quarterly: { zh: '每季度', en: 'Quarterly' },
  halfYearly: { zh: '每半年', en: 'Half-yearly' },
  yearly: { zh: '每年', en: 'Yearly' },
};

export const NOTICE_STATUSES = ['published', 'withdrawn'] as const;
export type NoticeStatus = (typeof NOTICE_STATUSES)[number];
export const NOTICE_STATUS_LABELS: Record<NoticeStatus, { zh: string; en: string }> = {
  published: { zh: '公开中', en: 'Published' },
  withdrawn: { zh: '已撤回', en: 'Withdrawn' },
};

/** What an entry of the tamper-evident history records. */
export const CHAIN_ACTIONS = ['publish', 'correct', 'withdraw'] as const;
export type ChainAction = (typeof CHAIN_ACTIONS)[number];
export const CHAIN_ACTION_LABELS: Record<ChainAction, { zh: string; en: string }> = {
  publish: { zh: '发布', en: 'Published' },
  correct: { zh: '更正', en: 'Corrected' },
  withdraw: { zh: '撤回', en: 'Withdrawn' },
};

export const NOTICE_QUESTION_STATUSES = ['open', 'answered'] as const;
export type NoticeQuestionStatus = (typeof NOTICE_QUESTION_STATUSES)[number];
export const NOTICE_QUESTION_STATUS_LABELS: Record<NoticeQuestionStatus, { zh: string; en: string }> = {
  open: { zh: '待答复', en: 'Awaiting answer' },
  answered: { zh: '已答复', en: 'Answered' },
};

/** Days before a periodic notice's next issue is due when its publisher is first reminded. */
export const REMIND_DAYS_AHEAD = 3;
