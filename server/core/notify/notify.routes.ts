import { z } from 'zod';
import {
  CreateWebhookBody,
  NotificationListQuery,
  NotificationPage,
  RobotEventList,
  UpdateWebhookBody,
  Webhook,
  WebhookListQuery,
  WebhookTestResult,
} from '../../../common/schemas/notify.js';
import { IdParams } from '../../../common/schemas/shared.js';
import type { App } from '../http/types.js';
import { callContext, requireActor } from '../auth/auth.plugin.js';
import * as service from './notify.service.js';
import { SIGNED_IN, allow } from '../http/access.js';

export async function notifyRoutes(app: App) {
  const db = app.deps.database.db;
  const hooks = { allowHosts: app.deps.config.webhookAllowHosts };

  app.get(
    '/api/v1/notifications',
    { config: SIGNED_IN, schema: { tags: ['notify'], summary: '我的站内通知', querystring: NotificationListQuery, response: { 200: NotificationPage } } },
    async (req) => service.inbox(db, requireActor(req), req.query),
  );

  app.post(
    '/api/v1/notifications/:id/read',
    { config: SIGNED_IN, schema: { tags: ['notify'], summary: '标记一条通知为已读', params: IdParams } },
    async (req, reply) => {
      await service.markRead(db, requireActor(req), req.params.id);
      return reply.status(204).send();
    },
  );

  app.post(
    '/api/v1/notifications/read-all',
    { config: SIGNED_IN, schema: { tags: ['notify'], summary: '全部标记为已读', response: { 200: z.object({ count: z.number().int() }) } } },
    async (req) => service.markAllRead(db, requireActor(req)),
  );

  app.get(
    '/api/v1/webhooks',
    {
      config: allow('sysAdmin', 'unionChair'),
      schema: {
        tags: ['notify'],
        summary: '群机器人列表（企业微信、钉钉）',
        querystring: WebhookListQuery,
        response: { 200: z.object({ items: z.array(Webhook) }) },
      },
    },
    async (req) => ({
      items: await service.listWebhooks(db, requireActor(req), req.query.orgId),
    }),
  );

  app.get(
    '/api/v1/webhooks/events',
    { config: allow('sysAdmin', 'unionChair'), schema: { tags: ['notify'], summary: '群机器人可推送的事件（按模块分组）', response: { 200: RobotEventList } } },
    async (req) => service.listRobotEvents(requireActor(req)),
  );

  app.get(
    '/api/v1/webhooks/:id',
    { config: allow('sysAdmin', 'unionChair'), schema: { tags: ['notify'], summary: '群机器人详情', params: IdParams, response: { 200: Webhook } } },
    async (req) => service.getWebhook(db, requireActor(req), req.params.id),
  );

  app.post(
    '/api/v1/webhooks',
    { config: allow('sysAdmin', 'unionChair'), schema: { tags: ['notify'], summary: '新增群机器人', body: CreateWebhookBody, response: { 201: Webhook } } },
    async (req, reply) => reply.status(201).send(await service.createWebhook(db, callContext(req), requireActor(req), req.body, hooks)),
  );

  app.patch(
    '/api/v1/webhooks/:id',
    {
      config: allow('sysAdmin', 'unionChair'),
      schema: { tags: ['notify'], summary: '修改群机器人', params: IdParams, body: UpdateWebhookBody, response: { 200: Webhook } },
    },
    async (req) => service.updateWebhook(db, callContext(req), requireActor(req), req.params.id, req.body, hooks),
  );

  app.delete(
    '/api/v1/webhooks/:id',
    { config: allow('sysAdmin', 'unionChair'), schema: { tags: ['notify'], summary: '删除群机器人（连同未发送的消息）', params: IdParams } },
    async (req, reply) => {
      await service.deleteWebhook(db, callContext(req), requireActor(req), req.params.id);
      return reply.status(204).send();
    },
  );

  app.post(
    '/api/v1/webhooks/:id/test',
    {
      schema: { tags: ['notify'], summary: '立即发送一条测试消息', params: IdParams, response: { 200: WebhookTestResult } },
      config: { ...allow('sysAdmin', 'unionChair'), rateLimit: { max: 10, timeWindow: '1 minute' } },
    },
    async (req) => service.testWebhook(db, callContext(req), requireActor(req), req.params.id, hooks),
  );
}
