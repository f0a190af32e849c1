/** HTTP only: path, declared access, schemas, one call into the service. */
import { z } from 'zod';
import {
  ApplyBody,
  AssistanceBody,
  Budget,
  BudgetBody,
  CallbackBody,
  Counts,
  DecideObjectionBody,
  NoteBody,
  ObjectionBody,
  ObjectionParams,
  OrgQuery,
  ProfileDetail,
  ProfileListQuery,
  ProfilePage,
  PublicNoticePage,
  PublicNoticeQuery,
  TotalsQuery,
  ReasonBody,
  ReviewBody,
  Rule,
  RuleBody,
  RuleList,
  RuleParams,
  RulePatch,
  Settings,
  SettingsBody,
  Totals,
  VisitBody,
} from '../../../common/schemas/hardship.js';
import { Id, IdParams } from '../../../common/schemas/shared.js';
import type { App } from '../../core/http/types.js';
import { allow } from '../../core/http/access.js';
import { readCall, writeCall } from '../../core/http/call.js';
import { sendFile } from '../../core/files/index.js';
import { notFound } from '../../core/errors.js';
import type { WriteCall } from '../../core/call.js';
import type { ProfileDetail as ProfileDetailT } from '../../../common/schemas/hardship.js';
import { shanghaiDate } from '../../core/calendar/calendar.js';
import * as service from './hardship.service.js';
import * as queries from './hardship.queries.js';
import { sendXlsx } from '../../core/excel/export.js';
import * as aftercare from './hardship.aftercare.js';
import * as assistance from './hardship.assistance.js';
import * as config from './hardship.config.js';
import * as publicity from './hardship.publicity.js';

const tags = ['hardship'];
// The officer permission is need-to-know (index.ts): the system admin does not hold it and sees
// no file, only the counts and the public notice everyone in the union sees.
const OFFICERS = ['unionChair', 'unionStaff'] as const;
const HOUSEHOLD = [...OFFICERS, 'worker'] as const;
const UNION = ['sysAdmin', ...OFFICERS, 'representative', 'worker'] as const;
const COUNTS = ['sysAdmin', ...OFFICERS, 'representative'] as const;

export async function hardshipRoutes(app: App) {
  const db = app.deps.database.db;
  const dataDir = app.deps.config.dataDir;
  const ok = { 200: ProfileDetail };
  const act = (path: string, summary: string, body: z.ZodType, work: (call: WriteCall, id: string, body: any) => Promise<ProfileDetailT>) =>
    app.post(
      `/api/v1/hardship/households/:id/${path}`,
      { config: allow(...OFFICERS), schema: { tags, summary, params: IdParams, body, response: ok } },
      (req, reply) => writeCall(db, req, reply, 200, (call) => work(call, (req.params as { id: string }).id, req.body)),
    );

  // The public notice first: an objection is raised while the notice runs, before any decision ends it.
  app.get(
    '/api/v1/hardship/publicity',
    { config: allow(...UNION), schema: { tags, summary: '公示名单（姓名已隐去）', querystring: PublicNoticeQuery, response: { 200: PublicNoticePage } } },
    async (req) => publicity.list(readCall(db, req), req.query),
  );
  app.post(
    '/api/v1/hardship/publicity/:id/objections',
    {
      config: allow(...UNION),
      schema: { tags, summary: '对公示提出异议', params: IdParams, body: ObjectionBody, response: { 201: z.object({ id: Id, raisedOn: z.string() }) } },
    },
    (req, reply) => writeCall(db, req, reply, 201, (call) => publicity.object(call, req.params.id, req.body.content, req.body.anonymous)),
  );

  app.get(
    '/api/v1/hardship/households',
    {
      config: allow(...HOUSEHOLD),
      schema: { tags, summary: '困难职工档案列表（帮扶专干：所辖；职工：本人）', querystring: ProfileListQuery, response: { 200: ProfilePage } },
    },
    async (req) => service.list(readCall(db, req), req.query),
  );
  for (const format of ['xlsx', 'csv'] as const) {
    app.get(
      `/api/v1/hardship/households/export.${format}`,
      {
        config: allow(...OFFICERS),
        schema: { tags, summary: `导出困难职工档案（.${format}，按列表的筛选与排序；导出记入审计）`, querystring: ProfileListQuery },
      },
      async (req, reply) => sendXlsx(reply, await queries.exportFiles(readCall(db, req), format, req.query), format),
    );
  }
  app.post(
    '/api/v1/hardship/households',
    {
      config: allow(...HOUSEHOLD),
      schema: { tags, summary: '申请困难帮扶（职工本人）或代为登记；支持 Idempotency-Key', body: ApplyBody, response: { 201: ProfileDetail } },
    },
    (req, reply) => writeCall(db, req, reply, 201, (call) => service.apply(call, req.body)),
  );
  app.get(
    '/api/v1/hardship/households/:id',
    { config: allow(...HOUSEHOLD), schema: { tags, summary: '困难职工档案（每次查看均记入审计；职工本人只见申请与状态）', params: IdParams, response: ok } },
    async (req) => service.detail(readCall(db, req), req.params.id),
  );
  app.get(
    '/api/v1/hardship/households/:id/files/:hardshipFileId',
    { config: allow(...OFFICERS), schema: { tags, summary: '档案附件或入户照片', params: z.object({ id: Id, hardshipFileId: Id }) } },
    async (req, reply) => {
      const file = await service.fileOfProfile(readCall(db, req), req.params.id, req.params.hardshipFileId);
      if (!file) throw notFound();
      return sendFile(reply, dataDir, file);
    },
  );

  act('visits', '入户核实（两名不同工作人员各记录一次）', VisitBody, (call, id, body) => service.visit(call, id, body));
  act('approve', '审核通过并公示', NoteBody, (call, id, body) => service.approve(call, id, body.note));
  act('refuse', '不予通过（说明理由）', ReasonBody, (call, id, body) => service.refuse(call, id, body.reason));
  act('file', '公示期满归档（在档）', z.object({}).strict(), (call, id) => service.file(call, id));
  act('reviews', '年度复核（动态管理）', ReviewBody, (call, id, body) => aftercare.review(call, id, body));
  act('exit', '脱困', ReasonBody, (call, id, body) => aftercare.exit(call, id, body.reason));
  act('callbacks', '脱困回访（3、6、12 个月）', CallbackBody, (call, id, body) => aftercare.callback(call, id, body));
  act('assistance', '记录一次帮扶', AssistanceBody, (call, id, body) => assistance.add(call, id, body));
  app.post(
    '/api/v1/hardship/households/:id/objections/:objectionId/decide',
    { config: allow(...OFFICERS), schema: { tags, summary: '处理公示异议', params: ObjectionParams, body: DecideObjectionBody, response: ok } },
    (req, reply) => writeCall(db, req, reply, 200, (call) => service.decideObjection(call, req.params.id, req.params.objectionId, req.body)),
  );

  app.get(
    '/api/v1/hardship/counts',
    { config: allow(...COUNTS), schema: { tags, summary: '困难职工户数（按类别、原因、状态；只有数字）', querystring: OrgQuery, response: { 200: Counts } } },
    async (req) => config.counts(readCall(db, req), req.query.orgId),
  );
  app.get(
    '/api/v1/hardship/totals',
    { config: allow(...OFFICERS), schema: { tags, summary: '年度帮扶金额（按方式、原因、资金与预算）', querystring: TotalsQuery, response: { 200: Totals } } },
    async (req) => {
      const call = readCall(db, req);
      // The year defaults to this (Beijing) year.
      return assistance.totals(call, { orgId: req.query.orgId, year: req.query.year ?? Number(shanghaiDate(call.now).slice(0, 4)) });
    },
  );
  app.put(
    '/api/v1/hardship/budgets',
    { config: allow(...OFFICERS), schema: { tags, summary: '设置年度帮扶资金预算', body: BudgetBody, response: { 200: Budget } } },
    (req, reply) => writeCall(db, req, reply, 200, (call) => assistance.setBudget(call, req.body)),
  );
  app.get(
    '/api/v1/hardship/rules',
    { config: allow(...OFFICERS), schema: { tags, summary: '困难认定标准（低保线与分档比例）', response: { 200: RuleList } } },
    async (req) => config.listRules(readCall(db, req)),
  );
  app.post(
    '/api/v1/hardship/rules',
    { config: allow(...OFFICERS), schema: { tags, summary: '新增困难认定标准', body: RuleBody, response: { 201: Rule } } },
    (req, reply) => writeCall(db, req, reply, 201, (call) => config.createRule(call, req.body)),
  );
  app.put(
    '/api/v1/hardship/rules/:ruleId',
    { config: allow(...OFFICERS), schema: { tags, summary: '修改困难认定标准', params: RuleParams, body: RulePatch, response: { 200: Rule } } },
    (req, reply) => writeCall(db, req, reply, 200, (call) => config.updateRule(call, req.params.ruleId, req.body)),
  );
  app.get(
    '/api/v1/hardship/settings',
    { config: allow(...OFFICERS), schema: { tags, summary: '公示天数（工作日）', querystring: OrgQuery, response: { 200: Settings } } },
    async (req) => config.settings(readCall(db, req), req.query.orgId),
  );
  app.put(
    '/api/v1/hardship/settings',
    { config: allow(...OFFICERS), schema: { tags, summary: '设置公示天数（工作日）', body: SettingsBody, response: { 200: Settings } } },
    (req, reply) => writeCall(db, req, reply, 200, (call) => config.setSettings(call, req.body)),
  );
}
