/**
 * All SQL of people. Lists are shaped for the indexes of migration 0002: counts read a
 * slice of persons_list per subtree; a page is chosen by id first (covering index only) and
 * the 20 full rows are fetched afterwards.
 */
import { sql, type Expression, type ExpressionBuilder, type Generated, type Kysely, type SqlBool } from 'kysely';
import type { Tx } from '../db/database.js';
import type { DB, PersonTable } from '../db/schema.js';
import { containsCi, prefixUpper } from '../db/dialect.js';
import { indexedWalk, pagedList, sortKey, type PagedList } from '../db/pagedList.js';
import type { Scope } from '../rbac/actor.js';
import { pathInScope, pathUnder } from '../rbac/scope-sql.js';
import type { PeopleFilter } from '../../../common/schemas/people.js';

/** persons as migration 0002 left it; org_path is filled by the database. */
export interface PeopleDB extends Omit<DB, 'persons'> {
  persons: PersonTable & { org_path: Generated<string> };
}
export type PersonRow = PersonTable & { org_path: string };
export type PersonWithOrg = PersonRow & { org_name: string };
export type NewPerson = PersonTable & { org_path?: string };

/** The optional columns of a new person, all empty: every way people are made (form, import, demo seed) starts here. */
export const BLANK_PERSON = {
  gender: null,
  employee_no: null,
  employment_category: null,
  position: null,
  union_member: 0,
  phone: null,
  id_number: null,
  birth_date: null,
  subject: null,
  archived: 0,
} satisfies Omit<PersonTable, 'id' | 'org_id' | 'kind' | 'name' | 'created_at' | 'updated_at'>;

const q = (db: Tx) => db as unknown as Kysely<PeopleDB>;
type Eb = ExpressionBuilder<PeopleDB & { p: PeopleDB['persons'] }, 'p'>;

/** Where to look: null = every org (global scope), otherwise disjoint subtree prefixes. */
export type Prefixes = string[] | null;

export interface ListSpec {
  prefixes: Prefixes;
  filter: PeopleFilter;
  /** Phone search only reaches people whose contacts the caller may read, or it would leak numbers. */
  contactScope: Scope;
}

function filterTerms(eb: Eb, spec: ListSpec): Expression<SqlBool>[] {
  const f = spec.filter;
  const terms: Expression<SqlBool>[] = [eb('p.archived', '=', f.archived ? 1 : 0)];
  if (f.kind) terms.push(eb('p.kind', '=', f.kind));
  if (f.category) terms.push(eb('p.employment_category', '=', f.category));
  if (f.unionMember !== undefined) terms.push(eb('p.union_member', '=', f.unionMember ? 1 : 0));
  if (f.q) {
    // Only the columns the text can be in: Chinese is a name, digits may be a number. Each
    // pattern left out is one LIKE fewer per row of a large subtree.
    const ascii = /^[\x20-\x7e]+$/.test(f.q);
    const match: Expression<SqlBool>[] = [containsCi('p.name', f.q)];
    if (ascii) match.push(containsCi('p.employee_no', f.q));
    if (/^\d+$/.test(f.q)) match.push(eb.and([containsCi('p.phone', f.q), pathInScope(eb, 'p.org_path', spec.contactScope)]));
    terms.push(eb.or(match));
  }
  return terms;
}

const rangeOf = (eb: Eb, prefix: string) => pathUnder(eb, 'p.org_path', prefix);

function pathTerm(eb: Eb, prefixes: Prefixes): Expression<SqlBool> | null {
  if (prefixes === null) return null;
  if (prefixes.length === 0) return sql<SqlBool>`1 = 0`;
  return pathInScope(eb, 'p.org_path', { all: false, paths: prefixes });
}

const whereList = (spec: ListSpec) => (eb: Eb) => {
  const path = pathTerm(eb, spec.prefixes);
  return eb.and([...filterTerms(eb, spec), ...(path ? [path] : [])]);
};

export type SortKey = 'name' | 'employeeNo' | 'orgName' | 'createdAt';

/**
 * The key each sort pages by, after the id. coalesce: both engines then put "no number" first,
 * instead of disagreeing on NULLs. Ids are UUIDv7, so id order is creation order. By org the
 * org's name comes first (ordered in `filtered`), then the person's name.
 */
const SORT_KEY = { name: 'p.name', employeeNo: sql`coalesce(p.employee_no, '')`, orgName: 'p.name', createdAt: 'p.id' } as const;

/**
 * The people a list selects, in its sort's leading order where the key alone is not it. A walk
 * (many matches, name order, no text search) reads persons_by_name in name order and stops
 * after the page; otherwise each subtree is a range of persons_list (counts and small subtrees
 * read a slice of that index and nothing else).
 */
function filtered(db: Tx, spec: ListSpec, sort: SortKey, order: 'asc' | 'desc', walk: boolean) {
  // Text matches cluster in name order (a surname is one run of the index): a walk could cross most of the table.
  const inNameOrder = walk && sort === 'name' && !spec.filter.q;
  const query = indexedWalk(db, 'persons as p', 'persons_by_name', inNameOrder).where((eb) => whereList(spec)(eb as unknown as Eb));
  return sort === 'orgName' ? query.innerJoin('orgs as o', 'o.id', 'p.org_id').orderBy('o.name', order) : query;
}

export interface PageSpec extends ListSpec {
  sort: SortKey;
  order: 'asc' | 'desc';
  page: { page: number; pageSize: number; after?: string };
}

/**
 * A page by the kit's list: the count stops at COUNT_CAP + 1 matches (a range on persons_list
 * per subtree), ids first in the list's order, then the rows of those ids; by name and by
 * creation the list goes on by cursor past the counted pages.
 */
export function listPage(db: Tx, spec: PageSpec): Promise<PagedList<PersonWithOrg>> {
  return pagedList(db, {
    counted: q(db)
      .selectFrom('persons as p')
      .where((eb) => whereList(spec)(eb)),
    ids: (walk) => filtered(db, spec, spec.sort, spec.order, walk),
    sort: { column: SORT_KEY[spec.sort], id: 'p.id', order: spec.order },
    keyed: spec.sort === 'name' || spec.sort === 'createdAt',
    page: spec.page,
    load: (ids) => findManyWithOrg(db, ids),
  });
}

/** The statement of a page's ids (walked or by range), for EXPLAIN in tests and benchmarks. */
export function compilePage(db: Tx, spec: Omit<PageSpec, 'page'>, walk: boolean, limit = 21) {
  return orderedIds(db, spec, walk).limit(limit).compile();
}

function orderedIds(db: Tx, spec: Omit<PageSpec, 'page'>, walk: boolean) {
  return filtered(db, spec, spec.sort, spec.order, walk).select('p.id').orderBy(sortKey(SORT_KEY[spec.sort]), spec.order).orderBy(sql.ref('p.id'), spec.order);
}

export function compileCount(db: Tx, spec: ListSpec, prefix: string | null) {
  return q(db)
    .selectFrom('persons as p')
    .select((eb) => eb.fn.countAll().as('n'))
    .where((eb) => eb.and([...filterTerms(eb, spec), ...(prefix ? [rangeOf(eb, prefix)] : [])]))
    .compile();
}

/** Full rows for the given ids, in the given order; chunked, as SQLite binds at most 32 766 values. */
export async function findManyWithOrg(db: Tx, ids: string[]): Promise<PersonWithOrg[]> {
  const byId = new Map<string, PersonWithOrg>();
  for (let i = 0; i < ids.length; i += 1000) {
    const rows = await q(db)
      .selectFrom('persons as p')
      .innerJoin('orgs as o', 'o.id', 'p.org_id')
      .selectAll('p')
      .select('o.name as org_name')
      .where('p.id', 'in', ids.slice(i, i + 1000))
      .execute();
    for (const r of rows) byId.set(r.id, r);
  }
  return ids.map((id) => byId.get(id)).filter((r): r is PersonWithOrg => !!r);
}

export function findWithOrg(db: Tx, id: string): Promise<PersonWithOrg | undefined> {
  return q(db)
    .selectFrom('persons as p')
    .innerJoin('orgs as o', 'o.id', 'p.org_id')
    .selectAll('p')
    .select('o.name as org_name')
    .where('p.id', '=', id)
    .executeTakeFirst();
}

/** Export: the same filter and order as the list, capped, in one statement. */
export async function exportRows(db: Tx, spec: Omit<PageSpec, 'page'>, limit: number): Promise<PersonWithOrg[]> {
  return findManyWithOrg(
    db,
    (await orderedIds(db, spec, false).limit(limit).execute()).map((r: { id: string }) => r.id),
  );
}

export async function insertPerson(db: Tx, row: NewPerson): Promise<void> {
  await q(db).insertInto('persons').values(row).execute();
}

export async function insertPeople(db: Tx, rows: NewPerson[]): Promise<void> {
  if (rows.length) await q(db).insertInto('persons').values(rows).execute();
}

export async function updatePerson(db: Tx, id: string, patch: Partial<PersonTable>): Promise<void> {
  await q(db).updateTable('persons').set(patch).where('id', '=', id).execute();
}

/** Employee numbers already held by active people under `prefix` (those of `exceptId` aside). */
export async function takenEmployeeNos(db: Tx, prefix: string, employeeNos: string[], exceptId?: string): Promise<Set<string>> {
  const taken = new Set<string>();
  for (let i = 0; i < employeeNos.length; i += 500) {
    const chunk = employeeNos.slice(i, i + 500);
    const rows = await q(db)
      .selectFrom('persons as p')
      .select('p.employee_no')
      .where('p.employee_no', 'in', chunk)
      .where('p.archived', '=', 0)
      .where((eb) => rangeOf(eb, prefix))
      .$if(!!exceptId, (qb) => qb.where('p.id', '!=', exceptId!))
      .execute();
    for (const r of rows) if (r.employee_no) taken.add(r.employee_no);
  }
  return taken;
}

export interface StatsRow {
  key: string | null;
  n: number;
}

/** Active people per category or per kind; the sum over disjoint subtrees. */
export async function countBy(db: Tx, prefixes: Prefixes, column: 'employment_category' | 'kind'): Promise<StatsRow[]> {
  const totals = new Map<string | null, number>();
  for (const prefix of prefixes ?? [null]) {
    const rows = await q(db)
      .selectFrom('persons as p')
      .select([`p.${column} as key`, (eb) => eb.fn.countAll<string | number>().as('n')])
      .where('p.archived', '=', 0)
      .$if(prefix !== null, (qb) => qb.where((eb) => rangeOf(eb, prefix!)))
      .groupBy(`p.${column}`)
      .execute();
    for (const r of rows) totals.set(r.key as string | null, (totals.get(r.key as string | null) ?? 0) + Number(r.n));
  }
  return [...totals].map(([key, n]) => ({ key, n }));
}

/** An org moved: every person under it follows, in the caller's transaction. */
export async function reRootOrgPaths(db: Tx, oldPrefix: string, newPrefix: string): Promise<void> {
  await q(db)
    .updateTable('persons')
    .set({ org_path: sql`${newPrefix} || substr(org_path, ${oldPrefix.length + 1})` })
    .where('org_path', '>=', oldPrefix)
    .where('org_path', '<', prefixUpper(oldPrefix))
    .execute();
}
