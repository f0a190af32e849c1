import { z } from 'zod';
import {
  APPEAL_CATEGORIES,
  APPEAL_CHANNELS,
  APPEAL_EVENT_KINDS,
  APPEAL_NATURES,
  APPEAL_RATINGS,
  APPEAL_STATUSES,
  APPEAL_URGENCIES,
  DECLINE_REASONS,
  EXTENSION_STATUSES,
  GROUP_ALERT_STATUSES,
  LIGHTS,
} from '../appeals.js';
import { EMPLOYMENT_CATEGORIES } from '../enums.js';
import { Figure as CommonFigure, FigureDrill } from '../figure.js';
import { After, Id, IsoDate, QueryBool, listQuery, pageOf, csv } from './shared.js';

const Text = (max: number) => z.string().trim().min(1).max(max);

// ---- requests ----

export const SubmitAppealBody = z
  .object({
    category: z.enum(APPEAL_CATEGORIES),
    nature: z.enum(APPEAL_NATURES).default('request'),
    title: Text(60),
    description: Text(2000),
    anonymous: z.boolean().default(false),
    attachmentIds: z.array(Id).max(5).default([]),
    /** Union staff registering a walk-in, phone call or letter for a worker (代为登记). */
    onBehalfOf: z
      .object({ personId: Id, channel: z.enum(APPEAL_CHANNELS).exclude(['online']) })
      .strict()
      .optional(),
  })
  .strict();
export type SubmitAppealBody = z.infer<typeof SubmitAppealBody>;

export const AcceptBody = z
  .object({ urgency: z.enum(APPEAL_URGENCIES).optional(), nature: z.enum(APPEAL_NATURES).optional(), note: Text(500).optional() })
  .strict();
/** Articles of the policy library an answer or a decline rests on (policies' article ids). */
const CitedArticleIds = z.array(Id).max(10).optional();
export const DeclineBody = z.object({ reason: z.enum(DECLINE_REASONS), explanation: Text(2000), citedArticleIds: CitedArticleIds }).strict();
export const UrgencyBody = z.object({ urgency: z.enum(APPEAL_URGENCIES), nature: z.enum(APPEAL_NATURES).optional() }).strict();
export const AssignBody = z.object({ departmentId: Id, note: Text(500).optional() }).strict();
export const NoteBody = z.object({ note: Text(2000) }).strict();
export const AnswerBody = z.object({ answer: Text(4000), citedArticleIds: CitedArticleIds }).strict();
export const ExtensionBody = z.object({ days: z.number().int().min(1).max(30), reason: Text(500) }).strict();
export const DecideExtensionBody = z.object({ note: Text(500).optional() }).strict();
export const RateBody = z
  .object({ rating: z.enum(APPEAL_RATINGS), comment: Text(500).optional(), reopen: z.boolean().default(false) })
  .strict()
  .refine((b) => !b.reopen || b.rating === 'unsatisfied', { message: 'validation.appealReopenNeedsUnsatisfied', path: ['reopen'] });
export const CloseBody = z.object({ note: Text(500).optional() }).strict();
export const MergeBody = z.object({ duplicateIds: z.array(Id).min(1).max(50) }).strict();
export const SuperviseBody = z.object({ note: Text(1000) }).strict();
export const RevealBody = z.object({ reason: Text(500) }).strict();
export const ExtensionParams = z.object({ id: Id, extensionId: Id });
export const AttachmentParams = z.object({ id: Id, attachmentId: Id });

/** Filters shared by the list, the export and the dashboard: a dashboard figure drills into the list with the same params. */
export const AppealFilterQuery = z.object({
  q: z.string().trim().min(1).max(100).optional(),
  status: csv(APPEAL_STATUSES).optional(),
  category: csv(APPEAL_CATEGORIES).optional(),
  urgency: csv(APPEAL_URGENCIES).optional(),
  rating: csv(APPEAL_RATINGS).optional(),
  light: csv(LIGHTS).optional(),
  employmentCategory: csv(EMPLOYMENT_CATEGORIES).optional(),
  orgId: Id.optional(),
  departmentId: Id.optional(),
  /** The department (subtree) whose answer the latest rating rated: a department's 满意率 drills with it. */
  ratedDepartmentId: Id.optional(),
  /** The department (subtree) that gave the first answer: a department's 重办率 drills with it. */
  firstAnswerDepartmentId: Id.optional(),
  unitId: Id.optional(),
  groupAlertId: Id.optional(),
  /** Submission date range (Asia/Shanghai), inclusive. */
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  anonymous: QueryBool.optional(),
  /** Has a rating. */
  rated: QueryBool.optional(),
  /** Reopened at least once. */
  reopened: QueryBool.optional(),
  /** Answered after its deadline, or marked overdue. */
  late: QueryBool.optional(),
  /** The latest answer came after the deadline of its own round (a department's 按时办结率 drills with it). */
  lastAnswerLate: QueryBool.optional(),
  /** Has been answered at least once. */
  answered: QueryBool.optional(),
  /** Has been accepted (受理) at some point. */
  accepted: QueryBool.optional(),
  /** Accepted after the end of its accept-deadline day (受理超时). */
  acceptedLate: QueryBool.optional(),
  /** Only appeals the caller raised (or that were registered for them). */
  mine: QueryBool.optional(),
});
export type AppealFilter = z.infer<typeof AppealFilterQuery>;

/** The cuts a dashboard may take; its figures drill into the list with these plus the figure's own filters. */
export const DashboardQuery = AppealFilterQuery.pick({
  from: true,
  to: true,
  category: true,
  urgency: true,
  employmentCategory: true,
  orgId: true,
  departmentId: true,
  unitId: true,
  anonymous: true,
});
export type DashboardQuery = z.infer<typeof DashboardQuery>;

export const APPEAL_SORT_KEYS = ['submittedAt', 'dueDate', 'code', 'status', 'category', 'urgency', 'updatedAt'] as const;
/** `after`: the `nextCursor` of the page shown, for the page after it (newest first, or sort=submittedAt). */
export const AppealListQuery = AppealFilterQuery.extend(listQuery(APPEAL_SORT_KEYS).shape).extend({ after: After.optional() });

export const GroupAlertListQuery = z
  .object({ status: csv(GROUP_ALERT_STATUSES).optional(), unitId: Id.optional() })
  .extend(listQuery(['raisedAt', 'workerCount'] as const).shape);
export const GroupDismissBody = z.object({ reason: Text(500) }).strict();
export const GroupAssignBody = z.object({ departmentId: Id, note: Text(500).optional() }).strict();

export const SettingsQuery = z.object({ orgId: Id });
export const AppealSettings = z.object({
  reopenLimit: z.number().int().min(0).max(5),
  groupMinWorkers: z.number().int().min(2).max(100),
  groupWindowDays: z.number().int().min(1).max(365),
  groupThreshold: z.number().min(0.1).max(1),
  /** The union chair may also reveal anonymous authors (union staff always may); off by default. */
  chairMayReveal: z.boolean(),
});
export const PutSettingsBody = AppealSettings.partial().extend({ orgId: Id }).strict();
export const DeadlineRule = z.object({
  category: z.enum(APPEAL_CATEGORIES),
  urgency: z.enum(APPEAL_URGENCIES),
  acceptDays: z.number().int().min(0).max(30),
  consultationDays: z.number().int().min(0).max(60),
  requestDays: z.number().int().min(0).max(90),
});
export type DeadlineRule = z.infer<typeof DeadlineRule>;
export const PutDeadlineRulesBody = z.object({ orgId: Id, rules: z.array(DeadlineRule).min(1).max(100) }).strict();

// ---- responses ----

const Named = z.object({ id: z.string(), name: z.string() });
/** A department with its unit, 「一号矿 / 生产部」: every mine has a 生产部. */
const Department = Named.extend({ label: z.string() });

export const AppealAuthor = z.object({
  name: z.string(),
  employmentCategory: z.enum(EMPLOYMENT_CATEGORIES).nullable(),
  /** Masked unless the viewer may read contact details. */
  phone: z.string().nullable(),
});

export const AppealSummary = z.object({
  id: z.string(),
  code: z.string(),
  title: z.string(),
  category: z.enum(APPEAL_CATEGORIES),
  nature: z.enum(APPEAL_NATURES),
  urgency: z.enum(APPEAL_URGENCIES),
  status: z.enum(APPEAL_STATUSES),
  channel: z.enum(APPEAL_CHANNELS),
  anonymous: z.boolean(),
  /** The caller raised it (or it was registered for them). */
  mine: z.boolean(),
  /** Null when anonymous — for everyone but the author, who sees their own name. */
  author: AppealAuthor.nullable(),
  /** For anonymous appeals only the unit, so a small team does not give the author away. */
  org: Named,
  unit: Named,
  department: Department.nullable(),
  submittedAt: z.string(),
  acceptedAt: z.string().nullable(),
  answeredAt: z.string().nullable(),
  /** The deadline of the current stage (accept, then answer), a Shanghai date; null once finished. */
  deadline: z.string().nullable(),
  light: z.enum(LIGHTS).nullable(),
  late: z.boolean(),
  rating: z.enum(APPEAL_RATINGS).nullable(),
  reopenCount: z.number().int(),
  affectedWorkers: z.number().int(),
  groupAlertId: z.string().nullable(),
});
export type AppealSummary = z.infer<typeof AppealSummary>;

export const AppealEvent = z.object({
  id: z.string(),
  kind: z.enum(APPEAL_EVENT_KINDS),
  at: z.string(),
  /** Who acted: a display name for staff and handlers, '职工' for the author. */
  actor: z.string().nullable(),
  note: z.string().nullable(),
  data: z.record(z.string(), z.unknown()).nullable(),
});

export const AppealAttachment = z.object({ id: z.string(), fileName: z.string(), contentType: z.string(), size: z.number().int(), url: z.string() });
export const AppealExtension = z.object({
  id: z.string(),
  days: z.number().int(),
  reason: z.string(),
  status: z.enum(EXTENSION_STATUSES),
  requestedAt: z.string(),
  decidedAt: z.string().nullable(),
  decisionNote: z.string().nullable(),
  newDeadline: z.string().nullable(),
});

export const AppealDetail = AppealSummary.extend({
  description: z.string(),
  answer: z.string().nullable(),
  declineReason: z.enum(DECLINE_REASONS).nullable(),
  acceptDeadline: z.string(),
  answerDeadline: z.string().nullable(),
  /** The current deadline was counted across days whose holidays are not yet published (暂定): it may move. */
  deadlineProvisional: z.boolean(),
  closedAt: z.string().nullable(),
  ratingComment: z.string().nullable(),
  ratedAt: z.string().nullable(),
  reopenLimit: z.number().int(),
  mergedInto: z
    .object({ id: z.string(), code: z.string(), status: z.enum(APPEAL_STATUSES), answer: z.string().nullable(), answeredAt: z.string().nullable() })
    .nullable(),
  duplicates: z.array(z.object({ id: z.string(), code: z.string() })),
  timeline: z.array(AppealEvent),
  attachments: z.array(AppealAttachment),
  extensions: z.array(AppealExtension),
  /** Articles the answer or decline cites; `review` when the cited policy was since amended or repealed. */
  citations: z.array(
    z.object({
      kind: z.enum(['answer', 'decline']),
      articleId: z.string(),
      policyId: z.string(),
      policyTitle: z.string(),
      label: z.string(),
      body: z.string(),
      policyStatus: z.string(),
      review: z.boolean(),
    }),
  ),
  /** Some cited article's policy changed since: the answer is to be reviewed, like an FAQ entry. */
  citationsNeedReview: z.boolean(),
  /** What the caller may do now; the server still checks every call. */
  abilities: z.array(z.string()),
});
export type AppealDetail = z.infer<typeof AppealDetail>;

/**
 * What a submission answers: enough to confirm it and open it (the client then reads the
 * detail). Small on purpose — a worker on a mine network waits for every byte, and the same
 * receipt is kept for a retry with the same Idempotency-Key. Never names the author.
 */
export const AppealReceipt = z.object({
  id: z.string(),
  code: z.string(),
  status: z.enum(APPEAL_STATUSES),
  category: z.enum(APPEAL_CATEGORIES),
  anonymous: z.boolean(),
  submittedAt: z.string(),
  /** The day by which the union accepts or declines it (a Shanghai date). */
  acceptDeadline: z.string(),
});
export type AppealReceipt = z.infer<typeof AppealReceipt>;

/**
 * `totalCapped`: more than `total` match; lists stop counting there (shown as 「2000+」).
 * `searchCapped`: the search `q` matched at least SEARCH_NEWEST (5 000) appeals and only the newest of them were
 * looked through (older matches are not listed; shown as 「5000+」 with a sentence saying so).
 * `nextCursor`: pass as `after` for the next page; null on the last page and for sorts other than submittedAt.
 */
export const AppealPage = pageOf(AppealSummary).extend({ totalCapped: z.boolean(), searchCapped: z.boolean(), nextCursor: z.string().nullable() });

export const UploadedAttachment = z.object({ id: z.string(), fileName: z.string(), contentType: z.string(), size: z.number().int() });

export const RevealResult = z.object({
  name: z.string(),
  personId: z.string().nullable(),
  accountId: z.string().nullable(),
  phone: z.string().nullable(),
  employmentCategory: z.string().nullable(),
  org: Named,
});

export const GroupAlertMember = z.object({
  id: z.string(),
  code: z.string(),
  title: z.string(),
  status: z.enum(APPEAL_STATUSES),
  submittedAt: z.string(),
  anonymous: z.boolean(),
});
export const GroupAlert = z.object({
  id: z.string(),
  unit: Named,
  category: z.enum(APPEAL_CATEGORIES),
  status: z.enum(GROUP_ALERT_STATUSES),
  /** Distinct workers behind the member appeals (a count, never who). */
  workerCount: z.number().int(),
  appealCount: z.number().int(),
  /** The words the members share, e.g. "加班费 · 拖欠". */
  keywords: z.array(z.string()),
  raisedAt: z.string(),
  decidedAt: z.string().nullable(),
  decisionNote: z.string().nullable(),
  answer: z.string().nullable(),
  answeredAt: z.string().nullable(),
  members: z.array(GroupAlertMember),
});
export const GroupAlertPage = pageOf(GroupAlert.omit({ members: true }));

export const EffectiveSettings = AppealSettings.extend({ orgId: z.string(), definedAt: z.string().nullable() });
export const DeadlineRulesResponse = z.object({
  orgId: z.string(),
  rules: z.array(DeadlineRule.extend({ definedAt: z.string().nullable() })),
});

/** The common Figure (common/figure.ts); every appeal figure drills into the appeal list. */
export const Figure = CommonFigure.extend({ drill: FigureDrill });
export type Figure = z.infer<typeof Figure>;

import { INDICATOR_KEYS, INDICATOR_DEFINITIONS, type IndicatorKey } from '../appealIndicators.js';
export { INDICATOR_KEYS, INDICATOR_DEFINITIONS, type IndicatorKey };

const described = (k: IndicatorKey) =>
  Figure.describe(`${INDICATOR_DEFINITIONS[k].nameZh}：${INDICATOR_DEFINITIONS[k].zh} / ${INDICATOR_DEFINITIONS[k].nameEn}: ${INDICATOR_DEFINITIONS[k].en}`);
const Figures = z.object(Object.fromEntries(INDICATOR_KEYS.map((k) => [k, described(k)])) as Record<IndicatorKey, typeof Figure>);

export const Dashboard = z.object({
  /** The effective cuts (period filled in), as list query params. */
  filter: z.record(z.string(), z.string()),
  total: Figure,
  indicators: Figures,
  byMonth: z.array(
    z.object({
      month: z.string(),
      partial: z
        .boolean()
        .describe(
          '本月尚未结束或期间只含本月一部分：数值为「至今」，不与整月比较 / The month is not over, or the period covers part of it: figures so far, not comparable to a whole month',
        ),
      submitted: Figure,
      closureRate: described('closureRate'),
      satisfactionRate: described('satisfactionRate'),
    }),
  ),
  byCategory: z.array(
    z.object({
      category: z.enum(APPEAL_CATEGORIES),
      submitted: Figure,
      closureRate: described('closureRate'),
      satisfactionRate: described('satisfactionRate'),
    }),
  ),
  byDepartment: z.array(
    z.object({ department: Department, assigned: Figure, onTimeClosureRate: described('onTimeClosureRate'), satisfactionRate: described('satisfactionRate') }),
  ),
});
export type Dashboard = z.infer<typeof Dashboard>;

// ---- similar appeals and linking by hand (server/modules/appeals/groupAlert.similar.ts) ----

export const LinkBody = z.object({ appealIds: z.array(Id).min(1).max(50) }).strict();
export const SimilarAppeals = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      code: z.string(),
      title: z.string(),
      category: z.enum(APPEAL_CATEGORIES),
      status: z.enum(APPEAL_STATUSES),
      submittedAt: z.string(),
      groupAlertId: z.string().nullable(),
      /** 0–1: the group alert's similarity; the alert fires at the org's threshold. */
      score: z.number(),
      /** Facts, phrases and concepts both texts share, to highlight. */
      shared: z.array(z.string()),
    }),
  ),
});
