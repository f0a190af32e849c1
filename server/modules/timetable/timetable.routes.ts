/** HTTP only: path, declared access, schemas, one call into the service. */
import type { FastifyRequest } from 'fastify';
import { ClassParams, SchoolParams } from '../../../common/schemas/school.js';
import { ClassTimetable, PutTimetableBody, TimetableImportResult } from '../../../common/schemas/timetable.js';
import { AppError } from '../../core/errors.js';
import type { App } from '../../core/http/types.js';
import { allow } from '../../core/http/access.js';
import { readCall, writeCall } from '../../core/http/call.js';
import { importTimetable } from './timetable.import.js';
import { schoolToManage } from './timetable.policy.js';
import * as service from './timetable.service.js';

const tags = ['timetable'];
const READERS = ['sysAdmin', 'principal', 'academicOffice', 'headTeacher', 'subjectTeacher'] as const;
const OFFICE = ['sysAdmin', 'academicOffice'] as const;

async function readFile(req: FastifyRequest): Promise<Buffer> {
  if (!req.isMultipart())
    throw new AppError(415, 'unsupported_media_type', 'error.unsupportedMedia', {}, [{ field: 'headers.content-type', message: 'error.unsupportedMedia' }]);
  let file: Buffer | undefined;
  for await (const part of req.parts()) if (part.type === 'file') file ??= await part.toBuffer();
  if (!file || file.length === 0) throw service.noFile();
  return file;
}

export async function timetableRoutes(app: App) {
  const db = app.deps.database.db;

  app.get(
    '/api/v1/timetable/classes/:classId',
    { config: allow(...READERS), schema: { tags, summary: '班级课表（星期 × 节次 → 学科、教师）', params: ClassParams, response: { 200: ClassTimetable } } },
    async (req) => service.classTimetable(readCall(db, req), req.params.classId),
  );

  app.put(
    '/api/v1/timetable/classes/:classId',
    {
      config: allow(...OFFICE),
      schema: {
        tags,
        summary: '保存班级课表（整周替换）；支持 Idempotency-Key',
        params: ClassParams,
        body: PutTimetableBody,
        response: { 200: ClassTimetable },
      },
    },
    (req, reply) => writeCall(db, req, reply, 200, (call) => service.replaceTimetable(call, req.params.classId, req.body.slots)),
  );

  app.post(
    '/api/v1/timetable/schools/:schoolId/import',
    {
      config: allow(...OFFICE),
      schema: {
        tags,
        summary: '从 Excel 导入全校课表（班级、星期、节次、学科、教师；任一行有误则不写入）',
        consumes: ['multipart/form-data'],
        params: SchoolParams,
        response: { 200: TimetableImportResult },
      },
    },
    async (req, reply) => {
      // Who may import is settled before the upload is read, so a refused caller learns nothing about the file.
      await schoolToManage(db, readCall(db, req).actor, req.params.schoolId);
      const file = await readFile(req);
      return writeCall(db, req, reply, 200, (call) => importTimetable(call, req.params.schoolId, file));
    },
  );
}
