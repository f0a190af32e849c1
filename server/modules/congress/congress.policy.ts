/**
 * Who may reach a congress term and its sessions. The congress office (union chair and staff
 * holding congress.manage over the term's organisation) manages them; a representative on the
 * term's roster reads them and acts for themself. Out of reach is 404, in reach but not
 * allowed is 403.
 */
import { forbidden, notFound } from '../../core/errors.js';
import { hasPermission, scopeOf, type Actor, type Scope } from '../../core/rbac/actor.js';
import { narrowScope } from '../../core/rbac/narrowScope.js';
import { CONGRESS_PERMISSIONS as P } from '../../../common/congress.js';
import type { Call, WriteCall } from '../../core/call.js';
import * as repo from './congress.repository.js';

export interface TermReach {
  term: repo.TermRow;
  canManage: boolean;
  /** The caller's own representative id on this term's roster. */
  me: string | null;
}

/** Inside a write, every read goes through its transaction (SQLite has one connection). */
export const handle = (call: Call | WriteCall) => ('tx' in call ? call.tx : call.db);

export const mayManage = (actor: Actor, orgPath: string) => hasPermission(actor, P.manage, orgPath);

export async function termFor(call: Call, termId: string, action: 'read' | 'manage' | 'participate'): Promise<TermReach> {
  const term = await repo.findTerm(handle(call), termId);
  if (!term) throw notFound();
  const canManage = mayManage(call.actor, term.org_path);
  const me = (await repo.myRepresentative(handle(call), term.id, call.actor))?.id ?? null;
  if (!canManage && !me) throw notFound();
  if (action === 'manage' && !canManage) throw forbidden();
  if (action === 'participate' && !me) throw forbidden();
  return { term, canManage, me };
}

export async function sessionFor(call: Call, sessionId: string, action: 'read' | 'manage' | 'participate') {
  const session = await repo.findSession(handle(call), sessionId);
  if (!session) throw notFound();
  return { session, ...(await termFor(call, session.term_id, action)) };
}

/** The office's figures and their drill lists: anyone without the congress office's permission hears 403, not an empty table. */
export function officeScope(call: Call): Scope {
  const scope = scopeOf(call.actor, P.manage);
  if (!scope.all && !scope.paths.length) throw forbidden();
  return scope;
}

/** A drill list's scope: the office's, narrowed to the org a work report's figure was computed for. */
export async function drillScope(call: Call, orgId: string | undefined): Promise<Scope> {
  return narrowScope(call.db, officeScope(call), orgId);
}
