/** What callers of server/core/decidedItems hand in and get back. */
import type { DecidedItemStatus } from '../../../common/decidedItems.js';

export interface DecidedItemSource {
  /** '<module>.<entity>', e.g. 'meetings.decision', 'congress.proposal', 'congress.resolution'. */
  kind: string;
  id: string;
  /** How the source reads in a list, e.g. '2026年第3次工会工作例会 · 议题二'. */
  label: string;
  /** Workers of the org may see the item in the public list. */
  public: boolean;
}

export interface DecidedItemInput {
  source: DecidedItemSource;
  title: string;
  /** The org that owns the item; its union chair is told when the item is overdue. */
  orgId: string;
  ownerAccountId: string;
  coOwnerAccountIds?: string[];
  /** YYYY-MM-DD; callers may count it in working days with the core calendar. */
  dueDate: string;
  /** A child item's progress rolls up into its parent's, weighted by `weight`. */
  parentId?: string | null;
  /** ≥ 1; default 1. */
  weight?: number;
}

export interface DecidedItemSummary {
  id: string;
  title: string;
  source: { kind: string; id: string; label: string; public: boolean };
  status: DecidedItemStatus;
  /** 0–100; a parent's is the weighted mean of its children's. */
  progress: number;
  dueDate: string;
  /** When it was marked done (ISO), else null. */
  doneAt: string | null;
  dropReason: string | null;
  orgId: string;
  ownerAccountId: string;
  ownerName: string;
  coOwnerAccountIds: string[];
  parentId: string | null;
  weight: number;
  updatedAt: string;
}
