import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  // One row per class × weekday × period: the class's standing weekly timetable.
  await db.schema
    .createTable('timetable_slots')
    .addColumn('class_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('weekday', 'integer', (c) => c.notNull())
    .addColumn('period', 'integer', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('teacher_id', 'text', (c) => c.notNull().references('persons.id'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('timetable_slots_pk', ['class_id', 'weekday', 'period'])
    .execute();
  // A teacher's week reads their slots across classes.
  await db.schema.createIndex('timetable_slots_teacher').on('timetable_slots').columns(['teacher_id', 'weekday', 'period']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('timetable_slots').execute();
}
