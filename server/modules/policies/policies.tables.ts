/**
 * Table types of the policies module, in the storage conventions of core/db/schema.ts
 * (UUIDv7 text ids, ISO UTC text times, 'YYYY-MM-DD' dates, 0/1 flags).
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../core/db/schema.js';
import type { Tx } from '../../core/db/database.js';

export interface PolicyTable {
  id: string;
  org_id: string;
  series_id: string;
  version: number;
  title: string;
  issuer: string;
  doc_number: string | null;
  level: string;
  status: string;
  effective_date: string;
  repeal_date: string | null;
  superseded_by: string | null;
  article_count: number;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface PolicyArticleTable {
  id: string;
  policy_id: string;
  seq: number;
  label: string;
  chapter: string | null;
  body: string;
}

export interface PolicyQuestionTable {
  id: string;
  org_id: string;
  library_org_id: string;
  author_account_id: string | null;
  author_person_id: string | null;
  author_name: string | null;
  author_category: string | null;
  anonymous: number;
  topic: string;
  title: string;
  body: string;
  status: string;
  asked_at: string;
  asked_date: string;
  due_date: string;
  answer: string | null;
  answered_at: string | null;
  answered_by: string | null;
  on_time: number | null;
  faq_title: string | null;
  faq_answer: string | null;
  published_at: string | null;
  deflections: number;
  review_needed: number;
  /** The asked text's similarity signature (space-joined tokens); null only for questions asked before it was kept. */
  signature: string | null;
  created_at: string;
  updated_at: string;
}

export interface PolicyCitationTable {
  question_id: string;
  article_id: string;
  policy_id: string;
}

/** One worker's use of an FAQ entry on one day (migration 20261207_2120): no account, person or instant. */
export interface PolicyFaqEventTable {
  id: string;
  faq_id: string;
  kind: 'view' | 'deflect';
  /** Beijing date. */
  day: string;
  /** The worker's unit (nearest mine or branch union), as an anonymous question is placed. */
  org_id: string;
  /** Dedupe key for the day (hash of account, entry, day); cleared after the day by policies.forgetViewers. */
  viewer_key: string | null;
}

export interface PoliciesTables {
  policies: PolicyTable;
  policy_articles: PolicyArticleTable;
  policy_questions: PolicyQuestionTable;
  policy_citations: PolicyCitationTable;
  policy_faq_events: PolicyFaqEventTable;
}

export type PDb = Kysely<DB & PoliciesTables>;

/** The module's view of a core handle (same connection, same transaction). */
export const pdb = (db: Tx): PDb => db as unknown as PDb;
