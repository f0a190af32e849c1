import { sql, type Kysely, type SqlBool } from 'kysely';
import type { Tx } from '../../core/db/database.js';
import type { DB } from '../../core/db/schema.js';
import { prefixUpper } from '../../core/db/dialect.js';
import { comparePinyin } from '../../../common/school.js';

export interface SchoolTermTable {
  id: string;
  school_id: string;
  name: string;
  start_date: string;
  end_date: string;
  created_at: string;
  updated_at: string;
}

export interface SchoolClosureTable {
  id: string;
  school_id: string;
  org_id: string;
  date: string;
  reason: string;
  created_at: string;
}

export interface SchoolSettingsTable {
  school_id: string;
  quiet_start: string;
  quiet_end: string;
  teacher_reminder_at: string;
  guardian_reminder_at: string;
  moral_reminder_at: string;
  lesson_reminder_at: string;
  updated_at: string;
}

export interface SchoolReminderSentTable {
  key: string;
  kind: string;
  account_id: string;
  sent_at: string;
}

export interface SchoolTables {
  school_terms: SchoolTermTable;
  school_closures: SchoolClosureTable;
  school_settings: SchoolSettingsTable;
  school_reminders_sent: SchoolReminderSentTable;
}

export type SchoolDb = Kysely<DB & SchoolTables>;

/**
 * "An active student", written so no planner uses it to pick an index: without ANALYZE,
 * SQLite would otherwise walk every student of the deployment by `kind` (or every person by
 * `archived`) instead of seeking the class by `org_id`. Portable to PostgreSQL as written.
 */
export function activeStudent(alias = 'persons') {
  return sql<SqlBool>`(${sql.ref(`${alias}.kind`)} || '') = 'student' and ${sql.ref(`${alias}.archived`)} + 0 = 0`;
}
const q = (db: Tx) => db as unknown as SchoolDb;

export interface OrgRef {
  id: string;
  name: string;
  path: string;
  kind: string;
}

export function findOrg(db: Tx, id: string): Promise<OrgRef | undefined> {
  return db.selectFrom('orgs').select(['id', 'name', 'path', 'kind']).where('id', '=', id).executeTakeFirst();
}

export function findOrgs(db: Tx, ids: string[]): Promise<OrgRef[]> {
  if (!ids.length) return Promise.resolve([]);
  return db.selectFrom('orgs').select(['id', 'name', 'path', 'kind']).where('id', 'in', ids).execute();
}

export function classesUnder(db: Tx, path: string): Promise<(OrgRef & { parent_id: string | null; sort_order: number })[]> {
  return db
    .selectFrom('orgs')
    .select(['id', 'name', 'path', 'kind', 'parent_id', 'sort_order'])
    .where('kind', '=', 'class')
    .where('path', '>=', path)
    .where('path', '<', prefixUpper(path))
    .orderBy('path')
    .execute();
}

export function schools(db: Tx): Promise<OrgRef[]> {
  return db.selectFrom('orgs').select(['id', 'name', 'path', 'kind']).where('kind', '=', 'school').orderBy('name').execute();
}

// ── people of a class ─────────────────────────────────────────────

/** A class's students in pinyin order of their names (the order a teacher reads a roster in; SQL orders by code point). */
export async function studentsOfClass(db: Tx, classId: string) {
  const rows = await db.selectFrom('persons').select(['id', 'name', 'org_id']).where('org_id', '=', classId).where(activeStudent()).orderBy('id').execute();
  return rows.sort((a, b) => comparePinyin(a.name, b.name));
}

/** Which of `ids` are active students of the class, with their names (a log checks only the students tapped, not the roster). */
export function studentsAmong(db: Tx, classId: string, ids: readonly string[]) {
  if (!ids.length) return Promise.resolve([] as { id: string; name: string }[]);
  return db.selectFrom('persons').select(['id', 'name']).where('org_id', '=', classId).where('id', 'in', ids).where(activeStudent()).execute();
}

export function studentsOfClasses(db: Tx, classIds: string[]) {
  if (!classIds.length) return Promise.resolve([] as { id: string; name: string; org_id: string }[]);
  return db
    .selectFrom('persons')
    .select(['id', 'name', 'org_id'])
    .where('org_id', 'in', classIds)
    .where(activeStudent())
    .orderBy('name')
    .orderBy('id')
    .execute();
}

/** An active student with their class's org row, in one read. */
export function findStudent(db: Tx, id: string) {
  return db
    .selectFrom('persons as p')
    .innerJoin('orgs as o', 'o.id', 'p.org_id')
    .select(['p.id', 'p.name', 'p.org_id', 'o.name as org_name', 'o.path as org_path', 'o.kind as org_kind'])
    .where('p.id', '=', id)
    .where('p.kind', '=', 'student')
    .where('p.archived', '=', 0)
    .executeTakeFirst();
}

/** The classes a teacher teaches, with each class's path. */
export function teacherClasses(db: Tx, teacherId: string) {
  return db
    .selectFrom('class_teachers as ct')
    .innerJoin('orgs as o', 'o.id', 'ct.class_id')
    .select(['ct.class_id', 'ct.duty', 'o.path'])
    .where('ct.teacher_id', '=', teacherId)
    .execute();
}

/** A guardian's children (active students), with each child's class path. */
export function childrenOf(db: Tx, guardianId: string) {
  return db
    .selectFrom('guardian_links as g')
    .innerJoin('persons as p', 'p.id', 'g.student_id')
    .innerJoin('orgs as o', 'o.id', 'p.org_id')
    .select(['p.id', 'p.name', 'p.org_id', 'o.path'])
    .where('g.guardian_id', '=', guardianId)
    .where(activeStudent('p'))
    .execute();
}

/** Accounts of the teachers of some classes, with the class and duty each holds. */
export function teacherAccountsOf(db: Tx, classIds: string[], duties: ('head' | 'subject')[] = ['head', 'subject']) {
  if (!classIds.length) return Promise.resolve([] as { class_id: string; duty: string; account_id: string }[]);
  return db
    .selectFrom('class_teachers as ct')
    .innerJoin('accounts as a', 'a.person_id', 'ct.teacher_id')
    .select(['ct.class_id', 'ct.duty', 'a.id as account_id'])
    .where('ct.class_id', 'in', classIds)
    .where('ct.duty', 'in', duties)
    .where('a.disabled', '=', 0)
    .execute();
}

/** Teachers of some classes by name, with their account if they have one (the demo's writers). */
export function teachersOfClasses(db: Tx, classIds: string[]) {
  return db
    .selectFrom('class_teachers as ct')
    .innerJoin('persons as p', 'p.id', 'ct.teacher_id')
    .leftJoin('accounts as a', 'a.person_id', 'p.id')
    .select(['ct.class_id', 'ct.duty', 'p.name', 'a.id as account_id', 'a.display_name'])
    .where('ct.class_id', 'in', classIds.length ? classIds : [''])
    .execute();
}

/** Accounts of the guardians of some students. */
export function guardianAccountsOf(db: Tx, studentIds: string[]) {
  if (!studentIds.length) return Promise.resolve([] as { student_id: string; account_id: string }[]);
  return db
    .selectFrom('guardian_links as g')
    .innerJoin('accounts as a', 'a.person_id', 'g.guardian_id')
    .select(['g.student_id', 'a.id as account_id'])
    .where('g.student_id', 'in', studentIds)
    .where('a.disabled', '=', 0)
    .execute();
}

// ── terms, closures, settings ─────────────────────────────────────

export function termsOf(db: Tx, schoolId: string) {
  return q(db).selectFrom('school_terms').selectAll().where('school_id', '=', schoolId).orderBy('start_date').execute();
}

export function termsOfSchools(db: Tx, schoolIds: string[]) {
  if (!schoolIds.length) return Promise.resolve([] as SchoolTermTable[]);
  return q(db).selectFrom('school_terms').selectAll().where('school_id', 'in', schoolIds).orderBy('start_date').execute();
}

export function findTerm(db: Tx, id: string) {
  return q(db).selectFrom('school_terms').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertTerm(db: Tx, row: SchoolTermTable) {
  await q(db).insertInto('school_terms').values(row).execute();
}

export async function updateTerm(db: Tx, id: string, patch: Partial<SchoolTermTable>) {
  await q(db).updateTable('school_terms').set(patch).where('id', '=', id).execute();
}

export async function deleteTerm(db: Tx, id: string) {
  await q(db).deleteFrom('school_terms').where('id', '=', id).execute();
}

/** Closures of a school with the path of the org each reaches. */
export function closuresOf(db: Tx, schoolId: string) {
  return q(db)
    .selectFrom('school_closures as c')
    .innerJoin('orgs as o', 'o.id', 'c.org_id')
    .select(['c.id', 'c.school_id', 'c.org_id', 'c.date', 'c.reason', 'o.path', 'o.name as org_name'])
    .where('c.school_id', '=', schoolId)
    .orderBy('c.date')
    .execute();
}

export function listClosures(db: Tx, schoolId: string, f: { from?: string; to?: string; order: 'asc' | 'desc'; limit: number; offset: number }) {
  const base = q(db)
    .selectFrom('school_closures as c')
    .innerJoin('orgs as o', 'o.id', 'c.org_id')
    .where('c.school_id', '=', schoolId)
    .$if(!!f.from, (x) => x.where('c.date', '>=', f.from!))
    .$if(!!f.to, (x) => x.where('c.date', '<=', f.to!));
  return Promise.all([
    base
      .select(['c.id', 'c.school_id', 'c.org_id', 'c.date', 'c.reason', 'o.name as org_name'])
      .orderBy('c.date', f.order)
      .orderBy('c.id')
      .limit(f.limit)
      .offset(f.offset)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
}

export function findClosure(db: Tx, id: string) {
  return q(db).selectFrom('school_closures').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertClosure(db: Tx, row: SchoolClosureTable) {
  await q(db).insertInto('school_closures').values(row).execute();
}

export async function deleteClosure(db: Tx, id: string) {
  await q(db).deleteFrom('school_closures').where('id', '=', id).execute();
}

/** Org paths strictly inside a school that carry a core calendar override of their own. */
export async function overridePathsBelow(db: Tx, schoolPath: string): Promise<string[]> {
  const rows = await db
    .selectFrom('calendar_overrides as c')
    .innerJoin('orgs as o', 'o.id', 'c.org_id')
    .select('o.path')
    .where('o.path', '>', schoolPath)
    .where('o.path', '<', prefixUpper(schoolPath))
    .execute();
  return [...new Set(rows.map((r) => r.path))];
}

export function findSettings(db: Tx, schoolId: string) {
  return q(db).selectFrom('school_settings').selectAll().where('school_id', '=', schoolId).executeTakeFirst();
}

export function settingsOfSchools(db: Tx, schoolIds: string[]) {
  if (!schoolIds.length) return Promise.resolve([] as SchoolSettingsTable[]);
  return q(db).selectFrom('school_settings').selectAll().where('school_id', 'in', schoolIds).execute();
}

export async function upsertSettings(db: Tx, row: SchoolSettingsTable) {
  const { school_id: _id, ...rest } = row;
  await q(db)
    .insertInto('school_settings')
    .values(row)
    .onConflict((oc) => oc.column('school_id').doUpdateSet(rest))
    .execute();
}

/** True when this call is the one that sends the reminder `key`; false when it was sent already. */
export async function claimReminder(db: Tx, key: string, kind: string, accountId: string, now: string): Promise<boolean> {
  const res = await q(db)
    .insertInto('school_reminders_sent')
    .values({ key, kind, account_id: accountId, sent_at: now })
    .onConflict((oc) => oc.column('key').doNothing())
    .executeTakeFirst();
  return Number(res.numInsertedOrUpdatedRows ?? 0) > 0;
}
