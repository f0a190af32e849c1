/**
 * Reminders for questions waiting for an answer: union staff hear one working day ahead and on
 * the deadline day, union chairs once a question is overdue. Each notice is claimed once by key
 * (core notifyOnce), so a second run or a second instance sends nothing twice.
 */
import type { Db } from '../../core/db/database.js';
import type { JobDefinition } from '../../core/jobs/scheduler.js';
import { holdersOf, notifyOnce } from '../../core/notify/index.js';
import { addDays, shanghaiDate, workCalendar } from '../../core/calendar/calendar.js';
import { t } from '../../core/i18n/messages.js';
import { dueQuestions, setSignature, unsignedQuestions } from './policies.repository.js';
import { PM } from './policies.messages.js';
import { forgetViewers } from './faqUse.repository.js';
import { questionSignature } from './policies.explain.js';

const BATCH = 500;

export async function remindUnanswered(db: Db, now: Date): Promise<number> {
  const today = shanghaiDate(now);
  // A week ahead covers the next working day across any holiday; the calendar decides below.
  const rows = await dueQuestions(db, addDays(today, 10), BATCH);
  let sent = 0;
  for (const q of rows) {
    const cal = await workCalendar(db, q.org_path);
    const overdue = q.due_date < today;
    if (!overdue && q.due_date > cal.addWorkingDays(today, 1)) continue;
    const params = { title: q.title, due: q.due_date };
    const ok = await db.transaction().execute(async (tx) => {
      const to = await holdersOf(tx, [overdue ? 'unionChair' : 'unionStaff'], q.org_path);
      if (!to.length) return false;
      return notifyOnce(tx, `policyQuestion.${overdue ? 'overdue' : 'due'}:${q.id}:${q.due_date}`, {
        accountIds: to.map((h) => h.accountId),
        kind: overdue ? 'policies.overdue' : 'policies.due',
        title: t('zh-CN', overdue ? PM['policies.overdue.title'] : PM['policies.due.title'], params),
        body: t('zh-CN', overdue ? PM['policies.overdue.body'] : PM['policies.due.body'], params),
        link: `/policies/questions/${q.id}`,
        orgPath: q.org_path,
      });
    });
    if (ok) sent++;
  }
  return sent;
}

/**
 * Questions asked before signatures were kept at ask time get theirs, a batch per run (the
 * migration that added the column may not run module code); how many were signed.
 */
export async function signOldQuestions(db: Db): Promise<number> {
  const rows = await unsignedQuestions(db, BATCH);
  if (rows.length)
    await db.transaction().execute(async (tx) => {
      for (const q of rows) await setSignature(tx, q.id, questionSignature(q.title, q.body));
    });
  return rows.length;
}

export const policiesJobs: JobDefinition[] = [
  { name: 'policies.remind', intervalMs: 15 * 60_000, run: ({ db, now }) => remindUnanswered(db, now).then(() => undefined) },
  // Hourly, so a key outlives its Beijing day by at most an hour, whenever the server was down.
  { name: 'policies.forgetViewers', intervalMs: 60 * 60_000, run: ({ db, now }) => forgetViewers(db, shanghaiDate(now)).then(() => undefined) },
  { name: 'policies.signatures', intervalMs: 15 * 60_000, run: ({ db }) => signOldQuestions(db).then(() => undefined) },
];
