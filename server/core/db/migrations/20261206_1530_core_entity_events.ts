/**
 * The module kit's shared tables: every entity's timeline (core/workflow) and the claims that
 * make a reminder go out once (core/notify/once.ts), whichever instance or run gets there first.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('entity_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text', (c) => c.notNull())
    .addColumn('event', 'text', (c) => c.notNull())
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text')
    // No foreign key: an anonymous author's events keep no account, and accounts are never deleted.
    .addColumn('actor_account_id', 'text')
    .addColumn('data', 'text')
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('entity_events_entity').on('entity_events').columns(['kind', 'entity_id', 'at']).execute();

  await db.schema
    .createTable('notice_claims')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('notice_claims').execute();
  await db.schema.dropTable('entity_events').execute();
}
