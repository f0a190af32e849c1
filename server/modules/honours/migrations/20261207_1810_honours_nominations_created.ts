/**
 * The nominations list's default order (newest first) as an index, (created_at, id): with many
 * matches the kit's paged list walks it and stops after the page, and a cursor is a range on it.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('honour_nominations_created').on('honour_nominations').columns(['created_at', 'id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('honour_nominations_created').execute();
}
