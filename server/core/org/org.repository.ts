import { sql } from 'kysely';
import type { Db, Tx } from '../db/database.js';
import type { OrgTable } from '../db/schema.js';
import type { Scope } from '../rbac/actor.js';
import { pathInScope, pathUnder } from '../rbac/scope-sql.js';
import { prefixUpper } from '../db/dialect.js';

export type OrgRow = OrgTable;

export function findOrg(db: Tx, id: string) {
  return db.selectFrom('orgs').selectAll().where('id', '=', id).executeTakeFirst();
}

export function listOrgs(db: Db, scope: Scope, under?: string) {
  return db
    .selectFrom('orgs')
    .selectAll()
    .where((eb) => pathInScope(eb, 'path', scope))
    .$if(!!under, (q) => q.where((eb) => pathUnder(eb, 'path', under!)))
    .orderBy('depth')
    .orderBy('sort_order')
    .orderBy('name')
    .execute();
}

export async function insertOrg(db: Tx, row: OrgRow) {
  await db.insertInto('orgs').values(row).execute();
}

export async function updateOrg(db: Tx, id: string, patch: Partial<OrgRow>) {
  await db.updateTable('orgs').set(patch).where('id', '=', id).execute();
}

/** Re-roots a whole subtree in one statement: every path under the old prefix gets the new one. */
export async function moveSubtree(db: Tx, oldPrefix: string, newPrefix: string, depthDelta: number, now: string) {
  await db
    .updateTable('orgs')
    .set({
      path: sql`${newPrefix} || substr(path, ${oldPrefix.length + 1})`,
      depth: sql`depth + ${depthDelta}`,
      updated_at: now,
    })
    .where('path', '>=', oldPrefix)
    .where('path', '<', prefixUpper(oldPrefix))
    .execute();
}

export async function countDependants(db: Tx, id: string) {
  const children = await db
    .selectFrom('orgs')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('parent_id', '=', id)
    .executeTakeFirstOrThrow();
  const people = await db
    .selectFrom('persons')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('org_id', '=', id)
    .executeTakeFirstOrThrow();
  return Number(children.n) + Number(people.n);
}

export async function deleteOrg(db: Tx, id: string) {
  await db.deleteFrom('orgs').where('id', '=', id).execute();
}
