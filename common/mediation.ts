/**
 * Labour-dispute mediation (mediation), shared by server and web: the module's permission
 * names, the role grants its declaration hands the composition root, the states of a
 * mediationCase, the kinds of claim and the traffic lights of its clocks.
 */
import type { Grants } from './roles.js';

export const MEDIATION_PERMISSIONS = {
  /** The committee's union side (chair, staff): every case of the subtree, and every step of it. */
  oversee: 'mediation.oversee',
  /** A mediator: accept the subtree's new cases, then conduct the ones they are named on. */
  mediate: 'mediation.mediate',
  /** A worker: apply for mediation of their own dispute and follow it. */
  apply: 'mediation.apply',
  /** The committee's desk in the web app (its menu entry and home card): everyone who serves on it. */
  desk: 'mediation.desk',
} as const;

export const MEDIATION_GRANTS: Grants = {
  unionChair: [MEDIATION_PERMISSIONS.oversee, MEDIATION_PERMISSIONS.desk],
  unionStaff: [MEDIATION_PERMISSIONS.oversee, MEDIATION_PERMISSIONS.desk],
  mediator: [MEDIATION_PERMISSIONS.mediate, MEDIATION_PERMISSIONS.desk],
  worker: [MEDIATION_PERMISSIONS.apply],
};

/**
 * applied → accepted | rejected (不予受理); accepted → agreed | failed (调解不成, referred to
 * arbitration) | withdrawn; applied → withdrawn; agreed → performed (履行完毕).
 */
export const CASE_STATUSES = ['applied', 'accepted', 'rejected', 'agreed', 'failed', 'withdrawn', 'performed'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const CASE_STATUS_LABELS: Record<CaseStatus, { zh: string; en: string }> = {
  applied: { zh: '待受理', en: 'Applied' },
  accepted: { zh: '调解中', en: 'In mediation' },
  rejected: { zh: '不予受理', en: 'Not accepted' },
  agreed: { zh: '已达成协议', en: 'Agreement reached' },
  failed: { zh: '调解不成（转仲裁）', en: 'Failed (referred to arbitration)' },
  withdrawn: { zh: '已撤回', en: 'Withdrawn' },
  performed: { zh: '协议已履行', en: 'Agreement performed' },
};

/** Statuses with an outcome: the case left mediation on its closed date. */
export const CLOSED_STATUSES: readonly CaseStatus[] = ['rejected', 'agreed', 'failed', 'withdrawn', 'performed'];
/** Statuses in which an agreement exists. */
export const AGREED_STATUSES: readonly CaseStatus[] = ['agreed', 'performed'];

export const CLAIM_TYPES = ['wagesOwed', 'overtime', 'socialInsurance', 'workInjury', 'dismissal', 'contract', 'other'] as const;
export type ClaimType = (typeof CLAIM_TYPES)[number];

export const CLAIM_TYPE_LABELS: Record<ClaimType, { zh: string; en: string }> = {
  wagesOwed: { zh: '拖欠工资', en: 'Wages owed' },
  overtime: { zh: '加班费', en: 'Overtime pay' },
  socialInsurance: { zh: '社会保险', en: 'Social insurance' },
  workInjury: { zh: '工伤待遇', en: 'Work injury' },
  dismissal: { zh: '解除劳动关系', en: 'Dismissal' },
  contract: { zh: '劳动合同', en: 'Labour contract' },
  other: { zh: '其他', en: 'Other' },
};

/**
 * Claims whose agreement the court may enforce by a payment order when it is not performed
 * (调解仲裁法 §16: 拖欠劳动报酬、工伤医疗费、经济补偿或者赔偿金).
 */
export const PAYMENT_ORDER_CLAIMS: readonly ClaimType[] = ['wagesOwed', 'overtime', 'workInjury'];

export const APPLICANT_KINDS = ['worker', 'group'] as const;
export type ApplicantKind = (typeof APPLICANT_KINDS)[number];

export const CASE_LIGHTS = ['green', 'yellow', 'red', 'none'] as const;
export type CaseLight = (typeof CASE_LIGHTS)[number];

export const CASE_LIGHT_LABELS: Record<CaseLight, { zh: string; en: string }> = {
  green: { zh: '正常', en: 'On time' },
  yellow: { zh: '临期', en: 'Due soon' },
  red: { zh: '已超期', en: 'Overdue' },
  none: { zh: '—', en: '—' },
};

/** The rules' clocks (调解仲裁法 §14; 企业劳动争议协商调解规定): acceptance in working days, mediation in calendar days. */
export const ACCEPT_WORKING_DAYS = 3;
export const MEDIATION_DAYS = 15;
export const MAX_EXTENSION_DAYS = 15;
