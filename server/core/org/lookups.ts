/**
 * Org reads every module needs: a few nodes by id (an org's ancestors, usually), one node's
 * brief, the ids of a subtree. Prepared shapes: intakes and detail views read them on every call.
 */
import type { Tx } from '../db/database.js';
import { prepared } from '../db/prepared.js';
import { pathInScope } from '../rbac/scope-sql.js';

/** The ids on an org path, root first: `/a/b/c/` → a, b, c (the org itself is the last). */
export const ancestorIds = (path: string) => path.split('/').filter(Boolean);

const orgsIn = prepared((d, p: { ids: string[] }) =>
  d.selectFrom('orgs').select(['id', 'kind', 'depth', 'name', 'path', 'parent_id']).where('id', 'in', p.ids),
);
export function orgsByIds(db: Tx, ids: string[]) {
  if (!ids.length) return Promise.resolve([]);
  return orgsIn.all(db, { ids });
}

const orgById = prepared((d, p: { id: string }) => d.selectFrom('orgs').select(['id', 'kind', 'depth', 'name', 'path']).where('id', '=', p.id));
export const orgBrief = (db: Tx, id: string) => orgById.first(db, { id });

/** Ids of the org nodes in the subtree at `path` (the node included). */
export async function orgIdsUnder(db: Tx, path: string): Promise<Set<string>> {
  const rows = await db
    .selectFrom('orgs as so')
    .select('so.id')
    .where((eb) => pathInScope(eb, 'so.path', { all: false, paths: [path] }))
    .execute();
  return new Set(rows.map((r) => r.id));
}
