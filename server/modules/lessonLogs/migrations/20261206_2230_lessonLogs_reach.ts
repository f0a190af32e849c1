import type { Kysely } from 'kysely';

// A student's seat: a fixed bit in the class's masks of students reached. Each log keeps the
// mask of the students it tallied (hex, '' for none), so the compliance dashboard unions masks
// of the logs it already reads instead of joining every tally of the period.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('lesson_seats')
    .addColumn('class_id', 'text', (c) => c.notNull())
    .addColumn('student_id', 'text', (c) => c.notNull())
    .addColumn('seat', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('lesson_seats_pk', ['class_id', 'student_id'])
    .execute();
  // Seats are handed out in blocks from a per-class counter (one atomic upsert), so two teachers
  // of a class logging at once never take the same seat.
  await db.schema
    .createTable('lesson_seat_counters')
    .addColumn('class_id', 'text', (c) => c.primaryKey())
    .addColumn('next', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .alterTable('lesson_logs')
    .addColumn('reached', 'text', (c) => c.notNull().defaultTo(''))
    .execute();

  // Logs written before: seats by student id within each class, then each log's mask.
  const tallies = await db.selectFrom('lesson_log_students').select(['log_id', 'class_id', 'student_id']).orderBy('class_id').orderBy('student_id').execute();
  const seats = new Map<string, Map<string, number>>();
  const byLog = new Map<string, bigint>();
  for (const t of tallies) {
    const cls = seats.get(t.class_id) ?? seats.set(t.class_id, new Map()).get(t.class_id)!;
    if (!cls.has(t.student_id)) cls.set(t.student_id, cls.size);
    byLog.set(t.log_id, (byLog.get(t.log_id) ?? 0n) | (1n << BigInt(cls.get(t.student_id)!)));
  }
  for (const [classId, cls] of seats) {
    const rows = [...cls].map(([student_id, seat]) => ({ class_id: classId, student_id, seat }));
    for (let i = 0; i < rows.length; i += 300)
      await db
        .insertInto('lesson_seats')
        .values(rows.slice(i, i + 300))
        .execute();
    await db.insertInto('lesson_seat_counters').values({ class_id: classId, next: cls.size }).execute();
  }
  for (const [logId, mask] of byLog)
    await db
      .updateTable('lesson_logs')
      .set({ reached: mask.toString(16) })
      .where('id', '=', logId)
      .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('lesson_logs').dropColumn('reached').execute();
  await db.schema.dropTable('lesson_seat_counters').execute();
  await db.schema.dropTable('lesson_seats').execute();
}
