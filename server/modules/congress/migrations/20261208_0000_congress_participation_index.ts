/**
 * The participation read (congress.cuts.ts participationRows) takes each proposal of the period's sessions twice — as
 * its proposer's and to find its seconds — and read every proposal's row for the proposer and the id: 5 000 row reads a
 * pass over ten years at scale L, a third of the ten-year indicator page's CPU. This index carries both, so those
 * branches never touch the table (sqlite3 shell: the proposals branch 8 → 2.6 ms CPU; bench/RESULTS.md 第十一批).
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('congress_proposals_session_proposer').on('congress_proposals').columns(['session_id', 'proposer_id', 'id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('congress_proposals_session_proposer').execute();
}
