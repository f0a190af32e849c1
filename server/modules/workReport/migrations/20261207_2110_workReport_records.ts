/**
 * Which records each figure of a report counted: per report and practice, the period's record ids
 * once (sorted, compressed), and per figure its numerator's and denominator's subset as bitmaps over
 * that list — a group year is one id list per practice, not one per figure.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('work_report_records')
    .addColumn('report_id', 'text', (c) => c.notNull().references('work_reports.id'))
    .addColumn('module', 'text', (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull())
    .addColumn('ids', 'text', (c) => c.notNull())
    .addColumn('subsets', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('work_report_records_pk', ['report_id', 'module'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('work_report_records').execute();
}
