import { sql, type Kysely } from 'kysely';

/**
 * Read counts kept as receipts are written (issue #20: read rates across many notices, bounded and exact):
 * `notices.reads` and `notice_recipient_counts.reads` (per unit × category) grow by one in the transaction that
 * writes a first receipt. The read-rate figure over a period summed a correlated count of every notice's
 * receipts (5 M at L); now it sums one column of the period's notices, and rates per unit and category across
 * notices sum the frozen counts' rows. A receipt whose unit × category was not frozen at publication (a worker
 * who moved in since) gets a row with 0 recipients, as the per-notice rates already showed it.
 * Existing receipts are counted once here.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('notices')
    .addColumn('reads', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .alterTable('notice_recipient_counts')
    .addColumn('reads', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await sql`insert into notice_recipient_counts (notice_id, unit_id, category, recipients, reads)
    select r.notice_id, r.unit_id, r.category, 0, 0 from notice_receipts r
    where not exists (select 1 from notice_recipient_counts c where c.notice_id = r.notice_id and c.unit_id = r.unit_id and c.category = r.category)
    group by r.notice_id, r.unit_id, r.category`.execute(db);
  await sql`update notice_recipient_counts set reads = (select count(*) from notice_receipts r
    where r.notice_id = notice_recipient_counts.notice_id and r.unit_id = notice_recipient_counts.unit_id and r.category = notice_recipient_counts.category)`.execute(
    db,
  );
  await sql`update notices set reads = (select count(*) from notice_receipts r where r.notice_id = notices.id)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  // Rows added for receipts outside the frozen counts carry no recipients; they go with the column.
  await sql`delete from notice_recipient_counts where recipients = 0`.execute(db);
  await db.schema.alterTable('notice_recipient_counts').dropColumn('reads').execute();
  await db.schema.alterTable('notices').dropColumn('reads').execute();
}
