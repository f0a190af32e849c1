/**
 * Decided items (督办事项) in core: what a meeting decided, a congress resolved, a proposal put
 * on file — one owner, a due date, progress to closure. Practices create them through this
 * file; core imports no module.
 */
import { DecidedItemMessages } from './decidedItems.messages.js';
import type { Db, Tx } from '../db/database.js';
import { itemRows, summarise } from './decidedItems.repository.js';
import type { DecidedItemSummary } from './decidedItems.types.js';

export type { DecidedItemInput, DecidedItemSource, DecidedItemSummary } from './decidedItems.types.js';
export { createDecidedItem } from './decidedItems.create.js';
export { followSource, reopenSource } from './decidedItems.source.js';
export { carriedOverOf, carriedOverRecordsOf, closedRateOf, closedRecordsOf, DECIDED_ITEM_RECORDS, DECIDED_ITEMS_PAGE } from './decidedItems.indicators.js';
export { DECIDED_ITEM_STATUSES, OPEN_DECIDED_STATUSES, type DecidedItemStatus } from '../../../common/decidedItems.js';

void DecidedItemMessages;

/** The items one source decided, in the order they were created. Callers authorise the read. */
export async function decidedItemsOf(db: Db | Tx, source: { kind: string; id: string }): Promise<DecidedItemSummary[]> {
  const rows = await itemRows(db)
    .where('d.source_kind', '=', source.kind)
    .where('d.source_id', '=', source.id)
    .orderBy('d.created_at')
    .orderBy('d.id')
    .execute();
  return summarise(db, rows);
}

/** The items of several sources of one kind (a meeting's carry-over reads its series' earlier meetings). */
export async function decidedItemsOfSources(db: Db | Tx, kind: string, ids: string[]): Promise<DecidedItemSummary[]> {
  if (!ids.length) return [];
  const rows = await itemRows(db).where('d.source_kind', '=', kind).where('d.source_id', 'in', ids).orderBy('d.created_at').orderBy('d.id').execute();
  return summarise(db, rows);
}
