import { z } from 'zod';
import type { FastifyReply } from 'fastify';
import type { App } from '../../core/http/types.js';
import { readCall, writeCall } from '../../core/http/call.js';
import { allow } from '../../core/http/access.js';
import { IdParams } from '../../../common/schemas/shared.js';
import {
  CreateReportBody,
  Dashboard,
  DashboardQuery,
  FigureRecords,
  FigureRecordsQuery,
  Narrative,
  NotableCaseSuggestions,
  OrgQuery,
  PutThresholdsBody,
  Report,
  ReportFileQuery,
  ReportListQuery,
  ReportPage,
  ReportSummary,
  ThresholdList,
} from '../../../common/schemas/workReport.js';
import { WORK_REPORT_ROLES } from '../../../common/workReport.js';
import * as service from './workReport.service.js';
import { reportDocx } from './workReport.docx.js';
import { reportPdf } from './workReport.pdf.js';
import { sofficePath } from '../../core/office/libreOffice.js';
import { settleGenerations, startGeneration } from './workReport.generate.js';

const tags = ['workReport'];
const ACCESS = allow(...WORK_REPORT_ROLES);

function download(reply: FastifyReply, body: Buffer, type: string, ascii: string, name: string) {
  return reply
    .header('content-type', type)
    .header('content-disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`)
    .header('x-content-type-options', 'nosniff')
    .send(body);
}

export async function workReportRoutes(app: App) {
  const db = app.deps.database.db;
  // A generation under way finishes (or fails into its row) before the database closes.
  app.addHook('onClose', async () => settleGenerations());

  app.get(
    '/api/v1/work-report/dashboard',
    {
      config: ACCESS,
      schema: { tags, summary: '综合看板：全部指标（本期、上期、趋势、阈值告警）', querystring: DashboardQuery, response: { 200: Dashboard } },
    },
    async (req) => service.dashboard(readCall(db, req), req.query),
  );

  app.get(
    '/api/v1/work-report/thresholds',
    { config: ACCESS, schema: { tags, summary: '本组织的指标告警阈值', querystring: OrgQuery, response: { 200: ThresholdList } } },
    async (req) => service.thresholds(readCall(db, req), req.query.orgId),
  );

  app.put(
    '/api/v1/work-report/thresholds',
    { config: ACCESS, schema: { tags, summary: '设置本组织的指标告警阈值（整体替换）', body: PutThresholdsBody, response: { 200: ThresholdList } } },
    (req, reply) => writeCall(db, req, reply, 200, (call) => service.putThresholds(call, req.body)),
  );

  app.get(
    '/api/v1/work-reports',
    { config: ACCESS, schema: { tags, summary: '工作总结列表', querystring: ReportListQuery, response: { 200: ReportPage } } },
    async (req) => service.list(readCall(db, req), req.query),
  );

  app.post(
    '/api/v1/work-reports',
    { config: ACCESS, schema: { tags, summary: '生成工作总结（排队后立即开始，进度见详情）', body: CreateReportBody, response: { 202: ReportSummary } } },
    async (req, reply) => {
      const created = await writeCall(db, req, reply, 202, (call) => service.create(call, req.body));
      // After the commit: the generation reads the row the transaction wrote.
      if (created.status === 'queued') startGeneration(db, created.id, req.log);
      return reply.status(202).send(created);
    },
  );

  app.get(
    '/api/v1/work-reports/:id',
    {
      config: ACCESS,
      schema: {
        tags,
        summary: '工作总结（数据快照、正文、版本、生成进度）',
        params: IdParams,
        response: { 200: Report.extend({ pdfAvailable: z.boolean() }) },
      },
    },
    async (req) => ({
      ...(await service.get(readCall(db, req), req.params.id)),
      pdfAvailable: sofficePath() !== null,
    }),
  );

  app.get(
    '/api/v1/work-reports/:id/notable-cases',
    {
      config: { ...ACCESS, problems: [409] },
      schema: { tags, summary: '典型案例建议（各实践按本报告的组织与统计期提供，已去标识）', params: IdParams, response: { 200: NotableCaseSuggestions } },
    },
    async (req) => service.notableCases(readCall(db, req), req.params.id),
  );

  app.get(
    '/api/v1/work-reports/:id/records',
    {
      // 422: a reference code the report does not carry (query.ref).
      config: { ...ACCESS, problems: [409, 422] },
      schema: {
        tags,
        summary: '数据所计入的记录（生成时的快照：记录编号，随后变化不影响；无权查看明细者仅见数量）',
        params: IdParams,
        querystring: FigureRecordsQuery,
        response: { 200: FigureRecords },
      },
    },
    async (req) => service.figureRecords(readCall(db, req), req.params.id, req.query),
  );

  app.put(
    '/api/v1/work-reports/:id/narrative',
    { config: ACCESS, schema: { tags, summary: '修改正文（数据锁定为快照）', params: IdParams, body: Narrative, response: { 200: Report } } },
    (req, reply) => writeCall(db, req, reply, 200, (call) => service.putNarrative(call, req.params.id, req.body)),
  );

  app.post(
    '/api/v1/work-reports/:id/issue',
    { config: ACCESS, schema: { tags, summary: '印发（生成新版本）', params: IdParams, response: { 200: Report } } },
    (req, reply) => writeCall(db, req, reply, 200, (call) => service.issue(call, req.params.id)),
  );

  app.get(
    '/api/v1/work-reports/:id/report.docx',
    { config: { ...ACCESS, problems: [409] }, schema: { tags, summary: '下载 Word 文档（.docx）', params: IdParams, querystring: ReportFileQuery } },
    async (req, reply) => {
      const r = await service.forFile(readCall(db, req), req.params.id, req.query.version);
      return download(reply, await reportDocx(r), 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'report.docx', `${r.title}.docx`);
    },
  );

  app.get(
    '/api/v1/work-reports/:id/report.pdf',
    {
      config: { ...ACCESS, problems: [409] },
      schema: { tags, summary: '下载 PDF（需服务器安装 LibreOffice）', params: IdParams, querystring: ReportFileQuery },
    },
    async (req, reply) => {
      const r = await service.forFile(readCall(db, req), req.params.id, req.query.version);
      const pdf = await reportPdf(`${r.id}:${req.query.version ?? 'now'}:${r.updatedAt}`, () => reportDocx(r));
      return download(reply, pdf, 'application/pdf', 'report.pdf', `${r.title}.pdf`);
    },
  );
}
