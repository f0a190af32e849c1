import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  // 届: one congress term of an organisation, with the roster proportions it set itself.
  await db.schema
    .createTable('congress_terms')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('start_date', 'text', (c) => c.notNull())
    .addColumn('end_date', 'text', (c) => c.notNull())
    .addColumn('rules', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('congress_terms_org_number', ['org_id', 'number'])
    .execute();

  await db.schema
    .createTable('congress_representatives')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('term_id', 'text', (c) => c.notNull().references('congress_terms.id'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('persons.id'))
    // The account that acts as this representative, where the person's own account is not linked to the person.
    .addColumn('account_id', 'text', (c) => c.references('accounts.id'))
    .addColumn('delegation', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('congress_representatives_term_person', ['term_id', 'person_id'])
    .execute();
  await db.schema.createIndex('congress_representatives_person').on('congress_representatives').columns(['person_id']).execute();
  await db.schema.createIndex('congress_representatives_account').on('congress_representatives').columns(['account_id']).execute();

  // 次: one sitting of the term.
  await db.schema
    .createTable('congress_sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('term_id', 'text', (c) => c.notNull().references('congress_terms.id'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('starts_on', 'text', (c) => c.notNull())
    // The last day of the proposal collection period (征集期): proposals and seconds after it are refused.
    .addColumn('proposals_close_on', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('congress_sessions_term_number', ['term_id', 'number'])
    .execute();

  // Who was there: a row per representative who signed in or was marked absent.
  await db.schema
    .createTable('congress_attendance')
    .addColumn('session_id', 'text', (c) => c.notNull().references('congress_sessions.id'))
    .addColumn('representative_id', 'text', (c) => c.notNull().references('congress_representatives.id'))
    .addColumn('present', 'integer', (c) => c.notNull())
    .addColumn('absence_reason', 'text')
    .addColumn('recorded_by', 'text')
    .addColumn('at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('congress_attendance_pk', ['session_id', 'representative_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['congress_attendance', 'congress_sessions', 'congress_representatives', 'congress_terms']) await db.schema.dropTable(t).execute();
}
