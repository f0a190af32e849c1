/**
 * The role → permission table the server checks. Core does not know the modules, so the
 * composition root (server/modules/compose.ts) builds the table from core's grants and every
 * module's declaration and installs it here once, before the first request or service call.
 */
import type { Role } from '../../../common/roles.js';

export type RolePermissions = Readonly<Record<Role, ReadonlySet<string>>>;

let table: RolePermissions | null = null;

export function installRolePermissions(t: RolePermissions): void {
  table = t;
}

export function rolePermissions(): RolePermissions {
  // Failing loudly beats a table without the modules' grants, which would refuse quietly.
  if (!table) throw new Error('角色权限表尚未装载 / the role → permission table was not installed (call installHouse at the composition root)');
  return table;
}
