/**
 * The baseline the benchmark times the engine's count against, in the same run: the not-logged
 * count as it was read before session 11 — every lesson of the period built in memory from the
 * timetable and the calendar, every log's key read, then compared.
 */
import type { Kysely } from 'kysely';
import type { Db } from '../../server/core/db/database.js';
import { lessonLogsSchedule } from '../../server/modules/lessonLogs/index.js';

type Classes = Parameters<typeof lessonLogsSchedule.expectedLessons>[1];

export async function notLoggedInMemory(db: Db, classes: Classes, from: string, to: string): Promise<{ timetabled: number; logged: number }> {
  const expected = await lessonLogsSchedule.expectedLessons(db, classes, from, to);
  const keys = new Set<string>();
  const ids = classes.map((c) => c.id);
  for (let i = 0; i < ids.length; i += 200) {
    const rows = await (db as unknown as Kysely<any>)
      .selectFrom('lesson_logs')
      .select(['class_id', 'date', 'period'])
      .where('class_id', 'in', ids.slice(i, i + 200))
      .where('date', '>=', from)
      .where('date', '<=', to)
      .execute();
    for (const r of rows) keys.add(`${r.class_id}:${r.date}:${r.period}`);
  }
  return { timetabled: expected.length, logged: expected.filter((l) => keys.has(`${l.classId}:${l.date}:${l.period}`)).length };
}
