import { z } from 'zod';
import { POLICY_LEVELS, POLICY_STATUSES, QUESTION_STATUSES, QUESTION_TOPICS } from '../policies.js';
import { EMPLOYMENT_CATEGORIES } from '../enums.js';
import { After, Id, IsoDate, QueryBool, listQuery, pageOf, csv } from './shared.js';

const Text = (max: number) => z.string().trim().min(1).max(max);

// ---- the library ----

const PolicyFields = {
  title: Text(120),
  issuer: Text(80),
  /** 文号, e.g. 国务院令第514号. */
  docNumber: z.string().trim().max(60).optional(),
  level: z.enum(POLICY_LEVELS),
  effectiveDate: IsoDate,
  /** The full text as pasted; split into 第N条 articles on save. */
  text: Text(200_000),
};

export const CreatePolicyBody = z.object({ orgId: Id, ...PolicyFields }).strict();
export type CreatePolicyBody = z.infer<typeof CreatePolicyBody>;
/** A new version replaces the one named in the path; the old one stays readable, marked superseded. */
export const NewVersionBody = z.object(PolicyFields).strict();
export type NewVersionBody = z.infer<typeof NewVersionBody>;
/** A .docx read back as the text the form sends (paragraph per line), with the articles it splits into. */
export const DocxText = z.object({ text: z.string(), articles: z.array(z.object({ label: z.string(), chapter: z.string().nullable() })) });
export type DocxText = z.infer<typeof DocxText>;
export const RepealBody = z.object({ repealDate: IsoDate, note: Text(500).optional() }).strict();

export const POLICY_SORT_KEYS = ['effectiveDate', 'title', 'updatedAt'] as const;
export const PolicyListQuery = z
  .object({
    q: z.string().trim().min(1).max(100).optional(),
    level: csv(POLICY_LEVELS, 200).optional(),
    status: csv(POLICY_STATUSES, 200).optional(),
  })
  .extend(listQuery(POLICY_SORT_KEYS).shape);
export type PolicyListQuery = z.infer<typeof PolicyListQuery>;

export const PolicyArticle = z.object({ id: Id, policyId: Id, seq: z.number().int(), label: z.string(), chapter: z.string().nullable(), body: z.string() });
export type PolicyArticle = z.infer<typeof PolicyArticle>;

export const PolicySummary = z.object({
  id: Id,
  seriesId: Id,
  version: z.number().int(),
  title: z.string(),
  issuer: z.string(),
  docNumber: z.string().nullable(),
  level: z.enum(POLICY_LEVELS),
  status: z.enum(POLICY_STATUSES),
  effectiveDate: z.string(),
  repealDate: z.string().nullable(),
  articleCount: z.number().int(),
  updatedAt: z.string(),
});
export type PolicySummary = z.infer<typeof PolicySummary>;

export const PolicyDetail = PolicySummary.extend({
  orgId: Id,
  supersededBy: Id.nullable(),
  articles: z.array(PolicyArticle),
  /** Every version of the same policy, newest first. */
  versions: z.array(z.object({ id: Id, version: z.number().int(), status: z.enum(POLICY_STATUSES), effectiveDate: z.string() })),
  /** May the caller add versions and repeal it. */
  canManage: z.boolean(),
});
export type PolicyDetail = z.infer<typeof PolicyDetail>;

export const ArticleSearchQuery = z.object({
  q: z.string().trim().min(1).max(100),
  /** Include superseded and repealed versions (default: in force only). */
  all: QueryBool.optional(),
  page: z.coerce.number().int().min(1).max(1000).default(1),
  pageSize: z.coerce.number().int().min(1).max(50).default(20),
});
export const ArticleHit = PolicyArticle.extend({ policyTitle: z.string(), policyStatus: z.enum(POLICY_STATUSES), docNumber: z.string().nullable() });
export type ArticleHit = z.infer<typeof ArticleHit>;

// ---- questions ----

export const AskBody = z
  .object({
    topic: z.enum(QUESTION_TOPICS),
    title: Text(60),
    body: Text(2000),
    anonymous: z.boolean().default(false),
  })
  .strict();
export type AskBody = z.infer<typeof AskBody>;

export const AnswerQuestionBody = z.object({ answer: Text(4000), articleIds: z.array(Id).max(20).default([]) }).strict();
export type AnswerQuestionBody = z.infer<typeof AnswerQuestionBody>;
/** The FAQ wording, de-identified by staff (no names, no team). */
export const PublishBody = z.object({ faqTitle: Text(60), faqAnswer: Text(4000) }).strict();
export type PublishBody = z.infer<typeof PublishBody>;

export const QUESTION_SORT_KEYS = ['askedAt', 'dueDate', 'status'] as const;
export const QuestionFilterQuery = z.object({
  q: z.string().trim().min(1).max(100).optional(),
  status: csv(QUESTION_STATUSES, 200).optional(),
  topic: csv(QUESTION_TOPICS, 200).optional(),
  employmentCategory: csv(EMPLOYMENT_CATEGORIES, 200).optional(),
  orgId: Id.optional(),
  /** Asked on these days (Asia/Shanghai), inclusive. */
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  /** Answered on or before the deadline day (true) or after it (false). */
  onTime: QueryBool.optional(),
  /** Cites a version that has since been amended or repealed. */
  reviewNeeded: QueryBool.optional(),
  /** An FAQ entry that workers said answered their question (「这条解答了我的问题」) at least once (true) or never (false). */
  deflected: QueryBool.optional(),
  /** Only the caller's own questions. */
  mine: QueryBool.optional(),
});
export type QuestionFilter = z.infer<typeof QuestionFilterQuery>;
export const QuestionListQuery = QuestionFilterQuery.extend(listQuery(QUESTION_SORT_KEYS).shape).extend({
  /** The `nextCursor` of the page shown: the page after it, in the same sort (askedAt or dueDate). */
  after: After.optional(),
});
export type QuestionListQuery = z.infer<typeof QuestionListQuery>;

export const Citation = z.object({
  articleId: Id,
  policyId: Id,
  policyTitle: z.string(),
  label: z.string(),
  body: z.string(),
  policyStatus: z.enum(POLICY_STATUSES),
});
export type Citation = z.infer<typeof Citation>;

export const QuestionSummary = z.object({
  id: Id,
  topic: z.enum(QUESTION_TOPICS),
  title: z.string(),
  status: z.enum(QUESTION_STATUSES),
  anonymous: z.boolean(),
  /** Null for anonymous questions (except to their author, who sees "me"). */
  askerName: z.string().nullable(),
  orgName: z.string(),
  askedAt: z.string(),
  dueDate: z.string(),
  answeredAt: z.string().nullable(),
  onTime: z.boolean().nullable(),
  reviewNeeded: z.boolean(),
  mine: z.boolean(),
});
export type QuestionSummary = z.infer<typeof QuestionSummary>;
/**
 * `totalCapped`: more than `total` match; the list stops counting there (shown as 「2000+」) and goes
 * on by `nextCursor` (null on the last page, and in the status sort, which has no cursor).
 */
export const QuestionPage = pageOf(QuestionSummary).extend({ totalCapped: z.boolean(), nextCursor: z.string().nullable() });

export const QuestionEvent = z.object({
  event: z.string(),
  from: z.string().nullable(),
  to: z.string().nullable(),
  actorName: z.string().nullable(),
  at: z.string(),
});
export const QuestionDetail = QuestionSummary.extend({
  body: z.string(),
  answer: z.string().nullable(),
  citations: z.array(Citation),
  faqTitle: z.string().nullable(),
  faqAnswer: z.string().nullable(),
  events: z.array(QuestionEvent),
  canAnswer: z.boolean(),
});
export type QuestionDetail = z.infer<typeof QuestionDetail>;

export const FaqQuery = z.object({
  q: z.string().trim().min(1).max(200).optional(),
  topic: csv(QUESTION_TOPICS, 200).optional(),
  page: z.coerce.number().int().min(1).max(1000).default(1),
  pageSize: z.coerce.number().int().min(1).max(50).default(20),
});
export const FaqEntry = z.object({
  id: Id,
  topic: z.enum(QUESTION_TOPICS),
  title: z.string(),
  answer: z.string(),
  citations: z.array(Citation),
  publishedAt: z.string(),
  deflections: z.number().int(),
  reviewNeeded: z.boolean(),
});
export type FaqEntry = z.infer<typeof FaqEntry>;

/** Several workers asked about one thing lately: publish an explanation (政策解读). Counts only; no asker is named. */
export const ExplainPrompt = z.object({
  topic: z.enum(QUESTION_TOPICS),
  keywords: z.array(z.string()),
  askers: z.number().int(),
  firstAsked: z.string(),
  lastAsked: z.string(),
  questions: z.array(z.object({ id: Id, title: z.string(), status: z.enum(QUESTION_STATUSES) })),
});
export type ExplainPrompt = z.infer<typeof ExplainPrompt>;

/** A worker's use of an FAQ entry: opened it (`view`), or said it answered the question (`deflect`). */
export const FAQ_USE_KINDS = ['view', 'deflect'] as const;
export type FaqUseKind = (typeof FAQ_USE_KINDS)[number];
export const FaqUseRecorded = z.object({
  /** False when this worker already counted for this entry today (a refresh is not a view), or the caller is no worker. */
  counted: z.boolean(),
});
export const FaqUseQuery = z.object({
  kind: z.enum(FAQ_USE_KINDS).optional(),
  /** On these days (Asia/Shanghai), inclusive. */
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  /** The workers' unit, or any org above it. */
  orgId: Id.optional(),
  page: z.coerce.number().int().min(1).max(1000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(50),
  after: After.optional(),
});
export type FaqUseQuery = z.infer<typeof FaqUseQuery>;
/** One counted use: the day, the entry and the worker's unit — never who. */
export const FaqUse = z.object({
  id: Id,
  kind: z.enum(FAQ_USE_KINDS),
  day: z.string(),
  faqId: Id,
  faqTitle: z.string(),
  topic: z.enum(QUESTION_TOPICS),
  unitName: z.string(),
});
export type FaqUse = z.infer<typeof FaqUse>;
export const FaqUsePage = z.object({
  items: z.array(FaqUse),
  total: z.number().int(),
  totalCapped: z.boolean(),
  nextCursor: z.string().nullable(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
