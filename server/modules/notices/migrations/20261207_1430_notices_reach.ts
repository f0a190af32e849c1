import type { Kysely } from 'kysely';

// A worker's notice list reads, for each org they reach (their team and every org above it), the
// published notices newest first, and stops after the page: (org_id, status, published_at, id)
// gives that order within one org, and with categories in it the count and the page's ids are read
// from the index alone. Before, one `org_id in (…)` read every reachable row of the table (1 400 at
// scale L, body and all) and sorted them for each page.
// 「未读」 asks, of each candidate, whether the reader has a receipt: (person_id, notice_id) reads the
// reader's few receipts once, where the (notice_id, person_id) key was probed once per reachable notice.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('notices_reach').on('notices').columns(['org_id', 'status', 'published_at', 'id', 'categories']).execute();
  await db.schema.createIndex('notice_receipts_person').on('notice_receipts').columns(['person_id', 'notice_id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('notice_receipts_person').execute();
  await db.schema.dropIndex('notices_reach').execute();
}
