import type { Kysely } from 'kysely';
import { pathColumn } from '../../../core/db/dialect.js';

export async function up(db: Kysely<any>): Promise<void> {
  // An honour of one year, awarded by an org (group or mine) to teams of its subtree.
  await db.schema
    .createTable('honours')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('org_path', pathColumn(db), (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('criteria', 'text', (c) => c.notNull())
    .addColumn('competition_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('honours_org_year').on('honours').columns(['org_path', 'year']).execute();

  await db.schema
    .createTable('honour_nominations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('honour_id', 'text', (c) => c.notNull().references('honours.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('unit_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('unit_path', pathColumn(db), (c) => c.notNull())
    .addColumn('team_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('record', 'text', (c) => c.notNull())
    .addColumn('nominated_by', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('nominated_on', 'text', (c) => c.notNull())
    .addColumn('checked_at', 'text')
    .addColumn('note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('honour_nominations_team', ['honour_id', 'team_id'])
    .execute();
  await db.schema.createIndex('honour_nominations_unit').on('honour_nominations').columns(['unit_path', 'nominated_on', 'id']).execute();
  await db.schema.createIndex('honour_nominations_honour').on('honour_nominations').columns(['honour_id', 'created_at']).execute();
  await db.schema.createIndex('honour_nominations_by').on('honour_nominations').columns(['nominated_by', 'created_at']).execute();

  // The last check's findings: one row per disqualifier found, its evidence as JSON.
  await db.schema
    .createTable('honour_findings')
    .addColumn('nomination_id', 'text', (c) => c.notNull().references('honour_nominations.id'))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('evidence', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('honour_findings_pk', ['nomination_id', 'reason'])
    .execute();
  await db.schema.createIndex('honour_findings_reason').on('honour_findings').columns(['reason', 'nomination_id']).execute();

  await db.schema
    .createTable('honour_safety_accidents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('org_path', pathColumn(db), (c) => c.notNull())
    .addColumn('occurred_on', 'text', (c) => c.notNull())
    .addColumn('severity', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('honour_safety_accidents_org').on('honour_safety_accidents').columns(['org_path', 'occurred_on']).execute();

  await db.schema
    .createTable('competitions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('org_path', pathColumn(db), (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('starts_on', 'text', (c) => c.notNull())
    .addColumn('ends_on', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('competitions_org').on('competitions').columns(['org_path', 'starts_on']).execute();

  await db.schema
    .createTable('competition_teams')
    .addColumn('competition_id', 'text', (c) => c.notNull().references('competitions.id'))
    .addColumn('team_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addPrimaryKeyConstraint('competition_teams_pk', ['competition_id', 'team_id'])
    .execute();
  await db.schema
    .createTable('competition_measures')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('competition_id', 'text', (c) => c.notNull().references('competitions.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('unit', 'text', (c) => c.notNull())
    .addColumn('weight', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('competition_measures_competition').on('competition_measures').columns(['competition_id', 'seq']).execute();
  // Points (0–100) of a team on a measure in a month; a later entry for the same cell replaces it.
  await db.schema
    .createTable('competition_scores')
    .addColumn('competition_id', 'text', (c) => c.notNull().references('competitions.id'))
    .addColumn('team_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('measure_id', 'text', (c) => c.notNull().references('competition_measures.id'))
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('value', 'real', (c) => c.notNull())
    .addColumn('entered_by', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('entered_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('competition_scores_pk', ['competition_id', 'team_id', 'measure_id', 'period'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'competition_scores',
    'competition_measures',
    'competition_teams',
    'competitions',
    'honour_safety_accidents',
    'honour_findings',
    'honour_nominations',
    'honours',
  ])
    await db.schema.dropTable(t).execute();
}
