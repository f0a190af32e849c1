/** zod for every body, query and response of surveys and screening (survey, screeningItem). */
import { z } from 'zod';
import { EMPLOYMENT_CATEGORIES } from '../enums.js';
import { GENDERS } from './people.js';
import { QUESTION_KINDS, SCREENING_SOURCES, SCREENING_STATUSES, SEVERITIES, SURVEY_CUTS, SURVEY_STATUSES } from '../surveys.js';
import { Id, IsoDate, QueryBool, listQuery, pageOf } from './shared.js';

const Text = (max: number) => z.string().trim().min(1).max(max);

// ---- building a survey ----

export const QuestionInput = z
  .object({
    kind: z.enum(QUESTION_KINDS),
    text: Text(300),
    /** The choices of single, multiple and top-3 questions (top 3 needs at least 3). */
    options: z.array(Text(100)).max(30).default([]),
    /** Scale bounds (default 1–5). */
    scaleMin: z.number().int().min(0).max(10).optional(),
    scaleMax: z.number().int().min(1).max(10).optional(),
    required: z.boolean().default(true),
  })
  .strict();
export type QuestionInput = z.infer<typeof QuestionInput>;

/** Who receives the survey: workers of the org subtrees, of the categories (all when empty), with the roster attributes given. */
export const SurveyTarget = z
  .object({
    orgIds: z.array(Id).min(1).max(50),
    categories: z.array(z.enum(EMPLOYMENT_CATEGORIES)).max(EMPLOYMENT_CATEGORIES.length).default([]),
    genders: z.array(z.enum(GENDERS)).max(2).default([]),
    /** Only union members (true), only non-members (false), or everyone (left out). */
    unionMember: z.boolean().optional(),
  })
  .strict();
export type SurveyTarget = z.infer<typeof SurveyTarget>;

export const SurveyBody = z
  .object({
    /** The org that runs the survey: the target lies inside its subtree. */
    orgId: Id,
    title: Text(100),
    description: z.string().trim().max(2000).default(''),
    anonymous: z.boolean().default(false),
    closesOn: IsoDate,
    target: SurveyTarget,
    questions: z.array(QuestionInput).min(1).max(60),
  })
  .strict();
export type SurveyBody = z.infer<typeof SurveyBody>;

export const SurveyListQuery = listQuery(['createdAt', 'closesOn'] as const).extend({
  status: z.enum(SURVEY_STATUSES).optional(),
});
export type SurveyListQuery = z.infer<typeof SurveyListQuery>;

// ---- answering ----

/** One answer: `choices` are option indexes (top 3: in rank order), `value` a scale or number, `text` free text. */
export const AnswerInput = z
  .object({
    questionId: Id,
    choices: z.array(z.number().int().min(0).max(29)).max(30).optional(),
    value: z.number().min(-1_000_000).max(1_000_000).optional(),
    text: z.string().trim().max(2000).optional(),
  })
  .strict();
export type AnswerInput = z.infer<typeof AnswerInput>;
export const AnswersBody = z.object({ answers: z.array(AnswerInput).max(60) }).strict();
export type AnswersBody = z.infer<typeof AnswersBody>;

// ---- responses ----

export const QuestionView = z.object({
  id: Id,
  sort: z.number().int(),
  kind: z.enum(QUESTION_KINDS),
  text: z.string(),
  options: z.array(z.string()),
  scaleMin: z.number().int().nullable(),
  scaleMax: z.number().int().nullable(),
  required: z.boolean(),
});
export type QuestionView = z.infer<typeof QuestionView>;

export const SurveySummary = z.object({
  id: Id,
  orgId: Id,
  orgName: z.string(),
  title: z.string(),
  anonymous: z.boolean(),
  status: z.enum(SURVEY_STATUSES),
  closesOn: z.string(),
  openedAt: z.string().nullable(),
  recipients: z.number().int(),
  answered: z.number().int(),
  createdAt: z.string(),
});
export type SurveySummary = z.infer<typeof SurveySummary>;
export const SurveyPage = pageOf(SurveySummary);

export const SurveyDetail = SurveySummary.extend({
  description: z.string(),
  target: SurveyTarget,
  questions: z.array(QuestionView),
  can: z.object({ edit: z.boolean(), open: z.boolean(), close: z.boolean() }),
});
export type SurveyDetail = z.infer<typeof SurveyDetail>;

/** A survey as its recipient sees it: the questions, and their saved draft (named surveys only). */
export const SurveyForm = z.object({
  id: Id,
  title: z.string(),
  description: z.string(),
  anonymous: z.boolean(),
  status: z.enum(SURVEY_STATUSES),
  closesOn: z.string(),
  answered: z.boolean(),
  questions: z.array(QuestionView),
  draft: z.array(AnswerInput).nullable(),
});
export type SurveyForm = z.infer<typeof SurveyForm>;

export const MySurvey = z.object({
  id: Id,
  title: z.string(),
  anonymous: z.boolean(),
  status: z.enum(SURVEY_STATUSES),
  closesOn: z.string(),
  answered: z.boolean(),
  hasDraft: z.boolean(),
});
export const MySurveys = z.object({ items: z.array(MySurvey) });

export const Receipt = z.object({ surveyId: Id, answered: z.literal(true) });

export const ResultsQuery = z.object({ cut: z.enum(SURVEY_CUTS).optional() }).strict();
export type ResultsQuery = z.infer<typeof ResultsQuery>;

/** One group of a cut ('all' for the whole survey). A suppressed cell carries no figure at all. */
export const ResultCell = z.object({
  group: z.string(),
  label: z.string(),
  suppressed: z.boolean(),
  respondents: z.number().int().nullable(),
  /** Per option (choice kinds): how many picked it; top 3: how many put it in their three. */
  counts: z.array(z.number().int()).nullable(),
  /** Top 3: rank-weighted score (first 3, second 2, third 1). */
  scores: z.array(z.number().int()).nullable(),
  /** Scale and number: mean of the answers given. */
  mean: z.number().nullable(),
  answers: z.number().int().nullable(),
});
export type ResultCell = z.infer<typeof ResultCell>;

export const TextGroup = z.object({ size: z.number().int(), sample: z.array(z.string()), keywords: z.array(z.string()) });

export const QuestionResult = QuestionView.extend({ overall: ResultCell, cells: z.array(ResultCell), textGroups: z.array(TextGroup).nullable() });
export const SurveyResults = z.object({
  surveyId: Id,
  anonymous: z.boolean(),
  cut: z.enum(SURVEY_CUTS).nullable(),
  recipients: z.number().int(),
  respondents: z.number().int(),
  minCell: z.number().int(),
  questions: z.array(QuestionResult),
});
export type SurveyResults = z.infer<typeof SurveyResults>;

export const RateRow = z.object({
  group: z.string(),
  label: z.string(),
  recipients: z.number().int(),
  answered: z.number().int(),
  rate: z.number().nullable(),
});
export const ResponseRates = z.object({ cut: z.enum(SURVEY_CUTS), rows: z.array(RateRow) });
export const RatesQuery = z.object({ cut: z.enum(SURVEY_CUTS).default('unit') }).strict();

/** The recipients list (the response-rate indicator's drill): who was asked, and whether they answered — never what. */
export const RecipientQuery = listQuery(['name'] as const).extend({
  surveyId: Id.optional(),
  orgId: Id.optional(),
  category: z.enum(EMPLOYMENT_CATEGORIES).optional(),
  answered: QueryBool.optional(),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
});
export type RecipientQuery = z.infer<typeof RecipientQuery>;
export const RecipientRow = z.object({
  surveyId: Id,
  surveyTitle: z.string(),
  personId: Id,
  name: z.string(),
  orgName: z.string(),
  category: z.string().nullable(),
  answered: z.boolean(),
});
export const RecipientPage = pageOf(RecipientRow);

/**
 * Top concerns (the top-concerns indicator's drill): the 'top 3 concerns' answers of the surveys
 * opened in [from, to], counted per unit and named by option text across surveys. An anonymous
 * survey's unit enters only when its results page would show that unit's cell (≥ 5, complements hidden).
 */
export const ConcernQuery = z.object({ from: IsoDate, to: IsoDate, orgId: Id.optional(), concern: z.string().trim().min(1).max(200).optional() }).strict();
export type ConcernQuery = z.infer<typeof ConcernQuery>;
const ConcernCount = z.object({ concern: z.string(), mentions: z.number().int(), share: z.number().nullable() });
export const ConcernRanking = z.object({
  from: IsoDate,
  to: IsoDate,
  /** Answers to a 'top 3 concerns' question (one per respondent and question): the denominator. */
  answers: z.number().int(),
  /** Unit cells of anonymous surveys left out because they are under 5 or would give one away. */
  hiddenCells: z.number().int(),
  rows: z.array(ConcernCount),
  units: z.array(z.object({ unitId: Id, unitName: z.string(), answers: z.number().int(), top: z.array(ConcernCount) })),
});
export type ConcernRanking = z.infer<typeof ConcernRanking>;

// ---- screening ----

export const ScreeningBody = z
  .object({
    orgId: Id,
    title: Text(200),
    description: z.string().trim().max(4000).default(''),
    source: z.enum(SCREENING_SOURCES),
    /** What it came from: the survey, the group alert, the meeting (free text for a visit). */
    sourceRef: z.string().trim().max(200).optional(),
    severity: z.enum(SEVERITIES),
    ownerAccountId: Id,
    dueDate: IsoDate.optional(),
  })
  .strict();
export type ScreeningBody = z.infer<typeof ScreeningBody>;

export const ScreeningListQuery = listQuery(['raisedOn', 'severity'] as const).extend({
  orgId: Id.optional(),
  status: z
    .string()
    .max(100)
    .transform((s) => s.split(',').filter(Boolean))
    .pipe(z.array(z.enum(SCREENING_STATUSES)).min(1))
    .optional(),
  severity: z.enum(SEVERITIES).optional(),
  source: z.enum(SCREENING_SOURCES).optional(),
  /** Raised on or before this day (the aged indicator's drill: open and raised ≥ 30 days ago). */
  raisedTo: IsoDate.optional(),
  raisedFrom: IsoDate.optional(),
});
export type ScreeningListQuery = z.infer<typeof ScreeningListQuery>;

export const ScreeningItem = z.object({
  id: Id,
  orgId: Id,
  orgName: z.string(),
  title: z.string(),
  description: z.string(),
  source: z.enum(SCREENING_SOURCES),
  sourceRef: z.string().nullable(),
  severity: z.enum(SEVERITIES),
  ownerAccountId: Id,
  ownerName: z.string(),
  status: z.enum(SCREENING_STATUSES),
  raisedOn: z.string(),
  dueDate: z.string().nullable(),
  closedOn: z.string().nullable(),
  ageDays: z.number().int(),
  decidedItemId: Id.nullable(),
  note: z.string().nullable(),
});
export type ScreeningItem = z.infer<typeof ScreeningItem>;
export const ScreeningPage = pageOf(ScreeningItem);

export const ScreeningStep = z.object({ note: Text(1000) }).strict();
export const ScreeningDecide = z.object({ dueDate: IsoDate, ownerAccountId: Id.optional() }).strict();
/** Open problems per unit: the chair's overview. */
export const ScreeningUnits = z.object({
  rows: z.array(z.object({ orgId: Id, orgName: z.string(), open: z.number().int(), high: z.number().int(), oldestDays: z.number().int().nullable() })),
});
