/**
 * Route helpers of the module kit. A route of a new module is one line:
 * `(req, reply) => writeCall(db, req, reply, 201, (call) => service.create(call, req.body))`.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Call, WriteCall } from '../call.js';
import type { Db } from '../db/database.js';
import { callContext, requireActor } from '../auth/auth.plugin.js';
import { idempotent } from './idempotency.js';
import { AppError } from '../errors.js';

/** The call of a read; 401 when nobody is signed in. */
export function readCall(db: Db, req: FastifyRequest): Call {
  const actor = requireActor(req);
  return { db, actor, ctx: callContext(req), now: new Date() };
}

/**
 * Runs `work` in one transaction and answers with `status`. An Idempotency-Key on the request
 * makes a retry (even one racing the first) get the first answer back without a second write.
 */
export async function writeCall<T>(db: Db, req: FastifyRequest, reply: FastifyReply, status: number, work: (call: WriteCall) => Promise<T>): Promise<T> {
  const actor = requireActor(req);
  const ctx = callContext(req);
  reply.status(status);
  return idempotent(db, req, reply, actor.accountId, status, (tx) => {
    // The clock starts inside the transaction: on SQLite a write may wait for the lock first.
    const now = new Date();
    return work({ db, tx, actor, ctx, now, iso: now.toISOString() });
  });
}

/**
 * A write that must leave no trace linking the caller to what they sent — a secret ballot.
 * An Idempotency-Key would store the caller's account beside a hash of the body and the
 * answer (the choice and its receipt), so it is refused with a 400 naming the header; a
 * retry after a lost answer gets the write's own 409 ("already done") instead of a replay.
 */
export async function unlinkedWrite<T>(db: Db, req: FastifyRequest, reply: FastifyReply, status: number, work: (call: WriteCall) => Promise<T>): Promise<T> {
  const actor = requireActor(req);
  const ctx = callContext(req);
  if (req.headers['idempotency-key'] !== undefined) {
    throw new AppError(400, 'validation', 'error.validation', {}, [{ field: 'headers.idempotency-key', message: 'validation.idempotencyKeyUnlinked' }]);
  }
  reply.status(status);
  return db.transaction().execute((tx) => {
    const now = new Date();
    return work({ db, tx, actor, ctx, now, iso: now.toISOString() });
  });
}
