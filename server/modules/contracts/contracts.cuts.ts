/**
 * Clauses across contracts (履约情况汇总): every clause of the current text of the contracts in
 * force on a day, with the finding of its last checkpoint. The honoured-rate indicator, its cuts
 * by category and by owner department, and the clause list they drill to all read this one
 * query, so a cut's figure is exactly the count of the list rows it opens.
 */
import type { ClauseCategory, CheckpointStatus } from '../../../common/contracts.js';
import type { ClauseCutsQuery, ClauseListFilter } from '../../../common/schemas/contracts.js';
import { sql, type Kysely, type SelectQueryBuilder } from 'kysely';
import type { Call } from '../../core/call.js';
import { COUNT_CAP, checkPageReach } from '../../core/db/keyset.js';
import { indexedWalk } from '../../core/db/pagedList.js';
import { shanghaiDate } from '../../core/calendar/calendar.js';
import type { Db } from '../../core/db/database.js';
import type { Scope } from '../../core/rbac/actor.js';
import { narrowScope } from '../../core/rbac/narrowScope.js';
import { pathInScope } from '../../core/rbac/scope-sql.js';
import { setFilter } from './contracts.queries.js';
import { overseenScope } from './contracts.policy.js';
import { cq } from './contracts.tables.js';

/**
 * Clauses of the current version of the contracts in `scope` in force on `asOf`, with their last
 * finding (null: never checked). Read from the contracts: the in-force range of `contracts_org`,
 * then each contract's clauses by `(contract_id, version, number)`. `walk`: read the contracts in
 * the list's order instead (`contracts_title`, SQLite told so), so a page stops after its rows
 * rather than sorting every clause in force (12 000 at scale L).
 */
function clausesInForce(db: Db, scope: Scope, asOf: string, walk = false) {
  const rows = indexedWalk(db as unknown as Kysely<any>, 'contracts as c', 'contracts_title', walk)
    .innerJoin('contract_clauses as cl', (j) => j.onRef('cl.contract_id', '=', 'c.id').onRef('cl.version', '=', 'c.current_version'))
    .where((eb) => pathInScope(eb, 'c.org_path', scope))
    .where((eb) => setFilter(eb, 'inForce', asOf, (col) => `c.${col}`))
    // The finding of the clause's last checkpoint, stored on the clause by the board's rule (refreshLastStatus).
    .select(['cl.id', 'cl.contract_id', 'cl.number', 'cl.category', 'cl.text', 'cl.owner_org_id', 'cl.last_status', 'c.title', 'c.org_id']);
  return cq(db).selectFrom(rows.as('x') as unknown as 'contract_clauses as x') as unknown as SelectQueryBuilder<any, 'x', object>;
}

type Narrow = { category?: ClauseCategory; ownerOrgId?: string; lastStatus?: CheckpointStatus; checked?: '1' };
function narrowed(db: Db, scope: Scope, asOf: string, f: Narrow, walk = false) {
  let q = clausesInForce(db, scope, asOf, walk);
  if (f.category) q = q.where('x.category', '=', f.category);
  if (f.ownerOrgId) q = q.where('x.owner_org_id', '=', f.ownerOrgId);
  if (f.lastStatus) q = q.where('x.last_status', '=', f.lastStatus);
  if (f.checked === '1') q = q.where('x.last_status', 'is not', null);
  return q;
}

const honouredSum = (eb: any) => eb.fn.sum(eb.case().when('x.last_status', '=', 'honoured').then(1).else(0).end());

/** Clauses honoured at their last checkpoint and clauses checked, over the scope on `asOf`. */
export async function honouredCounts(db: Db, scope: Scope, asOf: string) {
  const r = await narrowed(db, scope, asOf, { checked: '1' })
    .select((eb) => [eb.fn.countAll<number>().as('checked'), honouredSum(eb).as('honoured')])
    .executeTakeFirstOrThrow();
  return { honoured: Number(r.honoured ?? 0), checked: Number(r.checked) };
}

/** Clauses whose last checkpoint found them not honoured, over the scope on `asOf`: the clause list's `lastStatus=notHonoured` rows. */
export async function notHonouredCount(db: Db, scope: Scope, asOf: string): Promise<number> {
  const r = await narrowed(db, scope, asOf, { lastStatus: 'notHonoured' })
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** The clauses `honouredCounts` / `notHonouredCount` count, by id: the same narrowed read, for the records a figure names. */
export async function clauseIds(db: Db, scope: Scope, asOf: string, f: { lastStatus?: CheckpointStatus; checked?: '1' }): Promise<string[]> {
  return (await narrowed(db, scope, asOf, f).select('x.id').execute()).map((r) => r.id as string);
}

const cut = (asOf: string, honoured: number, checked: number, key: Record<string, string>) => ({
  honoured,
  checked,
  rate: checked ? Math.round((honoured / checked) * 10_000) / 10_000 : null,
  drill: { numerator: { asOf, ...key, lastStatus: 'honoured' }, denominator: { asOf, ...key, checked: '1' } },
});

/** The honoured rate by clause category and by owner department, each with the list filters of its rows. */
export async function clauseCuts(call: Call, q: ClauseCutsQuery) {
  const scope = await narrowScope(call.db, overseenScope(call.actor), q.orgId);
  const asOf = q.asOf ?? shanghaiDate(call.now);
  // One pass over the clauses in force (each reads its last checkpoint): category × owner, summed here both ways and in all.
  const cells = await narrowed(call.db, scope, asOf, { checked: '1' })
    .leftJoin('orgs as o', 'o.id', 'x.owner_org_id')
    .select((eb) => ['x.category', 'x.owner_org_id', 'o.name', eb.fn.countAll<number>().as('checked'), honouredSum(eb).as('honoured')])
    .groupBy(['x.category', 'x.owner_org_id', 'o.name'])
    .execute();
  const sum = <K extends string>(key: (r: (typeof cells)[number]) => K) => {
    const m = new Map<K, { honoured: number; checked: number; name: string }>();
    for (const r of cells) {
      const v = m.get(key(r)) ?? { honoured: 0, checked: 0, name: r.name ?? '' };
      v.honoured += Number(r.honoured ?? 0);
      v.checked += Number(r.checked);
      m.set(key(r), v);
    }
    return [...m.entries()];
  };
  const all = sum(() => 'all')[0]?.[1] ?? { honoured: 0, checked: 0 };
  return {
    asOf,
    total: cut(asOf, all.honoured, all.checked, {}),
    byCategory: sum((r) => r.category as ClauseCategory)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([category, v]) => ({ category, ...cut(asOf, v.honoured, v.checked, { category }) })),
    // Only promise clauses carry checkpoints, and a promise clause always names its owner.
    byOwner: sum((r) => r.owner_org_id!)
      .sort(([, a], [, b]) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
      .map(([ownerOrgId, v]) => ({ ownerOrgId, ownerOrgName: v.name, ...cut(asOf, v.honoured, v.checked, { ownerOrgId }) })),
  };
}

/** The clause list a cut opens: one row per clause, in contract then clause order. */
export async function clauseList(call: Call, f: ClauseListFilter) {
  const scope = await narrowScope(call.db, overseenScope(call.actor), f.orgId);
  const asOf = f.asOf ?? shanghaiDate(call.now);
  // The count stops past COUNT_CAP matches (the web shows 「2000+」); page numbers reach as far as it does.
  checkPageReach(f.page, f.pageSize);
  const capped = narrowed(call.db, scope, asOf, f)
    .select(sql<number>`1`.as('one'))
    .limit(COUNT_CAP + 1)
    .as('k');
  const n = Number(
    (
      await cq(call.db)
        .selectFrom(capped)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
  const rows = await narrowed(call.db, scope, asOf, f, n > COUNT_CAP)
    .leftJoin('orgs as o', 'o.id', 'x.owner_org_id')
    .innerJoin('orgs as u', 'u.id', 'x.org_id')
    .selectAll('x')
    .select(['o.name as owner_name', 'u.name as org_name'])
    .orderBy('x.title')
    .orderBy('x.contract_id')
    .orderBy('x.number')
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize)
    .execute();
  return {
    items: rows.map((r) => ({
      id: r.id,
      contractId: r.contract_id,
      contractTitle: r.title,
      orgName: r.org_name,
      number: Number(r.number),
      category: r.category as ClauseCategory,
      text: r.text,
      ownerOrgId: r.owner_org_id,
      ownerOrgName: r.owner_name ?? null,
      lastStatus: (r.last_status ?? null) as CheckpointStatus | null,
    })),
    total: Math.min(n, COUNT_CAP),
    totalCapped: n > COUNT_CAP,
    page: f.page,
    pageSize: f.pageSize,
  };
}
