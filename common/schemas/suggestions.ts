/** zod for every body, query and response of the suggestion campaign (suggestion, suggestionCampaign). */
import { z } from 'zod';
import { BENEFIT_KINDS, DECISIONS, SUGGESTION_STATUSES } from '../suggestions.js';
import { ROLES } from '../roles.js';
import { After, Id, IsoDate, QueryBool, listQuery, pageOf, csv } from './shared.js';
import { FileIds, FileRef } from './files.js';

const Text = (max: number) => z.string().trim().min(1).max(max);
/** Yuan with at most two decimals (stored as fen, exact integers). */
const Yuan = z
  .number()
  .min(0)
  .max(100_000_000)
  .refine((v) => Math.abs(Math.round(v * 100) - v * 100) < 1e-6, 'validation.suggestionCents');

// ---- requests ----

export const CriterionInput = z.object({ key: z.string().regex(/^[a-z][a-zA-Z0-9]{0,30}$/), label: Text(30), max: z.number().int().min(1).max(100) }).strict();

export const CampaignBody = z
  .object({
    orgId: Id,
    title: Text(100),
    startsOn: IsoDate,
    endsOn: IsoDate,
    /** Evaluation criteria; the default is innovation 30, feasibility 30, expected benefit 40. */
    criteria: z.array(CriterionInput).min(1).max(10).optional(),
  })
  .strict();
export type CampaignBody = z.infer<typeof CampaignBody>;
/** Editing a campaign: its org stays; criteria change only while no evaluator has scored against them. */
export const CampaignEditBody = z
  .object({
    title: Text(100).optional(),
    startsOn: IsoDate.optional(),
    endsOn: IsoDate.optional(),
    criteria: z.array(CriterionInput).min(1).max(10).optional(),
  })
  .strict();
export type CampaignEditBody = z.infer<typeof CampaignEditBody>;

const SuggestionFields = {
  title: Text(100),
  problem: Text(2000),
  proposal: Text(4000),
  expectedBenefit: Text(1000),
  /** A team suggestion (集体建议): the team's name and its other members. */
  teamName: Text(50).optional(),
  coAuthorPersonIds: z.array(Id).max(10).optional(),
  /** Uploads (POST /api/v1/files) this write claims: photos of the site, a drawing, a calculation. On revision, added to those already there. */
  fileIds: FileIds.optional(),
};

export const SubmitBody = z.object({ campaignId: Id, ...SuggestionFields }).strict();
export type SubmitBody = z.infer<typeof SubmitBody>;
export const ReviseBody = z.object(SuggestionFields).strict();
export type ReviseBody = z.infer<typeof ReviseBody>;

export const ReasonBody = z.object({ reason: Text(1000) }).strict();
export const MergeBody = z.object({ intoSuggestionId: Id }).strict();
export const EvaluatorsBody = z.object({ evaluatorAccountIds: z.array(Id).min(2).max(9) }).strict();
export const ScoreBody = z.object({ scores: z.record(z.string().max(31), z.number().int().min(0).max(100)), comment: Text(1000).optional() }).strict();
export type ScoreBody = z.infer<typeof ScoreBody>;
export const DecisionBody = z.object({ decision: z.enum(DECISIONS), note: Text(1000) }).strict();
export type DecisionBody = z.infer<typeof DecisionBody>;
export const ImplementBody = z.object({ ownerAccountId: Id, dueDate: IsoDate, title: Text(200).optional() }).strict();
export type ImplementBody = z.infer<typeof ImplementBody>;
export const BenefitBody = z.object({ kind: z.enum(BENEFIT_KINDS), amount: Yuan, note: Text(1000) }).strict();
export type BenefitBody = z.infer<typeof BenefitBody>;
/** An optional note (acceptance, verification). */
export const NoteBody = z.object({ note: Text(500).optional() }).strict();
export const VerifyBody = NoteBody;
export const RewardBody = z.object({ amount: Yuan, paidOn: IsoDate }).strict();
export type RewardBody = z.infer<typeof RewardBody>;

export const SuggestionListQuery = listQuery(['submittedAt', 'decidedOn', 'status'] as const).extend({
  campaignId: Id.optional(),
  status: csv(SUGGESTION_STATUSES, 300).optional(),
  /** Suggestions of this unit's subtree (the lead author's unit). */
  orgId: Id.optional(),
  /** Only my own (as author or co-author). */
  mine: QueryBool.optional(),
  /** Only those I am an evaluator of. */
  assigned: QueryBool.optional(),
  submittedFrom: IsoDate.optional(),
  submittedTo: IsoDate.optional(),
  decidedFrom: IsoDate.optional(),
  decidedTo: IsoDate.optional(),
  verifiedFrom: IsoDate.optional(),
  verifiedTo: IsoDate.optional(),
  rewardedFrom: IsoDate.optional(),
  rewardedTo: IsoDate.optional(),
  q: z.string().trim().max(50).optional(),
  /** The `nextCursor` of the page shown: the page after it (newest first, or oldest first with `sort=submittedAt&order=asc`). */
  after: After.optional(),
});
export type SuggestionListQuery = z.infer<typeof SuggestionListQuery>;

export const StatisticsQuery = z.object({ from: IsoDate.optional(), to: IsoDate.optional() });

// ---- responses ----

export const Criterion = z.object({ key: z.string(), label: z.string(), max: z.number().int() });

export const CampaignSummary = z.object({
  id: z.string(),
  title: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  /** Today lies in the period: workers may submit. */
  open: z.boolean(),
  criteria: z.array(Criterion),
  suggestions: z.number().int(),
});
export type CampaignSummary = z.infer<typeof CampaignSummary>;
export const CampaignList = z.object({ items: z.array(CampaignSummary) });

export const SuggestionSummary = z.object({
  id: z.string(),
  code: z.string(),
  campaignId: z.string(),
  title: z.string(),
  status: z.enum(SUGGESTION_STATUSES),
  leadName: z.string(),
  teamName: z.string().nullable(),
  orgName: z.string(),
  submittedAt: z.string(),
  decidedOn: z.string().nullable(),
  /** Yuan; null until recorded. */
  benefit: z.number().nullable(),
  reward: z.number().nullable(),
});
export type SuggestionSummary = z.infer<typeof SuggestionSummary>;
export const SuggestionPage = pageOf(SuggestionSummary).extend({
  /** The total stopped counting at its cap: the list says 「2000+」. */
  totalCapped: z.boolean(),
  /** Pass as `after` for the next page (by submission time); null on the last page and for other sorts. */
  nextCursor: z.string().nullable(),
});

export const Evaluation = z.object({
  accountId: z.string(),
  name: z.string(),
  scored: z.boolean(),
  /** Hidden (null) from everyone but the evaluator until every assigned evaluator has scored. */
  scores: z.record(z.string(), z.number()).nullable(),
  total: z.number().nullable(),
  comment: z.string().nullable(),
});

export const SuggestionDetail = SuggestionSummary.extend({
  problem: z.string(),
  proposal: z.string(),
  expectedBenefit: z.string(),
  authors: z.array(z.object({ personId: z.string(), name: z.string(), lead: z.boolean() })),
  returnReason: z.string().nullable(),
  files: z.array(FileRef),
  mergedInto: z.object({ id: z.string(), code: z.string() }).nullable(),
  criteria: z.array(Criterion),
  evaluations: z.array(Evaluation),
  /** The mean of the evaluators' totals, once all are in. */
  averageScore: z.number().nullable(),
  decision: z.object({ decision: z.enum(DECISIONS), note: z.string(), decidedOn: z.string() }).nullable(),
  implementation: z
    .object({ decidedItemId: z.string(), title: z.string(), status: z.string(), progress: z.number(), dueDate: z.string(), ownerName: z.string() })
    .nullable(),
  benefitRecord: z
    .object({
      kind: z.enum(BENEFIT_KINDS),
      amount: z.number(),
      note: z.string(),
      recordedBy: z.string().nullable(),
      verifiedBy: z.string().nullable(),
      verifiedOn: z.string().nullable(),
    })
    .nullable(),
  rewardRecord: z.object({ amount: z.number(), paidOn: z.string() }).nullable(),
  events: z.array(
    z.object({
      event: z.string(),
      from: z.string().nullable(),
      to: z.string().nullable(),
      actorName: z.string().nullable(),
      data: z.record(z.string(), z.unknown()).nullable(),
      at: z.string(),
    }),
  ),
  can: z.object({ revise: z.boolean(), review: z.boolean(), score: z.boolean(), manage: z.boolean() }),
});
export type SuggestionDetail = z.infer<typeof SuggestionDetail>;

export const Candidate = z.object({ accountId: z.string(), name: z.string(), role: z.enum(ROLES), orgName: z.string().nullable() });
export type Candidate = z.infer<typeof Candidate>;
export const Candidates = z.object({ evaluators: z.array(Candidate), owners: z.array(Candidate) });

export const UnitRow = z.object({
  orgId: z.string(),
  orgName: z.string(),
  workers: z.number().int(),
  participants: z.number().int(),
  participationRate: z.number().nullable(),
  submitted: z.number().int(),
  adopted: z.number().int(),
  implemented: z.number().int(),
  benefit: z.number(),
  rewards: z.number(),
  /** The list filters that show exactly the suggestions this row counts. */
  drill: z.record(z.string(), z.string()),
});
export const MonthRow = z.object({
  month: z.string(),
  submitted: z.number().int(),
  decided: z.number().int(),
  adopted: z.number().int(),
  implemented: z.number().int(),
  benefit: z.number(),
  rewards: z.number(),
});
export const CampaignStatistics = z.object({
  campaign: CampaignSummary,
  workers: z.number().int(),
  submitted: z.number().int(),
  per100Workers: z.number().nullable(),
  participants: z.number().int(),
  participationRate: z.number().nullable(),
  decided: z.number().int(),
  adopted: z.number().int(),
  adoptionRate: z.number().nullable(),
  implemented: z.number().int(),
  benefit: z.number(),
  rewards: z.number(),
  byStatus: z.record(z.string(), z.number()),
  months: z.array(MonthRow),
  units: z.array(UnitRow),
});
export type CampaignStatistics = z.infer<typeof CampaignStatistics>;
