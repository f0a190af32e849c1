/**
 * The suggestion campaign 合理化建议 / 我为企业发展献一策 (suggestions), shared by server and web:
 * permission names, the role grants, the states of a suggestion and their labels.
 */
import type { Grants, Role } from './roles.js';

export const SUGGESTION_PERMISSIONS = {
  /** The union side (chair, staff): campaigns, every suggestion of the subtree, and every step after submission. */
  oversee: 'suggestions.oversee',
  /** May be named an evaluator (评审专家) and then score the suggestions one is assigned. */
  evaluate: 'suggestions.evaluate',
  /** A worker: submit a suggestion of their own and follow it. */
  submit: 'suggestions.submit',
} as const;

export const SUGGESTION_GRANTS: Grants = {
  unionChair: [SUGGESTION_PERMISSIONS.oversee, SUGGESTION_PERMISSIONS.evaluate],
  unionStaff: [SUGGESTION_PERMISSIONS.oversee, SUGGESTION_PERMISSIONS.evaluate],
  handler: [SUGGESTION_PERMISSIONS.evaluate],
  representative: [SUGGESTION_PERMISSIONS.evaluate],
  worker: [SUGGESTION_PERMISSIONS.submit],
};

/** Roles an evaluator may hold: administration experts, worker representatives, the union side. */
export const EVALUATOR_ROLES: readonly Role[] = ['handler', 'representative', 'unionStaff', 'unionChair'];

/**
 * submitted → accepted | returned (with a reason; the author may revise and resubmit) | merged (into another);
 * accepted → evaluating (≥ 2 evaluators named) → evaluated (the last assigned evaluator scored) →
 * adopted | trial | archived; adopted | trial → implementing (a decided item) → assessed (benefit recorded)
 * → verified (by a second person) → rewarded.
 */
export const SUGGESTION_STATUSES = [
  'submitted',
  'returned',
  'merged',
  'accepted',
  'evaluating',
  'evaluated',
  'adopted',
  'trial',
  'archived',
  'implementing',
  'assessed',
  'verified',
  'rewarded',
] as const;
export type SuggestionStatus = (typeof SUGGESTION_STATUSES)[number];

export const SUGGESTION_STATUS_LABELS: Record<SuggestionStatus, { zh: string; en: string }> = {
  submitted: { zh: '待初审', en: 'Submitted' },
  returned: { zh: '已退回', en: 'Returned' },
  merged: { zh: '已合并', en: 'Merged' },
  accepted: { zh: '初审通过', en: 'Accepted' },
  evaluating: { zh: '专家评审中', en: 'Under evaluation' },
  evaluated: { zh: '评审完成', en: 'Evaluated' },
  adopted: { zh: '采纳', en: 'Adopted' },
  trial: { zh: '试行', en: 'On trial' },
  archived: { zh: '存档', en: 'Archived' },
  implementing: { zh: '实施中', en: 'Being implemented' },
  assessed: { zh: '效益待核实', en: 'Benefit recorded' },
  verified: { zh: '效益已核实', en: 'Benefit verified' },
  rewarded: { zh: '已奖励', en: 'Rewarded' },
};

/** Decided to go ahead (adopted or on trial), whatever happened after. */
export const ADOPTED_STATUSES: readonly SuggestionStatus[] = ['adopted', 'trial', 'implementing', 'assessed', 'verified', 'rewarded'];
/** Every decision, archive included: the denominator of the adoption rate. */
export const DECIDED_STATUSES: readonly SuggestionStatus[] = [...ADOPTED_STATUSES, 'archived'];
/** Put into practice (a decided item exists). */
export const IMPLEMENTED_STATUSES: readonly SuggestionStatus[] = ['implementing', 'assessed', 'verified', 'rewarded'];

export const DECISIONS = ['adopt', 'trial', 'archive'] as const;
export type Decision = (typeof DECISIONS)[number];
export const DECISION_STATUS: Record<Decision, SuggestionStatus> = { adopt: 'adopted', trial: 'trial', archive: 'archived' };

export const BENEFIT_KINDS = ['savings', 'output'] as const;
export type BenefitKind = (typeof BENEFIT_KINDS)[number];
export const BENEFIT_KIND_LABELS: Record<BenefitKind, { zh: string; en: string }> = {
  savings: { zh: '节约成本', en: 'Savings' },
  output: { zh: '增加产值', en: 'Added output' },
};

/** A criterion of a campaign's evaluation: key, label and the most points it gives. */
export interface Criterion {
  key: string;
  label: string;
  max: number;
}

export const DEFAULT_CRITERIA: Criterion[] = [
  { key: 'innovation', label: '创新性', max: 30 },
  { key: 'feasibility', label: '可行性', max: 30 },
  { key: 'benefit', label: '预期效益', max: 40 },
];
