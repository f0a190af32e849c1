/**
 * The decided-items board reads a large subtree (a group chair's) by walking the sort
 * column's index in order and stopping after the page (decidedItems.board.ts); org_path is in
 * each index so the subtree test needs no table read.
 */
import type { Kysely } from 'kysely';

const SORTS = { due: 'due_date', progress: 'progress', updated: 'updated_at', title: 'title' } as const;

export async function up(db: Kysely<any>): Promise<void> {
  for (const [name, column] of Object.entries(SORTS)) {
    await db.schema.createIndex(`decided_items_by_${name}`).on('decided_items').columns([column, 'id', 'org_path']).execute();
  }
  // A status filter walks its slice in due order: the id must follow due_date for "order by due_date, id".
  await db.schema.dropIndex('decided_items_status_due').execute();
  await db.schema.createIndex('decided_items_status_due_id').on('decided_items').columns(['status', 'due_date', 'id', 'org_path']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const name of Object.keys(SORTS)) await db.schema.dropIndex(`decided_items_by_${name}`).execute();
  await db.schema.dropIndex('decided_items_status_due_id').execute();
  await db.schema.createIndex('decided_items_status_due').on('decided_items').columns(['status', 'due_date']).execute();
}
