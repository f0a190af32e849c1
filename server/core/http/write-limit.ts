/**
 * Write rate limits: every non-GET /api request counts against its account when signed in,
 * otherwise against its client address. Keying signed-in writes by account, not address,
 * matters here: a whole mine or school often reaches the server through one NAT address,
 * and one busy office must not lock out everyone behind it. Anonymous writes (sign-in
 * attempts, probes) are the ones an address limit is for.
 *
 * Counters are in memory, one fixed one-minute window per key: with several instances
 * behind a proxy the effective limit is the per-instance limit times the instance count,
 * which is fine for a guard against floods (docs/deploy.md).
 */
import type { FastifyInstance } from 'fastify';
import { sendProblem } from './problem.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const WINDOW_MS = 60_000;

export interface WriteLimits {
  /** Writes per minute per signed-in account; 0 switches the limit off. */
  perAccount: number;
  /** Writes per minute per client address for requests without an account; 0 = off. */
  perIp: number;
}

export function registerWriteLimits(app: FastifyInstance, limits: WriteLimits) {
  if (!(limits.perAccount > 0) && !(limits.perIp > 0)) return;
  const windows = new Map<string, { count: number; resetAt: number }>();
  let nextSweep = Date.now() + WINDOW_MS;

  // Registered after the auth hook, so req.actor is known here.
  app.addHook('onRequest', async (req, reply) => {
    if (SAFE_METHODS.has(req.method) || !req.url.startsWith('/api/')) return;
    const key = req.actor ? `a:${req.actor.accountId}` : `ip:${req.ip}`;
    const max = req.actor ? limits.perAccount : limits.perIp;
    if (!(max > 0)) return;
    const now = Date.now();
    if (now >= nextSweep) {
      for (const [k, w] of windows) if (w.resetAt <= now) windows.delete(k);
      nextSweep = now + WINDOW_MS;
    }
    let w = windows.get(key);
    if (!w || w.resetAt <= now) {
      w = { count: 0, resetAt: now + WINDOW_MS };
      windows.set(key, w);
    }
    w.count++;
    if (w.count <= max) return;
    reply.header('retry-after', String(Math.max(1, Math.ceil((w.resetAt - now) / 1000))));
    return sendProblem(req, reply, 429, 'rate_limited', 'error.rateLimited');
  });
}
