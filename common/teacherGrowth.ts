/**
 * Tiered teacher growth 梯队培养 (teacherGrowth), shared by server and web: permission names,
 * role grants, the default tiers (teacherTier) a school starts from, the growthPlan workflow's
 * states, the kinds of evidence and of school activities.
 */
import type { Grants } from './roles.js';

export const TEACHER_GROWTH_PERMISSIONS = {
  /** A teacher: their own plan, and the plans of the teachers they mentor. */
  own: 'teacherGrowth.own',
  /** The school's academic / research office and principal: every teacher of the school, tiers, pairs, activities. */
  oversee: 'teacherGrowth.oversee',
  /** The research office proposes a promotion between tiers. */
  propose: 'teacherGrowth.propose',
  /** The principal approves or refuses it. */
  approve: 'teacherGrowth.approve',
} as const;

const P = TEACHER_GROWTH_PERMISSIONS;
export const TEACHER_GROWTH_GRANTS: Grants = {
  headTeacher: [P.own],
  subjectTeacher: [P.own],
  academicOffice: [P.oversee, P.propose],
  principal: [P.oversee, P.approve],
};

export const TIER_KEYS = ['new', 'young', 'experienced', 'top'] as const;
export type TierKey = (typeof TIER_KEYS)[number];

/** The areas a goal belongs to; a tier weighs them differently. */
export const GOAL_AREAS = ['ethics', 'teaching', 'research', 'classManagement', 'leadership'] as const;
export type GoalArea = (typeof GOAL_AREAS)[number];
export const GOAL_AREA_LABELS: Record<GoalArea, { zh: string; en: string }> = {
  ethics: { zh: '师德修养', en: 'Professional ethics' },
  teaching: { zh: '课堂教学', en: 'Teaching' },
  research: { zh: '教学研究', en: 'Research' },
  classManagement: { zh: '班级管理', en: 'Class management' },
  leadership: { zh: '示范引领', en: 'Leading others' },
};

export const EVIDENCE_KINDS = [
  'lessonPlan',
  'observation',
  'peerReview',
  'competitionResult',
  'showcaseLesson',
  'exhibition',
  'training',
  'selfReflection',
] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];
export const EVIDENCE_KIND_LABELS: Record<EvidenceKind, { zh: string; en: string }> = {
  lessonPlan: { zh: '教案', en: 'Lesson plan' },
  observation: { zh: '听课评课记录', en: 'Observation record' },
  peerReview: { zh: '同伴互评', en: 'Peer review' },
  competitionResult: { zh: '比赛成绩', en: 'Competition result' },
  showcaseLesson: { zh: '教学特色展示课', en: 'Showcase lesson' },
  exhibition: { zh: '个人展示', en: 'Exhibition' },
  training: { zh: '参加培训', en: 'Training attended' },
  selfReflection: { zh: '教学反思', en: 'Self-reflection' },
};

/**
 * The observation rubric (听课评课) a school starts from until its academic office saves its own:
 * items with weights (summing to 100), each scored 1..scaleMax; an observation's total is the
 * weighted share of full marks (0–100) and meets the rubric at passMark or above.
 */
export const OBSERVATION_RUBRIC = ['objectives', 'process', 'inClassChecking', 'participation', 'outcome'] as const;
export const OBSERVATION_RUBRIC_LABELS: Record<(typeof OBSERVATION_RUBRIC)[number], { zh: string; en: string }> = {
  objectives: { zh: '教学目标', en: 'Objectives' },
  process: { zh: '教学过程', en: 'Process' },
  inClassChecking: { zh: '当堂检测', en: 'In-class checking' },
  participation: { zh: '学生参与', en: 'Participation' },
  outcome: { zh: '教学效果', en: 'Outcome' },
};

export interface RubricItem {
  key: string;
  name: string;
  weight: number;
}
export interface RubricDefinition {
  title: string;
  scaleMax: number;
  passMark: number;
  items: RubricItem[];
}
export const DEFAULT_RUBRIC: RubricDefinition = {
  title: '35+10 课堂教学评价表',
  scaleMax: 5,
  passMark: 80,
  items: OBSERVATION_RUBRIC.map((key) => ({ key, name: OBSERVATION_RUBRIC_LABELS[key].zh, weight: 20 })),
};

/** An observation's total (0–100, one decimal): Σ weight × score ÷ scaleMax. */
export function rubricTotal(r: Pick<RubricDefinition, 'scaleMax' | 'items'>, scores: Record<string, number>): number {
  const sum = r.items.reduce((s, i) => s + i.weight * (scores[i.key] ?? 0), 0);
  return Math.round((sum / r.scaleMax) * 10) / 10;
}

export interface TierDuty {
  key: string;
  name: string;
  /** The evidence that counts as doing it, and how many a term. */
  evidenceKind: EvidenceKind;
  perTerm: number;
}

export interface TierDefinition {
  key: TierKey;
  name: string;
  /** Milestones a teacher of the tier passes, in order (新教师：入格 → 入门 → 入道). */
  milestones: string[];
  duties: TierDuty[];
  /** What the research office looks for before proposing the next tier. */
  criteria: string;
  /** Weight of each goal area in this tier's plans (sums to 100). */
  weights: Record<GoalArea, number>;
}

/** The write-up's ladder; a school may rename tiers and change duties, criteria and weights. */
export const DEFAULT_TIERS: readonly TierDefinition[] = [
  {
    key: 'new',
    name: '新教师',
    milestones: ['入格', '入门', '入道'],
    duties: [
      { key: 'training', name: '参加师德、教研、常规与班级管理培训（沙龙、讲座、故事会）', evidenceKind: 'training', perTerm: 2 },
      { key: 'observed', name: '每学期由师傅听评课', evidenceKind: 'observation', perTerm: 4 },
      { key: 'reflection', name: '撰写教学反思', evidenceKind: 'selfReflection', perTerm: 2 },
    ],
    criteria: '三个阶段均通过考核，教学常规规范，所带班级学生评价良好。',
    weights: { ethics: 25, teaching: 35, research: 10, classManagement: 25, leadership: 5 },
  },
  {
    key: 'young',
    name: '青年教师',
    milestones: [],
    duties: [
      { key: 'competition', name: '参加年度课堂教学基本功大赛', evidenceKind: 'competitionResult', perTerm: 1 },
      { key: 'peerReview', name: '同伴互评', evidenceKind: 'peerReview', perTerm: 2 },
    ],
    criteria: '基本功大赛获奖，承担公开课，教学成绩稳定。',
    weights: { ethics: 15, teaching: 40, research: 20, classManagement: 15, leadership: 10 },
  },
  {
    key: 'experienced',
    name: '成熟教师（学科带头人、教学能手、骨干教师）',
    milestones: [],
    duties: [
      { key: 'showcase', name: '每学期一节教学特色展示课', evidenceKind: 'showcaseLesson', perTerm: 1 },
      { key: 'mentorObservation', name: '为青年教师听评课', evidenceKind: 'observation', perTerm: 2 },
    ],
    criteria: '形成教学特色，指导青年教师成效明显，有市级以上成果。',
    weights: { ethics: 10, teaching: 30, research: 25, classManagement: 10, leadership: 25 },
  },
  {
    key: 'top',
    name: '拔尖教师（特级教师后备）',
    milestones: [],
    duties: [{ key: 'exhibition', name: '举办个人教学展示或风格研讨会', evidenceKind: 'exhibition', perTerm: 1 }],
    criteria: '教学风格鲜明，在区域内有示范引领作用。',
    weights: { ethics: 10, teaching: 25, research: 30, classManagement: 5, leadership: 30 },
  },
];

/**
 * draft → submitted → reviewed (the mentor or the office commented) → active → yearReview
 * (the teacher's self-review of the year) → active (next year) … → complete after year 3.
 * A reviewer may send a submitted plan back to draft.
 */
export const PLAN_STATUSES = ['draft', 'submitted', 'reviewed', 'active', 'yearReview', 'complete'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];
export const PLAN_STATUS_LABELS: Record<PlanStatus, { zh: string; en: string }> = {
  draft: { zh: '草稿', en: 'Draft' },
  submitted: { zh: '待审阅', en: 'Submitted' },
  reviewed: { zh: '已审阅', en: 'Reviewed' },
  active: { zh: '执行中', en: 'Active' },
  yearReview: { zh: '年度评估中', en: 'Yearly review' },
  complete: { zh: '已完成', en: 'Complete' },
};
export const PLAN_YEARS = 3;

export const YEAR_RATINGS = ['met', 'partly', 'notMet'] as const;
export type YearRating = (typeof YEAR_RATINGS)[number];

export const ACTIVITY_KINDS = ['competition', 'showcaseDay', 'salon', 'training', 'exhibition'] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];
export const ACTIVITY_KIND_LABELS: Record<ActivityKind, { zh: string; en: string }> = {
  competition: { zh: '课堂教学基本功大赛', en: 'Basic-skills competition' },
  showcaseDay: { zh: '教学特色展示日', en: 'Showcase day' },
  salon: { zh: '教师沙龙', en: 'Salon' },
  training: { zh: '专题培训', en: 'Training' },
  exhibition: { zh: '个人教学展示', en: 'Exhibition' },
};
/** The evidence an attended activity becomes. */
export const ACTIVITY_EVIDENCE: Record<ActivityKind, EvidenceKind> = {
  competition: 'competitionResult',
  showcaseDay: 'showcaseLesson',
  salon: 'training',
  training: 'training',
  exhibition: 'exhibition',
};

export const PROMOTION_STATUSES = ['proposed', 'approved', 'rejected'] as const;
export type PromotionStatus = (typeof PROMOTION_STATUSES)[number];
