/**
 * Who reaches what. A notice is published to an org and reaches its subtree: a reader granted
 * notices.read inside that subtree sees it (and one granted above it, e.g. a mine's union
 * staff, sees its teams' notices). A notice for some employment categories reaches the workers
 * of those categories only. Its publishers — notices.publish over its org — see it in every
 * state, with its read rates and who asked what. Anyone else learns nothing (404).
 */
import { NOTICE_PERMISSIONS as P } from '../../../common/notices.js';
import { ancestorIds } from '../../core/org/lookups.js';
import { inScope, scopeOf, type Actor, type Scope } from '../../core/rbac/actor.js';
import { rolePermissions } from '../../core/rbac/permissions.js';

export const publishScope = (actor: Actor): Scope => scopeOf(actor, P.publish);
export const mayPublish = (actor: Actor, orgPath: string) => inScope(publishScope(actor), orgPath);

/** Where an actor reads: notices published at these orgs (`up`) or anywhere under `scope`. */
export interface Reach {
  scope: Scope;
  up: string[];
  /** Bound by a notice's categories: an actor who reads as a worker only. */
  categoryBound: boolean;
  category: string | null;
}

/** An actor who reads only as a worker: they read what reaches their own person. */
export function isCategoryBound(actor: Actor): boolean {
  const table = rolePermissions();
  const roles = actor.grants.filter((g) => table[g.role]?.has(P.read)).map((g) => g.role);
  return roles.length > 0 && roles.every((r) => r === 'worker');
}

/**
 * A worker reads what is published to the org their person sits in and to the orgs above it —
 * not a sibling team's notices, though their grant may sit at the mine. Other readers (union
 * staff, handlers, representatives) read what is published above their grant or anywhere below.
 */
export function readReach(actor: Actor, person?: { org_path: string | null; employment_category: string | null } | null): Reach {
  const scope = scopeOf(actor, P.read);
  if (isCategoryBound(actor)) {
    const at = person?.org_path && inScope(scope, person.org_path) ? person.org_path : null;
    return { scope: { all: false, paths: [] }, up: at ? ancestorIds(at) : [], categoryBound: true, category: person?.employment_category ?? null };
  }
  return { scope, up: [...new Set(scope.paths.flatMap(ancestorIds))], categoryBound: false, category: null };
}

export function reaches(reach: Reach, n: { org_id: string; org_path: string; status: string; categories: string | null }): boolean {
  if (n.status !== 'published') return false;
  const inside = reach.scope.all || reach.up.includes(n.org_id) || reach.scope.paths.some((p) => n.org_path.startsWith(p));
  if (!inside) return false;
  return !n.categories || !reach.categoryBound || (reach.category !== null && n.categories.includes(`,${reach.category},`));
}

/** The unit a recipient is counted under: the child of the notice's org on the way down to them (the org itself for its own staff). */
export function unitUnder(noticePath: string, personPath: string): string {
  const below = ancestorIds(personPath.slice(noticePath.length));
  return below[0] ?? ancestorIds(noticePath).at(-1)!;
}
