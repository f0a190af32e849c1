import { z } from 'zod';
import { Id, IsoDate } from './shared.js';

export const DayInfo = z.object({
  date: z.string(),
  working: z.boolean(),
  kind: z.enum(['workday', 'weekend', 'holiday', 'makeupWorkday']),
  name: z.string().optional(),
  override: z.boolean().optional(),
  note: z.string().optional(),
});

export const DaysQuery = z.object({ from: IsoDate, to: IsoDate, orgId: Id.optional() });
export const AddQuery = z.object({ start: IsoDate, days: z.coerce.number().int().min(0).max(3650), orgId: Id.optional() });
export const DateQuery = z.object({ date: IsoDate, orgId: Id.optional() });

export const CalendarOverride = z.object({ id: z.string(), date: z.string(), working: z.boolean(), note: z.string(), orgId: z.string().nullable() });
export const CreateOverrideBody = z.object({
  date: IsoDate,
  working: z.boolean(),
  note: z.string().trim().min(1).max(100),
  orgId: Id.nullable().optional(),
});
