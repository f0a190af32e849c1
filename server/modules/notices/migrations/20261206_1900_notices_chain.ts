import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('notices')
    .addColumn('id', 'text', (c) => c.primaryKey())
    // The scope: the notice reaches this org's subtree.
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    // ',contract,dispatched,' — a LIKE on one column filters a list by the reader's category; null = everyone.
    .addColumn('categories', 'text')
    .addColumn('schedule', 'text')
    .addColumn('next_due_date', 'text')
    .addColumn('follows_id', 'text')
    .addColumn('followed_at', 'text')
    // 1 when the next issue came on or before next_due_date; null until it comes.
    .addColumn('followed_on_time', 'integer')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('source_kind', 'text')
    .addColumn('source_id', 'text')
    .addColumn('source_label', 'text')
    // Workers in the scope (and categories) when it was published: the read rate's frozen denominator.
    .addColumn('recipients', 'integer', (c) => c.notNull())
    .addColumn('published_by', 'text', (c) => c.notNull())
    .addColumn('published_at', 'text', (c) => c.notNull())
    .addColumn('published_date', 'text', (c) => c.notNull())
    .addColumn('corrected_at', 'text')
    .addColumn('withdrawn_at', 'text')
    .addColumn('withdraw_reason', 'text')
    .addColumn('chain_seq', 'integer', (c) => c.notNull())
    .addColumn('chain_hash', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('notices_published').on('notices').columns(['published_at', 'id']).execute();
  await db.schema.createIndex('notices_org_date').on('notices').columns(['org_id', 'published_date']).execute();
  await db.schema.createIndex('notices_due').on('notices').columns(['kind', 'next_due_date']).execute();

  // Per notice: recipients by unit (the child of the scope org they sit under) and employment category.
  await db.schema
    .createTable('notice_recipient_counts')
    .addColumn('notice_id', 'text', (c) => c.notNull().references('notices.id'))
    .addColumn('unit_id', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('recipients', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('notice_recipient_counts_pk', ['notice_id', 'unit_id', 'category'])
    .execute();

  // One receipt per recipient (a person, whatever account they read with): the primary key makes a second read a no-op.
  await db.schema
    .createTable('notice_receipts')
    .addColumn('notice_id', 'text', (c) => c.notNull())
    .addColumn('person_id', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('read_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('notice_receipts_pk', ['notice_id', 'person_id'])
    .execute();

  await db.schema
    .createTable('notice_questions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('notice_id', 'text', (c) => c.notNull().references('notices.id'))
    // The asker's org; for an anonymous question their unit (匿名规则).
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('author_account_id', 'text')
    .addColumn('author_name', 'text')
    .addColumn('anonymous', 'integer', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('asked_at', 'text', (c) => c.notNull())
    .addColumn('asked_date', 'text', (c) => c.notNull())
    .addColumn('answer', 'text')
    .addColumn('answered_at', 'text')
    .addColumn('answered_by', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('notice_questions_notice').on('notice_questions').columns(['notice_id', 'asked_at']).execute();
  await db.schema.createIndex('notice_questions_org_date').on('notice_questions').columns(['org_id', 'asked_date']).execute();
  await db.schema.createIndex('notice_questions_author').on('notice_questions').columns(['author_account_id', 'asked_at']).execute();

  // The tamper-evident history: entry n's hash covers its canonical content and entry n−1's hash.
  await db.schema
    .createTable('notice_chain')
    .addColumn('seq', 'integer', (c) => c.primaryKey())
    .addColumn('notice_id', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('prev_hash', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('notice_chain_notice').on('notice_chain').columns(['notice_id', 'seq']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['notice_chain', 'notice_questions', 'notice_receipts', 'notice_recipient_counts', 'notices']) await db.schema.dropTable(t).execute();
}
