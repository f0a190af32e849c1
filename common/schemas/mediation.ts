/** zod for every body, query and response of labour-dispute mediation (mediationCase). */
import { z } from 'zod';
import { DECIDED_ITEM_STATUSES } from '../decidedItems.js';
import { APPLICANT_KINDS, CASE_LIGHTS, CASE_STATUSES, CLAIM_TYPES } from '../mediation.js';
import { After, Id, IsoDate, QueryBool, listQuery, pageOf, csv } from './shared.js';
import { FileIds, FileRef } from './files.js';

const Text = (max: number) => z.string().trim().min(1).max(max);
/** Yuan with at most two decimals (stored as fen). */
const Yuan = z
  .number()
  .min(0)
  .max(10_000_000)
  .refine((v) => Math.abs(Math.round(v * 100) - v * 100) < 1e-6, 'validation.mediationCents');

// ---- requests ----

export const ClaimInput = z.object({ type: z.enum(CLAIM_TYPES), description: Text(500), amount: Yuan.optional() }).strict();

export const ApplyBody = z
  .object({
    /** Staff and mediators register a case for a worker who came by; a worker applying leaves it out (themself). */
    applicantPersonId: Id.optional(),
    applicantKind: z.enum(APPLICANT_KINDS).default('worker'),
    /** How many workers a group application speaks for (集体争议). */
    groupSize: z.number().int().min(2).max(10_000).optional(),
    respondent: Text(100),
    /** When the worker knew of the infringement: the one-year limitation runs from here (调解仲裁法 §27). */
    disputeDate: IsoDate,
    summary: Text(2000),
    claims: z.array(ClaimInput).min(1).max(20),
    /** The appeal this dispute was referred from, when it was. */
    appealId: Id.optional(),
    /** Evidence uploaded beforehand (POST /api/v1/files): pay slips, attendance records, the contract. */
    fileIds: FileIds.optional(),
  })
  .strict();
export type ApplyBody = z.infer<typeof ApplyBody>;

export const AcceptCaseBody = z.object({ mediatorAccountId: Id.optional(), note: Text(500).optional() }).strict();
export const ReasonBody = z.object({ reason: Text(1000) }).strict();
export const ExtendBody = z.object({ days: z.number().int().min(1).max(15), reason: Text(500) }).strict();
export const SessionBody = z
  .object({
    date: IsoDate,
    attendees: Text(500),
    applicantSaid: Text(2000),
    respondentSaid: Text(2000),
    nextStep: Text(500).optional(),
  })
  .strict();
export const AgreementBody = z
  .object({
    terms: Text(4000),
    agreedAmount: Yuan,
    performanceDue: IsoDate,
    applicantSignedOn: IsoDate,
    respondentSigner: Text(100),
    respondentSignedOn: IsoDate,
    /** The respondent's department that carries out the agreement: its handler owns the performance item (督办). */
    respondentOrgId: Id.optional(),
  })
  .strict();
export type AgreementBody = z.infer<typeof AgreementBody>;
/** More evidence on an open case (the applicant, or those conducting it). */
export const EvidenceBody = z.object({ fileIds: FileIds.min(1) }).strict();
export const MediationFileParams = z.object({ id: Id, mediationFileId: Id }).strict();
export const PaymentBody = z.object({ paidAmount: Yuan, paidOn: IsoDate, note: Text(500).optional(), complete: z.boolean().default(false) }).strict();
export type PaymentBody = z.infer<typeof PaymentBody>;

export const CaseListQuery = listQuery(['appliedAt', 'acceptDue', 'mediationDue', 'closedOn'] as const).extend({
  status: csv(CASE_STATUSES, 200).optional(),
  light: z.enum(CASE_LIGHTS).optional(),
  claimType: z.enum(CLAIM_TYPES).optional(),
  orgId: Id.optional(),
  /** Closed (outcome) dates, inclusive: the drill-down of the indicators. */
  closedFrom: IsoDate.optional(),
  closedTo: IsoDate.optional(),
  appliedFrom: IsoDate.optional(),
  appliedTo: IsoDate.optional(),
  /** Closed on or before the mediation deadline. */
  onTime: QueryBool.optional(),
  /** Closed within 15 days of acceptance, extensions not counted (the drill of 15 日内结案率). */
  within15: QueryBool.optional(),
  q: z.string().trim().max(50).optional(),
  /** The `nextCursor` of the page shown: the page after it (newest first). */
  after: After.optional(),
});
export type CaseListQuery = z.infer<typeof CaseListQuery>;

// ---- responses ----

export const Clocks = z.object({
  acceptDue: IsoDate,
  mediationDue: IsoDate.nullable(),
  /** From this day the worker may apply for arbitration without waiting for mediation. */
  arbitrationFrom: IsoDate.nullable(),
  /** The last day of the one-year limitation, counted afresh from the end of mediation (§27). */
  limitationEnds: IsoDate,
  light: z.enum(CASE_LIGHTS),
});

export const CaseSummary = z.object({
  id: z.string(),
  code: z.string(),
  status: z.enum(CASE_STATUSES),
  applicantName: z.string(),
  applicantKind: z.enum(APPLICANT_KINDS),
  respondent: z.string(),
  orgName: z.string(),
  claimTypes: z.array(z.enum(CLAIM_TYPES)),
  claimedAmount: z.number(),
  agreedAmount: z.number().nullable(),
  paidAmount: z.number(),
  appliedAt: z.string(),
  acceptedOn: IsoDate.nullable(),
  closedOn: IsoDate.nullable(),
  clocks: Clocks,
});
export type CaseSummary = z.infer<typeof CaseSummary>;

export const CaseEvent = z.object({
  event: z.string(),
  from: z.string().nullable(),
  to: z.string().nullable(),
  actorName: z.string().nullable(),
  data: z.record(z.string(), z.unknown()).nullable(),
  at: z.string(),
});

export const CaseDetail = CaseSummary.extend({
  groupSize: z.number().nullable(),
  disputeDate: IsoDate,
  summary: z.string(),
  appealId: z.string().nullable(),
  extensionDays: z.number(),
  outcomeReason: z.string().nullable(),
  claims: z.array(z.object({ type: z.enum(CLAIM_TYPES), description: z.string(), amount: z.number().nullable() })),
  mediators: z.array(z.object({ accountId: z.string(), name: z.string() })),
  sessions: z.array(
    z.object({
      id: z.string(),
      date: IsoDate,
      attendees: z.string(),
      applicantSaid: z.string(),
      respondentSaid: z.string(),
      nextStep: z.string().nullable(),
      recordedBy: z.string().nullable(),
    }),
  ),
  agreement: z
    .object({
      terms: z.string(),
      agreedAmount: z.number(),
      performanceDue: IsoDate,
      applicantSignedOn: IsoDate,
      respondentSigner: z.string(),
      respondentSignedOn: IsoDate,
    })
    .nullable(),
  /** Evidence files of the case; each download is audited like a read. */
  files: z.array(FileRef),
  payments: z.array(z.object({ paidAmount: z.number(), paidOn: IsoDate, note: z.string().nullable() })),
  /** The agreement's performance as a decided item (督办事项): its owner, due date and status. */
  performance: z
    .object({ itemId: z.string(), status: z.enum(DECIDED_ITEM_STATUSES), progress: z.number(), dueDate: IsoDate, ownerName: z.string() })
    .nullable(),
  /** A wage agreement unpaid past its deadline: the worker may ask the court for a payment order (支付令, §16). */
  paymentOrderHint: z.boolean(),
  events: z.array(CaseEvent),
  /** What the caller may do next. */
  can: z.object({ accept: z.boolean(), conduct: z.boolean(), withdraw: z.boolean(), addEvidence: z.boolean() }),
});
export type CaseDetail = z.infer<typeof CaseDetail>;

export const CasePage = pageOf(CaseSummary).extend({
  /** The total stopped counting at its cap: the list says 「2000+」. */
  totalCapped: z.boolean(),
  /** Pass as `after` for the next page (newest first); null on the last page and for other sorts. */
  nextCursor: z.string().nullable(),
});

/** The committee's mediators a case may be assigned to on acceptance. */
export const MediatorOptions = z.object({ items: z.array(z.object({ accountId: z.string(), name: z.string() })) });

// ---- the cuts of a period's figures ----

export const FiguresQuery = z.object({
  from: IsoDate,
  to: IsoDate,
  /** The org whose child units are the unit rows; the caller's committee by default. */
  orgId: Id.optional(),
});
export type FiguresQuery = z.infer<typeof FiguresQuery>;

const CaseDrill = z.record(z.string(), z.string());
export const CutRow = z.object({
  /** A claim type, or a unit's org id. */
  key: z.string(),
  label: z.string(),
  /** Applied for in the period. */
  cases: z.number(),
  /** Closed in the period with an agreement or a referral to arbitration. */
  outcomes: z.number(),
  agreed: z.number(),
  successRate: z.number().nullable(),
  /** Of `outcomes`, those closed within 15 days of acceptance (extensions not counted): 15 日内结案. */
  within15: z.number(),
  /** Working days from application to outcome, median over `outcomes`. */
  medianWorkingDays: z.number().nullable(),
  /** The case list's filters that show exactly the cases behind `cases`, `outcomes`, `agreed` and `within15`. */
  drill: z.object({ cases: CaseDrill, outcomes: CaseDrill, agreed: CaseDrill, within15: CaseDrill }),
});
export type CutRow = z.infer<typeof CutRow>;

export const MediationFigures = z.object({
  from: IsoDate,
  to: IsoDate,
  org: z.object({ id: z.string(), name: z.string() }),
  /** The whole org's row (every case of its subtree, those placed at the org itself too). */
  total: CutRow,
  byClaimType: z.array(CutRow),
  byUnit: z.array(CutRow),
});
export type MediationFigures = z.infer<typeof MediationFigures>;
