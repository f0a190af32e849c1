/**
 * Who may see and change which people. Reach is the org subtree of a grant; phones need
 * people.readContact and full identity numbers people.readIdNumber over the person's own org.
 */
import { hasPermission, inScope, scopeOf, type Actor, type Scope } from '../rbac/actor.js';
import type { Prefixes } from './people.repository.js';

export function readScope(actor: Actor): Scope {
  const read = scopeOf(actor, 'people.read');
  const manage = scopeOf(actor, 'people.manage');
  if (read.all || manage.all) return { all: true, paths: [] };
  const paths = [...read.paths, ...manage.paths].sort();
  return { all: false, paths: paths.filter((p, i) => !paths.slice(0, i).some((q) => p.startsWith(q))) };
}

export const contactScope = (actor: Actor): Scope => scopeOf(actor, 'people.readContact');
export const idNumberScope = (actor: Actor): Scope => scopeOf(actor, 'people.readIdNumber');
/** A detail or an export: phones and identity numbers each as the caller may read them. */
export const fullVisibility = (actor: Actor) => ({ phones: contactScope(actor), idNumbers: idNumberScope(actor) });
/** A list: identity numbers are never shown in one, whoever reads it (PIPL minimisation). */
export const listVisibility = (actor: Actor) => ({ phones: contactScope(actor), idNumbers: null });
/** Tap-to-call: one number revealed, to those who may call the person or read their phone anyway. */
export const canCall = (actor: Actor, orgPath: string) => hasPermission(actor, 'people.call', orgPath) || hasPermission(actor, 'people.readContact', orgPath);

export const canSee = (actor: Actor, orgPath: string) => inScope(readScope(actor), orgPath);
export const canManage = (actor: Actor, orgPath: string) => hasPermission(actor, 'people.manage', orgPath);
export const canSeeContact = (actor: Actor, orgPath: string) => hasPermission(actor, 'people.readContact', orgPath);

/** An org one may name in a request: readable as an org, or holding people one may see. */
export const orgVisible = (actor: Actor, orgPath: string) => hasPermission(actor, 'org.read', orgPath) || canSee(actor, orgPath);

/**
 * The subtrees a list reads: the caller's reach, narrowed to `orgPath` when given.
 * Returns undefined when that org shares nothing with the caller's reach (answer 404).
 */
export function listPrefixes(scope: Scope, orgPath?: string): Prefixes | undefined {
  if (orgPath === undefined) return scope.all ? null : scope.paths;
  if (scope.all) return [orgPath];
  const out = scope.paths.flatMap((p) => (orgPath.startsWith(p) ? [orgPath] : p.startsWith(orgPath) ? [p] : []));
  return out.length ? [...new Set(out)] : undefined;
}
