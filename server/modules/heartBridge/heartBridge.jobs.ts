/**
 * 心桥 reminders. Each one is claimed by a unique sent-key in the same transaction as its
 * notice, so it goes out at most once however many ticks or instances see it. A tick in a
 * school's quiet hours sends nothing for that school; the next tick after them does.
 */
import type { Db } from '../../core/db/database.js';
import type { JobDefinition } from '../../core/jobs/scheduler.js';
import { notify } from '../../core/notify/notify.js';
import { t } from '../../core/i18n/messages.js';
import { weekLabel } from '../../../common/dateFormat.js';
import { minutesOf, weekEnd, weekOf, weekStart } from '../../../common/school.js';
import {
  allSchools,
  claimReminder,
  classesUnder,
  guardianAccountsOf,
  inQuietHours,
  loadSchoolCalendarSource,
  settingsOfSchools,
  shanghaiClock,
  teacherAccountsOf,
} from '../school/index.js';
import * as repo from './heartBridge.repository.js';
import { termWeekLabel } from './heartBridge.weeks.js';

const zh = (key: string, params: Record<string, unknown>) => t('zh-CN', key, params);

/** Guardians are reminded of school sides written within this many days before today. */
const GUARDIAN_LOOKBACK_DAYS = 8;

/**
 * On the last school day of a class's week, from the school's teacher time (default 16:00),
 * the class's teachers hear how many students still have an empty school side. A tick that
 * comes later in the same week (the server was down on that afternoon) still sends it.
 */
export async function remindTeachers(db: Db, now: Date): Promise<number> {
  const clock = shanghaiClock(now);
  const week = weekOf(clock.date);
  const schools = await allSchools(db);
  const settings = await settingsOfSchools(
    db,
    schools.map((s) => s.id),
  );
  let sent = 0;
  for (const school of schools) {
    const s = settings.get(school.id)!;
    if (inQuietHours(s, now)) continue;
    const src = await loadSchoolCalendarSource(db, school.id);
    if (!src.terms.some((term) => term.start_date <= weekEnd(week) && weekStart(week) <= term.end_date)) continue;
    const due: { id: string; name: string; weekLabel: string }[] = [];
    for (const cls of await classesUnder(db, school.path)) {
      const cal = await src.forOrg(cls.path);
      const last = cal.lastSchoolDayOfWeek(week);
      if (!last) continue;
      if (clock.date > last || (clock.date === last && clock.minutes >= minutesOf(s.teacherReminderAt)))
        due.push({ ...cls, weekLabel: termWeekLabel(cal, week) });
    }
    if (!due.length) continue;
    const missing = await repo.missingSchoolSides(
      db,
      due.map((c) => c.id),
      week,
    );
    const teachers = await teacherAccountsOf(
      db,
      due.map((c) => c.id),
    );
    for (const cls of due) {
      const count = missing.get(cls.id) ?? 0;
      if (!count) continue;
      const accounts = [...new Set(teachers.filter((x) => x.class_id === cls.id).map((x) => x.account_id))];
      for (const accountId of accounts) {
        const ok = await db.transaction().execute(async (tx) => {
          if (!(await claimReminder(tx, `hb.teacher:${cls.id}:${week}:${accountId}`, 'heartBridge.teacher', accountId, now))) return false;
          const params = { className: cls.name, week: cls.weekLabel, count };
          await notify(tx, {
            accountIds: [accountId],
            kind: 'heartBridge.teacherReminder',
            title: zh('heartBridge.teacherReminder.title', params),
            body: zh('heartBridge.teacherReminder.body', params),
            link: `/heart-bridge/classes/${cls.id}/weeks/${week}`,
          });
          return true;
        });
        if (ok) sent++;
      }
    }
  }
  return sent;
}

/** Start of a Shanghai calendar day as a UTC ISO instant. */
const dayStartUtc = (date: string) => new Date(Date.parse(date + 'T00:00:00+08:00')).toISOString();

/**
 * The morning after a teacher wrote the school side, from the school's guardian time
 * (default 07:30), each guardian of a student whose home side is still empty is reminded
 * once — never in the school's quiet hours.
 */
export async function remindGuardians(db: Db, now: Date): Promise<number> {
  const clock = shanghaiClock(now);
  const schools = await allSchools(db);
  const settings = await settingsOfSchools(
    db,
    schools.map((s) => s.id),
  );
  const before = dayStartUtc(clock.date);
  const from = new Date(Date.parse(before) - GUARDIAN_LOOKBACK_DAYS * 86_400_000).toISOString();
  let sent = 0;
  for (const school of schools) {
    const s = settings.get(school.id)!;
    if (inQuietHours(s, now) || clock.minutes < minutesOf(s.guardianReminderAt)) continue;
    const notes = await repo.awaitingHome(db, school.id, from, before);
    if (!notes.length) continue;
    const guardians = await guardianAccountsOf(db, [...new Set(notes.map((n) => n.student_id))]);
    const names = await repo.personNames(db, [...new Set(notes.map((n) => n.student_id))]);
    const src = await loadSchoolCalendarSource(db, school.id);
    const classPaths = new Map((await classesUnder(db, school.path)).map((c) => [c.id, c.path]));
    const labelOf = async (classId: string, week: string) => {
      const path = classPaths.get(classId);
      return path ? termWeekLabel(await src.forOrg(path), week) : weekLabel(week);
    };
    for (const note of notes) {
      for (const g of guardians.filter((x) => x.student_id === note.student_id)) {
        const ok = await db.transaction().execute(async (tx) => {
          if (!(await claimReminder(tx, `hb.home:${note.id}:${g.account_id}`, 'heartBridge.guardian', g.account_id, now))) return false;
          const params = { studentName: names.get(note.student_id) ?? '', week: await labelOf(note.class_id, note.week) };
          await notify(tx, {
            accountIds: [g.account_id],
            kind: 'heartBridge.guardianReminder',
            title: zh('heartBridge.guardianReminder.title', params),
            body: zh('heartBridge.guardianReminder.body', params),
            link: `/heart-bridge/students/${note.student_id}/weeks/${note.week}`,
          });
          return true;
        });
        if (ok) sent++;
      }
    }
  }
  return sent;
}

export const heartBridgeJobs: JobDefinition[] = [
  { name: 'heartBridge.teacherReminders', intervalMs: 10 * 60_000, run: ({ db, now }) => remindTeachers(db, now).then(() => undefined) },
  { name: 'heartBridge.guardianReminders', intervalMs: 10 * 60_000, run: ({ db, now }) => remindGuardians(db, now).then(() => undefined) },
];
