/**
 * Decided items (督办事项): what a meeting decided, a congress resolved or a proposal put on
 * file, tracked to closure by an owner. Core, because several practices create them.
 */
import type { Kysely } from 'kysely';
import { pathColumn } from '../dialect.js';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('decided_items')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('source_kind', 'text', (c) => c.notNull())
    .addColumn('source_id', 'text', (c) => c.notNull())
    .addColumn('source_label', 'text', (c) => c.notNull())
    .addColumn('source_public', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    // Copied from the org so subtree lists are one range scan, as persons.org_path.
    .addColumn('org_path', pathColumn(db), (c) => c.notNull())
    .addColumn('owner_account_id', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('due_date', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('progress', 'integer', (c) => c.notNull())
    .addColumn('drop_reason', 'text')
    .addColumn('done_at', 'text')
    .addColumn('parent_id', 'text', (c) => c.references('decided_items.id'))
    .addColumn('weight', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('decided_items_source').on('decided_items').columns(['source_kind', 'source_id']).execute();
  await db.schema.createIndex('decided_items_org_due').on('decided_items').columns(['org_path', 'due_date', 'id']).execute();
  await db.schema.createIndex('decided_items_owner').on('decided_items').columns(['owner_account_id', 'status', 'due_date']).execute();
  await db.schema.createIndex('decided_items_status_due').on('decided_items').columns(['status', 'due_date']).execute();
  await db.schema.createIndex('decided_items_parent').on('decided_items').column('parent_id').execute();

  await db.schema
    .createTable('decided_item_co_owners')
    .addColumn('item_id', 'text', (c) => c.notNull().references('decided_items.id'))
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
    .addPrimaryKeyConstraint('decided_item_co_owners_pk', ['item_id', 'account_id'])
    .execute();
  await db.schema.createIndex('decided_item_co_owners_account').on('decided_item_co_owners').columns(['account_id', 'item_id']).execute();

  // Each progress report: the figure, the note, who and when (files are claimed to its id).
  await db.schema
    .createTable('decided_item_progress')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('item_id', 'text', (c) => c.notNull().references('decided_items.id'))
    .addColumn('progress', 'integer', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('decided_item_progress_item').on('decided_item_progress').columns(['item_id', 'at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('decided_item_progress').execute();
  await db.schema.dropTable('decided_item_co_owners').execute();
  await db.schema.dropTable('decided_items').execute();
}
