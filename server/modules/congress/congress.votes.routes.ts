import { z } from 'zod';
import {
  CastBallotBody,
  CastBallotResult,
  CongressSessionParams,
  CongressVoteParams,
  CreateVoteBody,
  VerifyReceiptBody,
  Vote,
  VoteInPeriod,
  VoteListQuery,
  VotePeriodQuery,
  VoteSummary,
} from '../../../common/schemas/congress.js';
import type { App } from '../../core/http/types.js';
import { allow } from '../../core/http/access.js';
import { readCall, unlinkedWrite, writeCall } from '../../core/http/call.js';
import * as service from './congress.votes.service.js';

const tags = ['congress'];
const base = '/api/v1/congress';
const OFFICE = ['sysAdmin', 'unionChair', 'unionStaff'] as const;

export async function voteRoutes(app: App) {
  const db = app.deps.database.db;

  app.get(
    `${base}/sessions/:congressSessionId/votes`,
    {
      config: allow(...OFFICE, 'representative'),
      schema: {
        tags,
        summary: '本次会议的表决事项（结果在表决结束后才显示）',
        params: CongressSessionParams,
        querystring: VoteListQuery,
        response: { 200: z.object({ items: z.array(VoteSummary) }) },
      },
    },
    (req) => service.listVotes(readCall(db, req), req.params.congressSessionId, req.query),
  );
  app.post(
    `${base}/sessions/:congressSessionId/votes`,
    {
      config: allow(...OFFICE),
      schema: {
        tags,
        summary: '列入表决事项（决议、集体合同草案、工资协议、民主评议；可无记名）',
        params: CongressSessionParams,
        body: CreateVoteBody,
        response: { 201: Vote },
      },
    },
    (req, reply) => writeCall(db, req, reply, 201, (call) => service.createVote(call, req.params.congressSessionId, req.body)),
  );
  app.get(
    `${base}/votes`,
    {
      config: allow(...OFFICE),
      schema: {
        tags,
        summary: '期间内已结束的表决及其投票率（指标下钻）',
        querystring: VotePeriodQuery,
        response: { 200: z.object({ items: z.array(VoteInPeriod) }) },
      },
    },
    (req) => service.votesInPeriod(readCall(db, req), req.query),
  );
  app.get(
    `${base}/votes/:congressVoteId`,
    {
      config: allow(...OFFICE, 'representative'),
      schema: { tags, summary: '表决事项详情；结束后显示结果、投票率与记名表决的逐人选择', params: CongressVoteParams, response: { 200: Vote } },
    },
    (req) => service.getVote(readCall(db, req), req.params.congressVoteId),
  );
  app.post(
    `${base}/votes/:congressVoteId/open`,
    { config: allow(...OFFICE), schema: { tags, summary: '开始表决（会议进行中）', params: CongressVoteParams, response: { 200: Vote } } },
    (req, reply) => writeCall(db, req, reply, 200, (call) => service.openVote(call, req.params.congressVoteId)),
  );
  app.post(
    `${base}/votes/:congressVoteId/close`,
    {
      config: allow(...OFFICE),
      schema: { tags, summary: '结束表决并计票（赞成票须超过全体代表的半数）', params: CongressVoteParams, response: { 200: Vote } },
    },
    (req, reply) => writeCall(db, req, reply, 200, (call) => service.closeVote(call, req.params.congressVoteId)),
  );
  app.post(
    `${base}/votes/:congressVoteId/ballot`,
    {
      config: allow('representative'),
      schema: {
        tags,
        summary: '代表投票（每人一次；无记名投票返回回执码）',
        params: CongressVoteParams,
        body: CastBallotBody,
        response: { 200: CastBallotResult },
      },
    },
    // No Idempotency-Key here: its stored answer would tie the voter to the choice (see unlinkedWrite).
    (req, reply) => unlinkedWrite(db, req, reply, 200, (call) => service.cast(call, req.params.congressVoteId, req.body.choice)),
  );
  app.post(
    `${base}/votes/:congressVoteId/verify`,
    {
      config: allow('representative'),
      schema: {
        tags,
        summary: '凭回执码核对本人的无记名选票已计入',
        params: CongressVoteParams,
        body: VerifyReceiptBody,
        response: { 200: z.object({ counted: z.boolean() }) },
      },
    },
    (req) => service.verifyReceipt(readCall(db, req), req.params.congressVoteId, req.body),
  );
}
