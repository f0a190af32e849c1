import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  // A suggestionCampaign: a period and the org whose workers it invites; criteria as JSON [{key,label,max}].
  await db.schema
    .createTable('suggestion_campaigns')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('org_path', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('starts_on', 'text', (c) => c.notNull())
    .addColumn('ends_on', 'text', (c) => c.notNull())
    .addColumn('criteria', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('suggestion_campaigns_org_path').on('suggestion_campaigns').columns(['org_path', 'starts_on']).execute();

  // A suggestion is placed by its lead author's unit (org_path), so the union side of that subtree sees it.
  await db.schema
    .createTable('suggestions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('campaign_id', 'text', (c) => c.notNull().references('suggestion_campaigns.id'))
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('org_path', 'text', (c) => c.notNull())
    .addColumn('lead_person_id', 'text', (c) => c.notNull().references('persons.id'))
    .addColumn('team_name', 'text')
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('problem', 'text', (c) => c.notNull())
    .addColumn('proposal', 'text', (c) => c.notNull())
    .addColumn('expected_benefit', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('submitted_at', 'text', (c) => c.notNull())
    .addColumn('submitted_on', 'text', (c) => c.notNull())
    .addColumn('return_reason', 'text')
    .addColumn('merged_into_id', 'text')
    .addColumn('decision', 'text')
    .addColumn('decision_note', 'text')
    .addColumn('decided_on', 'text')
    .addColumn('decided_item_id', 'text')
    .addColumn('implemented_on', 'text')
    .addColumn('benefit_kind', 'text')
    .addColumn('benefit_fen', 'integer')
    .addColumn('benefit_note', 'text')
    .addColumn('benefit_recorded_by', 'text')
    .addColumn('benefit_verified_by', 'text')
    .addColumn('verified_on', 'text')
    .addColumn('reward_fen', 'integer')
    .addColumn('reward_paid_on', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  // The desk's list over a subtree, newest first; the campaign's statistics; the state counts.
  await db.schema.createIndex('suggestions_org_path').on('suggestions').columns(['org_path', 'submitted_at']).execute();
  await db.schema.createIndex('suggestions_submitted').on('suggestions').columns(['submitted_at', 'id']).execute();
  await db.schema.createIndex('suggestions_campaign').on('suggestions').columns(['campaign_id', 'status']).execute();
  await db.schema.createIndex('suggestions_campaign_submitted').on('suggestions').columns(['campaign_id', 'submitted_at', 'id']).execute();

  await db.schema
    .createTable('suggestion_authors')
    .addColumn('suggestion_id', 'text', (c) => c.notNull().references('suggestions.id'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('persons.id'))
    .addColumn('lead', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('suggestion_authors_pk', ['suggestion_id', 'person_id'])
    .execute();
  await db.schema.createIndex('suggestion_authors_person').on('suggestion_authors').columns(['person_id', 'suggestion_id']).execute();

  // One row per assigned evaluator; scores (JSON) stay null until they score.
  await db.schema
    .createTable('suggestion_evaluations')
    .addColumn('suggestion_id', 'text', (c) => c.notNull().references('suggestions.id'))
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('scores', 'text')
    .addColumn('total', 'integer')
    .addColumn('comment', 'text')
    .addColumn('assigned_at', 'text', (c) => c.notNull())
    .addColumn('scored_at', 'text')
    .addPrimaryKeyConstraint('suggestion_evaluations_pk', ['suggestion_id', 'account_id'])
    .execute();
  await db.schema.createIndex('suggestion_evaluations_account').on('suggestion_evaluations').columns(['account_id', 'suggestion_id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['suggestion_evaluations', 'suggestion_authors', 'suggestions', 'suggestion_campaigns']) await db.schema.dropTable(t).execute();
}
