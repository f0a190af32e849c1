/** HTTP only: path, declared access, schemas, one call into the service. */
import {
  AcceptCaseBody,
  AgreementBody,
  ApplyBody,
  CaseDetail,
  CaseListQuery,
  CasePage,
  EvidenceBody,
  ExtendBody,
  FiguresQuery,
  MediationFigures,
  MediationFileParams,
  MediatorOptions,
  PaymentBody,
  ReasonBody,
  SessionBody,
} from '../../../common/schemas/mediation.js';
import { IdParams } from '../../../common/schemas/shared.js';
import type { App } from '../../core/http/types.js';
import { allow } from '../../core/http/access.js';
import { readCall, writeCall } from '../../core/http/call.js';
import { sendFile } from '../../core/files/index.js';
import * as service from './mediation.service.js';
import { renderAgreement } from './mediation.print.js';
import { agreementDocx } from './mediation.docx.js';
import { DOCX } from '../../core/files/index.js';

const tags = ['mediation'];
const COMMITTEE = ['sysAdmin', 'unionChair', 'unionStaff', 'mediator'] as const;
const PARTIES = [...COMMITTEE, 'worker'] as const;

export async function mediationRoutes(app: App) {
  const db = app.deps.database.db;
  const ok = { 200: CaseDetail };

  app.get(
    '/api/v1/mediation/cases',
    { config: allow(...PARTIES), schema: { tags, summary: '调解案件列表（调解员工作台、职工本人）', querystring: CaseListQuery, response: { 200: CasePage } } },
    async (req) => service.list(readCall(db, req), req.query),
  );

  app.post(
    '/api/v1/mediation/cases',
    {
      config: allow(...PARTIES),
      schema: { tags, summary: '申请调解（职工本人）或代为登记；支持 Idempotency-Key', body: ApplyBody, response: { 201: CaseDetail } },
    },
    (req, reply) => writeCall(db, req, reply, 201, (call) => service.apply(call, req.body)),
  );

  app.get(
    '/api/v1/mediation/figures',
    {
      config: allow('sysAdmin', 'unionChair', 'unionStaff'),
      schema: {
        tags,
        summary: '调解指标按争议类型与单位分列（含调解时长；每行带案件列表的筛选）',
        querystring: FiguresQuery,
        response: { 200: MediationFigures },
      },
    },
    async (req) => service.figures(readCall(db, req), req.query),
  );

  app.get(
    '/api/v1/mediation/cases/:id',
    { config: allow(...PARTIES), schema: { tags, summary: '调解案件详情（每次查看均记入审计）', params: IdParams, response: ok } },
    async (req) => service.detail(readCall(db, req), req.params.id),
  );

  app.get(
    '/api/v1/mediation/cases/:id/agreement',
    { config: allow(...PARTIES), schema: { tags, summary: '打印调解协议书（HTML）', params: IdParams } },
    async (req, reply) => {
      const c = await service.forDocument(readCall(db, req), req.params.id);
      return reply.type('text/html; charset=utf-8').header('cache-control', 'private, no-store').send(renderAgreement(c));
    },
  );

  app.post(
    '/api/v1/mediation/cases/:id/evidence',
    { config: allow(...PARTIES), schema: { tags, summary: '补充证据材料（申请人或承办人；先上传文件）', params: IdParams, body: EvidenceBody, response: ok } },
    (req, reply) => writeCall(db, req, reply, 200, (call) => service.addEvidence(call, req.params.id, req.body.fileIds)),
  );

  app.get(
    '/api/v1/mediation/cases/:id/files/:mediationFileId',
    { config: allow(...PARTIES), schema: { tags, summary: '下载证据材料（记入审计）', params: MediationFileParams } },
    async (req, reply) => sendFile(reply, app.deps.config.dataDir, await service.evidenceFile(readCall(db, req), req.params.id, req.params.mediationFileId)),
  );

  app.get(
    '/api/v1/mediation/cases/:id/agreement.docx',
    { config: allow(...PARTIES), schema: { tags, summary: '下载调解协议书（Word .docx，记入审计）', params: IdParams } },
    async (req, reply) => {
      const c = await service.forDocument(readCall(db, req), req.params.id);
      return reply
        .type(DOCX)
        .header('content-disposition', `attachment; filename="agreement.docx"; filename*=UTF-8''${encodeURIComponent(`调解协议书 ${c.code}.docx`)}`)
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, no-store')
        .send(await agreementDocx(c));
    },
  );

  app.get(
    '/api/v1/mediation/cases/:id/mediators',
    { config: allow(...COMMITTEE), schema: { tags, summary: '可指定的调解员（受理时选择）', params: IdParams, response: { 200: MediatorOptions } } },
    async (req) => service.mediatorOptions(readCall(db, req), req.params.id),
  );

  app.post(
    '/api/v1/mediation/cases/:id/accept',
    { config: allow(...COMMITTEE), schema: { tags, summary: '受理（指定调解员）', params: IdParams, body: AcceptCaseBody, response: ok } },
    (req, reply) => writeCall(db, req, reply, 200, (call) => service.accept(call, req.params.id, req.body)),
  );

  app.post(
    '/api/v1/mediation/cases/:id/reject',
    { config: allow(...COMMITTEE), schema: { tags, summary: '不予受理', params: IdParams, body: ReasonBody, response: ok } },
    (req, reply) => writeCall(db, req, reply, 200, (call) => service.reject(call, req.params.id, req.body.reason)),
  );

  app.post(
    '/api/v1/mediation/cases/:id/sessions',
    { config: allow(...COMMITTEE), schema: { tags, summary: '记录一次调解', params: IdParams, body: SessionBody, response: ok } },
    (req, reply) => writeCall(db, req, reply, 200, (call) => service.addSession(call, req.params.id, req.body)),
  );

  app.post(
    '/api/v1/mediation/cases/:id/extend',
    { config: allow(...COMMITTEE), schema: { tags, summary: '双方同意延长调解期限（累计不超过 15 天）', params: IdParams, body: ExtendBody, response: ok } },
    (req, reply) => writeCall(db, req, reply, 200, (call) => service.extend(call, req.params.id, req.body)),
  );

  app.post(
    '/api/v1/mediation/cases/:id/agreement',
    { config: allow(...COMMITTEE), schema: { tags, summary: '达成调解协议', params: IdParams, body: AgreementBody, response: ok } },
    (req, reply) => writeCall(db, req, reply, 200, (call) => service.agree(call, req.params.id, req.body)),
  );

  app.post(
    '/api/v1/mediation/cases/:id/fail',
    { config: allow(...COMMITTEE), schema: { tags, summary: '调解不成，告知申请仲裁', params: IdParams, body: ReasonBody, response: ok } },
    (req, reply) => writeCall(db, req, reply, 200, (call) => service.fail(call, req.params.id, req.body.reason)),
  );

  app.post(
    '/api/v1/mediation/cases/:id/withdraw',
    { config: allow(...PARTIES), schema: { tags, summary: '撤回调解申请', params: IdParams, body: ReasonBody, response: ok } },
    (req, reply) => writeCall(db, req, reply, 200, (call) => service.withdraw(call, req.params.id, req.body.reason)),
  );

  app.post(
    '/api/v1/mediation/cases/:id/payments',
    { config: allow(...COMMITTEE), schema: { tags, summary: '记录协议履行（付款）', params: IdParams, body: PaymentBody, response: ok } },
    (req, reply) => writeCall(db, req, reply, 200, (call) => service.recordPayment(call, req.params.id, req.body)),
  );
}
