/** All SQL of decided items that more than one file needs. */
import type { DecidedItemStatus } from '../../../common/decidedItems.js';
import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import { addDays } from '../calendar/calendar.js';
import type { Tx } from '../db/database.js';
import { dq, type DecidedItemTable } from './decidedItems.tables.js';
import type { DecidedItemSummary } from './decidedItems.types.js';

export async function coOwnersOf(db: Tx, itemIds: string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (!itemIds.length) return out;
  const rows = await dq(db)
    .selectFrom('decided_item_co_owners')
    .select(['item_id', 'account_id'])
    .where('item_id', 'in', itemIds)
    .orderBy('account_id')
    .execute();
  for (const r of rows) out.set(r.item_id, [...(out.get(r.item_id) ?? []), r.account_id]);
  return out;
}

export type ItemRow = DecidedItemTable & { owner_name: string };

export function itemRows(db: Tx) {
  return dq(db).selectFrom('decided_items as d').innerJoin('accounts as a', 'a.id', 'd.owner_account_id').selectAll('d').select('a.display_name as owner_name');
}

export async function summarise(db: Tx, rows: ItemRow[]): Promise<DecidedItemSummary[]> {
  const co = await coOwnersOf(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    source: { kind: r.source_kind, id: r.source_id, label: r.source_label, public: r.source_public === 1 },
    status: r.status as DecidedItemStatus,
    progress: r.progress,
    dueDate: r.due_date,
    doneAt: r.done_at,
    dropReason: r.drop_reason,
    orgId: r.org_id,
    ownerAccountId: r.owner_account_id,
    ownerName: r.owner_name,
    coOwnerAccountIds: co.get(r.id) ?? [],
    parentId: r.parent_id,
    weight: r.weight,
    updatedAt: r.updated_at,
  }));
}

/** The full rows of a page's ids, in the page's order. */
export async function rowsInOrder(db: Tx, ids: string[]): Promise<ItemRow[]> {
  if (!ids.length) return [];
  const rows = await itemRows(db).where('d.id', 'in', ids).execute();
  const at = new Map(ids.map((id, i) => [id, i]));
  return rows.sort((x, y) => at.get(x.id)! - at.get(y.id)!);
}

export async function itemById(db: Tx, id: string): Promise<ItemRow | undefined> {
  return itemRows(db).where('d.id', '=', id).executeTakeFirst();
}

/** Done by the end of the due date in Beijing (UTC+8, no daylight saving): 15:59:59.999Z that day. */
export const onTime = sql<SqlBool>`d.done_at <= d.due_date || 'T15:59:59.999Z'`;

/**
 * Carried into `date` (结转): decided before that day began in Beijing, and neither done before it nor dropped —
 * what a meeting held that day still has open from earlier ones.
 */
export function carriedInto(eb: ExpressionBuilder<any, any>, date: string): Expression<SqlBool> {
  const start = `${addDays(date, -1)}T16:00:00.000Z`;
  return eb.and([eb('d.created_at', '<', start), eb('d.status', '!=', 'dropped'), eb.or([eb('d.done_at', 'is', null), eb('d.done_at', '>=', start)])]);
}
