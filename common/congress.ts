/**
 * The workers' congress (congress, 职工代表大会), shared by server and web: permission names,
 * the role grants the module's declaration hands the composition root, representative
 * categories, the roster's proportion rules and the states of a session.
 */
import type { Grants } from './roles.js';

export const CONGRESS_PERMISSIONS = {
  /** The congress office: terms, roster, sessions, attendance (union chair and staff). */
  manage: 'congress.manage',
  /** Take part as a representative: sign in, raise, second, rate; what a representative may do is then checked against the roster. */
  participate: 'congress.participate',
  /** Answer the proposals assigned to one's department (承办部门). */
  answer: 'congress.answer',
} as const;

export const CONGRESS_GRANTS: Grants = {
  unionChair: [CONGRESS_PERMISSIONS.manage],
  unionStaff: [CONGRESS_PERMISSIONS.manage],
  representative: [CONGRESS_PERMISSIONS.participate],
  handler: [CONGRESS_PERMISSIONS.answer],
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

/**
 * A proposal (提案) is collected with seconds (附议), screened by the review committee into
 * adopted (立案), an opinion (转意见建议), merged into another, or not accepted; an adopted one
 * is assigned to a department, answered, rated by its proposer (one reopen) and closed.
 */
export const PROPOSAL_STATUSES = ['collecting', 'adopted', 'opinion', 'merged', 'rejected', 'assigned', 'answered', 'closed'] as const;
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];
export const PROPOSAL_STATUS_LABELS: Record<ProposalStatus, { zh: string; en: string }> = {
  collecting: { zh: '征集附议中', en: 'Collecting seconds' },
  adopted: { zh: '已立案', en: 'Adopted' },
  opinion: { zh: '转意见建议', en: 'Converted to an opinion' },
  merged: { zh: '已并案', en: 'Merged' },
  rejected: { zh: '不予立案', en: 'Not accepted' },
  assigned: { zh: '办理中', en: 'Being handled' },
  answered: { zh: '已答复', en: 'Answered' },
  closed: { zh: '已办结', en: 'Closed' },
};
export const SCREEN_OUTCOMES = ['adopt', 'opinion', 'merge', 'reject'] as const;
export type ScreenOutcome = (typeof SCREEN_OUTCOMES)[number];
/** The statuses a screening outcome leads to. */
export const SCREENED_STATUS: Record<ScreenOutcome, ProposalStatus> = { adopt: 'adopted', opinion: 'opinion', merge: 'merged', reject: 'rejected' };
/** Statuses of an adopted (立案) proposal, from adoption to closure. */
export const ADOPTED_STATUSES: readonly ProposalStatus[] = ['adopted', 'assigned', 'answered', 'closed'];

export const PROPOSAL_RATINGS = ['satisfied', 'basic', 'unsatisfied'] as const;
export type ProposalRating = (typeof PROPOSAL_RATINGS)[number];
export const PROPOSAL_RATING_LABELS: Record<ProposalRating, { zh: string; en: string }> = {
  satisfied: { zh: '满意', en: 'Satisfied' },
  basic: { zh: '基本满意', en: 'Mostly satisfied' },
  unsatisfied: { zh: '不满意', en: 'Unsatisfied' },
};
export const PROPOSAL_GRADES = ['A', 'B', 'C'] as const;
export type ProposalGrade = (typeof PROPOSAL_GRADES)[number];
export const PROPOSAL_GRADE_LABELS: Record<ProposalGrade, { zh: string; en: string }> = {
  A: { zh: 'A 已解决', en: 'A — solved' },
  B: { zh: 'B 列入计划逐步解决', en: 'B — planned, being solved' },
  C: { zh: 'C 留作参考', en: 'C — kept for reference' },
};
/** Seconds a proposal needs before it can be adopted: at least two other representatives. */
export const SECONDS_NEEDED = 2;
/** Working days a department has to answer, unless the office sets another deadline. */
export const ANSWER_DAYS = 15;

/**
 * The sets of proposals the indicators count, each a list filter (`set`) so every figure can be
 * drilled down to exactly its records. Periods count proposals of sessions held in them.
 */
/** Sets of proposals a figure counts; `opinion`, `merged` and `rejected` are the screening's other outcomes beside `adopted`. */
export const PROPOSAL_SETS = [
  'screened',
  'adopted',
  'opinion',
  'merged',
  'rejected',
  'answered',
  'answeredOnTime',
  'rated',
  'satisfied',
  'graded',
  'gradeA',
  'gradeB',
  'gradeC',
] as const;
/** The cuts of the proposal figures: by session, lead department, and the proposer's delegation (代表团) or category. */
export const PROPOSAL_CUTS = ['session', 'department', 'delegation', 'category'] as const;
export type ProposalCut = (typeof PROPOSAL_CUTS)[number];
export type ProposalSet = (typeof PROPOSAL_SETS)[number];

/**
 * Votes (表决) on the items a session decides. A vote is put on the agenda (planned), opened and
 * closed while the session sits, and passes with more than half of ALL representatives of the
 * term — not of those present. A secret ballot (无记名) keeps who voted apart from what was chosen.
 */
export const VOTE_KINDS = ['resolution', 'contract', 'wage', 'appraisal', 'other'] as const;
export type VoteKind = (typeof VOTE_KINDS)[number];
export const VOTE_KIND_LABELS: Record<VoteKind, { zh: string; en: string }> = {
  resolution: { zh: '决议', en: 'Resolution' },
  contract: { zh: '集体合同草案', en: 'Collective contract draft' },
  wage: { zh: '工资专项协议', en: 'Wage agreement' },
  appraisal: { zh: '民主评议', en: 'Democratic appraisal' },
  other: { zh: '其他事项', en: 'Other matter' },
};
export const VOTE_STATUSES = ['planned', 'open', 'closed'] as const;
export type VoteStatus = (typeof VOTE_STATUSES)[number];
export const VOTE_STATUS_LABELS: Record<VoteStatus, { zh: string; en: string }> = {
  planned: { zh: '待表决', en: 'On the agenda' },
  open: { zh: '表决中', en: 'Voting' },
  closed: { zh: '已结束', en: 'Closed' },
};
export const VOTE_CHOICES = ['for', 'against', 'abstain'] as const;
export type VoteChoice = (typeof VOTE_CHOICES)[number];
export const VOTE_CHOICE_LABELS: Record<VoteChoice, { zh: string; en: string }> = {
  for: { zh: '赞成', en: 'For' },
  against: { zh: '反对', en: 'Against' },
  abstain: { zh: '弃权', en: 'Abstain' },
};

/** 过半数: more than half of all representatives of the term voted for. */
export function votePasses(forVotes: number, representatives: number): boolean {
  return representatives > 0 && forVotes * 2 > representatives;
}
/** Working days a passed resolution's decided item has to be carried out, unless its owner changes it. */
export const RESOLUTION_DAYS = 30;
