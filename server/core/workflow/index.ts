/**
 * Status changes and timelines for every module's entities. A transition is one conditional
 * UPDATE (… where status = the status just read), so of two racing actions exactly one wins
 * and the other hears 409; its event, audit row and notices join the same transaction.
 */
import type { Kysely } from 'kysely';
import type { WriteCall } from '../call.js';
import type { Db, Tx } from '../db/database.js';
import { AppError, notFound } from '../errors.js';
import { newId } from '../ids.js';
import { anonymousContext, recordAudit, type AuditInput } from '../audit/audit.js';
import { notify, type Notice } from '../notify/notify.js';
import { WM } from './workflow.messages.js';

export interface TransitionSpec {
  /** '<module>.<entity>', e.g. 'congress.proposal'. */
  kind: string;
  /** The entity's table: it must have the columns id, status and updated_at. */
  table: string;
  id: string;
  /** Statuses the row may be in. */
  from: readonly string[];
  to: string;
  /** Other columns changed in the same UPDATE. */
  patch?: Record<string, unknown>;
  /** The timeline's event name, e.g. 'adopted'. */
  event: string;
  /** Shown in the timeline. */
  data?: Record<string, unknown>;
  /** Record no actor on the event (and none in the audit row): an anonymous author's act. */
  anonymous?: boolean;
  /** Recorded with call.ctx in the same transaction. */
  audit?: AuditInput;
  /** Sent with core notify() in the same transaction. */
  notify?: Notice | Notice[];
}

export interface EntityEvent {
  id: string;
  event: string;
  from: string | null;
  to: string | null;
  actorAccountId: string | null;
  actorName: string | null;
  data: Record<string, unknown> | null;
  at: string;
}

export interface EventInput {
  kind: string;
  id: string;
  event: string;
  from?: string | null;
  to?: string | null;
  data?: Record<string, unknown>;
  anonymous?: boolean;
}

/** The 409 a module's client shows when someone else moved the record first. */
export const statusConflict = () => new AppError(409, 'conflict', 'error.conflict', {}, [{ field: 'status', message: WM['workflow.statusChanged'] }]);

/** Moves one row from one of `from` to `to`; 404 when there is no such row, 409 when its status does not allow it. */
export async function transition(call: WriteCall, spec: TransitionSpec): Promise<void> {
  const tx = call.tx as unknown as Kysely<any>;
  const row = await tx.selectFrom(spec.table).select('status').where('id', '=', spec.id).executeTakeFirst();
  if (!row) throw notFound();
  const current = String(row.status);
  if (!spec.from.includes(current)) throw statusConflict();
  const result = await tx
    .updateTable(spec.table)
    .set({ ...spec.patch, status: spec.to, updated_at: call.iso })
    .where('id', '=', spec.id)
    .where('status', '=', current)
    .executeTakeFirst();
  // A concurrent twin changed the row between our read and our write (PostgreSQL re-checks the WHERE after its lock).
  if (Number(result.numUpdatedRows) === 0) throw statusConflict();
  await recordEvent(call, { kind: spec.kind, id: spec.id, event: spec.event, from: current, to: spec.to, data: spec.data, anonymous: spec.anonymous });
  if (spec.audit) await recordAudit(call.tx, spec.anonymous ? anonymousContext(call.ctx) : call.ctx, spec.audit);
  for (const n of spec.notify === undefined ? [] : ([] as Notice[]).concat(spec.notify)) await notify(call.tx, n);
}

/** Adds a step to an entity's timeline without changing its status (a note, an answer, a rating). */
export async function recordEvent(call: WriteCall, e: EventInput): Promise<void> {
  await call.tx
    .insertInto('entity_events')
    .values({
      id: newId(),
      kind: e.kind,
      entity_id: e.id,
      event: e.event,
      from_status: e.from ?? null,
      to_status: e.to ?? null,
      actor_account_id: e.anonymous ? null : call.actor.accountId,
      data: e.data === undefined ? null : JSON.stringify(e.data),
      at: call.iso,
    })
    .execute();
}

/** An entity's timeline, oldest first, with each actor's display name (none for an anonymous act). */
export async function eventsOf(db: Db | Tx, kind: string, id: string): Promise<EntityEvent[]> {
  const rows = await db
    .selectFrom('entity_events as e')
    .leftJoin('accounts as a', 'a.id', 'e.actor_account_id')
    .select(['e.id', 'e.event', 'e.from_status', 'e.to_status', 'e.actor_account_id', 'a.display_name', 'e.data', 'e.at'])
    .where('e.kind', '=', kind)
    .where('e.entity_id', '=', id)
    // Ids are UUIDv7: within one instant (one action's events) they keep the order of insertion.
    .orderBy('e.at')
    .orderBy('e.id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    event: r.event,
    from: r.from_status,
    to: r.to_status,
    actorAccountId: r.actor_account_id,
    actorName: r.display_name ?? null,
    data: r.data === null ? null : (JSON.parse(r.data) as Record<string, unknown>),
    at: r.at,
  }));
}
