/** All SQL of the lessonLogs module. */
import { sql, type RawBuilder } from 'kysely';
import type { Tx } from '../../core/db/database.js';
import { joinedTexts } from '../../core/db/dialect.js';
import { insertRow } from '../../core/db/prepared.js';
import { CHECKING_MINUTES, TEACHING_MINUTES, TEN } from '../../../common/lessonLogs.js';
import type { NotLoggedLesson } from '../../../common/schemas/lessonLogs.js';
import { weekOf } from '../../../common/school.js';
import { ldb, type LessonLogStudentTable, type LessonLogTable } from './lessonLogs.tables.js';

export function findLog(db: Tx, id: string) {
  return ldb(db)
    .selectFrom('lesson_logs as l')
    .innerJoin('orgs as o', 'o.id', 'l.class_id')
    .innerJoin('persons as p', 'p.id', 'l.teacher_id')
    .selectAll('l')
    .select(['o.name as class_name', 'p.name as teacher_name'])
    .where('l.id', '=', id)
    .executeTakeFirst();
}
export type LogRow = NonNullable<Awaited<ReturnType<typeof findLog>>>;

export function logAt(db: Tx, classId: string, date: string, period: number) {
  return ldb(db)
    .selectFrom('lesson_logs')
    .select('id')
    .where('class_id', '=', classId)
    .where('date', '=', date)
    .where('period', '=', period)
    .executeTakeFirst();
}

export async function insertLog(db: Tx, row: LessonLogTable) {
  await insertRow(ldb(db), 'lesson_logs', row);
}

export async function updateAfterClass(db: Tx, id: string, patch: { corrections: number; tutoring: number; reached: string; updated_at: string }) {
  await ldb(db).updateTable('lesson_logs').set(patch).where('id', '=', id).execute();
}

export async function insertTallies(db: Tx, rows: LessonLogStudentTable[]) {
  for (let i = 0; i < rows.length; i += 150)
    await ldb(db)
      .insertInto('lesson_log_students')
      .values(rows.slice(i, i + 150))
      .execute();
}

export async function deleteTallies(db: Tx, logId: string, kinds: readonly string[]) {
  await ldb(db).deleteFrom('lesson_log_students').where('log_id', '=', logId).where('kind', 'in', kinds).execute();
}

/** The students a log tallied (present() puts each kind in pinyin order). */
export function talliesOf(db: Tx, logId: string) {
  return ldb(db)
    .selectFrom('lesson_log_students as t')
    .innerJoin('persons as p', 'p.id', 't.student_id')
    .select(['t.kind', 't.student_id', 'p.name'])
    .where('t.log_id', '=', logId)
    .execute();
}

/** A teacher's logs of some dates: which of their slots are logged, and whose after-class items are open. */
export function logsOfTeacher(db: Tx, teacherId: string, from: string, to: string) {
  return ldb(db)
    .selectFrom('lesson_logs')
    .select(['id', 'class_id', 'date', 'period', 'corrections', 'tutoring'])
    .where('teacher_id', '=', teacherId)
    .where('date', '>=', from)
    .where('date', '<=', to)
    .execute();
}

/** The logs of a school's period, as compliance counts them (one teacher's when given). */
export function logsOfSchool(db: Tx, schoolId: string, from: string, to: string, teacherId?: string) {
  return ldb(db)
    .selectFrom('lesson_logs as l')
    .innerJoin('persons as p', 'p.id', 'l.teacher_id')
    .select([
      'l.id',
      'l.class_id',
      'l.teacher_id',
      'p.name as teacher_name',
      'l.subject',
      'l.grade_id',
      'l.date',
      'l.period',
      'l.minutes_taught',
      'l.minutes_checking',
      'l.questioned',
      'l.homework_checked',
      'l.demonstrations',
      'l.practice_minutes',
      'l.corrections',
      'l.tutoring',
    ])
    .where('l.school_id', '=', schoolId)
    .where('l.date', '>=', from)
    .where('l.date', '<=', to)
    .$if(!!teacherId, (q) => q.where('l.teacher_id', '=', teacherId!))
    .execute();
}
export type SchoolLogRow = Awaited<ReturnType<typeof logsOfSchool>>[number];

export type CellBy = 'teacher_id' | 'subject' | 'grade_id' | 'date';

/**
 * Compliance counted by the engine: per value of `by` and class, the logs, those meeting the
 * 35+10 and each ten, and the masks of students reached (unioned by the caller). A few thousand
 * rows for a school's month instead of every log and every tally.
 */
export function complianceCells(db: Tx, schoolId: string, from: string, to: string, by: CellBy, teacherId?: string, by2?: CellBy) {
  const met = (cond: ReturnType<typeof sql>) => sql<number>`sum(case when ${cond} then 1 else 0 end)`;
  return ldb(db)
    .selectFrom('lesson_logs')
    .select([sql.ref<string | null>(by).as('key'), sql.ref<string | null>(by2 ?? by).as('key2'), 'class_id'])
    .select((eb) => [
      eb.fn.countAll<number>().as('logged'),
      met(sql`minutes_taught <= ${TEACHING_MINUTES} and minutes_checking >= ${CHECKING_MINUTES}`).as('standard_met'),
      met(sql`questioned >= ${TEN}`).as('questioned'),
      met(sql`homework_checked >= ${TEN}`).as('homework_checked'),
      met(sql`demonstrations >= ${TEN}`).as('demonstrations'),
      met(sql`practice_minutes >= ${TEN}`).as('practice_minutes'),
      met(sql`coalesce(corrections, 0) >= ${TEN}`).as('corrections'),
      met(sql`coalesce(tutoring, 0) >= ${TEN}`).as('tutoring'),
      joinedTexts(db, sql`nullif(reached, '')`).as('reached'),
    ])
    .where('school_id', '=', schoolId)
    .where('date', '>=', from)
    .where('date', '<=', to)
    .$if(!!teacherId, (q) => q.where('teacher_id', '=', teacherId!))
    .groupBy(by2 ? [by, by2, 'class_id'] : [by, 'class_id'])
    .execute();
}

export async function namesOfPersons(db: Tx, ids: readonly string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (let i = 0; i < ids.length; i += 500)
    for (const p of await db
      .selectFrom('persons')
      .select(['id', 'name'])
      .where('id', 'in', ids.slice(i, i + 500))
      .execute())
      out.set(p.id, p.name);
  return out;
}

/** Distinct students tallied per log of a school's period (the log decides the compliance row). */
export function reachedOfSchool(db: Tx, schoolId: string, from: string, to: string, teacherId?: string) {
  return ldb(db)
    .selectFrom('lesson_log_students as t')
    .innerJoin('lesson_logs as l', 'l.id', 't.log_id')
    .select(['t.log_id', 't.student_id'])
    .distinct()
    .where('l.school_id', '=', schoolId)
    .where('l.date', '>=', from)
    .where('l.date', '<=', to)
    .$if(!!teacherId, (q) => q.where('l.teacher_id', '=', teacherId!))
    .execute();
}

/** Each student's latest tally in a class up to a date. */
export function lastReached(db: Tx, classId: string, from: string, to: string) {
  return ldb(db)
    .selectFrom('lesson_log_students')
    .select(['student_id', (eb) => eb.fn.max('date').as('last')])
    .where('class_id', '=', classId)
    .where('date', '>=', from)
    .where('date', '<=', to)
    .groupBy('student_id')
    .execute();
}

export function accountsOfPersons(db: Tx, personIds: readonly string[]) {
  if (!personIds.length) return Promise.resolve([] as { id: string; person_id: string | null }[]);
  return db.selectFrom('accounts').select(['id', 'person_id']).where('person_id', 'in', personIds).where('disabled', '=', 0).execute();
}

/** Logs of some classes in a period, with the distinct students they tallied (indicators). */
export async function logsOfClasses(db: Tx, classIds: readonly string[], from: string, to: string) {
  const logs: {
    id: string;
    minutes_taught: number;
    minutes_checking: number;
    questioned: number;
    homework_checked: number;
    demonstrations: number;
    practice_minutes: number;
    corrections: number | null;
    tutoring: number | null;
  }[] = [];
  for (let i = 0; i < classIds.length; i += 200) {
    logs.push(
      ...(await ldb(db)
        .selectFrom('lesson_logs')
        .select(['id', 'minutes_taught', 'minutes_checking', 'questioned', 'homework_checked', 'demonstrations', 'practice_minutes', 'corrections', 'tutoring'])
        .where('class_id', 'in', classIds.slice(i, i + 200))
        .where('date', '>=', from)
        .where('date', '<=', to)
        .execute()),
    );
  }
  return logs;
}

export async function studentsReachedIn(db: Tx, classIds: readonly string[], from: string, to: string): Promise<number> {
  let n = 0;
  for (let i = 0; i < classIds.length; i += 200) {
    const r = await ldb(db)
      .selectFrom('lesson_log_students')
      .select((eb) => eb.fn.count<number>('student_id').distinct().as('n'))
      .where('class_id', 'in', classIds.slice(i, i + 200))
      .where('date', '>=', from)
      .where('date', '<=', to)
      .executeTakeFirst();
    n += Number(r?.n ?? 0);
  }
  return n;
}

/** Classes sharing one calendar and weekend rows, with the school days of a period and the timetable weekday each follows. */
export interface DayGroup {
  classIds: string[];
  days: { date: string; weekday: number }[];
}

interface Promised {
  select: RawBuilder<unknown>;
  joins?: RawBuilder<unknown>;
  tail?: RawBuilder<unknown>;
}

/**
 * The timetable × the school days, joined in the engine: one row per lesson the timetable
 * promises, with its log when there is one. Counting or listing it never builds the period's
 * lessons in memory (63 000 in a month at scale L).
 */
async function promised<R>(db: Tx, groups: readonly DayGroup[], teacherId: string | undefined, q: Promised): Promise<R[]> {
  const out: R[] = [];
  for (const g of groups) {
    if (!g.days.length) continue;
    const days = sql.join(g.days.map((d) => sql`(${d.date}, cast(${d.weekday} as integer))`));
    for (let i = 0; i < g.classIds.length; i += 400) {
      const { rows } = await sql<R>`with days(day, wd) as (values ${days})
        select ${q.select}
        from timetable_slots s
        join days d on d.wd = s.weekday
        left join lesson_logs l on l.class_id = s.class_id and l.date = d.day and l.period = s.period
        ${q.joins ?? sql``}
        where s.class_id in (${sql.join(g.classIds.slice(i, i + 400))}) ${teacherId ? sql`and s.teacher_id = ${teacherId}` : sql``}
        ${q.tail ?? sql``}`.execute(db);
      out.push(...rows);
    }
  }
  return out;
}

/** Lessons timetabled and, of them, those logged. */
export async function countPromised(db: Tx, groups: readonly DayGroup[], teacherId?: string): Promise<{ timetabled: number; logged: number }> {
  const rows = await promised<{ timetabled: number | string; logged: number | string }>(db, groups, teacherId, {
    select: sql`count(*) as timetabled, count(l.id) as logged`,
  });
  return { timetabled: rows.reduce((n, r) => n + Number(r.timetabled), 0), logged: rows.reduce((n, r) => n + Number(r.logged), 0) };
}

/**
 * The same lessons as `countPromised` counts, each named: its log's id when it is logged, else the
 * lesson itself as `<class id>/<date>/<period>` (a timetabled lesson with no log has no record of its
 * own; the not-logged view lists it by the same three). The work report's snapshot keeps these.
 */
export async function promisedIds(db: Tx, groups: readonly DayGroup[]): Promise<{ logged: string[]; timetabled: string[] }> {
  const rows = await promised<{ id: string | null; class_id: string; day: string; period: number | string }>(db, groups, undefined, {
    select: sql`l.id, s.class_id, d.day, s.period`,
  });
  const logged: string[] = [];
  const timetabled: string[] = [];
  for (const r of rows) {
    if (r.id) logged.push(r.id);
    timetabled.push(r.id ?? `${r.class_id}/${r.day}/${Number(r.period)}`);
  }
  return { logged, timetabled };
}

/** The students of `classIds` tapped in a lesson of [from, to], by id (`studentsReachedIn` counts them, class batch by class batch). */
export async function studentsReachedIds(db: Tx, classIds: readonly string[], from: string, to: string): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < classIds.length; i += 200) {
    const rows = await ldb(db)
      .selectFrom('lesson_log_students')
      .select('student_id')
      .distinct()
      .where('class_id', 'in', classIds.slice(i, i + 200))
      .where('date', '>=', from)
      .where('date', '<=', to)
      .execute();
    for (const r of rows) ids.push(r.student_id);
  }
  return ids;
}

export type MissingLesson = NotLoggedLesson;

/**
 * Lessons timetabled but not logged: the first `limit` by date, period and class id, and how many
 * there are in all — one statement for every group of classes. The classes and each group's days
 * go in as two VALUES lists (a group number ties them), the total is a window count over the
 * unlogged rows before the limit, and names are joined to the page only. It was two passes (count,
 * then list) of one statement per group and batch of 400 classes, each joining the timetable again,
 * then sorted and cut in memory (bench/lessonLogs/before.ts keeps that for the benchmark).
 */
export async function notLoggedPage(
  db: Tx,
  groups: readonly DayGroup[],
  limit?: number,
  teacherId?: string,
): Promise<{ items: MissingLesson[]; total: number }> {
  const live = groups.filter((g) => g.days.length && g.classIds.length);
  if (!live.length) return { items: [], total: 0 };
  const days = sql.join(live.flatMap((g, i) => g.days.map((d) => sql`(cast(${i} as integer), ${d.date}, cast(${d.weekday} as integer))`)));
  const classes = sql.join(live.flatMap((g, i) => g.classIds.map((id) => sql`(cast(${i} as integer), ${id})`)));
  const { rows } = await sql<MissingLesson & { total: number | string }>`with days(g, day, wd) as (values ${days}),
      cls(g, id) as (values ${classes}),
      open as (
        select d.day, s.period, s.class_id, s.subject, s.teacher_id, count(*) over () as total
        from cls c
        join timetable_slots s on s.class_id = c.id
        join days d on d.g = c.g and d.wd = s.weekday
        left join lesson_logs l on l.class_id = s.class_id and l.date = d.day and l.period = s.period
        where l.id is null ${teacherId ? sql`and s.teacher_id = ${teacherId}` : sql``}
        order by d.day, s.period, s.class_id
        ${limit === undefined ? sql`` : sql`limit ${limit}`})
    select o.day as date, o.period, o.class_id as "classId", g.name as "className", o.subject, o.teacher_id as "teacherId", p.name as "teacherName", o.total
    from open o join orgs g on g.id = o.class_id join persons p on p.id = o.teacher_id
    order by o.day, o.period, o.class_id`.execute(db);
  return {
    items: rows.map(({ total: _, ...r }) => ({ ...r, period: Number(r.period) })),
    total: rows.length ? Number(rows[0]!.total) : 0,
  };
}

export type SlotColumn = 'teacher_id' | 'subject' | 'class_id';

/**
 * Lessons timetabled per value of a slot's column (and per week when asked), summed by the engine
 * in one statement for every group of classes: the slots are counted per value, group and weekday
 * first, then multiplied by the school days of the period that follow that weekday (per week).
 * It was one statement per group and batch of 400 classes, each joining every slot with every
 * week's days (two statements for a school of 450 classes; bench/lessonLogs/before.ts keeps it).
 */
export async function timetabledBy(
  db: Tx,
  groups: readonly DayGroup[],
  column: SlotColumn | null,
  byWeek: boolean,
  teacherId?: string,
): Promise<{ key: string; week: string; n: number }[]> {
  const live = groups.filter((g) => g.days.length && g.classIds.length);
  if (!live.length) return [];
  const days = live.flatMap((g, i) => {
    const counts = new Map<string, { wd: number; week: string; n: number }>();
    for (const d of g.days) {
      const week = byWeek ? weekOf(d.date) : '';
      const k = `${d.weekday}|${week}`;
      const c = counts.get(k) ?? counts.set(k, { wd: d.weekday, week, n: 0 }).get(k)!;
      c.n++;
    }
    return [...counts.values()].map((c) => sql`(cast(${i} as integer), cast(${c.wd} as integer), ${c.week}, cast(${c.n} as integer))`);
  });
  const classes = sql.join(live.flatMap((g, i) => g.classIds.map((id) => sql`(cast(${i} as integer), ${id})`)));
  const key = column ? sql.ref(`s.${column}`) : sql`''`;
  const { rows } = await sql<{ key: string; week: string; n: number | string }>`with days(g, wd, week, n) as (values ${sql.join(days)}),
      cls(g, id) as (values ${classes}),
      per as (
        select ${key} as key, c.g as g, s.weekday as wd, count(*) as n
        from cls c join timetable_slots s on s.class_id = c.id
        ${teacherId ? sql`where s.teacher_id = ${teacherId}` : sql``}
        group by 1, 2, 3)
    select p.key as key, d.week as week, sum(p.n * d.n) as n
    from per p join days d on d.g = p.g and d.wd = p.wd
    group by p.key, d.week`.execute(db);
  return rows.map((r) => ({ key: r.key, week: r.week, n: Number(r.n) }));
}
