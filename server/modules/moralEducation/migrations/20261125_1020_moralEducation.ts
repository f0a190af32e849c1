import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  // The school-wide topic calendar: a theme per week, a topic per school day.
  await db.schema
    .createTable('moral_topic_weeks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('school_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('week', 'text', (c) => c.notNull())
    .addColumn('theme', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('moral_topic_weeks_school_week', ['school_id', 'week'])
    .execute();

  await db.schema
    .createTable('moral_topics')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('school_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('topic', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('moral_topics_school_date', ['school_id', 'date'])
    .execute();

  // A head teacher's own topic for the class on a day, in place of the school's.
  await db.schema
    .createTable('moral_topic_overrides')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('school_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('class_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('topic', 'text', (c) => c.notNull())
    .addColumn('author_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('moral_topic_overrides_class_date', ['class_id', 'date'])
    .execute();

  await db.schema
    .createTable('moral_sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('school_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('class_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('skip_reason', 'text')
    .addColumn('topic', 'text')
    .addColumn('planned_topic', 'text')
    .addColumn('reflection', 'text')
    .addColumn('photo_name', 'text')
    .addColumn('photo_mime', 'text')
    .addColumn('photo_size', 'integer')
    .addColumn('recorded_by', 'text')
    .addColumn('recorded_by_name', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('moral_sessions_class_date', ['class_id', 'date'])
    .execute();
  await db.schema.createIndex('moral_sessions_school_date').on('moral_sessions').columns(['school_id', 'date']).execute();

  await db.schema
    .createTable('moral_session_presenters')
    .addColumn('session_id', 'text', (c) => c.notNull().references('moral_sessions.id'))
    .addColumn('student_id', 'text', (c) => c.notNull().references('persons.id'))
    .addPrimaryKeyConstraint('moral_session_presenters_pk', ['session_id', 'student_id'])
    .execute();
  await db.schema.createIndex('moral_session_presenters_student').on('moral_session_presenters').column('student_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['moral_session_presenters', 'moral_sessions', 'moral_topic_overrides', 'moral_topics', 'moral_topic_weeks'])
    await db.schema.dropTable(t).execute();
}
