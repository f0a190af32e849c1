import type { Kysely } from 'kysely';

/**
 * The dashboards read indexes alone, never the tables: a year's assistance by day with everything
 * its totals group and sum (unit, household, kind, fund, amount), and the files by unit with the
 * state and tier the counts group by. Before, each total looked up 100 000 table rows at scale L.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('hardship_assistance_figures')
    .on('hardship_assistance')
    .columns(['given_on', 'org_path', 'profile_id', 'kind', 'fund', 'amount_fen'])
    .execute();
  await db.schema.createIndex('hardship_profiles_counts').on('hardship_profiles').columns(['org_path', 'status', 'tier']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('hardship_profiles_counts').execute();
  await db.schema.dropIndex('hardship_assistance_figures').execute();
}
