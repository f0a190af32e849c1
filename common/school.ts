/**
 * The school side shared by server and web: permission names of the school calendar, its
 * reminder settings, and the week arithmetic both school practices (common/heartBridge.ts,
 * common/moralEducation.ts) count by. A week is the ISO week (Monday–Sunday) of the
 * Asia/Shanghai calendar date, written 'YYYY-Www'.
 */
import type { Grants } from './roles.js';

export const SCHOOL_PERMISSIONS = {
  /** See a school's terms, closures and school days. */
  read: 'school.read',
  /** Add terms and closures, change reminder settings. */
  manage: 'school.manage',
} as const;

export const SCHOOL_GRANTS: Grants = {
  sysAdmin: [SCHOOL_PERMISSIONS.read, SCHOOL_PERMISSIONS.manage],
  principal: [SCHOOL_PERMISSIONS.read, SCHOOL_PERMISSIONS.manage],
  academicOffice: [SCHOOL_PERMISSIONS.read, SCHOOL_PERMISSIONS.manage],
  headTeacher: [SCHOOL_PERMISSIONS.read],
  subjectTeacher: [SCHOOL_PERMISSIONS.read],
  parent: [SCHOOL_PERMISSIONS.read],
  student: [SCHOOL_PERMISSIONS.read],
};

/** Reminder defaults; each school may change them (school settings). */
export const SCHOOL_SETTING_DEFAULTS = {
  /** No reminders to guardians from … to … (local time). */
  quietStart: '21:00',
  quietEnd: '07:00',
  /** Teachers are reminded of empty school sides from this time on the week's last school day. */
  teacherReminderAt: '16:00',
  /** Guardians are reminded the morning after the school side was written, from this time. */
  guardianReminderAt: '07:30',
  /** Head teachers who have not recorded today's session by this time are reminded. */
  moralReminderAt: '14:30',
  /** Teachers with lessons of the day not logged are reminded from this time (the day's lessons are over). */
  lessonReminderAt: '17:30',
} as const;

const DAY_MS = 86_400_000;
const WEEK_RE = /^(\d{4})-W(\d{2})$/;

export function isWeekKey(s: string): boolean {
  const m = WEEK_RE.exec(s);
  if (!m) return false;
  const n = Number(m[2]);
  return n >= 1 && n <= weeksInIsoYear(Number(m[1]));
}

function utc(date: string): number {
  return Date.parse(date + 'T00:00:00Z');
}

function fmt(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

function isoDow(ms: number): number {
  return ((new Date(ms).getUTCDay() + 6) % 7) + 1; // Monday = 1 … Sunday = 7
}

function weeksInIsoYear(year: number): number {
  // A year has 53 ISO weeks when 28 December falls in week 53.
  return Number(weekOf(`${year}-12-28`).slice(6));
}

/** The ISO week ('YYYY-Www') a calendar date belongs to. */
export function weekOf(date: string): string {
  const ms = utc(date);
  const thursday = ms + (4 - isoDow(ms)) * DAY_MS;
  const year = new Date(thursday).getUTCFullYear();
  const jan1 = Date.UTC(year, 0, 1);
  const week = Math.floor((thursday - jan1) / DAY_MS / 7) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** Monday of an ISO week. */
export function weekStart(week: string): string {
  const m = WEEK_RE.exec(week);
  if (!m) throw new Error(`bad week ${week}`);
  const jan4 = Date.UTC(Number(m[1]), 0, 4);
  const monday1 = jan4 - (isoDow(jan4) - 1) * DAY_MS;
  return fmt(monday1 + (Number(m[2]) - 1) * 7 * DAY_MS);
}

/** Sunday of an ISO week. */
export function weekEnd(week: string): string {
  return fmt(utc(weekStart(week)) + 6 * DAY_MS);
}

/** The seven dates of an ISO week, Monday first. */
export function weekDates(week: string): string[] {
  const start = utc(weekStart(week));
  return Array.from({ length: 7 }, (_, i) => fmt(start + i * DAY_MS));
}

export function shiftWeek(week: string, n: number): string {
  return weekOf(fmt(utc(weekStart(week)) + n * 7 * DAY_MS));
}

/** 'HH:MM' → minutes after midnight. */
export function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return h * 60 + m;
}

/** True when local minute `at` lies in [start, end), a window that may wrap past midnight. */
export function inWindow(at: number, start: number, end: number): boolean {
  if (start === end) return false;
  return start < end ? at >= start && at < end : at >= start || at < end;
}

// One collator for every comparison: localeCompare with options builds a new one per call.
// Pinyin named explicitly: a bare 'zh' may resolve to stroke order in some ICU builds.
const NAME_COLLATOR = new Intl.Collator('zh-CN-u-co-pinyin', { numeric: true });

/** People's and places' names in pinyin order (张 after 李), as Chinese lists are read. */
export const comparePinyin = (a: string, b: string): number => NAME_COLLATOR.compare(a, b);
const CN_DIGITS: Record<string, string> = { 一: '1', 二: '2', 三: '3', 四: '4', 五: '5', 六: '6', 七: '7', 八: '8', 九: '9', 十: '10' };

/**
 * Orders grade and class names as a school does (初一 before 初二, 2班 before 10班), which
 * a pinyin collation does not (二 "er" sorts before 一 "yi").
 */
export function compareNames(a: string, b: string): number {
  const key = (s: string) => s.replace(/[一二三四五六七八九十]/g, (c) => CN_DIGITS[c]);
  return NAME_COLLATOR.compare(key(a), key(b));
}
