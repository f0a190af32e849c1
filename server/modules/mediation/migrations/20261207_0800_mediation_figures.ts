import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  // The six figures of a period read one of these alone, never the table: the outcomes of a period
  // (status and closed day first, as the older status index has them, so the engines prefer this
  // one; then unit, the clock and the amounts they sum) and the applications of one.
  await db.schema
    .createIndex('mediation_cases_figures_closed')
    .on('mediation_cases')
    .columns(['status', 'closed_on', 'org_path', 'mediation_due', 'agreed_cents', 'paid_cents'])
    .execute();
  await db.schema.createIndex('mediation_cases_figures_applied').on('mediation_cases').columns(['applied_date', 'org_path']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('mediation_cases_figures_applied').execute();
  await db.schema.dropIndex('mediation_cases_figures_closed').execute();
}
