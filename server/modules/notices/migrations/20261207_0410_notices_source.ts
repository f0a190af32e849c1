import type { Kysely } from 'kysely';

// Withdrawing the notices of a source (an honour revoked, a decision reversed) looks notices up by
// (source_kind, source_id): without this index each withdrawal scanned every notice.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('notices_source').on('notices').columns(['source_kind', 'source_id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('notices_source').execute();
}
