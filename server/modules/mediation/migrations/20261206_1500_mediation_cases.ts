import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  // A mediationCase: the applicant's org places it (the committee of that union sees it).
  await db.schema
    .createTable('mediation_cases')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('org_path', 'text', (c) => c.notNull())
    .addColumn('applicant_person_id', 'text', (c) => c.notNull().references('persons.id'))
    .addColumn('applicant_kind', 'text', (c) => c.notNull())
    .addColumn('group_size', 'integer')
    .addColumn('respondent', 'text', (c) => c.notNull())
    .addColumn('dispute_date', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('appeal_id', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('applied_at', 'text', (c) => c.notNull())
    .addColumn('applied_date', 'text', (c) => c.notNull())
    .addColumn('accept_due', 'text', (c) => c.notNull())
    .addColumn('accepted_on', 'text')
    .addColumn('extension_days', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('mediation_due', 'text')
    .addColumn('closed_on', 'text')
    .addColumn('outcome_reason', 'text')
    .addColumn('claimed_cents', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('agreed_cents', 'integer')
    .addColumn('paid_cents', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('agreement_terms', 'text')
    .addColumn('performance_due', 'text')
    .addColumn('applicant_signed_on', 'text')
    .addColumn('respondent_signer', 'text')
    .addColumn('respondent_signed_on', 'text')
    .addColumn('registered_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('mediation_cases_org_path').on('mediation_cases').columns(['org_path', 'applied_at']).execute();
  // The desk's default order (newest first) over a whole union.
  await db.schema.createIndex('mediation_cases_applied').on('mediation_cases').columns(['applied_at', 'id']).execute();
  await db.schema.createIndex('mediation_cases_status_closed').on('mediation_cases').columns(['status', 'closed_on']).execute();
  await db.schema.createIndex('mediation_cases_applicant').on('mediation_cases').column('applicant_person_id').execute();
  await db.schema.createIndex('mediation_cases_appeal').on('mediation_cases').column('appeal_id').execute();

  await db.schema
    .createTable('mediation_claims')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('mediation_cases.id'))
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('amount_cents', 'integer')
    .addColumn('sort', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('mediation_claims_case').on('mediation_claims').columns(['case_id', 'sort']).execute();
  await db.schema.createIndex('mediation_claims_type').on('mediation_claims').columns(['type', 'case_id']).execute();

  // The mediators named on a case: they, and nobody else of the mediators, see it once accepted.
  await db.schema
    .createTable('mediation_case_mediators')
    .addColumn('case_id', 'text', (c) => c.notNull().references('mediation_cases.id'))
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
    .addPrimaryKeyConstraint('mediation_case_mediators_pk', ['case_id', 'account_id'])
    .execute();
  await db.schema.createIndex('mediation_case_mediators_account').on('mediation_case_mediators').column('account_id').execute();

  await db.schema
    .createTable('mediation_sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('mediation_cases.id'))
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('attendees', 'text', (c) => c.notNull())
    .addColumn('applicant_said', 'text', (c) => c.notNull())
    .addColumn('respondent_said', 'text', (c) => c.notNull())
    .addColumn('next_step', 'text')
    .addColumn('recorded_by', 'text')
    .addColumn('recorded_by_name', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('mediation_sessions_case').on('mediation_sessions').columns(['case_id', 'date']).execute();

  await db.schema
    .createTable('mediation_payments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('mediation_cases.id'))
    .addColumn('paid_cents', 'integer', (c) => c.notNull())
    .addColumn('paid_on', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('recorded_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('mediation_payments_case').on('mediation_payments').column('case_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['mediation_payments', 'mediation_sessions', 'mediation_case_mediators', 'mediation_claims', 'mediation_cases'])
    await db.schema.dropTable(t).execute();
}
