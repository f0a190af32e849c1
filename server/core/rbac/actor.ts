/**
 * Who is calling, and what they may reach. Built once per request from the account's
 * role grants; every policy and every list query asks this object.
 */
import type { Role } from '../../../common/roles.js';
import { rolePermissions } from './permissions.js';
import { forbidden } from '../errors.js';

export interface Grant {
  role: Role;
  /** null = the whole deployment. */
  orgId: string | null;
  orgPath: string | null;
  orgName: string | null;
}

export interface Actor {
  accountId: string;
  displayName: string;
  personId: string | null;
  grants: Grant[];
  via: 'session' | 'token';
}

/** The part of the org tree where `actor` holds `permission`. */
export interface Scope {
  all: boolean;
  /** Path prefixes (subtrees); redundant nested prefixes removed. */
  paths: string[];
}

export function scopeOf(actor: Actor, permission: string): Scope {
  const paths: string[] = [];
  const table = rolePermissions();
  for (const g of actor.grants) {
    if (!table[g.role]?.has(permission)) continue;
    if (g.orgPath === null) return { all: true, paths: [] };
    paths.push(g.orgPath);
  }
  paths.sort();
  const minimal = paths.filter((p, i) => !paths.slice(0, i).some((q) => p.startsWith(q)));
  return { all: false, paths: minimal };
}

export function inScope(scope: Scope, orgPath: string): boolean {
  return scope.all || scope.paths.some((p) => orgPath.startsWith(p));
}

export function hasPermission(actor: Actor, permission: string, orgPath?: string): boolean {
  const s = scopeOf(actor, permission);
  return orgPath === undefined ? s.all || s.paths.length > 0 : inScope(s, orgPath);
}

export function assertPermission(actor: Actor, permission: string, orgPath?: string): void {
  if (!hasPermission(actor, permission, orgPath)) throw forbidden();
}

export function permissionsOf(actor: Actor): string[] {
  const set = new Set<string>();
  for (const g of actor.grants) for (const p of rolePermissions()[g.role] ?? []) set.add(p);
  return [...set].sort();
}

export function hasRole(actor: Actor, ...roles: Role[]): boolean {
  return actor.grants.some((g) => roles.includes(g.role));
}
