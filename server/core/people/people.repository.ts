/**
 * All SQL of people. Lists are shaped for the indexes of migration 0002: counts read a
 * slice of persons_list per subtree; a page is chosen by id first (covering index only) and
 * the 20 full rows are fetched afterwards.
 */
import { sql, type Expression, type ExpressionBuilder, type Generated, type Kysely, type SqlBool } from 'kysely';
import type { Tx } from '../db/database.js';
import type { DB, PersonTable } from '../db/schema.js';
import { containsCi, engineOf, prefixUpper } from '../db/dialect.js';
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

/** Sum of per-subtree counts: each one is a range on persons_list that never reads the table. */
export async function countPeople(db: Tx, spec: ListSpec): Promise<number> {
  const one = async (prefix: string | null) => {
    const row = await q(db)
      .selectFrom('persons as p')
      .select((eb) => eb.fn.countAll<string | number>().as('n'))
      .where((eb) => eb.and([...filterTerms(eb, spec), ...(prefix ? [rangeOf(eb, prefix)] : [])]))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  };
  if (spec.prefixes === null) return one(null);
  let n = 0;
  for (const p of spec.prefixes) n += await one(p);
  return n;
}

export type SortKey = 'name' | 'employeeNo' | 'orgName' | 'createdAt';

export interface PageSpec extends ListSpec {
  sort: SortKey;
  order: 'asc' | 'desc';
  offset: number;
  limit: number;
  /** Matching rows, from countPeople: decides how the page is read. */
  total: number;
}

/**
 * How a page is read. 'range': the subtree slice of persons_list, sorted. 'nameOrder':
 * persons_by_name walked in name order, stopping after the page; it pays when matches are
 * dense enough that (offset + limit) rows are found in fewer steps than the range holds.
 * Only SQLite needs telling: it plans without statistics and would always take the range
 * and sort the whole subtree. There the subtree test is written as substr(...) = prefix,
 * which it cannot use as a range. PostgreSQL plans by statistics and finds the cheap order
 * itself, so it always gets the plain range. Both forms are the same SQL on both engines.
 */
export type ReadPlan = 'range' | 'nameOrder';

export function choosePlan(spec: Pick<PageSpec, 'sort' | 'total' | 'offset' | 'limit'>, partitionSize: number): ReadPlan {
  if (spec.sort !== 'name' || spec.total === 0) return 'range';
  const steps = ((spec.offset + spec.limit) * partitionSize) / spec.total;
  return steps <= spec.total ? 'nameOrder' : 'range';
}

/** Active (or archived) people in the whole table: the length of the name-order walk. Cached, as it only steers the plan. */
const partitionSizes = new WeakMap<object, Map<number, { n: number; at: number }>>();
async function partitionSize(db: Tx, archived: number): Promise<number> {
  const cache = partitionSizes.get(db) ?? new Map<number, { n: number; at: number }>();
  partitionSizes.set(db, cache);
  const hit = cache.get(archived);
  if (hit && Date.now() - hit.at < 60_000) return hit.n;
  const row = await q(db).selectFrom('persons as p').select((eb) => eb.fn.countAll<string | number>().as('n')).where('p.archived', '=', archived).executeTakeFirstOrThrow();
  cache.set(archived, { n: Number(row.n), at: Date.now() });
  return Number(row.n);
}

export async function planFor(db: Tx, spec: PageSpec): Promise<ReadPlan> {
  // Text matches cluster in name order (a surname is one run of the index), so a walk in
  // name order can cross most of the table before it finds a page of them.
  if (engineOf(db) !== 'sqlite' || spec.sort !== 'name' || spec.filter.q) return 'range';
  return choosePlan(spec, await partitionSize(db, spec.filter.archived ? 1 : 0));
}

function pathTerm(eb: Eb, prefixes: Prefixes, inNameOrder: boolean): Expression<SqlBool> | null {
  if (prefixes === null) return null;
  if (prefixes.length === 0) return sql<SqlBool>`1 = 0`;
  if (inNameOrder) return eb.or(prefixes.map((p) => eb(eb.fn('substr', ['p.org_path', sql.lit(1), sql.lit(p.length)]), '=', p)));
  return pathInScope(eb, 'p.org_path', { all: false, paths: prefixes });
}

function idsQuery(db: Tx, spec: PageSpec, plan: ReadPlan) {
  const inNameOrder = plan === 'nameOrder';
  let query = q(db)
    .selectFrom('persons as p')
    .select('p.id')
    .where((eb) => {
      const path = pathTerm(eb, spec.prefixes, inNameOrder);
      return eb.and([...filterTerms(eb, spec), ...(path ? [path] : [])]);
    });
  const dir = spec.order;
  switch (spec.sort) {
    case 'employeeNo':
      // coalesce: both engines then put "no number" first, instead of disagreeing on NULLs.
      query = query.orderBy(sql`coalesce(p.employee_no, '')`, dir).orderBy('p.id', dir);
      break;
    case 'orgName':
      query = query.innerJoin('orgs as o', 'o.id', 'p.org_id').orderBy('o.name', dir).orderBy('p.name', dir).orderBy('p.id', dir);
      break;
    case 'createdAt':
      // Ids are UUIDv7: their order is the order the rows were created in.
      query = query.orderBy('p.id', dir);
      break;
    default:
      query = query.orderBy('p.name', dir).orderBy('p.id', dir);
  }
  return query.limit(spec.limit).offset(spec.offset);
}

export async function pageIds(db: Tx, spec: PageSpec, plan?: ReadPlan): Promise<string[]> {
  return (await idsQuery(db, spec, plan ?? (await planFor(db, spec))).execute()).map((r) => r.id);
}

/**
 * A text search reads its whole subtree anyway (no index answers a substring), so the page
 * and the count come from that one pass instead of two. Null when the page is past the end.
 */
export async function searchPage(db: Tx, spec: Omit<PageSpec, 'total'>): Promise<{ ids: string[]; total: number } | null> {
  const rows = await idsQuery(db, { ...spec, total: 0 }, 'range')
    .select(sql<string | number>`count(*) over ()`.as('total'))
    .execute();
  if (rows.length === 0) return null;
  return { ids: rows.map((r) => r.id), total: Number(rows[0].total) };
}

/** The statement behind pageIds, for EXPLAIN in tests and benchmarks. */
export function compilePage(db: Tx, spec: PageSpec, plan: ReadPlan) {
  return idsQuery(db, spec, plan).compile();
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
export async function exportRows(db: Tx, spec: PageSpec): Promise<PersonWithOrg[]> {
  return findManyWithOrg(db, await pageIds(db, spec, 'range'));
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
