import { sql } from 'kysely';
import type { Db, Tx } from '../db/database.js';
import type { WebhookTable } from '../db/schema.js';
import type { Scope } from '../rbac/actor.js';
import { pathInScope, pathUnder } from '../rbac/scope-sql.js';

// ---- inbox ----

export async function listInbox(db: Db, accountId: string, opts: { unreadOnly: boolean; limit: number; offset: number }) {
  const base = db
    .selectFrom('notifications')
    .where('account_id', '=', accountId)
    .$if(opts.unreadOnly, (q) => q.where('read_at', 'is', null));
  const [rows, total, unread] = await Promise.all([
    base.selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc').limit(opts.limit).offset(opts.offset).execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    db
      .selectFrom('notifications')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('account_id', '=', accountId)
      .where('read_at', 'is', null)
      .executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n), unread: Number(unread.n) };
}

/** Marks one of the account's own notices read; 0 when it is not theirs (or does not exist). */
export async function markRead(db: Db, accountId: string, id: string, at: string): Promise<number> {
  const own = await db.selectFrom('notifications').select(['id', 'read_at']).where('id', '=', id).where('account_id', '=', accountId).executeTakeFirst();
  if (!own) return 0;
  if (own.read_at === null) await db.updateTable('notifications').set({ read_at: at }).where('id', '=', id).where('read_at', 'is', null).execute();
  return 1;
}

export async function markAllRead(db: Db, accountId: string, at: string): Promise<number> {
  const res = await db.updateTable('notifications').set({ read_at: at }).where('account_id', '=', accountId).where('read_at', 'is', null).executeTakeFirst();
  return Number(res.numUpdatedRows);
}

/**
 * Marks every unread notice of kinds `like` read, except the kinds in `exceptKinds` and those
 * linking to one of `exceptLinks` (a demo seed keeps what is still open in the inbox).
 */
export async function markReadExcept(db: Tx, like: string, exceptKinds: string[], exceptLinks: string[], at: string): Promise<void> {
  await db
    .updateTable('notifications')
    .set({ read_at: at })
    .where('kind', 'like', like)
    .where('read_at', 'is', null)
    .$if(exceptKinds.length > 0, (q) => q.where('kind', 'not in', exceptKinds))
    .$if(exceptLinks.length > 0, (q) => q.where('link', 'not in', exceptLinks))
    .execute();
}

// ---- webhooks ----

export const MAX_ATTEMPTS = 8;

export function findWebhook(db: Tx, id: string) {
  return db
    .selectFrom('webhooks as w')
    .innerJoin('orgs as o', 'o.id', 'w.org_id')
    .selectAll('w')
    .select(['o.path as org_path', 'o.name as org_name'])
    .where('w.id', '=', id)
    .executeTakeFirst();
}

export async function listWebhooks(db: Db, scope: Scope, underPath?: string) {
  const hooks = await db
    .selectFrom('webhooks as w')
    .innerJoin('orgs as o', 'o.id', 'w.org_id')
    .selectAll('w')
    .select(['o.name as org_name', 'o.path as org_path'])
    .where((eb) => pathInScope(eb, 'o.path', scope))
    .$if(!!underPath, (q) => q.where((eb) => pathUnder(eb, 'o.path', underPath!)))
    .orderBy('o.path')
    .orderBy('w.created_at')
    .execute();
  if (!hooks.length) return [];
  const ids = hooks.map((h) => h.id);
  const stats = await db
    .selectFrom('webhook_outbox')
    .select((eb) => [
      'webhook_id',
      eb.fn.sum<number>(sql`case when sent_at is null and attempts < ${MAX_ATTEMPTS} then 1 else 0 end`).as('pending'),
      eb.fn.sum<number>(sql`case when sent_at is null and attempts >= ${MAX_ATTEMPTS} then 1 else 0 end`).as('failed'),
      eb.fn.max('sent_at').as('last_sent_at'),
    ])
    .where('webhook_id', 'in', ids)
    .groupBy('webhook_id')
    .execute();
  // The latest error among messages not yet delivered: an error that a later success cured is no news.
  const errors = await db
    .selectFrom('webhook_outbox')
    .select(['webhook_id', 'last_error', 'created_at'])
    .where('webhook_id', 'in', ids)
    .where('sent_at', 'is', null)
    .where('last_error', 'is not', null)
    .orderBy('created_at', 'desc')
    .execute();
  const byId = new Map(stats.map((s) => [s.webhook_id, s]));
  const errById = new Map<string, string>();
  for (const e of errors) if (!errById.has(e.webhook_id)) errById.set(e.webhook_id, e.last_error!);
  return hooks.map((h) => ({
    ...h,
    pending: Number(byId.get(h.id)?.pending ?? 0),
    failed: Number(byId.get(h.id)?.failed ?? 0),
    last_sent_at: (byId.get(h.id)?.last_sent_at as string | null | undefined) ?? null,
    last_error: errById.get(h.id) ?? null,
  }));
}

export async function insertWebhook(db: Tx, row: WebhookTable) {
  await db.insertInto('webhooks').values(row).execute();
}

export async function updateWebhook(db: Tx, id: string, patch: Partial<WebhookTable>) {
  await db.updateTable('webhooks').set(patch).where('id', '=', id).execute();
}

export async function deleteWebhook(db: Tx, id: string) {
  await db.deleteFrom('webhook_outbox').where('webhook_id', '=', id).execute();
  await db.deleteFrom('webhooks').where('id', '=', id).execute();
}

// ---- outbox ----

export function dueMessages(db: Db, now: string, limit: number) {
  return db
    .selectFrom('webhook_outbox as m')
    .innerJoin('webhooks as w', 'w.id', 'm.webhook_id')
    .select(['m.id', 'm.webhook_id', 'm.payload', 'm.attempts', 'm.next_attempt_at', 'w.flavor', 'w.url', 'w.secret_sealed', 'w.keyword'])
    .where('m.sent_at', 'is', null)
    .where('m.next_attempt_at', '<=', now)
    .where('m.attempts', '<', MAX_ATTEMPTS)
    .where('w.enabled', '=', 1)
    .orderBy('m.next_attempt_at')
    .orderBy('m.id')
    .limit(limit)
    .execute();
}

/**
 * Takes a message for sending by pushing its next attempt out by a lease. Conditional on
 * the row being as we read it, so two senders (the job and a slow earlier run, or two
 * instances) never both send it; if the sender dies, the lease runs out and it is retried.
 */
export async function claimMessage(db: Db, id: string, seenNextAttemptAt: string, leaseUntil: string, at: string): Promise<boolean> {
  const res = await db
    .updateTable('webhook_outbox')
    .set({ next_attempt_at: leaseUntil, last_attempt_at: at })
    .where('id', '=', id)
    .where('sent_at', 'is', null)
    .where('next_attempt_at', '=', seenNextAttemptAt)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/** Attempts made since `since`, per robot URL (rows of several webhooks may share one robot). */
export async function attemptsSince(db: Db, since: string): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('webhook_outbox as m')
    .innerJoin('webhooks as w', 'w.id', 'm.webhook_id')
    .select((eb) => ['w.url', eb.fn.countAll<number>().as('n')])
    .where('m.last_attempt_at', '>', since)
    .groupBy('w.url')
    .execute();
  return new Map(rows.map((r) => [r.url, Number(r.n)]));
}

/** last_error stays: that a message got through only on the third try is worth seeing. */
export async function markSent(db: Db, id: string, attempts: number, at: string) {
  await db.updateTable('webhook_outbox').set({ sent_at: at, attempts }).where('id', '=', id).execute();
}

export async function markFailed(db: Db, id: string, attempts: number, nextAttemptAt: string, error: string) {
  await db.updateTable('webhook_outbox').set({ attempts, next_attempt_at: nextAttemptAt, last_error: error }).where('id', '=', id).execute();
}
