/** HTTP only: path, declared access, schemas, one call into the service. */
import { z } from 'zod';
import {
  AfterClassBody,
  Compliance,
  ComplianceQuery,
  LessonLog,
  LogLessonBody,
  LogParams,
  MyWeek,
  NotLogged,
  NotLoggedQuery,
  WeekQuery,
} from '../../../common/schemas/lessonLogs.js';
import { ClassParams, SchoolParams } from '../../../common/schemas/school.js';
import type { App } from '../../core/http/types.js';
import { allow, allowOwn } from '../../core/http/access.js';
import { readCall, writeCall } from '../../core/http/call.js';
import { sendXlsx } from '../../core/excel/export.js';
import { complianceExport } from './lessonLogs.queries.js';
import * as office from './lessonLogs.office.js';
import * as service from './lessonLogs.service.js';

const tags = ['lessonLogs'];
const TEACHERS = ['headTeacher', 'subjectTeacher'] as const;
const OFFICE = ['sysAdmin', 'principal', 'academicOffice'] as const;
const SCHOOL = [...OFFICE, ...TEACHERS] as const;
/**
 * A log is read by its own teacher and by the office. A head teacher reads their own logs like
 * any teacher, but the role gives nothing beyond that, so the declaration (what the matrix
 * expects on the world's log, a subject teacher's) names the subject teacher only.
 */
const LOG_READERS = [...OFFICE, 'subjectTeacher'] as const;

const ClassStudents = z.object({
  classId: z.string(),
  className: z.string(),
  from: z.string(),
  to: z.string(),
  schoolDays: z.number().int(),
  roster: z.number().int(),
  students: z.array(z.object({ id: z.string(), name: z.string(), lastReached: z.string().nullable() })),
});

export async function lessonLogsRoutes(app: App) {
  const db = app.deps.database.db;

  app.get(
    '/api/v1/lesson-logs/my-week',
    {
      config: allow('sysAdmin', ...TEACHERS),
      schema: { tags, summary: '我本周的课（按课表），及每节是否已记录', querystring: WeekQuery, response: { 200: MyWeek } },
    },
    async (req) => service.myWeek(readCall(db, req), req.query.week),
  );

  app.post(
    '/api/v1/lesson-logs',
    {
      config: allow(...TEACHERS),
      schema: { tags, summary: '记录一节课（35+10、六个十、点选学生）；支持 Idempotency-Key', body: LogLessonBody, response: { 201: LessonLog } },
    },
    (req, reply) => writeCall(db, req, reply, 201, (call) => service.logLesson(call, req.body)),
  );

  app.get(
    '/api/v1/lesson-logs/:logId',
    { config: allow(...LOG_READERS), schema: { tags, summary: '一节课的记录（本人或教务处、校长）', params: LogParams, response: { 200: LessonLog } } },
    async (req) => service.detail(readCall(db, req), req.params.logId),
  );

  app.put(
    '/api/v1/lesson-logs/:logId/after-class',
    {
      config: allowOwn('subjectTeacher'),
      schema: { tags, summary: '补记课后面批与辅导（当天或下一个上课日内）', params: LogParams, body: AfterClassBody, response: { 200: LessonLog } },
    },
    (req, reply) => writeCall(db, req, reply, 200, (call) => service.completeAfterClass(call, req.params.logId, req.body)),
  );

  app.get(
    '/api/v1/lesson-logs/classes/:classId/students',
    {
      config: allow(...SCHOOL),
      schema: { tags, summary: '班级学生与近两周被关注情况（未被关注的学生）', params: ClassParams, response: { 200: ClassStudents } },
    },
    async (req) => service.classStudents(readCall(db, req), req.params.classId),
  );

  app.get(
    '/api/v1/lesson-logs/schools/:schoolId/not-logged',
    {
      config: allow(...OFFICE),
      schema: { tags, summary: '按课表应记未记的课（教务处）', params: SchoolParams, querystring: NotLoggedQuery, response: { 200: NotLogged } },
    },
    async (req) => office.notLogged(readCall(db, req), req.params.schoolId, req.query),
  );

  app.get(
    '/api/v1/lesson-logs/schools/:schoolId/compliance',
    {
      config: allow(...SCHOOL),
      schema: {
        tags,
        summary: '课堂常规落实情况（按教师、学科、年级、周；教师只看本人）',
        params: SchoolParams,
        querystring: ComplianceQuery,
        response: { 200: Compliance },
      },
    },
    async (req) => office.compliance(readCall(db, req), req.params.schoolId, req.query),
  );

  app.get(
    '/api/v1/lesson-logs/schools/:schoolId/compliance.xlsx',
    {
      config: allow(...SCHOOL),
      schema: { tags, summary: '导出课堂常规落实情况（Excel；与页面同一范围，教师只含本人）', params: SchoolParams, querystring: ComplianceQuery },
    },
    async (req, reply) => sendXlsx(reply, await complianceExport(readCall(db, req), req.params.schoolId, req.query)),
  );
}
