/**
 * Reminders to non-respondents of open surveys: from the day after opening, at most once a
 * day per survey and worker (core notifyOnce, key per Beijing day), never in quiet hours —
 * a tick inside them sends nothing and a later tick that day does.
 */
import { inWindow, minutesOf } from '../../../common/school.js';
import { QUIET_END, QUIET_START } from '../../../common/surveys.js';
import { shanghaiDate } from '../../core/calendar/calendar.js';
import type { Db } from '../../core/db/database.js';
import { t } from '../../core/i18n/messages.js';
import type { JobDefinition } from '../../core/jobs/scheduler.js';
import { notifyOnce } from '../../core/notify/index.js';
import { SM } from './surveys.messages.js';
import { sdb } from './surveys.tables.js';

export function inQuietHours(now: Date): boolean {
  const local = new Date(now.getTime() + 8 * 3_600_000);
  return inWindow(local.getUTCHours() * 60 + local.getUTCMinutes(), minutesOf(QUIET_START), minutesOf(QUIET_END));
}

/** Sends today's reminders; returns how many notices went out. */
export async function remindNonRespondents(db: Db, now: Date): Promise<number> {
  if (inQuietHours(now)) return 0;
  const today = shanghaiDate(now);
  const surveys = await sdb(db)
    .selectFrom('surveys')
    .select(['id', 'title', 'closes_on'])
    .where('status', '=', 'open')
    .where('opened_on', '<', today)
    .where('closes_on', '>=', today)
    .execute();
  let sent = 0;
  for (const s of surveys) {
    const accounts = await sdb(db)
      .selectFrom('survey_recipients as r')
      .innerJoin('accounts as a', 'a.person_id', 'r.person_id')
      .select('a.id')
      .where('r.survey_id', '=', s.id)
      .where('r.answered', '=', 0)
      .where('a.disabled', '=', 0)
      .execute();
    const params = { title: s.title, closesOn: s.closes_on };
    const title = t('zh-CN', SM['surveys.remind.title'], params);
    const body = t('zh-CN', SM['surveys.remind.body'], params);
    for (let i = 0; i < accounts.length; i += 500) {
      await db.transaction().execute(async (tx) => {
        for (const a of accounts.slice(i, i + 500)) {
          if (
            await notifyOnce(tx, `surveys.remind:${s.id}:${a.id}:${today}`, {
              accountIds: [a.id],
              kind: 'surveys.remind',
              title,
              body,
              link: `/surveys/answer/${s.id}`,
            })
          )
            sent++;
        }
      });
    }
  }
  return sent;
}

export const surveysJobs: JobDefinition[] = [
  { name: 'surveys.remind', intervalMs: 60 * 60_000, run: ({ db, now }) => remindNonRespondents(db, now).then(() => undefined) },
];
