/**
 * The audit log. `recordAudit` takes the caller's transaction on purpose: the event and
 * the change it describes commit together or not at all. The table refuses UPDATE and
 * DELETE (see the core migration), so the log is append-only below the application too.
 */
import type { Tx } from '../db/database.js';
import { insertRow } from '../db/prepared.js';
import { newId, nowIso } from '../ids.js';
import type { CallContext } from '../context.js';

export interface AuditInput {
  action: string;
  entityType: string;
  entityId?: string | null;
  orgId?: string | null;
  /** What changed: { field: [before, after] } or any small JSON describing the act. */
  changes?: unknown;
}

export async function recordAudit(tx: Tx, ctx: CallContext, input: AuditInput): Promise<void> {
  await insertRow(tx, 'audit_events', {
    id: newId(),
    at: nowIso(),
    actor_id: ctx.actor?.accountId ?? null,
    actor_name: ctx.actor?.displayName ?? null,
    action: input.action,
    entity_type: input.entityType,
    entity_id: input.entityId ?? null,
    org_id: input.orgId ?? null,
    changes: input.changes === undefined ? null : JSON.stringify(input.changes),
    ip: ctx.ip,
    request_id: ctx.requestId,
  });
}

/**
 * The context of an act done on behalf of an anonymous author (or of an upload that may
 * become one): no account, no address, no request id. The address and the request id
 * would otherwise sit next to the same person's named acts and name them.
 */
export function anonymousContext(ctx: CallContext): CallContext {
  return { ...ctx, actor: null, ip: null, requestId: null };
}

/** Field-level diff for audit rows: only what actually changed, as [before, after]. */
export function diff<T extends Record<string, unknown>>(before: T, after: Partial<T>): Record<string, [unknown, unknown]> {
  const out: Record<string, [unknown, unknown]> = {};
  for (const [k, v] of Object.entries(after)) {
    if (v !== undefined && before[k] !== v) out[k] = [before[k], v];
  }
  return out;
}
