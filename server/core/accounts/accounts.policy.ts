/**
 * Who may administer which account. An account is visible to an admin when at least one
 * of its grants lies in the admin's 'accounts.manage' scope; acting on the account as a
 * whole (disable, enable, reset password) needs every grant in that scope, or an admin of
 * one mine could take over an account that also holds powers elsewhere.
 */
import type { Actor, Scope } from '../rbac/actor.js';
import { inScope, scopeOf } from '../rbac/actor.js';

export const MANAGE = 'accounts.manage';

/** A system admin granted without an org: the only one who may create deployment-wide or admin grants. */
export function isGlobalAdmin(actor: Actor): boolean {
  return actor.grants.some((g) => g.role === 'sysAdmin' && g.orgId === null);
}

export function manageScope(actor: Actor): Scope {
  return scopeOf(actor, MANAGE);
}

export interface GrantRef {
  role: string;
  orgPath: string | null;
}

export function grantInScope(scope: Scope, g: Pick<GrantRef, 'orgPath'>): boolean {
  return scope.all || (g.orgPath !== null && inScope(scope, g.orgPath));
}

export function canSeeAccount(scope: Scope, grants: GrantRef[]): boolean {
  return scope.all || grants.some((g) => grantInScope(scope, g));
}

export function canManageAccount(actor: Actor, scope: Scope, grants: GrantRef[]): boolean {
  if (scope.all) return true;
  if (grants.some((g) => g.role === 'sysAdmin') && !isGlobalAdmin(actor)) return false;
  return grants.length > 0 && grants.every((g) => grantInScope(scope, g));
}

/** May the actor give or take this grant (its org already known to lie in their scope or be null)? */
export function canHandleGrant(actor: Actor, scope: Scope, g: GrantRef): boolean {
  if (g.role === 'sysAdmin' || g.orgPath === null) return isGlobalAdmin(actor);
  return grantInScope(scope, g);
}
