/** HTTP for wage negotiation: the wage data (template, check, import, figures) and a wage agreement's proposals. */
import { z } from 'zod';
import * as W from '../../../common/schemas/contractWages.js';
import { ContractIdParams, Created } from '../../../common/schemas/contracts.js';
import { CONTRACTS_PERMISSIONS as P } from '../../../common/contracts.js';
import type { Call } from '../../core/call.js';
import { forbidden } from '../../core/errors.js';
import { allow } from '../../core/http/access.js';
import { scopeOf } from '../../core/rbac/actor.js';
import { readCall, writeCall } from '../../core/http/call.js';
import type { App } from '../../core/http/types.js';
import { readUpload } from '../../core/imports/imports.routes.js';
import { agreedCuts, agreedList } from './wages.agreed.js';
import * as wages from './wages.service.js';
import { wageTemplate } from './wages.template.js';

const tags = ['contracts'];
const UNION = allow('sysAdmin', 'unionChair', 'unionStaff');
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Only those who manage contracts somewhere handle wage sheets; which org, the service checks. */
function wageOffice(call: Call): Call {
  const s = scopeOf(call.actor, P.manage);
  if (!s.all && !s.paths.length) throw forbidden();
  return call;
}

export async function wageRoutes(app: App) {
  const db = app.deps.database.db;
  const base = '/api/v1/contract-wages';

  app.get(`${base}/template.xlsx`, { config: UNION, schema: { tags, summary: '工资数据导入模板 (.xlsx)' } }, async (req, reply) => {
    wageOffice(readCall(db, req));
    return reply
      .header('content-type', XLSX)
      .header('content-disposition', `attachment; filename="wage-template.xlsx"; filename*=UTF-8''${encodeURIComponent('工资数据导入模板.xlsx')}`)
      .send(await wageTemplate());
  });
  app.get(
    base,
    {
      config: UNION,
      schema: { tags, summary: '工资数据与测算（平均工资、增长率、倍数，精确分数）', querystring: W.WageFiguresQuery, response: { 200: W.WageFigures } },
    },
    async (req) => wages.figures(readCall(db, req), req.query.orgId),
  );
  app.get(
    `${base}/agreed`,
    {
      config: UNION,
      schema: { tags, summary: '约定工资增幅与实际增长逐组对照（按用工类别）', querystring: W.AgreedWageFilter, response: { 200: W.AgreedWagePage } },
    },
    async (req) => agreedList(readCall(db, req), req.query),
  );
  app.get(
    `${base}/agreed/cuts`,
    { config: UNION, schema: { tags, summary: '约定工资增幅达成率（按用工类别）', querystring: W.AgreedWageQuery, response: { 200: W.AgreedWageCuts } } },
    async (req) => agreedCuts(readCall(db, req), req.query),
  );
  for (const [path, write, status, summary] of [
    ['check', false, 200, '上传工资数据并逐行检查（不写入）'],
    ['import', true, 201, '导入工资数据（全部无误才写入，替换所涉年度）'],
  ] as const) {
    app.post(
      `${base}/${path}`,
      { config: UNION, schema: { tags, summary, consumes: ['multipart/form-data'], response: { [status]: W.WageImportResult } } },
      async (req, reply) => {
        wageOffice(readCall(db, req)); // 401 or 403 before the body is read
        const { orgId, file } = await readUpload(req);
        return writeCall(db, req, reply, status, (call) => wages.importWages(call, { orgId, fileName: file.name, file: file.content, write }));
      },
    );
  }

  const one = '/api/v1/contracts/:contractId';
  const params = ContractIdParams;
  app.get(
    `${one}/wage-negotiation`,
    { config: UNION, schema: { tags, summary: '工资协商方案及其测算成本', params, response: { 200: W.WageNegotiation } } },
    async (req) => wages.negotiation(readCall(db, req), req.params.contractId),
  );
  app.post(
    `${one}/wage-proposals`,
    { config: UNION, schema: { tags, summary: '记录一方的工资协商方案（按组增幅）', params, body: W.WageProposalBody, response: { 201: Created } } },
    (req, reply) => writeCall(db, req, reply, 201, (call) => wages.addProposal(call, req.params.contractId, req.body)),
  );
  app.post(
    `${one}/wage-agreement`,
    {
      config: UNION,
      schema: {
        tags,
        summary: '将达成一致的工资方案写入合同草案条款',
        params,
        body: W.AdoptWageBody,
        response: { 201: z.object({ version: z.number().int() }) },
      },
    },
    (req, reply) => writeCall(db, req, reply, 201, (call) => wages.adopt(call, req.params.contractId, req.body)),
  );
}
