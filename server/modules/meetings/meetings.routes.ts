/** HTTP for meetings: path, declared access, schemas, one call into the service. */
import { z } from 'zod';
import {
  CancelBody,
  CreateMeetingBody,
  CreateSeriesBody,
  DecisionBody,
  HeldBody,
  MeetingDetail,
  MeetingFilter,
  MeetingPage,
  MinutesBody,
  PublishBody,
  ProposalChoices,
  ProposalChoicesQuery,
  PublishedQuery,
  SeriesList,
  AttendanceBody,
  UpdateMeetingBody,
} from '../../../common/schemas/meetings.js';
import { EmptyBody } from '../../../common/schemas/decidedItems.js';
import { IdParams } from '../../../common/schemas/shared.js';
import { allow } from '../../core/http/access.js';
import { readCall, writeCall } from '../../core/http/call.js';
import type { App } from '../../core/http/types.js';
import * as queries from './meetings.queries.js';
import * as service from './meetings.service.js';

const tags = ['meetings'];
const MANAGERS = allow('sysAdmin', 'unionChair', 'unionStaff');
/** Handlers of the administration and worker representatives attend meetings. */
const READERS = allow('sysAdmin', 'unionChair', 'unionStaff', 'handler', 'representative');
const Ok = z.object({ ok: z.literal(true) });
const Created = z.object({ id: z.string() });

export async function meetingsRoutes(app: App) {
  const db = app.deps.database.db;
  const base = '/api/v1/meetings';
  app.get(`${base}/series`, { config: MANAGERS, schema: { tags, summary: '会议系列（例会、联席会）', response: { 200: SeriesList } } }, async (req) =>
    queries.listSeries(readCall(db, req)),
  );
  app.post(
    `${base}/series`,
    { config: MANAGERS, schema: { tags, summary: '新建会议系列', body: CreateSeriesBody, response: { 201: Created } } },
    (req, reply) => writeCall(db, req, reply, 201, (call) => service.createSeries(call, req.body)),
  );
  app.get(
    `${base}/series/:id/proposals`,
    {
      config: MANAGERS,
      schema: { tags, summary: '可列入本系列会议议程的已立案提案', params: IdParams, querystring: ProposalChoicesQuery, response: { 200: ProposalChoices } },
    },
    async (req) => queries.proposalChoicesFor(readCall(db, req), req.params.id, req.query.q),
  );
  app.get(
    base,
    { config: READERS, schema: { tags, summary: '会议列表（筛选、分页、排序）', querystring: MeetingFilter, response: { 200: MeetingPage } } },
    async (req) => queries.list(readCall(db, req), req.query),
  );
  app.get(
    `${base}/published`,
    {
      config: allow('sysAdmin', 'unionChair', 'unionStaff', 'handler', 'representative', 'worker'),
      schema: { tags, summary: '已公布的会议纪要', querystring: PublishedQuery, response: { 200: MeetingPage } },
    },
    async (req) => queries.published(readCall(db, req), req.query),
  );
  app.post(
    base,
    { config: MANAGERS, schema: { tags, summary: '安排会议（议程、参会人员）', body: CreateMeetingBody, response: { 201: Created } } },
    (req, reply) => writeCall(db, req, reply, 201, (call) => service.createMeeting(call, req.body)),
  );
  app.get(
    `${base}/:id`,
    { config: READERS, schema: { tags, summary: '会议详情（议程、签到、纪要、决定事项、上次督办事项）', params: IdParams, response: { 200: MeetingDetail } } },
    async (req) => queries.detail(readCall(db, req), req.params.id),
  );
  app.put(
    `${base}/:id`,
    {
      config: MANAGERS,
      schema: { tags, summary: '修改待召开的会议（议程、参会人员、时间地点）', params: IdParams, body: UpdateMeetingBody, response: { 200: Ok } },
    },
    (req, reply) => writeCall(db, req, reply, 200, (call) => service.updateMeeting(call, req.params.id, req.body)),
  );
  app.post(
    `${base}/:id/sign-in`,
    {
      config: allow('handler', 'representative'),
      schema: { tags, summary: '参会签到（本人）', params: IdParams, body: EmptyBody, response: { 200: z.object({ signedInAt: z.string() }) } },
    },
    (req, reply) => writeCall(db, req, reply, 200, (call) => service.signIn(call, req.params.id)),
  );
  app.post(
    `${base}/:id/attendance`,
    { config: MANAGERS, schema: { tags, summary: '登记出席或缺席（缺席须写原因）', params: IdParams, body: AttendanceBody, response: { 200: Ok } } },
    (req, reply) => writeCall(db, req, reply, 200, (call) => service.recordAttendance(call, req.params.id, req.body)),
  );
  app.post(
    `${base}/:id/held`,
    { config: MANAGERS, schema: { tags, summary: '标记已召开', params: IdParams, body: HeldBody, response: { 200: Ok } } },
    (req, reply) => writeCall(db, req, reply, 200, (call) => service.markHeld(call, req.params.id, req.body.heldDate)),
  );
  app.put(
    `${base}/:id/minutes`,
    { config: MANAGERS, schema: { tags, summary: '起草会议纪要', params: IdParams, body: MinutesBody, response: { 200: Ok } } },
    (req, reply) => writeCall(db, req, reply, 200, (call) => service.draftMinutes(call, req.params.id, req.body)),
  );
  app.post(
    `${base}/:id/approve`,
    {
      config: allow('sysAdmin', 'unionChair'),
      schema: { tags, summary: '审定会议纪要（工会主席）', params: IdParams, body: EmptyBody, response: { 200: Ok } },
    },
    (req, reply) => writeCall(db, req, reply, 200, (call) => service.approve(call, req.params.id)),
  );
  app.post(
    `${base}/:id/publish`,
    { config: MANAGERS, schema: { tags, summary: '公布会议纪要（到本组织或下级组织）', params: IdParams, body: PublishBody, response: { 200: Ok } } },
    (req, reply) => writeCall(db, req, reply, 200, (call) => service.publish(call, req.params.id, req.body.orgId)),
  );
  app.post(
    `${base}/:id/cancel`,
    { config: MANAGERS, schema: { tags, summary: '取消会议', params: IdParams, body: CancelBody, response: { 200: Ok } } },
    (req, reply) => writeCall(db, req, reply, 200, (call) => service.cancel(call, req.params.id, req.body)),
  );
  app.post(
    `${base}/:id/decisions`,
    { config: MANAGERS, schema: { tags, summary: '记录决定事项（生成督办事项）', params: IdParams, body: DecisionBody, response: { 201: Created } } },
    (req, reply) => writeCall(db, req, reply, 201, (call) => service.recordDecision(call, req.params.id, req.body)),
  );
}
