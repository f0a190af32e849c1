import { z } from 'zod';
import { CHECKPOINT_STATUSES, CLAUSE_CATEGORIES, CONTRACT_KINDS, CONTRACT_SIDES, CONTRACT_STATUSES, PREP_ITEM_KINDS, REVIEW_MODES } from '../contracts.js';
import { DECIDED_ITEM_STATUSES } from '../decidedItems.js';
import { Id, IsoDate, listQuery, pageOf } from './shared.js';

const Text = (max: number) => z.string().trim().min(1).max(max);
const Light = z.enum(['green', 'yellow', 'red', 'done']).nullable();

export const ContractIdParams = z.object({ contractId: Id });
export const ClauseIdParams = z.object({ clauseId: Id });
export const CheckpointIdParams = z.object({ checkpointId: Id });
export const EvidenceFileParams = z.object({ checkpointId: Id, evidenceFileId: Id });

export const CreateContractBody = z
  .object({
    orgId: Id,
    kind: z.enum(CONTRACT_KINDS),
    title: Text(100),
    requestedBy: z.enum(CONTRACT_SIDES),
    requestDate: IsoDate,
    termYears: z.number().int().min(1).max(3),
    predecessorId: Id.optional(),
  })
  .strict();
export const ReplyBody = z.object({ repliedDate: IsoDate }).strict();
export const NegotiatorsBody = z
  .object({
    negotiators: z
      .array(z.object({ side: z.enum(CONTRACT_SIDES), name: Text(40), accountId: Id.optional(), chief: z.boolean().default(false) }).strict())
      .min(2)
      .max(40),
  })
  .strict();
export const RoundBody = z
  .object({
    heldDate: IsoDate,
    minutes: Text(10_000),
    positions: z
      .array(
        z
          .object({ topic: Text(100), category: z.enum(CLAUSE_CATEGORIES), unionPosition: Text(2000), employerPosition: Text(2000), agreed: z.boolean() })
          .strict(),
      )
      .max(100)
      .default([]),
  })
  .strict();
export const ClauseInput = z
  .object({
    chapter: Text(40),
    number: z.number().int().min(1).max(999),
    category: z.enum(CLAUSE_CATEGORIES),
    text: Text(4000),
    /** A clause that promises something checkable becomes a decided item when the contract takes effect. */
    promise: z.boolean().default(false),
    ownerOrgId: Id.optional(),
  })
  .strict();
export const VersionBody = z.object({ note: z.string().trim().max(200).optional(), clauses: z.array(ClauseInput).min(1).max(300) }).strict();
/** `sessionId`: the sitting congress session that votes the draft (mode 'congress'). */
export const ReviewBody = z.object({ mode: z.enum(REVIEW_MODES), sessionId: Id.optional() }).strict();
/** A vote of all workers (where there is no congress): passed with more than half of all eligible. */
export const VoteBody = z
  .object({
    eligible: z.number().int().min(1).max(1_000_000),
    for: z.number().int().min(0),
    against: z.number().int().min(0),
    abstain: z.number().int().min(0),
  })
  .strict();
export const SignBody = z.object({ signedDate: IsoDate }).strict();
export const FileBody = z.object({ receivedDate: IsoDate }).strict();
export const ObjectionBody = z.object({ reason: Text(500) }).strict();
export const EffectiveBody = z.object({ startsOn: IsoDate.optional() }).strict();
/** Default: the last version against the one before it. */
export const DiffQuery = z.object({ from: z.coerce.number().int().min(1).optional(), to: z.coerce.number().int().min(1).optional() });
export const CheckpointBody = z.object({ dueDate: IsoDate, method: Text(500), evidenceRequired: Text(500) }).strict();
export const CheckResultBody = z
  .object({
    status: z.enum(CHECKPOINT_STATUSES),
    finding: z.string().trim().max(2000).optional(),
    checkedDate: IsoDate,
    fileIds: z.array(Id).max(10).default([]),
  })
  .strict();
export const CiteBody = z.object({ appealId: Id }).strict();

export const CONTRACT_SORTS = ['requestDate', 'endsOn', 'title'] as const;
export const ContractFilter = listQuery(CONTRACT_SORTS).extend({
  /** Contracts of this org's subtree (within the reader's own scope): a work report's drill names its org. */
  orgId: Id.optional(),
  status: z.enum(CONTRACT_STATUSES).optional(),
  kind: z.enum(CONTRACT_KINDS).optional(),
  /** 'inForce': published and today within the term; 'expiring': … ending in the next 60 days; 'overdueRenewal': ended with no successor. */
  set: z.enum(['inForce', 'expiring', 'overdueRenewal']).optional(),
  /** The day `set` is judged on (default today): an indicator's drill names the end of its period. */
  asOf: IsoDate.optional(),
  /** Bargaining requests made in [from, to]. */
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  /** '1': answered within 20 days. */
  repliedInTime: z.enum(['0', '1']).optional(),
});
export type ContractFilter = z.infer<typeof ContractFilter>;

export const ContractRow = z.object({
  id: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  kind: z.enum(CONTRACT_KINDS),
  title: z.string(),
  status: z.enum(CONTRACT_STATUSES),
  requestDate: z.string(),
  replyDue: z.string(),
  repliedDate: z.string().nullable(),
  replyLight: Light,
  filingDue: z.string().nullable(),
  filingLight: Light,
  objectionDue: z.string().nullable(),
  startsOn: z.string().nullable(),
  endsOn: z.string().nullable(),
  inForce: z.boolean(),
  /** Days until expiry while published; negative once expired. */
  daysToExpiry: z.number().int().nullable(),
});
export const ContractPage = pageOf(ContractRow);

export const ClauseView = z.object({
  id: z.string(),
  chapter: z.string(),
  number: z.number().int(),
  category: z.enum(CLAUSE_CATEGORIES),
  text: z.string(),
  promise: z.boolean(),
  ownerOrgId: z.string().nullable(),
  ownerOrgName: z.string().nullable(),
});

export const ContractDetail = ContractRow.extend({
  requestedBy: z.enum(CONTRACT_SIDES),
  termYears: z.number().int(),
  currentVersion: z.number().int(),
  versions: z.array(z.object({ version: z.number().int(), note: z.string().nullable(), createdAt: z.string() })),
  negotiators: z.array(z.object({ side: z.enum(CONTRACT_SIDES), name: z.string(), accountId: z.string().nullable(), chief: z.boolean() })),
  rounds: z.array(
    z.object({
      seq: z.number().int(),
      heldDate: z.string(),
      minutes: z.string(),
      positions: z.array(
        z.object({ topic: z.string(), category: z.enum(CLAUSE_CATEGORIES), unionPosition: z.string(), employerPosition: z.string(), agreed: z.boolean() }),
      ),
    }),
  ),
  review: z.object({
    mode: z.enum(REVIEW_MODES).nullable(),
    eligible: z.number().int().nullable(),
    for: z.number().int().nullable(),
    against: z.number().int().nullable(),
    abstain: z.number().int().nullable(),
  }),
  signedDate: z.string().nullable(),
  receivedDate: z.string().nullable(),
  effectiveDate: z.string().nullable(),
  publishedDate: z.string().nullable(),
  clauses: z.array(ClauseView),
  timeline: z.array(z.object({ event: z.string(), from: z.string().nullable(), to: z.string().nullable(), actorName: z.string().nullable(), at: z.string() })),
});

const Segment = z.object({ op: z.enum(['same', 'insert', 'delete']), text: z.string() });
export const ContractDiff = z.object({
  from: z.number().int(),
  to: z.number().int(),
  clauses: z.array(
    z.object({
      number: z.number().int(),
      chapter: z.string(),
      change: z.enum(['added', 'removed', 'changed', 'same']),
      before: z.string().nullable(),
      after: z.string().nullable(),
      segments: z.array(Segment),
    }),
  ),
});

export const BoardClause = ClauseView.extend({
  decidedItem: z.object({ id: z.string(), status: z.enum(DECIDED_ITEM_STATUSES), progress: z.number().int(), dueDate: z.string() }).nullable(),
  checkpoints: z.number().int(),
  lastCheck: z.object({ status: z.enum(CHECKPOINT_STATUSES), checkedDate: z.string().nullable(), dueDate: z.string() }).nullable(),
  /** green honoured, yellow partly or a checkpoint past due unchecked, red not honoured or at risk, null nothing checked yet. */
  light: z.enum(['green', 'yellow', 'red']).nullable(),
  citations: z.number().int(),
  atRisk: z.boolean(),
  /** Group alerts (not dismissed, raised in the at-risk window) whose member appeals cite the clause: any one flags it at risk. */
  groupAlerts: z.number().int(),
});
export const HealthFigure = z.object({ value: z.number().nullable(), numerator: z.number().int(), denominator: z.number().int() });
export const ContractBoard = z.object({
  contractId: z.string(),
  title: z.string(),
  status: z.enum(CONTRACT_STATUSES),
  health: HealthFigure,
  clauses: z.array(BoardClause),
});

export const CitedAppealView = z.object({
  appealId: z.string(),
  code: z.string(),
  title: z.string(),
  status: z.string(),
  submittedDate: z.string(),
  citedAt: z.string(),
});
export const ClauseDetail = BoardClause.extend({
  contractId: z.string(),
  checkpointList: z.array(
    z.object({
      id: z.string(),
      dueDate: z.string(),
      method: z.string(),
      evidenceRequired: z.string(),
      status: z.enum(CHECKPOINT_STATUSES),
      finding: z.string().nullable(),
      checkedDate: z.string().nullable(),
      files: z.array(z.object({ id: z.string(), name: z.string(), type: z.string(), size: z.number().int() })),
    }),
  ),
  citingAppeals: z.array(CitedAppealView),
});

export const Inspection = z.object({
  contractId: z.string(),
  title: z.string(),
  asOf: z.string(),
  health: HealthFigure,
  counts: z.record(z.enum(CHECKPOINT_STATUSES), z.number().int()),
  clauses: z.array(
    z.object({
      number: z.number().int(),
      chapter: z.string(),
      category: z.enum(CLAUSE_CATEGORIES),
      text: z.string(),
      ownerOrgName: z.string().nullable(),
      status: z.enum(CHECKPOINT_STATUSES).nullable(),
      finding: z.string().nullable(),
      evidence: z.number().int(),
      citations: z.number().int(),
      atRisk: z.boolean(),
    }),
  ),
});
export const Created = z.object({ id: z.string() });
export const Ok = z.object({ ok: z.literal(true) });
export const PublishedContract = ContractRow.extend({ clauses: z.array(ClauseView) });

/** Clauses across the contracts in force on `asOf` (default today): the rows behind the honoured rate and its cuts. */
export const ClauseCutsQuery = z.object({ asOf: IsoDate.optional(), orgId: Id.optional() });
export type ClauseCutsQuery = z.infer<typeof ClauseCutsQuery>;
export const ClauseListFilter = listQuery(['number'] as const).extend({
  asOf: IsoDate.optional(),
  /** Contracts of this org's subtree (within the reader's own scope). */
  orgId: Id.optional(),
  category: z.enum(CLAUSE_CATEGORIES).optional(),
  ownerOrgId: Id.optional(),
  /** The finding of the clause's last checked checkpoint. */
  lastStatus: z.enum(CHECKPOINT_STATUSES).optional(),
  /** '1': clauses checked at least once. */
  checked: z.enum(['1']).optional(),
});
export type ClauseListFilter = z.infer<typeof ClauseListFilter>;
export const ClauseListRow = ClauseView.omit({ chapter: true, promise: true }).extend({
  contractId: z.string(),
  contractTitle: z.string(),
  orgName: z.string(),
  lastStatus: z.enum(CHECKPOINT_STATUSES).nullable(),
});
/** `totalCapped`: more than `total` match; the count stops there (shown as 「2000+」). */
export const ClausePage = pageOf(ClauseListRow).extend({ totalCapped: z.boolean() });
const Drill = z.object({ numerator: z.record(z.string(), z.string()), denominator: z.record(z.string(), z.string()) });
const Cut = z.object({ honoured: z.number().int(), checked: z.number().int(), rate: z.number().nullable(), drill: Drill });
export const ClauseCuts = z.object({
  asOf: z.string(),
  total: Cut,
  byCategory: z.array(Cut.extend({ category: z.enum(CLAUSE_CATEGORIES) })),
  byOwner: z.array(Cut.extend({ ownerOrgId: z.string(), ownerOrgName: z.string() })),
});

/** 协商准备 Preparation: what each side supplies, and the union's surveys of workers' demands. */
export const PrepItemParams = z.object({ contractId: Id });
export const PrepFileParams = z.object({ contractPrepItemId: Id, prepFileId: Id });
export const PrepItemBody = z
  .object({
    side: z.enum(CONTRACT_SIDES),
    kind: z.enum(PREP_ITEM_KINDS),
    title: Text(100),
    note: z.string().trim().max(5000).optional(),
    /** Who on that side supplied it (a name, or a department). */
    suppliedBy: Text(60),
    suppliedDate: IsoDate,
    fileIds: z.array(Id).max(10).default([]),
  })
  .strict();
export const SurveyLinkBody = z.object({ surveyId: Id }).strict();
const PrepFile = z.object({ id: z.string(), name: z.string(), type: z.string(), size: z.number().int() });
export const LinkedSurvey = z.object({
  surveyId: z.string(),
  linkedAt: z.string(),
  /** Null when the reader may not read the survey's results (another office's survey). */
  digest: z
    .object({
      title: z.string(),
      status: z.string(),
      anonymous: z.boolean(),
      recipients: z.number().int(),
      respondents: z.number().int(),
      suppressed: z.boolean(),
      topConcerns: z.array(z.object({ concern: z.string(), score: z.number().int(), mentions: z.number().int() })),
    })
    .nullable(),
});
export const Preparation = z.object({
  contractId: z.string(),
  /** Negotiators per side and whether the team is complete (equal numbers, one chief each). */
  negotiators: z.object({ union: z.number().int(), employer: z.number().int(), balanced: z.boolean() }),
  items: z.array(
    z.object({
      id: z.string(),
      side: z.enum(CONTRACT_SIDES),
      kind: z.enum(PREP_ITEM_KINDS),
      title: z.string(),
      note: z.string().nullable(),
      suppliedBy: z.string(),
      suppliedDate: z.string(),
      recordedBy: z.string().nullable(),
      files: z.array(PrepFile),
    }),
  ),
  surveys: z.array(LinkedSurvey),
  /** Whether preparation can still be added to (until the draft goes to review). */
  open: z.boolean(),
});
