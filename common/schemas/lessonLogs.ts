import { z } from 'zod';
import { COMPLIANCE_CUTS, TALLY_KINDS, TENS } from '../lessonLogs.js';
import { Id, IsoDate } from './shared.js';
import { WeekKey } from './school.js';

const count = z.number().int().min(0).max(500);
const minutes = z.number().int().min(0).max(60);
const studentIds = z.array(Id).max(100);

export const Tallies = z
  .object(Object.fromEntries(TALLY_KINDS.map((k) => [k, studentIds.default([])])) as Record<(typeof TALLY_KINDS)[number], z.ZodDefault<typeof studentIds>>)
  .strict();

export const LogLessonBody = z
  .object({
    classId: Id,
    date: IsoDate,
    period: z.number().int().min(1).max(10),
    minutesTaught: minutes,
    minutesChecking: minutes,
    questioned: count,
    homeworkChecked: count,
    demonstrations: count,
    practiceMinutes: minutes,
    /** After class: may be left out now and completed later the same or the next school day. */
    corrections: count.optional(),
    tutoring: count.optional(),
    students: Tallies.prefault({}),
  })
  .strict();
export type LogLessonBody = z.infer<typeof LogLessonBody>;

export const AfterClassBody = z
  .object({
    corrections: count,
    tutoring: count,
    students: z
      .object({ corrections: studentIds.default([]), tutoring: studentIds.default([]) })
      .strict()
      .prefault({}),
  })
  .strict();

export const LogParams = z.object({ logId: Id });

export const LessonLog = z.object({
  id: z.string(),
  classId: z.string(),
  className: z.string(),
  subject: z.string(),
  teacherId: z.string(),
  teacherName: z.string(),
  date: z.string(),
  period: z.number().int(),
  minutesTaught: z.number().int(),
  minutesChecking: z.number().int(),
  standardMet: z.boolean(),
  counts: z.object(Object.fromEntries(TENS.map((k) => [k, z.number().int().nullable()])) as Record<(typeof TENS)[number], z.ZodNullable<z.ZodNumber>>),
  students: z.object(
    Object.fromEntries(TALLY_KINDS.map((k) => [k, z.array(z.object({ id: z.string(), name: z.string() }))])) as Record<
      (typeof TALLY_KINDS)[number],
      z.ZodArray<z.ZodObject<{ id: z.ZodString; name: z.ZodString }>>
    >,
  ),
  /** The last day the after-class items may be completed, and whether the caller may still. */
  afterClassUntil: z.string(),
  canCompleteAfterClass: z.boolean(),
  createdAt: z.string(),
});
export type LessonLog = z.infer<typeof LessonLog>;

export const WeekQuery = z.object({ week: WeekKey.optional() });

export const MyLesson = z.object({
  date: z.string(),
  period: z.number().int(),
  classId: z.string(),
  className: z.string(),
  subject: z.string(),
  logId: z.string().nullable(),
  /** After-class items still open on a logged lesson. */
  afterClassOpen: z.boolean(),
});
export const MyWeek = z.object({
  week: z.string(),
  days: z.array(z.object({ date: z.string(), schoolDay: z.boolean(), note: z.string().nullable(), lessons: z.array(MyLesson) })),
});
export type MyWeek = z.infer<typeof MyWeek>;

export const NotReached = z.object({
  classId: z.string(),
  className: z.string(),
  from: z.string(),
  to: z.string(),
  schoolDays: z.number().int(),
  roster: z.number().int(),
  students: z.array(z.object({ id: z.string(), name: z.string(), lastReached: z.string().nullable() })),
});

export const PeriodQuery = z.object({ from: IsoDate, to: IsoDate });
export const NotLoggedQuery = PeriodQuery.extend({ teacherId: Id.optional() });
export const NotLogged = z.object({
  items: z.array(
    z.object({
      date: z.string(),
      period: z.number().int(),
      classId: z.string(),
      className: z.string(),
      subject: z.string(),
      teacherId: z.string(),
      teacherName: z.string(),
    }),
  ),
  total: z.number().int(),
});
export type NotLogged = z.infer<typeof NotLogged>;
/** A timetabled lesson with no log: one row of the not-logged view. */
export type NotLoggedLesson = NotLogged['items'][number];

export const ComplianceQuery = PeriodQuery.extend({ cut: z.enum(COMPLIANCE_CUTS).default('week') });
export const ComplianceRow = z.object({
  key: z.string(),
  label: z.string(),
  timetabled: z.number().int(),
  logged: z.number().int(),
  standardMet: z.number().int(),
  tens: z.object(Object.fromEntries(TENS.map((k) => [k, z.number().int()])) as Record<(typeof TENS)[number], z.ZodNumber>),
  /** Distinct students tallied in the rows' lessons. */
  studentsReached: z.number().int(),
});
export type ComplianceRow = z.infer<typeof ComplianceRow>;
export const Compliance = z.object({ cut: z.enum(COMPLIANCE_CUTS), from: z.string(), to: z.string(), own: z.boolean(), rows: z.array(ComplianceRow) });
export type Compliance = z.infer<typeof Compliance>;
