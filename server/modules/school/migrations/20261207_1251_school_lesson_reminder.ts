import type { Kysely } from 'kysely';

// The time each school's day-end "lessons not logged" reminder may go out (lessonLogs); 17:30
// was fixed for every school before. A school whose quiet hours begin earlier moves it before them.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('school_settings')
    .addColumn('lesson_reminder_at', 'text', (c) => c.notNull().defaultTo('17:30'))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('school_settings').dropColumn('lesson_reminder_at').execute();
}
