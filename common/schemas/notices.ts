import { z } from 'zod';
import { CHAIN_ACTIONS, NOTICE_KINDS, NOTICE_QUESTION_STATUSES, NOTICE_SCHEDULES, NOTICE_STATUSES } from '../notices.js';
import { EMPLOYMENT_CATEGORIES } from '../enums.js';
import { FileRef } from './files.js';
import { After, Id, IsoDate, QueryBool, listQuery, pageOf } from './shared.js';

const Text = (max: number) => z.string().trim().min(1).max(max);
const Categories = z.array(z.enum(EMPLOYMENT_CATEGORIES)).min(1).max(EMPLOYMENT_CATEGORIES.length);

/** Where a notice comes from when another practice publishes it (a congress result, a contract …). */
export const NoticeSource = z.object({ kind: Text(60), id: Text(60), label: Text(120) }).strict();
export type NoticeSource = z.infer<typeof NoticeSource>;

export const PublishNoticeBody = z
  .object({
    /** The scope: the notice reaches this org's whole subtree (group, mine, 区队, 班组). */
    orgId: Id,
    title: Text(120),
    body: Text(20_000),
    kind: z.enum(NOTICE_KINDS),
    /** Only workers of these employment categories; absent = everyone in the scope. */
    categories: Categories.optional(),
    /** A periodic notice's rhythm; required for kind periodic. */
    schedule: z.enum(NOTICE_SCHEDULES).optional(),
    /** When the next issue is due; by default one period after today. */
    nextDueDate: IsoDate.optional(),
    /** The earlier issue this one follows (a periodic series). */
    follows: Id.optional(),
    fileIds: z.array(Id).max(10).optional(),
  })
  .strict();
export type PublishNoticeBody = z.infer<typeof PublishNoticeBody>;

export const CorrectNoticeBody = z
  .object({
    title: Text(120).optional(),
    body: Text(20_000).optional(),
    categories: Categories.nullable().optional(),
    /** Why it was corrected: shown in the history beside what changed. */
    reason: Text(300),
  })
  .strict();
export type CorrectNoticeBody = z.infer<typeof CorrectNoticeBody>;

export const WithdrawNoticeBody = z.object({ reason: Text(300) }).strict();
export type WithdrawNoticeBody = z.infer<typeof WithdrawNoticeBody>;

export const NOTICE_SORT_KEYS = ['publishedAt', 'nextDueDate'] as const;
export const NoticeListQuery = z
  .object({
    /** Notices of this org's subtree (publishers). */
    orgId: Id.optional(),
    kind: z.enum(NOTICE_KINDS).optional(),
    status: z.enum(NOTICE_STATUSES).optional(),
    /** Published between these Beijing days. */
    from: IsoDate.optional(),
    to: IsoDate.optional(),
    /** Periodic notices whose next issue is due between these days. */
    dueFrom: IsoDate.optional(),
    dueTo: IsoDate.optional(),
    /** With dueFrom/dueTo: only those followed on time (1) or not (0). */
    onSchedule: QueryBool.optional(),
    /** Only the notices the caller has not read yet. */
    unread: QueryBool.optional(),
    /** Publishers: the notices of their scope instead of the ones addressed to them. */
    desk: QueryBool.optional(),
    /** The `nextCursor` of the page shown: the page after it (newest first only). */
    after: After.optional(),
  })
  .extend(listQuery(NOTICE_SORT_KEYS).shape);
export type NoticeListQuery = z.infer<typeof NoticeListQuery>;

export const NoticeSummary = z.object({
  id: Id,
  orgId: Id,
  orgName: z.string(),
  title: z.string(),
  kind: z.enum(NOTICE_KINDS),
  status: z.enum(NOTICE_STATUSES),
  categories: z.array(z.enum(EMPLOYMENT_CATEGORIES)).nullable(),
  schedule: z.enum(NOTICE_SCHEDULES).nullable(),
  nextDueDate: z.string().nullable(),
  publishedAt: z.string(),
  version: z.number().int(),
  /** When the caller read it; null if not yet (or not a recipient). */
  readAt: z.string().nullable(),
  /** Recipients frozen at publication and their receipts: only for the notice's publishers, else null. */
  recipients: z.number().int().nullable(),
  reads: z.number().int().nullable(),
});
export type NoticeSummary = z.infer<typeof NoticeSummary>;
export const NoticePage = pageOf(NoticeSummary).extend({
  /** The count stopped at its cap (「2000+」); a worker's own list is counted in full. */
  totalCapped: z.boolean().optional(),
  /** Pass as `after` for the page after this one (newest first); null on the last page. */
  nextCursor: z.string().nullable().optional(),
});

export const NoticeDetail = NoticeSummary.extend({
  body: z.string(),
  files: z.array(FileRef),
  source: NoticeSource.nullable(),
  follows: Id.nullable(),
  followedAt: z.string().nullable(),
  correctedAt: z.string().nullable(),
  withdrawnAt: z.string().nullable(),
  withdrawReason: z.string().nullable(),
  /** The latest history entry of this notice: its place in the chain and its hash. */
  chain: z.object({ seq: z.number().int(), hash: z.string() }),
  questions: z.object({ total: z.number().int(), answered: z.number().int() }),
  canPublish: z.boolean(),
  canAsk: z.boolean(),
});
export type NoticeDetail = z.infer<typeof NoticeDetail>;

export const ReadRateRow = z.object({ recipients: z.number().int(), read: z.number().int(), rate: z.number().nullable() });
export const NoticeReadRates = ReadRateRow.extend({
  byUnit: z.array(ReadRateRow.extend({ orgId: Id, orgName: z.string() })),
  byCategory: z.array(ReadRateRow.extend({ category: z.enum(EMPLOYMENT_CATEGORIES) })),
});
export type NoticeReadRates = z.infer<typeof NoticeReadRates>;
/** Read rates across the notices a desk filter selects (published in [from, to], of an org's subtree, of a kind). */
export const NoticeReadRatesQuery = z.object({ orgId: Id.optional(), kind: z.enum(NOTICE_KINDS).optional(), from: IsoDate.optional(), to: IsoDate.optional() });
export type NoticeReadRatesQuery = z.infer<typeof NoticeReadRatesQuery>;
export const NoticesReadRates = NoticeReadRates.extend({ notices: z.number().int() });
export type NoticesReadRates = z.infer<typeof NoticesReadRates>;

export const Receipt = z.object({ readAt: z.string().nullable(), recipient: z.boolean() });
export type Receipt = z.infer<typeof Receipt>;

export const FieldChange = z.object({ field: z.string(), before: z.unknown(), after: z.unknown() });
export const DiffLine = z.object({ op: z.enum(['same', 'add', 'del']), text: z.string() });
export type DiffLine = z.infer<typeof DiffLine>;
export const HistoryEntry = z.object({
  seq: z.number().int(),
  action: z.enum(CHAIN_ACTIONS),
  at: z.string(),
  version: z.number().int(),
  reason: z.string().nullable(),
  hash: z.string(),
  prevHash: z.string(),
  /** What a correction changed, field by field; the body line by line in bodyDiff. */
  changes: z.array(FieldChange),
  bodyDiff: z.array(DiffLine).nullable(),
});
export type HistoryEntry = z.infer<typeof HistoryEntry>;

export const ChainDigest = z.object({ entries: z.number().int(), headSeq: z.number().int().nullable(), headHash: z.string(), headAt: z.string().nullable() });
export type ChainDigest = z.infer<typeof ChainDigest>;

export const AskNoticeQuestionBody = z.object({ body: Text(1000), anonymous: z.boolean().default(false) }).strict();
export type AskNoticeQuestionBody = z.infer<typeof AskNoticeQuestionBody>;
export const AnswerNoticeQuestionBody = z.object({ answer: Text(2000) }).strict();
export type AnswerNoticeQuestionBody = z.infer<typeof AnswerNoticeQuestionBody>;

export const NoticeQuestion = z.object({
  id: Id,
  noticeId: Id,
  noticeTitle: z.string(),
  body: z.string(),
  anonymous: z.boolean(),
  /** The asker's name: only for the notice's publishers, and never for an anonymous question. */
  askerName: z.string().nullable(),
  status: z.enum(NOTICE_QUESTION_STATUSES),
  askedAt: z.string(),
  answer: z.string().nullable(),
  answeredAt: z.string().nullable(),
  mine: z.boolean(),
});
export type NoticeQuestion = z.infer<typeof NoticeQuestion>;

export const NoticeQuestionListQuery = z
  .object({
    noticeId: Id.optional(),
    status: z.enum(NOTICE_QUESTION_STATUSES).optional(),
    /** Asked between these Beijing days. */
    from: IsoDate.optional(),
    to: IsoDate.optional(),
  })
  .extend(listQuery(['askedAt'] as const).shape);
export type NoticeQuestionListQuery = z.infer<typeof NoticeQuestionListQuery>;
export const NoticeQuestionPage = pageOf(NoticeQuestion);
