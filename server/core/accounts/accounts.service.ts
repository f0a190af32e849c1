/**
 * Accounts and role grants: created by admins (over HTTP), the CLI and the demo seed alike.
 * Every change is audited in its own transaction; disabling an account or resetting its
 * password ends its sessions in that same transaction.
 */
import type { Db, Tx } from '../db/database.js';
import { newId, nowIso } from '../ids.js';
import { recordAudit } from '../audit/audit.js';
import type { CallContext } from '../context.js';
import { hashPassword, isStrongEnough } from '../auth/password.js';
import { clearLoginLimits, lockedUntilOf } from '../auth/login-limit.js';
import { AppError, conflict, forbidden, invalid, notFound } from '../errors.js';
import type { Actor, Scope } from '../rbac/actor.js';
import { hasPermission, inScope } from '../rbac/actor.js';
import { findOrg } from '../org/org.repository.js';
import type { Role } from '../../../common/roles.js';
import type { AccountItem, GrantInput } from '../../../common/schemas/accounts.js';
import * as repo from './accounts.repository.js';
import { canHandleGrant, canManageAccount, canSeeAccount, grantInScope, isGlobalAdmin, manageScope, type GrantRef } from './accounts.policy.js';
import './accounts.messages.js';

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

async function insertWithGrants(tx: Tx, ctx: CallContext, id: string, hash: string, input: NewAccount) {
  const now = nowIso();
  await repo.insertAccount(tx, {
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
  });
  for (const g of input.grants) await repo.insertGrant(tx, { id: newId(), account_id: id, role: g.role, org_id: g.orgId, created_at: now });
  await recordAudit(tx, ctx, {
    action: 'account.create',
    entityType: 'account',
    entityId: id,
    // The first grant's org places the event in that org's audit trail.
    orgId: input.grants.find((g) => g.orgId)?.orgId ?? null,
    changes: { username: input.username, displayName: input.displayName, personId: input.personId ?? null, grants: input.grants },
  });
}

/** Trusted creation (CLI, seed, tests): no permission checks. */
export async function createAccount(db: Db, ctx: CallContext, input: NewAccount) {
  const id = newId();
  const hash = input.passwordHash ?? (await hashPassword(input.password));
  if (await repo.findTaken(db, input.username, input.phone)) throw conflict('people.duplicateUsername');
  await db.transaction().execute((tx) => insertWithGrants(tx, ctx, id, hash, input));
  return { id, username: input.username };
}

// ---- administration over HTTP ----

export function maskPhone(phone: string | null): string | null {
  if (!phone) return null;
  return phone.length >= 7 ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : '****';
}

const refs = (grants: repo.GrantRow[]): GrantRef[] => grants.map((g) => ({ role: g.role, orgPath: g.org_path }));

function present(
  actor: Actor,
  scope: Scope,
  a: NonNullable<Awaited<ReturnType<typeof repo.findAccount>>>,
  grants: repo.GrantRow[],
  lockedUntil: string | null,
): AccountItem {
  return {
    id: a.id,
    username: a.username,
    displayName: a.display_name,
    phone: maskPhone(a.phone),
    personId: a.person_id,
    disabled: a.disabled === 1,
    lockedUntil,
    createdAt: a.created_at,
    // Grants elsewhere stay unnamed: an org outside the caller's scope is not theirs to know of.
    grants: grants
      .filter((g) => grantInScope(scope, { orgPath: g.org_path }))
      .map((g) => ({ id: g.id, role: g.role as Role, orgId: g.org_id, orgName: g.org_name })),
    manageable: a.id !== actor.accountId && canManageAccount(actor, scope, refs(grants)),
  };
}

function adminScope(actor: Actor): Scope {
  const scope = manageScope(actor);
  if (!scope.all && scope.paths.length === 0) throw forbidden();
  return scope;
}

async function visible(db: Tx, scope: Scope, id: string) {
  const account = await repo.findAccount(db, id);
  if (!account) throw notFound();
  const grants = await repo.grantsOf(db, [id]);
  if (!canSeeAccount(scope, refs(grants))) throw notFound();
  return { account, grants };
}

/** Where an account-wide event belongs in the audit trail: the first of its orgs the admin can see. */
function homeOrg(scope: Scope, grants: repo.GrantRow[]): string | null {
  return (grants.find((g) => g.org_id && grantInScope(scope, { orgPath: g.org_path })) ?? grants.find((g) => g.org_id))?.org_id ?? null;
}

async function checkGrant(db: Db, actor: Actor, scope: Scope, g: GrantInput): Promise<GrantRef & { orgId: string | null }> {
  if (g.orgId === null) {
    if (!isGlobalAdmin(actor)) throw new AppError(403, 'forbidden', 'accounts.globalGrantForbidden');
    return { role: g.role, orgId: null, orgPath: null };
  }
  const org = await findOrg(db, g.orgId);
  if (!org) throw notFound();
  if (!grantInScope(scope, { orgPath: org.path })) throw hasPermission(actor, 'org.read', org.path) ? forbidden() : notFound();
  const ref = { role: g.role, orgId: org.id, orgPath: org.path };
  if (!canHandleGrant(actor, scope, ref)) throw new AppError(403, 'forbidden', 'accounts.sysAdminForbidden');
  return ref;
}

export async function list(
  db: Db,
  actor: Actor,
  q: { q?: string; role?: Role; orgId?: string; page: number; pageSize: number; sort?: repo.AccountSort; order: 'asc' | 'desc' },
) {
  const scope = adminScope(actor);
  let orgPath: string | undefined;
  if (q.orgId) {
    const org = await findOrg(db, q.orgId);
    if (!org || !inScope(scope, org.path)) throw notFound();
    orgPath = org.path;
  }
  const res = await repo.listAccounts(
    db,
    scope,
    { q: q.q, role: q.role, orgPath },
    { limit: q.pageSize, offset: (q.page - 1) * q.pageSize, sort: q.sort ?? 'username', order: q.order },
  );
  const grants = await repo.grantsOf(
    db,
    res.rows.map((r) => r.id),
  );
  const locks = await lockedUntilOf(
    db,
    res.rows.map((r) => r.id),
    new Date(),
  );
  return {
    items: res.rows.map((a) =>
      present(
        actor,
        scope,
        a,
        grants.filter((g) => g.account_id === a.id),
        locks.get(a.id) ?? null,
      ),
    ),
    total: res.total,
    page: q.page,
    pageSize: q.pageSize,
  };
}

export async function get(db: Db, actor: Actor, id: string) {
  const scope = adminScope(actor);
  const { account, grants } = await visible(db, scope, id);
  return present(actor, scope, account, grants, (await lockedUntilOf(db, [id], new Date())).get(id) ?? null);
}

export async function create(
  db: Db,
  ctx: CallContext,
  actor: Actor,
  input: { username: string; displayName: string; phone?: string | null; password: string; personId?: string | null; grants: GrantInput[] },
) {
  const scope = adminScope(actor);
  const seen = new Set<string>();
  const grants: { role: Role; orgId: string | null }[] = [];
  for (const g of input.grants) {
    const key = `${g.role}@${g.orgId}`;
    if (seen.has(key)) continue;
    seen.add(key);
    await checkGrant(db, actor, scope, g);
    grants.push({ role: g.role, orgId: g.orgId });
  }
  // A scoped admin's new account without a grant would vanish from their own list at once.
  if (!grants.length && !scope.all) throw invalid('body.grants', 'accounts.needGrant');
  if (!isStrongEnough(input.password)) throw invalid('body.password', 'auth.weakPassword');
  if (input.personId) {
    const person = await repo.findPerson(db, input.personId);
    if (!person || !inScope(scope, person.org_path)) throw notFound();
    if (await repo.findPersonAccount(db, person.id)) throw conflict('accounts.personLinked');
  }
  if (await repo.findTaken(db, input.username, input.phone)) throw conflict('people.duplicateUsername');
  const id = newId();
  const hash = await hashPassword(input.password);
  await db.transaction().execute((tx) => insertWithGrants(tx, ctx, id, hash, { ...input, grants }));
  return get(db, actor, id);
}

export async function addGrant(db: Db, ctx: CallContext, actor: Actor, id: string, g: GrantInput) {
  const scope = adminScope(actor);
  const { grants } = await visible(db, scope, id);
  const ref = await checkGrant(db, actor, scope, g);
  if (grants.some((x) => x.role === g.role && x.org_id === g.orgId)) throw conflict('accounts.grantExists');
  const grantId = newId();
  await db.transaction().execute(async (tx) => {
    await repo.insertGrant(tx, { id: grantId, account_id: id, role: g.role, org_id: ref.orgId, created_at: nowIso() });
    await recordAudit(tx, ctx, {
      action: 'account.grantAdded',
      entityType: 'account',
      entityId: id,
      orgId: ref.orgId,
      changes: { grantId, role: g.role, orgId: ref.orgId },
    });
  });
  return get(db, actor, id);
}

export async function removeGrant(db: Db, ctx: CallContext, actor: Actor, id: string, grantId: string) {
  const scope = adminScope(actor);
  const { grants } = await visible(db, scope, id);
  const grant = grants.find((g) => g.id === grantId);
  if (!grant || !grantInScope(scope, { orgPath: grant.org_path })) throw notFound();
  if (!canHandleGrant(actor, scope, { role: grant.role, orgPath: grant.org_path })) throw new AppError(403, 'forbidden', 'accounts.sysAdminForbidden');
  // Taking away one's own rights can leave nobody able to give them back.
  if (id === actor.accountId) throw new AppError(422, 'invalid', 'accounts.self');
  await db.transaction().execute(async (tx) => {
    await repo.deleteGrant(tx, grantId);
    await recordAudit(tx, ctx, {
      action: 'account.grantRemoved',
      entityType: 'account',
      entityId: id,
      orgId: grant.org_id,
      changes: { grantId, role: grant.role, orgId: grant.org_id },
    });
  });
}

async function manageable(db: Db, actor: Actor, id: string) {
  const scope = adminScope(actor);
  const found = await visible(db, scope, id);
  if (id === actor.accountId) throw new AppError(422, 'invalid', 'accounts.self');
  if (!canManageAccount(actor, scope, refs(found.grants))) throw new AppError(403, 'forbidden', 'accounts.notManageable');
  return { ...found, scope };
}

export async function setDisabled(db: Db, ctx: CallContext, actor: Actor, id: string, disabled: boolean) {
  const { account, grants, scope } = await manageable(db, actor, id);
  if ((account.disabled === 1) !== disabled) {
    await db.transaction().execute(async (tx) => {
      await repo.updateAccount(tx, id, { disabled: disabled ? 1 : 0 });
      if (disabled) await repo.endSessions(tx, id);
      await recordAudit(tx, ctx, {
        action: disabled ? 'account.disabled' : 'account.enabled',
        entityType: 'account',
        entityId: id,
        orgId: homeOrg(scope, grants),
        changes: { disabled: [!disabled, disabled] },
      });
    });
  }
  return get(db, actor, id);
}

export async function resetPassword(db: Db, ctx: CallContext, actor: Actor, id: string, password: string) {
  const { grants, scope } = await manageable(db, actor, id);
  if (!isStrongEnough(password)) throw invalid('body.password', 'auth.weakPassword');
  const hash = await hashPassword(password);
  await db.transaction().execute(async (tx) => {
    // A reset also lifts a lockout: the admin has just confirmed who the owner is.
    await repo.updateAccount(tx, id, { password_hash: hash, password_changed_at: nowIso(), failed_logins: 0, locked_until: null });
    await repo.endSessions(tx, id);
    await clearLoginLimits(tx, id);
    const tokensRevoked = await repo.revokeTokens(tx, id, nowIso());
    await recordAudit(tx, ctx, {
      action: 'account.passwordReset',
      entityType: 'account',
      entityId: id,
      orgId: homeOrg(scope, grants),
      changes: tokensRevoked ? { tokensRevoked } : undefined,
    });
  });
}
