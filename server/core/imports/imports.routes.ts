import type { FastifyRequest } from 'fastify';
import { ImportBatch, ImportPreview } from '../../../common/schemas/imports.js';
import { Id, IdParams } from '../../../common/schemas/shared.js';
import type { App } from '../http/types.js';
import { AppError } from '../errors.js';
import { callContext, requireActor } from '../auth/auth.plugin.js';
import * as service from './imports.service.js';
import { rosterTemplate } from './template.js';
import { SIGNED_IN, allow, allowOwn } from '../http/access.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The orgId field and the first file of a multipart upload. */
export async function readUpload(req: FastifyRequest) {
  if (!req.isMultipart())
    throw new AppError(415, 'unsupported_media_type', 'error.unsupportedMedia', {}, [{ field: 'headers.content-type', message: 'error.unsupportedMedia' }]);
  let orgId: string | undefined;
  let file: { name: string; content: Buffer } | undefined;
  for await (const part of req.parts()) {
    if (part.type === 'file') {
      const content = await part.toBuffer();
      // The name is kept with the batch: no control characters (PostgreSQL cannot store NUL).
      file ??= { name: part.filename.replace(/\p{Cc}/gu, '') || 'roster.xlsx', content };
    } else if (part.fieldname === 'orgId') {
      orgId = String(part.value).trim();
    }
  }
  if (!orgId) throw new AppError(400, 'validation', 'error.validation', {}, [{ field: 'body.orgId', message: 'import.orgRequired' }]);
  if (!Id.safeParse(orgId).success) throw new AppError(400, 'validation', 'error.validation', {}, [{ field: 'body.orgId', message: 'validation.id' }]);
  if (!file || file.content.length === 0) throw new AppError(400, 'validation', 'error.validation', {}, [{ field: 'body.file', message: 'import.noFile' }]);
  return { orgId, file };
}

export async function importsRoutes(app: App) {
  const db = app.deps.database.db;
  const tags = ['imports'];

  app.get('/api/v1/imports/template.xlsx', { config: SIGNED_IN, schema: { tags, summary: '人员导入模板 (.xlsx)' } }, async (req, reply) => {
    requireActor(req);
    return reply
      .header('content-type', XLSX)
      .header('content-disposition', `attachment; filename="template.xlsx"; filename*=UTF-8''${encodeURIComponent('人员导入模板.xlsx')}`)
      .send(await rosterTemplate());
  });

  app.post(
    '/api/v1/imports/people',
    {
      config: allow('sysAdmin', 'unionStaff', 'academicOffice'),
      schema: { tags, summary: '上传人员名单并预检（不写入人员）', consumes: ['multipart/form-data'], response: { 201: ImportPreview } },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      const { orgId, file } = await readUpload(req);
      return reply.status(201).send(await service.preview(db, actor, req.locale, { orgId, fileName: file.name, file: file.content }));
    },
  );

  app.get(
    '/api/v1/imports/:id',
    {
      config: allowOwn('sysAdmin', 'unionStaff', 'academicOffice'),
      schema: { tags, summary: '导入批次状态与进度', params: IdParams, response: { 200: ImportBatch } },
    },
    async (req) => service.get(db, requireActor(req), req.locale, req.params.id),
  );

  app.post(
    '/api/v1/imports/:id/confirm',
    {
      config: allowOwn('sysAdmin', 'unionStaff', 'academicOffice'),
      schema: { tags, summary: '确认导入（仅上传人；有错误时拒绝）', params: IdParams, response: { 200: ImportBatch } },
    },
    async (req) => service.confirm(db, callContext(req), requireActor(req), req.params.id),
  );
}
