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
import { insertRow, prepared } from '../db/prepared.js';
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
  /**
   * The status the caller already read with the row it checked (its own load): the transition
   * then skips reading it again. The UPDATE still requires it, so a race still answers 409.
   */
  current?: string;
  /** Shown in the timeline. */
  data?: Record<string, unknown>;
  /** Free text shown with the step. */
  note?: string | null;
  /** Shown to the record's handlers only, never to its author. */
  internal?: boolean;
  /** The role the actor acted in, which the author's view shows instead of a name. */
  actorRole?: string;
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
  note: string | null;
  internal: boolean;
  actorRole: string | null;
}

export interface EventInput {
  kind: string;
  id: string;
  event: string;
  from?: string | null;
  to?: string | null;
  data?: Record<string, unknown>;
  note?: string | null;
  internal?: boolean;
  actorRole?: string;
  anonymous?: boolean;
}

/**
 * Who records an event, and when: a WriteCall, or the transaction of a job or of another
 * module's action with its own instant and no person acting (`actor: null`).
 */
export type EventCall = Pick<WriteCall, 'tx' | 'iso'> & { actor: { accountId: string } | null };

/** The 409 a module's client shows when someone else moved the record first. */
export const statusConflict = () => new AppError(409, 'conflict', 'error.conflict', {}, [{ field: 'status', message: WM['workflow.statusChanged'] }]);

/** Moves one row from one of `from` to `to`; 404 when there is no such row, 409 when its status does not allow it. */
export async function transition(call: WriteCall, spec: TransitionSpec): Promise<void> {
  const tx = call.tx as unknown as Kysely<any>;
  let current = spec.current;
  if (current === undefined) {
    const row = await tx.selectFrom(spec.table).select('status').where('id', '=', spec.id).executeTakeFirst();
    if (!row) throw notFound();
    current = String(row.status);
  }
  if (!spec.from.includes(current)) throw statusConflict();
  const result = await tx
    .updateTable(spec.table)
    .set({ ...spec.patch, status: spec.to, updated_at: call.iso })
    .where('id', '=', spec.id)
    .where('status', '=', current)
    .executeTakeFirst();
  // A concurrent twin changed the row between our read and our write (PostgreSQL re-checks the WHERE after its lock).
  if (Number(result.numUpdatedRows) === 0) throw statusConflict();
  await recordEvent(call, {
    kind: spec.kind,
    id: spec.id,
    event: spec.event,
    from: current,
    to: spec.to,
    data: spec.data,
    note: spec.note,
    internal: spec.internal,
    actorRole: spec.actorRole,
    anonymous: spec.anonymous,
  });
  if (spec.audit) await recordAudit(call.tx, spec.anonymous ? anonymousContext(call.ctx) : call.ctx, spec.audit);
  for (const n of spec.notify === undefined ? [] : ([] as Notice[]).concat(spec.notify)) await notify(call.tx, n);
}

/** Adds a step to an entity's timeline without changing its status (a note, an answer, a rating). */
export async function recordEvent(call: EventCall, e: EventInput): Promise<void> {
  // A prepared insert: an appeal's action writes one to three events, each as cheap as a bare row.
  await insertRow(call.tx, 'entity_events', {
    id: newId(),
    kind: e.kind,
    entity_id: e.id,
    event: e.event,
    from_status: e.from ?? null,
    to_status: e.to ?? null,
    actor_account_id: e.anonymous || !call.actor ? null : call.actor.accountId,
    actor_role: e.actorRole ?? null,
    internal: e.internal ? 1 : 0,
    note: e.note ?? null,
    data: e.data === undefined ? null : JSON.stringify(e.data),
    at: call.iso,
  });
}

// Read on every view of a record: a prepared shape.
const timeline = prepared((d, p: { kind: string; id: string }) =>
  d
    .selectFrom('entity_events as e')
    .leftJoin('accounts as a', 'a.id', 'e.actor_account_id')
    .select([
      'e.id',
      'e.event',
      'e.from_status',
      'e.to_status',
      'e.actor_account_id',
      'a.display_name',
      'e.data',
      'e.at',
      'e.note',
      'e.internal',
      'e.actor_role',
    ])
    .where('e.kind', '=', p.kind)
    .where('e.entity_id', '=', p.id)
    // Ids are UUIDv7: within one instant (one action's events) they keep the order of insertion.
    .orderBy('e.at')
    .orderBy('e.id'),
);

/** An entity's timeline, oldest first, with each actor's display name (none for an anonymous act). */
export async function eventsOf(db: Db | Tx, kind: string, id: string): Promise<EntityEvent[]> {
  const rows = await timeline.all(db, { kind, id });
  return rows.map((r) => ({
    id: r.id,
    event: r.event,
    from: r.from_status,
    to: r.to_status,
    actorAccountId: r.actor_account_id,
    actorName: r.display_name ?? null,
    data: r.data === null ? null : (JSON.parse(r.data) as Record<string, unknown>),
    at: r.at,
    note: r.note,
    internal: Number(r.internal) === 1,
    actorRole: r.actor_role,
  }));
}
