/**
 * The 35+10 lesson and its "six tens" (lessonLog, 课堂常规记录): permission names, role grants,
 * the six counts with their labels and the rules a lesson is measured by. Shared by server and web.
 */
import type { Grants } from './roles.js';

export const LESSON_LOG_PERMISSIONS = {
  /** Log one's own timetabled lessons and read one's own logs and figures. */
  log: 'lessonLogs.log',
  /** Every log, the not-logged list and compliance of the classes under the grant (教务处, 校长). */
  oversee: 'lessonLogs.oversee',
} as const;

export const LESSON_LOG_GRANTS: Grants = {
  principal: [LESSON_LOG_PERMISSIONS.oversee],
  academicOffice: [LESSON_LOG_PERMISSIONS.oversee],
  headTeacher: [LESSON_LOG_PERMISSIONS.log],
  subjectTeacher: [LESSON_LOG_PERMISSIONS.log],
};

/** 35 minutes of teaching at most, then at least 10 of in-class checking. */
export const TEACHING_MINUTES = 35;
export const CHECKING_MINUTES = 10;
/** Each of the six counts asks for ten. */
export const TEN = 10;

/** The six tens, in the order of the write-up; the last two are done after class. */
export const TENS = ['questioned', 'homeworkChecked', 'demonstrations', 'practiceMinutes', 'corrections', 'tutoring'] as const;
export type Ten = (typeof TENS)[number];
export const AFTER_CLASS_TENS: readonly Ten[] = ['corrections', 'tutoring'];

export const TEN_LABELS: Record<Ten, { zh: string; en: string; unit: string }> = {
  questioned: { zh: '提问/回答', en: 'Questioned', unit: '人次' },
  homeworkChecked: { zh: '当堂检查作业', en: 'Homework checked', unit: '人' },
  demonstrations: { zh: '学生板演/展示', en: 'Demonstrations', unit: '人次' },
  practiceMinutes: { zh: '课堂练习', en: 'Practice', unit: '分钟' },
  corrections: { zh: '课后面批', en: 'Face-to-face corrections', unit: '人' },
  tutoring: { zh: '课后辅导', en: 'Tutoring', unit: '人次' },
};

/** Who the teacher tapped on the roster, per kind; practice minutes have no students. */
export const TALLY_KINDS = ['questioned', 'homeworkChecked', 'demonstrations', 'corrections', 'tutoring'] as const;
export type TallyKind = (typeof TALLY_KINDS)[number];

/** A student counts as reached by any tally of any lesson of their class. Two school weeks: */
export const NOT_REACHED_SCHOOL_DAYS = 10;

/** teacherWeek is the heat-map's cut: one row per teacher and week (key `teacherId|week`). */
export const COMPLIANCE_CUTS = ['teacher', 'subject', 'grade', 'week', 'teacherWeek'] as const;
export type ComplianceCut = (typeof COMPLIANCE_CUTS)[number];

export function standardMet(minutesTaught: number, minutesChecking: number): boolean {
  return minutesTaught <= TEACHING_MINUTES && minutesChecking >= CHECKING_MINUTES;
}
