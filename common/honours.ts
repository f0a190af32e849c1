/**
 * Honours (工人先锋号) and labour competitions (劳动竞赛), shared by server and web: the module's
 * permissions and their grants, the kinds of honour, the states of a nomination and the
 * disqualifiers the union checks automatically before a nomination may be recommended.
 */
import type { Grants } from './roles.js';

export const HONOURS_PERMISSIONS = {
  /** Every honour, nomination (with its disqualifier evidence) and competition of the subtree. */
  read: 'honours.read',
  /** Nominate a team of one's subtree, and follow one's own nominations. */
  nominate: 'honours.nominate',
  /** Create honours and competitions, record safety accidents and scores, review nominations. */
  manage: 'honours.manage',
  /** Award, publish and revoke. */
  award: 'honours.award',
  /** Published awards and competition rankings of one's org and the orgs above it. */
  readPublished: 'honours.readPublished',
} as const;

const P = HONOURS_PERMISSIONS;
export const HONOURS_GRANTS: Grants = {
  unionChair: [P.read, P.nominate, P.manage, P.award, P.readPublished],
  unionStaff: [P.read, P.nominate, P.manage, P.readPublished],
  // A department (the administration side) puts its teams forward; it never sees the union's evidence.
  handler: [P.nominate, P.readPublished],
  representative: [P.readPublished],
  worker: [P.readPublished],
};

export const HONOUR_KINDS = ['pioneerTeam', 'redFlagTeam', 'competitionWinner'] as const;
export type HonourKind = (typeof HONOUR_KINDS)[number];
export const HONOUR_KIND_LABELS: Record<HonourKind, { zh: string; en: string }> = {
  pioneerTeam: { zh: '工人先锋号', en: 'Workers’ Pioneer team' },
  redFlagTeam: { zh: '红旗班组', en: 'Red-flag team' },
  competitionWinner: { zh: '劳动竞赛优胜班组', en: 'Labour competition winner' },
};

/**
 * submitted → recommended (review passed, no disqualifier) → awarded → published; a submitted
 * nomination may instead be disqualified (a disqualifier found) or rejected; an award is revoked with a reason.
 */
export const NOMINATION_STATUSES = ['submitted', 'recommended', 'disqualified', 'rejected', 'awarded', 'published', 'revoked'] as const;
export type NominationStatus = (typeof NOMINATION_STATUSES)[number];
export const NOMINATION_STATUS_LABELS: Record<NominationStatus, { zh: string; en: string }> = {
  submitted: { zh: '已推荐（待审核）', en: 'Nominated (to review)' },
  recommended: { zh: '审核通过（待评定）', en: 'Reviewed (to award)' },
  disqualified: { zh: '一票否决', en: 'Disqualified' },
  rejected: { zh: '未通过', en: 'Rejected' },
  awarded: { zh: '已评定', en: 'Awarded' },
  published: { zh: '已公布', en: 'Published' },
  revoked: { zh: '已撤销', en: 'Revoked' },
};

/** What the union checks from the platform's own records. */
export const DISQUALIFIER_REASONS = ['arrearsAppeal', 'arrearsMediation', 'noCongress', 'noCollectiveContract', 'groupIncident', 'safetyAccident'] as const;
export type DisqualifierReason = (typeof DISQUALIFIER_REASONS)[number];
export const DISQUALIFIER_LABELS: Record<DisqualifierReason, { zh: string; en: string }> = {
  arrearsAppeal: { zh: '近一年有欠薪、欠缴社保诉求', en: 'Wage or social-insurance arrears appeal in the last year' },
  arrearsMediation: { zh: '近一年有欠薪、欠缴社保调解案件', en: 'Wage or social-insurance arrears mediation case in the last year' },
  noCongress: { zh: '单位未建立职工代表大会（无在届职代会）', en: 'No workers’ congress term covers the unit' },
  noCollectiveContract: { zh: '单位未签订集体合同（无生效的集体合同）', en: 'No collective contract in force covers the unit' },
  groupIncident: { zh: '近三年发生群体性事件（已确认的群体诉求预警）', en: 'Confirmed group alert in the last 3 years' },
  safetyAccident: { zh: '近三年发生安全事故', en: 'Safety accident in the last 3 years' },
};

/** The record kinds evidence links to (the web turns each into a link to its page). */
export const EVIDENCE_KINDS = ['appeal', 'mediationCase', 'groupAlert', 'safetyAccident'] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

export const ACCIDENT_SEVERITIES = ['minor', 'serious', 'major'] as const;
export type AccidentSeverity = (typeof ACCIDENT_SEVERITIES)[number];
export const ACCIDENT_SEVERITY_LABELS: Record<AccidentSeverity, { zh: string; en: string }> = {
  minor: { zh: '一般事故', en: 'Minor' },
  serious: { zh: '较大事故', en: 'Serious' },
  major: { zh: '重大事故', en: 'Major' },
};

export const COMPETITION_STATUSES = ['running', 'closed'] as const;
export type CompetitionStatus = (typeof COMPETITION_STATUSES)[number];
export const COMPETITION_STATUS_LABELS: Record<CompetitionStatus, { zh: string; en: string }> = {
  running: { zh: '进行中', en: 'Running' },
  closed: { zh: '已结束', en: 'Closed' },
};

/**
 * An honour's criteria (评选条件), each either scored (0 to its top score, 评分项) or a requirement
 * met or not (达标项); the union's review assesses every nomination against all of them, and a
 * nomination passes only with every requirement met and a total of at least the honour's pass mark.
 */
export const CRITERION_KINDS = ['score', 'check'] as const;
export type CriterionKind = (typeof CRITERION_KINDS)[number];
export const CRITERION_KIND_LABELS: Record<CriterionKind, { zh: string; en: string }> = {
  score: { zh: '评分项', en: 'Scored' },
  check: { zh: '达标项', en: 'Requirement' },
};
export interface HonourCriterion {
  key: string;
  label: string;
  kind: CriterionKind;
  /** Top score of a scored criterion; absent for a requirement. */
  max?: number;
}
export interface Assessment {
  scores: Record<string, number>;
  checks: Record<string, boolean>;
}
/** The total of an assessment and whether it passes the honour's criteria (every requirement met, total ≥ pass mark). */
export function assessmentResult(criteria: HonourCriterion[], passScore: number | null, a: Assessment): { total: number; passed: boolean; unmet: string[] } {
  const total = criteria.filter((c) => c.kind === 'score').reduce((s, c) => s + (a.scores[c.key] ?? 0), 0);
  const unmet = criteria.filter((c) => c.kind === 'check' && a.checks[c.key] !== true).map((c) => c.label);
  return { total, passed: unmet.length === 0 && total >= (passScore ?? 0), unmet };
}
