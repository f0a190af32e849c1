import { sql, type Kysely } from 'kysely';

/**
 * What the school-wide dashboard reads for 20 000 students at once, from indexes alone:
 *  - the two-way pages, by week and student (partial, so one-way pages cost nothing): who had
 *    an exchange in the last weeks;
 *  - each class's students with the columns that say "active student": the roster counts.
 *    The table is core's; the index serves the school practices only, so it lives here.
 * And one index less on the pages: (school_id, week) served no query that
 * (school_id, school_written_at) does not, and every new page paid for it.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('heart_bridge_notes_two_way')
    .on('heart_bridge_notes')
    .columns(['week', 'student_id'])
    .where(sql.ref('school_written_at'), 'is not', null)
    .where(sql.ref('home_written_at'), 'is not', null)
    .execute();
  await db.schema.createIndex('persons_class_roster').on('persons').columns(['org_id', 'kind', 'archived', 'id']).execute();
  await db.schema.dropIndex('heart_bridge_notes_school_week').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('heart_bridge_notes_school_week').on('heart_bridge_notes').columns(['school_id', 'week']).execute();
  await db.schema.dropIndex('persons_class_roster').execute();
  await db.schema.dropIndex('heart_bridge_notes_two_way').execute();
}
