import { z } from 'zod';
import {
  AnswerProposalBody,
  AssignProposalBody,
  CongressSessionParams,
  GradeProposalBody,
  HeldSessions,
  Participation,
  ParticipationListQuery,
  ParticipationQuery,
  Proposal,
  ProposalCutQuery,
  ProposalCuts,
  ProposalListQuery,
  ProposalParams,
  ProposalSetQuery,
  ProposalSummary,
  RaiseProposalBody,
  RateProposalBody,
  ScreenProposalBody,
} from '../../../common/schemas/congress.js';
import { pageOf } from '../../../common/schemas/shared.js';
import type { App } from '../../core/http/types.js';
import { allow } from '../../core/http/access.js';
import { readCall, writeCall } from '../../core/http/call.js';
import * as service from './congress.proposals.service.js';
import * as cuts from './congress.cuts.js';

const tags = ['congress'];
const base = '/api/v1/congress';
const OFFICE = ['sysAdmin', 'unionChair', 'unionStaff'] as const;

export async function proposalRoutes(app: App) {
  const db = app.deps.database.db;

  app.get(
    `${base}/sessions/:congressSessionId/proposals`,
    {
      config: allow(...OFFICE, 'representative'),
      schema: {
        tags,
        summary: '本次会议的提案（按状态筛选、排序、分页）',
        params: CongressSessionParams,
        querystring: ProposalListQuery,
        response: { 200: pageOf(ProposalSummary) },
      },
    },
    (req) => service.listProposals(readCall(db, req), req.params.congressSessionId, req.query),
  );
  app.post(
    `${base}/sessions/:congressSessionId/proposals`,
    {
      config: allow('representative'),
      schema: { tags, summary: '代表提出提案（一事一案，征集期内）', params: CongressSessionParams, body: RaiseProposalBody, response: { 201: Proposal } },
    },
    (req, reply) => writeCall(db, req, reply, 201, (call) => service.raise(call, req.params.congressSessionId, req.body)),
  );
  app.get(
    `${base}/sessions/:congressSessionId/results`,
    {
      config: allow(...OFFICE, 'representative', 'worker', 'handler'),
      schema: {
        tags,
        summary: '向职工公布的提案处理结果',
        params: CongressSessionParams,
        querystring: ProposalListQuery,
        response: { 200: pageOf(ProposalSummary) },
      },
    },
    (req) => service.results(readCall(db, req), req.params.congressSessionId, req.query),
  );
  app.post(
    `${base}/sessions/:congressSessionId/publish`,
    {
      config: allow(...OFFICE),
      schema: { tags, summary: '公布本次会议的提案处理结果', params: CongressSessionParams, response: { 200: z.object({ published: z.number().int() }) } },
    },
    (req, reply) => writeCall(db, req, reply, 200, (call) => service.publish(call, req.params.congressSessionId)),
  );
  app.get(
    `${base}/proposals`,
    {
      config: allow(...OFFICE),
      schema: { tags, summary: '期间内各次会议的提案（指标下钻：set=adopted 等）', querystring: ProposalSetQuery, response: { 200: pageOf(ProposalSummary) } },
    },
    (req) => service.proposalsInPeriod(readCall(db, req), req.query),
  );
  app.get(
    `${base}/proposals/cuts`,
    {
      config: allow(...OFFICE),
      schema: {
        tags,
        summary: '提案指标分组（按会议、承办部门、代表团、代表类别），每行可下钻',
        querystring: ProposalCutQuery,
        response: { 200: ProposalCuts },
      },
    },
    (req) => cuts.proposalCuts(readCall(db, req), { from: req.query.from, to: req.query.to, by: req.query.cut }),
  );
  app.get(
    `${base}/sessions/held`,
    {
      config: allow(...OFFICE),
      schema: { tags, summary: '期间内已闭会的会议及实到、应到代表（出席率下钻）', querystring: ParticipationQuery, response: { 200: HeldSessions } },
    },
    (req) => cuts.heldInPeriod(readCall(db, req), req.query),
  );
  app.get(
    `${base}/representatives/participation`,
    {
      config: allow(...OFFICE),
      schema: { tags, summary: '代表履职：提案、附议、出席（期间内召开的会议）', querystring: ParticipationListQuery, response: { 200: Participation } },
    },
    (req) => cuts.participation(readCall(db, req), req.query),
  );
  app.get(
    `${base}/proposals/assigned`,
    {
      config: allow('sysAdmin', 'handler'),
      schema: { tags, summary: '交办给本部门的提案', querystring: ProposalListQuery, response: { 200: pageOf(ProposalSummary) } },
    },
    (req) => service.assignedToMe(readCall(db, req), req.query),
  );
  app.get(
    `${base}/proposals/:proposalId`,
    {
      config: allow(...OFFICE, 'representative', 'handler'),
      schema: { tags, summary: '提案详情与办理过程', params: ProposalParams, response: { 200: Proposal } },
    },
    (req) => service.getProposal(readCall(db, req), req.params.proposalId),
  );
  app.post(
    `${base}/proposals/:proposalId/second`,
    { config: allow('representative'), schema: { tags, summary: '附议（不能附议自己的提案）', params: ProposalParams, response: { 200: Proposal } } },
    (req, reply) => writeCall(db, req, reply, 200, (call) => service.second(call, req.params.proposalId)),
  );
  app.post(
    `${base}/proposals/:proposalId/screen`,
    {
      config: allow(...OFFICE),
      schema: {
        tags,
        summary: '提案审查：立案、转意见建议、并案或不予立案（须写明理由）',
        params: ProposalParams,
        body: ScreenProposalBody,
        response: { 200: Proposal },
      },
    },
    (req, reply) => writeCall(db, req, reply, 200, (call) => service.screen(call, req.params.proposalId, req.body)),
  );
  app.post(
    `${base}/proposals/:proposalId/assign`,
    {
      config: allow(...OFFICE),
      schema: { tags, summary: '交办承办部门（可会签），按工作日计算答复期限', params: ProposalParams, body: AssignProposalBody, response: { 200: Proposal } },
    },
    (req, reply) => writeCall(db, req, reply, 200, (call) => service.assign(call, req.params.proposalId, req.body)),
  );
  app.post(
    `${base}/proposals/:proposalId/answer`,
    {
      config: allow('sysAdmin', 'handler'),
      schema: { tags, summary: '承办部门答复', params: ProposalParams, body: AnswerProposalBody, response: { 200: Proposal } },
    },
    (req, reply) => writeCall(db, req, reply, 200, (call) => service.answer(call, req.params.proposalId, req.body)),
  );
  app.post(
    `${base}/proposals/:proposalId/rate`,
    {
      config: allow('representative'),
      schema: { tags, summary: '提案人评价答复（不满意可退回重办一次）', params: ProposalParams, body: RateProposalBody, response: { 200: Proposal } },
    },
    (req, reply) => writeCall(db, req, reply, 200, (call) => service.rate(call, req.params.proposalId, req.body.rating)),
  );
  app.post(
    `${base}/proposals/:proposalId/grade`,
    {
      config: allow(...OFFICE),
      schema: { tags, summary: '落实等级 A/B/C（须写明理由）', params: ProposalParams, body: GradeProposalBody, response: { 200: Proposal } },
    },
    (req, reply) => writeCall(db, req, reply, 200, (call) => service.grade(call, req.params.proposalId, req.body)),
  );
}
