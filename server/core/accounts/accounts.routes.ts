import { AccountItem, AccountListQuery, CreateAccountBody, GrantInput, GrantParams, ResetPasswordBody } from '../../../common/schemas/accounts.js';
import { IdParams, pageOf } from '../../../common/schemas/shared.js';
import type { App } from '../http/types.js';
import { callContext, requireActor } from '../auth/auth.plugin.js';
import * as service from './accounts.service.js';
import { allow } from '../http/access.js';

export async function accountsRoutes(app: App) {
  const db = app.deps.database.db;
  const tags = ['accounts'];

  app.get(
    '/api/v1/accounts',
    {
      config: allow('sysAdmin'),
      schema: { tags, summary: '账号列表（本人管理范围内）', querystring: AccountListQuery, response: { 200: pageOf(AccountItem) } },
    },
    async (req) => service.list(db, requireActor(req), req.query),
  );

  app.get(
    '/api/v1/accounts/:id',
    { config: allow('sysAdmin'), schema: { tags, summary: '账号详情', params: IdParams, response: { 200: AccountItem } } },
    async (req) => service.get(db, requireActor(req), req.params.id),
  );

  app.post(
    '/api/v1/accounts',
    { config: allow('sysAdmin'), schema: { tags, summary: '新建账号并授予角色', body: CreateAccountBody, response: { 201: AccountItem } } },
    async (req, reply) => reply.status(201).send(await service.create(db, callContext(req), requireActor(req), req.body)),
  );

  app.post(
    '/api/v1/accounts/:id/grants',
    { config: allow('sysAdmin'), schema: { tags, summary: '授予角色', params: IdParams, body: GrantInput, response: { 201: AccountItem } } },
    async (req, reply) => reply.status(201).send(await service.addGrant(db, callContext(req), requireActor(req), req.params.id, req.body)),
  );

  app.delete(
    '/api/v1/accounts/:id/grants/:grantId',
    { config: allow('sysAdmin'), schema: { tags, summary: '撤销角色', params: GrantParams } },
    async (req, reply) => {
      await service.removeGrant(db, callContext(req), requireActor(req), req.params.id, req.params.grantId);
      return reply.status(204).send();
    },
  );

  app.post(
    '/api/v1/accounts/:id/disable',
    { config: allow('sysAdmin'), schema: { tags, summary: '停用账号（立即结束其会话）', params: IdParams, response: { 200: AccountItem } } },
    async (req) => service.setDisabled(db, callContext(req), requireActor(req), req.params.id, true),
  );

  app.post(
    '/api/v1/accounts/:id/enable',
    { config: allow('sysAdmin'), schema: { tags, summary: '启用账号', params: IdParams, response: { 200: AccountItem } } },
    async (req) => service.setDisabled(db, callContext(req), requireActor(req), req.params.id, false),
  );

  app.post(
    '/api/v1/accounts/:id/reset-password',
    { config: allow('sysAdmin'), schema: { tags, summary: '重置密码（结束其会话、吊销其 API 令牌、解除锁定）', params: IdParams, body: ResetPasswordBody } },
    async (req, reply) => {
      await service.resetPassword(db, callContext(req), requireActor(req), req.params.id, req.body.password);
      return reply.status(204).send();
    },
  );
}
