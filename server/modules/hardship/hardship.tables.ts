/** Table types of the hardship module, in the storage conventions of core/db/schema.ts (money in fen, integers). */
import type { Kysely } from 'kysely';
import type { DB } from '../../core/db/schema.js';
import type { Tx } from '../../core/db/database.js';

export interface HardshipProfileTable {
  id: string;
  code: string;
  org_id: string;
  org_path: string;
  worker_person_id: string;
  locality: string;
  year: number;
  household_size: number;
  household_income_fen: number;
  income_per_head_fen: number;
  tier: string | null;
  situation: string;
  status: string;
  applied_at: string;
  applied_date: string;
  registered_by: string | null;
  verified_on: string | null;
  approved_on: string | null;
  notice_from: string | null;
  notice_to: string | null;
  filed_on: string | null;
  review_due: string | null;
  refusal_reason: string | null;
  exited_on: string | null;
  relapsed_on: string | null;
  assistance_fen: number;
  created_at: string;
  updated_at: string;
}

export interface HardshipTables {
  hardship_rules: {
    id: string;
    org_id: string;
    org_path: string;
    locality: string;
    year: number;
    minimum_living_fen: number;
    deep_pct: number;
    relative_pct: number;
    sudden_pct: number;
    created_at: string;
    updated_at: string;
  };
  hardship_settings: { org_id: string; org_path: string; notice_days: number; updated_at: string };
  hardship_profiles: HardshipProfileTable;
  hardship_members: { id: string; profile_id: string; name: string; relation: string; condition: string | null; monthly_income_fen: number; sort: number };
  hardship_causes: { profile_id: string; cause: string };
  hardship_visits: { id: string; profile_id: string; account_id: string; staff_name: string; visited_on: string; notes: string; created_at: string };
  hardship_objections: {
    id: string;
    profile_id: string;
    /** Null for an anonymous objection: nothing ties it to a person. */
    account_id: string | null;
    anonymous: number;
    content: string;
    raised_on: string;
    decision: string | null;
    note: string | null;
    decided_by: string | null;
    decided_at: string | null;
    created_at: string;
  };
  hardship_reviews: {
    id: string;
    profile_id: string;
    due_date: string;
    reviewed_on: string | null;
    outcome: string | null;
    tier: string | null;
    notes: string | null;
    cancelled: number;
    reviewed_by: string | null;
    created_at: string;
  };
  hardship_callbacks: {
    id: string;
    profile_id: string;
    month: number;
    due_date: string;
    done_on: string | null;
    relapse: number;
    notes: string | null;
    cancelled: number;
    done_by: string | null;
    created_at: string;
  };
  hardship_assistance: {
    id: string;
    profile_id: string;
    org_path: string;
    kind: string;
    amount_fen: number;
    given_on: string;
    fund: string;
    delivered_by: string;
    note: string | null;
    created_by: string | null;
    created_at: string;
  };
  hardship_budgets: { id: string; org_id: string; org_path: string; year: number; fund: string; amount_fen: number; updated_at: string };
}

export type HDb = Kysely<DB & HardshipTables>;

/** The module's view of a core handle (same connection, same transaction). */
export const hdb = (db: Tx): HDb => db as unknown as HDb;
