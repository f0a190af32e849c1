/** zod for every body, query and response of tiered teacher growth (teacherTier, growthPlan). */
import { z } from 'zod';
import { ACTIVITY_KINDS, EVIDENCE_KINDS, GOAL_AREAS, PLAN_STATUSES, PLAN_YEARS, PROMOTION_STATUSES, TIER_KEYS, YEAR_RATINGS } from '../teacherGrowth.js';
import { Id, IsoDate } from './shared.js';

const Text = (max: number) => z.string().trim().min(1).max(max);

// ---- params ----
export const PlanParams = z.object({ planId: Id });
export const GoalParams = z.object({ planId: Id, goalId: Id });
export const SchoolParams = z.object({ schoolId: Id });
export const TierParams = z.object({ schoolId: Id, tierKey: z.enum(TIER_KEYS) });
export const TeacherParams = z.object({ teacherPersonId: Id });
export const PromotionParams = z.object({ promotionId: Id });
export const ActivityParams = z.object({ activityId: Id });
export const MentorshipParams = z.object({ mentorshipId: Id });

// ---- tiers ----
export const TierDutyShape = z
  .object({
    key: z
      .string()
      .trim()
      .regex(/^[a-zA-Z][a-zA-Z0-9]{0,29}$/, 'validation.growthDutyKey'),
    name: Text(200),
    evidenceKind: z.enum(EVIDENCE_KINDS),
    perTerm: z.number().int().min(1).max(20),
  })
  .strict();
export const Weights = z
  .object(Object.fromEntries(GOAL_AREAS.map((a) => [a, z.number().int().min(0).max(100)])) as Record<(typeof GOAL_AREAS)[number], z.ZodNumber>)
  .strict();
/** The weights must add up to 100: checked by the service (422 naming body.weights). */
export const TierBody = z
  .object({ name: Text(60), milestones: z.array(Text(20)).max(6), duties: z.array(TierDutyShape).max(10), criteria: Text(1000), weights: Weights })
  .strict();
export type TierBody = z.infer<typeof TierBody>;
export const Tier = z.object({
  key: z.enum(TIER_KEYS),
  name: z.string(),
  milestones: z.array(z.string()),
  duties: z.array(TierDutyShape),
  criteria: z.string(),
  weights: Weights,
  custom: z.boolean(),
});
export const TierList = z.object({ items: z.array(Tier) });

// ---- placements and the office's roster (no ranking: ordered by name) ----
export const PlacementBody = z.object({ tier: z.enum(TIER_KEYS), milestone: Text(20).nullable().optional(), since: IsoDate }).strict();
/** `placed=1`: placed teachers only (the drill of teacherGrowth.placed). */
export const RosterQuery = z.object({
  tier: z.enum(TIER_KEYS).optional(),
  placed: z.enum(['1']).optional(),
  /** Only teachers who did every duty of their tier (each as often as a term asks) with evidence dated in this period. */
  dutiesFrom: IsoDate.optional(),
  dutiesTo: IsoDate.optional(),
});
export const RosterItem = z.object({
  teacherId: z.string(),
  name: z.string(),
  subject: z.string().nullable(),
  tier: z.enum(TIER_KEYS).nullable(),
  milestone: z.string().nullable(),
  planId: z.string().nullable(),
  planStatus: z.enum(PLAN_STATUSES).nullable(),
  mentors: z.array(z.string()),
});
export const Roster = z.object({ items: z.array(RosterItem), perTier: z.record(z.string(), z.number()) });

// ---- plans ----
export const GoalInput = z
  .object({ year: z.number().int().min(1).max(PLAN_YEARS), area: z.enum(GOAL_AREAS), title: Text(200), measure: Text(300).optional() })
  .strict();
export const PlanBody = z
  .object({ title: Text(100), vision: Text(2000), startYear: z.number().int().min(2000).max(2100), goals: z.array(GoalInput).max(30) })
  .strict();
export type PlanBody = z.infer<typeof PlanBody>;
export const ReviewBody = z.object({ decision: z.enum(['approve', 'return']), comment: Text(2000) }).strict();
export const SelfReviewBody = z.object({ reflection: Text(3000) }).strict();
export const YearReviewBody = z.object({ rating: z.enum(YEAR_RATINGS), comment: Text(2000) }).strict();
/**
 * `underWay=1`: active or in yearly review; `onTrackFrom`/`onTrackTo`: of those, the plans with
 * evidence dated in the range and no year rated not met (the drills of teacherGrowth.plansOnTrack).
 */
export const PlanListQuery = z.object({
  view: z.enum(['mine', 'mentees', 'school']).default('mine'),
  schoolId: Id.optional(),
  status: z.enum(PLAN_STATUSES).optional(),
  underWay: z.enum(['1']).optional(),
  onTrackFrom: IsoDate.optional(),
  onTrackTo: IsoDate.optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type PlanListQuery = z.infer<typeof PlanListQuery>;

export const Goal = z.object({
  id: z.string(),
  year: z.number(),
  area: z.enum(GOAL_AREAS),
  title: z.string(),
  measure: z.string().nullable(),
  weight: z.number(),
  doneOn: z.string().nullable(),
});
const RubricKey = z
  .string()
  .trim()
  .regex(/^[a-zA-Z][a-zA-Z0-9]{0,29}$/, 'validation.growthRubricKey');
/** Scores by rubric item key. */
export const Rubric = z.record(RubricKey, z.number().int().min(0).max(10));
/**
 * An observation record carries the scores against the rubric version it was scored on
 * (`rubricId`; null: the default rubric of a school that has not saved its own): checked by the
 * service (422 naming body.rubric, 409 when the school has moved on to another version).
 */
export const EvidenceBody = z
  .object({
    kind: z.enum(EVIDENCE_KINDS),
    title: Text(200),
    note: Text(3000).optional(),
    date: IsoDate,
    goalId: Id.optional(),
    duty: z.string().trim().max(30).optional(),
    rubricId: Id.nullable().optional(),
    rubric: Rubric.optional(),
    fileIds: z.array(Id).max(5).optional(),
  })
  .strict();
export type EvidenceBody = z.infer<typeof EvidenceBody>;
export const Evidence = z.object({
  id: z.string(),
  kind: z.enum(EVIDENCE_KINDS),
  title: z.string(),
  note: z.string().nullable(),
  date: z.string(),
  goalId: z.string().nullable(),
  duty: z.string().nullable(),
  rubric: Rubric.nullable(),
  /** An observation as scored: the rubric version, each item's score, the total (0–100) and whether it met the pass mark. */
  observation: z
    .object({
      rubricId: z.string().nullable(),
      version: z.number(),
      title: z.string(),
      scaleMax: z.number(),
      passMark: z.number(),
      items: z.array(z.object({ key: z.string(), name: z.string(), weight: z.number(), score: z.number().nullable() })),
      total: z.number(),
      met: z.boolean(),
    })
    .nullable(),
  observerName: z.string().nullable(),
  activityId: z.string().nullable(),
  /** Uploads (core/files) claimed by the evidence: photos, PDF, Word lesson plans; served as the plan is seen. */
  files: z.array(z.object({ id: z.string(), name: z.string(), type: z.string(), size: z.number() })),
});
export const EvidenceFileParams = z.object({ planId: Id, evidenceId: Id, growthFileId: Id });
export const YearReview = z.object({ year: z.number(), reflection: z.string(), rating: z.enum(YEAR_RATINGS).nullable(), comment: z.string().nullable() });
export const PlanSummary = z.object({
  id: z.string(),
  teacherId: z.string(),
  teacherName: z.string(),
  tier: z.enum(TIER_KEYS),
  title: z.string(),
  startYear: z.number(),
  currentYear: z.number(),
  status: z.enum(PLAN_STATUSES),
  /** Weighted share of this year's goals done (0–1); null before the plan is active. */
  yearProgress: z.number().nullable(),
});
export const PlanList = z.object({
  items: z.array(PlanSummary),
  total: z.number().int(),
  totalCapped: z.boolean(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type PlanList = z.infer<typeof PlanList>;
export const PlanDetail = PlanSummary.extend({
  /** The teacher's school: its rubric is the one an observation of this plan is scored on. */
  schoolId: z.string(),
  vision: z.string(),
  reviewComment: z.string().nullable(),
  goals: z.array(Goal),
  evidence: z.array(Evidence),
  yearReviews: z.array(YearReview),
  duties: z.array(z.object({ key: z.string(), name: z.string(), perTerm: z.number(), doneThisTerm: z.number() })),
  events: z.array(z.object({ event: z.string(), from: z.string().nullable(), to: z.string().nullable(), actorName: z.string().nullable(), at: z.string() })),
  relation: z.enum(['own', 'mentor', 'office']),
  can: z.object({
    edit: z.boolean(),
    submit: z.boolean(),
    review: z.boolean(),
    activate: z.boolean(),
    selfReview: z.boolean(),
    yearReview: z.boolean(),
    addEvidence: z.boolean(),
  }),
});
export type PlanDetail = z.infer<typeof PlanDetail>;
export type PlanSummary = z.infer<typeof PlanSummary>;

// ---- mentoring pairs ----
export const MentorshipBody = z.object({ mentorId: Id, menteeId: Id, startedOn: IsoDate }).strict();
export const Mentorship = z.object({
  id: z.string(),
  mentorId: z.string(),
  mentorName: z.string(),
  menteeId: z.string(),
  menteeName: z.string(),
  startedOn: z.string(),
  endedOn: z.string().nullable(),
});
export const MentorshipList = z.object({ items: z.array(Mentorship) });
export const EndBody = z.object({ endedOn: IsoDate }).strict();

// ---- promotions ----
export const ProposeBody = z.object({ teacherPersonId: Id, toTier: z.enum(TIER_KEYS), reason: Text(2000) }).strict();
export const DecideBody = z.object({ note: Text(1000).optional() }).strict();
export const Promotion = z.object({
  id: z.string(),
  teacherId: z.string(),
  teacherName: z.string(),
  fromTier: z.enum(TIER_KEYS),
  toTier: z.enum(TIER_KEYS),
  reason: z.string(),
  status: z.enum(PROMOTION_STATUSES),
  proposedAt: z.string(),
  decidedOn: z.string().nullable(),
  decisionNote: z.string().nullable(),
});
export const PromotionList = z.object({ items: z.array(Promotion) });
/** Promotions of a status decided in a range (the drill of teacherGrowth.promotions). */
export const PromotionListQuery = z.object({ status: z.enum(PROMOTION_STATUSES).optional(), decidedFrom: IsoDate.optional(), decidedTo: IsoDate.optional() });
/** The school's evidence of a kind dated in a range, by date (the drill of teacherGrowth.observations). */
/** `met=1`: observations that reached their rubric's pass mark (the drill of teacherGrowth.observationsMet). */
export const EvidenceListQuery = z.object({
  kind: z.enum(EVIDENCE_KINDS).optional(),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  met: z.enum(['1']).optional(),
});
export const EvidenceListItem = z.object({
  id: z.string(),
  teacherId: z.string(),
  teacherName: z.string(),
  kind: z.enum(EVIDENCE_KINDS),
  title: z.string(),
  date: z.string(),
  observerName: z.string().nullable(),
  /** An observation's total (0–100) on its rubric version; null for other evidence. */
  score: z.number().nullable(),
});
export const EvidenceList = z.object({ items: z.array(EvidenceListItem), total: z.number() });
export const TeacherHistory = z.object({
  teacherId: z.string(),
  name: z.string(),
  tier: z.enum(TIER_KEYS).nullable(),
  milestone: z.string().nullable(),
  promotions: z.array(Promotion),
  plans: z.array(PlanSummary),
});

// ---- activities ----
export const ActivityBody = z.object({ kind: z.enum(ACTIVITY_KINDS), title: Text(200), date: IsoDate, tier: z.enum(TIER_KEYS).optional() }).strict();
export const ResultsBody = z
  .object({
    entries: z
      .array(z.object({ teacherPersonId: Id, attended: z.boolean(), result: Text(200).optional() }).strict())
      .min(1)
      .max(500),
  })
  .strict();
export type ResultsBody = z.infer<typeof ResultsBody>;
export const Activity = z.object({
  id: z.string(),
  kind: z.enum(ACTIVITY_KINDS),
  title: z.string(),
  date: z.string(),
  tier: z.enum(TIER_KEYS).nullable(),
  resultsOn: z.string().nullable(),
  signedUp: z.number(),
  /** The caller's own entry, for a teacher. */
  mine: z.object({ signedUp: z.boolean(), attended: z.boolean().nullable(), result: z.string().nullable() }).nullable(),
});
export const ActivityList = z.object({ items: z.array(Activity) });

// ---- the observation rubric (听课评课量表) ----
const RubricItemShape = z.object({ key: z.string(), name: z.string(), weight: z.number() });
/** Item keys are kept when given (a new version of a known item) and made up for new items; the weights must add up to 100 (422 naming body.items). */
export const RubricBody = z
  .object({
    title: Text(60),
    scaleMax: z.number().int().min(2).max(10),
    passMark: z.number().int().min(0).max(100),
    items: z
      .array(z.object({ key: RubricKey.optional(), name: Text(60), weight: z.number().int().min(1).max(100) }).strict())
      .min(1)
      .max(12),
  })
  .strict();
export type RubricBody = z.infer<typeof RubricBody>;
export const RubricVersion = z.object({
  /** null: the default rubric, in force until the school saves its own. */
  id: z.string().nullable(),
  version: z.number(),
  title: z.string(),
  scaleMax: z.number(),
  passMark: z.number(),
  items: z.array(RubricItemShape),
  createdAt: z.string().nullable(),
  /** Observations scored on this version: a version in use is never changed in place. */
  used: z.number(),
});
export type RubricVersion = z.infer<typeof RubricVersion>;
export const RubricState = z.object({ current: RubricVersion, versions: z.array(RubricVersion) });
