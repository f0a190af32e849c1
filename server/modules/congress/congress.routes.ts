import { z } from 'zod';
import {
  AddRepresentativeBody,
  AttendanceRow,
  CongressSession,
  CongressSessionParams,
  CongressTerm,
  CongressTermParams,
  CongressTermSummary,
  CreateSessionBody,
  CreateTermBody,
  PutAttendanceBody,
  PutRulesBody,
  Representative,
  RepresentativeListQuery,
  RosterCheck,
  TermListQuery,
} from '../../../common/schemas/congress.js';
import { pageOf } from '../../../common/schemas/shared.js';
import type { App } from '../../core/http/types.js';
import { allow } from '../../core/http/access.js';
import { readCall, writeCall } from '../../core/http/call.js';
import * as service from './congress.service.js';
import { proposalRoutes } from './congress.proposals.routes.js';
import { voteRoutes } from './congress.votes.routes.js';

const tags = ['congress'];
const base = '/api/v1/congress';
const OFFICE = ['sysAdmin', 'unionChair', 'unionStaff'] as const;
const WITH_REPS = [...OFFICE, 'representative'] as const;

export async function congressRoutes(app: App) {
  const db = app.deps.database.db;

  app.get(
    `${base}/terms`,
    {
      config: allow(...WITH_REPS),
      schema: {
        tags,
        summary: '职代会届次列表（工会管理的，及本人任代表的）',
        querystring: TermListQuery,
        response: { 200: z.object({ items: z.array(CongressTermSummary) }) },
      },
    },
    (req) => service.listTerms(readCall(db, req), req.query),
  );
  app.post(
    `${base}/terms`,
    { config: allow(...OFFICE), schema: { tags, summary: '新建一届职代会（含代表构成比例规则）', body: CreateTermBody, response: { 201: CongressTerm } } },
    (req, reply) => writeCall(db, req, reply, 201, (call) => service.createTerm(call, req.body)),
  );
  app.get(
    `${base}/terms/:congressTermId`,
    {
      config: allow(...WITH_REPS),
      schema: { tags, summary: '一届职代会：比例规则、代表构成检查与各次会议', params: CongressTermParams, response: { 200: CongressTerm } },
    },
    (req) => service.getTerm(readCall(db, req), req.params.congressTermId),
  );
  app.put(
    `${base}/terms/:congressTermId/rules`,
    {
      config: allow(...OFFICE),
      schema: {
        tags,
        summary: '修改代表构成比例规则（百分比，null 为不检查）',
        params: CongressTermParams,
        body: PutRulesBody,
        response: { 200: CongressTerm },
      },
    },
    (req, reply) => writeCall(db, req, reply, 200, (call) => service.putRules(call, req.params.congressTermId, req.body)),
  );
  app.get(
    `${base}/terms/:congressTermId/representatives`,
    {
      config: allow(...WITH_REPS),
      schema: {
        tags,
        summary: '代表名单（按代表团、类别筛选，排序，分页）',
        params: CongressTermParams,
        querystring: RepresentativeListQuery,
        response: { 200: pageOf(Representative) },
      },
    },
    (req) => service.listRepresentatives(readCall(db, req), req.params.congressTermId, req.query),
  );
  app.post(
    `${base}/terms/:congressTermId/representatives`,
    {
      config: allow(...OFFICE),
      schema: {
        tags,
        summary: '增补一名职工代表；返回新的构成检查',
        params: CongressTermParams,
        body: AddRepresentativeBody,
        response: { 201: z.object({ id: z.string(), roster: RosterCheck }) },
      },
    },
    (req, reply) => writeCall(db, req, reply, 201, (call) => service.addRepresentative(call, req.params.congressTermId, req.body)),
  );
  app.post(
    `${base}/terms/:congressTermId/sessions`,
    {
      config: allow(...OFFICE),
      schema: { tags, summary: '新建一次会议（届期之内）', params: CongressTermParams, body: CreateSessionBody, response: { 201: CongressSession } },
    },
    (req, reply) => writeCall(db, req, reply, 201, (call) => service.createSession(call, req.params.congressTermId, req.body)),
  );
  app.get(
    `${base}/sessions/:congressSessionId`,
    {
      config: allow(...WITH_REPS),
      schema: { tags, summary: '一次会议：应到、实到与法定人数', params: CongressSessionParams, response: { 200: CongressSession } },
    },
    (req) => service.getSession(readCall(db, req), req.params.congressSessionId),
  );
  app.get(
    `${base}/sessions/:congressSessionId/attendance`,
    {
      config: allow(...OFFICE),
      schema: { tags, summary: '出席登记表', params: CongressSessionParams, response: { 200: z.object({ items: z.array(AttendanceRow) }) } },
    },
    (req) => service.attendanceList(readCall(db, req), req.params.congressSessionId),
  );
  app.put(
    `${base}/sessions/:congressSessionId/attendance`,
    {
      config: allow(...OFFICE),
      schema: { tags, summary: '登记一名代表出席或请假', params: CongressSessionParams, body: PutAttendanceBody, response: { 200: CongressSession } },
    },
    (req, reply) => writeCall(db, req, reply, 200, (call) => service.putAttendance(call, req.params.congressSessionId, req.body)),
  );
  app.post(
    `${base}/sessions/:congressSessionId/sign-in`,
    { config: allow('representative'), schema: { tags, summary: '代表本人签到（手机）', params: CongressSessionParams, response: { 200: CongressSession } } },
    (req, reply) => writeCall(db, req, reply, 200, (call) => service.signIn(call, req.params.congressSessionId)),
  );
  app.post(
    `${base}/sessions/:congressSessionId/open`,
    {
      config: allow(...OFFICE),
      schema: { tags, summary: '宣布开会（实到须达全体代表三分之二）', params: CongressSessionParams, response: { 200: CongressSession } },
    },
    (req, reply) => writeCall(db, req, reply, 200, (call) => service.openSession(call, req.params.congressSessionId)),
  );
  app.post(
    `${base}/sessions/:congressSessionId/close`,
    { config: allow(...OFFICE), schema: { tags, summary: '闭会', params: CongressSessionParams, response: { 200: CongressSession } } },
    (req, reply) => writeCall(db, req, reply, 200, (call) => service.closeSession(call, req.params.congressSessionId)),
  );
  await proposalRoutes(app);
  await voteRoutes(app);
}
