import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  // One page of the 心桥 book per student per ISO week; each side is written in place.
  await db.schema
    .createTable('heart_bridge_notes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('school_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('class_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('student_id', 'text', (c) => c.notNull().references('persons.id'))
    .addColumn('week', 'text', (c) => c.notNull())
    .addColumn('school_at_school', 'text')
    .addColumn('school_suggestion', 'text')
    .addColumn('school_encouragement', 'text')
    .addColumn('school_author_id', 'text')
    .addColumn('school_author_name', 'text')
    .addColumn('school_written_at', 'text')
    .addColumn('home_at_home', 'text')
    .addColumn('home_suggestion', 'text')
    .addColumn('home_encouragement', 'text')
    .addColumn('home_author_id', 'text')
    .addColumn('home_author_name', 'text')
    .addColumn('home_written_at', 'text')
    .addColumn('read_by_school_at', 'text')
    .addColumn('read_by_home_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('heart_bridge_notes_student_week', ['student_id', 'week'])
    .execute();
  await db.schema.createIndex('heart_bridge_notes_school_week').on('heart_bridge_notes').columns(['school_id', 'week']).execute();
  await db.schema.createIndex('heart_bridge_notes_school_written').on('heart_bridge_notes').columns(['school_id', 'school_written_at']).execute();
  await db.schema.createIndex('heart_bridge_notes_class_week').on('heart_bridge_notes').columns(['class_id', 'week']).execute();

  // Counts per class and week, recomputed from the class's pages of that week in the same
  // transaction as every write, so a school-wide dashboard reads hundreds of rows, not millions.
  await db.schema
    .createTable('heart_bridge_week_stats')
    .addColumn('class_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('week', 'text', (c) => c.notNull())
    .addColumn('school_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('school_sides', 'integer', (c) => c.notNull())
    .addColumn('home_sides', 'integer', (c) => c.notNull())
    .addColumn('two_way', 'integer', (c) => c.notNull())
    .addColumn('school_read', 'integer', (c) => c.notNull())
    .addColumn('home_read', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('heart_bridge_week_stats_pk', ['class_id', 'week'])
    .execute();

  await db.schema
    .createTable('heart_bridge_phrases')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('school_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('side', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('sort_order', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('heart_bridge_phrases_school').on('heart_bridge_phrases').columns(['school_id', 'side', 'sort_order']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('heart_bridge_week_stats').execute();
  await db.schema.dropTable('heart_bridge_phrases').execute();
  await db.schema.dropTable('heart_bridge_notes').execute();
}
