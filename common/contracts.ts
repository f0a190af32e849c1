/**
 * Collective contracts (集体合同) and wage agreements, shared by server and web: permissions,
 * grants, kinds, the lifecycle's states, clause categories and checkpoint findings.
 */
import type { Grants } from './roles.js';

export const CONTRACTS_PERMISSIONS = {
  /** Every contract of the subtree, with its negotiation, drafts and monitoring. */
  read: 'contracts.read',
  /** Send or answer a bargaining request, negotiate, draft, submit, file, monitor clauses. */
  manage: 'contracts.manage',
  /** Sign as the union's chief negotiator. */
  sign: 'contracts.sign',
  /** Published contracts of one's org or an org above it. */
  readPublished: 'contracts.readPublished',
} as const;

const P = CONTRACTS_PERMISSIONS;
export const CONTRACTS_GRANTS: Grants = {
  unionChair: [P.read, P.manage, P.sign, P.readPublished],
  unionStaff: [P.read, P.manage, P.readPublished],
  handler: [P.readPublished],
  representative: [P.readPublished],
  worker: [P.readPublished],
};

export const CONTRACT_KINDS = ['collective', 'wage', 'special'] as const;
export type ContractKind = (typeof CONTRACT_KINDS)[number];
export const CONTRACT_KIND_LABELS: Record<ContractKind, { zh: string; en: string }> = {
  collective: { zh: '集体合同', en: 'Collective contract' },
  wage: { zh: '工资专项集体合同', en: 'Wage agreement' },
  special: { zh: '专项集体合同', en: 'Special collective contract' },
};

/**
 * 要约 → 准备 → 协商 → 草案 → 职代会审议 → 通过 → 签字 → 报送 → 生效 → 公布（履行中）.
 * A failed vote or an objection of the labour administration sends the draft back.
 */
export const CONTRACT_STATUSES = [
  'requested',
  'preparing',
  'negotiating',
  'drafted',
  'underReview',
  'approved',
  'signed',
  'filed',
  'effective',
  'published',
  'withdrawn',
] as const;
export type ContractStatus = (typeof CONTRACT_STATUSES)[number];
export const CONTRACT_STATUS_LABELS: Record<ContractStatus, { zh: string; en: string }> = {
  requested: { zh: '已提出协商要约', en: 'Bargaining requested' },
  preparing: { zh: '协商准备', en: 'Preparing' },
  negotiating: { zh: '协商中', en: 'Negotiating' },
  drafted: { zh: '草案', en: 'Draft' },
  underReview: { zh: '职代会审议中', en: 'Under congress review' },
  approved: { zh: '审议通过', en: 'Approved' },
  signed: { zh: '已签字', en: 'Signed' },
  filed: { zh: '已报送劳动行政部门', en: 'Filed' },
  effective: { zh: '已生效', en: 'Effective' },
  published: { zh: '已公布', en: 'Published' },
  withdrawn: { zh: '已撤回', en: 'Withdrawn' },
};

export const CONTRACT_SIDES = ['union', 'employer'] as const;
export type ContractSide = (typeof CONTRACT_SIDES)[number];

/** What a side brings to the table in preparation (协商准备): information it supplies, or workers' demands the union gathered without a survey. */
export const PREP_ITEM_KINDS = ['information', 'demands'] as const;
export type PrepItemKind = (typeof PREP_ITEM_KINDS)[number];
export const PREP_ITEM_KIND_LABELS: Record<PrepItemKind, { zh: string; en: string }> = {
  information: { zh: '协商资料', en: 'Information supplied' },
  demands: { zh: '职工诉求汇总', en: "Workers' demands" },
};
/** Preparation is recorded until the draft goes to review. */
export const PREPARING_STATUSES = ['preparing', 'negotiating', 'drafted'] as const;

export const CLAUSE_CATEGORIES = ['wages', 'hours', 'rest', 'safety', 'insurance', 'training', 'womenProtection', 'dispatch', 'term', 'other'] as const;
export type ClauseCategory = (typeof CLAUSE_CATEGORIES)[number];
export const CLAUSE_CATEGORY_LABELS: Record<ClauseCategory, { zh: string; en: string }> = {
  wages: { zh: '劳动报酬', en: 'Wages' },
  hours: { zh: '工作时间', en: 'Working hours' },
  rest: { zh: '休息休假', en: 'Rest and leave' },
  safety: { zh: '劳动安全卫生', en: 'Safety and health' },
  insurance: { zh: '保险福利', en: 'Insurance and benefits' },
  training: { zh: '职业技能培训', en: 'Training' },
  womenProtection: { zh: '女职工特殊保护', en: 'Women workers' },
  dispatch: { zh: '劳务派遣工', en: 'Dispatch workers' },
  term: { zh: '期限与续订', en: 'Term and renewal' },
  other: { zh: '其他', en: 'Other' },
};

/** A checkpoint's finding; 'notDue' until someone has checked it. */
export const CHECKPOINT_STATUSES = ['notDue', 'honoured', 'partly', 'notHonoured'] as const;
export type CheckpointStatus = (typeof CHECKPOINT_STATUSES)[number];
export const CHECKPOINT_STATUS_LABELS: Record<CheckpointStatus, { zh: string; en: string }> = {
  notDue: { zh: '未到期', en: 'Not yet due' },
  honoured: { zh: '已履行', en: 'Honoured' },
  partly: { zh: '部分履行', en: 'Partly honoured' },
  notHonoured: { zh: '未履行', en: 'Not honoured' },
};

/** How a draft is approved: a congress vote, or a vote of all workers where there is no congress. */
export const REVIEW_MODES = ['congress', 'allWorkers'] as const;
export type ReviewMode = (typeof REVIEW_MODES)[number];

/** Decided items made from promise clauses carry this source kind; so do citations' links. */
export const CLAUSE_SOURCE_KIND = 'contracts.clause';
/** A congress vote on a draft names the contract with this subject kind. */
export const CONTRACT_SUBJECT_KIND = 'contracts.contract';
/** Citations of one clause within this many days flag it at risk. */
export const AT_RISK_CITATIONS = 3;
export const AT_RISK_WINDOW_DAYS = 90;
/** Renewal reminders start this many days before expiry. */
export const RENEWAL_WINDOW_DAYS = 60;

/** Job families of the wage data (岗位序列): the front line against management is the ratio bargained over. */
export const WAGE_JOB_FAMILIES = ['frontLine', 'technical', 'management', 'support'] as const;
export type WageJobFamily = (typeof WAGE_JOB_FAMILIES)[number];
export const WAGE_JOB_FAMILY_LABELS: Record<WageJobFamily, { zh: string; en: string }> = {
  frontLine: { zh: '一线生产', en: 'Front line' },
  technical: { zh: '专业技术', en: 'Technical' },
  management: { zh: '经营管理', en: 'Management' },
  support: { zh: '辅助服务', en: 'Support' },
};
/** The wage sheet's headers, in the template's order (amounts in 元, two decimals at most). */
export const WAGE_COLUMNS = {
  year: '年度',
  category: '用工类别',
  jobFamily: '岗位序列',
  headcount: '人数',
  total: '工资总额（元）',
  lowestMonthly: '最低月工资（元）',
  localMinimum: '当地最低工资标准（元/月）',
} as const;
export type WageField = keyof typeof WAGE_COLUMNS;
