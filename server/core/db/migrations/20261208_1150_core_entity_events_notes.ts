/**
 * What a timeline needs beyond a status change, so that appeals (and every module after it)
 * keeps one events table: a free-text note shown with the step, `internal` for steps the
 * record's author does not see (supervision, extensions, a missed deadline), and the role the
 * actor acted in ('author' | 'staff' | 'handler' | 'system'), which the author's own view shows
 * instead of a name.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('entity_events').addColumn('note', 'text').execute();
  await db.schema
    .alterTable('entity_events')
    .addColumn('internal', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.alterTable('entity_events').addColumn('actor_role', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('entity_events').dropColumn('actor_role').execute();
  await db.schema.alterTable('entity_events').dropColumn('internal').execute();
  await db.schema.alterTable('entity_events').dropColumn('note').execute();
}
