/**
 * Resolves the caller of every request (session cookie or bearer token) and enforces the
 * CSRF token on cookie-authenticated writes. Routes then only ask `requireActor`.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError, unauthenticated } from '../errors.js';
import { pickLocale } from '../i18n/messages.js';
import type { Actor } from '../rbac/actor.js';
import type { CallContext } from '../context.js';
import { findSession, findToken, loadGrants } from './auth.repository.js';

export const SESSION_COOKIE = 'xq_sid';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const TOUCH_EVERY_MS = 5 * 60_000;

export function registerAuth(app: FastifyInstance) {
  app.decorateRequest('actor', null);
  app.decorateRequest('locale', 'zh-CN');
  app.decorateRequest('sessionToken', null);
  app.decorateRequest('csrfToken', null);

  app.addHook('onRequest', async (req) => {
    req.locale = pickLocale(req.headers['accept-language']);
    if (!req.url.startsWith('/api/')) return;
    const db = app.deps.database.db;
    const auth = req.headers.authorization;
    if (auth?.startsWith('Bearer ')) {
      const row = await findToken(db, auth.slice(7).trim());
      if (!row || row.disabled) throw unauthenticated();
      req.actor = await buildActor(app, row.account_id, row.display_name, row.person_id, 'token');
      const now = Date.now();
      if (!row.last_used_at || now - Date.parse(row.last_used_at) > TOUCH_EVERY_MS) {
        await db
          .updateTable('api_tokens')
          .set({ last_used_at: new Date(now).toISOString() })
          .where('id', '=', row.id)
          .execute();
      }
      return;
    }
    const token = req.cookies[SESSION_COOKIE];
    if (!token) return;
    req.sessionToken = token;
    const row = await findSession(db, token);
    const now = Date.now();
    if (!row || row.disabled || Date.parse(row.expires_at) < now) return;
    req.csrfToken = row.csrf_token;
    if (!SAFE_METHODS.has(req.method) && req.headers['x-csrf-token'] !== row.csrf_token) {
      throw new AppError(403, 'csrf', 'error.csrf', {}, [{ field: 'headers.x-csrf-token', message: 'error.csrf' }]);
    }
    req.actor = await buildActor(app, row.account_id, row.display_name, row.person_id, 'session');
    if (now - Date.parse(row.last_seen_at) > TOUCH_EVERY_MS) {
      await db
        .updateTable('sessions')
        .set({ last_seen_at: new Date(now).toISOString() })
        .where('id', '=', row.id)
        .execute();
    }
  });
}

async function buildActor(app: FastifyInstance, accountId: string, displayName: string, personId: string | null, via: Actor['via']): Promise<Actor> {
  return { accountId, displayName, personId, via, grants: await loadGrants(app.deps.database.db, accountId) };
}

export function requireActor(req: FastifyRequest): Actor {
  if (!req.actor) throw unauthenticated();
  return req.actor;
}

export function callContext(req: FastifyRequest): CallContext {
  return { actor: req.actor, ip: req.ip, requestId: req.id, locale: req.locale };
}
