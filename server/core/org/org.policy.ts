import type { Actor } from '../rbac/actor.js';
import { hasPermission, scopeOf } from '../rbac/actor.js';
import type { OrgRow } from './org.repository.js';

export type OrgAction = 'read' | 'create' | 'update' | 'delete';

/** `org` is the node acted on; for 'create' it is the parent (null = a new root). */
export function can(actor: Actor, action: OrgAction, org: Pick<OrgRow, 'path'> | null): boolean {
  if (action === 'read') return org !== null && hasPermission(actor, 'org.read', org.path);
  if (org === null) return scopeOf(actor, 'org.manage').all;
  return hasPermission(actor, 'org.manage', org.path);
}
