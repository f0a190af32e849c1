/**
 * Refuses text with NUL characters (U+0000) anywhere in a request's JSON body, query or path,
 * before any handler sees it. PostgreSQL cannot store NUL in text and fails the whole
 * statement (a 500), while SQLite stores it silently — so the same request would behave
 * differently per engine. No person types NUL; it comes from broken clients or probes.
 * Runs for every route, also those that validate their body by hand (multipart forms).
 */
import type { FastifyInstance } from 'fastify';
import { RequestValidationError } from './validation.js';

const PARTS = [
  ['body', 'body'],
  ['query', 'querystring'],
  ['params', 'params'],
] as const;

/** Paths (as zod would name them) of every string containing NUL; iterative, so 10 000-deep JSON is fine. */
export function nulPaths(value: unknown, limit = 10): (string | number)[][] {
  const found: (string | number)[][] = [];
  const stack: [unknown, (string | number)[]][] = [[value, []]];
  while (stack.length && found.length < limit) {
    const [v, path] = stack.pop()!;
    if (typeof v === 'string') {
      if (v.includes('\u0000')) found.push(path);
    } else if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push([v[i], [...path, i]]);
    } else if (v && typeof v === 'object' && !Buffer.isBuffer(v)) {
      for (const [k, x] of Object.entries(v)) {
        if (k.includes('\u0000')) found.push([...path, k]);
        stack.push([x, [...path, k]]);
      }
    }
  }
  return found;
}

/** Throws the named 400 when `value` (a request part, or a body read by hand from a multipart form) holds NUL. */
export function refuseNul(value: unknown, part: 'body' | 'querystring' | 'params') {
  if (!value || typeof value !== 'object') return;
  const paths = nulPaths(value);
  if (paths.length) {
    throw new RequestValidationError(
      part,
      paths.map((path) => ({ code: 'custom', path, message: 'validation.nul', input: undefined }) as any),
    );
  }
}

export function registerTextGuard(app: FastifyInstance) {
  app.addHook('preValidation', async (req) => {
    for (const [prop, part] of PARTS) refuseNul((req as unknown as Record<string, unknown>)[prop], part);
  });
}
