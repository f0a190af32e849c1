/**
 * The board's page read as two disjoint branches, each answered from an index: the items of
 * the subtrees the caller oversees (a range on org_path, or a walk of the sort column's index
 * when the subtree holds most of the table), and the items the caller owns or co-owns outside
 * those subtrees. One "in my subtree OR mine" predicate let neither engine use an index, so
 * the chair's board sorted all 100 000 items of scale L for every page (1.8–4 s).
 * Counts stop at COUNT_CAP; beyond it the page says 「2000+」.
 */
import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { Tx } from '../db/database.js';
import { engineOf } from '../db/dialect.js';
import type { Scope } from '../rbac/actor.js';
import { pathInScope } from '../rbac/scope-sql.js';
import type { DecidedItemFilter } from '../../../common/schemas/decidedItems.js';
import { dq, type DecidedTables } from './decidedItems.tables.js';
import { carriedInto, onTime } from './decidedItems.repository.js';

export const COUNT_CAP = 2_000;

type Eb = ExpressionBuilder<DecidedTables & { d: DecidedTables['decided_items'] }, 'd'>;

/** The sort column of each sort; each has an index (column, id) to walk (migration 20261206_2200). */
const SORT_COLUMN = { dueDate: 'd.due_date', progress: 'd.progress', updatedAt: 'd.updated_at', title: 'd.title' } as const;

export interface BoardSpec {
  filter: DecidedItemFilter;
  /** The path of the org filter, if any ('/none/' for an unknown org). */
  orgPath: string | null;
  accountId: string;
  /** Where the caller holds decidedItems.read. */
  scope: Scope;
}

/**
 * 'range': the scope's org_path ranges, the matches sorted (a department's few hundred items).
 * 'walk': the sort column's index in order, each entry's path tested, stopping after the page;
 * it pays when the scope holds more than COUNT_CAP matches, so they are dense in any order.
 * Only SQLite needs telling (it plans without statistics and would sort the whole range): there
 * the subtree test is written as substr(org_path) = prefix, which it cannot use as a range.
 * PostgreSQL plans by statistics and always gets the plain range.
 */
export type ReadPlan = 'range' | 'walk';

function filterTerms(eb: Eb, s: BoardSpec, walk: boolean): Expression<SqlBool>[] {
  const f = s.filter;
  const t: Expression<SqlBool>[] = [];
  if (f.sourceKind) t.push(eb('d.source_kind', '=', f.sourceKind));
  if (f.sourceId) t.push(eb('d.source_id', '=', f.sourceId));
  if (f.ownerAccountId) t.push(eb('d.owner_account_id', '=', f.ownerAccountId));
  if (f.status) t.push(eb('d.status', '=', f.status));
  if (f.dueFrom) t.push(eb('d.due_date', '>=', f.dueFrom));
  if (f.dueTo) t.push(eb('d.due_date', '<=', f.dueTo));
  if (f.counted === '1') t.push(eb('d.status', '!=', 'dropped'));
  if (f.onTime === '1') t.push(eb.and([eb('d.status', '=', 'done'), onTime]));
  if (f.carriedInto) t.push(carriedInto(eb, f.carriedInto));
  if (s.orgPath) t.push(scopeTerm(eb, { all: false, paths: [s.orgPath] }, walk));
  return t;
}

/** The subtree test in the form the plan reads it. */
function scopeTerm(eb: Eb, scope: Scope, walk: boolean): Expression<SqlBool> {
  if (!walk || scope.all || !scope.paths.length) return pathInScope(eb, 'd.org_path', scope);
  return eb.or(scope.paths.map((p) => eb(eb.fn('substr', ['d.org_path', sql.lit(1), sql.lit(p.length)]), '=', p)));
}

/**
 * Owned or co-owned, as one IN over a union of two index reads: "owner = me OR id IN (…)" made
 * PostgreSQL scan the whole table.
 */
const ownedBy = (eb: Eb, accountId: string) =>
  eb(
    'd.id',
    'in',
    eb
      .selectFrom('decided_items as o')
      .select('o.id')
      .where('o.owner_account_id', '=', accountId)
      .unionAll(eb.selectFrom('decided_item_co_owners as c').select('c.item_id as id').where('c.account_id', '=', accountId)),
  );

/** The caller's own items that the scope branch does not already hold. */
function ownTerm(eb: Eb, s: BoardSpec): Expression<SqlBool> {
  const own = ownedBy(eb, s.accountId);
  if (s.filter.mine === '1' || !s.scope.paths.length) return own;
  return eb.and([own, eb.not(pathInScope(eb, 'd.org_path', s.scope))]);
}

/** The branches that can hold rows: 'mine' is the own branch alone; a global overseer needs no own branch. */
function branches(s: BoardSpec): { scope: boolean; own: boolean } {
  if (s.filter.mine === '1') return { scope: false, own: true };
  return { scope: s.scope.all || s.scope.paths.length > 0, own: !s.scope.all };
}

function branchQuery(db: Tx, s: BoardSpec, branch: 'scope' | 'own', plan: ReadPlan) {
  return dq(db)
    .selectFrom('decided_items as d')
    .where((eb) =>
      eb.and([...filterTerms(eb as Eb, s, plan === 'walk'), branch === 'scope' ? scopeTerm(eb as Eb, s.scope, plan === 'walk') : ownTerm(eb as Eb, s)]),
    );
}

async function countUpTo(db: Tx, s: BoardSpec, branch: 'scope' | 'own'): Promise<number> {
  const inner = branchQuery(db, s, branch, 'range')
    .select(sql<number>`1`.as('x'))
    .limit(COUNT_CAP + 1);
  const row = await dq(db)
    .selectFrom(inner.as('c'))
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** One branch's ids in page order, `limit` rows from `offset`. */
function branchIds(db: Tx, s: BoardSpec, branch: 'scope' | 'own', plan: ReadPlan, limit: number, offset: number) {
  const col = SORT_COLUMN[s.filter.sort ?? 'dueDate'];
  const order = s.filter.order;
  return branchQuery(db, s, branch, plan)
    .select(['d.id', sql.ref(col).as('k')])
    .orderBy(col, order)
    .orderBy('d.id', order)
    .limit(limit)
    .offset(offset);
}

export function planFor(db: Tx, scopeCount: number): ReadPlan {
  return engineOf(db) === 'sqlite' && scopeCount > COUNT_CAP ? 'walk' : 'range';
}

/** The statement of the scope branch's page, for EXPLAIN in tests. */
export function compileScopePage(db: Tx, s: BoardSpec, plan: ReadPlan) {
  return branchIds(db, s, 'scope', plan, s.filter.pageSize, 0).compile();
}

export async function boardPage(db: Tx, s: BoardSpec): Promise<{ ids: string[]; total: number; totalCapped: boolean }> {
  const b = branches(s);
  const scopeCount = b.scope ? await countUpTo(db, s, 'scope') : 0;
  const ownCount = b.own ? await countUpTo(db, s, 'own') : 0;
  const n = scopeCount + ownCount;
  const total = { total: Math.min(n, COUNT_CAP), totalCapped: n > COUNT_CAP };
  const size = s.filter.pageSize;
  const offset = (s.filter.page - 1) * size;
  const plan = planFor(db, scopeCount);
  if (!scopeCount && !ownCount) return { ids: [], ...total };
  if (!ownCount || !scopeCount) {
    const rows = await branchIds(db, s, scopeCount ? 'scope' : 'own', plan, size, offset).execute();
    return { ids: rows.map((r) => r.id), ...total };
  }
  // Both hold rows: the first offset + size of each, merged in SQL so both engines order text as they do.
  const reach = offset + size;
  const merged = dq(db)
    .selectFrom(branchIds(db, s, 'scope', plan, reach, 0).as('a'))
    .select(['a.id', 'a.k'])
    .unionAll(
      dq(db)
        .selectFrom(branchIds(db, s, 'own', 'range', reach, 0).as('b'))
        .select(['b.id', 'b.k']),
    );
  const order = s.filter.order;
  const rows = await dq(db).selectFrom(merged.as('u')).select('u.id').orderBy('u.k', order).orderBy('u.id', order).limit(size).offset(offset).execute();
  return { ids: rows.map((r) => r.id), ...total };
}

/** Whom the public list reaches: every org, or the orgs named exactly (one's own and those above) and the subtrees overseen. */
export interface PublicReach {
  all: boolean;
  exact: string[];
  ranges: string[];
}

/**
 * The public list's page: top-level items of a public source in reach, by due date. The same
 * two plans as the board: a chair's reach holds a third of the table, so the due-date index is
 * walked (SQLite told so by the substr form); a worker's few orgs are read by path and sorted.
 */
export async function publicPage(
  db: Tx,
  reach: PublicReach,
  p: { page: number; pageSize: number; order: 'asc' | 'desc' },
): Promise<{ ids: string[]; total: number; totalCapped: boolean }> {
  const query = (walk: boolean) =>
    dq(db)
      .selectFrom('decided_items as d')
      .where('d.source_public', '=', 1)
      // In the walk, a plain "parent_id is null" lures SQLite onto the parent index (most rows) and a sort.
      .where((eb) => (walk ? eb(eb.fn.coalesce('d.parent_id', sql.lit('')), '=', '') : eb('d.parent_id', 'is', null)))
      .where((eb) => {
        if (reach.all) return sql<SqlBool>`1 = 1`;
        // In the walk, `org_path || ''` keeps SQLite from reading the exact orgs off the path index and sorting them.
        const exact = reach.exact.length ? [eb(walk ? sql<string>`d.org_path || ''` : eb.ref('d.org_path'), 'in', reach.exact)] : [];
        return eb.or([...exact, scopeTerm(eb as Eb, { all: false, paths: reach.ranges }, walk)]);
      });
  const counted = await dq(db)
    .selectFrom(
      query(false)
        .select(sql<number>`1`.as('x'))
        .limit(COUNT_CAP + 1)
        .as('c'),
    )
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .executeTakeFirstOrThrow();
  const n = Number(counted.n);
  const walk = engineOf(db) === 'sqlite' && n > COUNT_CAP;
  const rows = n
    ? await query(walk)
        .select('d.id')
        .orderBy('d.due_date', p.order)
        .orderBy('d.id', p.order)
        .limit(p.pageSize)
        .offset((p.page - 1) * p.pageSize)
        .execute()
    : [];
  return { ids: rows.map((r) => r.id), total: Math.min(n, COUNT_CAP), totalCapped: n > COUNT_CAP };
}
