/**
 * Who stands in what relation to a decided item. Union chair and staff (decidedItems.read)
 * see every item of their subtree; an owner or co-owner sees the items they carry, wherever
 * those sit; anyone else hears 404, so ids do not reveal what exists.
 */
import type { SelectQueryBuilder, ExpressionBuilder } from 'kysely';
import type { Actor } from '../rbac/actor.js';
import { inScope, scopeOf } from '../rbac/actor.js';
import { pathInScope } from '../rbac/scope-sql.js';
import type { Tx } from '../db/database.js';
import { forbidden, notFound } from '../errors.js';
import { coOwnersOf, type ItemRow } from './decidedItems.repository.js';

export interface Relation {
  overseer: boolean;
  manager: boolean;
  owner: boolean;
  coOwner: boolean;
}

export async function relationTo(tx: Tx, actor: Actor, item: ItemRow): Promise<Relation> {
  const co = (await coOwnersOf(tx, [item.id])).get(item.id) ?? [];
  return {
    overseer: inScope(scopeOf(actor, 'decidedItems.read'), item.org_path),
    manager: inScope(scopeOf(actor, 'decidedItems.manage'), item.org_path),
    owner: item.owner_account_id === actor.accountId,
    coOwner: co.includes(actor.accountId),
  };
}

/** 404 unless the actor may see the item at all. */
export function assertVisible(r: Relation): void {
  if (!r.overseer && !r.owner && !r.coOwner) throw notFound();
}

export function assertCarrier(r: Relation, ownerOnly: boolean): void {
  assertVisible(r);
  if (!(r.owner || (!ownerOnly && r.coOwner))) throw forbidden();
}

export function assertManager(r: Relation): void {
  assertVisible(r);
  if (!r.manager) throw forbidden();
}

/** The list's reach: the subtrees the actor oversees, plus what it owns or co-owns. */
export function visibleTo<QB extends SelectQueryBuilder<any, any, any>>(qb: QB, actor: Actor): QB {
  const scope = scopeOf(actor, 'decidedItems.read');
  return qb.where((eb: ExpressionBuilder<any, any>) =>
    eb.or([
      pathInScope(eb, 'd.org_path', scope),
      eb('d.owner_account_id', '=', actor.accountId),
      eb('d.id', 'in', eb.selectFrom('decided_item_co_owners').select('item_id').where('account_id', '=', actor.accountId)),
    ]),
  ) as QB;
}
