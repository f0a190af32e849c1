/**
 * Table types of the notices module, in the storage conventions of core/db/schema.ts
 * (UUIDv7 text ids, ISO UTC text times, 'YYYY-MM-DD' dates, 0/1 flags).
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../core/db/schema.js';
import type { Tx } from '../../core/db/database.js';

export interface NoticeTable {
  id: string;
  org_id: string;
  title: string;
  body: string;
  kind: string;
  categories: string | null;
  schedule: string | null;
  next_due_date: string | null;
  follows_id: string | null;
  followed_at: string | null;
  followed_on_time: number | null;
  status: string;
  version: number;
  source_kind: string | null;
  source_id: string | null;
  source_label: string | null;
  recipients: number;
  /** First receipts so far, kept by the receipt's transaction (migration 20261208_0042). */
  reads: number;
  published_by: string;
  published_at: string;
  published_date: string;
  corrected_at: string | null;
  withdrawn_at: string | null;
  withdraw_reason: string | null;
  chain_seq: number;
  chain_hash: string;
  created_at: string;
  updated_at: string;
}

export interface NoticeRecipientCountTable {
  notice_id: string;
  unit_id: string;
  category: string;
  recipients: number;
  /** First receipts of this unit × category so far (0 recipients: readers who were not frozen here). */
  reads: number;
}

export interface NoticeReceiptTable {
  notice_id: string;
  person_id: string;
  unit_id: string;
  category: string;
  read_at: string;
}

export interface NoticeQuestionTable {
  id: string;
  notice_id: string;
  org_id: string;
  author_account_id: string | null;
  author_name: string | null;
  anonymous: number;
  body: string;
  status: string;
  asked_at: string;
  asked_date: string;
  answer: string | null;
  answered_at: string | null;
  answered_by: string | null;
  updated_at: string;
}

export interface NoticeChainTable {
  seq: number;
  notice_id: string;
  action: string;
  at: string;
  content: string;
  prev_hash: string;
  hash: string;
}

export interface NoticesTables {
  /** persons as core's migration 0002 left it: org_path is filled by the database. */
  persons: DB['persons'] & { org_path: string };
  notices: NoticeTable;
  notice_recipient_counts: NoticeRecipientCountTable;
  notice_receipts: NoticeReceiptTable;
  notice_questions: NoticeQuestionTable;
  notice_chain: NoticeChainTable;
}

export type NDb = Kysely<DB & NoticesTables>;

/** The module's view of a core handle (same connection, same transaction). */
export const ndb = (db: Tx): NDb => db as unknown as NDb;
