/**
 * The demo timetable: every class of every school gets a week of 5 days × 7 periods from
 * its assigned subject teachers — main subjects more often — and no teacher is placed in two
 * classes at once. Built in memory, written in chunks.
 */
import type { Db } from '../../core/db/database.js';
import { allSchools, classesUnder } from '../school/index.js';
import { tdb, type TimetableSlotTable } from './timetable.tables.js';

export const DEMO_PERIODS = 7;
const WEEKLY: Record<string, number> = { 语文: 6, 数学: 6, 英语: 5, 物理: 3, 化学: 3 };

export async function seedTimetableDemo(db: Db, now: Date): Promise<void> {
  const t = tdb(db);
  if (await t.selectFrom('timetable_slots').select('class_id').limit(1).executeTakeFirst()) return;
  const stamp = now.toISOString();
  const rows: TimetableSlotTable[] = [];
  const busy = new Set<string>();
  for (const school of await allSchools(db)) {
    const classes = await classesUnder(db, school.path);
    if (!classes.length) continue;
    const duties = await db
      .selectFrom('class_teachers')
      .select(['class_id', 'teacher_id', 'subject'])
      .where(
        'class_id',
        'in',
        classes.map((c) => c.id),
      )
      .where('duty', '=', 'subject')
      .where('subject', 'is not', null)
      .orderBy('class_id')
      .orderBy('subject')
      .execute();
    for (const cls of classes) {
      // Each subject as many times a week as it weighs, spread by dealing them out in turn.
      const queue: { subject: string; teacher: string; left: number }[] = duties
        .filter((d) => d.class_id === cls.id)
        .map((d) => ({ subject: d.subject!, teacher: d.teacher_id, left: WEEKLY[d.subject!] ?? 2 }));
      let turn = 0;
      for (let weekday = 1; weekday <= 5; weekday++) {
        for (let period = 1; period <= DEMO_PERIODS; period++) {
          for (let tries = 0; tries < queue.length; tries++) {
            const q = queue[(turn + tries) % queue.length];
            const at = `${q.teacher}:${weekday}:${period}`;
            if (q.left <= 0 || busy.has(at)) continue;
            busy.add(at);
            q.left--;
            rows.push({ class_id: cls.id, weekday, period, subject: q.subject, teacher_id: q.teacher, updated_at: stamp });
            turn = (turn + tries + 1) % queue.length;
            break;
          }
        }
      }
    }
  }
  for (let i = 0; i < rows.length; i += 150)
    await t
      .insertInto('timetable_slots')
      .values(rows.slice(i, i + 150))
      .execute();
}
