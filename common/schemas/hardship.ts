/** zod for every body, query and response of hardship assistance (hardshipProfile, assistance). Money is in fen, integers. */
import { z } from 'zod';
import { ASSISTANCE_KINDS, CAUSES, OBJECTION_DECISIONS, PROFILE_STATUSES, TIERS } from '../hardship.js';
import { After, Id, IsoDate, QueryBool, listQuery, pageOf, csv } from './shared.js';

const Text = (max: number) => z.string().trim().min(1).max(max);
/** An amount in fen (分): whole numbers only, so totals are exact on both engines. */
const Fen = z.number().int().min(0).max(100_000_000_000);
const Year = z.number().int().min(2000).max(2100);
const Pct = z.number().int().min(1).max(1000);

// ---- requests ----

export const MemberInput = z.object({ name: Text(40), relation: Text(20), condition: Text(200).optional(), monthlyIncomeFen: Fen.default(0) }).strict();

export const ApplyBody = z
  .object({
    /** Staff record an application for a worker (by phone or in person); a worker applying leaves it out. */
    personId: Id.optional(),
    /** The locality whose minimum living standard (低保线) applies, as the union's rules name it. */
    locality: Text(50),
    year: Year.optional(),
    workerMonthlyIncomeFen: Fen,
    members: z.array(MemberInput).max(20).default([]),
    causes: z.array(z.enum(CAUSES)).min(1).max(CAUSES.length),
    situation: Text(2000),
    fileIds: z.array(Id).max(10).default([]),
  })
  .strict();
export type ApplyBody = z.infer<typeof ApplyBody>;

export const VisitBody = z.object({ visitedOn: IsoDate, notes: Text(4000), fileIds: z.array(Id).max(10).default([]) }).strict();
export type VisitBody = z.infer<typeof VisitBody>;
export const NoteBody = z.object({ note: Text(1000).optional() }).strict();
export const ReasonBody = z.object({ reason: Text(1000) }).strict();
export const ObjectionBody = z
  .object({
    content: Text(1000),
    /** 匿名: the objection keeps no account; officers read what was said, never who said it. */
    anonymous: z.boolean().default(false),
  })
  .strict();
export const DecideObjectionBody = z.object({ decision: z.enum(OBJECTION_DECISIONS), note: Text(1000) }).strict();
export const ReviewBody = z
  .object({
    householdIncomeFen: Fen,
    householdSize: z.number().int().min(1).max(30),
    outcome: z.enum(['continue', 'exit']),
    notes: Text(2000),
  })
  .strict();
export type ReviewBody = z.infer<typeof ReviewBody>;
export const CallbackBody = z
  .object({ month: z.union([z.literal(3), z.literal(6), z.literal(12)]), notes: Text(2000), relapse: z.boolean().default(false) })
  .strict();
export type CallbackBody = z.infer<typeof CallbackBody>;
export const AssistanceBody = z
  .object({ kind: z.enum(ASSISTANCE_KINDS), amountFen: Fen.min(1), givenOn: IsoDate, fund: Text(50), deliveredBy: Text(100), note: Text(500).optional() })
  .strict();
export type AssistanceBody = z.infer<typeof AssistanceBody>;

export const RuleBody = z
  .object({
    orgId: Id,
    locality: Text(50),
    year: Year,
    /** 低保线: the locality's minimum living standard, per head and month. */
    minimumLivingFen: Fen.min(1),
    /** Income per head at or under this share of 低保线 (percent) is 深度困难. */
    deepPct: Pct.default(100),
    /** …at or under this share is 相对困难. */
    relativePct: Pct.default(150),
    /** …at or under this share, with a sudden cause (injury, accident, disaster), is 意外致困. */
    suddenPct: Pct.default(200),
  })
  .strict()
  .refine((r) => r.deepPct <= r.relativePct && r.relativePct <= r.suddenPct, { path: ['relativePct'], message: 'validation.hardshipPctOrder' });
export type RuleBody = z.infer<typeof RuleBody>;
export const RulePatch = z
  .object({ minimumLivingFen: Fen.min(1), deepPct: Pct, relativePct: Pct, suddenPct: Pct })
  .strict()
  .refine((r) => r.deepPct <= r.relativePct && r.relativePct <= r.suddenPct, { path: ['relativePct'], message: 'validation.hardshipPctOrder' });
export type RulePatch = z.infer<typeof RulePatch>;
export const RuleParams = z.object({ ruleId: Id });
export const SettingsBody = z.object({ orgId: Id, noticeDays: z.number().int().min(1).max(30) }).strict();
export const OrgQuery = z.object({ orgId: Id.optional() });
export const BudgetBody = z.object({ orgId: Id, year: Year, fund: Text(50), amountFen: Fen }).strict();
export const TotalsQuery = z.object({ orgId: Id.optional(), year: z.coerce.number().int().min(2000).max(2100).optional() });
export const ObjectionParams = z.object({ id: Id, objectionId: Id });

export const ProfileListQuery = listQuery(['appliedAt', 'code', 'reviewDue', 'incomePerHead'] as const).extend({
  status: csv(PROFILE_STATUSES, 200).optional(),
  tier: z.enum(TIERS).optional(),
  cause: z.enum(CAUSES).optional(),
  orgId: Id.optional(),
  q: z.string().trim().max(50).optional(),
  // The drill-downs of the indicators: each names the dates the figure counts by.
  filedFrom: IsoDate.optional(),
  filedTo: IsoDate.optional(),
  exitedFrom: IsoDate.optional(),
  exitedTo: IsoDate.optional(),
  relapsed: QueryBool.optional(),
  assistedFrom: IsoDate.optional(),
  assistedTo: IsoDate.optional(),
  reviewDueFrom: IsoDate.optional(),
  reviewDueTo: IsoDate.optional(),
  reviewOnTime: QueryBool.optional(),
  callbackDueFrom: IsoDate.optional(),
  callbackDueTo: IsoDate.optional(),
  callbackOnTime: QueryBool.optional(),
  /** The `nextCursor` of the page shown: the page after it (newest first). */
  after: After.optional(),
});
export type ProfileListQuery = z.infer<typeof ProfileListQuery>;

// ---- responses ----

export const ProfileSummary = z.object({
  id: Id,
  code: z.string(),
  workerName: z.string(),
  orgName: z.string(),
  status: z.enum(PROFILE_STATUSES),
  tier: z.enum(TIERS).nullable(),
  causes: z.array(z.enum(CAUSES)),
  incomePerHeadFen: z.number().int(),
  householdSize: z.number().int(),
  appliedDate: IsoDate,
  noticeTo: IsoDate.nullable(),
  filedOn: IsoDate.nullable(),
  reviewDue: IsoDate.nullable(),
  exitedOn: IsoDate.nullable(),
  assistanceFen: z.number().int(),
});
export type ProfileSummary = z.infer<typeof ProfileSummary>;
export const ProfilePage = pageOf(ProfileSummary).extend({
  /** The total stopped counting at its cap: the list says 「2000+」. */
  totalCapped: z.boolean(),
  /** Pass as `after` for the next page (newest first); null on the last page and for other sorts. */
  nextCursor: z.string().nullable(),
});

const FileRef = z.object({ id: Id, name: z.string(), type: z.string(), size: z.number(), createdAt: z.string() });
export const ProfileDetail = ProfileSummary.extend({
  locality: z.string(),
  year: z.number().int(),
  situation: z.string(),
  householdIncomeFen: z.number().int(),
  members: z.array(z.object({ name: z.string(), relation: z.string(), condition: z.string().nullable(), monthlyIncomeFen: z.number().int() })),
  refusalReason: z.string().nullable(),
  noticeFrom: IsoDate.nullable(),
  /** Officers only from here on: null for the household's own worker. */
  officer: z.boolean(),
  files: z.array(FileRef).nullable(),
  visits: z.array(z.object({ id: Id, staffName: z.string(), visitedOn: IsoDate, notes: z.string(), photos: z.array(FileRef) })).nullable(),
  objections: z
    .array(
      z.object({
        id: Id,
        content: z.string(),
        raisedOn: IsoDate,
        /** Who objected: null when anonymous. */
        objectorName: z.string().nullable(),
        anonymous: z.boolean(),
        decision: z.enum(OBJECTION_DECISIONS).nullable(),
        note: z.string().nullable(),
      }),
    )
    .nullable(),
  reviews: z
    .array(
      z.object({
        dueDate: IsoDate,
        reviewedOn: IsoDate.nullable(),
        outcome: z.string().nullable(),
        tier: z.enum(TIERS).nullable(),
        notes: z.string().nullable(),
      }),
    )
    .nullable(),
  callbacks: z
    .array(
      z.object({
        month: z.number().int(),
        dueDate: IsoDate,
        doneOn: IsoDate.nullable(),
        relapse: z.boolean(),
        notes: z.string().nullable(),
        cancelled: z.boolean(),
      }),
    )
    .nullable(),
  assistance: z
    .array(
      z.object({
        id: Id,
        kind: z.enum(ASSISTANCE_KINDS),
        amountFen: z.number().int(),
        givenOn: IsoDate,
        fund: z.string(),
        deliveredBy: z.string(),
        note: z.string().nullable(),
      }),
    )
    .nullable(),
  crossCheck: z
    .object({
      appeals: z.array(z.object({ id: Id, code: z.string(), title: z.string(), category: z.string(), status: z.string(), submittedDate: z.string() })),
      mediationCases: z.array(z.object({ id: Id, code: z.string(), respondent: z.string(), status: z.string(), appliedDate: z.string() })),
    })
    .nullable(),
  events: z
    .array(z.object({ event: z.string(), from: z.string().nullable(), to: z.string().nullable(), actorName: z.string().nullable(), at: z.string() }))
    .nullable(),
  can: z.object({
    visit: z.boolean(),
    decide: z.boolean(),
    file: z.boolean(),
    review: z.boolean(),
    exit: z.boolean(),
    callback: z.boolean(),
    assist: z.boolean(),
  }),
});
export type ProfileDetail = z.infer<typeof ProfileDetail>;

export const PublicNotice = z.object({
  id: Id,
  code: z.string(),
  maskedName: z.string(),
  orgName: z.string(),
  tier: z.enum(TIERS).nullable(),
  noticeFrom: IsoDate,
  noticeTo: IsoDate,
});
export const PublicNoticePage = pageOf(PublicNotice);
export const PublicNoticeQuery = listQuery(['noticeFrom'] as const);

export const Rule = z.object({
  id: Id,
  orgId: Id,
  orgName: z.string(),
  locality: z.string(),
  year: z.number().int(),
  minimumLivingFen: z.number().int(),
  deepPct: z.number().int(),
  relativePct: z.number().int(),
  suddenPct: z.number().int(),
});
export const RuleList = z.object({ items: z.array(Rule) });
export const Settings = z.object({ orgId: Id, noticeDays: z.number().int() });
export const Budget = z.object({ orgId: Id, year: z.number().int(), fund: z.string(), amountFen: z.number().int() });

export const Counts = z.object({
  byTier: z.array(z.object({ tier: z.enum(TIERS), count: z.number().int() })),
  byCause: z.array(z.object({ cause: z.enum(CAUSES), count: z.number().int() })),
  byStatus: z.array(z.object({ status: z.enum(PROFILE_STATUSES), count: z.number().int() })),
});
export const Totals = z.object({
  year: z.number().int(),
  totalFen: z.number().int(),
  households: z.number().int(),
  byKind: z.array(z.object({ kind: z.enum(ASSISTANCE_KINDS), amountFen: z.number().int() })),
  byCause: z.array(z.object({ cause: z.enum(CAUSES), amountFen: z.number().int() })),
  byFund: z.array(z.object({ fund: z.string(), amountFen: z.number().int(), budgetFen: z.number().int().nullable() })),
});
