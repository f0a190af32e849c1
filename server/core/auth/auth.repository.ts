import { createHash } from 'node:crypto';
import type { Db, Tx } from '../db/database.js';
import { prepared } from '../db/prepared.js';
import type { Grant } from '../rbac/actor.js';
import type { Role } from '../../../common/roles.js';

export const sha256 = (s: string) => createHash('sha256').update(s).digest('base64url');

export function findAccountByLogin(db: Db, login: string) {
  return db
    .selectFrom('accounts')
    .selectAll()
    .where((eb) => eb.or([eb('username', '=', login), eb('phone', '=', login)]))
    .executeTakeFirst();
}

// Every request reads its session and grants: prepared shapes (core/db/prepared.ts).
const accountById = prepared((d, p: { id: string }) => d.selectFrom('accounts').selectAll().where('id', '=', p.id));
export const findAccount = (db: Tx, id: string) => accountById.first(db, { id });

const grantsOf = prepared((d, p: { accountId: string }) =>
  d
    .selectFrom('role_grants as g')
    .leftJoin('orgs as o', 'o.id', 'g.org_id')
    .select(['g.role', 'g.org_id', 'o.path', 'o.name'])
    .where('g.account_id', '=', p.accountId),
);
export async function loadGrants(db: Db, accountId: string): Promise<Grant[]> {
  const rows = await grantsOf.all(db, { accountId });
  return rows.map((r) => ({ role: r.role as Role, orgId: r.org_id, orgPath: r.path ?? null, orgName: r.name ?? null }));
}

const sessionById = prepared((d, p: { id: string }) =>
  d
    .selectFrom('sessions as s')
    .innerJoin('accounts as a', 'a.id', 's.account_id')
    .select(['s.id', 's.csrf_token', 's.expires_at', 's.last_seen_at', 'a.id as account_id', 'a.display_name', 'a.person_id', 'a.disabled'])
    .where('s.id', '=', p.id),
);
export const findSession = (db: Db, token: string) => sessionById.first(db, { id: sha256(token) });

const tokenByHash = prepared((d, p: { hash: string }) =>
  d
    .selectFrom('api_tokens as t')
    .innerJoin('accounts as a', 'a.id', 't.account_id')
    .select(['t.id', 't.last_used_at', 'a.id as account_id', 'a.display_name', 'a.person_id', 'a.disabled'])
    .where('t.token_hash', '=', p.hash)
    .where('t.revoked_at', 'is', null),
);
export const findToken = (db: Db, token: string) => tokenByHash.first(db, { hash: sha256(token) });
