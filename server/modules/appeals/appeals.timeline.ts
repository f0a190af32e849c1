/**
 * An appeal's timeline on core/workflow: every status change is a `transition()` (a conditional
 * update — of two racing acts one wins, the other hears 409 — with its event and audit row in
 * the same transaction) and every other step a `recordEvent()`, all in core's `entity_events`
 * under kind 'appeals.appeal'. Each event keeps the role the actor acted in, which is all the
 * worker's view shows, and no account at all when an anonymous appeal's author acted.
 */
import type { AuditInput } from '../../core/audit/audit.js';
import type { WriteCall } from '../../core/call.js';
import { recordEvent, transition, type EventCall } from '../../core/workflow/index.js';
import type { AppealEventKind } from '../../../common/appeals.js';
import { APPEAL_ENTITY, type AppealTable } from './appeals.tables.js';

/** The role an actor acted in, on the record ('system': a job). */
export type Label = 'author' | 'staff' | 'handler' | 'system';

/** The role shown to the worker, and whether the act is an anonymous author's. */
export interface Who {
  label: Label;
  anonymous?: boolean;
}
export const STAFF: Who = { label: 'staff' };
export const SYSTEM: Who = { label: 'system' };

/**
 * The author of an anonymous appeal acts without a name: their timeline entries and audit
 * events carry no account (core/workflow's `anonymous`), so neither the timeline nor the audit log can reveal them.
 */
export const whoIs = (label: Label, anonymousAppeal: boolean): Who => ({ label, anonymous: label === 'author' && anonymousAppeal });

export interface StepOptions {
  /** The first status, on the step that creates the appeal. */
  to?: string;
  note?: string | null;
  data?: Record<string, unknown>;
  /** Not shown to the worker (supervision, extensions, a missed deadline). */
  internal?: boolean;
}

/**
 * A step on the appeal's timeline that keeps its status. `call` may be a job's or another
 * module's transaction with its own instant and no person acting (`actor: null`).
 */
export function step(call: EventCall, id: string, event: AppealEventKind, who: Who, opts: StepOptions = {}) {
  return recordEvent(call, { kind: APPEAL_ENTITY, id, event, actorRole: who.label, anonymous: who.anonymous, ...opts });
}

/**
 * Moves the appeal from the status its load read (and checked against the action's allowed
 * states) to `to`, with its timeline step and, when given, its audit row.
 */
export function moveTo(
  call: WriteCall,
  row: { id: string; status: string },
  from: readonly string[],
  to: string,
  patch: Partial<AppealTable>,
  event: AppealEventKind,
  who: Who,
  opts: StepOptions & { audit?: AuditInput } = {},
) {
  return transition(call, {
    kind: APPEAL_ENTITY,
    table: 'appeals',
    id: row.id,
    current: row.status,
    from,
    to,
    patch,
    event,
    actorRole: who.label,
    anonymous: who.anonymous,
    ...opts,
  });
}
