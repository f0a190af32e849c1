/**
 * Table types of the suggestion campaign, in the storage conventions of core/db/schema.ts
 * (UUIDv7 text ids, ISO UTC text times, 'YYYY-MM-DD' dates, money in fen as integers).
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../core/db/schema.js';
import type { Tx } from '../../core/db/database.js';

export interface SuggestionCampaignTable {
  id: string;
  org_id: string;
  org_path: string;
  title: string;
  starts_on: string;
  ends_on: string;
  criteria: string;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface SuggestionTable {
  id: string;
  code: string;
  campaign_id: string;
  org_id: string;
  org_path: string;
  lead_person_id: string;
  team_name: string | null;
  title: string;
  problem: string;
  proposal: string;
  expected_benefit: string;
  status: string;
  submitted_at: string;
  submitted_on: string;
  return_reason: string | null;
  merged_into_id: string | null;
  decision: string | null;
  decision_note: string | null;
  decided_on: string | null;
  decided_item_id: string | null;
  implemented_on: string | null;
  benefit_kind: string | null;
  benefit_fen: number | null;
  benefit_note: string | null;
  benefit_recorded_by: string | null;
  benefit_verified_by: string | null;
  verified_on: string | null;
  reward_fen: number | null;
  reward_paid_on: string | null;
  created_at: string;
  updated_at: string;
}

export interface SuggestionEvaluationTable {
  suggestion_id: string;
  account_id: string;
  scores: string | null;
  total: number | null;
  comment: string | null;
  assigned_at: string;
  scored_at: string | null;
}

export interface SuggestionTables {
  suggestion_campaigns: SuggestionCampaignTable;
  suggestions: SuggestionTable;
  suggestion_authors: { suggestion_id: string; person_id: string; lead: number };
  suggestion_evaluations: SuggestionEvaluationTable;
}

export type SDb = Kysely<DB & SuggestionTables>;

/** The module's view of a core handle (same connection, same transaction). */
export const sdb = (db: Tx): SDb => db as unknown as SDb;
