/**
 * The search filter `q` reads the newest matches only (issue #16, SEARCH_NEWEST in
 * appeals.repository.ts), so a list with a common word does not first collect every appeal
 * that contains it. That needs the search index in the order appeals arrived: on SQLite the
 * FTS rowid is that order already; on PostgreSQL `seq` keeps it (existing documents are
 * numbered in the table's order, which is the order they were written in).
 */
import { sql, type Kysely } from 'kysely';
import { engineOf } from '../../../core/db/dialect.js';

export async function up(db: Kysely<any>): Promise<void> {
  if (engineOf(db) !== 'postgres') return;
  await sql`alter table appeal_search add column seq bigserial`.execute(db);
  await sql`create index appeal_search_seq on appeal_search (seq)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  if (engineOf(db) !== 'postgres') return;
  await sql`drop index appeal_search_seq`.execute(db);
  await sql`alter table appeal_search drop column seq`.execute(db);
}
