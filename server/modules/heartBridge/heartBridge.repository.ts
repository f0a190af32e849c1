import { sql, type Kysely } from 'kysely';
import type { Tx } from '../../core/db/database.js';
import type { DB } from '../../core/db/schema.js';
import { activeStudent } from '../school/index.js';

export interface HeartBridgeNoteTable {
  id: string;
  school_id: string;
  class_id: string;
  student_id: string;
  week: string;
  school_at_school: string | null;
  school_suggestion: string | null;
  school_encouragement: string | null;
  school_author_id: string | null;
  school_author_name: string | null;
  school_written_at: string | null;
  home_at_home: string | null;
  home_suggestion: string | null;
  home_encouragement: string | null;
  home_author_id: string | null;
  home_author_name: string | null;
  home_written_at: string | null;
  read_by_school_at: string | null;
  read_by_home_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface HeartBridgePhraseTable {
  id: string;
  school_id: string;
  side: string;
  text: string;
  sort_order: number;
  created_at: string;
}

export interface HeartBridgeWeekStatsTable {
  class_id: string;
  week: string;
  school_id: string;
  school_sides: number;
  home_sides: number;
  two_way: number;
  school_read: number;
  home_read: number;
}

export interface HeartBridgeTables {
  heart_bridge_notes: HeartBridgeNoteTable;
  heart_bridge_phrases: HeartBridgePhraseTable;
  heart_bridge_week_stats: HeartBridgeWeekStatsTable;
}

export type NoteRow = HeartBridgeNoteTable;
const q = (db: Tx) => db as unknown as Kysely<DB & HeartBridgeTables>;

export function findNote(db: Tx, studentId: string, week: string) {
  return q(db).selectFrom('heart_bridge_notes').selectAll().where('student_id', '=', studentId).where('week', '=', week).executeTakeFirst();
}

export type SchoolSide = Pick<
  NoteRow,
  'school_at_school' | 'school_suggestion' | 'school_encouragement' | 'school_author_id' | 'school_author_name' | 'school_written_at'
>;
export type HomeSide = Pick<NoteRow, 'home_at_home' | 'home_suggestion' | 'home_encouragement' | 'home_author_id' | 'home_author_name' | 'home_written_at'>;

/**
 * Writes one side of a page, creating the page when it is the first side this week, and
 * returns the page as stored. An upsert on (student, week), so two teachers or two guardians
 * writing at once end with one page, not a unique-key error. `side` carries class_id only when
 * the student changed class: an unchanged column left out of the update leaves its index alone.
 */
export async function upsertSide(
  db: Tx,
  base: Pick<NoteRow, 'id' | 'school_id' | 'class_id' | 'student_id' | 'week' | 'created_at' | 'updated_at'>,
  side: Partial<SchoolSide & HomeSide & Pick<NoteRow, 'read_by_home_at' | 'read_by_school_at' | 'class_id'>>,
) {
  return q(db)
    .insertInto('heart_bridge_notes')
    .values({
      school_at_school: null,
      school_suggestion: null,
      school_encouragement: null,
      school_author_id: null,
      school_author_name: null,
      school_written_at: null,
      home_at_home: null,
      home_suggestion: null,
      home_encouragement: null,
      home_author_id: null,
      home_author_name: null,
      home_written_at: null,
      read_by_school_at: null,
      read_by_home_at: null,
      ...base,
      ...side,
    })
    .onConflict((oc) => oc.columns(['student_id', 'week']).doUpdateSet({ ...side, updated_at: base.updated_at }))
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function setRead(db: Tx, id: string, column: 'read_by_school_at' | 'read_by_home_at', at: string) {
  const res = await q(db)
    .updateTable('heart_bridge_notes')
    .set({ [column]: at })
    .where('id', '=', id)
    .where(column, 'is', null)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) > 0;
}

/** The pages of some students in one week. */
export function notesOfWeek(db: Tx, studentIds: string[], week: string) {
  if (!studentIds.length) return Promise.resolve([] as NoteRow[]);
  return q(db).selectFrom('heart_bridge_notes').selectAll().where('student_id', 'in', studentIds).where('week', '=', week).execute();
}

export function timeline(db: Tx, studentId: string, f: { fromWeek?: string; toWeek?: string; order: 'asc' | 'desc'; limit: number; offset: number }) {
  const base = q(db)
    .selectFrom('heart_bridge_notes')
    .where('student_id', '=', studentId)
    .$if(!!f.fromWeek, (x) => x.where('week', '>=', f.fromWeek!))
    .$if(!!f.toWeek, (x) => x.where('week', '<=', f.toWeek!));
  return Promise.all([
    base.selectAll().orderBy('week', f.order).limit(f.limit).offset(f.offset).execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
}

export interface WeekCountRow {
  class_id: string;
  week: string;
  school_sides: number;
  home_sides: number;
  two_way: number;
  school_read: number;
  home_read: number;
}

const statSums = [
  sql<number>`sum(case when school_written_at is not null then 1 else 0 end)`,
  sql<number>`sum(case when home_written_at is not null then 1 else 0 end)`,
  sql<number>`sum(case when school_written_at is not null and home_written_at is not null then 1 else 0 end)`,
  sql<number>`sum(case when school_written_at is not null and read_by_home_at is not null then 1 else 0 end)`,
  sql<number>`sum(case when home_written_at is not null and read_by_school_at is not null then 1 else 0 end)`,
];
const statColumns = [
  statSums[0].as('school_sides'),
  statSums[1].as('home_sides'),
  statSums[2].as('two_way'),
  statSums[3].as('school_read'),
  statSums[4].as('home_read'),
];

const counted = ['school_sides', 'home_sides', 'two_way', 'school_read', 'home_read'] as const;

/**
 * Recomputes one class's counts for one week from its pages, in one statement; called in every
 * write's transaction. Recounting (not adding deltas) stays exact when two writers race on
 * PostgreSQL. An aggregate without GROUP BY always yields a row, so a class whose last page
 * moved away is written back to zeros.
 */
export async function refreshWeekStats(db: Tx, classId: string, week: string, schoolId: string) {
  await q(db)
    .insertInto('heart_bridge_week_stats')
    .columns(['class_id', 'week', 'school_id', ...counted])
    .expression(
      q(db)
        .selectFrom('heart_bridge_notes')
        .select([
          sql.val(classId).as('class_id'),
          sql.val(week).as('week'),
          sql.val(schoolId).as('school_id'),
          ...counted.map((c, i) => sql<number>`coalesce(${statSums[i]}, 0)`.as(c)),
        ])
        .where('class_id', '=', classId)
        .where('week', '=', week),
    )
    .onConflict((oc) => oc.columns(['class_id', 'week']).doUpdateSet((eb) => Object.fromEntries(counted.map((c) => [c, eb.ref(`excluded.${c}`)]))))
    .execute();
}

/** Rebuilds a school's counts from all its pages (after a bulk load: the demo seed, a benchmark). */
export async function rebuildWeekStats(db: Tx, schoolId: string) {
  await q(db).deleteFrom('heart_bridge_week_stats').where('school_id', '=', schoolId).execute();
  await q(db)
    .insertInto('heart_bridge_week_stats')
    .columns(['class_id', 'week', 'school_id', 'school_sides', 'home_sides', 'two_way', 'school_read', 'home_read'])
    .expression(
      q(db)
        .selectFrom('heart_bridge_notes')
        .select(['class_id', 'week', 'school_id', ...statColumns])
        .where('school_id', '=', schoolId)
        .groupBy(['class_id', 'week', 'school_id']),
    )
    .execute();
}

/**
 * Per class and week: how many pages have each side, both sides, and each side read. A page
 * counts for the class the student was in when it was last written (a student who moves
 * class takes new pages along, old ones stay with the old class).
 */
export async function weekCounts(db: Tx, classIds: string[], fromWeek: string, toWeek: string): Promise<WeekCountRow[]> {
  if (!classIds.length) return [];
  return q(db)
    .selectFrom('heart_bridge_week_stats')
    .select(['class_id', 'week', 'school_sides', 'home_sides', 'two_way', 'school_read', 'home_read'])
    .where('class_id', 'in', classIds)
    .where('week', '>=', fromWeek)
    .where('week', '<=', toWeek)
    .execute();
}

export async function rosterCounts(db: Tx, classIds: string[]): Promise<Map<string, number>> {
  if (!classIds.length) return new Map();
  const rows = await db
    .selectFrom('persons')
    .select(['org_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('org_id', 'in', classIds)
    .where(activeStudent())
    .groupBy('org_id')
    .execute();
  return new Map(rows.map((r) => [r.org_id, Number(r.n)]));
}

/** (student, week) pairs with both sides written, for the students of some classes, in a week range. */
export function twoWayPairs(db: Tx, classIds: string[], fromWeek: string, toWeek: string) {
  if (!classIds.length) return Promise.resolve([] as { student_id: string; week: string }[]);
  return q(db)
    .selectFrom('persons as p')
    .innerJoin('heart_bridge_notes as n', 'n.student_id', 'p.id')
    .select(['n.student_id', 'n.week'])
    .where('p.org_id', 'in', classIds)
    .where(activeStudent('p'))
    .where('n.week', '>=', fromWeek)
    .where('n.week', '<=', toWeek)
    .where('n.school_written_at', 'is not', null)
    .where('n.home_written_at', 'is not', null)
    .execute();
}

/** (student, week) pairs with both sides written on pages of some classes in some weeks. */
export async function twoWayPairsOfClasses(db: Tx, classIds: string[], weeks: string[]) {
  if (!classIds.length || !weeks.length) return [] as { student_id: string; week: string }[];
  return q(db)
    .selectFrom('heart_bridge_notes')
    .select(['student_id', 'week'])
    .where('class_id', 'in', classIds)
    .where('week', 'in', weeks)
    .where('school_written_at', 'is not', null)
    .where('home_written_at', 'is not', null)
    .execute();
}

/**
 * Per class: its current students and, when `weeks` is given, how many of them have no
 * two-way page in any of those weeks. The two-way students of those weeks are read once from
 * the two-way index (a non-correlated IN), the roster from the covering roster index, so a
 * whole school's count reads no page and sends no student to the application.
 */
export async function rosterWithoutTwoWay(db: Tx, classIds: string[], weeks: string[] | null): Promise<Map<string, { students: number; silent: number }>> {
  if (!classIds.length) return new Map();
  const silent = weeks?.length
    ? sql<number>`sum(case when ${sql.ref('p.id')} in ${q(db)
        .selectFrom('heart_bridge_notes as n')
        .select('n.student_id')
        .where('n.week', 'in', weeks)
        .where('n.school_written_at', 'is not', null)
        .where('n.home_written_at', 'is not', null)} then 0 else 1 end)`
    : sql<number>`0`;
  const rows = await db
    .selectFrom('persons as p')
    .select(['p.org_id', (eb) => eb.fn.countAll<number>().as('students'), silent.as('silent')])
    .where('p.org_id', 'in', classIds)
    .where(activeStudent('p'))
    .groupBy('p.org_id')
    .execute();
  return new Map(rows.map((r) => [r.org_id, { students: Number(r.students), silent: Number(r.silent) }]));
}

/** (student, week) pairs with both sides written for some students, in a week range. */
export async function twoWayPairsOfStudents(db: Tx, studentIds: string[], fromWeek: string, toWeek: string) {
  const out: { student_id: string; week: string }[] = [];
  for (let i = 0; i < studentIds.length; i += 5000) {
    const rows = await q(db)
      .selectFrom('heart_bridge_notes')
      .select(['student_id', 'week'])
      .where('student_id', 'in', studentIds.slice(i, i + 5000))
      .where('week', '>=', fromWeek)
      .where('week', '<=', toWeek)
      .where('school_written_at', 'is not', null)
      .where('home_written_at', 'is not', null)
      .execute();
    out.push(...rows);
  }
  return out;
}

/** Students of the classes whose page for `week` has no school side yet, counted per class. */
export async function missingSchoolSides(db: Tx, classIds: string[], week: string): Promise<Map<string, number>> {
  if (!classIds.length) return new Map();
  const rows = await q(db)
    .selectFrom('persons as p')
    .leftJoin('heart_bridge_notes as n', (j) => j.onRef('n.student_id', '=', 'p.id').on('n.week', '=', week))
    .select(['p.org_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('p.org_id', 'in', classIds)
    .where(activeStudent('p'))
    .where('n.school_written_at', 'is', null)
    .groupBy('p.org_id')
    .execute();
  return new Map(rows.map((r) => [r.org_id, Number(r.n)]));
}

/** Pages of a school whose school side was written in [from, before) and whose home side is still empty. */
export function awaitingHome(db: Tx, schoolId: string, from: string, before: string) {
  return q(db)
    .selectFrom('heart_bridge_notes')
    .select(['id', 'student_id', 'class_id', 'week'])
    .where('school_id', '=', schoolId)
    .where('school_written_at', '>=', from)
    .where('school_written_at', '<', before)
    .where('home_written_at', 'is', null)
    .execute();
}

export function phrasesOf(db: Tx, schoolId: string) {
  return q(db).selectFrom('heart_bridge_phrases').selectAll().where('school_id', '=', schoolId).orderBy('side').orderBy('sort_order').execute();
}

export async function replacePhrases(db: Tx, schoolId: string, rows: HeartBridgePhraseTable[]) {
  await q(db).deleteFrom('heart_bridge_phrases').where('school_id', '=', schoolId).execute();
  if (rows.length) await q(db).insertInto('heart_bridge_phrases').values(rows).execute();
}

export async function insertNotes(db: Tx, rows: NoteRow[]) {
  for (let i = 0; i < rows.length; i += 500)
    await q(db)
      .insertInto('heart_bridge_notes')
      .values(rows.slice(i, i + 500))
      .execute();
}

export async function hasNotes(db: Tx, schoolId: string) {
  return !!(await q(db).selectFrom('heart_bridge_notes').select('id').where('school_id', '=', schoolId).limit(1).executeTakeFirst());
}

export async function personNames(db: Tx, ids: string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const rows = await db.selectFrom('persons').select(['id', 'name']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Guardians of some students with their account, if any. */
export function guardianWriters(db: Tx, studentIds: string[]) {
  return db
    .selectFrom('guardian_links as g')
    .innerJoin('persons as p', 'p.id', 'g.guardian_id')
    .leftJoin('accounts as a', 'a.person_id', 'p.id')
    .select(['g.student_id', 'p.name', 'a.id as account_id', 'a.display_name'])
    .where('g.student_id', 'in', studentIds.length ? studentIds : [''])
    .execute();
}

/** A page's sides, as the week counts fold them: the work report names the pages and sides a figure counted. */
export interface PageSides {
  class_id: string;
  student_id: string;
  week: string;
  school_written_at: string | null;
  home_written_at: string | null;
  read_by_school_at: string | null;
  read_by_home_at: string | null;
}

/** The pages of some classes in a week range (every page, written or not: the caller folds them as the counts do). */
export function pagesOfClasses(db: Tx, classIds: string[], fromWeek: string, toWeek: string): Promise<PageSides[]> {
  if (!classIds.length) return Promise.resolve([]);
  return q(db)
    .selectFrom('heart_bridge_notes')
    .select(['class_id', 'student_id', 'week', 'school_written_at', 'home_written_at', 'read_by_school_at', 'read_by_home_at'])
    .where('class_id', 'in', classIds)
    .where('week', '>=', fromWeek)
    .where('week', '<=', toWeek)
    .execute();
}

/** The students on the roll of some classes (the roster `rosterCounts` counts), by id. */
export function rosterOf(db: Tx, classIds: string[]): Promise<{ id: string; org_id: string }[]> {
  if (!classIds.length) return Promise.resolve([]);
  return db.selectFrom('persons').select(['id', 'org_id']).where('org_id', 'in', classIds).where(activeStudent()).execute();
}
