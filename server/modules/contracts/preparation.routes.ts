/** HTTP for a contract's preparation (协商准备): items each side supplies, their files, linked surveys. */
import * as S from '../../../common/schemas/contracts.js';
import { sendFile } from '../../core/files/index.js';
import { allow } from '../../core/http/access.js';
import { readCall, writeCall } from '../../core/http/call.js';
import type { App } from '../../core/http/types.js';
import * as prep from './contracts.preparation.js';

const tags = ['contracts'];
const UNION = allow('sysAdmin', 'unionChair', 'unionStaff');

export async function preparationRoutes(app: App) {
  const db = app.deps.database.db;
  const one = '/api/v1/contracts/:contractId/preparation';
  const params = S.ContractIdParams;
  app.get(
    one,
    { config: UNION, schema: { tags, summary: '协商准备（双方代表、各方提供的资料、职工诉求调查）', params, response: { 200: S.Preparation } } },
    async (req) => prep.preparation(readCall(db, req), req.params.contractId),
  );
  app.post(
    `${one}/items`,
    {
      config: UNION,
      schema: { tags, summary: '登记一方提供的协商资料或职工诉求汇总（附件、说明、提供人、日期）', params, body: S.PrepItemBody, response: { 201: S.Created } },
    },
    (req, reply) => writeCall(db, req, reply, 201, (call) => prep.addPrepItem(call, req.params.contractId, req.body)),
  );
  app.post(
    `${one}/surveys`,
    { config: UNION, schema: { tags, summary: '关联本组织的职工诉求调查问卷', params, body: S.SurveyLinkBody, response: { 201: S.Ok } } },
    (req, reply) => writeCall(db, req, reply, 201, (call) => prep.linkSurvey(call, req.params.contractId, req.body.surveyId)),
  );
  app.get(
    '/api/v1/contract-prep-items/:contractPrepItemId/files/:prepFileId',
    { config: UNION, schema: { tags, summary: '下载协商准备资料附件（留痕）', params: S.PrepFileParams } },
    async (req, reply) => {
      const file = await writeCall(db, req, reply, 200, (call) => prep.prepFile(call, req.params.contractPrepItemId, req.params.prepFileId));
      return sendFile(reply, app.deps.config.dataDir, file);
    },
  );
}
