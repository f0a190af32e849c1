import type { Kysely } from 'kysely';

/**
 * The question list goes on by cursor (core/db/keyset.ts) in its two keyed orders, newest asked
 * and by deadline: each needs a (key, id) index for the cursor's range and for the walk that stops
 * after the page. The (key, id) index on asked_at takes the place of the one on asked_at alone.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('policy_questions_asked').execute();
  await db.schema.createIndex('policy_questions_asked_keys').on('policy_questions').columns(['asked_at', 'id']).execute();
  await db.schema.createIndex('policy_questions_due_keys').on('policy_questions').columns(['due_date', 'id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('policy_questions_due_keys').execute();
  await db.schema.dropIndex('policy_questions_asked_keys').execute();
  await db.schema.createIndex('policy_questions_asked').on('policy_questions').column('asked_at').execute();
}
