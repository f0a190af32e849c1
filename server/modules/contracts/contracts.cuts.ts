/**
 * Clauses across contracts (履约情况汇总): every clause of the current text of the contracts in
 * force on a day, with the finding of its last checkpoint. The honoured-rate indicator, its cuts
 * by category and by owner department, and the clause list they drill to all read this one
 * query, so a cut's figure is exactly the count of the list rows it opens.
 */
import type { ClauseCategory, CheckpointStatus } from '../../../common/contracts.js';
import type { ClauseCutsQuery, ClauseListFilter } from '../../../common/schemas/contracts.js';
import type { Call } from '../../core/call.js';
import { shanghaiDate } from '../../core/calendar/calendar.js';
import type { Db } from '../../core/db/database.js';
import type { Scope } from '../../core/rbac/actor.js';
import { narrowScope } from '../../core/rbac/narrowScope.js';
import { pathInScope } from '../../core/rbac/scope-sql.js';
import { setFilter } from './contracts.queries.js';
import { overseenScope } from './contracts.policy.js';
import { cq } from './contracts.tables.js';

/** Clauses of the current version of the contracts in `scope` in force on `asOf`, with their last finding (null: never checked). */
function clausesInForce(db: Db, scope: Scope, asOf: string) {
  const rows = cq(db)
    .selectFrom('contract_clauses as cl')
    .innerJoin('contracts as c', (j) => j.onRef('c.id', '=', 'cl.contract_id').onRef('c.current_version', '=', 'cl.version'))
    .where((eb) => pathInScope(eb, 'c.org_path', scope))
    .where((eb) => setFilter(eb, 'inForce', asOf, (col) => `c.${col}`))
    .select((eb) => [
      'cl.id', 'cl.contract_id', 'cl.number', 'cl.category', 'cl.text', 'cl.owner_org_id', 'c.title', 'c.org_id',
      // The board's rule (clauseStates): the checked checkpoint latest by due date, then id.
      eb
        .selectFrom('contract_checkpoints as cp')
        .select('cp.status')
        .whereRef('cp.clause_id', '=', 'cl.id')
        .where('cp.status', '!=', 'notDue')
        .orderBy('cp.due_date', 'desc')
        .orderBy('cp.id', 'desc')
        .limit(1)
        .as('last_status'),
    ]);
  return cq(db).selectFrom(rows.as('x'));
}

type Narrow = { category?: ClauseCategory; ownerOrgId?: string; lastStatus?: CheckpointStatus; checked?: '1' };
function narrowed(db: Db, scope: Scope, asOf: string, f: Narrow) {
  let q = clausesInForce(db, scope, asOf);
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
  const q = narrowed(call.db, scope, asOf, f);
  const total = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await q
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
      id: r.id, contractId: r.contract_id, contractTitle: r.title, orgName: r.org_name, number: Number(r.number), category: r.category as ClauseCategory, text: r.text,
      ownerOrgId: r.owner_org_id, ownerOrgName: r.owner_name ?? null, lastStatus: (r.last_status ?? null) as CheckpointStatus | null,
    })),
    total: Number(total.n),
    page: f.page,
    pageSize: f.pageSize,
  };
}
