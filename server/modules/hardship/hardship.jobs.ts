/**
 * Reminders for the yearly review and the callbacks after exit: the officers of a file are told
 * once, REMIND_DAYS_BEFORE days ahead (or at once when already late). notifyOnce claims a key per
 * review or callback row, so reruns and second instances stay silent; a new review is a new row, a new key.
 */
import { addDays, shanghaiDate } from '../../core/calendar/calendar.js';
import type { Db } from '../../core/db/database.js';
import type { JobDefinition } from '../../core/jobs/scheduler.js';
import { notifyOnce } from '../../core/notify/index.js';
import { REMIND_DAYS_BEFORE } from '../../../common/hardship.js';
import { notice, officersOf } from './hardship.load.js';
import * as repo from './hardship.repository.js';

export async function remindDue(db: Db, now: Date): Promise<number> {
  const until = addDays(shanghaiDate(now), REMIND_DAYS_BEFORE);
  let sent = 0;
  for (const r of await repo.reviewsDue(db, until)) {
    const ok = await db
      .transaction()
      .execute(async (tx) =>
        notifyOnce(tx, `hardship.review:${r.id}`, notice('reviewDue', { code: r.code, due: r.due_date }, await officersOf(tx, r.org_path), r.profile_id)),
      );
    if (ok) sent++;
  }
  for (const c of await repo.callbacksDue(db, until)) {
    const ok = await db
      .transaction()
      .execute(async (tx) =>
        notifyOnce(
          tx,
          `hardship.callback:${c.id}`,
          notice('callbackDue', { code: c.code, month: c.month, due: c.due_date }, await officersOf(tx, c.org_path), c.profile_id),
        ),
      );
    if (ok) sent++;
  }
  return sent;
}

export const hardshipJobs: JobDefinition[] = [
  { name: 'hardship.reminders', intervalMs: 60 * 60_000, run: ({ db, now }) => remindDue(db, now).then(() => undefined) },
];
