import type { Kysely } from 'kysely';
import type { Tx } from '../../core/db/database.js';
import type { DB } from '../../core/db/schema.js';

export interface ContractTable {
  id: string;
  org_id: string;
  org_path: string;
  kind: string;
  title: string;
  status: string;
  predecessor_id: string | null;
  requested_by: string;
  request_date: string;
  reply_due: string;
  replied_date: string | null;
  term_years: number;
  current_version: number;
  review_mode: string | null;
  congress_vote_id: string | null;
  vote_eligible: number | null;
  vote_for: number | null;
  vote_against: number | null;
  vote_abstain: number | null;
  signed_date: string | null;
  filing_due: string | null;
  received_date: string | null;
  objection_due: string | null;
  effective_date: string | null;
  published_date: string | null;
  starts_on: string | null;
  ends_on: string | null;
  created_at: string;
  updated_at: string;
}
export interface ContractNegotiatorTable {
  id: string;
  contract_id: string;
  side: string;
  name: string;
  account_id: string | null;
  chief: number;
}
export interface ContractRoundTable {
  id: string;
  contract_id: string;
  seq: number;
  held_date: string;
  minutes: string;
  created_at: string;
}
export interface ContractPositionTable {
  round_id: string;
  seq: number;
  topic: string;
  category: string;
  union_position: string;
  employer_position: string;
  agreed: number;
}
export interface ContractVersionTable {
  contract_id: string;
  version: number;
  note: string | null;
  created_by: string | null;
  created_at: string;
}
export interface ContractClauseTable {
  id: string;
  contract_id: string;
  version: number;
  chapter: string;
  number: number;
  category: string;
  text: string;
  promise: number;
  owner_org_id: string | null;
  decided_item_id: string | null;
  /** The finding of the last checked checkpoint (latest due date, then id); null until checked. */
  last_status?: string | null;
}
export interface ContractCheckpointTable {
  id: string;
  clause_id: string;
  contract_id: string;
  due_date: string;
  method: string;
  evidence_required: string;
  status: string;
  finding: string | null;
  checked_date: string | null;
  checked_by: string | null;
  created_at: string;
  updated_at: string;
}
export interface ContractCitationTable {
  clause_id: string;
  appeal_id: string;
  contract_id: string;
  appeal_date: string;
  cited_by: string | null;
  cited_at: string;
}
/** Money columns are bigint: PostgreSQL hands them back as strings, so reads go through Number(). */
export interface ContractWageRowTable {
  id: string;
  org_id: string;
  org_path: string;
  year: number;
  category: string;
  job_family: string;
  headcount: number;
  total_fen: number | string;
  lowest_monthly_fen: number | string;
  local_minimum_fen: number | string;
  imported_by: string | null;
  imported_at: string;
}
export interface ContractWageProposalTable {
  id: string;
  contract_id: string;
  round_id: string;
  side: string;
  base_year: number;
  note: string | null;
  adopted_version: number | null;
  created_by: string | null;
  created_at: string;
}
export interface ContractWageItemTable {
  proposal_id: string;
  seq: number;
  category: string | null;
  job_family: string;
  raise_bp: number;
}
export interface ContractPrepItemTable {
  id: string;
  contract_id: string;
  side: string;
  kind: string;
  title: string;
  note: string | null;
  supplied_by: string;
  supplied_date: string;
  created_by: string | null;
  created_at: string;
}
export interface ContractSurveyTable {
  contract_id: string;
  survey_id: string;
  linked_by: string | null;
  linked_at: string;
}
/** The columns of appeals a citation may read: never an author column. */
interface CitedAppeal {
  id: string;
  code: string;
  org_id: string;
  title: string;
  category: string;
  status: string;
  submitted_date: string;
}
export interface ContractTables {
  contracts: ContractTable;
  contract_negotiators: ContractNegotiatorTable;
  contract_rounds: ContractRoundTable;
  contract_positions: ContractPositionTable;
  contract_versions: ContractVersionTable;
  contract_clauses: ContractClauseTable;
  contract_checkpoints: ContractCheckpointTable;
  contract_clause_citations: ContractCitationTable;
  contract_wage_rows: ContractWageRowTable;
  contract_wage_proposals: ContractWageProposalTable;
  contract_wage_items: ContractWageItemTable;
  contract_prep_items: ContractPrepItemTable;
  contract_surveys: ContractSurveyTable;
  appeals: CitedAppeal;
}
export const cq = (db: Tx) => db as unknown as Kysely<Omit<DB, 'appeals'> & ContractTables>;
