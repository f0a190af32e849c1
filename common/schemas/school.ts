import { z } from 'zod';
import { isWeekKey } from '../school.js';
import { Id, IsoDate, listQuery } from './shared.js';

export const WeekKey = z.string().refine(isWeekKey, 'validation.week');
const HhMm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'validation.time');

export const SchoolParams = z.object({ schoolId: Id });
export const ClassParams = z.object({ classId: Id });
export const ClassWeekParams = z.object({ classId: Id, week: WeekKey });

export const Term = z.object({
  id: z.string(),
  schoolId: z.string(),
  name: z.string(),
  startDate: z.string(),
  endDate: z.string(),
});
export type Term = z.infer<typeof Term>;

export const CreateTermBody = z.object({
  name: z.string().trim().min(1).max(40),
  startDate: IsoDate,
  endDate: IsoDate,
});
export const UpdateTermBody = z
  .object({ name: z.string().trim().min(1).max(40).optional(), startDate: IsoDate.optional(), endDate: IsoDate.optional() })
  .strict();

export const Closure = z.object({
  id: z.string(),
  schoolId: z.string(),
  /** The school itself, or a grade or class inside it: the closure reaches that subtree. */
  orgId: z.string(),
  orgName: z.string(),
  date: z.string(),
  reason: z.string(),
});
export const CreateClosureBody = z.object({
  date: IsoDate,
  reason: z.string().trim().min(1).max(100),
  orgId: Id.optional(),
});
export const ClosureListQuery = listQuery(['date'] as const).extend({ from: IsoDate.optional(), to: IsoDate.optional() });

export const SchoolSettings = z.object({
  quietStart: HhMm,
  quietEnd: HhMm,
  teacherReminderAt: HhMm,
  guardianReminderAt: HhMm,
  moralReminderAt: HhMm,
  lessonReminderAt: HhMm,
});
export type SchoolSettings = z.infer<typeof SchoolSettings>;
export const UpdateSchoolSettingsBody = SchoolSettings.partial().strict();

export const SchoolDay = z.object({
  date: z.string(),
  week: z.string(),
  schoolDay: z.boolean(),
  /** Why not: weekend/holiday (core calendar), outside any term, or a school closure. */
  reason: z.enum(['weekend', 'holiday', 'outsideTerm', 'closure']).nullable(),
  note: z.string().nullable(),
  termId: z.string().nullable(),
});
export const DaysQuery = z.object({ from: IsoDate, to: IsoDate });

export const SchoolWeek = z.object({ week: z.string(), start: z.string(), end: z.string(), schoolDays: z.array(z.string()) });
export const WeeksQuery = z.object({ termId: Id.optional() });

export const MySchool = z.object({
  classes: z.array(z.object({ id: z.string(), name: z.string(), schoolId: z.string(), schoolName: z.string(), duties: z.array(z.enum(['head', 'subject'])) })),
  children: z.array(z.object({ id: z.string(), name: z.string(), classId: z.string(), className: z.string(), schoolId: z.string() })),
  /** Schools the caller oversees (principal, academic office). */
  schools: z.array(z.object({ id: z.string(), name: z.string() })),
  /** The caller's own student record, when the caller is a student (their read-only 心桥 book). */
  self: z.object({ id: z.string(), name: z.string(), classId: z.string(), className: z.string(), schoolId: z.string() }).nullable(),
});
