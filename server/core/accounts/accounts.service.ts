/**
 * Accounts and role grants: created by admins, the CLI and the demo seed alike.
 */
import type { Db } from '../db/database.js';
import { newId, nowIso } from '../ids.js';
import { recordAudit } from '../audit/audit.js';
import type { CallContext } from '../context.js';
import { hashPassword } from '../auth/password.js';
import { conflict } from '../errors.js';
import type { Role } from '../../../common/roles.js';

export interface NewAccount {
  username: string;
  password: string;
  displayName: string;
  phone?: string | null;
  personId?: string | null;
  grants: { role: Role; orgId: string | null }[];
  /** Pre-computed hash, so bulk seeding does not pay the KDF per account. */
  passwordHash?: string;
}

export async function createAccount(db: Db, ctx: CallContext, input: NewAccount) {
  const id = newId();
  const now = nowIso();
  const hash = input.passwordHash ?? (await hashPassword(input.password));
  const taken = await db
    .selectFrom('accounts')
    .select('id')
    .where((eb) => eb.or([eb('username', '=', input.username), ...(input.phone ? [eb('phone', '=', input.phone)] : [])]))
    .executeTakeFirst();
  if (taken) throw conflict('people.duplicateUsername');
  await db.transaction().execute(async (tx) => {
    await tx
      .insertInto('accounts')
      .values({
        id,
        username: input.username,
        phone: input.phone ?? null,
        display_name: input.displayName,
        password_hash: hash,
        person_id: input.personId ?? null,
        locale: 'zh-CN',
        disabled: 0,
        failed_logins: 0,
        locked_until: null,
        password_changed_at: now,
        created_at: now,
      })
      .execute();
    for (const g of input.grants) {
      await tx.insertInto('role_grants').values({ id: newId(), account_id: id, role: g.role, org_id: g.orgId, created_at: now }).execute();
    }
    await recordAudit(tx, ctx, { action: 'account.create', entityType: 'account', entityId: id, changes: { username: input.username, grants: input.grants } });
  });
  return { id, username: input.username };
}
