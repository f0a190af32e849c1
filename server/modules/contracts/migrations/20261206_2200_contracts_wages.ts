import type { Kysely } from 'kysely';
import { pathColumn } from '../../../core/db/dialect.js';

export async function up(db: Kysely<any>): Promise<void> {
  // One row per org, year, employment category and job family; an import of a year replaces its rows. Money in fen.
  await db.schema
    .createTable('contract_wage_rows')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('org_path', pathColumn(db), (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('job_family', 'text', (c) => c.notNull())
    .addColumn('headcount', 'integer', (c) => c.notNull())
    .addColumn('total_fen', 'bigint', (c) => c.notNull())
    .addColumn('lowest_monthly_fen', 'bigint', (c) => c.notNull())
    .addColumn('local_minimum_fen', 'bigint', (c) => c.notNull())
    .addColumn('imported_by', 'text', (c) => c.references('accounts.id'))
    .addColumn('imported_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('contract_wage_rows_group', ['org_id', 'year', 'category', 'job_family'])
    .execute();

  // A side's proposal in a round; its cost is computed on read from the wage rows of its base year.
  await db.schema
    .createTable('contract_wage_proposals')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('contract_id', 'text', (c) => c.notNull().references('contracts.id'))
    .addColumn('round_id', 'text', (c) => c.notNull().references('contract_rounds.id'))
    .addColumn('side', 'text', (c) => c.notNull())
    .addColumn('base_year', 'integer', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('adopted_version', 'integer')
    .addColumn('created_by', 'text', (c) => c.references('accounts.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('contract_wage_proposals_contract').on('contract_wage_proposals').columns(['contract_id', 'created_at']).execute();
  await db.schema
    .createTable('contract_wage_items')
    .addColumn('proposal_id', 'text', (c) => c.notNull().references('contract_wage_proposals.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('category', 'text')
    .addColumn('job_family', 'text', (c) => c.notNull())
    .addColumn('raise_bp', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('contract_wage_items_pk', ['proposal_id', 'seq'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['contract_wage_items', 'contract_wage_proposals', 'contract_wage_rows']) await db.schema.dropTable(t).execute();
}
