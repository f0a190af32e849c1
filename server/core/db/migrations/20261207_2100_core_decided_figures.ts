/**
 * The decided-item figures (indicator pages, the work report) count the items due in a period and those carried into
 * it. At scale L (100 000 items) both read each matching row from the table after the index range — 1 s for all years
 * on SQLite (bench/RESULTS.md 第十批). Both indexes now carry every column those counts read, so they are answered from
 * the index alone:
 * - the due-date walk (also the board's "by due" order) gains status, source kind, progress and done time;
 * - a second index leads with the source kind, then the due date: one practice's closed rate (a range of it) and its
 *   carried-over decisions (a scan of the kind) read it alone. Not (source kind, created_at, …): SQLite, unanalysed,
 *   walked all of a kind in created_at order to skip the sort of a meeting's carry-over
 *   (`source_kind = ? and source_id in (…) order by created_at`), 43 ms → 1.2 s.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('decided_items_by_due').execute();
  await db.schema
    .createIndex('decided_items_by_due')
    .on('decided_items')
    .columns(['due_date', 'id', 'org_path', 'status', 'source_kind', 'progress', 'done_at'])
    .execute();
  await db.schema
    .createIndex('decided_items_kind_due')
    .on('decided_items')
    .columns(['source_kind', 'due_date', 'status', 'created_at', 'done_at', 'org_path'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('decided_items_kind_due').execute();
  await db.schema.dropIndex('decided_items_by_due').execute();
  await db.schema.createIndex('decided_items_by_due').on('decided_items').columns(['due_date', 'id', 'org_path']).execute();
}
