/** Table types of the lessonLogs module (storage conventions of core/db/schema.ts). */
import type { Kysely } from 'kysely';
import type { DB } from '../../core/db/schema.js';
import type { Tx } from '../../core/db/database.js';
import type { TimetableTables } from '../timetable/index.js';

export interface LessonLogTable {
  id: string;
  class_id: string;
  class_path: string;
  school_id: string;
  grade_id: string | null;
  teacher_id: string;
  subject: string;
  date: string;
  period: number;
  minutes_taught: number;
  minutes_checking: number;
  questioned: number;
  homework_checked: number;
  demonstrations: number;
  practice_minutes: number;
  corrections: number | null;
  tutoring: number | null;
  after_class_until: string;
  /** Mask of the students tallied, by seat (hex; '' for none): see lessonLogs.reach.ts. */
  reached: string;
  created_by: string;
  created_at: string;
  updated_at: string;
}

export interface LessonLogStudentTable {
  log_id: string;
  kind: string;
  student_id: string;
  class_id: string;
  date: string;
}

export interface LessonSeatTable {
  class_id: string;
  student_id: string;
  seat: number;
}

/** Compliance per class, teacher, subject and ISO week (its Monday), kept at write time: lessonLogs.cells.ts. */
export interface LessonLogCellTable {
  class_id: string;
  teacher_id: string;
  subject: string;
  week_start: string;
  school_id: string;
  grade_id: string | null;
  logged: number;
  standard_met: number;
  questioned: number;
  homework_checked: number;
  demonstrations: number;
  practice_minutes: number;
  corrections: number;
  tutoring: number;
  /** Union of the cell's logs' masks of students reached (hex; '' for none). */
  reached: string;
}

export interface LessonLogTables {
  lesson_logs: LessonLogTable;
  lesson_log_cells: LessonLogCellTable;
  lesson_log_students: LessonLogStudentTable;
  lesson_seats: LessonSeatTable;
  lesson_seat_counters: { class_id: string; next: number };
}

export type LDb = Kysely<DB & LessonLogTables & TimetableTables>;
export const ldb = (db: Tx): LDb => db as unknown as LDb;
