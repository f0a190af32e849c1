import { z } from 'zod';
import { Id, IsoDate } from './shared.js';

export const DayInfo = z.object({
  date: z.string(),
  working: z.boolean(),
  kind: z.enum(['workday', 'weekend', 'holiday', 'makeupWorkday']),
  name: z.string().optional(),
  override: z.boolean().optional(),
  note: z.string().optional(),
  provisional: z
    .boolean()
    .describe(
      '该年尚未发布节假日安排，按《全国年节及纪念日放假办法》暂算，可能变动 / The year has no published schedule; the day follows the statutory rules and may change',
    ),
});

export const YearSource = z
  .enum(['notice', 'package', 'statutory'])
  .describe(
    'notice: 管理员导入的国务院通知；package: 内置数据；statutory: 按放假办法暂算（provisional） / notice imported, built-in data, or statutory rules only',
  );

export const DaysResponse = z.object({
  items: z.array(DayInfo),
  years: z.array(z.object({ year: z.number().int(), source: YearSource, provisional: z.boolean() })),
});

export const DeadlineResponse = z.object({
  start: z.string(),
  days: z.number(),
  date: z.string(),
  provisional: z.boolean().describe('计算跨过了暂算的日子，通知发布后可能变动 / The count crossed provisional days and may move'),
});

export const CalendarStatus = z.object({
  today: z.string(),
  years: z.array(z.object({ year: z.number().int(), source: YearSource, provisional: z.boolean() })),
  warning: z.object({ year: z.number().int(), message: z.string() }).nullable(),
});

export const NoticeBody = z.object({ text: z.string().trim().min(10).max(20_000) });
const NoticeDay = z.object({ date: z.string(), working: z.boolean(), name: z.string() });
export const NoticePreview = z.object({
  year: z.number().int(),
  currentSource: YearSource,
  holidays: z.array(NoticeDay),
  workdays: z.array(NoticeDay),
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
