/**
 * Who should hear about a record: the accounts holding a role where the record sits. A grant
 * reaches its whole subtree, so a chair granted at the mine hears about a team's record, and
 * one granted at a sibling mine does not.
 */
import type { Role } from '../../../common/roles.js';
import type { Db, Tx } from '../db/database.js';
import { prepared } from '../db/prepared.js';

export interface Holder {
  accountId: string;
  role: Role;
  /** Where the grant is; null = the whole deployment. */
  orgPath: string | null;
}

/** Accounts (not disabled) holding any of `roles` at `orgPath` or an ancestor of it; sysAdmin only when asked for. */
export async function holdersOf(tx: Db | Tx, roles: readonly Role[], orgPath: string): Promise<Holder[]> {
  if (!roles.length) return [];
  const ancestors = orgPath.split('/').filter(Boolean);
  const rows = await tx
    .selectFrom('role_grants as g')
    .innerJoin('accounts as a', 'a.id', 'g.account_id')
    .leftJoin('orgs as o', 'o.id', 'g.org_id')
    .select(['g.account_id', 'g.role', 'o.path'])
    .where('g.role', 'in', [...roles])
    .where('a.disabled', '=', 0)
    .where((eb) => (ancestors.length ? eb.or([eb('g.org_id', 'in', ancestors), eb('g.org_id', 'is', null)]) : eb('g.org_id', 'is', null)))
    .execute();
  // One row per account and role, at its nearest grant: a chair granted twice hears once.
  const nearest = new Map<string, Holder>();
  for (const r of rows) {
    const key = `${r.account_id} ${r.role}`;
    const had = nearest.get(key);
    const path = r.path ?? null;
    if (!had || (path?.length ?? 0) > (had.orgPath?.length ?? 0)) nearest.set(key, { accountId: r.account_id, role: r.role as Role, orgPath: path });
  }
  return [...nearest.values()].sort((a, b) =>
    a.accountId < b.accountId ? -1 : a.accountId > b.accountId ? 1 : a.role < b.role ? -1 : a.role > b.role ? 1 : 0,
  );
}

/**
 * Grants of `roles` on exactly the nodes `orgIds` (an org's ancestors, usually), with each
 * node's depth, for callers that pick the nearest holders themselves; disabled accounts left out.
 */
const granteesAt = prepared((d, p: { roles: string[]; orgIds: string[] }) =>
  d
    .selectFrom('role_grants as g')
    .innerJoin('orgs as o', 'o.id', 'g.org_id')
    .innerJoin('accounts as acc', 'acc.id', 'g.account_id')
    .select(['g.account_id', 'g.role', 'o.depth'])
    .where('g.role', 'in', p.roles)
    .where('g.org_id', 'in', p.orgIds)
    .where('acc.disabled', '=', 0),
);
export function granteesOn(db: Tx, roles: string[], orgIds: string[]) {
  if (!orgIds.length || !roles.length) return Promise.resolve([]);
  return granteesAt.all(db, { roles, orgIds });
}
