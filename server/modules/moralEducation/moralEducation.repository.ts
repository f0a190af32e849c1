import type { Kysely } from 'kysely';
import type { Tx } from '../../core/db/database.js';
import type { DB } from '../../core/db/schema.js';

export interface MoralTopicWeekTable {
  id: string;
  school_id: string;
  week: string;
  theme: string;
  created_at: string;
  updated_at: string;
}

export interface MoralTopicTable {
  id: string;
  school_id: string;
  date: string;
  topic: string;
  created_at: string;
  updated_at: string;
}

export interface MoralTopicOverrideTable {
  id: string;
  school_id: string;
  class_id: string;
  date: string;
  topic: string;
  author_id: string | null;
  created_at: string;
  updated_at: string;
}

export interface MoralSessionTable {
  id: string;
  school_id: string;
  class_id: string;
  date: string;
  status: string;
  skip_reason: string | null;
  topic: string | null;
  planned_topic: string | null;
  reflection: string | null;
  recorded_by: string | null;
  recorded_by_name: string | null;
  created_at: string;
  updated_at: string;
}

export interface MoralTables {
  moral_topic_weeks: MoralTopicWeekTable;
  moral_topics: MoralTopicTable;
  moral_topic_overrides: MoralTopicOverrideTable;
  moral_sessions: MoralSessionTable;
  moral_session_presenters: { session_id: string; student_id: string };
}

export type SessionRow = MoralSessionTable;
const q = (db: Tx) => db as unknown as Kysely<DB & MoralTables>;

// ── topic calendar ────────────────────────────────────────────────

export function weekThemes(db: Tx, schoolId: string, fromWeek: string, toWeek: string) {
  return q(db)
    .selectFrom('moral_topic_weeks')
    .select(['week', 'theme'])
    .where('school_id', '=', schoolId)
    .where('week', '>=', fromWeek)
    .where('week', '<=', toWeek)
    .execute();
}

export function dayTopics(db: Tx, schoolId: string, from: string, to: string) {
  return q(db)
    .selectFrom('moral_topics')
    .select(['date', 'topic'])
    .where('school_id', '=', schoolId)
    .where('date', '>=', from)
    .where('date', '<=', to)
    .execute();
}

export function overridesOf(db: Tx, classIds: string[], from: string, to: string) {
  if (!classIds.length) return Promise.resolve([] as MoralTopicOverrideTable[]);
  return q(db).selectFrom('moral_topic_overrides').selectAll().where('class_id', 'in', classIds).where('date', '>=', from).where('date', '<=', to).execute();
}

export async function upsertWeekTheme(db: Tx, row: MoralTopicWeekTable) {
  await q(db)
    .insertInto('moral_topic_weeks')
    .values(row)
    .onConflict((oc) => oc.columns(['school_id', 'week']).doUpdateSet({ theme: row.theme, updated_at: row.updated_at }))
    .execute();
}

export async function deleteWeekTheme(db: Tx, schoolId: string, week: string) {
  await q(db).deleteFrom('moral_topic_weeks').where('school_id', '=', schoolId).where('week', '=', week).execute();
}

export async function upsertDayTopic(db: Tx, row: MoralTopicTable) {
  await q(db)
    .insertInto('moral_topics')
    .values(row)
    .onConflict((oc) => oc.columns(['school_id', 'date']).doUpdateSet({ topic: row.topic, updated_at: row.updated_at }))
    .execute();
}

export async function deleteDayTopic(db: Tx, schoolId: string, date: string) {
  await q(db).deleteFrom('moral_topics').where('school_id', '=', schoolId).where('date', '=', date).execute();
}

export async function upsertOverride(db: Tx, row: MoralTopicOverrideTable) {
  await q(db)
    .insertInto('moral_topic_overrides')
    .values(row)
    .onConflict((oc) => oc.columns(['class_id', 'date']).doUpdateSet({ topic: row.topic, author_id: row.author_id, updated_at: row.updated_at }))
    .execute();
}

export async function deleteOverride(db: Tx, classId: string, date: string) {
  const res = await q(db).deleteFrom('moral_topic_overrides').where('class_id', '=', classId).where('date', '=', date).executeTakeFirst();
  return Number(res.numDeletedRows) > 0;
}

// ── sessions ──────────────────────────────────────────────────────

export function findSession(db: Tx, id: string) {
  return q(db).selectFrom('moral_sessions').selectAll().where('id', '=', id).executeTakeFirst();
}

export function sessionOn(db: Tx, classId: string, date: string) {
  return q(db).selectFrom('moral_sessions').selectAll().where('class_id', '=', classId).where('date', '=', date).executeTakeFirst();
}

export async function insertSession(db: Tx, row: SessionRow, presenterIds: string[]) {
  await q(db).insertInto('moral_sessions').values(row).execute();
  await setPresenters(db, row.id, presenterIds);
}

export async function updateSession(db: Tx, id: string, patch: Partial<SessionRow>) {
  await q(db).updateTable('moral_sessions').set(patch).where('id', '=', id).execute();
}

export async function setPresenters(db: Tx, sessionId: string, studentIds: string[]) {
  await q(db).deleteFrom('moral_session_presenters').where('session_id', '=', sessionId).execute();
  if (studentIds.length)
    await q(db)
      .insertInto('moral_session_presenters')
      .values(studentIds.map((s) => ({ session_id: sessionId, student_id: s })))
      .execute();
}

export async function presentersOf(db: Tx, sessionIds: string[]) {
  if (!sessionIds.length) return [] as { session_id: string; student_id: string; name: string }[];
  return q(db)
    .selectFrom('moral_session_presenters as sp')
    .innerJoin('persons as p', 'p.id', 'sp.student_id')
    .select(['sp.session_id', 'sp.student_id', 'p.name'])
    .where('sp.session_id', 'in', sessionIds)
    .orderBy('p.name')
    .execute();
}

export function listSessions(
  db: Tx,
  classId: string,
  f: { from?: string; to?: string; status?: string; order: 'asc' | 'desc'; limit: number; offset: number },
) {
  const base = q(db)
    .selectFrom('moral_sessions')
    .where('class_id', '=', classId)
    .$if(!!f.from, (x) => x.where('date', '>=', f.from!))
    .$if(!!f.to, (x) => x.where('date', '<=', f.to!))
    .$if(!!f.status, (x) => x.where('status', '=', f.status!));
  return Promise.all([
    base.selectAll().orderBy('date', f.order).limit(f.limit).offset(f.offset).execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
}

/** The sessions of some classes in a date range, without the long texts. */
export function sessionsOf(db: Tx, classIds: string[], from: string, to: string) {
  if (!classIds.length) return Promise.resolve([] as Pick<SessionRow, 'id' | 'class_id' | 'date' | 'status' | 'skip_reason' | 'topic' | 'planned_topic'>[]);
  return q(db)
    .selectFrom('moral_sessions')
    .select(['id', 'class_id', 'date', 'status', 'skip_reason', 'topic', 'planned_topic'])
    .where('class_id', 'in', classIds)
    .where('date', '>=', from)
    .where('date', '<=', to)
    .execute();
}

/** How often each student of a class presented in a date range. */
export async function presenterCounts(db: Tx, classId: string, from: string, to: string): Promise<Map<string, number>> {
  const rows = await q(db)
    .selectFrom('moral_session_presenters as sp')
    .innerJoin('moral_sessions as s', 's.id', 'sp.session_id')
    .select(['sp.student_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('s.class_id', '=', classId)
    .where('s.status', '=', 'held')
    .where('s.date', '>=', from)
    .where('s.date', '<=', to)
    .groupBy('sp.student_id')
    .execute();
  return new Map(rows.map((r) => [r.student_id, Number(r.n)]));
}

/** Classes among `classIds` with a session recorded on `date`. */
export async function classesWithSession(db: Tx, classIds: string[], date: string): Promise<Set<string>> {
  if (!classIds.length) return new Set();
  const rows = await q(db).selectFrom('moral_sessions').select('class_id').where('class_id', 'in', classIds).where('date', '=', date).execute();
  return new Set(rows.map((r) => r.class_id));
}

export async function hasSessions(db: Tx, schoolId: string) {
  return !!(await q(db).selectFrom('moral_sessions').select('id').where('school_id', '=', schoolId).limit(1).executeTakeFirst());
}

export async function hasPlan(db: Tx, schoolId: string) {
  return !!(await q(db).selectFrom('moral_topics').select('id').where('school_id', '=', schoolId).limit(1).executeTakeFirst());
}

export async function insertTopics(db: Tx, rows: MoralTopicTable[]) {
  for (let i = 0; i < rows.length; i += 500)
    await q(db)
      .insertInto('moral_topics')
      .values(rows.slice(i, i + 500))
      .execute();
}

export async function insertThemes(db: Tx, rows: MoralTopicWeekTable[]) {
  for (let i = 0; i < rows.length; i += 500)
    await q(db)
      .insertInto('moral_topic_weeks')
      .values(rows.slice(i, i + 500))
      .execute();
}

export async function insertSessions(db: Tx, rows: SessionRow[], presenters: { session_id: string; student_id: string }[]) {
  for (let i = 0; i < rows.length; i += 400)
    await q(db)
      .insertInto('moral_sessions')
      .values(rows.slice(i, i + 400))
      .execute();
  for (let i = 0; i < presenters.length; i += 1000)
    await q(db)
      .insertInto('moral_session_presenters')
      .values(presenters.slice(i, i + 1000))
      .execute();
}
