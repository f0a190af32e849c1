/**
 * Table types of the mediation module, in the storage conventions of core/db/schema.ts
 * (UUIDv7 text ids, ISO UTC text times, 'YYYY-MM-DD' dates, amounts in fen as integers).
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../core/db/schema.js';
import type { Tx } from '../../core/db/database.js';

export interface MediationCaseTable {
  id: string;
  code: string;
  org_id: string;
  org_path: string;
  applicant_person_id: string;
  applicant_kind: string;
  group_size: number | null;
  respondent: string;
  dispute_date: string;
  summary: string;
  appeal_id: string | null;
  status: string;
  applied_at: string;
  applied_date: string;
  accept_due: string;
  accepted_on: string | null;
  extension_days: number;
  mediation_due: string | null;
  closed_on: string | null;
  outcome_reason: string | null;
  claimed_cents: number;
  agreed_cents: number | null;
  paid_cents: number;
  agreement_terms: string | null;
  performance_due: string | null;
  applicant_signed_on: string | null;
  respondent_signer: string | null;
  respondent_signed_on: string | null;
  registered_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface MediationTables {
  mediation_cases: MediationCaseTable;
  mediation_claims: { id: string; case_id: string; type: string; description: string; amount_cents: number | null; sort: number };
  mediation_case_mediators: { case_id: string; account_id: string };
  mediation_sessions: {
    id: string;
    case_id: string;
    date: string;
    attendees: string;
    applicant_said: string;
    respondent_said: string;
    next_step: string | null;
    recorded_by: string | null;
    recorded_by_name: string | null;
    created_at: string;
  };
  mediation_payments: { id: string; case_id: string; paid_cents: number; paid_on: string; note: string | null; recorded_by: string | null; created_at: string };
}

export type MDb = Kysely<DB & MediationTables>;

/** The module's view of a core handle (same connection, same transaction). */
export const mdb = (db: Tx): MDb => db as unknown as MDb;
