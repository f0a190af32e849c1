/** HTTP only: path, declared access, schemas, one call into the service. */
import { z } from 'zod';
import {
  AnswersBody,
  ConcernQuery,
  ConcernRanking,
  MySurveys,
  RatesQuery,
  Receipt,
  RecipientPage,
  RecipientQuery,
  ResponseRates,
  ResultsQuery,
  ScreeningBody,
  ScreeningDecide,
  ScreeningItem,
  ScreeningListQuery,
  ScreeningPage,
  ScreeningStep,
  ScreeningUnits,
  SurveyBody,
  SurveyDetail,
  SurveyForm,
  SurveyListQuery,
  SurveyPage,
  SurveyResults,
} from '../../../common/schemas/surveys.js';
import { Id } from '../../../common/schemas/shared.js';
import { sendXlsx } from '../../core/excel/export.js';
import { allow } from '../../core/http/access.js';
import { readCall, writeCall } from '../../core/http/call.js';
import type { App } from '../../core/http/types.js';
import * as answer from './surveys.answer.js';
import * as results from './surveys.results.js';
import { resultsExport } from './surveys.queries.js';
import * as screening from './screening.service.js';
import * as service from './surveys.service.js';
import * as recipients from './surveys.recipients.js';
import * as concerns from './surveys.concerns.js';

const tags = ['surveys'];
const OFFICE = ['sysAdmin', 'unionChair', 'unionStaff'] as const;
/** A screening item's owner may be a department's handler: they follow and report on it. */
const SCREENERS = [...OFFICE, 'handler'] as const;
const SurveyParams = z.object({ surveyId: Id });
const ItemParams = z.object({ screeningItemId: Id });
const ScreeningView = ScreeningItem.extend({
  events: z.array(z.object({ event: z.string(), from: z.string().nullable(), to: z.string().nullable(), actorName: z.string().nullable(), at: z.string() })),
});

export async function surveysRoutes(app: App) {
  const db = app.deps.database.db;

  app.get(
    '/api/v1/surveys',
    { config: allow(...OFFICE), schema: { tags, summary: '问卷列表（工会）', querystring: SurveyListQuery, response: { 200: SurveyPage } } },
    async (req) => service.list(readCall(db, req), req.query),
  );

  app.post(
    '/api/v1/surveys',
    { config: allow(...OFFICE), schema: { tags, summary: '新建问卷（草稿）；支持 Idempotency-Key', body: SurveyBody, response: { 201: SurveyDetail } } },
    (req, reply) => writeCall(db, req, reply, 201, (call) => service.create(call, req.body)),
  );

  app.get('/api/v1/surveys/mine', { config: allow('worker'), schema: { tags, summary: '我的问卷（职工）', response: { 200: MySurveys } } }, async (req) =>
    answer.mine(readCall(db, req)),
  );

  app.get(
    '/api/v1/surveys/recipients',
    {
      config: allow(...OFFICE),
      schema: { tags, summary: '调研对象与是否已提交（不含答卷内容）', querystring: RecipientQuery, response: { 200: RecipientPage } },
    },
    async (req) => recipients.list(readCall(db, req), req.query),
  );

  app.get(
    '/api/v1/surveys/concerns',
    {
      config: allow(...OFFICE),
      schema: { tags, summary: '职工最关心的问题排行（按单位；匿名问卷不足 5 人的单位不计）', querystring: ConcernQuery, response: { 200: ConcernRanking } },
    },
    async (req) => concerns.list(readCall(db, req), req.query),
  );

  app.get(
    '/api/v1/surveys/:surveyId',
    { config: allow(...OFFICE), schema: { tags, summary: '问卷详情', params: SurveyParams, response: { 200: SurveyDetail } } },
    async (req) => service.detail(readCall(db, req), req.params.surveyId),
  );

  app.post(
    '/api/v1/surveys/:surveyId/open',
    { config: allow(...OFFICE), schema: { tags, summary: '发布问卷：锁定调研对象名单', params: SurveyParams, response: { 200: SurveyDetail } } },
    (req, reply) => writeCall(db, req, reply, 200, (call) => service.open(call, req.params.surveyId)),
  );

  app.post(
    '/api/v1/surveys/:surveyId/close',
    { config: allow(...OFFICE), schema: { tags, summary: '结束问卷', params: SurveyParams, response: { 200: SurveyDetail } } },
    (req, reply) => writeCall(db, req, reply, 200, (call) => service.close(call, req.params.surveyId)),
  );

  app.get(
    '/api/v1/surveys/:surveyId/results',
    {
      config: allow(...OFFICE),
      schema: {
        tags,
        summary: '调研结果（可按一个对象属性切分；匿名问卷不足 5 人的格子不显示）',
        params: SurveyParams,
        querystring: ResultsQuery,
        response: { 200: SurveyResults },
      },
    },
    async (req) => results.results(readCall(db, req), req.params.surveyId, req.query.cut),
  );

  app.get(
    '/api/v1/surveys/:surveyId/results.xlsx',
    { config: allow(...OFFICE), schema: { tags, summary: '导出调研结果（.xlsx）', params: SurveyParams, querystring: ResultsQuery } },
    async (req, reply) => sendXlsx(reply, await resultsExport(readCall(db, req), req.params.surveyId, req.query.cut)),
  );

  app.get(
    '/api/v1/surveys/:surveyId/rates',
    {
      config: allow(...OFFICE),
      schema: { tags, summary: '回复率（按单位、用工身份等）', params: SurveyParams, querystring: RatesQuery, response: { 200: ResponseRates } },
    },
    async (req) => results.responseRates(readCall(db, req), req.params.surveyId, req.query.cut),
  );

  app.get(
    '/api/v1/surveys/:surveyId/form',
    { config: allow('worker'), schema: { tags, summary: '填写问卷（调研对象本人）', params: SurveyParams, response: { 200: SurveyForm } } },
    async (req) => answer.form(readCall(db, req), req.params.surveyId),
  );

  app.put(
    '/api/v1/surveys/:surveyId/draft',
    { config: allow('worker'), schema: { tags, summary: '保存草稿（实名问卷）', params: SurveyParams, body: AnswersBody, response: { 200: SurveyForm } } },
    (req, reply) => writeCall(db, req, reply, 200, (call) => answer.saveDraft(call, req.params.surveyId, req.body)),
  );

  app.post(
    '/api/v1/surveys/:surveyId/responses',
    {
      config: allow('worker'),
      schema: { tags, summary: '提交答卷（每人一次）；支持 Idempotency-Key', params: SurveyParams, body: AnswersBody, response: { 201: Receipt } },
    },
    (req, reply) => writeCall(db, req, reply, 201, (call) => answer.submit(call, req.params.surveyId, req.body)),
  );

  // ---- screening (问题排查) ----

  app.get(
    '/api/v1/screening-items',
    { config: allow(...SCREENERS), schema: { tags, summary: '问题排查清单', querystring: ScreeningListQuery, response: { 200: ScreeningPage } } },
    async (req) => screening.list(readCall(db, req), req.query),
  );

  app.get(
    '/api/v1/screening-items/units',
    { config: allow(...OFFICE), schema: { tags, summary: '各单位未解决问题', response: { 200: ScreeningUnits } } },
    async (req) => screening.units(readCall(db, req)),
  );

  app.post(
    '/api/v1/screening-items',
    { config: allow(...OFFICE), schema: { tags, summary: '登记排查问题', body: ScreeningBody, response: { 201: ScreeningView } } },
    (req, reply) => writeCall(db, req, reply, 201, (call) => screening.create(call, req.body)),
  );

  app.get(
    '/api/v1/screening-items/:screeningItemId',
    { config: allow(...SCREENERS), schema: { tags, summary: '排查问题详情', params: ItemParams, response: { 200: ScreeningView } } },
    async (req) => screening.detail(readCall(db, req), req.params.screeningItemId),
  );

  for (const which of ['start', 'resolve'] as const) {
    app.post(
      `/api/v1/screening-items/:screeningItemId/${which}`,
      {
        config: allow(...SCREENERS),
        schema: { tags, summary: which === 'start' ? '开始处理' : '标记已解决', params: ItemParams, body: ScreeningStep, response: { 200: ScreeningView } },
      },
      (req, reply) => writeCall(db, req, reply, 200, (call) => screening.step(call, req.params.screeningItemId, which, req.body.note)),
    );
  }

  app.post(
    '/api/v1/screening-items/:screeningItemId/drop',
    { config: allow(...OFFICE), schema: { tags, summary: '撤销（说明原因）', params: ItemParams, body: ScreeningStep, response: { 200: ScreeningView } } },
    (req, reply) => writeCall(db, req, reply, 200, (call) => screening.step(call, req.params.screeningItemId, 'drop', req.body.note)),
  );

  app.post(
    '/api/v1/screening-items/:screeningItemId/decide',
    { config: allow(...OFFICE), schema: { tags, summary: '转为督办事项', params: ItemParams, body: ScreeningDecide, response: { 200: ScreeningView } } },
    (req, reply) => writeCall(db, req, reply, 200, (call) => screening.decide(call, req.params.screeningItemId, req.body)),
  );
}
