/**
 * HTTP for appeals: authenticate → validate (schemas from common/schemas/appeals.ts) →
 * service → present. Nothing here decides who may do what.
 */
import fs from 'node:fs';
import { z } from 'zod';
import type { FastifyRequest } from 'fastify';
import { IdParams } from '../../../common/schemas/shared.js';
import {
  AcceptBody,
  AnswerBody,
  AppealDetail,
  AppealFilterQuery,
  AppealListQuery,
  AppealPage,
  AssignBody,
  AttachmentParams,
  CloseBody,
  Dashboard,
  DashboardQuery,
  DeadlineRulesResponse,
  DecideExtensionBody,
  DeclineBody,
  EffectiveSettings,
  ExtensionBody,
  ExtensionParams,
  GroupAlert,
  GroupAlertListQuery,
  GroupAlertPage,
  GroupAssignBody,
  GroupDismissBody,
  MergeBody,
  NoteBody,
  PutDeadlineRulesBody,
  PutSettingsBody,
  RateBody,
  RevealBody,
  RevealResult,
  SettingsQuery,
  SubmitAppealBody,
  SuperviseBody,
  UploadedAttachment,
  UrgencyBody,
} from '../../../common/schemas/appeals.js';
import { ATTACHMENT_LIMITS } from '../../../common/appeals.js';
import type { App } from '../../core/http/types.js';
import { callContext, requireActor } from '../../core/auth/auth.plugin.js';
import { idempotent } from '../../core/http/idempotency.js';
import { invalid } from '../../core/errors.js';
import * as service from './appeals.service.js';
import * as queries from './appeals.queries.js';
import * as config from './appeals.config.js';
import * as groups from './groupAlert.service.js';
import * as files from './attachments.service.js';
import { dashboard } from './appeals.dashboard.js';

const tags = ['appeals'];

export async function appealsRoutes(app: App) {
  const db = app.deps.database.db;
  const dataDir = app.deps.config.dataDir;
  const who = (req: FastifyRequest) => ({ actor: requireActor(req), ctx: callContext(req) });

  // ---- intake ----

  app.post('/api/v1/appeals/attachments', { schema: { tags, summary: '上传诉求附件（图片或 PDF，先上传后提交）', consumes: ['multipart/form-data'], response: { 201: UploadedAttachment } } }, async (req, reply) => {
    const { actor, ctx } = who(req);
    const file = await req.file({ limits: { fileSize: ATTACHMENT_LIMITS.maxBytes, files: 1 } });
    if (!file) throw invalid('body.file', 'appeals.attachmentMissing');
    const data = await file.toBuffer();
    return reply.status(201).send(await files.upload(db, ctx, actor, dataDir, { filename: file.filename, data }));
  });

  app.post(
    '/api/v1/appeals',
    { schema: { tags, summary: '提交诉求（可匿名；支持 Idempotency-Key 重试）', body: SubmitAppealBody, response: { 201: AppealDetail } } },
    async (req, reply) => {
      const { actor, ctx } = who(req);
      reply.status(201);
      return idempotent(db, req, reply, actor.accountId, 201, (tx) => service.submitInTx(tx, ctx, actor, req.body));
    },
  );

  // ---- lists, export, dashboard ----

  app.get('/api/v1/appeals', { schema: { tags, summary: '诉求列表（按权限范围；筛选、排序、分页、全文检索 q）', querystring: AppealListQuery, response: { 200: AppealPage } } }, async (req) =>
    queries.list(db, requireActor(req), req.query),
  );

  app.get('/api/v1/appeals/mine', { schema: { tags, summary: '我的诉求', querystring: AppealListQuery, response: { 200: AppealPage } } }, async (req) =>
    queries.list(db, requireActor(req), { ...req.query, mine: true }),
  );

  app.get('/api/v1/appeals/export.xlsx', { schema: { tags, summary: '导出诉求列表（.xlsx，个人信息按角色脱敏）', querystring: AppealFilterQuery } }, async (req, reply) =>
    queries.exportXlsx(db, requireActor(req), req.query, reply),
  );

  app.get('/api/v1/appeals/dashboard', { schema: { tags, summary: '诉求指标看板（每个数字可下钻到列表）', querystring: DashboardQuery, response: { 200: Dashboard } } }, async (req) =>
    dashboard(db, requireActor(req), req.query),
  );

  // ---- configuration ----

  app.get('/api/v1/appeals/settings', { schema: { tags, summary: '诉求设置（重办次数、群体预警阈值）', querystring: SettingsQuery, response: { 200: EffectiveSettings } } }, async (req) =>
    config.getSettings(db, requireActor(req), req.query.orgId),
  );
  app.put('/api/v1/appeals/settings', { schema: { tags, summary: '修改诉求设置', body: PutSettingsBody, response: { 200: EffectiveSettings } } }, async (req) => {
    const { actor, ctx } = who(req);
    return config.putSettings(db, ctx, actor, req.body);
  });
  app.get('/api/v1/appeals/deadline-rules', { schema: { tags, summary: '办理时限表（类别 × 紧急程度，工作日）', querystring: SettingsQuery, response: { 200: DeadlineRulesResponse } } }, async (req) =>
    config.getRules(db, requireActor(req), req.query.orgId),
  );
  app.put('/api/v1/appeals/deadline-rules', { schema: { tags, summary: '修改办理时限表', body: PutDeadlineRulesBody, response: { 200: DeadlineRulesResponse } } }, async (req) => {
    const { actor, ctx } = who(req);
    return config.putRules(db, ctx, actor, req.body);
  });

  // ---- group alerts ----

  app.get('/api/v1/appeals/group-alerts', { schema: { tags, summary: '群体诉求预警列表', querystring: GroupAlertListQuery, response: { 200: GroupAlertPage } } }, async (req) =>
    groups.list(db, requireActor(req), req.query),
  );
  app.get('/api/v1/appeals/group-alerts/:id', { schema: { tags, summary: '群体诉求预警详情', params: IdParams, response: { 200: GroupAlert } } }, async (req) =>
    groups.get(db, requireActor(req), req.params.id),
  );
  app.post('/api/v1/appeals/group-alerts/:id/confirm', { schema: { tags, summary: '确认为群体诉求，合并办理', params: IdParams, body: CloseBody, response: { 200: GroupAlert } } }, async (req) => {
    const { actor, ctx } = who(req);
    return groups.confirm(db, ctx, actor, req.params.id, req.body);
  });
  app.post('/api/v1/appeals/group-alerts/:id/dismiss', { schema: { tags, summary: '排除预警', params: IdParams, body: GroupDismissBody, response: { 200: GroupAlert } } }, async (req) => {
    const { actor, ctx } = who(req);
    return groups.dismiss(db, ctx, actor, req.params.id, req.body);
  });
  app.post('/api/v1/appeals/group-alerts/:id/assign', { schema: { tags, summary: '群体诉求统一交办', params: IdParams, body: GroupAssignBody, response: { 200: GroupAlert } } }, async (req) => {
    const { actor, ctx } = who(req);
    return groups.assign(db, ctx, actor, req.params.id, req.body);
  });
  app.post('/api/v1/appeals/group-alerts/:id/answer', { schema: { tags, summary: '群体诉求统一答复（每件诉求答复一次）', params: IdParams, body: AnswerBody, response: { 200: GroupAlert } } }, async (req) => {
    const { actor, ctx } = who(req);
    return groups.answer(db, ctx, actor, req.params.id, req.body);
  });

  // ---- one appeal ----

  app.get('/api/v1/appeals/:id', { schema: { tags, summary: '诉求详情（含办理过程时间线）', params: IdParams, response: { 200: AppealDetail } } }, async (req) =>
    service.get(db, requireActor(req), req.params.id, req.locale),
  );

  app.get('/api/v1/appeals/:id/attachments/:attachmentId', { schema: { tags, summary: '下载附件', params: AttachmentParams } }, async (req, reply) => {
    const f = await files.open(db, requireActor(req), dataDir, req.params.id, req.params.attachmentId, req.locale);
    const disposition = f.contentType === 'application/pdf' ? 'attachment' : 'inline';
    return reply
      .header('content-type', f.contentType)
      .header('content-length', String(f.size))
      .header('content-disposition', `${disposition}; filename="file${f.fileName.slice(f.fileName.lastIndexOf('.'))}"; filename*=UTF-8''${encodeURIComponent(f.fileName)}`)
      .header('x-content-type-options', 'nosniff')
      // Even a file that slipped past the checks could run nothing here.
      .header('content-security-policy', "default-src 'none'; img-src 'self'; sandbox")
      .header('cache-control', 'private, no-store')
      .send(fs.createReadStream(f.path));
  });

  // An action on one appeal, answered with the appeal as the caller now sees it.
  const act = <B extends z.ZodType>(path: string, summary: string, body: B, run: (req: FastifyRequest<{ Params: { id: string }; Body: z.infer<B> }>) => Promise<unknown>) =>
    app.post(`/api/v1/appeals/:id/${path}`, { schema: { tags, summary, params: IdParams, body, response: { 200: AppealDetail } } }, (async (req: FastifyRequest<{ Params: { id: string }; Body: z.infer<B> }>) => {
      await run(req);
      return service.get(db, requireActor(req), req.params.id, req.locale);
    }) as any);

  act('accept', '受理', AcceptBody, (req) => service.accept(db, callContext(req), requireActor(req), req.params.id, req.body));
  act('decline', '不予受理（附政策解释）', DeclineBody, (req) => service.decline(db, callContext(req), requireActor(req), req.params.id, req.body));
  act('urgency', '设定紧急程度（重算办理期限）', UrgencyBody, (req) => service.setUrgency(db, callContext(req), requireActor(req), req.params.id, req.body));
  act('assign', '交办到部门', AssignBody, (req) => service.assign(db, callContext(req), requireActor(req), req.params.id, req.body));
  act('notes', '记录办理进展', NoteBody, (req) => service.addNote(db, callContext(req), requireActor(req), req.params.id, req.body));
  act('answer', '答复', AnswerBody, (req) => service.answer(db, callContext(req), requireActor(req), req.params.id, req.body));
  act('extensions', '申请延期（承办人）', ExtensionBody, (req) => service.requestExtension(db, callContext(req), requireActor(req), req.params.id, req.body));
  act('rate', '评价答复（不满意可申请重办）', RateBody, (req) => service.rate(db, callContext(req), requireActor(req), req.params.id, req.body));
  act('close', '结案', CloseBody, (req) => service.close(db, callContext(req), requireActor(req), req.params.id, req.body));
  act('merge', '合并重复诉求到本件', MergeBody, (req) => service.merge(db, callContext(req), requireActor(req), req.params.id, req.body));
  act('supervise', '督办超期诉求', SuperviseBody, (req) => service.supervise(db, callContext(req), requireActor(req), req.params.id, req.body));

  for (const decision of ['approve', 'reject'] as const) {
    app.post(
      `/api/v1/appeals/:id/extensions/:extensionId/${decision}`,
      { schema: { tags, summary: decision === 'approve' ? '同意延期' : '不同意延期', params: ExtensionParams, body: DecideExtensionBody, response: { 200: AppealDetail } } },
      async (req) => {
        const { actor, ctx } = who(req);
        await service.decideExtension(db, ctx, actor, req.params.id, req.params.extensionId, decision === 'approve', req.body);
        return service.get(db, actor, req.params.id, req.locale);
      },
    );
  }

  app.post('/api/v1/appeals/:id/reveal', { schema: { tags, summary: '查看匿名诉求的提交人（仅工会，留痕审计）', params: IdParams, body: RevealBody, response: { 200: RevealResult } } }, async (req) => {
    const { actor, ctx } = who(req);
    return service.reveal(db, ctx, actor, req.params.id, req.body);
  });
}
