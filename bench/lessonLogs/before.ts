/**
 * The baseline the benchmark times the engine's count against, in the same run: the not-logged
 * count as it was read before session 11 — every lesson of the period built in memory from the
 * timetable and the calendar, every log's key read, then compared.
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
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

type Groups = Awaited<ReturnType<typeof lessonLogsSchedule.dayGroups>>;
interface Missing {
  date: string;
  period: number;
  classId: string;
  className: string;
  subject: string;
  teacherId: string;
  teacherName: string;
}

/**
 * The not-logged view as it was read before session 14, frozen here for the benchmark: a count pass and a list pass,
 * each one statement per group of classes and batch of 400, each joining the timetable with the days and the logs,
 * then the batches' rows sorted and cut in memory.
 */
export async function notLoggedTwoPasses(db: Db, groups: Groups, limit: number): Promise<{ items: Missing[]; total: number }> {
  const each = async <R>(select: RawBuilder<unknown>, joins: RawBuilder<unknown>, tail: RawBuilder<unknown>): Promise<R[]> => {
    const out: R[] = [];
    for (const g of groups) {
      if (!g.days.length) continue;
      const days = sql.join(g.days.map((d) => sql`(${d.date}, cast(${d.weekday} as integer))`));
      for (let i = 0; i < g.classIds.length; i += 400) {
        const { rows } = await sql<R>`with days(day, wd) as (values ${days})
          select ${select}
          from timetable_slots s
          join days d on d.wd = s.weekday
          left join lesson_logs l on l.class_id = s.class_id and l.date = d.day and l.period = s.period
          ${joins}
          where s.class_id in (${sql.join(g.classIds.slice(i, i + 400))})
          ${tail}`.execute(db as unknown as Kysely<any>);
        out.push(...rows);
      }
    }
    return out;
  };
  const counts = await each<{ timetabled: number | string; logged: number | string }>(sql`count(*) as timetabled, count(l.id) as logged`, sql``, sql``);
  const total = counts.reduce((n, r) => n + Number(r.timetabled) - Number(r.logged), 0);
  const rows = await each<Missing>(
    sql`d.day as date, s.period, s.class_id as "classId", o.name as "className", s.subject, s.teacher_id as "teacherId", p.name as "teacherName"`,
    sql`join orgs o on o.id = s.class_id join persons p on p.id = s.teacher_id`,
    sql`and l.id is null order by d.day, s.period, s.class_id limit ${limit}`,
  );
  const items = rows
    .map((r) => ({ ...r, period: Number(r.period) }))
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.period - b.period || (a.classId < b.classId ? -1 : a.classId > b.classId ? 1 : 0)))
    .slice(0, limit);
  return { items, total };
}
