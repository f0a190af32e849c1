import { z } from 'zod';
import {
  AnswerNoticeQuestionBody,
  AskNoticeQuestionBody,
  ChainDigest,
  CorrectNoticeBody,
  HistoryEntry,
  NoticeDetail,
  NoticeListQuery,
  NoticePage,
  NoticeQuestion,
  NoticeQuestionListQuery,
  NoticeQuestionPage,
  NoticeReadRates,
  NoticeReadRatesQuery,
  NoticesReadRates,
  PublishNoticeBody,
  Receipt,
  WithdrawNoticeBody,
} from '../../../common/schemas/notices.js';
import { Id, IdParams } from '../../../common/schemas/shared.js';
import type { Role } from '../../../common/roles.js';
import type { App } from '../../core/http/types.js';
import { allow } from '../../core/http/access.js';
import { readCall, writeCall } from '../../core/http/call.js';
import { fileOf, sendFile } from '../../core/files/index.js';
import { notFound } from '../../core/errors.js';
import * as notices from './notices.service.js';
import * as questions from './notices.questions.js';

const tags = ['notices'];
const READERS: Role[] = ['sysAdmin', 'unionChair', 'unionStaff', 'handler', 'representative', 'worker', 'mediator'];
const PUBLISHERS: Role[] = ['sysAdmin', 'unionChair', 'unionStaff'];

export async function noticesRoutes(app: App) {
  const db = app.deps.database.db;
  const dataDir = app.deps.config.dataDir;

  app.get(
    '/api/v1/notices',
    {
      config: allow(...READERS),
      schema: { tags, summary: '厂务公开：发给我的公开事项（desk=1 为发布人的工作台）', querystring: NoticeListQuery, response: { 200: NoticePage } },
    },
    (req) => notices.list(readCall(db, req), req.query),
  );
  app.post(
    '/api/v1/notices',
    {
      config: allow(...PUBLISHERS),
      schema: { tags, summary: '发布公开事项（写入防篡改记录链）；支持 Idempotency-Key', body: PublishNoticeBody, response: { 201: NoticeDetail } },
    },
    (req, reply) => writeCall(db, req, reply, 201, (call) => notices.publish(call, req.body)),
  );
  app.get(
    '/api/v1/notice-chain/digest',
    { config: allow(...READERS), schema: { tags, summary: '公开记录链的最新摘要（链头哈希），可用 xq notices verify 核验', response: { 200: ChainDigest } } },
    (req) => notices.digest(readCall(db, req)),
  );
  app.get(
    '/api/v1/notices/:id',
    { config: allow(...READERS), schema: { tags, summary: '公开事项详情', params: IdParams, response: { 200: NoticeDetail } } },
    (req) => notices.get(readCall(db, req), req.params.id),
  );
  app.get(
    '/api/v1/notices/:id/history',
    {
      config: allow(...READERS),
      schema: {
        tags,
        summary: '公开记录：发布、更正（含改动对照）、撤回，每条带哈希',
        params: IdParams,
        response: { 200: z.object({ items: z.array(HistoryEntry) }) },
      },
    },
    async (req) => ({
      items: await notices.history(readCall(db, req), req.params.id),
    }),
  );
  app.post(
    '/api/v1/notices/:id/correct',
    {
      config: allow(...PUBLISHERS),
      schema: { tags, summary: '更正公开事项（须写明原因，记录改动）', params: IdParams, body: CorrectNoticeBody, response: { 200: NoticeDetail } },
    },
    (req, reply) => writeCall(db, req, reply, 200, (call) => notices.correct(call, req.params.id, req.body)),
  );
  app.post(
    '/api/v1/notices/:id/read',
    { config: allow(...READERS), schema: { tags, summary: '已读回执（重复提交不变）', params: IdParams, response: { 200: Receipt } } },
    (req, reply) => writeCall(db, req, reply, 200, (call) => notices.read(call, req.params.id)),
  );
  app.get(
    '/api/v1/notices/:id/read-rates',
    { config: allow(...PUBLISHERS), schema: { tags, summary: '阅读率：按单位与用工身份', params: IdParams, response: { 200: NoticeReadRates } } },
    (req) => notices.readRates(readCall(db, req), req.params.id),
  );
  app.get(
    '/api/v1/notice-read-rates',
    {
      config: allow(...PUBLISHERS),
      schema: {
        tags,
        summary: '多条公开事项的阅读率：按单位与用工身份（发布日期、组织、种类筛选）',
        querystring: NoticeReadRatesQuery,
        response: { 200: NoticesReadRates },
      },
    },
    (req) => notices.readRatesAcross(readCall(db, req), req.query),
  );
  app.get(
    '/api/v1/notices/:id/files/:noticeFileId',
    { config: allow(...READERS), schema: { tags, summary: '公开事项附件', params: z.object({ id: Id, noticeFileId: Id }) } },
    async (req, reply) => {
      const call = readCall(db, req);
      const file = await fileOf(call, await notices.fileOwner(call, req.params.id), req.params.noticeFileId);
      if (!file) throw notFound();
      return sendFile(reply, dataDir, file);
    },
  );

  app.post(
    '/api/v1/notices/:id/questions',
    {
      config: allow('worker'),
      schema: { tags, summary: '对公开事项提问（可匿名）', params: IdParams, body: AskNoticeQuestionBody, response: { 201: NoticeQuestion } },
    },
    (req, reply) => writeCall(db, req, reply, 201, (call) => questions.ask(call, req.params.id, req.body)),
  );
  app.get(
    '/api/v1/notice-questions',
    {
      config: allow(...READERS),
      schema: {
        tags,
        summary: '提问：发布人看所辖公开事项的提问；职工看自己的，及某公开事项已答复的提问',
        querystring: NoticeQuestionListQuery,
        response: { 200: NoticeQuestionPage },
      },
    },
    (req) => questions.list(readCall(db, req), req.query),
  );
  app.post(
    '/api/v1/notice-questions/:id/answer',
    {
      config: allow(...PUBLISHERS),
      schema: { tags, summary: '答复提问', params: IdParams, body: AnswerNoticeQuestionBody, response: { 200: NoticeQuestion } },
    },
    (req, reply) => writeCall(db, req, reply, 200, (call) => questions.answer(call, req.params.id, req.body)),
  );
  // Last: a withdrawn notice is gone for its readers, so the matrix probes everything else on it first.
  app.post(
    '/api/v1/notices/:id/withdraw',
    {
      config: allow(...PUBLISHERS),
      schema: { tags, summary: '撤回公开事项（须写明原因）', params: IdParams, body: WithdrawNoticeBody, response: { 200: NoticeDetail } },
    },
    (req, reply) => writeCall(db, req, reply, 200, (call) => notices.withdraw(call, req.params.id, req.body)),
  );
}
