/** HTTP only: path, declared access, schemas, one call into the service. */
import {
  BenefitBody,
  CampaignBody,
  CampaignEditBody,
  Candidates,
  CampaignList,
  CampaignStatistics,
  CampaignSummary,
  DecisionBody,
  EvaluatorsBody,
  ImplementBody,
  MergeBody,
  ReasonBody,
  ReviseBody,
  RewardBody,
  ScoreBody,
  StatisticsQuery,
  SubmitBody,
  SuggestionDetail,
  SuggestionListQuery,
  SuggestionPage,
  VerifyBody,
} from '../../../common/schemas/suggestions.js';
import { z } from 'zod';
import { Id, IdParams } from '../../../common/schemas/shared.js';
import { notFound } from '../../core/errors.js';
import { fileOf, sendFile } from '../../core/files/index.js';
import type { App } from '../../core/http/types.js';
import { allow } from '../../core/http/access.js';
import { readCall, writeCall } from '../../core/http/call.js';
import type { WriteCall } from '../../core/call.js';
import * as campaigns from './campaigns.service.js';
import * as service from './suggestions.service.js';
import { exportList } from './suggestions.queries.js';
import { sendXlsx } from '../../core/excel/export.js';

const tags = ['suggestions'];
const OVERSEE = ['sysAdmin', 'unionChair', 'unionStaff'] as const;
/** Those who may be named evaluators (评审专家). */
const EVALUATORS = ['unionChair', 'unionStaff', 'handler', 'representative'] as const;
const PARTIES = [...OVERSEE, 'handler', 'representative', 'worker'] as const;

export async function suggestionsRoutes(app: App) {
  const db = app.deps.database.db;
  const ok = { 200: SuggestionDetail };

  app.get(
    '/api/v1/suggestion-campaigns',
    { config: allow(...PARTIES), schema: { tags, summary: '合理化建议活动列表（面向本人单位的活动）', response: { 200: CampaignList } } },
    async (req) => campaigns.listCampaigns(readCall(db, req)),
  );
  app.post(
    '/api/v1/suggestion-campaigns',
    {
      config: allow(...OVERSEE),
      schema: { tags, summary: '发起“我为企业发展献一策”活动；支持 Idempotency-Key', body: CampaignBody, response: { 201: CampaignSummary } },
    },
    (req, reply) => writeCall(db, req, reply, 201, (call) => campaigns.createCampaign(call, req.body)),
  );
  app.get(
    '/api/v1/suggestion-campaigns/:id',
    { config: allow(...PARTIES), schema: { tags, summary: '活动详情（征集期、评审标准）', params: IdParams, response: { 200: CampaignSummary } } },
    async (req) => campaigns.campaign(readCall(db, req), req.params.id),
  );
  app.put(
    '/api/v1/suggestion-campaigns/:id',
    {
      config: allow(...OVERSEE),
      schema: {
        tags,
        summary: '修改活动（名称、征集期；已有评分后评审标准不可改）',
        params: IdParams,
        body: CampaignEditBody,
        response: { 200: CampaignSummary },
      },
    },
    (req, reply) => writeCall(db, req, reply, 200, (call) => campaigns.editCampaign(call, req.params.id, req.body)),
  );
  app.get(
    '/api/v1/suggestion-campaigns/:id/statistics',
    {
      config: allow(...OVERSEE),
      schema: {
        tags,
        summary: '活动统计：按月、按单位（每行带下钻条件）',
        params: IdParams,
        querystring: StatisticsQuery,
        response: { 200: CampaignStatistics },
      },
    },
    async (req) => campaigns.statistics(readCall(db, req), req.params.id, req.query),
  );

  app.get(
    '/api/v1/suggestions',
    {
      config: allow(...PARTIES),
      schema: { tags, summary: '建议列表（本人的、评审的、所辖单位的）', querystring: SuggestionListQuery, response: { 200: SuggestionPage } },
    },
    async (req) => service.list(readCall(db, req), req.query),
  );
  app.get(
    '/api/v1/suggestions/export.xlsx',
    { config: allow(...PARTIES), schema: { tags, summary: '导出建议列表（.xlsx，与列表可见范围相同；导出记入审计）', querystring: SuggestionListQuery } },
    async (req, reply) => sendXlsx(reply, await exportList(db, readCall(db, req), req.query)),
  );
  app.post(
    '/api/v1/suggestions',
    {
      config: allow('worker'),
      schema: { tags, summary: '职工提交合理化建议（个人或集体）；支持 Idempotency-Key', body: SubmitBody, response: { 201: SuggestionDetail } },
    },
    (req, reply) => writeCall(db, req, reply, 201, (call) => service.submit(call, req.body)),
  );
  app.get(
    '/api/v1/suggestions/:id',
    { config: allow(...PARTIES), schema: { tags, summary: '建议详情与进度（评审专家互不可见评分，直至全部评完）', params: IdParams, response: ok } },
    async (req) => service.detail(readCall(db, req), req.params.id),
  );

  app.get(
    '/api/v1/suggestions/:id/files/:suggestionFileId',
    { config: allow(...PARTIES), schema: { tags, summary: '建议附件（与建议详情可见范围相同）', params: z.object({ id: Id, suggestionFileId: Id }) } },
    async (req, reply) => {
      const call = readCall(db, req);
      const file = await fileOf(call, await service.fileOwner(call, req.params.id), req.params.suggestionFileId);
      if (!file) throw notFound();
      return sendFile(reply, app.deps.config.dataDir, file);
    },
  );

  app.get(
    '/api/v1/suggestions/:id/candidates',
    { config: allow(...OVERSEE), schema: { tags, summary: '可指定的评审专家与落实负责人', params: IdParams, response: { 200: Candidates } } },
    async (req) => service.candidates(readCall(db, req), req.params.id),
  );

  const act = <B>(
    path: string,
    roles: readonly (typeof PARTIES)[number][],
    summary: string,
    body: unknown,
    work: (call: WriteCall, id: string, body: B) => Promise<SuggestionDetail>,
  ) =>
    app.post(
      `/api/v1/suggestions/:id/${path}`,
      { config: allow(...roles), schema: { tags, summary, params: IdParams, body: body as never, response: ok } },
      (req, reply) => writeCall(db, req, reply, 200, (call) => work(call, (req.params as { id: string }).id, req.body as B)),
    );

  act<ReviseBody>('revise', ['worker'], '修改被退回的建议并重新提交', ReviseBody, (call, id, b) => service.revise(call, id, b));
  act<{ note?: string }>('accept', OVERSEE, '初审通过', VerifyBody, (call, id, b) => service.accept(call, id, b.note));
  act<{ reason: string }>('return', OVERSEE, '初审退回（说明原因）', ReasonBody, (call, id, b) => service.returnSuggestion(call, id, b.reason));
  act<{ intoSuggestionId: string }>('merge', OVERSEE, '合并到同一活动的另一条建议', MergeBody, (call, id, b) => service.merge(call, id, b.intoSuggestionId));
  act<{ evaluatorAccountIds: string[] }>('evaluators', OVERSEE, '指定评审专家（至少两名）', EvaluatorsBody, (call, id, b) =>
    service.assignEvaluators(call, id, b.evaluatorAccountIds),
  );
  act<ScoreBody>('scores', EVALUATORS, '评审专家按标准打分（提交后不可改）', ScoreBody, (call, id, b) => service.score(call, id, b));
  act<DecisionBody>('decision', OVERSEE, '决定：采纳、试行或存档', DecisionBody, (call, id, b) => service.decide(call, id, b));
  act<ImplementBody>('implementation', OVERSEE, '转为督办事项落实', ImplementBody, (call, id, b) => service.implement(call, id, b));
  act<BenefitBody>('benefit', OVERSEE, '记录效益（节约或增产，元）', BenefitBody, (call, id, b) => service.recordBenefit(call, id, b));
  act<{ note?: string }>('verify', OVERSEE, '第二人核实效益', VerifyBody, (call, id, b) => service.verifyBenefit(call, id, b.note));
  act<RewardBody>('reward', OVERSEE, '发放奖励（金额、发放日期）', RewardBody, (call, id, b) => service.reward(call, id, b));
}
