import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('school_terms')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('school_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('start_date', 'text', (c) => c.notNull())
    .addColumn('end_date', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('school_terms_start', ['school_id', 'start_date'])
    .execute();

  await db.schema
    .createTable('school_closures')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('school_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('school_closures_org_date', ['org_id', 'date'])
    .execute();
  await db.schema.createIndex('school_closures_school').on('school_closures').columns(['school_id', 'date']).execute();

  await db.schema
    .createTable('school_settings')
    .addColumn('school_id', 'text', (c) => c.primaryKey().references('orgs.id'))
    .addColumn('quiet_start', 'text', (c) => c.notNull())
    .addColumn('quiet_end', 'text', (c) => c.notNull())
    .addColumn('teacher_reminder_at', 'text', (c) => c.notNull())
    .addColumn('guardian_reminder_at', 'text', (c) => c.notNull())
    .addColumn('moral_reminder_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  // One row per reminder ever sent: the primary key is what makes "never twice" hold,
  // also when two instances run the same sweep at once.
  await db.schema
    .createTable('school_reminders_sent')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['school_reminders_sent', 'school_settings', 'school_closures', 'school_terms']) await db.schema.dropTable(t).execute();
}
