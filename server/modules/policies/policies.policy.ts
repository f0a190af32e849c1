/**
 * Who reaches what. A policy (and a published FAQ entry) belongs to the library of the org
 * that keeps it; everyone granted policies.read at that org, below it or above it reads it —
 * a worker granted at a team reads the group's library. A question is seen by its asker and
 * by those who answer questions of the org it is placed at; nobody else learns it exists (404).
 */
import { POLICY_PERMISSIONS as P } from '../../../common/policies.js';
import { ancestorIds } from '../../core/org/lookups.js';
import { inScope, scopeOf, type Actor, type Scope } from '../../core/rbac/actor.js';

/** The libraries an actor reads: orgs on the way up from each grant, and every org below one. */
export interface Reach {
  scope: Scope;
  /** Ids of the orgs above (and at) each granted org. */
  up: string[];
}

export function readReach(actor: Actor): Reach {
  const scope = scopeOf(actor, P.read);
  return { scope, up: [...new Set(scope.paths.flatMap(ancestorIds))] };
}

export function reaches(reach: Reach, orgPath: string): boolean {
  return reach.scope.all || reach.scope.paths.some((p) => p.startsWith(orgPath) || orgPath.startsWith(p));
}

export function mayManage(actor: Actor, orgPath: string): boolean {
  return inScope(scopeOf(actor, P.manage), orgPath);
}

export function answerScope(actor: Actor): Scope {
  return scopeOf(actor, P.answer);
}

export function mayAnswer(actor: Actor, orgPath: string): boolean {
  return inScope(answerScope(actor), orgPath);
}

export function isAsker(actor: Actor, q: { author_account_id: string | null }): boolean {
  return q.author_account_id !== null && q.author_account_id === actor.accountId;
}
