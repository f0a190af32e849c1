import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  // One lessonLog per class, date and period; the class's school, grade and path are copied
  // in so that compliance and scope read this table alone.
  await db.schema
    .createTable('lesson_logs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('class_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('class_path', 'text', (c) => c.notNull())
    .addColumn('school_id', 'text', (c) => c.notNull())
    .addColumn('grade_id', 'text')
    .addColumn('teacher_id', 'text', (c) => c.notNull().references('persons.id'))
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('period', 'integer', (c) => c.notNull())
    .addColumn('minutes_taught', 'integer', (c) => c.notNull())
    .addColumn('minutes_checking', 'integer', (c) => c.notNull())
    .addColumn('questioned', 'integer', (c) => c.notNull())
    .addColumn('homework_checked', 'integer', (c) => c.notNull())
    .addColumn('demonstrations', 'integer', (c) => c.notNull())
    .addColumn('practice_minutes', 'integer', (c) => c.notNull())
    .addColumn('corrections', 'integer')
    .addColumn('tutoring', 'integer')
    .addColumn('after_class_until', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('lesson_logs_slot', ['class_id', 'date', 'period'])
    .execute();
  await db.schema.createIndex('lesson_logs_teacher').on('lesson_logs').columns(['teacher_id', 'date']).execute();
  await db.schema.createIndex('lesson_logs_school').on('lesson_logs').columns(['school_id', 'date']).execute();

  // Per-student tallies: who was questioned, checked, showed work, corrected, tutored.
  await db.schema
    .createTable('lesson_log_students')
    .addColumn('log_id', 'text', (c) => c.notNull().references('lesson_logs.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('student_id', 'text', (c) => c.notNull().references('persons.id'))
    .addColumn('class_id', 'text', (c) => c.notNull())
    .addColumn('date', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('lesson_log_students_pk', ['log_id', 'kind', 'student_id'])
    .execute();
  // "Not reached for two school weeks" asks per class and date range, per student.
  await db.schema.createIndex('lesson_log_students_class').on('lesson_log_students').columns(['class_id', 'date', 'student_id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('lesson_log_students').execute();
  await db.schema.dropTable('lesson_logs').execute();
}
