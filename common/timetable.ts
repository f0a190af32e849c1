/**
 * The academic office's timetable (timetable, 课表): permission names, role grants and the
 * grid's bounds, shared by server and web. Which teacher teaches which class and subject
 * (classAssignment, 任课安排) is core's `class_teachers`, assigned through
 * `POST /api/v1/orgs/:classId/teachers`; the timetable places those teachers in periods.
 */
import type { Grants } from './roles.js';

export const TIMETABLE_PERMISSIONS = {
  /** Every class under the grant (校长, 教务处). */
  oversee: 'timetable.oversee',
  /** The timetable of the classes one teaches (class_teachers). */
  read: 'timetable.read',
  /** Edit and import the timetables of the classes under the grant (教务处). */
  manage: 'timetable.manage',
} as const;

export const TIMETABLE_GRANTS: Grants = {
  principal: [TIMETABLE_PERMISSIONS.oversee],
  academicOffice: [TIMETABLE_PERMISSIONS.oversee, TIMETABLE_PERMISSIONS.manage],
  headTeacher: [TIMETABLE_PERMISSIONS.read],
  subjectTeacher: [TIMETABLE_PERMISSIONS.read],
};

/** Monday = 1 … Sunday = 7 (weekend rows only for schools that teach then). */
export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
export const WEEKDAY_LABELS = ['', '周一', '周二', '周三', '周四', '周五', '周六', '周日'] as const;
export const MAX_PERIODS = 10;

/** The ISO weekday (Monday = 1) of a 'YYYY-MM-DD' date. */
export function weekdayOf(date: string): number {
  const d = new Date(date + 'T00:00:00Z').getUTCDay();
  return d === 0 ? 7 : d;
}

/**
 * Which weekday's timetable a school day follows. A weekend day is a school day only as a
 * make-up day (调休上课); it follows the class's own weekend row when the office set one,
 * otherwise Monday's — the notice rarely names the day, and the office can set the row.
 */
export function timetableWeekday(date: string, weekendRows: ReadonlySet<number>): number {
  const d = weekdayOf(date);
  return d <= 5 || weekendRows.has(d) ? d : 1;
}
