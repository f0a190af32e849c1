import type { Kysely } from 'kysely';

// Compliance counted at write time: one cell per class, teacher, subject and ISO week (its
// Monday) with the logs, those meeting the 35+10 and each ten, and the union of the logs'
// masks of students reached. The school dashboard sums a term's cells instead of its logs.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('lesson_log_cells')
    .addColumn('class_id', 'text', (c) => c.notNull())
    .addColumn('teacher_id', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('week_start', 'text', (c) => c.notNull())
    .addColumn('school_id', 'text', (c) => c.notNull())
    .addColumn('grade_id', 'text')
    .addColumn('logged', 'integer', (c) => c.notNull())
    .addColumn('standard_met', 'integer', (c) => c.notNull())
    .addColumn('questioned', 'integer', (c) => c.notNull())
    .addColumn('homework_checked', 'integer', (c) => c.notNull())
    .addColumn('demonstrations', 'integer', (c) => c.notNull())
    .addColumn('practice_minutes', 'integer', (c) => c.notNull())
    .addColumn('corrections', 'integer', (c) => c.notNull())
    .addColumn('tutoring', 'integer', (c) => c.notNull())
    .addColumn('reached', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('lesson_log_cells_pk', ['class_id', 'teacher_id', 'subject', 'week_start'])
    .execute();
  await db.schema.createIndex('lesson_log_cells_school').on('lesson_log_cells').columns(['school_id', 'week_start']).execute();

  // Logs written before, folded into their cells in batches (the rules as common/lessonLogs.ts states them: 35 + ≥ 10, each ten ≥ 10).
  const cells = new Map<string, Record<string, any>>();
  let after = '';
  for (;;) {
    const logs = await db.selectFrom('lesson_logs').selectAll().where('id', '>', after).orderBy('id').limit(5000).execute();
    if (!logs.length) break;
    after = logs[logs.length - 1].id;
    for (const l of logs) {
      const week = mondayOf(l.date);
      const key = `${l.class_id}|${l.teacher_id}|${l.subject}|${week}`;
      let c = cells.get(key);
      if (!c)
        cells.set(
          key,
          (c = {
            class_id: l.class_id,
            teacher_id: l.teacher_id,
            subject: l.subject,
            week_start: week,
            school_id: l.school_id,
            grade_id: l.grade_id,
            logged: 0,
            standard_met: 0,
            questioned: 0,
            homework_checked: 0,
            demonstrations: 0,
            practice_minutes: 0,
            corrections: 0,
            tutoring: 0,
            mask: 0n,
          }),
        );
      c.logged++;
      if (l.minutes_taught <= 35 && l.minutes_checking >= 10) c.standard_met++;
      for (const k of ['questioned', 'homework_checked', 'demonstrations', 'practice_minutes', 'corrections', 'tutoring']) if ((l[k] ?? 0) >= 10) c[k]++;
      if (l.reached) c.mask |= BigInt(`0x${l.reached}`);
    }
  }
  const rows = [...cells.values()].map(({ mask, ...c }) => ({ ...c, reached: mask === 0n ? '' : mask.toString(16) }));
  for (let i = 0; i < rows.length; i += 300)
    await db
      .insertInto('lesson_log_cells')
      .values(rows.slice(i, i + 300))
      .execute();
}

function mondayOf(date: string): string {
  const ms = Date.parse(`${date}T00:00:00Z`);
  return new Date(ms - ((new Date(ms).getUTCDay() + 6) % 7) * 86_400_000).toISOString().slice(0, 10);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('lesson_log_cells').execute();
}
