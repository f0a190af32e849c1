/**
 * Sign-in, sessions and API tokens. Sessions live in the database so any instance can
 * serve any request; the cookie holds a random token and the table holds only its hash.
 */
import { randomBytes } from 'node:crypto';
import type { Db } from '../db/database.js';
import { AppError, invalid, notFound } from '../errors.js';
import { newId, nowIso } from '../ids.js';
import { recordAudit } from '../audit/audit.js';
import type { CallContext } from '../context.js';
import type { Actor } from '../rbac/actor.js';
import { dummyHash, hashPassword, isStrongEnough, verifyPassword } from './password.js';
import { findAccount, findAccountByLogin, sha256 } from './auth.repository.js';
import { LOCK_MINUTES, checkLoginAllowed, recordLoginFailure, recordLoginSuccess, subjectOf } from './login-limit.js';
import { revokeTokens } from '../accounts/accounts.repository.js';

export interface LoginResult {
  accountId: string;
  sessionToken: string;
  csrfToken: string;
  expiresAt: string;
}

/**
 * Unknown name, wrong password, disabled account: one answer (401), the same password
 * work, the same counting and locking (login-limit.ts) — so the answer never tells whether
 * a name exists or whether its password was right.
 */
export async function login(
  db: Db,
  ctx: CallContext,
  input: { login: string; password: string; userAgent?: string; previousToken?: string; sessionDays: number },
): Promise<LoginResult> {
  const account = await findAccountByLogin(db, input.login.trim());
  const subject = subjectOf(account?.id, input.login);
  const now = new Date();
  const ip = ctx.ip ?? 'unknown';
  const ok = await verifyPassword(input.password, account?.password_hash ?? (await dummyHash()));
  await checkLoginAllowed(db, subject, ip, now);
  if (!account || !ok || account.disabled) {
    const { failed, locked } = await recordLoginFailure(db, subject, ip, now);
    if (account)
      await recordAudit(db, ctx, { action: locked ? 'auth.locked' : 'auth.loginFailed', entityType: 'account', entityId: account.id, changes: { failed } });
    if (locked) throw new AppError(423, 'locked', 'auth.locked', { minutes: LOCK_MINUTES });
    throw new AppError(401, 'bad_credentials', 'auth.badCredentials');
  }
  await recordLoginSuccess(db, subject, ip, now);

  const sessionToken = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const expiresAt = new Date(now.getTime() + input.sessionDays * 86_400_000).toISOString();
  await db.transaction().execute(async (tx) => {
    // Rotation: whatever session the browser carried before signing in is ended, so a
    // planted session id can never become an authenticated one.
    if (input.previousToken) await tx.deleteFrom('sessions').where('id', '=', sha256(input.previousToken)).execute();
    await tx
      .insertInto('sessions')
      .values({
        id: sha256(sessionToken),
        account_id: account.id,
        csrf_token: csrfToken,
        created_at: now.toISOString(),
        expires_at: expiresAt,
        last_seen_at: now.toISOString(),
        ip: ctx.ip,
        user_agent: input.userAgent?.slice(0, 300) ?? null,
      })
      .execute();
    await recordAudit(
      tx,
      { ...ctx, actor: { accountId: account.id, displayName: account.display_name } as Actor },
      {
        action: 'auth.login',
        entityType: 'account',
        entityId: account.id,
      },
    );
  });
  return { accountId: account.id, sessionToken, csrfToken, expiresAt };
}

export async function logout(db: Db, token: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', sha256(token)).execute();
}

export async function changePassword(db: Db, ctx: CallContext, actor: Actor, current: string, next: string, keepToken?: string) {
  const account = await findAccount(db, actor.accountId);
  if (!account) throw notFound();
  if (!(await verifyPassword(current, account.password_hash))) throw invalid('body.currentPassword', 'auth.wrongPassword');
  if (!isStrongEnough(next)) throw invalid('body.newPassword', 'auth.weakPassword');
  const hash = await hashPassword(next);
  await db.transaction().execute(async (tx) => {
    await tx.updateTable('accounts').set({ password_hash: hash, password_changed_at: nowIso() }).where('id', '=', account.id).execute();
    // Every other session and every API token of this account ends: a changed password must lock out whoever knew the old one.
    let del = tx.deleteFrom('sessions').where('account_id', '=', account.id);
    if (keepToken) del = del.where('id', '!=', sha256(keepToken));
    await del.execute();
    const tokensRevoked = await revokeTokens(tx, account.id, nowIso());
    await recordAudit(tx, ctx, {
      action: 'auth.passwordChanged',
      entityType: 'account',
      entityId: account.id,
      changes: tokensRevoked ? { tokensRevoked } : undefined,
    });
  });
}

export async function createApiToken(db: Db, ctx: CallContext, actor: Actor, name: string) {
  const token = 'xq_' + randomBytes(30).toString('base64url');
  const id = newId();
  await db.transaction().execute(async (tx) => {
    await tx
      .insertInto('api_tokens')
      .values({ id, account_id: actor.accountId, name, token_hash: sha256(token), created_at: nowIso(), last_used_at: null, revoked_at: null })
      .execute();
    await recordAudit(tx, ctx, { action: 'auth.tokenCreated', entityType: 'apiToken', entityId: id, changes: { name } });
  });
  return { id, name, token };
}

export async function listApiTokens(db: Db, actor: Actor) {
  const rows = await db
    .selectFrom('api_tokens')
    .select(['id', 'name', 'created_at', 'last_used_at'])
    .where('account_id', '=', actor.accountId)
    .where('revoked_at', 'is', null)
    .orderBy('created_at', 'desc')
    .execute();
  return rows.map((r) => ({ id: r.id, name: r.name, createdAt: r.created_at, lastUsedAt: r.last_used_at }));
}

export async function revokeApiToken(db: Db, ctx: CallContext, actor: Actor, id: string) {
  await db.transaction().execute(async (tx) => {
    const res = await tx
      .updateTable('api_tokens')
      .set({ revoked_at: nowIso() })
      .where('id', '=', id)
      .where('account_id', '=', actor.accountId)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) === 0) throw notFound();
    await recordAudit(tx, ctx, { action: 'auth.tokenRevoked', entityType: 'apiToken', entityId: id });
  });
}
