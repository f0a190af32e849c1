/**
 * Idempotent writes. A client on a flaky mine network retries with the same
 * Idempotency-Key; the first request's response is stored in the same transaction as the
 * record it created, so a retry (even one racing the first) gets that response back and
 * never creates a second record.
 */
import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Db, Tx } from '../db/database.js';
import { AppError } from '../errors.js';
import { nowIso } from '../ids.js';
import { insertRow, prepared } from '../db/prepared.js';

const priorResponse = prepared((db, p: { accountId: string; key: string }) =>
  db.selectFrom('idempotency_keys').select(['status', 'body', 'route']).where('account_id', '=', p.accountId).where('key', '=', p.key),
);

const KEY_RE = /^[A-Za-z0-9_\-:.]{8,100}$/;

function isUniqueViolation(err: any) {
  return err?.code === '23505' || String(err?.code).startsWith('SQLITE_CONSTRAINT');
}

/**
 * Runs `work` in a transaction; when the request carries an Idempotency-Key, stores
 * `{status, body}` under (account, route, key) in that same transaction.
 */
export async function idempotent<T>(
  db: Db,
  req: FastifyRequest,
  reply: FastifyReply,
  accountId: string,
  status: number,
  work: (tx: Tx) => Promise<T>,
): Promise<T> {
  const key = req.headers['idempotency-key'];
  if (key === undefined) return db.transaction().execute(work);
  if (typeof key !== 'string' || !KEY_RE.test(key)) {
    throw new AppError(400, 'validation', 'error.validation', {}, [{ field: 'headers.idempotency-key', message: 'validation.idempotencyKey' }]);
  }
  // The route plus a hash of the body: the same key reused for a different request is an error, not a replay.
  const route = `${req.method} ${req.routeOptions.url} ${createHash('sha256')
    .update(JSON.stringify(req.body ?? null))
    .digest('base64url')
    .slice(0, 16)}`;
  const replay = async () => {
    const prior = await priorResponse.first(db, { accountId, key });
    if (!prior) return undefined;
    if (prior.route !== route)
      throw new AppError(422, 'idempotency_mismatch', 'error.idempotencyMismatch', {}, [
        { field: 'headers.idempotency-key', message: 'error.idempotencyMismatch' },
      ]);
    reply.header('idempotent-replay', 'true');
    reply.status(prior.status);
    return JSON.parse(prior.body) as T;
  };
  const prior = await replay();
  if (prior !== undefined) return prior;
  try {
    return await db.transaction().execute(async (tx) => {
      const result = await work(tx);
      await insertRow(tx, 'idempotency_keys', { key, account_id: accountId, route, status, body: JSON.stringify(result), created_at: nowIso() });
      return result;
    });
  } catch (err) {
    // A concurrent twin committed first: its record stands, ours rolled back.
    if (isUniqueViolation(err)) {
      const again = await replay();
      if (again !== undefined) return again;
    }
    throw err;
  }
}
