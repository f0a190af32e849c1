import { z } from 'zod';
import { CreateOrgBody, Org, OrgListQuery, UpdateOrgBody } from '../../../common/schemas/org.js';
import { IdParams } from '../../../common/schemas/shared.js';
import type { App } from '../http/types.js';
import { callContext, requireActor } from '../auth/auth.plugin.js';
import * as service from './org.service.js';
import { allow, STAFF } from '../http/access.js';

export async function orgRoutes(app: App) {
  const db = app.deps.database.db;

  app.get(
    '/api/v1/orgs',
    {
      config: STAFF,
      schema: { tags: ['org'], summary: '组织列表（本人可见范围）', querystring: OrgListQuery, response: { 200: z.object({ items: z.array(Org) }) } },
    },
    async (req) => ({
      items: await service.list(db, requireActor(req), req.query.under),
    }),
  );

  app.get(
    '/api/v1/orgs/:id',
    {
      config: STAFF,
      schema: { tags: ['org'], summary: '组织详情', params: IdParams, response: { 200: Org } },
    },
    async (req) => service.present(await service.getReadable(db, requireActor(req), req.params.id)),
  );

  app.post(
    '/api/v1/orgs',
    { config: allow('sysAdmin'), schema: { tags: ['org'], summary: '新建组织', body: CreateOrgBody, response: { 201: Org } } },
    async (req, reply) => {
      const org = await service.create(db, callContext(req), requireActor(req), req.body);
      return reply.status(201).send(org);
    },
  );

  app.patch(
    '/api/v1/orgs/:id',
    { config: allow('sysAdmin'), schema: { tags: ['org'], summary: '修改、移动组织', params: IdParams, body: UpdateOrgBody, response: { 200: Org } } },
    async (req) => service.update(db, callContext(req), requireActor(req), req.params.id, req.body),
  );

  app.delete('/api/v1/orgs/:id', { config: allow('sysAdmin'), schema: { tags: ['org'], summary: '删除组织', params: IdParams } }, async (req, reply) => {
    await service.remove(db, callContext(req), requireActor(req), req.params.id);
    return reply.status(204).send();
  });
}
