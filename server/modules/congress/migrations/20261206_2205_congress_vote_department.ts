/**
 * 承办部门 of a resolution: the department that carries out what the congress resolved, so the
 * passed resolution's decided item is owned there rather than by whoever closed the vote.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('congress_votes')
    .addColumn('department_id', 'text', (c) => c.references('orgs.id'))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('congress_votes').dropColumn('department_id').execute();
}
