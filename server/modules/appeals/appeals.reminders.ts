/** The deadline sweep's reads and its once-per-deadline reminder claims (appeals.jobs.ts). */
import type { Tx } from '../../core/db/database.js';
import { adb } from './appeals.tables.js';

/** Records that a reminder went out; false when it already had (this run or another instance's). */
export async function claimReminder(db: Tx, appealId: string, kind: string, dueDate: string, at: string): Promise<boolean> {
  const res = await adb(db)
    .insertInto('appeal_reminders')
    .values({ appeal_id: appealId, kind, due_date: dueDate, sent_at: at })
    .onConflict((oc) => oc.columns(['appeal_id', 'kind', 'due_date']).doNothing())
    .executeTakeFirst();
  return Number(res.numInsertedOrUpdatedRows ?? 0) === 1;
}

/** Open appeals whose current deadline is on or before `until`: the sweep's work list. */
export function dueSoon(db: Tx, until: string) {
  return adb(db)
    .selectFrom('appeals as a')
    .innerJoin('orgs as o', 'o.id', 'a.org_id')
    .leftJoin('orgs as d', 'd.id', 'a.department_id')
    .select(['a.id', 'a.code', 'a.title', 'a.status', 'a.current_due', 'a.overdue_at', 'a.department_id', 'o.path as org_path', 'd.path as department_path'])
    .where('a.current_due', 'is not', null)
    .where('a.current_due', '<=', until)
    .where('a.status', 'in', ['submitted', 'accepted', 'assigned', 'handling'])
    .orderBy('a.current_due')
    .execute();
}
