import type { Kysely } from 'kysely';
import { pathColumn } from '../../../core/db/dialect.js';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('surveys')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('org_path', pathColumn(db), (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('anonymous', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('target', 'text', (c) => c.notNull())
    .addColumn('closes_on', 'text', (c) => c.notNull())
    .addColumn('opened_at', 'text')
    .addColumn('opened_on', 'text')
    .addColumn('closed_at', 'text')
    .addColumn('recipient_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('answered_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('surveys_org_path').on('surveys').columns(['org_path', 'created_at']).execute();
  await db.schema.createIndex('surveys_status').on('surveys').columns(['status', 'opened_on']).execute();

  await db.schema
    .createTable('survey_questions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('survey_id', 'text', (c) => c.notNull().references('surveys.id'))
    .addColumn('sort', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('options', 'text', (c) => c.notNull())
    .addColumn('scale_min', 'integer')
    .addColumn('scale_max', 'integer')
    .addColumn('required', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('survey_questions_survey').on('survey_questions').columns(['survey_id', 'sort']).execute();

  // The frozen list: who was asked when the survey opened, with the attributes results are cut by.
  // `answered` is the only trace of an answer here — no time, no key shared with the answers.
  await db.schema
    .createTable('survey_recipients')
    .addColumn('survey_id', 'text', (c) => c.notNull().references('surveys.id'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('persons.id'))
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('org_path', pathColumn(db), (c) => c.notNull())
    .addColumn('unit_id', 'text', (c) => c.notNull())
    .addColumn('category', 'text')
    .addColumn('gender', 'text')
    .addColumn('union_member', 'integer', (c) => c.notNull())
    .addColumn('answered', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('survey_recipients_pk', ['survey_id', 'person_id'])
    .execute();
  await db.schema.createIndex('survey_recipients_person').on('survey_recipients').columns(['person_id', 'survey_id']).execute();
  await db.schema.createIndex('survey_recipients_open').on('survey_recipients').columns(['survey_id', 'answered', 'org_path']).execute();

  // A response carries the recipient's cut attributes but, for an anonymous survey, no person
  // and no time; its id is random (not time-ordered) so neither reveals when it came.
  await db.schema
    .createTable('survey_responses')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('survey_id', 'text', (c) => c.notNull().references('surveys.id'))
    .addColumn('person_id', 'text')
    .addColumn('submitted_at', 'text')
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'text', (c) => c.notNull())
    .addColumn('category', 'text')
    .addColumn('gender', 'text')
    .addColumn('union_member', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('survey_responses_survey')
    .on('survey_responses')
    .columns(['survey_id', 'unit_id', 'org_id', 'category', 'gender', 'union_member'])
    .execute();

  await db.schema
    .createTable('survey_answers')
    .addColumn('response_id', 'text', (c) => c.notNull().references('survey_responses.id'))
    .addColumn('survey_id', 'text', (c) => c.notNull())
    .addColumn('question_id', 'text', (c) => c.notNull())
    .addColumn('choice', 'integer')
    .addColumn('rank', 'integer')
    .addColumn('value', 'real')
    .addColumn('text', 'text')
    // The response's cut attributes, copied so a result cut is one covering-index scan, no join.
    .addColumn('unit_id', 'text', (c) => c.notNull())
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('category', 'text')
    .addColumn('gender', 'text')
    .addColumn('union_member', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('survey_answers_question')
    .on('survey_answers')
    .columns(['survey_id', 'question_id', 'choice', 'rank', 'value', 'unit_id', 'org_id', 'category', 'gender', 'union_member'])
    .execute();
  await db.schema.createIndex('survey_answers_response').on('survey_answers').column('response_id').execute();

  // Save and resume, for named surveys only: an anonymous survey's draft stays on the phone.
  await db.schema
    .createTable('survey_drafts')
    .addColumn('survey_id', 'text', (c) => c.notNull().references('surveys.id'))
    .addColumn('person_id', 'text', (c) => c.notNull())
    .addColumn('answers', 'text', (c) => c.notNull())
    .addColumn('saved_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('survey_drafts_pk', ['survey_id', 'person_id'])
    .execute();

  await db.schema
    .createTable('screening_items')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('org_path', pathColumn(db), (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('source_ref', 'text')
    .addColumn('severity', 'text', (c) => c.notNull())
    .addColumn('owner_account_id', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('raised_on', 'text', (c) => c.notNull())
    .addColumn('due_date', 'text')
    .addColumn('closed_on', 'text')
    .addColumn('note', 'text')
    .addColumn('decided_item_id', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('screening_items_org').on('screening_items').columns(['org_path', 'status', 'raised_on']).execute();
  await db.schema.createIndex('screening_items_status').on('screening_items').columns(['status', 'raised_on']).execute();
  await db.schema.createIndex('screening_items_owner').on('screening_items').column('owner_account_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['screening_items', 'survey_drafts', 'survey_answers', 'survey_responses', 'survey_recipients', 'survey_questions', 'surveys'])
    await db.schema.dropTable(t).execute();
}
