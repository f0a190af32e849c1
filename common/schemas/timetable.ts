import { z } from 'zod';
import { MAX_PERIODS } from '../timetable.js';
import { Id } from './shared.js';

export const Slot = z.object({
  weekday: z.number().int().min(1).max(7),
  period: z.number().int().min(1).max(MAX_PERIODS),
  subject: z.string().trim().min(1).max(40),
  teacherId: Id,
});
export type Slot = z.infer<typeof Slot>;

/** The whole week of one class; what is not listed is a free period. */
export const PutTimetableBody = z.object({ slots: z.array(Slot).max(7 * MAX_PERIODS) }).strict();

export const ClassTimetable = z.object({
  classId: z.string(),
  className: z.string(),
  slots: z.array(Slot.extend({ teacherName: z.string() })),
  /** The class's teachers (任课安排), the only ones its slots may name. */
  teachers: z.array(z.object({ id: z.string(), name: z.string(), duty: z.string(), subject: z.string().nullable() })),
  updatedAt: z.string().nullable(),
});
export type ClassTimetable = z.infer<typeof ClassTimetable>;

export const ImportRowError = z.object({ row: z.number().int(), column: z.string(), message: z.string() });
export const TimetableImportResult = z.object({
  /** Slots written per class; nothing is written when any row fails. */
  classes: z.number().int(),
  slots: z.number().int(),
  errors: z.array(ImportRowError),
});
