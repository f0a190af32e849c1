/**
 * Preparation for bargaining (协商准备, lifecycle step 2): the information each side supplies
 * (title, notes, who supplied it and when; files through core/files) and the union's surveys of
 * workers' demands linked to the bargaining. A survey belongs to the surveys module: this table
 * only links its id, nothing of its answers is copied.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('contract_prep_items')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('contract_id', 'text', (c) => c.notNull().references('contracts.id'))
    .addColumn('side', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('supplied_by', 'text', (c) => c.notNull())
    .addColumn('supplied_date', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('accounts.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('contract_prep_items_contract').on('contract_prep_items').columns(['contract_id', 'supplied_date']).execute();

  await db.schema
    .createTable('contract_surveys')
    .addColumn('contract_id', 'text', (c) => c.notNull().references('contracts.id'))
    .addColumn('survey_id', 'text', (c) => c.notNull())
    .addColumn('linked_by', 'text', (c) => c.references('accounts.id'))
    .addColumn('linked_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('contract_surveys_pk', ['contract_id', 'survey_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('contract_surveys').execute();
  await db.schema.dropTable('contract_prep_items').execute();
}
