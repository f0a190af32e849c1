/**
 * Reminders to the publisher of a periodic notice: from REMIND_DAYS_AHEAD days before its next
 * issue is due, and once it is overdue. Each notice is claimed once by key (core notifyOnce,
 * the due date in the key), so a second run or a second instance sends nothing twice.
 */
import type { Db } from '../../core/db/database.js';
import type { JobDefinition } from '../../core/jobs/scheduler.js';
import { notifyOnce } from '../../core/notify/index.js';
import { addDays, shanghaiDate } from '../../core/calendar/calendar.js';
import { t } from '../../core/i18n/messages.js';
import { REMIND_DAYS_AHEAD } from '../../../common/notices.js';
import { dueNotices } from './notices.repository.js';
import { NM } from './notices.messages.js';

const BATCH = 500;
/** An issue overdue for longer than this is no longer news to its publisher. */
const OVERDUE_WINDOW_DAYS = 60;

export async function remindDue(db: Db, now: Date): Promise<number> {
  const today = shanghaiDate(now);
  const rows = await dueNotices(db, addDays(today, -OVERDUE_WINDOW_DAYS), addDays(today, REMIND_DAYS_AHEAD), BATCH);
  let sent = 0;
  for (const n of rows) {
    const overdue = n.next_due_date! < today;
    const params = { title: n.title, due: n.next_due_date };
    const ok = await db.transaction().execute((tx) =>
      notifyOnce(tx, `notice.${overdue ? 'overdue' : 'due'}:${n.id}:${n.next_due_date}`, {
        accountIds: [n.published_by],
        kind: overdue ? 'notices.overdue' : 'notices.due',
        title: t('zh-CN', overdue ? NM['notices.overdue.title'] : NM['notices.due.title'], params),
        body: t('zh-CN', overdue ? NM['notices.overdue.body'] : NM['notices.due.body'], params),
        link: `/notices/${n.id}`,
      }),
    );
    if (ok) sent++;
  }
  return sent;
}

export const noticesJobs: JobDefinition[] = [
  { name: 'notices.remind', intervalMs: 60 * 60_000, run: ({ db, now }) => remindDue(db, now).then(() => undefined) },
];
