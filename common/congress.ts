/**
 * The workers' congress (congress, 职工代表大会), shared by server and web: permission names,
 * the role grants the module's declaration hands the composition root, representative
 * categories, the roster's proportion rules and the states of a session.
 */
import type { Grants } from './roles.js';

export const CONGRESS_PERMISSIONS = {
  /** The congress office: terms, roster, sessions, attendance (union chair and staff). */
  manage: 'congress.manage',
  /** Take part as a representative: sign in at a session; what a representative may do is then checked against the roster. */
  participate: 'congress.participate',
} as const;

export const CONGRESS_GRANTS: Grants = {
  unionChair: [CONGRESS_PERMISSIONS.manage],
  unionStaff: [CONGRESS_PERMISSIONS.manage],
  representative: [CONGRESS_PERMISSIONS.participate],
};

/** 代表类别: what the proportion rules count. */
export const REPRESENTATIVE_CATEGORIES = ['leader', 'frontLine', 'technical', 'other'] as const;
export type RepresentativeCategory = (typeof REPRESENTATIVE_CATEGORIES)[number];
export const REPRESENTATIVE_CATEGORY_LABELS: Record<RepresentativeCategory, { zh: string; en: string }> = {
  leader: { zh: '领导人员', en: 'Leader / manager' },
  frontLine: { zh: '一线职工', en: 'Front-line worker' },
  technical: { zh: '专业技术人员', en: 'Technical staff' },
  other: { zh: '其他职工', en: 'Other worker' },
};

/**
 * Proportions of the roster, in percent of all representatives of the term. 企业民主管理规定
 * caps leaders at 20 %; many provinces require front-line workers to be at least half; women
 * and dispatched workers "in appropriate proportion", which each congress fixes as a minimum.
 * null switches a rule off.
 */
export interface ProportionRules {
  leadersMax: number | null;
  frontLineMin: number | null;
  womenMin: number | null;
  dispatchedMin: number | null;
}
export const DEFAULT_PROPORTION_RULES: ProportionRules = { leadersMax: 20, frontLineMin: 50, womenMin: 20, dispatchedMin: 5 };
export const PROPORTION_RULE_KEYS = ['leadersMax', 'frontLineMin', 'womenMin', 'dispatchedMin'] as const;
export type ProportionRuleKey = (typeof PROPORTION_RULE_KEYS)[number];
export const PROPORTION_RULE_LABELS: Record<ProportionRuleKey, { zh: string; en: string }> = {
  leadersMax: { zh: '领导人员不超过', en: 'Leaders at most' },
  frontLineMin: { zh: '一线职工不少于', en: 'Front-line workers at least' },
  womenMin: { zh: '女职工不少于', en: 'Women at least' },
  dispatchedMin: { zh: '劳务派遣职工不少于', en: 'Dispatched workers at least' },
};

/** A session (次) is planned, sits once two thirds of all representatives are present, and closes. */
export const CONGRESS_SESSION_STATUSES = ['planned', 'sitting', 'closed'] as const;
export type CongressSessionStatus = (typeof CONGRESS_SESSION_STATUSES)[number];
export const CONGRESS_SESSION_STATUS_LABELS: Record<CongressSessionStatus, { zh: string; en: string }> = {
  planned: { zh: '筹备中', en: 'Planned' },
  sitting: { zh: '开会中', en: 'Sitting' },
  closed: { zh: '已闭会', en: 'Closed' },
};

/** 应到 2/3 出席方可开会: present × 3 ≥ all × 2. */
export function quorate(present: number, all: number): boolean {
  return all > 0 && present * 3 >= all * 2;
}
