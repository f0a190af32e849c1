import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  // 提案: one matter per proposal, raised by a representative at a session.
  await db.schema
    .createTable('congress_proposals')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('session_id', 'text', (c) => c.notNull().references('congress_sessions.id'))
    .addColumn('proposer_id', 'text', (c) => c.notNull().references('congress_representatives.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('reasons', 'text', (c) => c.notNull())
    .addColumn('solution', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    // 立案号, per session, given when the review committee accepts it.
    .addColumn('number', 'integer')
    .addColumn('screening_reason', 'text')
    .addColumn('merged_into_id', 'text', (c) => c.references('congress_proposals.id'))
    .addColumn('department_id', 'text', (c) => c.references('orgs.id'))
    /** JSON array of org ids (会签). */
    .addColumn('co_department_ids', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('answer_due_date', 'text')
    .addColumn('answer', 'text')
    .addColumn('answered_at', 'text')
    .addColumn('rating', 'text')
    .addColumn('reopened', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('grade', 'text')
    .addColumn('grade_reason', 'text')
    .addColumn('decided_item_id', 'text')
    .addColumn('published_at', 'text')
    .addColumn('submitted_at', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('congress_proposals_session_number', ['session_id', 'number'])
    .execute();
  await db.schema.createIndex('congress_proposals_session_status').on('congress_proposals').columns(['session_id', 'status', 'submitted_at']).execute();
  await db.schema.createIndex('congress_proposals_department').on('congress_proposals').columns(['department_id', 'status']).execute();
  await db.schema.createIndex('congress_proposals_merged_into').on('congress_proposals').columns(['merged_into_id']).execute();

  // 附议: another representative of the term backs the proposal, once.
  await db.schema
    .createTable('congress_seconds')
    .addColumn('proposal_id', 'text', (c) => c.notNull().references('congress_proposals.id'))
    .addColumn('representative_id', 'text', (c) => c.notNull().references('congress_representatives.id'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('congress_seconds_pk', ['proposal_id', 'representative_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('congress_seconds').execute();
  await db.schema.dropTable('congress_proposals').execute();
}
