/**
 * The deadline sweep: marks overdue appeals and escalates them to the union chair, and
 * reminds handlers 3, 1 and 0 working days before their deadline.
 *
 * Idempotent on purpose: each reminder or escalation is first recorded in
 * appeal_reminders under (appeal, kind, deadline); only the run whose insert succeeds
 * sends it. Running the sweep twice, or on two instances at once, sends nothing twice; a
 * new deadline (extension, reopen) is a new key, so its reminders go out again.
 */
import type { Db } from '../../core/db/database.js';
import type { JobDefinition } from '../../core/jobs/scheduler.js';
import { recordAudit } from '../../core/audit/audit.js';
import { systemContext } from '../../core/context.js';
import { addDays, shanghaiDate } from '../../core/calendar/calendar.js';
import { t } from '../../core/i18n/messages.js';
import { claimReminder, dueSoon } from './appeals.reminders.js';
import { updateAppeal } from './appeals.writes.js';
import { step, SYSTEM } from './appeals.timeline.js';
import { calendarFor } from './deadlines.js';
import { appealLink, handlersOf, send, unionPeople } from './appeals.notices.js';

/** Working days left at which handlers hear about a deadline. */
export const REMINDER_DAYS = [3, 1, 0] as const;

export async function sweepDeadlines(db: Db, now: Date): Promise<{ overdue: number; reminders: number }> {
  const today = shanghaiDate(now);
  const iso = now.toISOString();
  let overdue = 0;
  let reminders = 0;
  // Three working days never span more than a fortnight, even across the Spring Festival.
  for (const a of await dueSoon(db, addDays(today, 14))) {
    const stage = a.status === 'submitted' ? 'accept' : 'answer';
    const due = a.current_due!;
    if (due < today) {
      const sent = await db.transaction().execute(async (tx) => {
        if (!(await claimReminder(tx, a.id, `${stage}:overdue`, due, iso))) return false;
        // Only a missed answer deadline makes the appeal late for the on-time closure rate.
        await updateAppeal(tx, a.id, null, stage === 'answer' ? { overdue_at: iso, late: 1 } : { overdue_at: iso });
        await step({ tx, iso, actor: null }, a.id, 'overdue', SYSTEM, { data: { stage, deadline: due }, internal: true });
        await recordAudit(tx, systemContext(), { action: 'appeal.overdue', entityType: 'appeal', entityId: a.id, changes: { stage, deadline: due } });
        const chairs = await unionPeople(tx, a.org_path, ['unionChair']);
        const handlers = stage === 'answer' && a.department_path ? await handlersOf(tx, a.department_path) : [];
        await send(
          tx,
          'overdue',
          [...chairs, ...handlers],
          { code: a.code, deadline: due, stage: t('zh-CN', `appeals.stage.${stage}`) },
          appealLink(a.id),
          a.org_path,
        );
        return true;
      });
      if (sent) overdue++;
      continue;
    }
    if (stage !== 'answer' || !a.department_path) continue;
    const left = (await calendarFor(db, a.org_path)).workingDaysBetween(today, due);
    // The nearest threshold not yet passed; a sweep that missed a day still sends the latest one.
    const threshold = REMINDER_DAYS.filter((d) => left <= d).at(-1);
    if (threshold === undefined) continue;
    const sent = await db.transaction().execute(async (tx) => {
      if (!(await claimReminder(tx, a.id, `answer:remind${threshold}`, due, iso))) return false;
      const handlers = await handlersOf(tx, a.department_path!);
      await send(tx, threshold === 0 ? 'dueToday' : 'reminder', handlers, { code: a.code, deadline: due, days: left }, appealLink(a.id));
      return true;
    });
    if (sent) reminders++;
  }
  return { overdue, reminders };
}

export const jobs: JobDefinition[] = [
  {
    name: 'appeals.deadlines',
    // Every 15 minutes: an appeal turns overdue at midnight, and a chair should know in the morning.
    intervalMs: 15 * 60_000,
    run: async ({ db, now }) => {
      await sweepDeadlines(db, now);
    },
  },
];
