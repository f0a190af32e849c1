/**
 * The day-end sweep: from each school's timetable and calendar, today's lessons not logged
 * yet; each of their teachers gets one gentle reminder (notifyOnce per teacher and day), only
 * after the day's lessons are over (the school's `lessonReminderAt`, 17:30 unless it changes it)
 * and never in the school's quiet hours.
 */
import type { Db } from '../../core/db/database.js';
import type { JobDefinition } from '../../core/jobs/scheduler.js';
import { notifyOnce } from '../../core/notify/index.js';
import { t } from '../../core/i18n/messages.js';
import { minutesOf } from '../../../common/school.js';
import { allSchools, inQuietHours, settingsOfSchools, shanghaiClock } from '../school/index.js';
import * as repo from './lessonLogs.repository.js';
import { classesOfSchool, dayGroups, notLogged } from './lessonLogs.schedule.js';

export async function remindNotLogged(db: Db, now: Date): Promise<number> {
  const clock = shanghaiClock(now);
  const schools = await allSchools(db);
  const settings = await settingsOfSchools(
    db,
    schools.map((s) => s.id),
  );
  let sent = 0;
  for (const school of schools) {
    const s = settings.get(school.id)!;
    if (clock.minutes < minutesOf(s.lessonReminderAt) || inQuietHours(s, now)) continue;
    const { items: open } = await notLogged(db, await dayGroups(db, await classesOfSchool(db, school), clock.date, clock.date));
    if (!open.length) continue;
    const byTeacher = new Map<string, string[]>();
    for (const l of open) {
      (byTeacher.get(l.teacherId) ?? byTeacher.set(l.teacherId, []).get(l.teacherId)!).push(`${l.className} 第${l.period}节${l.subject}`);
    }
    const accounts = await repo.accountsOfPersons(db, [...byTeacher.keys()]);
    for (const [teacherId, lessons] of byTeacher) {
      const accountIds = accounts.filter((a) => a.person_id === teacherId).map((a) => a.id);
      if (!accountIds.length) continue;
      const params = { count: lessons.length, lessons: lessons.join('、') };
      const ok = await db.transaction().execute((tx) =>
        notifyOnce(tx, `lessonLogs.notLogged:${teacherId}:${clock.date}`, {
          accountIds,
          kind: 'lessonLogs.notLogged',
          title: t('zh-CN', 'lessonLogs.reminder.title', params),
          body: t('zh-CN', 'lessonLogs.reminder.body', params),
          link: '/lessons',
        }),
      );
      if (ok) sent++;
    }
  }
  return sent;
}

export const lessonLogsJobs: JobDefinition[] = [
  { name: 'lessonLogs.notLoggedReminders', intervalMs: 15 * 60_000, run: ({ db, now }) => remindNotLogged(db, now).then(() => undefined) },
];
