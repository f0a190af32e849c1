import type { Kysely } from 'kysely';
import { createSearchIndex, dropSearchIndex } from '../../../core/search/search.js';

export async function up(db: Kysely<any>): Promise<void> {
  // One row per version; versions of one policy share series_id (the first version's id).
  await db.schema
    .createTable('policies')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('series_id', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('issuer', 'text', (c) => c.notNull())
    .addColumn('doc_number', 'text')
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('effective_date', 'text', (c) => c.notNull())
    .addColumn('repeal_date', 'text')
    .addColumn('superseded_by', 'text')
    .addColumn('article_count', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('policies_series_version', ['series_id', 'version'])
    .execute();
  await db.schema.createIndex('policies_org_effective').on('policies').columns(['org_id', 'effective_date']).execute();
  await db.schema.createIndex('policies_updated').on('policies').column('updated_at').execute();

  await db.schema
    .createTable('policy_articles')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('policy_id', 'text', (c) => c.notNull().references('policies.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('chapter', 'text')
    .addColumn('body', 'text', (c) => c.notNull())
    .addUniqueConstraint('policy_articles_policy_seq', ['policy_id', 'seq'])
    .execute();
  await createSearchIndex(db, 'policy_article_search');

  await db.schema
    .createTable('policy_questions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    // Where the question is placed: the asker's team, or for an anonymous question its unit (匿名规则).
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    // The top of the asker's tree: whose FAQ an answer joins.
    .addColumn('library_org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('author_account_id', 'text')
    .addColumn('author_person_id', 'text')
    .addColumn('author_name', 'text')
    .addColumn('author_category', 'text')
    .addColumn('anonymous', 'integer', (c) => c.notNull())
    .addColumn('topic', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('asked_at', 'text', (c) => c.notNull())
    .addColumn('asked_date', 'text', (c) => c.notNull())
    .addColumn('due_date', 'text', (c) => c.notNull())
    .addColumn('answer', 'text')
    .addColumn('answered_at', 'text')
    .addColumn('answered_by', 'text')
    .addColumn('on_time', 'integer')
    .addColumn('faq_title', 'text')
    .addColumn('faq_answer', 'text')
    .addColumn('published_at', 'text')
    .addColumn('deflections', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('review_needed', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('policy_questions_asked').on('policy_questions').column('asked_at').execute();
  await db.schema.createIndex('policy_questions_org_asked').on('policy_questions').columns(['org_id', 'asked_date']).execute();
  await db.schema.createIndex('policy_questions_status_due').on('policy_questions').columns(['status', 'due_date']).execute();
  await db.schema.createIndex('policy_questions_author').on('policy_questions').columns(['author_account_id', 'asked_at']).execute();
  await db.schema.createIndex('policy_questions_faq').on('policy_questions').columns(['library_org_id', 'status', 'published_at']).execute();
  await createSearchIndex(db, 'policy_question_search');
  await createSearchIndex(db, 'policy_faq_search');

  await db.schema
    .createTable('policy_citations')
    .addColumn('question_id', 'text', (c) => c.notNull().references('policy_questions.id'))
    .addColumn('article_id', 'text', (c) => c.notNull().references('policy_articles.id'))
    .addColumn('policy_id', 'text', (c) => c.notNull().references('policies.id'))
    .addPrimaryKeyConstraint('policy_citations_pk', ['question_id', 'article_id'])
    .execute();
  await db.schema.createIndex('policy_citations_policy').on('policy_citations').column('policy_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('policy_citations').execute();
  for (const s of ['policy_faq_search', 'policy_question_search', 'policy_article_search']) await dropSearchIndex(db, s);
  for (const t of ['policy_questions', 'policy_articles', 'policies']) await db.schema.dropTable(t).execute();
}
