/** Table types of the surveys module, in the storage conventions of core/db/schema.ts. */
import type { Kysely } from 'kysely';
import type { DB } from '../../core/db/schema.js';
import type { Tx } from '../../core/db/database.js';

export interface SurveyTable {
  id: string;
  org_id: string;
  org_path: string;
  title: string;
  description: string;
  anonymous: number;
  status: string;
  /** JSON of SurveyTarget. */
  target: string;
  closes_on: string;
  opened_at: string | null;
  opened_on: string | null;
  closed_at: string | null;
  recipient_count: number;
  answered_count: number;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface SurveyQuestionTable {
  id: string;
  survey_id: string;
  sort: number;
  kind: string;
  text: string;
  /** JSON array of option texts. */
  options: string;
  scale_min: number | null;
  scale_max: number | null;
  required: number;
}

export interface SurveyRecipientTable {
  survey_id: string;
  person_id: string;
  org_id: string;
  org_path: string;
  unit_id: string;
  category: string | null;
  gender: string | null;
  union_member: number;
  answered: number;
}

export interface SurveyResponseTable {
  id: string;
  survey_id: string;
  person_id: string | null;
  submitted_at: string | null;
  org_id: string;
  unit_id: string;
  category: string | null;
  gender: string | null;
  union_member: number;
}

export interface SurveyAnswerTable {
  response_id: string;
  survey_id: string;
  question_id: string;
  choice: number | null;
  rank: number | null;
  value: number | null;
  text: string | null;
  unit_id: string;
  org_id: string;
  category: string | null;
  gender: string | null;
  union_member: number;
}

/** Running totals of a survey's results (migration 20261208_0040): see surveys.tallies.ts. */
export interface SurveyTallyTable {
  survey_id: string;
  question_id: string;
  cut: string;
  grp: string;
  choice: number;
  n: number;
  score: number;
  total: number;
}

export interface ScreeningItemTable {
  id: string;
  org_id: string;
  org_path: string;
  title: string;
  description: string;
  source: string;
  source_ref: string | null;
  severity: string;
  owner_account_id: string;
  status: string;
  raised_on: string;
  due_date: string | null;
  closed_on: string | null;
  note: string | null;
  decided_item_id: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface SurveyTables {
  surveys: SurveyTable;
  survey_questions: SurveyQuestionTable;
  survey_recipients: SurveyRecipientTable;
  survey_responses: SurveyResponseTable;
  survey_answers: SurveyAnswerTable;
  survey_tallies: SurveyTallyTable;
  survey_drafts: { survey_id: string; person_id: string; answers: string; saved_at: string };
  screening_items: ScreeningItemTable;
}

export type SDb = Kysely<DB & SurveyTables>;

/** The module's view of a core handle (same connection, same transaction). */
export const sdb = (db: Tx): SDb => db as unknown as SDb;
