/** HTTP for honours and labour competitions: path, declared access, schemas, one call into the service. */
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  EditCriteriaBody,
  AccidentBody,
  AccidentList,
  AssessmentBody,
  AwardList,
  CompetitionDetail,
  CompetitionList,
  CreateCompetitionBody,
  CreateHonourBody,
  HonourList,
  HonourQuery,
  HonourStats,
  ImportResult,
  NominateBody,
  NominationDetail,
  NominationFilter,
  NominationPage,
  ReasonBody,
  ReviewNoteBody,
  ScoresBody,
  Finding,
} from '../../../common/schemas/honours.js';
import { EmptyBody } from '../../../common/schemas/decidedItems.js';
import { Id } from '../../../common/schemas/shared.js';
import { readFirstSheet } from '../../core/excel/import.js';
import { AppError } from '../../core/errors.js';
import { allow } from '../../core/http/access.js';
import { readCall, writeCall } from '../../core/http/call.js';
import type { App } from '../../core/http/types.js';
import { listAccidents, recordAccident } from './honours.accidents.js';
import * as competitions from './honours.competitions.js';
import { honourStats } from './honours.indicators.js';
import * as queries from './honours.queries.js';
import * as service from './honours.service.js';
import { editCriteria } from './honours.criteria.js';
import { nominationsExport } from './honours.list.js';
import { sendXlsx } from '../../core/excel/export.js';

const tags = ['honours'];
const UNION = allow('sysAdmin', 'unionChair', 'unionStaff');
const AWARDERS = allow('sysAdmin', 'unionChair');
/** A department (handler) nominates its teams and follows its nominations. */
const NOMINATORS = allow('sysAdmin', 'unionChair', 'unionStaff', 'handler');
const EVERYONE = allow('sysAdmin', 'unionChair', 'unionStaff', 'handler', 'representative', 'worker');
const Ok = z.object({ ok: z.literal(true) });
const Created = z.object({ id: z.string() });
const HonourParams = z.object({ honourId: Id });
const NominationParams = z.object({ nominationId: Id });
const CompetitionParams = z.object({ competitionId: Id });

/** The first file of a multipart upload (the score sheet). */
async function sheetOf(req: FastifyRequest) {
  if (!req.isMultipart())
    throw new AppError(415, 'unsupported_media_type', 'error.unsupportedMedia', {}, [{ field: 'headers.content-type', message: 'error.unsupportedMedia' }]);
  let file: { name: string; content: Buffer } | undefined;
  for await (const part of req.parts()) if (part.type === 'file') file ??= { name: part.filename, content: await part.toBuffer() };
  if (!file || !file.content.length) throw new AppError(400, 'validation', 'error.validation', {}, [{ field: 'body.file', message: 'honours.noFile' }]);
  return (await readFirstSheet(file.content, 5000, { csv: /\.csv$/i.test(file.name) })).rows;
}

export async function honoursRoutes(app: App) {
  const db = app.deps.database.db;
  const h = '/api/v1/honours';
  const n = '/api/v1/honour-nominations';
  const c = '/api/v1/competitions';

  app.get(
    h,
    { config: NOMINATORS, schema: { tags, summary: '荣誉（工人先锋号等）列表', querystring: HonourQuery, response: { 200: HonourList } } },
    async (req) => queries.listHonours(readCall(db, req), req.query),
  );
  app.post(
    h,
    { config: UNION, schema: { tags, summary: '设立荣誉（种类、年度、评选条件）', body: CreateHonourBody, response: { 201: Created } } },
    (req, reply) => writeCall(db, req, reply, 201, (call) => service.createHonour(call, req.body)),
  );
  app.put(
    `${h}/:honourId/criteria`,
    {
      config: UNION,
      schema: { tags, summary: '修改评选条件（评审开始前；记入审计）', params: HonourParams, body: EditCriteriaBody, response: { 200: Created } },
    },
    (req, reply) => writeCall(db, req, reply, 200, (call) => editCriteria(call, req.params.honourId, req.body)),
  );
  app.get(
    `${h}/awards`,
    { config: EVERYONE, schema: { tags, summary: '已公布的先进集体', querystring: HonourQuery, response: { 200: AwardList } } },
    async (req) => queries.publishedAwards(readCall(db, req), req.query),
  );
  app.get(
    `${h}/stats`,
    {
      config: UNION,
      schema: { tags, summary: '推荐、一票否决（按情形）与评定（按单位、年度）统计', querystring: HonourQuery, response: { 200: HonourStats } },
    },
    async (req) => honourStats(readCall(db, req), req.query.year),
  );
  app.post(
    `${h}/:honourId/nominations`,
    {
      config: NOMINATORS,
      schema: { tags, summary: '推荐班组（附事迹；自动检查一票否决情形）', params: HonourParams, body: NominateBody, response: { 201: Created } },
    },
    (req, reply) => writeCall(db, req, reply, 201, (call) => service.nominate(call, req.params.honourId, req.body)),
  );

  app.get(
    n,
    { config: NOMINATORS, schema: { tags, summary: '推荐列表（筛选、分页、排序）', querystring: NominationFilter, response: { 200: NominationPage } } },
    async (req) => queries.listNominations(readCall(db, req), req.query),
  );
  for (const format of ['xlsx', 'csv'] as const)
    app.get(
      `${n}/export.${format}`,
      { config: NOMINATORS, schema: { tags, summary: `导出推荐列表（.${format}，按列表的筛选与排序）`, querystring: NominationFilter } },
      async (req, reply) => sendXlsx(reply, await nominationsExport(readCall(db, req), req.query), format),
    );
  app.get(
    `${n}/:nominationId`,
    { config: NOMINATORS, schema: { tags, summary: '推荐详情（一票否决情形及其依据记录）', params: NominationParams, response: { 200: NominationDetail } } },
    async (req) => queries.nominationDetail(readCall(db, req), req.params.nominationId),
  );
  const act = (
    path: string,
    summary: string,
    config: typeof UNION,
    body: z.ZodTypeAny,
    run: (call: Parameters<Parameters<typeof writeCall>[4]>[0], id: string, body: any) => Promise<unknown>,
  ) =>
    app.post(`${n}/:nominationId/${path}`, { config, schema: { tags, summary, params: NominationParams, body, response: { 200: Ok } } }, (req, reply) =>
      writeCall(db, req, reply, 200, (call) => run(call, req.params.nominationId, req.body) as Promise<{ ok: true }>),
    );
  app.post(
    `${n}/:nominationId/check`,
    {
      config: UNION,
      schema: { tags, summary: '重新检查一票否决情形', params: NominationParams, body: EmptyBody, response: { 200: z.object({ findings: z.array(Finding) }) } },
    },
    (req, reply) => writeCall(db, req, reply, 200, async (call) => ({ findings: await service.recheck(call, req.params.nominationId) })),
  );
  app.put(
    `${n}/:nominationId/assessment`,
    {
      config: UNION,
      schema: {
        tags,
        summary: '按评选条件评分、核对达标项（审核通过的前提）',
        params: NominationParams,
        body: AssessmentBody,
        response: { 200: z.object({ total: z.number().int(), passed: z.boolean() }) },
      },
    },
    (req, reply) => writeCall(db, req, reply, 200, (call) => service.assess(call, req.params.nominationId, req.body)),
  );
  act('recommend', '审核通过（无一票否决情形）', UNION, ReviewNoteBody, (call, id, b) => service.recommend(call, id, b.note));
  act('disqualify', '一票否决（依据自动检查结果）', UNION, ReviewNoteBody, (call, id, b) => service.disqualify(call, id, b.note));
  act('reject', '审核不通过（写明原因）', UNION, ReasonBody, (call, id, b) => service.reject(call, id, b.reason));
  act('award', '评定授予荣誉（工会主席）', AWARDERS, EmptyBody, (call, id) => service.award(call, id));
  act('publish', '公布评定结果', AWARDERS, EmptyBody, (call, id) => service.publish(call, id));
  act('revoke', '撤销荣誉（写明原因）', AWARDERS, ReasonBody, (call, id, b) => service.revoke(call, id, b.reason));

  app.get('/api/v1/safety-accidents', { config: UNION, schema: { tags, summary: '安全事故记录', response: { 200: AccidentList } } }, async (req) =>
    listAccidents(readCall(db, req)),
  );
  app.post(
    '/api/v1/safety-accidents',
    { config: UNION, schema: { tags, summary: '登记安全事故（一票否决依据）', body: AccidentBody, response: { 201: Created } } },
    (req, reply) => writeCall(db, req, reply, 201, (call) => recordAccident(call, req.body)),
  );

  app.get(c, { config: EVERYONE, schema: { tags, summary: '劳动竞赛列表', response: { 200: CompetitionList } } }, async (req) =>
    competitions.listCompetitions(readCall(db, req)),
  );
  app.post(
    c,
    { config: UNION, schema: { tags, summary: '发起劳动竞赛（参赛班组、考核指标及权重）', body: CreateCompetitionBody, response: { 201: Created } } },
    (req, reply) => writeCall(db, req, reply, 201, (call) => competitions.createCompetition(call, req.body)),
  );
  app.get(
    `${c}/:competitionId`,
    { config: EVERYONE, schema: { tags, summary: '劳动竞赛实时排名', params: CompetitionParams, response: { 200: CompetitionDetail } } },
    async (req) => competitions.competitionDetail(readCall(db, req), req.params.competitionId),
  );
  app.put(
    `${c}/:competitionId/scores`,
    { config: UNION, schema: { tags, summary: '录入月度得分', params: CompetitionParams, body: ScoresBody, response: { 200: ImportResult } } },
    (req, reply) => writeCall(db, req, reply, 200, (call) => competitions.enterScores(call, req.params.competitionId, req.body)),
  );
  app.post(
    `${c}/:competitionId/scores/import`,
    {
      config: UNION,
      schema: {
        tags,
        summary: '从 Excel 导入得分（班组、指标、期间、得分；有错误时逐行指出且不写入）',
        params: CompetitionParams,
        consumes: ['multipart/form-data'],
        response: { 200: ImportResult },
      },
    },
    async (req, reply) => {
      // Who may import into this competition is settled before the upload is read: a stranger hears 404, not a complaint about the file.
      await competitions.assertScorer(readCall(db, req), req.params.competitionId);
      const rows = await sheetOf(req);
      return writeCall(db, req, reply, 200, (call) => competitions.importScores(call, req.params.competitionId, rows));
    },
  );
  app.post(
    `${c}/:competitionId/close`,
    { config: UNION, schema: { tags, summary: '结束劳动竞赛', params: CompetitionParams, body: EmptyBody, response: { 200: Ok } } },
    (req, reply) => writeCall(db, req, reply, 200, (call) => competitions.closeCompetition(call, req.params.competitionId)),
  );
}
