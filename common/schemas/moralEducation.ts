import { z } from 'zod';
import { SESSION_STATUSES } from '../moralEducation.js';
import { Id, IsoDate, listQuery } from './shared.js';
import { WeekKey } from './school.js';
import { Figure } from '../figure.js';

export const PlanQuery = z.object({ from: IsoDate, to: IsoDate });

/** Bulk edit of the school's topic calendar; an empty text removes that week's theme or day's topic. */
export const PutPlanBody = z
  .object({
    weeks: z
      .array(z.object({ week: WeekKey, theme: z.string().trim().max(60) }))
      .max(60)
      .default([]),
    days: z
      .array(z.object({ date: IsoDate, topic: z.string().trim().max(100) }))
      .max(400)
      .default([]),
  })
  .strict();

export const SchoolPlanDay = z.object({
  date: z.string(),
  week: z.string(),
  schoolDay: z.boolean(),
  theme: z.string().nullable(),
  topic: z.string().nullable(),
});

/**
 * A student's view of their class's plan: what is planned (the class's topic where its head teacher replaced the
 * school's), never the record of a session — who was absent, why a day was skipped — which is for teachers.
 */
export const MyClassPlan = z.object({
  classId: z.string(),
  className: z.string(),
  items: z.array(SchoolPlanDay),
});

export const ClassPlanDay = SchoolPlanDay.extend({
  /** The school's topic for the day, when the class replaced it. */
  schoolTopic: z.string().nullable(),
  replaced: z.boolean(),
  session: z.object({ id: z.string(), status: z.enum(SESSION_STATUSES), topic: z.string().nullable() }).nullable(),
});

export const ClassDateParams = z.object({ classId: Id, date: IsoDate });
export const ReplaceTopicBody = z.object({ topic: z.string().trim().min(1).max(100) }).strict();

const sessionFields = {
  status: z.enum(SESSION_STATUSES),
  skipReason: z.string().trim().max(200).optional(),
  /** The topic actually given; the planned topic when left out. */
  topic: z.string().trim().max(100).optional(),
  presenterIds: z.array(Id).max(10).default([]),
  reflection: z.string().trim().max(500).default(''),
};

const needsReason = (b: { status?: string; skipReason?: string }, ctx: z.RefinementCtx) => {
  if (b.status === 'skipped' && !b.skipReason) ctx.addIssue({ code: 'custom', path: ['skipReason'], message: 'validation.skipReason' });
};

export const RecordSessionBody = z
  .object({ date: IsoDate.optional(), ...sessionFields })
  .strict()
  .superRefine(needsReason);

export const UpdateSessionBody = z
  .object({
    status: sessionFields.status.optional(),
    skipReason: sessionFields.skipReason,
    topic: sessionFields.topic,
    presenterIds: z.array(Id).max(10).optional(),
    reflection: z.string().trim().max(500).optional(),
    removePhoto: z.boolean().optional(),
  })
  .strict();

export const MoralSession = z.object({
  id: z.string(),
  classId: z.string(),
  className: z.string(),
  date: z.string(),
  status: z.enum(SESSION_STATUSES),
  skipReason: z.string().nullable(),
  topic: z.string().nullable(),
  plannedTopic: z.string().nullable(),
  presenters: z.array(z.object({ id: z.string(), name: z.string() })),
  reflection: z.string(),
  photoUrl: z.string().nullable(),
  recordedByName: z.string().nullable(),
  recordedAt: z.string(),
  updatedAt: z.string(),
});
export type MoralSession = z.infer<typeof MoralSession>;

export const SessionListQuery = listQuery(['date'] as const).extend({
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  status: z.enum(SESSION_STATUSES).optional(),
});

export const IndicatorQuery = z.object({ termId: Id.optional(), asOf: IsoDate.optional() });

export const ClassCoverageRow = z.object({
  classId: z.string(),
  className: z.string(),
  gradeId: z.string().nullable(),
  gradeName: z.string().nullable(),
  schoolDays: z.number().int(),
  held: z.number().int(),
  skipped: z.number().int(),
  unrecorded: z.number().int(),
  /** Sessions held ÷ school days so far in the term. */
  coverage: Figure,
});

export const TopicsCovered = z.object({
  planned: z.number().int(),
  heldAsPlanned: z.number().int(),
  heldChanged: z.number().int(),
  notHeld: z.number().int(),
  coverage: Figure.describe(
    '按计划话题完成率：按计划话题开讲的天数 ÷ 有计划话题的天数（换题不计入） / Held with the planned topic ÷ days with a planned topic (changed topics not counted)',
  ),
  changed: Figure.describe('换题率：开讲但换了话题的天数 ÷ 有计划话题的天数 / Held with another topic ÷ days with a planned topic'),
  uncovered: z.array(z.object({ date: z.string(), topic: z.string() })),
});

export const PresenterStats = z.object({
  /** Students who presented at least once ÷ students of the class. */
  share: Figure,
  presented: z.array(z.object({ id: z.string(), name: z.string(), times: z.number().int() })),
  notYet: z.array(z.object({ id: z.string(), name: z.string() })),
});

export const ClassIndicators = z.object({
  termId: z.string(),
  termName: z.string(),
  asOf: z.string(),
  coverage: ClassCoverageRow,
  topics: TopicsCovered,
  presenters: PresenterStats,
});

export const SchoolCoverageQuery = listQuery(['className', 'coverage'] as const).extend({
  termId: Id.optional(),
  asOf: IsoDate.optional(),
  gradeId: Id.optional(),
});
export const SchoolCoverage = z.object({
  termId: z.string(),
  termName: z.string(),
  asOf: z.string(),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  items: z.array(ClassCoverageRow),
  grades: z.array(
    z.object({ gradeId: z.string().nullable(), gradeName: z.string().nullable(), schoolDays: z.number().int(), held: z.number().int(), coverage: Figure }),
  ),
  school: z.object({ schoolDays: z.number().int(), held: z.number().int(), coverage: Figure }),
});

export const MISSED_KINDS = ['skipped', 'unrecorded'] as const;
export const MissedRow = z.object({
  date: z.string(),
  classId: z.string(),
  className: z.string(),
  gradeName: z.string().nullable(),
  kind: z.enum(MISSED_KINDS),
  reason: z.string().nullable(),
  plannedTopic: z.string().nullable(),
});
export const MissedQuery = listQuery(['date', 'className'] as const).extend({
  termId: Id.optional(),
  asOf: IsoDate.optional(),
  gradeId: Id.optional(),
  classId: Id.optional(),
  kind: z.enum(MISSED_KINDS).optional(),
});

/**
 * Every class-day of a period that was a school day for its class — the ten-minute coverage figure's
 * denominator — with what happened; `held=1` keeps those held (its numerator), so the list opened from
 * the figure has exactly as many rows as it counts.
 */
export const ClassDayRow = z.object({
  date: z.string(),
  classId: z.string(),
  className: z.string(),
  gradeName: z.string().nullable(),
  status: z.enum([...SESSION_STATUSES, 'unrecorded']),
  topic: z.string().nullable(),
});
export const ClassDayQuery = listQuery(['date', 'className'] as const).extend({
  from: IsoDate,
  to: IsoDate,
  held: z.enum(['0', '1']).optional(),
});
