import type { Kysely } from 'kysely';

/** An agenda item may carry a worker's appeal: the meeting studies it and its outcome goes back to the appeal. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('meeting_agenda_items').addColumn('appeal_id', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('meeting_agenda_items').dropColumn('appeal_id').execute();
}
