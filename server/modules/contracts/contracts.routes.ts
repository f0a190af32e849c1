/** HTTP for contracts: path, declared access, schemas, one call into the service. */
import { z } from 'zod';
import * as S from '../../../common/schemas/contracts.js';
import { sendFile } from '../../core/files/index.js';
import { allow } from '../../core/http/access.js';
import { readCall, writeCall } from '../../core/http/call.js';
import type { App } from '../../core/http/types.js';
import { clauseCuts, clauseList } from './contracts.cuts.js';
import { inspection, renderInspection } from './contracts.inspection.js';
import * as monitor from './contracts.monitor.js';
import * as queries from './contracts.queries.js';
import * as service from './contracts.service.js';
import { preparationRoutes } from './preparation.routes.js';
import { wageRoutes } from './wages.routes.js';

const tags = ['contracts'];
const UNION = allow('sysAdmin', 'unionChair', 'unionStaff');
const SIGNERS = allow('sysAdmin', 'unionChair');
const EVERYONE = allow('sysAdmin', 'unionChair', 'unionStaff', 'handler', 'representative', 'worker');

export async function contractsRoutes(app: App) {
  const db = app.deps.database.db;
  const base = '/api/v1/contracts';
  const one = `${base}/:contractId`;
  const params = S.ContractIdParams;
  const act = <B extends z.ZodTypeAny>(
    path: string,
    summary: string,
    body: B,
    work: (call: Parameters<Parameters<typeof writeCall>[4]>[0], id: string, b: z.infer<B>) => Promise<unknown>,
    config = UNION,
    response: z.ZodTypeAny = S.Ok,
  ) =>
    app.post(`${one}/${path}`, { config, schema: { tags, summary, params, body, response: { 200: response } } }, (req, reply) =>
      writeCall(db, req, reply, 200, (call) => work(call, (req.params as { contractId: string }).contractId, req.body as z.infer<B>)),
    );

  app.get(
    base,
    { config: UNION, schema: { tags, summary: '集体合同列表（状态、期限提醒、到期）', querystring: S.ContractFilter, response: { 200: S.ContractPage } } },
    async (req) => queries.list(readCall(db, req), req.query),
  );
  app.post(
    base,
    { config: UNION, schema: { tags, summary: '登记集体协商要约（20日内回应）', body: S.CreateContractBody, response: { 201: S.Created } } },
    (req, reply) => writeCall(db, req, reply, 201, (call) => service.createContract(call, req.body)),
  );
  app.get(`${base}/published`, { config: EVERYONE, schema: { tags, summary: '已公布的集体合同', response: { 200: S.ContractPage } } }, async (req) =>
    queries.published(readCall(db, req)),
  );
  app.get(
    `${base}/published/:contractId`,
    { config: EVERYONE, schema: { tags, summary: '已公布的集体合同文本（职工手机端）', params, response: { 200: S.PublishedContract } } },
    async (req) => queries.publishedText(readCall(db, req), req.params.contractId),
  );
  app.get(
    one,
    { config: UNION, schema: { tags, summary: '集体合同详情（协商代表、协商轮次、版本、时间线）', params, response: { 200: S.ContractDetail } } },
    async (req) => queries.detail(readCall(db, req), req.params.contractId),
  );
  app.get(
    `${one}/diff`,
    { config: UNION, schema: { tags, summary: '两个草案版本的条款对照', params, querystring: S.DiffQuery, response: { 200: S.ContractDiff } } },
    async (req) => queries.diff(readCall(db, req), req.params.contractId, req.query),
  );
  app.get(
    `${one}/board`,
    { config: UNION, schema: { tags, summary: '条款履约看板（红黄绿灯、履约率）', params, response: { 200: S.ContractBoard } } },
    async (req) => monitor.board(readCall(db, req), req.params.contractId),
  );
  app.get(`${one}/inspection`, { config: UNION, schema: { tags, summary: '履约检查报告', params, response: { 200: S.Inspection } } }, async (req) =>
    inspection(readCall(db, req), req.params.contractId),
  );
  app.get(`${one}/inspection/print`, { config: UNION, schema: { tags, summary: '履约检查报告（打印版 HTML）', params } }, async (req, reply) =>
    reply
      .type('text/html; charset=utf-8')
      .header('cache-control', 'private, no-store')
      .send(renderInspection(await inspection(readCall(db, req), req.params.contractId))),
  );

  act('reply', '登记对方书面回应', S.ReplyBody, (call, id, b) => service.reply(call, id, b.repliedDate));
  app.put(
    `${one}/negotiators`,
    { config: UNION, schema: { tags, summary: '确定双方协商代表（人数相等，各一名首席）', params, body: S.NegotiatorsBody, response: { 200: S.Ok } } },
    (req, reply) => writeCall(db, req, reply, 200, (call) => service.setNegotiators(call, req.params.contractId, req.body)),
  );
  app.post(
    `${one}/rounds`,
    { config: UNION, schema: { tags, summary: '记录一轮协商（双方立场、是否达成一致、纪要）', params, body: S.RoundBody, response: { 201: S.Created } } },
    (req, reply) => writeCall(db, req, reply, 201, (call) => service.addRound(call, req.params.contractId, req.body)),
  );
  app.post(
    `${one}/versions`,
    {
      config: UNION,
      schema: {
        tags,
        summary: '保存合同草案新版本（结构化条款）',
        params,
        body: S.VersionBody,
        response: { 201: z.object({ id: z.string(), version: z.number().int() }) },
      },
    },
    (req, reply) => writeCall(db, req, reply, 201, (call) => service.saveVersion(call, req.params.contractId, req.body)),
  );
  act('review', '提交审议（职代会表决或全体职工表决）', S.ReviewBody, (call, id, b) => service.submitForReview(call, id, b));
  act(
    'congress-result',
    '取职代会表决结果（超过全体代表半数通过）',
    z.object({}).strict(),
    (call, id) => service.takeCongressResult(call, id),
    UNION,
    z.object({ passed: z.boolean() }),
  );
  act(
    'vote',
    '登记全体职工表决结果（超过全体半数通过）',
    S.VoteBody,
    (call, id, b) => service.recordVote(call, id, b),
    UNION,
    z.object({ passed: z.boolean() }),
  );
  act('sign', '首席代表签字', S.SignBody, (call, id, b) => service.sign(call, id, b.signedDate), SIGNERS);
  act('file', '报送劳动行政部门（登记收到日期）', S.FileBody, (call, id, b) => service.file(call, id, b.receivedDate));
  act('objection', '劳动行政部门提出异议（退回重新协商）', S.ObjectionBody, (call, id, b) => service.objection(call, id, b.reason));
  act('effective', '确认生效（收到文本15日内无异议）', S.EffectiveBody, (call, id, b) => service.makeEffective(call, id, b.startsOn));
  act('publish', '向全体职工公布', z.object({}).strict(), (call, id) => service.publish(call, id));

  app.get(
    '/api/v1/contract-clauses',
    {
      config: UNION,
      schema: { tags, summary: '履行中合同的条款（按类别、责任部门、末次检查结果）', querystring: S.ClauseListFilter, response: { 200: S.ClausePage } },
    },
    async (req) => clauseList(readCall(db, req), req.query),
  );
  app.get(
    '/api/v1/contract-clauses/cuts',
    { config: UNION, schema: { tags, summary: '条款履约率（按类别、按责任部门）', querystring: S.ClauseCutsQuery, response: { 200: S.ClauseCuts } } },
    async (req) => clauseCuts(readCall(db, req), req.query),
  );
  const clause = '/api/v1/contract-clauses/:clauseId';
  app.get(
    clause,
    { config: UNION, schema: { tags, summary: '条款履约详情（检查点、佐证、关联诉求）', params: S.ClauseIdParams, response: { 200: S.ClauseDetail } } },
    async (req) => monitor.clauseDetail(readCall(db, req), req.params.clauseId),
  );
  app.post(
    `${clause}/checkpoints`,
    { config: UNION, schema: { tags, summary: '设置履约检查点', params: S.ClauseIdParams, body: S.CheckpointBody, response: { 201: S.Created } } },
    (req, reply) => writeCall(db, req, reply, 201, (call) => monitor.addCheckpoint(call, req.params.clauseId, req.body)),
  );
  app.post(
    `${clause}/citations`,
    { config: UNION, schema: { tags, summary: '将诉求关联到条款', params: S.ClauseIdParams, body: S.CiteBody, response: { 201: S.Ok } } },
    (req, reply) => writeCall(db, req, reply, 201, (call) => monitor.cite(call, req.params.clauseId, req.body.appealId)),
  );
  app.post(
    '/api/v1/contract-checkpoints/:checkpointId/result',
    { config: UNION, schema: { tags, summary: '登记检查结果与佐证材料', params: S.CheckpointIdParams, body: S.CheckResultBody, response: { 200: S.Ok } } },
    (req, reply) => writeCall(db, req, reply, 200, (call) => monitor.recordCheck(call, req.params.checkpointId, req.body)),
  );
  app.get(
    '/api/v1/contract-checkpoints/:checkpointId/files/:evidenceFileId',
    { config: UNION, schema: { tags, summary: '下载履约检查佐证材料（留痕）', params: S.EvidenceFileParams } },
    async (req, reply) => {
      const file = await writeCall(db, req, reply, 200, (call) => monitor.evidenceFile(call, req.params.checkpointId, req.params.evidenceFileId));
      return sendFile(reply, app.deps.config.dataDir, file);
    },
  );
  await wageRoutes(app);
  await preparationRoutes(app);
}
