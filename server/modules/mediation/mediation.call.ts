/**
 * The call contract of issue #12 item 3 (`core/call.ts`, `core/http/call.ts`), with the same
 * names and shapes, kept here until the kit lands on main; then this file goes and the
 * imports point at core.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Db, Tx } from '../../core/db/database.js';
import type { CallContext } from '../../core/context.js';
import type { Actor } from '../../core/rbac/actor.js';
import { callContext, requireActor } from '../../core/auth/auth.plugin.js';
import { idempotent } from '../../core/http/idempotency.js';

export interface Call {
  db: Db;
  actor: Actor;
  ctx: CallContext;
  now: Date;
}
export interface WriteCall extends Call {
  tx: Tx;
  iso: string;
}

export function readCall(db: Db, req: FastifyRequest): Call {
  return { db, actor: requireActor(req), ctx: callContext(req), now: new Date() };
}

/** One transaction, replayed under the request's Idempotency-Key. */
export function writeCall<T>(db: Db, req: FastifyRequest, reply: FastifyReply, status: number, work: (call: WriteCall) => Promise<T>): Promise<T> {
  const call = readCall(db, req);
  reply.status(status);
  return idempotent(db, req, reply, call.actor.accountId, status, (tx) => work({ ...call, tx, iso: call.now.toISOString() }));
}

/** A write call for code that is not a request (the demo seed, tests, bench). */
export function systemWrite<T>(db: Db, actor: Actor, ctx: CallContext, now: Date, work: (call: WriteCall) => Promise<T>): Promise<T> {
  return db.transaction().execute((tx) => work({ db, actor, ctx, now, tx, iso: now.toISOString() }));
}
