import type { Expression, SqlBool } from 'kysely';
import { containsCi } from '../../core/db/dialect.js';
/** All SQL of the congress roster: terms, representatives, sessions, attendance. */
import type { Db, Tx } from '../../core/db/database.js';
import type { Scope } from '../../core/rbac/actor.js';
import { pathInScope } from '../../core/rbac/scope-sql.js';
import { cdb, type CongressAttendanceTable, type CongressRepresentativeTable, type CongressSessionTable, type CongressTermTable } from './congress.tables.js';

type H = Db | Tx;

export async function findTerm(db: H, id: string) {
  return cdb(db)
    .selectFrom('congress_terms as t')
    .innerJoin('orgs as o', 'o.id', 't.org_id')
    .selectAll('t')
    .select(['o.path as org_path', 'o.name as org_name'])
    .where('t.id', '=', id)
    .executeTakeFirst();
}
export type TermRow = NonNullable<Awaited<ReturnType<typeof findTerm>>>;

/** Terms whose organisation lies in `scope`, or of which the caller is a representative. */
export async function listTerms(db: H, scope: Scope, me: { accountId: string; personId: string | null }, orgPath?: string) {
  let q = cdb(db)
    .selectFrom('congress_terms as t')
    .innerJoin('orgs as o', 'o.id', 't.org_id')
    .selectAll('t')
    .select(['o.path as org_path', 'o.name as org_name'])
    .select((eb) =>
      eb.selectFrom('congress_representatives as r').whereRef('r.term_id', '=', 't.id').select(eb.fn.countAll<number>().as('n')).as('representatives'),
    )
    .where((eb) =>
      eb.or([
        pathInScope(eb, 'o.path', scope),
        eb.exists(
          eb
            .selectFrom('congress_representatives as m')
            .select('m.id')
            .whereRef('m.term_id', '=', 't.id')
            .where((e) => e.or([e('m.account_id', '=', me.accountId), ...(me.personId ? [e('m.person_id', '=', me.personId)] : [])])),
        ),
      ]),
    );
  if (orgPath) q = q.where('o.path', '>=', orgPath).where('o.path', '<', `${orgPath}~`);
  return q.orderBy('t.start_date', 'desc').orderBy('t.id').execute();
}

export async function insertTerm(tx: Tx, row: CongressTermTable) {
  await cdb(tx).insertInto('congress_terms').values(row).execute();
}
export async function updateTermRules(tx: Tx, id: string, rules: string, at: string) {
  await cdb(tx).updateTable('congress_terms').set({ rules, updated_at: at }).where('id', '=', id).execute();
}
export async function termNumberTaken(db: H, orgId: string, number: number) {
  return !!(await cdb(db).selectFrom('congress_terms').select('id').where('org_id', '=', orgId).where('number', '=', number).executeTakeFirst());
}

/** The counts the proportion rules look at, over every representative of the term. */
export async function rosterCounts(db: H, termId: string) {
  const row = await cdb(db)
    .selectFrom('congress_representatives as r')
    .innerJoin('persons as p', 'p.id', 'r.person_id')
    .select((eb) => [
      eb.fn.countAll<number>().as('total'),
      eb.fn.sum<number>(eb.case().when('r.category', '=', 'leader').then(1).else(0).end()).as('leaders'),
      eb.fn.sum<number>(eb.case().when('r.category', '=', 'frontLine').then(1).else(0).end()).as('frontLine'),
      eb.fn.sum<number>(eb.case().when('p.gender', '=', 'female').then(1).else(0).end()).as('women'),
      eb.fn.sum<number>(eb.case().when('p.employment_category', '=', 'dispatched').then(1).else(0).end()).as('dispatched'),
    ])
    .where('r.term_id', '=', termId)
    .executeTakeFirstOrThrow();
  return {
    total: Number(row.total),
    leaders: Number(row.leaders ?? 0),
    frontLine: Number(row.frontLine ?? 0),
    women: Number(row.women ?? 0),
    dispatched: Number(row.dispatched ?? 0),
  };
}

/** The caller's place on the term's roster, if any. */
export async function myRepresentative(db: H, termId: string, me: { accountId: string; personId: string | null }) {
  return cdb(db)
    .selectFrom('congress_representatives')
    .select('id')
    .where('term_id', '=', termId)
    .where((e) => e.or([e('account_id', '=', me.accountId), ...(me.personId ? [e('person_id', '=', me.personId)] : [])]))
    .executeTakeFirst();
}

export interface RepresentativeFilter {
  delegation?: string;
  category?: string;
  q?: string;
  sort?: 'name' | 'delegation' | 'category';
  order: 'asc' | 'desc';
  page: number;
  pageSize: number;
}

export async function listRepresentatives(db: H, termId: string, f: RepresentativeFilter) {
  let q = cdb(db)
    .selectFrom('congress_representatives as r')
    .innerJoin('persons as p', 'p.id', 'r.person_id')
    .innerJoin('orgs as o', 'o.id', 'p.org_id')
    .where('r.term_id', '=', termId);
  if (f.delegation) q = q.where('r.delegation', '=', f.delegation);
  if (f.category) q = q.where('r.category', '=', f.category);
  if (f.q) q = q.where(containsCi('p.name', f.q) as Expression<SqlBool>);
  const total = Number((await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const sortCol = f.sort === 'delegation' ? 'r.delegation' : f.sort === 'category' ? 'r.category' : 'p.name';
  const items = await q
    .select(['r.id', 'r.person_id', 'r.delegation', 'r.category', 'p.name', 'p.gender', 'p.employment_category', 'o.name as org_name'])
    .orderBy(sortCol, f.order)
    .orderBy('p.name')
    .orderBy('r.id')
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize)
    .execute();
  return { items, total };
}

export async function findRepresentative(db: H, termId: string, id: string) {
  return cdb(db).selectFrom('congress_representatives').selectAll().where('term_id', '=', termId).where('id', '=', id).executeTakeFirst();
}
export async function insertRepresentative(tx: Tx, row: CongressRepresentativeTable) {
  await cdb(tx).insertInto('congress_representatives').values(row).execute();
}
export async function representativeOfPerson(db: H, termId: string, personId: string) {
  return cdb(db).selectFrom('congress_representatives').select('id').where('term_id', '=', termId).where('person_id', '=', personId).executeTakeFirst();
}

export async function findSession(db: H, id: string) {
  return cdb(db).selectFrom('congress_sessions').selectAll().where('id', '=', id).executeTakeFirst();
}
export type SessionRow = CongressSessionTable;
export async function sessionsOfTerm(db: H, termId: string) {
  return cdb(db).selectFrom('congress_sessions').selectAll().where('term_id', '=', termId).orderBy('number').execute();
}
export async function sessionNumberTaken(db: H, termId: string, number: number) {
  return !!(await cdb(db).selectFrom('congress_sessions').select('id').where('term_id', '=', termId).where('number', '=', number).executeTakeFirst());
}
export async function insertSession(tx: Tx, row: CongressSessionTable) {
  await cdb(tx).insertInto('congress_sessions').values(row).execute();
}
export async function presentCount(db: H, sessionId: string) {
  const row = await cdb(db)
    .selectFrom('congress_attendance')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('session_id', '=', sessionId)
    .where('present', '=', 1)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
export async function representativeCount(db: H, termId: string) {
  const row = await cdb(db)
    .selectFrom('congress_representatives')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('term_id', '=', termId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
export async function attendanceOf(db: H, sessionId: string, representativeId: string) {
  return cdb(db)
    .selectFrom('congress_attendance')
    .selectAll()
    .where('session_id', '=', sessionId)
    .where('representative_id', '=', representativeId)
    .executeTakeFirst();
}
/** Every representative of the term with their attendance at the session (none yet: not signed in). */
export async function attendanceList(db: H, termId: string, sessionId: string) {
  return cdb(db)
    .selectFrom('congress_representatives as r')
    .innerJoin('persons as p', 'p.id', 'r.person_id')
    .leftJoin('congress_attendance as a', (j) => j.onRef('a.representative_id', '=', 'r.id').on('a.session_id', '=', sessionId))
    .select(['r.id', 'p.name', 'r.delegation', 'a.present', 'a.absence_reason', 'a.at'])
    .where('r.term_id', '=', termId)
    .orderBy('r.delegation')
    .orderBy('p.name')
    .orderBy('r.id')
    .execute();
}
export async function putAttendance(tx: Tx, row: CongressAttendanceTable) {
  await cdb(tx)
    .insertInto('congress_attendance')
    .values(row)
    .onConflict((oc) =>
      oc
        .columns(['session_id', 'representative_id'])
        .doUpdateSet({ present: row.present, absence_reason: row.absence_reason, recorded_by: row.recorded_by, at: row.at }),
    )
    .execute();
}

/** Sessions held (closed) between the dates whose organisation lies in the scope: the attendance indicator's records. */
export async function heldSessions(db: H, scope: Scope, from: string, to: string) {
  return cdb(db)
    .selectFrom('congress_sessions as s')
    .innerJoin('congress_terms as t', 't.id', 's.term_id')
    .innerJoin('orgs as o', 'o.id', 't.org_id')
    .select(['s.id', 's.term_id', 's.name', 's.starts_on', 'o.name as org_name'])
    .select((eb) => [
      eb.selectFrom('congress_representatives as r').whereRef('r.term_id', '=', 't.id').select(eb.fn.countAll<number>().as('n')).as('expected'),
      eb
        .selectFrom('congress_attendance as a')
        .whereRef('a.session_id', '=', 's.id')
        .where('a.present', '=', 1)
        .select(eb.fn.countAll<number>().as('n'))
        .as('present'),
    ])
    .where('s.status', '=', 'closed')
    .where('s.starts_on', '>=', from)
    .where('s.starts_on', '<=', to)
    .where((eb) => pathInScope(eb, 'o.path', scope))
    .orderBy('s.starts_on', 'desc')
    .orderBy('s.id')
    .execute();
}
