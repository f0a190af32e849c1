/**
 * What every school reminder job shares: the Shanghai clock, each school's settings and
 * quiet hours, and the sent-key claim that makes a reminder go out at most once.
 */
import type { Tx } from '../../core/db/database.js';
import { shanghaiDate } from '../../core/calendar/calendar.js';
import { inWindow, minutesOf, SCHOOL_SETTING_DEFAULTS } from '../../../common/school.js';
import type { SchoolSettings } from '../../../common/schemas/school.js';
import * as repo from './school.repository.js';

export interface LocalClock {
  date: string;
  /** Minutes after local midnight. */
  minutes: number;
}

export function shanghaiClock(now: Date): LocalClock {
  const local = new Date(now.getTime() + 8 * 3_600_000);
  return { date: shanghaiDate(now), minutes: local.getUTCHours() * 60 + local.getUTCMinutes() };
}

export function settingsFromRow(row: repo.SchoolSettingsTable | undefined): SchoolSettings {
  return row
    ? {
        quietStart: row.quiet_start,
        quietEnd: row.quiet_end,
        teacherReminderAt: row.teacher_reminder_at,
        guardianReminderAt: row.guardian_reminder_at,
        moralReminderAt: row.moral_reminder_at,
        lessonReminderAt: row.lesson_reminder_at,
      }
    : { ...SCHOOL_SETTING_DEFAULTS };
}

export async function settingsOfSchools(db: Tx, schoolIds: string[]): Promise<Map<string, SchoolSettings>> {
  const rows = new Map((await repo.settingsOfSchools(db, schoolIds)).map((r) => [r.school_id, r]));
  return new Map(schoolIds.map((id) => [id, settingsFromRow(rows.get(id))]));
}

/** Guardians are not disturbed in the school's quiet hours; a tick inside them sends nothing and leaves the reminder for a later tick. */
export function inQuietHours(settings: SchoolSettings, now: Date): boolean {
  return inWindow(shanghaiClock(now).minutes, minutesOf(settings.quietStart), minutesOf(settings.quietEnd));
}

export function claimReminder(tx: Tx, key: string, kind: string, accountId: string, now: Date): Promise<boolean> {
  return repo.claimReminder(tx, key, kind, accountId, now.toISOString());
}
