/**
 * The reminder to a head teacher whose class has no record for today by the school's set
 * time (default 14:30). Sent once per class, day and teacher (sent-key), only on the
 * class's school days, never in the school's quiet hours, and only on that same day.
 */
import type { Db } from '../../core/db/database.js';
import type { JobDefinition } from '../../core/jobs/scheduler.js';
import { notify } from '../../core/notify/notify.js';
import { t } from '../../core/i18n/messages.js';
import { minutesOf } from '../../../common/school.js';
import {
  allSchools,
  claimReminder,
  classesUnder,
  inQuietHours,
  loadSchoolCalendarSource,
  settingsOfSchools,
  shanghaiClock,
  teacherAccountsOf,
} from '../school/index.js';
import * as repo from './moralEducation.repository.js';

export async function remindHeadTeachers(db: Db, now: Date): Promise<number> {
  const clock = shanghaiClock(now);
  const schools = await allSchools(db);
  const settings = await settingsOfSchools(
    db,
    schools.map((s) => s.id),
  );
  let sent = 0;
  for (const school of schools) {
    const s = settings.get(school.id)!;
    if (clock.minutes < minutesOf(s.moralReminderAt) || inQuietHours(s, now)) continue;
    const src = await loadSchoolCalendarSource(db, school.id);
    if (!src.terms.some((term) => term.start_date <= clock.date && clock.date <= term.end_date)) continue;
    const classes = [];
    for (const cls of await classesUnder(db, school.path)) if ((await src.forOrg(cls.path)).isSchoolDay(clock.date)) classes.push(cls);
    const recorded = await repo.classesWithSession(
      db,
      classes.map((c) => c.id),
      clock.date,
    );
    const due = classes.filter((c) => !recorded.has(c.id));
    const heads = await teacherAccountsOf(
      db,
      due.map((c) => c.id),
      ['head'],
    );
    for (const cls of due) {
      for (const h of heads.filter((x) => x.class_id === cls.id)) {
        const ok = await db.transaction().execute(async (tx) => {
          if (!(await claimReminder(tx, `me.missing:${cls.id}:${clock.date}:${h.account_id}`, 'moralEducation.missing', h.account_id, now))) return false;
          const params = { className: cls.name, date: clock.date };
          await notify(tx, {
            accountIds: [h.account_id],
            kind: 'moralEducation.missingReminder',
            title: t('zh-CN', 'moralEducation.reminder.title', params),
            body: t('zh-CN', 'moralEducation.reminder.body', params),
            link: `/moral-education/classes/${cls.id}`,
          });
          return true;
        });
        if (ok) sent++;
      }
    }
  }
  return sent;
}

export const moralEducationJobs: JobDefinition[] = [
  { name: 'moralEducation.headTeacherReminders', intervalMs: 5 * 60_000, run: ({ db, now }) => remindHeadTeachers(db, now).then(() => undefined) },
];
