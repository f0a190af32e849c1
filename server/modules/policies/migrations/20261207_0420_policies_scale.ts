import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  // Each question's similarity signature (appeals' tokens, space-joined), written when it is asked, so
  // the 政策解读 prompt reads it instead of segmenting every question of the window on every read.
  // A migration may not run module code, so questions asked before this column stay null here and
  // the `policies.signatures` job fills them (the prompt computes a null one meanwhile).
  await db.schema.alterTable('policy_questions').addColumn('signature', 'text').execute();
  // Article search by a common word walks the library newest first and stops at its page.
  await db.schema.createIndex('policies_effective').on('policies').columns(['effective_date', 'id']).execute();
  // The answer figures count a period's questions by status (and on time) from this index alone.
  // FAQ nearest to a draft, by common words: published entries newest first.
  await db.schema.createIndex('policy_questions_published').on('policy_questions').columns(['status', 'published_at']).execute();
  await db.schema.createIndex('policy_questions_figures').on('policy_questions').columns(['status', 'asked_date', 'org_id', 'on_time']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('policy_questions_figures').execute();
  await db.schema.dropIndex('policy_questions_published').execute();
  await db.schema.dropIndex('policies_effective').execute();
  await db.schema.alterTable('policy_questions').dropColumn('signature').execute();
}
