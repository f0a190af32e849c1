/**
 * State changes of a case, in the shape of core/workflow's `transition()` (issue #12 item 4)
 * so the switch is an import when the kit lands: a conditional UPDATE that refuses a case no
 * longer in an allowed state (409 naming `status`), the timeline event, the audit record and
 * the notices, all in the caller's transaction. The timeline lives in mediation_events until
 * core's entity_events exists.
 */
import type { AuditInput } from '../../core/audit/audit.js';
import { recordAudit } from '../../core/audit/audit.js';
import { AppError } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import { notify, type Notice } from '../../core/notify/notify.js';
import type { Tx } from '../../core/db/database.js';
import type { WriteCall } from './mediation.call.js';
import { mdb } from './mediation.tables.js';

export interface TransitionSpec {
  id: string;
  from: readonly string[];
  to: string;
  patch?: Record<string, unknown>;
  event: string;
  data?: Record<string, unknown>;
  audit?: AuditInput;
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

export async function recordEvent(call: WriteCall, e: { id: string; event: string; from?: string | null; to?: string | null; data?: Record<string, unknown> }): Promise<void> {
  await mdb(call.tx)
    .insertInto('mediation_events')
    .values({
      id: newId(),
      case_id: e.id,
      event: e.event,
      from_status: e.from ?? null,
      to_status: e.to ?? null,
      actor_account_id: call.actor.accountId,
      actor_name: call.actor.displayName,
      data: e.data ? JSON.stringify(e.data) : null,
      at: call.iso,
    })
    .execute();
}

export async function transition(call: WriteCall, spec: TransitionSpec): Promise<void> {
  const before = await mdb(call.tx).selectFrom('mediation_cases').select('status').where('id', '=', spec.id).executeTakeFirst();
  const res = await mdb(call.tx)
    .updateTable('mediation_cases')
    .set({ ...(spec.patch ?? {}), status: spec.to, updated_at: call.iso })
    .where('id', '=', spec.id)
    .where('status', 'in', [...spec.from])
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) === 0) throw new AppError(409, 'conflict', 'error.conflict', {}, [{ field: 'status', message: 'mediation.wrongState' }]);
  await recordEvent(call, { id: spec.id, event: spec.event, from: before?.status ?? null, to: spec.to, data: spec.data });
  if (spec.audit) await recordAudit(call.tx, call.ctx, spec.audit);
  for (const n of spec.notify ? [spec.notify].flat() : []) await notify(call.tx, n);
}

export async function eventsOf(db: Tx, id: string): Promise<EntityEvent[]> {
  const rows = await mdb(db).selectFrom('mediation_events').selectAll().where('case_id', '=', id).orderBy('at').orderBy('id').execute();
  return rows.map((r) => ({ id: r.id, event: r.event, from: r.from_status, to: r.to_status, actorAccountId: r.actor_account_id, actorName: r.actor_name, data: r.data ? JSON.parse(r.data) : null, at: r.at }));
}
