/**
 * What a module's demo seed looks up: the demo accounts by username (or, failing that, the
 * first holder of a role), an account as an acting `Actor`, orgs of a kind, workers under a
 * node, the grants of a role. Seeds only — never a request path.
 */
import type { Db, Tx } from './db/database.js';
import type { Actor } from './rbac/actor.js';
import { loadGrants } from './auth/auth.repository.js';
import { pathUnder } from './rbac/scope-sql.js';

/** The account as it would act when signed in. */
export async function demoActor(db: Db, accountId: string): Promise<Actor> {
  const acc = await db.selectFrom('accounts').select(['id', 'display_name', 'person_id']).where('id', '=', accountId).executeTakeFirstOrThrow();
  return { accountId: acc.id, displayName: acc.display_name, personId: acc.person_id, grants: await loadGrants(db, acc.id), via: 'session' };
}

/** The demo account `username`, else the first account granted `role`; null when neither exists. */
export async function demoAccount(db: Tx, username: string, role: string): Promise<string | null> {
  const byName = await db.selectFrom('accounts').select('id').where('username', '=', username).executeTakeFirst();
  if (byName) return byName.id;
  const byRole = await db.selectFrom('role_grants').select('account_id').where('role', '=', role).orderBy('created_at').executeTakeFirst();
  return byRole?.account_id ?? null;
}

export function orgsOfKind(db: Tx, kind: string, under?: string) {
  return db
    .selectFrom('orgs')
    .select(['id', 'name', 'path'])
    .where('kind', '=', kind)
    .$if(!!under, (q) => q.where((eb) => pathUnder(eb, 'path', under!)))
    .orderBy('path')
    .execute();
}

/** Up to `limit` worker persons under `path`, in id order (a seed's stable pick). */
export async function workersUnder(db: Tx, path: string, limit: number): Promise<string[]> {
  const rows = await db
    .selectFrom('persons as p')
    .innerJoin('orgs as o', 'o.id', 'p.org_id')
    .select('p.id')
    .where('p.kind', '=', 'worker')
    .where((eb) => pathUnder(eb, 'o.path', path))
    .orderBy('p.id')
    .limit(limit)
    .execute();
  return rows.map((r) => r.id);
}

/** Who holds `role` and where, oldest grant first. */
export function grantsOfRole(db: Tx, role: string) {
  return db
    .selectFrom('role_grants as g')
    .innerJoin('orgs as o', 'o.id', 'g.org_id')
    .select(['g.account_id', 'o.path'])
    .where('g.role', '=', role)
    .orderBy('g.created_at')
    .execute();
}
