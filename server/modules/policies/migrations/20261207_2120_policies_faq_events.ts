import type { Kysely } from 'kysely';

/**
 * FAQ use as dated events: one row per worker per FAQ entry per Beijing day and kind — `view` (the
 * entry opened) or `deflect` (「这条解答了我的问题」, a question not sent). A count needs no name:
 * a row keeps the day and the worker's unit (the nearest mine or branch union), never an account,
 * person or instant. `viewer_key` (a hash of account, entry and day) only keeps a refresh from
 * counting twice that day; the job `policies.forgetViewers` clears it once the day is over.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('policy_faq_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('faq_id', 'text', (c) => c.notNull().references('policy_questions.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('viewer_key', 'text')
    .execute();
  // Once per worker, entry, day and kind; a cleared key (null) no longer collides with anything (both engines).
  await db.schema.createIndex('policy_faq_events_once').on('policy_faq_events').columns(['faq_id', 'kind', 'day', 'viewer_key']).unique().execute();
  // The figures count a kind over a period; the usage list goes newest day first by cursor on (day, id).
  await db.schema.createIndex('policy_faq_events_kind_day').on('policy_faq_events').columns(['kind', 'day', 'org_id']).execute();
  await db.schema.createIndex('policy_faq_events_day_keys').on('policy_faq_events').columns(['day', 'id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('policy_faq_events').execute();
}
