import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  // One report per generation: its figures are a JSON snapshot written once, never recomputed.
  await db.schema
    .createTable('work_reports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('org_path', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('from_date', 'text', (c) => c.notNull())
    .addColumn('to_date', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('progress', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('figures', 'text')
    .addColumn('narrative', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_by_name', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('generated_at', 'text')
    .execute();
  await db.schema.createIndex('work_reports_org').on('work_reports').columns(['org_path', 'created_at']).execute();
  await db.schema.createIndex('work_reports_status').on('work_reports').columns(['status', 'updated_at']).execute();

  // What each issued version said; the figures are the report's, which never change.
  await db.schema
    .createTable('work_report_versions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('report_id', 'text', (c) => c.notNull().references('work_reports.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('narrative', 'text', (c) => c.notNull())
    .addColumn('issued_at', 'text', (c) => c.notNull())
    .addColumn('issued_by', 'text')
    .addColumn('issued_by_name', 'text')
    .addUniqueConstraint('work_report_versions_report_version', ['report_id', 'version'])
    .execute();

  // The alert line an org draws under (or over) an indicator on its dashboard.
  await db.schema
    .createTable('work_report_thresholds')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('indicator', 'text', (c) => c.notNull())
    .addColumn('direction', 'text', (c) => c.notNull())
    .addColumn('value', 'real', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('work_report_thresholds_org_indicator', ['org_id', 'indicator'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('work_report_thresholds').execute();
  await db.schema.dropTable('work_report_versions').execute();
  await db.schema.dropTable('work_reports').execute();
}
