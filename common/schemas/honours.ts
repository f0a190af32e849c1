import { z } from 'zod';
import {
  ACCIDENT_SEVERITIES,
  COMPETITION_STATUSES,
  CRITERION_KINDS,
  DISQUALIFIER_REASONS,
  EVIDENCE_KINDS,
  HONOUR_KINDS,
  NOMINATION_STATUSES,
} from '../honours.js';
import { After, Id, IsoDate, listQuery, pageOf } from './shared.js';

const Text = (max: number) => z.string().trim().min(1).max(max);
const Year = z.coerce.number().int().min(2000).max(2100);

/** One criterion: scored (0..max) or a requirement (no max). Its key names it in every assessment. */
export const HonourCriterionInput = z
  .object({
    key: z.string().regex(/^[a-z][a-zA-Z0-9]{0,30}$/),
    label: Text(40),
    kind: z.enum(CRITERION_KINDS),
    max: z.number().int().min(1).max(100).optional(),
  })
  .strict();
export const HonourCriterion = z.object({ key: z.string(), label: z.string(), kind: z.enum(CRITERION_KINDS), max: z.number().int().optional() });

export const CreateHonourBody = z
  .object({
    orgId: Id,
    kind: z.enum(HONOUR_KINDS),
    name: Text(60),
    year: Year,
    /** The criteria in words (评选条件说明). */
    criteria: Text(2000),
    /** The criteria the review scores and checks (none: the review judges the words alone). */
    criteriaItems: z.array(HonourCriterionInput).max(15).optional(),
    /** The least total of the scored criteria a nomination needs to pass review. */
    passScore: z.number().int().min(0).max(1500).optional(),
    competitionId: Id.optional(),
  })
  .strict();
/** 修改评选条件: the words, the items and the pass mark, replaced whole; refused once assessment has started. */
export const EditCriteriaBody = z
  .object({
    criteria: Text(2000),
    criteriaItems: z.array(HonourCriterionInput).max(15).optional(),
    passScore: z.number().int().min(0).max(1500).optional(),
  })
  .strict();
export const Honour = z.object({
  id: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  kind: z.enum(HONOUR_KINDS),
  name: z.string(),
  year: z.number().int(),
  criteria: z.string(),
  criteriaItems: z.array(HonourCriterion),
  passScore: z.number().int().nullable(),
  competitionId: z.string().nullable(),
  nominations: z.number().int(),
});
export const HonourList = z.object({ items: z.array(Honour) });
export const HonourQuery = z.object({ year: Year.optional() });

export const NominateBody = z.object({ teamOrgId: Id, record: Text(4000) }).strict();

const Evidence = z.object({ kind: z.enum(EVIDENCE_KINDS), id: z.string(), label: z.string(), date: z.string() });
export const Finding = z.object({ reason: z.enum(DISQUALIFIER_REASONS), evidence: z.array(Evidence) });
export type Finding = z.infer<typeof Finding>;

export const NOMINATION_SORTS = ['createdAt', 'teamName', 'score'] as const;
export const NominationFilter = listQuery(NOMINATION_SORTS).extend({
  honourId: Id.optional(),
  year: Year.optional(),
  unitId: Id.optional(),
  status: z.enum(NOMINATION_STATUSES).optional(),
  /** Nominations whose last check found this disqualifier. */
  reason: z.enum(DISQUALIFIER_REASONS).optional(),
  /** Nominated on or after / on or before (YYYY-MM-DD). */
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  /** '1': awarded and not revoked (awarded or published). */
  awarded: z.enum(['0', '1']).optional(),
  /** '1': only nominations made by the caller. */
  mine: z.enum(['0', '1']).optional(),
  /** The `nextCursor` of the page shown: the page after it (newest first only). */
  after: After.optional(),
});
export type NominationFilter = z.infer<typeof NominationFilter>;

export const NominationRow = z.object({
  id: z.string(),
  honourId: z.string(),
  honourName: z.string(),
  year: z.number().int(),
  unitId: z.string(),
  unitName: z.string(),
  teamOrgId: z.string(),
  teamName: z.string(),
  status: z.enum(NOMINATION_STATUSES),
  /** The reasons the last check found; empty for a nominator (the evidence is the union's). */
  reasons: z.array(z.enum(DISQUALIFIER_REASONS)),
  /** The review's total against the honour's scored criteria; null until assessed, and for a nominator before the review decided. */
  score: z.number().int().nullable(),
  createdAt: z.string(),
});
export const NominationPage = pageOf(NominationRow).extend({
  /** The count stopped at its cap (「2000+」). */
  totalCapped: z.boolean(),
  /** Pass as `after` for the page after this one (newest first); null on the last page. */
  nextCursor: z.string().nullable(),
});

export const NominationDetail = NominationRow.extend({
  record: z.string(),
  nominatedBy: z.string(),
  /** The union's evidence behind each reason; null for the nominator. */
  findings: z.array(Finding).nullable(),
  checkedAt: z.string().nullable(),
  /** The honour's criteria and pass mark, so the page can show what the team is judged by. */
  criteria: z.array(HonourCriterion),
  passScore: z.number().int().nullable(),
  /** The union's assessment against them: to the union always, to the nominator once the review decided; null before. */
  assessment: z
    .object({
      scores: z.record(z.string(), z.number()),
      checks: z.record(z.string(), z.boolean()),
      total: z.number().int(),
      passed: z.boolean(),
      unmet: z.array(z.string()),
      assessedBy: z.string(),
      assessedAt: z.string(),
    })
    .nullable(),
  note: z.string().nullable(),
  timeline: z.array(
    z.object({
      event: z.string(),
      to: z.string().nullable(),
      actorName: z.string().nullable(),
      at: z.string(),
      data: z.record(z.string(), z.unknown()).nullable(),
    }),
  ),
  can: z.object({ review: z.boolean(), award: z.boolean() }),
});

/** The review's assessment: points for every scored criterion, met or not for every requirement. */
export const AssessmentBody = z.object({ scores: z.record(z.string(), z.number().int().min(0).max(100)), checks: z.record(z.string(), z.boolean()) }).strict();

export const ReviewNoteBody = z.object({ note: z.string().trim().max(500).optional() }).strict();
export const ReasonBody = z.object({ reason: Text(500) }).strict();

export const AwardRow = z.object({
  nominationId: z.string(),
  honourName: z.string(),
  kind: z.enum(HONOUR_KINDS),
  year: z.number().int(),
  unitName: z.string(),
  teamName: z.string(),
  publishedAt: z.string(),
});
export const AwardList = z.object({ items: z.array(AwardRow) });

export const AccidentBody = z.object({ orgId: Id, occurredOn: IsoDate, severity: z.enum(ACCIDENT_SEVERITIES), description: Text(1000) }).strict();
export const Accident = z.object({
  id: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  occurredOn: z.string(),
  severity: z.enum(ACCIDENT_SEVERITIES),
  description: z.string(),
});
export const AccidentList = z.object({ items: z.array(Accident) });

export const CreateCompetitionBody = z
  .object({
    orgId: Id,
    name: Text(80),
    startsOn: IsoDate,
    endsOn: IsoDate,
    teamOrgIds: z.array(Id).min(2).max(200),
    measures: z
      .array(z.object({ name: Text(40), unit: z.string().trim().max(10).default(''), weight: z.number().int().min(1).max(100) }).strict())
      .min(1)
      .max(20),
  })
  .strict();
/** A score period is a month: 'YYYY-MM'. */
export const Period = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'honours.periodFormat');
export const ScoresBody = z
  .object({
    period: Period,
    scores: z
      .array(z.object({ teamOrgId: Id, measureId: Id, value: z.number().min(0).max(100) }).strict())
      .min(1)
      .max(2000),
  })
  .strict();
export const ImportResult = z.object({
  written: z.number().int(),
  errors: z.array(z.object({ row: z.number().int(), field: z.string(), message: z.string() })),
});

export const CompetitionRow = z.object({
  id: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  name: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  status: z.enum(COMPETITION_STATUSES),
  teams: z.number().int(),
});
export const CompetitionList = z.object({ items: z.array(CompetitionRow) });
export const CompetitionDetail = CompetitionRow.extend({
  measures: z.array(z.object({ id: z.string(), name: z.string(), unit: z.string(), weight: z.number().int() })),
  periods: z.array(z.string()),
  /** Best first: total = Σ weight × points over every period entered. */
  ranking: z.array(
    z.object({ rank: z.number().int(), teamOrgId: z.string(), teamName: z.string(), total: z.number(), byMeasure: z.record(z.string(), z.number()) }),
  ),
  honours: z.array(z.object({ id: z.string(), name: z.string(), year: z.number().int() })),
  can: z.object({ manage: z.boolean() }),
});

export const HonourStats = z.object({
  byReason: z.array(z.object({ reason: z.enum(DISQUALIFIER_REASONS), nominations: z.number().int() })),
  byUnit: z.array(
    z.object({
      unitId: z.string(),
      unitName: z.string(),
      year: z.number().int(),
      nominations: z.number().int(),
      disqualified: z.number().int(),
      awards: z.number().int(),
    }),
  ),
});
