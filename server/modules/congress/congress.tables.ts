/**
 * Table types of the congress module, in the storage conventions of core/db/schema.ts
 * (UUIDv7 text ids, ISO UTC text times, 'YYYY-MM-DD' dates, 0/1 flags, JSON as text).
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../core/db/schema.js';
import type { Db, Tx } from '../../core/db/database.js';

export interface CongressTermTable {
  id: string;
  org_id: string;
  number: number;
  name: string;
  start_date: string;
  end_date: string;
  /** ProportionRules as JSON. */
  rules: string;
  created_at: string;
  updated_at: string;
}

export interface CongressRepresentativeTable {
  id: string;
  term_id: string;
  person_id: string;
  account_id: string | null;
  delegation: string;
  category: string;
  created_at: string;
  updated_at: string;
}

export interface CongressSessionTable {
  id: string;
  term_id: string;
  number: number;
  name: string;
  starts_on: string;
  proposals_close_on: string;
  status: string;
  created_at: string;
  updated_at: string;
}

export interface CongressAttendanceTable {
  session_id: string;
  representative_id: string;
  present: number;
  absence_reason: string | null;
  recorded_by: string | null;
  at: string;
}

export interface CongressProposalTable {
  id: string;
  session_id: string;
  proposer_id: string;
  title: string;
  reasons: string;
  solution: string;
  status: string;
  number: number | null;
  screening_reason: string | null;
  merged_into_id: string | null;
  department_id: string | null;
  co_department_ids: string;
  answer_due_date: string | null;
  answer: string | null;
  answered_at: string | null;
  rating: string | null;
  reopened: number;
  grade: string | null;
  grade_reason: string | null;
  decided_item_id: string | null;
  published_at: string | null;
  submitted_at: string;
  created_at: string;
  updated_at: string;
}

export interface CongressSecondTable {
  proposal_id: string;
  representative_id: string;
  at: string;
}

export interface CongressVoteTable {
  id: string;
  session_id: string;
  title: string;
  kind: string;
  secret: number;
  description: string | null;
  status: string;
  subject_kind: string | null;
  subject_id: string | null;
  subject_label: string | null;
  /** 承办部门: owns the decided item of a passed resolution (null: the term's union chair). */
  department_id: string | null;
  opened_at: string | null;
  closed_at: string | null;
  representatives: number | null;
  present: number | null;
  voted: number | null;
  for_count: number | null;
  against_count: number | null;
  abstain_count: number | null;
  passed: number | null;
  created_at: string;
  updated_at: string;
}

/** Who voted. Deliberately nothing but the vote and the representative: see congress_ballots. */
export interface CongressBallotVoterTable {
  vote_id: string;
  representative_id: string;
}

/** What was chosen, with a random id and no time: nothing joins it to congress_ballot_voters. */
export interface CongressBallotTable {
  vote_id: string;
  id: string;
  choice: string;
  receipt_hash: string | null;
}

export interface CongressOpenChoiceTable {
  vote_id: string;
  representative_id: string;
  choice: string;
}

export interface CongressTables {
  congress_votes: CongressVoteTable;
  congress_ballot_voters: CongressBallotVoterTable;
  congress_ballots: CongressBallotTable;
  congress_open_choices: CongressOpenChoiceTable;
  congress_proposals: CongressProposalTable;
  congress_seconds: CongressSecondTable;
  congress_terms: CongressTermTable;
  congress_representatives: CongressRepresentativeTable;
  congress_sessions: CongressSessionTable;
  congress_attendance: CongressAttendanceTable;
}

export type CDb = Kysely<DB & CongressTables>;

/** The module's view of a core handle (same connection, same transaction). */
export const cdb = (db: Db | Tx): CDb => db as unknown as CDb;
