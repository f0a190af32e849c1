import { z } from 'zod';
import { AuditEvent, AuditFilter, AuditListQuery } from '../../../common/schemas/audit.js';
import { pageOf } from '../../../common/schemas/shared.js';
import type { App } from '../http/types.js';
import { callContext, requireActor } from '../auth/auth.plugin.js';
import * as service from './audit.service.js';
import { sendXlsx } from '../excel/export.js';
import { allow } from '../http/access.js';

const ExportQuery = AuditFilter.extend({ order: z.enum(['asc', 'desc']).default('desc') });

export async function auditRoutes(app: App) {
  const db = app.deps.database.db;

  app.get(
    '/api/v1/audit',
    {
      config: allow('sysAdmin', 'unionChair', 'principal'),
      schema: { tags: ['audit'], summary: '审计日志（本人审计范围内）', querystring: AuditListQuery, response: { 200: pageOf(AuditEvent) } },
    },
    async (req) => service.list(db, requireActor(req), req.query),
  );

  app.get(
    '/api/v1/audit/export.xlsx',
    {
      schema: { tags: ['audit'], summary: '导出审计日志（.xlsx，最多 5 万行）', querystring: ExportQuery },
      config: { ...allow('sysAdmin', 'unionChair', 'principal'), rateLimit: { max: 10, timeWindow: '1 minute' } },
    },
    async (req, reply) => sendXlsx(reply, await service.exportXlsx(db, callContext(req), requireActor(req), req.query)),
  );
}
