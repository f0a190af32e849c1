/** HTTP for decided items (督办事项): lists, detail with timeline, progress and status changes. */
import { z } from 'zod';
import type { App } from '../http/types.js';
import { allow } from '../http/access.js';
import { readCall, writeCall } from '../http/call.js';
import { IdParams } from '../../../common/schemas/shared.js';
import {
  DecidedCutQuery,
  DecidedCuts,
  DecidedFileParams,
  DecidedItemDetail,
  DecidedItemFilter,
  DecidedItemPage,
  DropBody,
  EmptyBody,
  ProgressBody,
  PublicDecidedItemPage,
  PublicDecidedQuery,
} from '../../../common/schemas/decidedItems.js';
import * as queries from './decidedItems.queries.js';
import { sendXlsx } from '../excel/export.js';
import { decidedCuts } from './decidedItems.cuts.js';
import * as service from './decidedItems.service.js';
import { sendFile } from '../files/index.js';

const tags = ['decidedItems'];
const BOARD = allow('sysAdmin', 'unionChair', 'unionStaff', 'handler');
/** Owners act on their own items; the demo's owners are department handlers. */
const OWNER = allow('handler');
const MANAGER = allow('sysAdmin', 'unionChair', 'unionStaff');
const Ok = z.object({ ok: z.literal(true) });

export async function decidedItemsRoutes(app: App) {
  const db = app.deps.database.db;
  const base = '/api/v1/decided-items';

  app.get(
    base,
    { config: BOARD, schema: { tags, summary: '督办事项列表（筛选、分页、排序）', querystring: DecidedItemFilter, response: { 200: DecidedItemPage } } },
    async (req) => queries.list(readCall(db, req), req.query),
  );
  app.get(`${base}/export.xlsx`, { config: BOARD, schema: { tags, summary: '导出督办事项（.xlsx）', querystring: DecidedItemFilter } }, async (req, reply) =>
    sendXlsx(reply, await queries.exportList(readCall(db, req), req.query)),
  );
  app.get(
    `${base}/cuts`,
    {
      config: BOARD,
      schema: { tags, summary: '督办事项分责任人、分来源统计（每行附筛选条件）', querystring: DecidedCutQuery, response: { 200: DecidedCuts } },
    },
    async (req) => decidedCuts(readCall(db, req), req.query),
  );
  app.get(
    `${base}/public`,
    {
      config: allow('sysAdmin', 'unionChair', 'unionStaff', 'representative', 'worker'),
      schema: { tags, summary: '公开的督办事项（本单位职工可见）', querystring: PublicDecidedQuery, response: { 200: PublicDecidedItemPage } },
    },
    async (req) => queries.publicList(readCall(db, req), req.query),
  );
  app.get(
    `${base}/:id`,
    { config: BOARD, schema: { tags, summary: '督办事项详情与时间线', params: IdParams, response: { 200: DecidedItemDetail } } },
    async (req) => service.detail(readCall(db, req), req.params.id),
  );

  app.post(
    `${base}/:id/progress`,
    {
      config: OWNER,
      schema: { tags, summary: '报告进度（责任人、协办人）', params: IdParams, body: ProgressBody, response: { 200: z.object({ progress: z.number() }) } },
    },
    (req, reply) => writeCall(db, req, reply, 200, (call) => service.reportProgress(call, req.params.id, req.body)),
  );
  app.get(`${base}/:id/files/:decidedFileId`, { config: BOARD, schema: { tags, summary: '下载进度佐证材料', params: DecidedFileParams } }, async (req, reply) =>
    sendFile(reply, app.deps.config.dataDir, await service.evidenceFile(readCall(db, req), req.params.id, req.params.decidedFileId)),
  );
  app.post(
    `${base}/:id/start`,
    { config: OWNER, schema: { tags, summary: '开始办理（责任人）', params: IdParams, body: EmptyBody, response: { 200: Ok } } },
    (req, reply) => writeCall(db, req, reply, 200, async (call) => (await service.start(call, req.params.id), { ok: true as const })),
  );
  app.post(
    `${base}/:id/done`,
    { config: OWNER, schema: { tags, summary: '办结（责任人）', params: IdParams, body: EmptyBody, response: { 200: Ok } } },
    (req, reply) => writeCall(db, req, reply, 200, async (call) => (await service.done(call, req.params.id), { ok: true as const })),
  );
  app.post(
    `${base}/:id/drop`,
    { config: MANAGER, schema: { tags, summary: '撤销（工会主席、干事，须说明原因）', params: IdParams, body: DropBody, response: { 200: Ok } } },
    (req, reply) => writeCall(db, req, reply, 200, async (call) => (await service.drop(call, req.params.id, req.body.reason), { ok: true as const })),
  );
  app.post(
    `${base}/:id/reopen`,
    { config: MANAGER, schema: { tags, summary: '重新打开（工会主席、干事）', params: IdParams, body: EmptyBody, response: { 200: Ok } } },
    (req, reply) => writeCall(db, req, reply, 200, async (call) => (await service.reopen(call, req.params.id), { ok: true as const })),
  );
}
