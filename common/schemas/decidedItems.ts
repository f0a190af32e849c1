import { z } from 'zod';
import { FileIds } from './files.js';
import { DECIDED_ITEM_STATUSES } from '../decidedItems.js';
import { Id, IsoDate, listQuery, pageOf } from './shared.js';

const Text = (max: number) => z.string().trim().min(1).max(max);

export const DECIDED_SORTS = ['dueDate', 'progress', 'updatedAt', 'title'] as const;

export const DecidedItemFilter = listQuery(DECIDED_SORTS).extend({
  /** e.g. 'meetings.decision', 'congress.proposal'. */
  sourceKind: z.string().trim().max(60).optional(),
  sourceId: z.string().trim().max(60).optional(),
  ownerAccountId: Id.optional(),
  orgId: Id.optional(),
  status: z.enum(DECIDED_ITEM_STATUSES).optional(),
  dueFrom: IsoDate.optional(),
  dueTo: IsoDate.optional(),
  /** Only the items the caller owns or co-owns. */
  mine: z.enum(['0', '1']).optional(),
  /** '1': leave dropped items out (what the indicators count). */
  counted: z.enum(['0', '1']).optional(),
  /** '1': done by the end of the due date (Beijing time). */
  onTime: z.enum(['0', '1']).optional(),
  /** Carried into this day: decided before it began (Beijing time) and neither done before it nor dropped. */
  carriedInto: IsoDate.optional(),
});
export type DecidedItemFilter = z.infer<typeof DecidedItemFilter>;

export const DecidedItemRow = z.object({
  id: z.string(),
  title: z.string(),
  source: z.object({ kind: z.string(), id: z.string(), label: z.string(), public: z.boolean() }),
  status: z.enum(DECIDED_ITEM_STATUSES),
  progress: z.number().int(),
  dueDate: z.string(),
  doneAt: z.string().nullable(),
  dropReason: z.string().nullable(),
  orgId: z.string(),
  ownerAccountId: z.string(),
  ownerName: z.string(),
  coOwnerAccountIds: z.array(z.string()),
  parentId: z.string().nullable(),
  weight: z.number().int(),
  updatedAt: z.string(),
});
/** `totalCapped`: more than `total` match; the board stops counting there (shown as 「2000+」). */
export const DecidedItemPage = pageOf(DecidedItemRow).extend({ totalCapped: z.boolean() });

export const PublicDecidedItem = DecidedItemRow.pick({ id: true, title: true, status: true, progress: true, dueDate: true, doneAt: true }).extend({
  sourceLabel: z.string(),
  ownerName: z.string(),
});
export const PublicDecidedItemPage = pageOf(PublicDecidedItem).extend({ totalCapped: z.boolean() });
export const PublicDecidedQuery = listQuery(['dueDate'] as const);

export const DecidedItemEvent = z.object({
  id: z.string(),
  event: z.string(),
  from: z.string().nullable(),
  to: z.string().nullable(),
  actorName: z.string().nullable(),
  data: z.record(z.string(), z.unknown()).nullable(),
  at: z.string(),
});
export const DecidedItemDetail = DecidedItemRow.extend({
  orgName: z.string(),
  children: z.array(DecidedItemRow),
  timeline: z.array(DecidedItemEvent),
  /** What the caller may do now. */
  can: z.object({ progress: z.boolean(), start: z.boolean(), done: z.boolean(), drop: z.boolean(), reopen: z.boolean() }),
});

/** A progress report; `fileIds` are uploads (POST /api/v1/files) kept as its evidence (图片、PDF、Word、Excel). */
export const ProgressBody = z.object({ progress: z.number().int().min(0).max(100), note: Text(1000), fileIds: FileIds.max(5).optional() }).strict();
export const DecidedFileParams = z.object({ id: z.string().uuid(), decidedFileId: z.string().uuid() }).strict();
export const DropBody = z.object({ reason: Text(500) }).strict();
export const EmptyBody = z.object({}).strict();

/** Figures of decided items cut per owner, per source (one meeting, one proposal, one resolution) or per kind of source. */
export const DECIDED_CUTS = ['owner', 'source', 'sourceKind'] as const;
export const DecidedCutQuery = z.object({ from: IsoDate, to: IsoDate, cut: z.enum(DECIDED_CUTS).default('owner') }).strict();
/**
 * One row: the items due in the period (dropped left out), how many were done, done on time, are overdue, and their
 * summed progress; `drill` is the board's filter for exactly these items (add `onTime=1` or `status=overdue|done` for the others).
 */
export const DecidedCutRow = z.object({
  key: z.string(),
  label: z.string(),
  items: z.number().int(),
  done: z.number().int(),
  onTime: z.number().int(),
  overdue: z.number().int(),
  /** Mean progress as a share (0–1), null without items. */
  averageProgress: z.number().nullable(),
  drill: z.record(z.string(), z.string()),
});
export const DecidedCuts = z.object({ by: z.enum(DECIDED_CUTS), rows: z.array(DecidedCutRow) });
