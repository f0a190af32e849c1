/**
 * The due sweep of decided items ('core.decidedItemsDue'): reminds the owner and co-owners
 * 3, 1 and 0 working days before the due date, and once the date has passed marks the item
 * overdue and tells the union chair of its org. Every notice is claimed under a key first
 * (notifyOnce), so a second run, or a second instance, sends nothing twice.
 */
import type { Db } from '../db/database.js';
import type { WriteCall } from '../call.js';
import type { JobDefinition } from '../jobs/scheduler.js';
import { addDays, shanghaiDate, workCalendar } from '../calendar/calendar.js';
import { systemContext } from '../context.js';
import { AppError } from '../errors.js';
import { holdersOf, notifyOnce } from '../notify/index.js';
import { transition } from '../workflow/index.js';
import { coOwnersOf } from './decidedItems.repository.js';
import { dq } from './decidedItems.tables.js';
import { DECIDED_KIND } from './decidedItems.service.js';

/** Working days left at which owners hear about a due date. */
export const DECIDED_REMINDER_DAYS = [3, 1, 0] as const;

/** The sweep's actor: nobody. Its events are recorded without an actor (anonymous). */
const SYSTEM = { accountId: 'system', displayName: '系统', personId: null, grants: [], via: 'session' as const };

const link = (id: string) => `/decided-items/${id}`;

export async function sweepDecidedItems(db: Db, now: Date): Promise<{ overdue: number; reminders: number }> {
  const today = shanghaiDate(now);
  const iso = now.toISOString();
  const call = (tx: WriteCall['tx']): WriteCall => ({ db, tx, actor: SYSTEM, ctx: systemContext(), now, iso });
  let overdue = 0;
  let reminders = 0;
  // Three working days never span more than a fortnight, even across the Spring Festival.
  const due = await dq(db)
    .selectFrom('decided_items')
    .select(['id', 'title', 'status', 'due_date', 'org_path', 'owner_account_id'])
    .where('status', 'in', ['planned', 'inProgress'])
    .where('due_date', '<=', addDays(today, 14))
    .orderBy('due_date')
    .execute();
  for (const item of due) {
    if (item.due_date < today) {
      // An owner who closed the item a moment ago wins: its status no longer allows the move (409), nothing to do.
      const moved = await db
        .transaction()
        .execute(async (tx) => {
          await transition(call(tx), {
            kind: DECIDED_KIND,
            table: 'decided_items',
            id: item.id,
            from: ['planned', 'inProgress'],
            to: 'overdue',
            event: 'overdue',
            anonymous: true,
            data: { dueDate: item.due_date },
          });
          const chairs = (await holdersOf(tx, ['unionChair'], item.org_path)).map((h) => h.accountId);
          await notifyOnce(tx, `decidedItem.overdue:${item.id}:${item.due_date}`, {
            accountIds: [...new Set([...chairs, item.owner_account_id])],
            kind: 'decidedItem.overdue',
            title: '督办事项已逾期',
            body: `「${item.title}」应于 ${item.due_date} 完成，尚未办结`,
            link: link(item.id),
            orgPath: item.org_path,
          });
          return true;
        })
        .catch((e: unknown) => {
          if (e instanceof AppError && e.status === 409) return false;
          throw e;
        });
      if (moved) overdue++;
      continue;
    }
    const left = (await workCalendar(db, item.org_path)).workingDaysBetween(today, item.due_date);
    // The nearest threshold not yet passed; a sweep that missed a day still sends the latest one.
    const threshold = DECIDED_REMINDER_DAYS.filter((d) => left <= d).at(-1);
    if (threshold === undefined) continue;
    const sent = await db.transaction().execute(async (tx) => {
      const co = (await coOwnersOf(tx, [item.id])).get(item.id) ?? [];
      return notifyOnce(tx, `decidedItem.due:${item.id}:${item.due_date}:${threshold}`, {
        accountIds: [item.owner_account_id, ...co],
        kind: 'decidedItem.due',
        title: threshold === 0 ? '督办事项今天到期' : `督办事项 ${left} 个工作日后到期`,
        body: `「${item.title}」完成期限 ${item.due_date}，请及时报告进度`,
        link: link(item.id),
      });
    });
    if (sent) reminders++;
  }
  return { overdue, reminders };
}

export const decidedItemJobs: JobDefinition[] = [
  {
    name: 'core.decidedItemsDue',
    // Every 15 minutes: an item turns overdue at midnight, and the chair should know in the morning.
    intervalMs: 15 * 60_000,
    run: async ({ db, now }) => {
      await sweepDecidedItems(db, now);
    },
  },
];
