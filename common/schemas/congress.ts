import { z } from 'zod';
import {
  CONGRESS_SESSION_STATUSES,
  PROPORTION_RULE_KEYS,
  PROPOSAL_CUTS,
  PROPOSAL_GRADES,
  PROPOSAL_RATINGS,
  PROPOSAL_SETS,
  PROPOSAL_STATUSES,
  REPRESENTATIVE_CATEGORIES,
  SCREEN_OUTCOMES,
  VOTE_CHOICES,
  VOTE_KINDS,
  VOTE_STATUSES,
} from '../congress.js';
import { Id, IsoDate, listQuery } from './shared.js';

const Percent = z.number().int().min(0).max(100).nullable();
export const ProportionRules = z.object({ leadersMax: Percent, frontLineMin: Percent, womenMin: Percent, dispatchedMin: Percent }).strict();

export const CongressTermParams = z.object({ congressTermId: Id });
export const CongressSessionParams = z.object({ congressSessionId: Id });

export const TermListQuery = z.object({ orgId: Id.optional() });
export const CreateTermBody = z
  .object({
    orgId: Id,
    /** 第几届. */
    number: z.number().int().min(1).max(99),
    startDate: IsoDate,
    endDate: IsoDate,
    rules: ProportionRules.optional(),
  })
  .strict();
export const PutRulesBody = ProportionRules;

export const RuleCheck = z.object({
  rule: z.enum(PROPORTION_RULE_KEYS),
  /** The limit in percent. */
  limit: z.number(),
  count: z.number().int(),
  /** Percent of all representatives, one decimal. */
  percent: z.number(),
  ok: z.boolean(),
  /** Chinese (or English) sentence naming the rule, for the roster's warning banner. */
  message: z.string(),
});
export const RosterCheck = z.object({
  total: z.number().int(),
  leaders: z.number().int(),
  frontLine: z.number().int(),
  women: z.number().int(),
  dispatched: z.number().int(),
  checks: z.array(RuleCheck),
  warnings: z.number().int(),
});

export const CongressSessionSummary = z.object({
  id: z.string(),
  termId: z.string(),
  number: z.number().int(),
  name: z.string(),
  startsOn: z.string(),
  proposalsCloseOn: z.string(),
  status: z.enum(CONGRESS_SESSION_STATUSES),
});

export const CongressTerm = z.object({
  id: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  number: z.number().int(),
  name: z.string(),
  startDate: z.string(),
  endDate: z.string(),
  rules: ProportionRules,
  roster: RosterCheck,
  sessions: z.array(CongressSessionSummary),
  /** The caller's own place on the roster, when the caller is a representative of this term. */
  myRepresentativeId: z.string().nullable(),
  canManage: z.boolean(),
});
export const CongressTermSummary = CongressTerm.pick({ id: true, orgId: true, orgName: true, number: true, name: true, startDate: true, endDate: true }).extend(
  {
    representatives: z.number().int(),
    warnings: z.number().int(),
  },
);

export const RepresentativeListQuery = listQuery(['name', 'delegation', 'category'] as const).extend({
  delegation: z.string().trim().max(40).optional(),
  category: z.enum(REPRESENTATIVE_CATEGORIES).optional(),
  q: z.string().trim().max(40).optional(),
});
export const AddRepresentativeBody = z
  .object({
    personId: Id,
    /** 代表团（组）. */
    delegation: z.string().trim().min(1).max(40),
    category: z.enum(REPRESENTATIVE_CATEGORIES),
  })
  .strict();
export const Representative = z.object({
  id: z.string(),
  personId: z.string(),
  name: z.string(),
  orgName: z.string(),
  delegation: z.string(),
  category: z.enum(REPRESENTATIVE_CATEGORIES),
  gender: z.string().nullable(),
  employmentCategory: z.string().nullable(),
});

export const CreateSessionBody = z
  .object({
    /** 第几次. */
    number: z.number().int().min(1).max(99),
    startsOn: IsoDate,
    /** The last day of proposal collection; a week after the session opens when left out. */
    proposalsCloseOn: IsoDate.optional(),
  })
  .strict();

export const Attendance = z.object({
  /** 应到: every representative of the term. */
  expected: z.number().int(),
  /** 实到. */
  present: z.number().int(),
  /** Two thirds of all representatives, rounded up: the fewest present for the session to sit. */
  quorumNeeds: z.number().int(),
  quorate: z.boolean(),
});
export const CongressSession = CongressSessionSummary.extend({
  termName: z.string(),
  orgName: z.string(),
  attendance: Attendance,
  /** Whether the caller, as a representative, has signed in. */
  signedIn: z.boolean().nullable(),
  canManage: z.boolean(),
});
export const AttendanceRow = z.object({
  representativeId: z.string(),
  name: z.string(),
  delegation: z.string(),
  present: z.boolean(),
  absenceReason: z.string().nullable(),
  at: z.string().nullable(),
});
export const PutAttendanceBody = z
  .object({
    representativeId: Id,
    present: z.boolean(),
    /** 请假原因, for an absent representative. */
    absenceReason: z.string().trim().max(100).optional(),
  })
  .strict();

// ── proposals ─────────────────────────────────────────────────────

export const ProposalParams = z.object({ proposalId: Id });
export const RaiseProposalBody = z
  .object({
    title: z.string().trim().min(4).max(60),
    /** 案由. */
    reasons: z.string().trim().min(10).max(2000),
    /** 建议办法. */
    solution: z.string().trim().min(5).max(2000),
  })
  .strict();
export const ScreenProposalBody = z
  .object({
    outcome: z.enum(SCREEN_OUTCOMES),
    reason: z.string().trim().min(2).max(300),
    /** For a merge: the adopted proposal this one joins. */
    mergeIntoId: Id.optional(),
  })
  .strict();
export const AssignProposalBody = z
  .object({
    departmentId: Id,
    coDepartmentIds: z.array(Id).max(5).default([]),
    /** Working days to answer. */
    days: z.number().int().min(1).max(90).optional(),
  })
  .strict();
export const AnswerProposalBody = z.object({ answer: z.string().trim().min(5).max(3000) }).strict();
export const RateProposalBody = z.object({ rating: z.enum(PROPOSAL_RATINGS) }).strict();
export const GradeProposalBody = z.object({ grade: z.enum(PROPOSAL_GRADES), reason: z.string().trim().min(2).max(300) }).strict();
export const ProposalListQuery = listQuery(['submittedAt', 'number', 'seconds'] as const).extend({
  status: z.enum(PROPOSAL_STATUSES).optional(),
  q: z.string().trim().max(40).optional(),
});
/** Proposals across the sessions held between two dates in the caller's reach: the indicators' drill-down. */
export const ProposalSetQuery = ProposalListQuery.extend({
  from: IsoDate,
  to: IsoDate,
  set: z.enum(PROPOSAL_SETS).optional(),
  /** A work report's drill: the org its figure was computed for (its subtree within the caller's reach). */
  orgId: Id.optional(),
  /** A cut's row (GET /congress/proposals/cuts): one session, one lead department ('none': not assigned), the proposer's delegation or category. */
  sessionId: Id.optional(),
  departmentId: z.union([Id, z.literal('none')]).optional(),
  delegation: z.string().trim().min(1).max(40).optional(),
  category: z.enum(REPRESENTATIVE_CATEGORIES).optional(),
  /** A representative's participation: the proposals they raised, or seconded. */
  proposerId: Id.optional(),
  secondedBy: Id.optional(),
});
/** `cut` (not `by`, a name the authorization probes fill with record ids) defaults to the session cut (the registered indicators' own grouping). */
export const ProposalCutQuery = z.object({ from: IsoDate, to: IsoDate, cut: z.enum(PROPOSAL_CUTS).default('session') });
/** One row of a cut: how many proposals of the row fall in each set, and the drill filter that lists them. */
export const ProposalCutRow = z.object({
  key: z.string(),
  label: z.string(),
  proposals: z.number().int(),
  counts: z.record(z.enum(PROPOSAL_SETS), z.number().int()),
  drill: z.record(z.string(), z.string()),
});
export const ProposalCuts = z.object({ by: z.enum(PROPOSAL_CUTS), rows: z.array(ProposalCutRow) });
/** `orgId`: a work report's drill names the org its figure was computed for. */
export const ParticipationQuery = z.object({ from: IsoDate, to: IsoDate, orgId: Id.optional() });
/** `active=1`: only the representatives who raised or seconded a proposal (the participation figure's numerator). */
export const ParticipationListQuery = ParticipationQuery.extend({ active: z.enum(['1']).optional() });
/** A representative's part in the sessions held in the period: proposals raised, seconded, sessions attended of those recorded. */
export const ParticipationRow = z.object({
  representativeId: z.string(),
  name: z.string(),
  delegation: z.string(),
  category: z.enum(REPRESENTATIVE_CATEGORIES),
  proposals: z.number().int(),
  seconds: z.number().int(),
  present: z.number().int(),
  recorded: z.number().int(),
  drill: z.object({ proposals: z.record(z.string(), z.string()), seconds: z.record(z.string(), z.string()) }),
});
export const Participation = z.object({ rows: z.array(ParticipationRow) });
/** The sessions held (closed) in a period, each with its attendance: the attendance figure's one list of both counts. */
export const HeldSessions = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      termId: z.string(),
      name: z.string(),
      orgName: z.string(),
      startsOn: z.string(),
      present: z.number().int(),
      expected: z.number().int(),
    }),
  ),
});

export const ProposalSummary = z.object({
  id: z.string(),
  sessionId: z.string(),
  number: z.number().int().nullable(),
  title: z.string(),
  status: z.enum(PROPOSAL_STATUSES),
  proposerName: z.string(),
  seconds: z.number().int(),
  departmentName: z.string().nullable(),
  answerDueDate: z.string().nullable(),
  rating: z.enum(PROPOSAL_RATINGS).nullable(),
  grade: z.enum(PROPOSAL_GRADES).nullable(),
  submittedAt: z.string(),
});
export const ProposalEvent = z.object({
  event: z.string(),
  from: z.string().nullable(),
  to: z.string().nullable(),
  actorName: z.string().nullable(),
  data: z.record(z.string(), z.unknown()).nullable(),
  at: z.string(),
});
export const Proposal = ProposalSummary.extend({
  sessionName: z.string(),
  reasons: z.string(),
  solution: z.string(),
  screeningReason: z.string().nullable(),
  mergedIntoId: z.string().nullable(),
  /** The proposer and those of the proposals merged into this one. */
  proposers: z.number().int(),
  secondedBy: z.array(z.string()),
  coDepartmentNames: z.array(z.string()),
  answer: z.string().nullable(),
  answeredAt: z.string().nullable(),
  reopened: z.boolean(),
  gradeReason: z.string().nullable(),
  published: z.boolean(),
  decidedItems: z.array(z.object({ id: z.string(), status: z.string(), progress: z.number(), dueDate: z.string() })),
  timeline: z.array(ProposalEvent),
  /** What the caller may do now. */
  can: z.object({ second: z.boolean(), screen: z.boolean(), assign: z.boolean(), answer: z.boolean(), rate: z.boolean(), grade: z.boolean() }),
});

// ── votes ─────────────────────────────────────────────────────────

export const CongressVoteParams = z.object({ congressVoteId: Id });
export const CreateVoteBody = z
  .object({
    title: z.string().trim().min(4).max(80),
    kind: z.enum(VOTE_KINDS),
    /** 无记名投票. */
    secret: z.boolean().default(false),
    description: z.string().trim().max(2000).optional(),
    /** 承办部门: carries out the resolution if it passes (its handler owns the decided item); without one, the union chair of the congress's organisation. */
    departmentId: Id.optional(),
  })
  .strict();
export const CastBallotBody = z.object({ choice: z.enum(VOTE_CHOICES) }).strict();
/** The receipt code is shown once, when the ballot is cast; with the choice it proves the ballot was counted. */
export const VerifyReceiptBody = z.object({ receipt: z.string().trim().min(4).max(20), choice: z.enum(VOTE_CHOICES) }).strict();
export const VoteListQuery = z.object({ status: z.enum(VOTE_STATUSES).optional() });

const Tally = z.object({
  for: z.number().int(),
  against: z.number().int(),
  abstain: z.number().int(),
  /** 全体代表: the base of the majority. */
  representatives: z.number().int(),
  /** More than half of all representatives: the fewest votes for that pass it. */
  needs: z.number().int(),
  voted: z.number().int(),
  /** 投票率: voted ÷ all representatives. */
  turnout: z.number(),
  /** 实到 at the session when the vote closed. */
  present: z.number().int(),
  passed: z.boolean(),
});
export const VoteSummary = z.object({
  id: z.string(),
  sessionId: z.string(),
  title: z.string(),
  kind: z.enum(VOTE_KINDS),
  secret: z.boolean(),
  status: z.enum(VOTE_STATUSES),
  subject: z.object({ kind: z.string(), id: z.string(), label: z.string() }).nullable(),
  /** 承办部门: carries the resolution out if it passes; null: the union chair does. */
  department: z.object({ id: z.string(), name: z.string() }).nullable(),
  openedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  /** Only after the vote closes; null while it is planned or open. */
  result: Tally.nullable(),
  /** Whether the caller, as a representative, has voted. */
  iVoted: z.boolean().nullable(),
});
export const Vote = VoteSummary.extend({
  sessionName: z.string(),
  description: z.string().nullable(),
  /** 记名表决: each representative's choice, after close; always empty for a secret ballot. */
  roll: z.array(z.object({ name: z.string(), delegation: z.string(), choice: z.enum(VOTE_CHOICES) })),
  decidedItems: z.array(z.object({ id: z.string(), status: z.string(), progress: z.number(), dueDate: z.string() })),
  can: z.object({ open: z.boolean(), close: z.boolean(), cast: z.boolean() }),
});
export const CastBallotResult = z.object({
  voteId: z.string(),
  /** For a secret ballot only: keep it to check later that the ballot was counted. Shown once. */
  receipt: z.string().nullable(),
});
/** Closed votes of the sessions held between two dates in the caller's reach: the turnout indicator's drill-down. */
export const VotePeriodQuery = z.object({ from: IsoDate, to: IsoDate, orgId: Id.optional() });
export const VoteInPeriod = VoteSummary.extend({ sessionName: z.string() });
