import type { Kysely } from 'kysely';

/**
 * An agenda item's planned duration in minutes, and the adopted congress proposal it takes up (a regular or joint
 * meeting studies a proposal the congress put on file; the proposal's timeline shows the meeting).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('meeting_agenda_items').addColumn('planned_minutes', 'integer').execute();
  await db.schema.alterTable('meeting_agenda_items').addColumn('proposal_id', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('meeting_agenda_items').dropColumn('proposal_id').execute();
  await db.schema.alterTable('meeting_agenda_items').dropColumn('planned_minutes').execute();
}
