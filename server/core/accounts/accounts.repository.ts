import { sql } from 'kysely';
import type { Db, Tx } from '../db/database.js';
import type { AccountTable, RoleGrantTable } from '../db/schema.js';
import type { Scope } from '../rbac/actor.js';
import { pathInScope, pathUnder } from '../rbac/scope-sql.js';
import { containsCi } from '../db/dialect.js';

export interface AccountFilter {
  q?: string;
  role?: string;
  /** Accounts with a grant in this subtree. */
  orgPath?: string;
}

const SORT_COLUMNS = { username: 'a.username', displayName: 'a.display_name', createdAt: 'a.created_at' } as const;
export type AccountSort = keyof typeof SORT_COLUMNS;

function filtered(db: Db, scope: Scope, f: AccountFilter) {
  // Deployment-wide admins also see accounts with no grant at all (just created by the CLI, or stripped).
  const needGrant = !scope.all || !!f.role || !!f.orgPath;
  return db
    .selectFrom('accounts as a')
    .$if(needGrant, (q) =>
      q.where((eb) =>
        eb.exists(
          eb
            .selectFrom('role_grants as g')
            .leftJoin('orgs as o', 'o.id', 'g.org_id')
            .select(sql.lit(1).as('one'))
            .whereRef('g.account_id', '=', 'a.id')
            .where((eb2) => pathInScope(eb2, 'o.path', scope))
            .$if(!!f.role, (s) => s.where('g.role', '=', f.role!))
            .$if(!!f.orgPath, (s) => s.where((eb2) => pathUnder(eb2, 'o.path', f.orgPath!))),
        ),
      ),
    )
    .$if(!!f.q, (q) => q.where((eb) => eb.or([containsCi('a.username', f.q!), containsCi('a.display_name', f.q!), eb('a.phone', '=', f.q!)])));
}

export async function listAccounts(db: Db, scope: Scope, f: AccountFilter, page: { limit: number; offset: number; sort: AccountSort; order: 'asc' | 'desc' }) {
  const base = filtered(db, scope, f);
  const [rows, count] = await Promise.all([
    base.selectAll('a').orderBy(SORT_COLUMNS[page.sort], page.order).orderBy('a.id').limit(page.limit).offset(page.offset).execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

export interface GrantRow {
  id: string;
  account_id: string;
  role: string;
  org_id: string | null;
  org_path: string | null;
  org_name: string | null;
}

export async function grantsOf(db: Tx, accountIds: string[]): Promise<GrantRow[]> {
  if (!accountIds.length) return [];
  return db
    .selectFrom('role_grants as g')
    .leftJoin('orgs as o', 'o.id', 'g.org_id')
    .select(['g.id', 'g.account_id', 'g.role', 'g.org_id', 'o.path as org_path', 'o.name as org_name'])
    .where('g.account_id', 'in', accountIds)
    .orderBy('g.created_at')
    .orderBy('g.id')
    .execute();
}

export function findAccount(db: Tx, id: string) {
  return db.selectFrom('accounts').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findTaken(db: Tx, username: string, phone: string | null | undefined) {
  return db
    .selectFrom('accounts')
    .select('id')
    .where((eb) => eb.or([eb('username', '=', username), ...(phone ? [eb('phone', '=', phone)] : [])]))
    .executeTakeFirst();
}

export function findPersonAccount(db: Tx, personId: string) {
  return db.selectFrom('accounts').select('id').where('person_id', '=', personId).executeTakeFirst();
}

export function findPerson(db: Tx, id: string) {
  return db
    .selectFrom('persons as p')
    .innerJoin('orgs as o', 'o.id', 'p.org_id')
    .select(['p.id', 'p.name', 'o.path as org_path'])
    .where('p.id', '=', id)
    .executeTakeFirst();
}

export async function insertAccount(db: Tx, row: AccountTable) {
  await db.insertInto('accounts').values(row).execute();
}

export async function insertGrant(db: Tx, row: RoleGrantTable) {
  await db.insertInto('role_grants').values(row).execute();
}

export async function deleteGrant(db: Tx, id: string) {
  await db.deleteFrom('role_grants').where('id', '=', id).execute();
}

export async function updateAccount(db: Tx, id: string, patch: Partial<AccountTable>) {
  await db.updateTable('accounts').set(patch).where('id', '=', id).execute();
}

/** Ends every session of the account: a disabled account or a reset password must lock out whoever is signed in. */
export async function endSessions(db: Tx, accountId: string) {
  await db.deleteFrom('sessions').where('account_id', '=', accountId).execute();
}

/** A token is a password for programs: whoever held the old password may have minted one. */
export async function revokeTokens(db: Tx, accountId: string, at: string) {
  const res = await db.updateTable('api_tokens').set({ revoked_at: at }).where('account_id', '=', accountId).where('revoked_at', 'is', null).executeTakeFirst();
  return Number(res.numUpdatedRows);
}
