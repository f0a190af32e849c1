import type { Kysely } from 'kysely';

// A worker's notice list reads, for each org they reach (their team and every org above it), the
// published notices newest first, and stops after the page: (org_id, status, published_at, id)
// gives that order within one org, and with categories in it the count and the page's ids are read
// from the index alone. Before, one `org_id in (…)` read every reachable row of the table (1 400 at
// scale L, body and all) and sorted them for each page.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('notices_reach').on('notices').columns(['org_id', 'status', 'published_at', 'id', 'categories']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('notices_reach').execute();
}
