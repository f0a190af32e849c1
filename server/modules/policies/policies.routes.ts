import { z } from 'zod';
import {
  AnswerQuestionBody,
  ArticleHit,
  ArticleSearchQuery,
  AskBody,
  CreatePolicyBody,
  DocxText,
  ExplainPrompt,
  FaqEntry,
  FaqQuery,
  FaqUsePage,
  FaqUseQuery,
  FaqUseRecorded,
  NewVersionBody,
  PolicyDetail,
  PolicyListQuery,
  PolicySummary,
  PublishBody,
  QuestionDetail,
  QuestionListQuery,
  QuestionPage,
  RepealBody,
} from '../../../common/schemas/policies.js';
import { IdParams, pageOf } from '../../../common/schemas/shared.js';
import type { App } from '../../core/http/types.js';
import type { Role } from '../../../common/roles.js';
import { allow } from '../../core/http/access.js';
import { readCall, writeCall } from '../../core/http/call.js';
import * as library from './policies.service.js';
import * as questions from './questions.service.js';
import * as faqUse from './faqUse.service.js';
import { mayKeepSomewhere, readDocx } from './policies.docx.js';
import { explainPrompts } from './policies.explain.js';
import { MAX_FILE_BYTES } from '../../core/files/index.js';
import { invalid } from '../../core/errors.js';
import { PM } from './policies.messages.js';

const tags = ['policies'];
const READERS: Role[] = ['sysAdmin', 'unionChair', 'unionStaff', 'handler', 'representative', 'worker', 'mediator'];
const KEEPERS: Role[] = ['sysAdmin', 'unionChair', 'unionStaff'];

export async function policiesRoutes(app: App) {
  const db = app.deps.database.db;

  // ---- the library ----
  app.get(
    '/api/v1/policies',
    { config: allow(...READERS), schema: { tags, summary: '政策库：列表与全文检索', querystring: PolicyListQuery, response: { 200: pageOf(PolicySummary) } } },
    (req) => library.list(readCall(db, req), req.query),
  );
  app.post(
    '/api/v1/policies',
    {
      config: allow(...KEEPERS),
      schema: { tags, summary: '添加政策（粘贴正文，自动按“第N条”分条）；支持 Idempotency-Key', body: CreatePolicyBody, response: { 201: PolicyDetail } },
    },
    (req, reply) => writeCall(db, req, reply, 201, (call) => library.create(call, req.body)),
  );
  app.post(
    '/api/v1/policies/docx-text',
    {
      config: allow(...KEEPERS),
      schema: {
        tags,
        summary: '读取 Word 正文（.docx，≤ 10 MB）并预览分条；不保存，随后用正文添加政策或新版本',
        consumes: ['multipart/form-data'],
        response: { 200: DocxText },
      },
    },
    async (req) => {
      const call = readCall(db, req);
      mayKeepSomewhere(call); // 403 before the body is read
      const part = req.isMultipart() ? await req.file({ limits: { fileSize: MAX_FILE_BYTES, files: 1 } }) : undefined;
      if (!part || part.fieldname !== 'file') throw invalid('file', PM['policies.docxMissing']);
      return readDocx(call, await part.toBuffer());
    },
  );
  app.get(
    '/api/v1/policies/:id',
    { config: allow(...READERS), schema: { tags, summary: '政策详情：条文与历次版本', params: IdParams, response: { 200: PolicyDetail } } },
    (req) => library.detail(readCall(db, req), req.params.id),
  );
  app.post(
    '/api/v1/policies/:id/versions',
    {
      config: allow(...KEEPERS),
      schema: { tags, summary: '发布新版本（旧版本保留并标记为已替代）', params: IdParams, body: NewVersionBody, response: { 201: PolicyDetail } },
    },
    (req, reply) => writeCall(db, req, reply, 201, (call) => library.newVersion(call, req.params.id, req.body)),
  );
  app.post(
    '/api/v1/policies/:id/repeal',
    { config: allow(...KEEPERS), schema: { tags, summary: '废止政策', params: IdParams, body: RepealBody, response: { 200: PolicyDetail } } },
    (req, reply) => writeCall(db, req, reply, 200, (call) => library.repeal(call, req.params.id, req.body)),
  );
  app.get(
    '/api/v1/policy-articles',
    {
      config: allow(...READERS),
      schema: {
        tags,
        summary: '条文全文检索（中文词语，如“工资”“年休假”）',
        querystring: ArticleSearchQuery,
        response: { 200: z.object({ items: z.array(ArticleHit) }) },
      },
    },
    (req) => library.searchArticles(readCall(db, req), req.query),
  );

  // ---- FAQ ----
  app.get(
    '/api/v1/policy-faq',
    {
      config: allow(...READERS),
      schema: { tags, summary: '常见问题（可按提问内容找最相近的）', querystring: FaqQuery, response: { 200: z.object({ items: z.array(FaqEntry) }) } },
    },
    (req) => questions.faq(readCall(db, req), req.query),
  );
  app.post(
    '/api/v1/policy-faq/:id/deflect',
    {
      config: allow(...READERS),
      schema: { tags, summary: '“这条已解答我的问题”（不再提问）', params: IdParams, response: { 200: z.object({ deflections: z.number().int() }) } },
    },
    (req, reply) => writeCall(db, req, reply, 200, (call) => faqUse.deflect(call, req.params.id)),
  );
  app.post(
    '/api/v1/policy-faq/:id/view',
    {
      config: allow(...READERS),
      schema: {
        tags,
        summary: '职工打开了一条常见问题（每人每条每天计一次，不记姓名）',
        params: IdParams,
        response: { 200: FaqUseRecorded },
      },
    },
    (req, reply) => writeCall(db, req, reply, 200, (call) => faqUse.view(call, req.params.id)),
  );
  app.get(
    '/api/v1/policy-faq-uses',
    {
      config: allow(...KEEPERS),
      schema: {
        tags,
        summary: '常见问题的查看与“已解答”记录（按日、按单位，不含个人）：指标下钻',
        querystring: FaqUseQuery,
        response: { 200: FaqUsePage },
      },
    },
    (req) => faqUse.uses(readCall(db, req), req.query),
  );

  // ---- questions ----
  app.post(
    '/api/v1/policy-questions',
    { config: allow('worker'), schema: { tags, summary: '提出政策咨询（可匿名）；支持 Idempotency-Key', body: AskBody, response: { 201: QuestionDetail } } },
    (req, reply) => writeCall(db, req, reply, 201, (call) => questions.ask(call, req.body)),
  );
  app.get(
    '/api/v1/policy-questions',
    {
      config: allow('sysAdmin', 'unionChair', 'unionStaff', 'worker'),
      schema: { tags, summary: '政策咨询：职工看自己的，工会看待答复队列', querystring: QuestionListQuery, response: { 200: QuestionPage } },
    },
    (req) => questions.list(readCall(db, req), req.query),
  );
  app.get(
    '/api/v1/policy-questions/explain-prompts',
    {
      config: allow(...KEEPERS),
      schema: {
        tags,
        summary: '建议发布政策解读：近 14 天内 3 位以上职工问到同一件事（只给人数，不给姓名）',
        response: { 200: z.object({ items: z.array(ExplainPrompt), windowDays: z.number().int(), minAskers: z.number().int() }) },
      },
    },
    (req) => explainPrompts(readCall(db, req)),
  );
  app.get(
    '/api/v1/policy-questions/:id',
    {
      config: allow('sysAdmin', 'unionChair', 'unionStaff', 'worker'),
      schema: { tags, summary: '政策咨询详情（含答复引用的条文）', params: IdParams, response: { 200: QuestionDetail } },
    },
    (req) => questions.get(readCall(db, req), req.params.id),
  );
  app.post(
    '/api/v1/policy-questions/:id/answer',
    { config: allow(...KEEPERS), schema: { tags, summary: '答复并引用条文', params: IdParams, body: AnswerQuestionBody, response: { 200: QuestionDetail } } },
    (req, reply) => writeCall(db, req, reply, 200, (call) => questions.answer(call, req.params.id, req.body)),
  );
  app.post(
    '/api/v1/policy-questions/:id/publish',
    {
      config: allow(...KEEPERS),
      schema: { tags, summary: '整理为常见问题发布（去除个人信息）', params: IdParams, body: PublishBody, response: { 200: QuestionDetail } },
    },
    (req, reply) => writeCall(db, req, reply, 200, (call) => questions.publish(call, req.params.id, req.body)),
  );
  app.post(
    '/api/v1/policy-questions/:id/withdraw',
    { config: allow('worker'), schema: { tags, summary: '撤回尚未答复的咨询', params: IdParams, response: { 200: QuestionDetail } } },
    (req, reply) => writeCall(db, req, reply, 200, (call) => questions.withdraw(call, req.params.id)),
  );
}
