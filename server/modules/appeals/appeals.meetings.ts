/**
 * An appeal taken to a union meeting (例会、联席会): what meetings may learn of it to put it on
 * an agenda — its code, title and unit, never its author — and the meeting's outcome written
 * back on the appeal's timeline, where the worker reads it as the union's step.
 */
import type { Tx } from '../../core/db/database.js';
import { step, STAFF } from './appeals.timeline.js';
import { adb } from './appeals.tables.js';

export async function appealForAgenda(db: Tx, code: string): Promise<{ id: string; code: string; title: string; unitPath: string } | undefined> {
  const row = await adb(db)
    .selectFrom('appeals as a')
    .innerJoin('orgs as u', 'u.id', 'a.unit_id')
    .select(['a.id', 'a.code', 'a.title', 'u.path as unitPath'])
    .where('a.code', '=', code)
    .executeTakeFirst();
  return row;
}

/** The meeting's conclusion on the appeal, on its timeline (shown to the worker as 工会). */
export async function recordMeetingOutcome(tx: Tx, input: { appealId: string; at: string; meetingTitle: string; outcome: string }): Promise<void> {
  await step({ tx, iso: input.at, actor: null }, input.appealId, 'meeting', STAFF, { note: input.outcome, data: { meetingTitle: input.meetingTitle } });
}

/** Number and title of the appeals a meeting's agenda studies. */
export async function appealsOnAgenda(db: Tx, ids: string[]): Promise<{ id: string; code: string; title: string }[]> {
  if (!ids.length) return [];
  return adb(db).selectFrom('appeals').select(['id', 'code', 'title']).where('id', 'in', ids).execute();
}
