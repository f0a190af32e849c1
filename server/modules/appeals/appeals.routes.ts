/**
 * HTTP for appeals: authenticate → validate (schemas from common/schemas/appeals.ts) →
 * service → present. Nothing here decides who may do what.
 */
import { z } from 'zod';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { IdParams } from '../../../common/schemas/shared.js';
import {
  AcceptBody,
  AnswerBody,
  AppealDetail,
  AppealReceipt,
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
  LinkBody,
  MergeBody,
  NoteBody,
  PutDeadlineRulesBody,
  PutSettingsBody,
  RateBody,
  RevealBody,
  RevealResult,
  SettingsQuery,
  SimilarAppeals,
  SubmitAppealBody,
  SuperviseBody,
  UploadedAttachment,
  UrgencyBody,
} from '../../../common/schemas/appeals.js';
import { ATTACHMENT_LIMITS } from '../../../common/appeals.js';
import type { App } from '../../core/http/types.js';
import { callContext, requireActor } from '../../core/auth/auth.plugin.js';
import { idempotent } from '../../core/http/idempotency.js';
import { readCall, writeCall } from '../../core/http/call.js';
import { sendFile, uploadingWrite } from '../../core/files/index.js';
import type { WriteCall } from '../../core/call.js';
import { invalid } from '../../core/errors.js';
import * as service from './appeals.service.js';
import * as queries from './appeals.queries.js';
import * as config from './appeals.config.js';
import * as groups from './groupAlert.service.js';
import * as similar from './groupAlert.similar.js';
import * as files from './attachments.service.js';
import { dashboard } from './appeals.dashboard.js';
import { SIGNED_IN, allow } from '../../core/http/access.js';
import { sendXlsx } from '../../core/excel/export.js';

const tags = ['appeals'];

export async function appealsRoutes(app: App) {
  const db = app.deps.database.db;
  const dataDir = app.deps.config.dataDir;
  const who = (req: FastifyRequest) => ({ actor: requireActor(req), ctx: callContext(req) });

  // ---- intake ----

  app.post(
    '/api/v1/appeals/attachments',
    {
      config: allow('sysAdmin', 'unionChair', 'unionStaff', 'representative', 'worker'),
      schema: { tags, summary: '上传诉求附件（图片或 PDF，先上传后提交）', consumes: ['multipart/form-data'], response: { 201: UploadedAttachment } },
    },
    async (req, reply) => {
      const file = await req.file({ limits: { fileSize: ATTACHMENT_LIMITS.maxBytes, files: 1 } });
      if (!file) throw invalid('body.file', 'appeals.attachmentMissing');
      const data = await file.toBuffer();
      return uploadingWrite(db, dataDir, req, reply, 201, (call, store) => files.upload(call, store, { filename: file.filename, data }));
    },
  );

  app.post(
    '/api/v1/appeals',
    {
      config: allow('sysAdmin', 'unionChair', 'unionStaff', 'representative', 'worker'),
      schema: {
        tags,
        summary: '提交诉求（可匿名；支持 Idempotency-Key 重试）；答复回执，详情见 Location',
        body: SubmitAppealBody,
        response: { 201: AppealReceipt },
      },
    },
    async (req, reply) => {
      const { actor, ctx } = who(req);
      reply.status(201);
      const receipt = await idempotent(db, req, reply, actor.accountId, 201, (tx) => service.submitInTx(tx, ctx, actor, req.body));
      return reply.header('location', `/api/v1/appeals/${receipt.id}`).send(receipt);
    },
  );

  // ---- lists, export, dashboard ----

  app.get(
    '/api/v1/appeals',
    {
      config: allow('sysAdmin', 'unionChair', 'unionStaff', 'handler'),
      schema: { tags, summary: '诉求列表（按权限范围；筛选、排序、分页、全文检索 q）', querystring: AppealListQuery, response: { 200: AppealPage } },
    },
    async (req) => queries.list(db, requireActor(req), req.query),
  );

  app.get(
    '/api/v1/appeals/mine',
    { config: SIGNED_IN, schema: { tags, summary: '我的诉求', querystring: AppealListQuery, response: { 200: AppealPage } } },
    async (req) => queries.list(db, requireActor(req), { ...req.query, mine: true }),
  );

  for (const format of ['xlsx', 'csv'] as const) {
    app.get(
      `/api/v1/appeals/export.${format}`,
      {
        config: allow('sysAdmin', 'unionChair', 'unionStaff', 'handler'),
        schema: { tags, summary: `导出诉求列表（.${format}，个人信息按角色脱敏）`, querystring: AppealFilterQuery },
      },
      async (req, reply) => sendXlsx(reply, await queries.exportList(db, requireActor(req), req.query), format),
    );
  }

  app.get(
    '/api/v1/appeals/dashboard',
    {
      config: allow('sysAdmin', 'unionChair', 'unionStaff', 'handler'),
      schema: { tags, summary: '诉求指标看板（每个数字可下钻到列表）', querystring: DashboardQuery, response: { 200: Dashboard } },
    },
    async (req) => dashboard(db, requireActor(req), req.query),
  );

  // ---- configuration ----

  app.get(
    '/api/v1/appeals/settings',
    {
      config: allow('sysAdmin', 'unionChair', 'unionStaff'),
      schema: { tags, summary: '诉求设置（重办次数、群体预警阈值）', querystring: SettingsQuery, response: { 200: EffectiveSettings } },
    },
    async (req) => config.getSettings(db, requireActor(req), req.query.orgId),
  );
  app.put(
    '/api/v1/appeals/settings',
    {
      config: allow('sysAdmin', 'unionChair', 'unionStaff'),
      schema: { tags, summary: '修改诉求设置', body: PutSettingsBody, response: { 200: EffectiveSettings } },
    },
    async (req) => {
      const { actor, ctx } = who(req);
      return config.putSettings(db, ctx, actor, req.body);
    },
  );
  app.get(
    '/api/v1/appeals/deadline-rules',
    {
      config: allow('sysAdmin', 'unionChair', 'unionStaff'),
      schema: { tags, summary: '办理时限表（类别 × 紧急程度，工作日）', querystring: SettingsQuery, response: { 200: DeadlineRulesResponse } },
    },
    async (req) => config.getRules(db, requireActor(req), req.query.orgId),
  );
  app.put(
    '/api/v1/appeals/deadline-rules',
    {
      config: allow('sysAdmin', 'unionChair', 'unionStaff'),
      schema: { tags, summary: '修改办理时限表', body: PutDeadlineRulesBody, response: { 200: DeadlineRulesResponse } },
    },
    async (req) => {
      const { actor, ctx } = who(req);
      return config.putRules(db, ctx, actor, req.body);
    },
  );

  // ---- group alerts ----

  app.get(
    '/api/v1/appeals/group-alerts',
    {
      config: allow('sysAdmin', 'unionChair', 'unionStaff'),
      schema: { tags, summary: '群体诉求预警列表', querystring: GroupAlertListQuery, response: { 200: GroupAlertPage } },
    },
    async (req) => groups.list(db, requireActor(req), req.query),
  );
  app.get(
    '/api/v1/appeals/group-alerts/:id',
    { config: allow('sysAdmin', 'unionChair', 'unionStaff'), schema: { tags, summary: '群体诉求预警详情', params: IdParams, response: { 200: GroupAlert } } },
    async (req) => groups.get(db, requireActor(req), req.params.id),
  );
  app.post(
    '/api/v1/appeals/group-alerts/:id/confirm',
    {
      config: allow('sysAdmin', 'unionChair', 'unionStaff'),
      schema: { tags, summary: '确认为群体诉求，合并办理', params: IdParams, body: CloseBody, response: { 200: GroupAlert } },
    },
    async (req) => {
      const { actor, ctx } = who(req);
      return groups.confirm(db, ctx, actor, req.params.id, req.body);
    },
  );
  app.post(
    '/api/v1/appeals/group-alerts/:id/dismiss',
    {
      config: allow('sysAdmin', 'unionChair', 'unionStaff'),
      schema: { tags, summary: '排除预警', params: IdParams, body: GroupDismissBody, response: { 200: GroupAlert } },
    },
    async (req) => {
      const { actor, ctx } = who(req);
      return groups.dismiss(db, ctx, actor, req.params.id, req.body);
    },
  );
  app.post(
    '/api/v1/appeals/group-alerts/:id/assign',
    {
      config: allow('sysAdmin', 'unionChair', 'unionStaff'),
      schema: { tags, summary: '群体诉求统一交办', params: IdParams, body: GroupAssignBody, response: { 200: GroupAlert } },
    },
    async (req) => {
      const { actor, ctx } = who(req);
      return groups.assign(db, ctx, actor, req.params.id, req.body);
    },
  );
  app.post(
    '/api/v1/appeals/group-alerts/:id/answer',
    {
      config: allow('sysAdmin', 'unionChair', 'unionStaff'),
      schema: { tags, summary: '群体诉求统一答复（每件诉求答复一次）', params: IdParams, body: AnswerBody, response: { 200: GroupAlert } },
    },
    async (req) => {
      const { actor, ctx } = who(req);
      return groups.answer(db, ctx, actor, req.params.id, req.body);
    },
  );

  // ---- one appeal ----

  app.get(
    '/api/v1/appeals/:id',
    {
      config: allow('sysAdmin', 'unionChair', 'unionStaff', 'handler', 'worker'),
      schema: { tags, summary: '诉求详情（含办理过程时间线）', params: IdParams, response: { 200: AppealDetail } },
    },
    async (req) => service.get(db, requireActor(req), req.params.id, req.locale),
  );

  app.get(
    '/api/v1/appeals/:id/attachments/:attachmentId',
    { config: allow('sysAdmin', 'unionChair', 'unionStaff', 'handler', 'worker'), schema: { tags, summary: '下载附件', params: AttachmentParams } },
    // Core's safe headers: the type found at upload, nosniff, a sandboxing CSP, inline only for images.
    async (req, reply) => sendFile(reply, dataDir, await files.open(readCall(db, req), req.params.id, req.params.attachmentId, req.locale)),
  );

  app.get(
    '/api/v1/appeals/:id/similar',
    {
      config: allow('sysAdmin', 'unionChair', 'unionStaff'),
      schema: { tags, summary: '本单位同期相似诉求（排序，标出共同要素）', params: IdParams, response: { 200: SimilarAppeals } },
    },
    async (req) => similar.similarTo(db, requireActor(req), req.params.id),
  );
  app.post(
    '/api/v1/appeals/:id/link',
    {
      config: allow('sysAdmin', 'unionChair', 'unionStaff'),
      schema: { tags, summary: '人工关联为群体诉求（新建或并入）', params: IdParams, body: LinkBody, response: { 200: GroupAlert } },
    },
    async (req) => {
      const { actor, ctx } = who(req);
      return similar.link(db, ctx, actor, req.params.id, req.body);
    },
  );

  // Who acts on one appeal: union staff run the case; the assigned department's handler works it.
  const staffOnly = allow('sysAdmin', 'unionChair', 'unionStaff');
  const staffOrHandler = allow('sysAdmin', 'unionChair', 'unionStaff', 'handler');

  // An action on one appeal, answered with the appeal as the caller now sees it.
  const act = <B extends z.ZodType>(
    path: string,
    summary: string,
    access: ReturnType<typeof allow>,
    body: B,
    run: (call: WriteCall, id: string, body: z.infer<B>) => Promise<unknown>,
  ) =>
    app.post(`/api/v1/appeals/:id/${path}`, { config: access, schema: { tags, summary, params: IdParams, body, response: { 200: AppealDetail } } }, ((
      req: FastifyRequest<{ Params: { id: string }; Body: z.infer<B> }>,
      reply: FastifyReply,
    ) =>
      // The action and the appeal it answers with share one transaction; a retry with the same Idempotency-Key gets that answer again.
      writeCall(db, req, reply, 200, async (call) => {
        await run(call, req.params.id, req.body as z.infer<B>);
        return service.detail(call.tx, call.actor, req.params.id, req.locale, call.now);
      })) as any);

  act('accept', '受理', staffOnly, AcceptBody, service.acceptIn);
  act('decline', '不予受理（附政策解释）', staffOnly, DeclineBody, service.declineIn);
  act('urgency', '设定紧急程度（重算办理期限）', staffOnly, UrgencyBody, service.setUrgencyIn);
  act('assign', '交办到部门', staffOnly, AssignBody, service.assignIn);
  act('notes', '记录办理进展', staffOrHandler, NoteBody, service.addNoteIn);
  act('answer', '答复', staffOrHandler, AnswerBody, service.answerIn);
  act('extensions', '申请延期（承办人）', allow('sysAdmin', 'handler'), ExtensionBody, service.requestExtensionIn);
  act('rate', '评价答复（不满意可申请重办）', allow('worker'), RateBody, service.rateIn);
  act('close', '结案', staffOnly, CloseBody, service.closeIn);
  act('merge', '合并重复诉求到本件', staffOnly, MergeBody, service.mergeIn);
  act('supervise', '督办超期诉求', staffOnly, SuperviseBody, service.superviseIn);

  for (const decision of ['approve', 'reject'] as const) {
    app.post(
      `/api/v1/appeals/:id/extensions/:extensionId/${decision}`,
      {
        config: staffOnly,
        schema: {
          tags,
          summary: decision === 'approve' ? '同意延期' : '不同意延期',
          params: ExtensionParams,
          body: DecideExtensionBody,
          response: { 200: AppealDetail },
        },
      },
      async (req) => {
        const { actor, ctx } = who(req);
        await service.decideExtension(db, ctx, actor, req.params.id, req.params.extensionId, decision === 'approve', req.body);
        return service.get(db, actor, req.params.id, req.locale);
      },
    );
  }

  // Union staff only; a union chair too where the org's setting allows it (off by default), never the system admin (appeals.policy mayReveal).
  app.post(
    '/api/v1/appeals/:id/reveal',
    {
      config: allow('unionStaff'),
      schema: { tags, summary: '查看匿名诉求的提交人（仅工会，留痕审计）', params: IdParams, body: RevealBody, response: { 200: RevealResult } },
    },
    async (req) => {
      const { actor, ctx } = who(req);
      return service.reveal(db, ctx, actor, req.params.id, req.body);
    },
  );
}
