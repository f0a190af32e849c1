/**
 * A threshold held for whole weeks (e.g. 心桥 coverage below 80 % two weeks running): the number of
 * consecutive weeks the figure must stay on the wrong side before the dashboard alerts; null keeps
 * the alert on the period's own figure.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('work_report_thresholds').addColumn('weeks', 'integer').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('work_report_thresholds').dropColumn('weeks').execute();
}
