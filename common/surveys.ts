/**
 * Surveys and screening (surveys), shared by server and web: the module's permission names and
 * role grants, the question kinds, the cuts results may be read by, the small-cell rule, and the
 * states of a survey and of a screeningItem.
 */
import type { Grants } from './roles.js';

export const SURVEY_PERMISSIONS = {
  /** The union office (chair, staff): build, open and close surveys of the subtree, read their results, keep the screening list. */
  manage: 'surveys.manage',
  /** A worker: answer the surveys they are a recipient of. */
  answer: 'surveys.answer',
} as const;

export const SURVEY_GRANTS: Grants = {
  unionChair: [SURVEY_PERMISSIONS.manage],
  unionStaff: [SURVEY_PERMISSIONS.manage],
  worker: [SURVEY_PERMISSIONS.answer],
};

/** draft → open (recipients frozen) → closed. */
export const SURVEY_STATUSES = ['draft', 'open', 'closed'] as const;
export type SurveyStatus = (typeof SURVEY_STATUSES)[number];
export const SURVEY_STATUS_LABELS: Record<SurveyStatus, { zh: string; en: string }> = {
  draft: { zh: '草稿', en: 'Draft' },
  open: { zh: '进行中', en: 'Open' },
  closed: { zh: '已结束', en: 'Closed' },
};

export const QUESTION_KINDS = ['single', 'multiple', 'scale', 'number', 'text', 'top3'] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];
export const QUESTION_KIND_LABELS: Record<QuestionKind, { zh: string; en: string }> = {
  single: { zh: '单选', en: 'Single choice' },
  multiple: { zh: '多选', en: 'Multiple choice' },
  scale: { zh: '量表', en: 'Scale' },
  number: { zh: '数字', en: 'Number' },
  text: { zh: '文字', en: 'Free text' },
  top3: { zh: '最关心的三件事', en: 'Top 3 concerns' },
};
/** Kinds whose answer picks among `options`. */
export const CHOICE_KINDS: readonly QuestionKind[] = ['single', 'multiple', 'top3'];

/** The target attributes a result may be cut by (each frozen with the recipient when the survey opens). */
export const SURVEY_CUTS = ['unit', 'org', 'category', 'gender', 'unionMember'] as const;
export type SurveyCut = (typeof SURVEY_CUTS)[number];
export const SURVEY_CUT_LABELS: Record<SurveyCut, { zh: string; en: string }> = {
  unit: { zh: '单位', en: 'Unit' },
  org: { zh: '班组/部门', en: 'Team or department' },
  category: { zh: '用工身份', en: 'Employment category' },
  gender: { zh: '性别', en: 'Gender' },
  unionMember: { zh: '是否会员', en: 'Union member' },
};

/**
 * The smallest group an anonymous survey's result may describe — the rule anonymous appeals
 * follow (docs/architecture.md, 匿名规则: cells under 5 are suppressed, and so are their complements).
 */
export const MIN_CELL = 5;

/**
 * Which cells of one cut to hide: every cell under MIN_CELL, and — when exactly one is hidden
 * and the total is shown — the next smallest as well, so no hidden cell is the total minus the shown ones.
 */
export function suppressedCells(sizes: ReadonlyMap<string, number>, min = MIN_CELL): Set<string> {
  const hidden = new Set([...sizes].filter(([, n]) => n > 0 && n < min).map(([k]) => k));
  if (hidden.size === 1) {
    const next = [...sizes].filter(([k, n]) => !hidden.has(k) && n > 0).sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0]))[0];
    if (next) hidden.add(next[0]);
  }
  return hidden;
}

export const SCREENING_SOURCES = ['surveyAnswer', 'appealCluster', 'meeting', 'visit'] as const;
export type ScreeningSource = (typeof SCREENING_SOURCES)[number];
export const SCREENING_SOURCE_LABELS: Record<ScreeningSource, { zh: string; en: string }> = {
  surveyAnswer: { zh: '问卷调研', en: 'Survey answer' },
  appealCluster: { zh: '诉求聚集', en: 'Appeal cluster' },
  meeting: { zh: '会议', en: 'Meeting' },
  visit: { zh: '走访', en: 'Visit' },
};

export const SEVERITIES = ['low', 'medium', 'high'] as const;
export type Severity = (typeof SEVERITIES)[number];
export const SEVERITY_LABELS: Record<Severity, { zh: string; en: string }> = {
  low: { zh: '一般', en: 'Low' },
  medium: { zh: '较重', en: 'Medium' },
  high: { zh: '严重', en: 'High' },
};

/** open → inProgress → resolved; open/inProgress → dropped (reason) or decided (became a decided item). */
export const SCREENING_STATUSES = ['open', 'inProgress', 'resolved', 'dropped', 'decided'] as const;
export type ScreeningStatus = (typeof SCREENING_STATUSES)[number];
export const OPEN_SCREENING: readonly ScreeningStatus[] = ['open', 'inProgress'];
export const SCREENING_STATUS_LABELS: Record<ScreeningStatus, { zh: string; en: string }> = {
  open: { zh: '待处理', en: 'Open' },
  inProgress: { zh: '处理中', en: 'In progress' },
  resolved: { zh: '已解决', en: 'Resolved' },
  dropped: { zh: '已撤销', en: 'Dropped' },
  decided: { zh: '已转督办', en: 'Became a decided item' },
};

/** An open problem older than this many days counts as aged (indicator surveys.problemsAged). */
export const AGED_DAYS = 30;

/** Reminders to non-respondents are not sent between these Beijing times. */
export const QUIET_START = '21:00';
export const QUIET_END = '08:00';
