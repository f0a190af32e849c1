import { z } from 'zod';
import { ChangePasswordBody, CreateTokenBody, LoginBody, Me } from '../../../common/schemas/auth.js';
import { IdParams } from '../../../common/schemas/shared.js';
import type { App } from '../http/types.js';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { permissionsOf, type Actor } from '../rbac/actor.js';
import { findAccount, loadGrants } from './auth.repository.js';
import { SESSION_COOKIE, callContext, requireActor } from './auth.plugin.js';
import { changePassword, createApiToken, listApiTokens, login, logout, revokeApiToken } from './auth.service.js';
import { AppError, notFound, unauthenticated } from '../errors.js';
import { PUBLIC, SIGNED_IN } from '../http/access.js';

export async function authRoutes(app: App) {
  const { database, config } = app.deps;
  const db = database.db;

  const presentMe = async (actor: Actor, csrfToken: string | null): Promise<Me> => {
    const account = await findAccount(db, actor.accountId);
    if (!account) throw notFound();
    return {
      account: { id: account.id, username: account.username, displayName: account.display_name, locale: account.locale, personId: account.person_id },
      roles: actor.grants.map((g) => ({ role: g.role, orgId: g.orgId, orgName: g.orgName })),
      permissions: permissionsOf(actor),
      csrfToken,
    };
  };

  const setCookie = (reply: FastifyReply, token: string, expiresAt: string) =>
    reply.setCookie(SESSION_COOKIE, token, {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure: config.secureCookies,
      expires: new Date(expiresAt),
    });

  app.post(
    '/api/v1/auth/login',
    {
      schema: { tags: ['auth'], summary: '登录', body: LoginBody, response: { 200: Me } },
      config: { ...PUBLIC, rateLimit: { max: config.loginLimitPerIp, timeWindow: '1 minute' } },
    },
    async (req, reply) => {
      const res = await login(db, callContext(req), {
        ...req.body,
        userAgent: req.headers['user-agent'],
        previousToken: req.cookies[SESSION_COOKIE],
        sessionDays: config.sessionDays,
      }).catch((err: unknown) => {
        // The back-off says when to try again, as the per-address limit does.
        if (err instanceof AppError && err.status === 429) reply.header('retry-after', String(err.params.retryAfter ?? 1));
        throw err;
      });
      setCookie(reply, res.sessionToken, res.expiresAt);
      const actor: Actor = { accountId: res.accountId, displayName: '', personId: null, via: 'session', grants: await loadGrants(db, res.accountId) };
      return presentMe(actor, res.csrfToken);
    },
  );

  app.get('/api/v1/auth/me', { config: SIGNED_IN, schema: { tags: ['auth'], summary: '当前用户', response: { 200: Me } } }, async (req) => {
    return presentMe(requireActor(req), req.csrfToken);
  });

  app.post('/api/v1/auth/logout', { config: SIGNED_IN, schema: { tags: ['auth'], summary: '退出登录' } }, async (req, reply) => {
    if (!req.actor) throw unauthenticated();
    if (req.sessionToken) await logout(db, req.sessionToken);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.status(204).send();
  });

  app.post(
    '/api/v1/auth/password',
    { config: SIGNED_IN, schema: { tags: ['auth'], summary: '修改密码（结束其他会话、吊销全部 API 令牌）', body: ChangePasswordBody } },
    async (req, reply) => {
      const actor = requireActor(req);
      await changePassword(db, callContext(req), actor, req.body.currentPassword, req.body.newPassword, req.sessionToken ?? undefined);
      return reply.status(204).send();
    },
  );

  app.get(
    '/api/v1/auth/tokens',
    {
      config: SIGNED_IN,
      schema: {
        tags: ['auth'],
        summary: 'API 令牌列表',
        response: {
          200: z.object({ items: z.array(z.object({ id: z.string(), name: z.string(), createdAt: z.string(), lastUsedAt: z.string().nullable() })) }),
        },
      },
    },
    async (req) => ({ items: await listApiTokens(db, requireActor(req)) }),
  );

  app.post(
    '/api/v1/auth/tokens',
    {
      config: SIGNED_IN,
      schema: {
        tags: ['auth'],
        summary: '创建 API 令牌（只显示一次）',
        body: CreateTokenBody,
        response: { 200: z.object({ id: z.string(), name: z.string(), token: z.string() }) },
      },
    },
    async (req) => createApiToken(db, callContext(req), requireActor(req), req.body.name),
  );

  app.delete(
    '/api/v1/auth/tokens/:id',
    { config: SIGNED_IN, schema: { tags: ['auth'], summary: '吊销 API 令牌', params: IdParams } },
    async (req: FastifyRequest<{ Params: { id: string } }>, reply) => {
      await revokeApiToken(db, callContext(req), requireActor(req), req.params.id);
      return reply.status(204).send();
    },
  );
}
