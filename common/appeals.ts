/**
 * 职工诉求 Appeals: names shared by server and web — permissions, enums with their
 * Chinese and English labels, and the state machine the service enforces.
 */
import type { Grants } from './roles.js';

export const APPEAL_PERMISSIONS = {
  /** Raise appeals and see, rate and reopen one's own. */
  submit: 'appeals.submit',
  /** Union staff work in their org subtree: accept, assign, merge, supervise, close, group alerts. */
  manage: 'appeals.manage',
  /** Department handlers: appeals assigned to a department in their subtree. */
  handle: 'appeals.handle',
  /** See who wrote an anonymous appeal; every use is audited. */
  reveal: 'appeals.reveal',
  /** Deadline rules, reopen limit and group-alert thresholds. */
  configure: 'appeals.configure',
} as const;

export const APPEAL_GRANTS: Grants = {
  unionChair: [APPEAL_PERMISSIONS.manage, APPEAL_PERMISSIONS.reveal, APPEAL_PERMISSIONS.configure],
  unionStaff: [APPEAL_PERMISSIONS.manage, APPEAL_PERMISSIONS.reveal, APPEAL_PERMISSIONS.configure],
  handler: [APPEAL_PERMISSIONS.handle],
  representative: [APPEAL_PERMISSIONS.submit],
  worker: [APPEAL_PERMISSIONS.submit],
};

export const APPEAL_CATEGORIES = ['wages', 'benefits', 'housing', 'medical', 'childrenEmployment', 'antiCorruption', 'fairness', 'other'] as const;
export type AppealCategory = (typeof APPEAL_CATEGORIES)[number];
export const APPEAL_CATEGORY_LABELS: Record<AppealCategory, { zh: string; en: string }> = {
  wages: { zh: '工资', en: 'Wages' },
  benefits: { zh: '福利', en: 'Benefits' },
  housing: { zh: '住房', en: 'Housing' },
  medical: { zh: '医疗', en: 'Medical care' },
  childrenEmployment: { zh: '子女就业', en: "Children's employment" },
  antiCorruption: { zh: '反腐倡廉', en: 'Anti-corruption' },
  fairness: { zh: '公平公正', en: 'Fairness' },
  other: { zh: '其他', en: 'Other' },
};

/** A consultation asks what a rule is; a request asks for something to be done. They have different deadlines. */
export const APPEAL_NATURES = ['consultation', 'request'] as const;
export type AppealNature = (typeof APPEAL_NATURES)[number];
export const APPEAL_NATURE_LABELS: Record<AppealNature, { zh: string; en: string }> = {
  consultation: { zh: '咨询类', en: 'Consultation' },
  request: { zh: '诉求类', en: 'Request' },
};

export const APPEAL_URGENCIES = ['general', 'urgent', 'special'] as const;
export type AppealUrgency = (typeof APPEAL_URGENCIES)[number];
export const APPEAL_URGENCY_LABELS: Record<AppealUrgency, { zh: string; en: string }> = {
  general: { zh: '一般', en: 'General' },
  urgent: { zh: '紧急', en: 'Urgent' },
  special: { zh: '特殊（复杂）', en: 'Special (complex)' },
};

export const APPEAL_STATUSES = ['submitted', 'accepted', 'assigned', 'handling', 'answered', 'closed', 'declined', 'merged'] as const;
export type AppealStatus = (typeof APPEAL_STATUSES)[number];
export const APPEAL_STATUS_LABELS: Record<AppealStatus, { zh: string; en: string }> = {
  submitted: { zh: '待受理', en: 'Awaiting acceptance' },
  accepted: { zh: '已受理', en: 'Accepted' },
  assigned: { zh: '已交办', en: 'Assigned' },
  handling: { zh: '办理中', en: 'In progress' },
  answered: { zh: '已答复', en: 'Answered' },
  closed: { zh: '已结案', en: 'Closed' },
  declined: { zh: '不予受理', en: 'Declined' },
  merged: { zh: '已合并', en: 'Merged' },
};
/** States in which the appeal still waits for the union or a department; they carry a deadline. */
export const OPEN_STATUSES: readonly AppealStatus[] = ['submitted', 'accepted', 'assigned', 'handling'];

/** Org kinds that make an appeal's unit (the nearest one above its author): group alerts, the dashboard cells and department names cut by it. */
export const UNIT_KINDS: readonly string[] = ['mine', 'branchUnion'];

export const APPEAL_RATINGS = ['satisfied', 'basicallySatisfied', 'unsatisfied'] as const;
export type AppealRating = (typeof APPEAL_RATINGS)[number];
export const APPEAL_RATING_LABELS: Record<AppealRating, { zh: string; en: string }> = {
  satisfied: { zh: '满意', en: 'Satisfied' },
  basicallySatisfied: { zh: '基本满意', en: 'Basically satisfied' },
  unsatisfied: { zh: '不满意', en: 'Unsatisfied' },
};

export const DECLINE_REASONS = ['outOfScope', 'duplicate', 'insufficient', 'other'] as const;
export type DeclineReason = (typeof DECLINE_REASONS)[number];
export const DECLINE_REASON_LABELS: Record<DeclineReason, { zh: string; en: string }> = {
  outOfScope: { zh: '不属于工会受理范围', en: 'Outside the union’s remit' },
  duplicate: { zh: '重复提交', en: 'Duplicate' },
  insufficient: { zh: '内容不清，无法办理', en: 'Too unclear to handle' },
  other: { zh: '其他', en: 'Other' },
};

/** 红黄灯: green > 1 working day left, yellow ≤ 1 working day left, red past the deadline. */
export const LIGHTS = ['green', 'yellow', 'red'] as const;
export type Light = (typeof LIGHTS)[number];
export const LIGHT_LABELS: Record<Light, { zh: string; en: string }> = {
  green: { zh: '绿灯', en: 'On track' },
  yellow: { zh: '黄灯', en: 'Due soon' },
  red: { zh: '红灯', en: 'Overdue' },
};

/** Intake channel: online by the worker, or registered by union staff (来访/来电/来信). */
export const APPEAL_CHANNELS = ['online', 'visit', 'phone', 'letter'] as const;
export type AppealChannel = (typeof APPEAL_CHANNELS)[number];
export const APPEAL_CHANNEL_LABELS: Record<AppealChannel, { zh: string; en: string }> = {
  online: { zh: '网上提交', en: 'Online' },
  visit: { zh: '来访登记', en: 'Walk-in' },
  phone: { zh: '来电登记', en: 'Phone' },
  letter: { zh: '来信登记', en: 'Letter' },
};

export const GROUP_ALERT_STATUSES = ['open', 'confirmed', 'answered', 'dismissed'] as const;
export type GroupAlertStatus = (typeof GROUP_ALERT_STATUSES)[number];
export const GROUP_ALERT_STATUS_LABELS: Record<GroupAlertStatus, { zh: string; en: string }> = {
  open: { zh: '待研判', en: 'To review' },
  confirmed: { zh: '已确认（合并办理）', en: 'Confirmed (one case)' },
  answered: { zh: '已统一答复', en: 'Answered as one' },
  dismissed: { zh: '已排除', en: 'Dismissed' },
};

export const EXTENSION_STATUSES = ['pending', 'approved', 'rejected'] as const;
export type ExtensionStatus = (typeof EXTENSION_STATUSES)[number];

/** Timeline entries. `internal` ones (supervision, extensions, overdue) are not shown to the worker. */
export const APPEAL_EVENT_KINDS = [
  'submitted',
  'accepted',
  'declined',
  'urgencySet',
  'assigned',
  'progress',
  'extensionRequested',
  'extensionApproved',
  'extensionRejected',
  'answered',
  'rated',
  'reopened',
  'closed',
  'merged',
  'duplicateMerged',
  'supervised',
  'overdue',
  'groupConfirmed',
  'meeting',
  'mediation',
] as const;
export type AppealEventKind = (typeof APPEAL_EVENT_KINDS)[number];
export const APPEAL_EVENT_LABELS: Record<AppealEventKind, { zh: string; en: string }> = {
  submitted: { zh: '提交诉求', en: 'Submitted' },
  accepted: { zh: '受理', en: 'Accepted' },
  declined: { zh: '不予受理', en: 'Declined' },
  urgencySet: { zh: '设定紧急程度', en: 'Urgency set' },
  assigned: { zh: '交办', en: 'Assigned' },
  progress: { zh: '办理进展', en: 'Progress' },
  extensionRequested: { zh: '申请延期', en: 'Extension requested' },
  extensionApproved: { zh: '同意延期', en: 'Extension approved' },
  extensionRejected: { zh: '不同意延期', en: 'Extension rejected' },
  answered: { zh: '答复', en: 'Answered' },
  rated: { zh: '评价', en: 'Rated' },
  reopened: { zh: '重新办理', en: 'Reopened' },
  closed: { zh: '结案', en: 'Closed' },
  merged: { zh: '合并至主件', en: 'Merged into another appeal' },
  duplicateMerged: { zh: '合并重复诉求', en: 'Duplicate merged in' },
  supervised: { zh: '督办', en: 'Supervised' },
  overdue: { zh: '超期', en: 'Overdue' },
  groupConfirmed: { zh: '纳入群体诉求统一办理', en: 'Handled as a group case' },
  meeting: { zh: '提交会议研究', en: 'Taken to a meeting' },
  mediation: { zh: '转劳动争议调解', en: 'Referred to mediation' },
};

/** Every action on an appeal and the states it may start from; anything else answers 409. */
export const APPEAL_TRANSITIONS = {
  accept: ['submitted'],
  decline: ['submitted'],
  setUrgency: ['submitted', 'accepted', 'assigned', 'handling'],
  assign: ['accepted', 'assigned', 'handling'],
  note: ['assigned', 'handling'],
  answer: ['accepted', 'assigned', 'handling'],
  requestExtension: ['assigned', 'handling'],
  decideExtension: ['assigned', 'handling'],
  rate: ['answered'],
  close: ['answered'],
  merge: ['submitted', 'accepted', 'assigned', 'handling'],
  supervise: ['submitted', 'accepted', 'assigned', 'handling'],
  reveal: APPEAL_STATUSES,
} as const satisfies Record<string, readonly AppealStatus[]>;
export type AppealAction = keyof typeof APPEAL_TRANSITIONS | 'read';

/** Defaults (working days) when no org has configured its own table. */
export const DEFAULT_DEADLINES: Record<AppealUrgency, { acceptDays: number; consultationDays: number; requestDays: number }> = {
  general: { acceptDays: 1, consultationDays: 2, requestDays: 5 },
  urgent: { acceptDays: 1, consultationDays: 1, requestDays: 3 },
  special: { acceptDays: 1, consultationDays: 5, requestDays: 10 },
};

export const DEFAULT_APPEAL_SETTINGS = {
  reopenLimit: 1,
  groupMinWorkers: 5,
  groupWindowDays: 30,
  /** Similarity score (0–1) at or above which two appeals count as the same issue. */
  groupThreshold: 0.4,
} as const;

export const ATTACHMENT_LIMITS = { maxBytes: 5 * 1024 * 1024, maxPerAppeal: 5 } as const;
