import type { Kysely } from 'kysely';

// The compliance page reads a school's cells of a few weeks and groups them by teacher, subject,
// grade or week. Through (school_id, week_start) alone it fetched every cell's row from the table
// (17 000 random reads for four weeks at scale L); this index holds every column the page reads,
// so the read is one range of the index (SQLite: a covering index; PostgreSQL: an index-only scan
// once the table is vacuumed). It replaces the narrow index, whose prefix it keeps.
const COLUMNS = [
  'school_id',
  'week_start',
  'teacher_id',
  'subject',
  'grade_id',
  'class_id',
  'logged',
  'standard_met',
  'questioned',
  'homework_checked',
  'demonstrations',
  'practice_minutes',
  'corrections',
  'tutoring',
  'reached',
];

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('lesson_log_cells_week').on('lesson_log_cells').columns(COLUMNS).execute();
  await db.schema.dropIndex('lesson_log_cells_school').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('lesson_log_cells_school').on('lesson_log_cells').columns(['school_id', 'week_start']).execute();
  await db.schema.dropIndex('lesson_log_cells_week').execute();
}
