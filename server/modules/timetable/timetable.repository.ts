/** All SQL of the timetable module. */
import type { Kysely } from 'kysely';
import type { Tx } from '../../core/db/database.js';
import { prepared } from '../../core/db/prepared.js';
import type { DB } from '../../core/db/schema.js';
import { tdb, type TimetableSlotTable, type TimetableTables } from './timetable.tables.js';
import { comparePinyin } from '../../../common/school.js';

export function slotsOfClass(db: Tx, classId: string) {
  return tdb(db)
    .selectFrom('timetable_slots as s')
    .innerJoin('persons as p', 'p.id', 's.teacher_id')
    .select(['s.class_id', 's.weekday', 's.period', 's.subject', 's.teacher_id', 'p.name as teacher_name', 's.updated_at'])
    .where('s.class_id', '=', classId)
    .orderBy('s.weekday')
    .orderBy('s.period')
    .execute();
}

export function slotsOfClasses(db: Tx, classIds: readonly string[]) {
  if (!classIds.length) return Promise.resolve([] as (TimetableSlotTable & { teacher_name: string })[]);
  return tdb(db)
    .selectFrom('timetable_slots as s')
    .innerJoin('persons as p', 'p.id', 's.teacher_id')
    .select(['s.class_id', 's.weekday', 's.period', 's.subject', 's.teacher_id', 'p.name as teacher_name', 's.updated_at'])
    .where('s.class_id', 'in', classIds)
    .execute();
}

/** What counting lessons needs of some classes' slots: no names, no timestamps (450 classes are 15 750 slots at scale L). */
export async function slotKeysOfClasses(db: Tx, classIds: readonly string[]) {
  const out: Pick<TimetableSlotTable, 'class_id' | 'weekday' | 'period' | 'subject' | 'teacher_id'>[] = [];
  for (let i = 0; i < classIds.length; i += 500)
    out.push(
      ...(await tdb(db)
        .selectFrom('timetable_slots')
        .select(['class_id', 'weekday', 'period', 'subject', 'teacher_id'])
        .where('class_id', 'in', classIds.slice(i, i + 500))
        .execute()),
    );
  return out;
}

/** The weekend rows (weekday 6 or 7) some classes keep: they decide which weekday a make-up day follows. */
export async function weekendRowsOf(db: Tx, classIds: readonly string[]): Promise<Map<string, Set<number>>> {
  const out = new Map<string, Set<number>>();
  for (let i = 0; i < classIds.length; i += 500) {
    const rows = await tdb(db)
      .selectFrom('timetable_slots')
      .select(['class_id', 'weekday'])
      .distinct()
      .where('class_id', 'in', classIds.slice(i, i + 500))
      .where('weekday', '>=', 6)
      .execute();
    for (const r of rows) (out.get(r.class_id) ?? out.set(r.class_id, new Set()).get(r.class_id)!).add(Number(r.weekday));
  }
  return out;
}

export function slotsOfTeacher(db: Tx, teacherId: string) {
  return tdb(db)
    .selectFrom('timetable_slots as s')
    .innerJoin('orgs as o', 'o.id', 's.class_id')
    .select(['s.class_id', 'o.name as class_name', 'o.path as class_path', 's.weekday', 's.period', 's.subject', 's.teacher_id'])
    .where('s.teacher_id', '=', teacherId)
    .orderBy('s.weekday')
    .orderBy('s.period')
    .execute();
}

const periodSlots = prepared((d: Kysely<DB & TimetableTables>, p: { classId: string; period: number }) =>
  d
    .selectFrom('timetable_slots as s')
    .innerJoin('persons as p', 'p.id', 's.teacher_id')
    .select(['s.weekday', 's.period', 's.subject', 's.teacher_id', 'p.name as teacher_name'])
    .where('s.class_id', '=', p.classId)
    .where((eb) => eb.or([eb('s.weekday', '>=', 6), eb('s.period', '=', p.period)])),
);
/**
 * What logging a lesson needs of a class's week, in one prepared read: the slots of one period
 * and every weekend slot (a class's weekend rows decide which weekday a make-up day follows).
 */
export function slotsForPeriod(db: Tx, classId: string, period: number) {
  return periodSlots.all(db, { classId, period });
}

export function slotAt(db: Tx, classId: string, weekday: number, period: number) {
  return tdb(db)
    .selectFrom('timetable_slots')
    .selectAll()
    .where('class_id', '=', classId)
    .where('weekday', '=', weekday)
    .where('period', '=', period)
    .executeTakeFirst();
}

/** Replaces a class's whole week in the caller's transaction. */
export async function replaceSlots(db: Tx, classId: string, rows: TimetableSlotTable[]) {
  await tdb(db).deleteFrom('timetable_slots').where('class_id', '=', classId).execute();
  for (let i = 0; i < rows.length; i += 100)
    await tdb(db)
      .insertInto('timetable_slots')
      .values(rows.slice(i, i + 100))
      .execute();
}

/** A class's teachers in pinyin order of their names (SQL would order by code point: 刘 before 陈). */
export async function teachersOfClass(db: Tx, classId: string) {
  const rows = await db
    .selectFrom('class_teachers as ct')
    .innerJoin('persons as p', 'p.id', 'ct.teacher_id')
    .select(['ct.teacher_id', 'ct.duty', 'ct.subject', 'p.name'])
    .where('ct.class_id', '=', classId)
    .orderBy('ct.teacher_id')
    .execute();
  return rows.sort((a, b) => comparePinyin(a.name, b.name));
}
