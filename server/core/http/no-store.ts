/**
 * Every answer under /api/ is the caller's own view — names, phone numbers, appeals, photos —
 * or a sign-in secret (session, CSRF token): no browser, proxy or shared computer may keep a
 * copy. `no-store` on all of them is the rule that cannot be forgotten on a new route; the
 * web app's hashed static files are served outside /api/ and stay cacheable.
 */
import type { FastifyInstance } from 'fastify';

export function registerNoStore(app: FastifyInstance) {
  app.addHook('onSend', async (req, reply, payload) => {
    if (req.url.startsWith('/api/')) reply.header('cache-control', 'no-store');
    return payload;
  });
}
