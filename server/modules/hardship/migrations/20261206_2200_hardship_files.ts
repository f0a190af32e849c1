import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  // The union's rules: a locality's minimum living standard (低保线) in a year, and the shares of it that make each tier.
  await db.schema
    .createTable('hardship_rules')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('org_path', 'text', (c) => c.notNull())
    .addColumn('locality', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('minimum_living_fen', 'integer', (c) => c.notNull())
    .addColumn('deep_pct', 'integer', (c) => c.notNull())
    .addColumn('relative_pct', 'integer', (c) => c.notNull())
    .addColumn('sudden_pct', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('hardship_rules_org_locality_year', ['org_id', 'locality', 'year'])
    .execute();

  await db.schema
    .createTable('hardship_settings')
    .addColumn('org_id', 'text', (c) => c.primaryKey().references('orgs.id'))
    .addColumn('org_path', 'text', (c) => c.notNull())
    .addColumn('notice_days', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  // One household, one file (一户一档), placed by the worker's org.
  await db.schema
    .createTable('hardship_profiles')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('org_path', 'text', (c) => c.notNull())
    .addColumn('worker_person_id', 'text', (c) => c.notNull().references('persons.id'))
    .addColumn('locality', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('household_size', 'integer', (c) => c.notNull())
    .addColumn('household_income_fen', 'integer', (c) => c.notNull())
    .addColumn('income_per_head_fen', 'integer', (c) => c.notNull())
    .addColumn('tier', 'text')
    .addColumn('situation', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('applied_at', 'text', (c) => c.notNull())
    .addColumn('applied_date', 'text', (c) => c.notNull())
    .addColumn('registered_by', 'text')
    .addColumn('verified_on', 'text')
    .addColumn('approved_on', 'text')
    .addColumn('notice_from', 'text')
    .addColumn('notice_to', 'text')
    .addColumn('filed_on', 'text')
    .addColumn('review_due', 'text')
    .addColumn('refusal_reason', 'text')
    .addColumn('exited_on', 'text')
    .addColumn('relapsed_on', 'text')
    .addColumn('assistance_fen', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('hardship_profiles_org_path').on('hardship_profiles').columns(['org_path', 'applied_at']).execute();
  await db.schema.createIndex('hardship_profiles_applied').on('hardship_profiles').columns(['applied_at', 'id']).execute();
  await db.schema.createIndex('hardship_profiles_worker').on('hardship_profiles').column('worker_person_id').execute();
  await db.schema.createIndex('hardship_profiles_status').on('hardship_profiles').columns(['status', 'notice_to']).execute();
  await db.schema.createIndex('hardship_profiles_filed').on('hardship_profiles').column('filed_on').execute();
  await db.schema.createIndex('hardship_profiles_exited').on('hardship_profiles').column('exited_on').execute();

  await db.schema
    .createTable('hardship_members')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('profile_id', 'text', (c) => c.notNull().references('hardship_profiles.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('relation', 'text', (c) => c.notNull())
    .addColumn('condition', 'text')
    .addColumn('monthly_income_fen', 'integer', (c) => c.notNull())
    .addColumn('sort', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('hardship_members_profile').on('hardship_members').columns(['profile_id', 'sort']).execute();

  await db.schema
    .createTable('hardship_causes')
    .addColumn('profile_id', 'text', (c) => c.notNull().references('hardship_profiles.id'))
    .addColumn('cause', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('hardship_causes_pk', ['profile_id', 'cause'])
    .execute();
  await db.schema.createIndex('hardship_causes_cause').on('hardship_causes').columns(['cause', 'profile_id']).execute();

  // A home visit: one per staff member and file, so "two different staff" is a count.
  await db.schema
    .createTable('hardship_visits')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('profile_id', 'text', (c) => c.notNull().references('hardship_profiles.id'))
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('staff_name', 'text', (c) => c.notNull())
    .addColumn('visited_on', 'text', (c) => c.notNull())
    .addColumn('notes', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('hardship_visits_profile_account', ['profile_id', 'account_id'])
    .execute();

  await db.schema
    .createTable('hardship_objections')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('profile_id', 'text', (c) => c.notNull().references('hardship_profiles.id'))
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('raised_on', 'text', (c) => c.notNull())
    .addColumn('decision', 'text')
    .addColumn('note', 'text')
    .addColumn('decided_by', 'text')
    .addColumn('decided_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('hardship_objections_profile').on('hardship_objections').column('profile_id').execute();

  // Yearly reviews (动态管理): the next one is a row with its due date, done when reviewed.
  await db.schema
    .createTable('hardship_reviews')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('profile_id', 'text', (c) => c.notNull().references('hardship_profiles.id'))
    .addColumn('due_date', 'text', (c) => c.notNull())
    .addColumn('reviewed_on', 'text')
    .addColumn('outcome', 'text')
    .addColumn('tier', 'text')
    .addColumn('notes', 'text')
    .addColumn('cancelled', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('reviewed_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('hardship_reviews_profile').on('hardship_reviews').columns(['profile_id', 'due_date']).execute();
  await db.schema.createIndex('hardship_reviews_due').on('hardship_reviews').columns(['due_date', 'profile_id']).execute();

  // Callbacks 3, 6 and 12 months after exit (回访), each a row with its due date.
  await db.schema
    .createTable('hardship_callbacks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('profile_id', 'text', (c) => c.notNull().references('hardship_profiles.id'))
    .addColumn('month', 'integer', (c) => c.notNull())
    .addColumn('due_date', 'text', (c) => c.notNull())
    .addColumn('done_on', 'text')
    .addColumn('relapse', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('notes', 'text')
    .addColumn('cancelled', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('done_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('hardship_callbacks_profile').on('hardship_callbacks').columns(['profile_id', 'month']).execute();
  await db.schema.createIndex('hardship_callbacks_due').on('hardship_callbacks').columns(['due_date', 'profile_id']).execute();

  await db.schema
    .createTable('hardship_assistance')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('profile_id', 'text', (c) => c.notNull().references('hardship_profiles.id'))
    .addColumn('org_path', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('amount_fen', 'integer', (c) => c.notNull())
    .addColumn('given_on', 'text', (c) => c.notNull())
    .addColumn('fund', 'text', (c) => c.notNull())
    .addColumn('delivered_by', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('hardship_assistance_profile').on('hardship_assistance').columns(['profile_id', 'given_on']).execute();
  await db.schema.createIndex('hardship_assistance_org').on('hardship_assistance').columns(['org_path', 'given_on']).execute();

  await db.schema
    .createTable('hardship_budgets')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('org_path', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('fund', 'text', (c) => c.notNull())
    .addColumn('amount_fen', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('hardship_budgets_org_year_fund', ['org_id', 'year', 'fund'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'hardship_budgets',
    'hardship_assistance',
    'hardship_callbacks',
    'hardship_reviews',
    'hardship_objections',
    'hardship_visits',
    'hardship_causes',
    'hardship_members',
    'hardship_profiles',
    'hardship_settings',
    'hardship_rules',
  ])
    await db.schema.dropTable(t).execute();
}
