import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { FastifyRequest } from 'fastify';
import {
  ClassDateParams,
  ClassDayQuery,
  ClassDayRow,
  ClassIndicators,
  ClassPlanDay,
  IndicatorQuery,
  MissedQuery,
  MissedRow,
  MoralSession,
  MyClassPlan,
  PlanQuery,
  PutPlanBody,
  RecordSessionBody,
  ReplaceTopicBody,
  SchoolCoverage,
  SchoolCoverageQuery,
  SchoolPlanDay,
  SessionListQuery,
  UpdateSessionBody,
} from '../../../common/schemas/moralEducation.js';
import { ClassParams, SchoolParams } from '../../../common/schemas/school.js';
import { IdParams, pageOf } from '../../../common/schemas/shared.js';
import type { App } from '../../core/http/types.js';
import { requireActor } from '../../core/auth/auth.plugin.js';
import { readCall, writeCall } from '../../core/http/call.js';
import { RequestValidationError } from '../../core/http/validation.js';
import { AppError } from '../../core/errors.js';
import { refuseBadText } from '../../core/http/text-guard.js';
import { sendXlsx } from '../../core/excel/export.js';
import * as service from './moralEducation.service.js';
import { coverageExport, missedExport } from './moralEducation.queries.js';
import { classDays } from './moralEducation.classDays.js';
import { MAX_PHOTO_BYTES, PHOTO_ACCEPTS } from './moralEducation.photos.js';
import { sendFile, uploadingWrite } from '../../core/files/index.js';
import { allow } from '../../core/http/access.js';

const tags = ['moralEducation'];

/**
 * The record form: JSON, or multipart/form-data with the same JSON in a `data` field and
 * an optional image in `photo` — one request from a phone, photo included.
 */
async function readRecordForm(req: FastifyRequest): Promise<{ body: unknown; photo: Buffer | null; filename?: string }> {
  if (!req.isMultipart()) return { body: req.body, photo: null };
  let data: string | undefined;
  let photo: Buffer | null = null;
  let filename: string | undefined;
  try {
    for await (const part of req.parts({ limits: { fileSize: MAX_PHOTO_BYTES, files: 1, fields: 4 } })) {
      if (part.type === 'file') {
        if (part.fieldname !== 'photo')
          throw new AppError(400, 'validation', 'moralEducation.badForm', {}, [{ field: `body.${part.fieldname}`, message: 'moralEducation.badForm' }]);
        photo = await part.toBuffer();
        filename = part.filename;
      } else if (part.fieldname === 'data') data = String(part.value);
    }
  } catch (err: any) {
    if (err?.code === 'FST_REQ_FILE_TOO_LARGE') {
      throw new AppError(413, 'payload_too_large', 'moralEducation.photoTooLarge', { mb: MAX_PHOTO_BYTES / 1024 / 1024 }, [
        { field: 'body.photo', message: 'moralEducation.photoTooLarge', params: { mb: MAX_PHOTO_BYTES / 1024 / 1024 } },
      ]);
    }
    throw err;
  }
  let body: unknown;
  try {
    body = data === undefined ? {} : JSON.parse(data);
  } catch {
    throw new AppError(400, 'validation', 'moralEducation.badForm', {}, [{ field: 'body.data', message: 'moralEducation.badForm' }]);
  }
  // The text guard saw only the raw form; the record inside it gets the same check.
  refuseBadText(body, 'body');
  return { body, photo, filename };
}

export async function moralEducationRoutes(app: App) {
  const db = app.deps.database.db;
  const dataDir = app.deps.config.dataDir;

  app.get(
    '/api/v1/moral-education/schools/:schoolId/plan',
    {
      config: allow('sysAdmin', 'principal', 'academicOffice', 'headTeacher', 'subjectTeacher'),
      schema: {
        tags,
        summary: '全校主题日历（每周主题、每天话题）',
        params: SchoolParams,
        querystring: PlanQuery,
        response: { 200: z.object({ items: z.array(SchoolPlanDay) }) },
      },
    },
    async (req) => ({
      items: await service.schoolPlan(readCall(db, req), req.params.schoolId, req.query),
    }),
  );

  app.put(
    '/api/v1/moral-education/schools/:schoolId/plan',
    {
      config: allow('sysAdmin', 'principal', 'academicOffice'),
      schema: {
        tags,
        summary: '编排主题日历（批量；空文本为删除）',
        params: SchoolParams,
        body: PutPlanBody,
        response: { 200: z.object({ updated: z.number() }) },
      },
    },
    async (req, reply) => writeCall(db, req, reply, 200, (call) => service.putPlan(call, req.params.schoolId, req.body)),
  );

  app.get(
    '/api/v1/moral-education/classes/:classId/plan',
    {
      config: allow('sysAdmin', 'principal', 'academicOffice', 'headTeacher', 'subjectTeacher'),
      schema: {
        tags,
        summary: '班级每天的话题与开展情况',
        params: ClassParams,
        querystring: PlanQuery,
        response: { 200: z.object({ items: z.array(ClassPlanDay) }) },
      },
    },
    async (req) => ({
      items: await service.classPlan(readCall(db, req), req.params.classId, req.query),
    }),
  );

  app.get(
    '/api/v1/moral-education/my-class/plan',
    {
      config: allow('student'),
      schema: { tags, summary: '我的班级每天的话题（学生本人所在班级）', querystring: PlanQuery, response: { 200: MyClassPlan } },
    },
    async (req) => service.myClassPlan(readCall(db, req), req.query),
  );

  app.put(
    '/api/v1/moral-education/classes/:classId/days/:date/topic',
    {
      config: allow('headTeacher'),
      schema: { tags, summary: '班主任替换本班当天话题', params: ClassDateParams, body: ReplaceTopicBody, response: { 200: ClassPlanDay } },
    },
    async (req, reply) => writeCall(db, req, reply, 200, (call) => service.replaceTopic(call, req.params.classId, req.params.date, req.body.topic)),
  );

  app.delete(
    '/api/v1/moral-education/classes/:classId/days/:date/topic',
    { config: allow('headTeacher'), schema: { tags, summary: '恢复学校统一话题', params: ClassDateParams } },
    async (req, reply) => {
      // null, not undefined: an Idempotency-Key stores the answer as JSON.
      await writeCall(db, req, reply, 204, async (call) => {
        await service.revertTopic(call, req.params.classId, req.params.date);
        return null;
      });
      return reply.send();
    },
  );

  app.post(
    '/api/v1/moral-education/classes/:classId/sessions',
    {
      config: allow('headTeacher'),
      schema: {
        tags,
        summary: '记录一次十分钟思想教育（JSON，或 multipart：data=JSON，photo=图片）；支持 Idempotency-Key',
        params: ClassParams,
        response: { 201: MoralSession },
      },
    },
    async (req, reply) => {
      requireActor(req);
      const form = await readRecordForm(req);
      const parsed = RecordSessionBody.safeParse(form.body, { reportInput: true });
      if (!parsed.success) throw new RequestValidationError('body', parsed.error.issues);
      // The idempotency fingerprint covers the photo too: the same key with another picture is a mismatch, not a replay.
      if (req.isMultipart())
        (req as { body: unknown }).body = { data: parsed.data, photo: form.photo ? createHash('sha256').update(form.photo).digest('hex') : null };
      // Core stores the photo (and drops its bytes again if the record fails or is a replay); the session claims it.
      return uploadingWrite(db, dataDir, req, reply, 201, async (call, store) =>
        service.recordSession(
          call,
          req.params.classId,
          parsed.data,
          form.photo ? await store({ filename: form.filename, data: form.photo }, PHOTO_ACCEPTS) : null,
        ),
      );
    },
  );

  app.get(
    '/api/v1/moral-education/classes/:classId/sessions',
    {
      config: allow('sysAdmin', 'principal', 'academicOffice', 'headTeacher', 'subjectTeacher'),
      schema: { tags, summary: '班级开展记录', params: ClassParams, querystring: SessionListQuery, response: { 200: pageOf(MoralSession) } },
    },
    async (req) => service.listSessions(readCall(db, req), req.params.classId, req.query),
  );

  app.get(
    '/api/v1/moral-education/sessions/:id',
    {
      config: allow('sysAdmin', 'principal', 'academicOffice', 'headTeacher', 'subjectTeacher'),
      schema: { tags, summary: '开展记录详情', params: IdParams, response: { 200: MoralSession } },
    },
    async (req) => service.getSession(readCall(db, req), req.params.id),
  );

  app.patch(
    '/api/v1/moral-education/sessions/:id',
    { config: allow('headTeacher'), schema: { tags, summary: '修改开展记录', params: IdParams, body: UpdateSessionBody, response: { 200: MoralSession } } },
    async (req, reply) => writeCall(db, req, reply, 200, (call) => service.updateSession(call, req.params.id, req.body)),
  );

  app.get(
    '/api/v1/moral-education/sessions/:id/photo',
    { config: allow('sysAdmin', 'principal', 'academicOffice', 'headTeacher', 'subjectTeacher'), schema: { tags, summary: '开展照片', params: IdParams } },
    async (req, reply) => sendFile(reply, dataDir, await service.sessionPhoto(readCall(db, req), req.params.id)),
  );

  app.get(
    '/api/v1/moral-education/classes/:classId/indicators',
    {
      config: allow('sysAdmin', 'principal', 'academicOffice', 'headTeacher', 'subjectTeacher'),
      schema: { tags, summary: '班级覆盖率、话题完成、学生发言情况', params: ClassParams, querystring: IndicatorQuery, response: { 200: ClassIndicators } },
    },
    async (req) => service.classIndicators(readCall(db, req), req.params.classId, req.query),
  );

  app.get(
    '/api/v1/moral-education/schools/:schoolId/coverage',
    {
      config: allow('sysAdmin', 'principal', 'academicOffice'),
      schema: { tags, summary: '各班、各年级开展覆盖率', params: SchoolParams, querystring: SchoolCoverageQuery, response: { 200: SchoolCoverage } },
    },
    async (req) => {
      return service.schoolCoverage(readCall(db, req), req.params.schoolId, req.query);
    },
  );

  app.get(
    '/api/v1/moral-education/schools/:schoolId/coverage.xlsx',
    {
      config: allow('sysAdmin', 'principal', 'academicOffice'),
      schema: { tags, summary: '导出各班开展覆盖率（Excel）', params: SchoolParams, querystring: SchoolCoverageQuery },
    },
    async (req, reply) => {
      return sendXlsx(reply, await coverageExport(readCall(db, req), req.params.schoolId, req.query));
    },
  );

  app.get(
    '/api/v1/moral-education/schools/:schoolId/class-days',
    {
      config: allow('sysAdmin', 'principal', 'academicOffice'),
      schema: {
        tags,
        summary: '期间内各班上课日及开展情况（覆盖率的明细）',
        params: SchoolParams,
        querystring: ClassDayQuery,
        response: { 200: pageOf(ClassDayRow) },
      },
    },
    async (req) => classDays(readCall(db, req), req.params.schoolId, req.query),
  );

  app.get(
    '/api/v1/moral-education/schools/:schoolId/missed',
    {
      config: allow('sysAdmin', 'principal', 'academicOffice'),
      schema: { tags, summary: '缺失的十分钟思想教育（未开展、未记录）', params: SchoolParams, querystring: MissedQuery, response: { 200: pageOf(MissedRow) } },
    },
    async (req) => {
      return service.missedList(readCall(db, req), req.params.schoolId, req.query);
    },
  );

  app.get(
    '/api/v1/moral-education/schools/:schoolId/missed.xlsx',
    {
      config: allow('sysAdmin', 'principal', 'academicOffice'),
      schema: { tags, summary: '导出缺失记录（Excel）', params: SchoolParams, querystring: MissedQuery },
    },
    async (req, reply) => {
      return sendXlsx(reply, await missedExport(readCall(db, req), req.params.schoolId, req.query));
    },
  );
}
