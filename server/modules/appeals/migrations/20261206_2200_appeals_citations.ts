/**
 * Articles of the policy library an appeal's answer or decline cites (issue #19): the appeal
 * keeps the article ids; whether a cited policy was since amended or repealed is read from the
 * library when the appeal is shown, so the flag can never fall behind the library.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('appeal_citations')
    .addColumn('appeal_id', 'text', (c) => c.notNull())
    .addColumn('article_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('appeal_citations_pk', ['appeal_id', 'kind', 'article_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('appeal_citations').execute();
}
