import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  // A school's own version of a tier (name, milestones, duties, criteria, weights); the defaults apply until one is saved.
  await db.schema
    .createTable('growth_tiers')
    .addColumn('school_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('tier', 'text', (c) => c.notNull())
    .addColumn('definition', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('growth_tiers_pk', ['school_id', 'tier'])
    .execute();

  // Where a teacher stands now; the way there is in growth_promotions.
  await db.schema
    .createTable('growth_placements')
    .addColumn('teacher_id', 'text', (c) => c.primaryKey().references('persons.id'))
    .addColumn('school_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('school_path', 'text', (c) => c.notNull())
    .addColumn('tier', 'text', (c) => c.notNull())
    .addColumn('milestone', 'text')
    .addColumn('since', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('growth_placements_school').on('growth_placements').columns(['school_path', 'tier']).execute();

  await db.schema
    .createTable('growth_plans')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('teacher_id', 'text', (c) => c.notNull().references('persons.id'))
    .addColumn('school_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('school_path', 'text', (c) => c.notNull())
    .addColumn('tier', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('vision', 'text', (c) => c.notNull())
    .addColumn('start_year', 'integer', (c) => c.notNull())
    .addColumn('current_year', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('review_comment', 'text')
    .addColumn('activated_on', 'text')
    .addColumn('completed_on', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('growth_plans_teacher').on('growth_plans').columns(['teacher_id', 'created_at']).execute();
  await db.schema.createIndex('growth_plans_school').on('growth_plans').columns(['school_path', 'status']).execute();

  await db.schema
    .createTable('growth_goals')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('plan_id', 'text', (c) => c.notNull().references('growth_plans.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('area', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('measure', 'text')
    .addColumn('weight', 'integer', (c) => c.notNull())
    .addColumn('done_on', 'text')
    .addColumn('sort', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('growth_goals_plan').on('growth_goals').columns(['plan_id', 'year', 'sort']).execute();

  await db.schema
    .createTable('growth_year_reviews')
    .addColumn('plan_id', 'text', (c) => c.notNull().references('growth_plans.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('reflection', 'text', (c) => c.notNull())
    .addColumn('rating', 'text')
    .addColumn('comment', 'text')
    .addColumn('reviewer_account_id', 'text')
    .addColumn('reviewed_at', 'text')
    .addPrimaryKeyConstraint('growth_year_reviews_pk', ['plan_id', 'year'])
    .execute();

  // Evidence belongs to a teacher; to a plan, goal or tier duty when it was given for one.
  await db.schema
    .createTable('growth_evidence')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('teacher_id', 'text', (c) => c.notNull().references('persons.id'))
    .addColumn('school_path', 'text', (c) => c.notNull())
    .addColumn('plan_id', 'text')
    .addColumn('goal_id', 'text')
    .addColumn('duty', 'text')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('rubric', 'text')
    .addColumn('observer_id', 'text')
    .addColumn('activity_id', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('growth_evidence_teacher').on('growth_evidence').columns(['teacher_id', 'date']).execute();
  await db.schema.createIndex('growth_evidence_plan').on('growth_evidence').columns(['plan_id', 'date']).execute();
  await db.schema.createIndex('growth_evidence_school').on('growth_evidence').columns(['school_path', 'kind', 'date']).execute();
  await db.schema.createIndex('growth_evidence_observer').on('growth_evidence').columns(['observer_id', 'date']).execute();

  // 师徒结对: a pair is current until ended_on.
  await db.schema
    .createTable('growth_mentorships')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('school_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('school_path', 'text', (c) => c.notNull())
    .addColumn('mentor_id', 'text', (c) => c.notNull().references('persons.id'))
    .addColumn('mentee_id', 'text', (c) => c.notNull().references('persons.id'))
    .addColumn('started_on', 'text', (c) => c.notNull())
    .addColumn('ended_on', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('growth_mentorships_mentor').on('growth_mentorships').columns(['mentor_id', 'mentee_id']).execute();
  await db.schema.createIndex('growth_mentorships_mentee').on('growth_mentorships').column('mentee_id').execute();
  await db.schema.createIndex('growth_mentorships_school').on('growth_mentorships').column('school_path').execute();

  await db.schema
    .createTable('growth_promotions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('teacher_id', 'text', (c) => c.notNull().references('persons.id'))
    .addColumn('school_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('school_path', 'text', (c) => c.notNull())
    .addColumn('from_tier', 'text', (c) => c.notNull())
    .addColumn('to_tier', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('proposed_by', 'text', (c) => c.notNull())
    .addColumn('proposed_at', 'text', (c) => c.notNull())
    .addColumn('decided_by', 'text')
    .addColumn('decided_on', 'text')
    .addColumn('decision_note', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('growth_promotions_teacher').on('growth_promotions').columns(['teacher_id', 'proposed_at']).execute();
  await db.schema.createIndex('growth_promotions_school').on('growth_promotions').columns(['school_path', 'status', 'decided_on']).execute();

  await db.schema
    .createTable('growth_activities')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('school_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('school_path', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('tier', 'text')
    .addColumn('results_on', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('growth_activities_school').on('growth_activities').columns(['school_path', 'date']).execute();

  await db.schema
    .createTable('growth_activity_entries')
    .addColumn('activity_id', 'text', (c) => c.notNull().references('growth_activities.id'))
    .addColumn('teacher_id', 'text', (c) => c.notNull().references('persons.id'))
    .addColumn('signed_up_at', 'text')
    .addColumn('attended', 'integer')
    .addColumn('result', 'text')
    .addColumn('evidence_id', 'text')
    .addPrimaryKeyConstraint('growth_activity_entries_pk', ['activity_id', 'teacher_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'growth_activity_entries',
    'growth_activities',
    'growth_promotions',
    'growth_mentorships',
    'growth_evidence',
    'growth_year_reviews',
    'growth_goals',
    'growth_plans',
    'growth_placements',
    'growth_tiers',
  ]) {
    await db.schema.dropTable(t).execute();
  }
}
