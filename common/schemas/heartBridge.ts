import { z } from 'zod';
import { Id, IsoDate, listQuery } from './shared.js';
import { WeekKey } from './school.js';
import { Figure } from '../figure.js';

const Text = (max: number) => z.string().trim().max(max);

export const StudentWeekParams = z.object({ studentId: Id, week: WeekKey });
export const StudentParams = z.object({ studentId: Id });

export const SchoolSideBody = z
  .object({
    /** 在校表现 */
    atSchool: Text(1000).min(1),
    /** 给家长的建议 */
    suggestion: Text(500).default(''),
    /** 鼓励的话 */
    encouragement: Text(300).default(''),
  })
  .strict();

export const HomeSideBody = z
  .object({
    /** 在家表现 */
    atHome: Text(1000).min(1),
    /** 给学校的建议 */
    suggestion: Text(500).default(''),
    /** 对孩子的鼓励 */
    encouragement: Text(300).default(''),
  })
  .strict();

export const ReadBody = z.object({ by: z.enum(['school', 'home']) }).strict();

const Side = z.object({ authorName: z.string().nullable(), writtenAt: z.string(), suggestion: z.string(), encouragement: z.string() });

export const HeartBridgeNote = z.object({
  id: z.string().nullable(),
  studentId: z.string(),
  studentName: z.string(),
  classId: z.string(),
  className: z.string(),
  week: z.string(),
  weekStart: z.string(),
  weekEnd: z.string(),
  school: Side.extend({ atSchool: z.string() }).nullable(),
  home: Side.extend({ atHome: z.string() }).nullable(),
  /** When a teacher of the class read the home side. */
  readBySchoolAt: z.string().nullable(),
  /** When a guardian read the school side. */
  readByHomeAt: z.string().nullable(),
  canWriteSchool: z.boolean(),
  canWriteHome: z.boolean(),
});
export type HeartBridgeNote = z.infer<typeof HeartBridgeNote>;

export const NOTE_STATUSES = ['none', 'schoolOnly', 'homeOnly', 'twoWay'] as const;

export const ClassWeekRow = z.object({
  studentId: z.string(),
  studentName: z.string(),
  noteId: z.string().nullable(),
  status: z.enum(NOTE_STATUSES),
  schoolWrittenAt: z.string().nullable(),
  homeWrittenAt: z.string().nullable(),
  readBySchoolAt: z.string().nullable(),
  readByHomeAt: z.string().nullable(),
});
export const ClassWeekQuery = listQuery(['name', 'status'] as const).extend({ status: z.enum(NOTE_STATUSES).optional() });

export const TimelineQuery = listQuery(['week'] as const).extend({ termId: Id.optional() });

export const WeekFigures = z.object({
  week: z.string(),
  students: z.number().int(),
  /** Students whose page has both sides ÷ students. */
  coverage: Figure,
  /** Pages with a home side among pages with a school side. */
  replyRate: Figure,
  /** Sides read by the other side ÷ sides written. */
  readRate: Figure,
});

export const NoExchangeRow = z.object({
  studentId: z.string(),
  studentName: z.string(),
  classId: z.string(),
  className: z.string(),
  /** Consecutive finished school weeks, counted back from the latest, without a two-way page. */
  weeks: z.number().int(),
  lastExchangeWeek: z.string().nullable(),
});

/** `asOf` (a date) pins "today" for figures that depend on it, e.g. a report written later. */
export const DashboardQuery = z.object({ termId: Id.optional(), week: WeekKey.optional(), asOf: IsoDate.optional() });

export const ClassDashboard = z.object({
  classId: z.string(),
  className: z.string(),
  termId: z.string(),
  termName: z.string(),
  week: WeekFigures.nullable(),
  trend: z.array(WeekFigures),
  noExchange: z.array(NoExchangeRow),
});

export const ClassCoverageRow = WeekFigures.extend({
  classId: z.string(),
  className: z.string(),
  gradeId: z.string().nullable(),
  gradeName: z.string().nullable(),
});

export const SchoolDashboard = z.object({
  schoolId: z.string(),
  schoolName: z.string(),
  termId: z.string(),
  termName: z.string(),
  week: WeekFigures.nullable(),
  byGrade: z.array(WeekFigures.extend({ gradeId: z.string().nullable(), gradeName: z.string().nullable() })),
  classes: z.array(ClassCoverageRow),
  trend: z.array(WeekFigures),
  noExchangeCount: z.number().int(),
});

export const CoverageQuery = listQuery(['className', 'coverage', 'replyRate', 'readRate'] as const).extend({
  week: WeekKey.optional(),
  termId: Id.optional(),
  gradeId: Id.optional(),
  asOf: IsoDate.optional(),
});

export const NoExchangeQuery = listQuery(['weeks', 'name', 'className'] as const).extend({
  termId: Id.optional(),
  classId: Id.optional(),
  minWeeks: z.coerce.number().int().min(2).max(30).default(2),
  asOf: IsoDate.optional(),
});

export const Phrases = z.object({ school: z.array(z.string()), home: z.array(z.string()), custom: z.boolean() });
export const PutPhrasesBody = z
  .object({
    school: z.array(z.string().trim().min(1).max(60)).max(50),
    home: z.array(z.string().trim().min(1).max(60)).max(50),
  })
  .strict();

/**
 * Every student-week of a period on the roll — the 心桥 coverage figure's denominator — with which
 * sides of the page were written: `twoWay=1` keeps the pages with both (the coverage numerator and
 * the reply rate's), `schoolSide=1` those the teacher wrote (the reply rate's denominator). A work
 * report's drill opens it, so its rows are the figure's counts.
 */
export const StudentWeekRow = z.object({
  week: z.string(),
  studentId: z.string(),
  studentName: z.string(),
  classId: z.string(),
  className: z.string(),
  schoolSide: z.boolean(),
  homeSide: z.boolean(),
});
export const StudentWeekQuery = listQuery(['week', 'className'] as const).extend({
  from: IsoDate,
  to: IsoDate,
  twoWay: z.enum(['0', '1']).optional(),
  schoolSide: z.enum(['0', '1']).optional(),
});
