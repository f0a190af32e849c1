/**
 * The adopted-proposals drill (every 立案 proposal of the period, newest first) reads ≈ 3 000 proposals over ten years at
 * scale L to sort them by submission. With the submission time and id beside (session_id, number), the page's ids come
 * from the index alone (sqlite3 shell, warm: 5.8 → 0.95 ms CPU for that statement; bench/RESULTS.md 第十一批).
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('congress_proposals_session_adopted').on('congress_proposals').columns(['session_id', 'number', 'submitted_at', 'id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('congress_proposals_session_adopted').execute();
}
