/**
 * A file its record let go (a removed photo) is marked released in the record's transaction
 * and swept with its bytes by 'core.filesSweep': no route deletes bytes of a write that may
 * still roll back, and a crash between the commit and the removal leaves nothing behind.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('files').addColumn('released_at', 'text').execute();
  await db.schema.createIndex('files_released').on('files').column('released_at').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('files_released').execute();
  await db.schema.alterTable('files').dropColumn('released_at').execute();
}
