/** Kysely types of the decided-item tables (migration 20261206_1530_core_decided_items). */
import type { Kysely } from 'kysely';
import type { Tx } from '../db/database.js';
import type { DB } from '../db/schema.js';

export interface DecidedItemTable {
  id: string;
  source_kind: string;
  source_id: string;
  source_label: string;
  source_public: number;
  title: string;
  org_id: string;
  org_path: string;
  owner_account_id: string;
  due_date: string;
  status: string;
  progress: number;
  drop_reason: string | null;
  done_at: string | null;
  parent_id: string | null;
  weight: number;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface DecidedItemCoOwnerTable {
  item_id: string;
  account_id: string;
}

export interface DecidedItemProgressTable {
  id: string;
  item_id: string;
  progress: number;
  note: string;
  account_id: string;
  at: string;
}

export interface DecidedTables {
  decided_items: DecidedItemTable;
  decided_item_co_owners: DecidedItemCoOwnerTable;
  decided_item_progress: DecidedItemProgressTable;
}

export type DecidedDb = Kysely<DB & DecidedTables>;
/** The database seen with the decided-item tables typed. */
export const dq = (db: Tx) => db as unknown as DecidedDb;
