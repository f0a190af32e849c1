/**
 * Uploaded files of every module (core/files). An upload is unclaimed (no owner) until a
 * module's write claims it in the same transaction as its record; unclaimed ones are swept.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('files')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('owner_kind', 'text')
    .addColumn('owner_id', 'text')
    .addColumn('uploader_account_id', 'text', (c) => c.references('accounts.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('storage_key', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('claimed_at', 'text')
    .execute();
  await db.schema.createIndex('files_owner').on('files').columns(['owner_kind', 'owner_id', 'created_at']).execute();
  await db.schema.createIndex('files_unclaimed').on('files').columns(['claimed_at', 'created_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('files').execute();
}
