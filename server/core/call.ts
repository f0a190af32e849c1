/**
 * The call contract of the module kit: what every service of a new module receives instead of
 * a loose (db, ctx, actor) list. One clock per action — a write reads `now`/`iso` from its call,
 * so the record, its timeline event and its audit row carry the same instant.
 */
import type { Db, Tx } from './db/database.js';
import type { Actor } from './rbac/actor.js';
import type { CallContext } from './context.js';

/** A read: who asks, from where, and when. */
export interface Call {
  db: Db;
  actor: Actor;
  ctx: CallContext;
  now: Date;
}

/** A write: a read plus the one transaction every change, event, audit row and notice joins. */
export interface WriteCall extends Call {
  tx: Tx;
  /** `now.toISOString()`, the stored form of times. */
  iso: string;
}

/** A write call built around an open transaction (jobs, seeds and tests that hold their own tx). */
export function writeCallIn(db: Db, tx: Tx, actor: Actor, ctx: CallContext, now = new Date()): WriteCall {
  return { db, tx, actor, ctx, now, iso: now.toISOString() };
}
