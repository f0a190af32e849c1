/**
 * How repeated failed sign-ins are held back (OWASP ASVS 2.2.1), without telling anyone
 * whether a user name exists and without letting a stranger lock the owner out:
 *
 * - The subject of an attempt is the account, or — for a name no account has — a hash of
 *   that name. Both are counted, locked and answered exactly alike.
 * - The lock is per subject × client address: five failures from one address lock that
 *   address out for 15 minutes; the owner at their own address is not affected.
 * - Across all addresses, failures beyond a free allowance slow the subject down with a
 *   growing pause (capped at one minute) for addresses the owner never signed in from.
 *   An address the owner has signed in from is never slowed, so a distributed guesser
 *   slows only itself.
 */
import type { Db, Tx } from '../db/database.js';
import { AppError } from '../errors.js';
import { sha256 } from './auth.repository.js';

export const MAX_FAILED_LOGINS = 5;
export const LOCK_MINUTES = 15;
/** Failures across all addresses before the back-off starts. */
export const GLOBAL_FREE_FAILURES = 10;
export const MAX_BACKOFF_MS = 60_000;
/** Counts older than this are forgotten: a failure a day ago says nothing about today's attempt. */
const FORGET_MS = 24 * 3_600_000;
const ALL = '*';

export function subjectOf(accountId: string | undefined, login: string): string {
  return accountId ? `a:${accountId}` : `n:${sha256(login.trim().toLowerCase())}`;
}

/** The pause the global back-off asks for after `failed` failures across all addresses. */
export function backoffMs(failed: number): number {
  if (failed < GLOBAL_FREE_FAILURES) return 0;
  return Math.min(MAX_BACKOFF_MS, 1000 * 2 ** (failed - GLOBAL_FREE_FAILURES));
}

const lockedError = (minutes: number) => new AppError(423, 'locked', 'auth.locked', { minutes });
const slowDownError = (seconds: number) => new AppError(429, 'rate_limited', 'error.rateLimited', { retryAfter: seconds });

async function rows(db: Db, subject: string, ip: string) {
  const found = await db.selectFrom('login_attempts').selectAll().where('subject', '=', subject).where('ip', 'in', [ip, ALL]).execute();
  return { here: found.find((r) => r.ip === ip), all: found.find((r) => r.ip === ALL) };
}

const fresh = (at: string | null | undefined, now: Date) => !!at && now.getTime() - Date.parse(at) < FORGET_MS;

/** Throws 423 when this address is locked out for the subject, 429 while the global back-off runs. */
export async function checkLoginAllowed(db: Db, subject: string, ip: string, now: Date) {
  const { here, all } = await rows(db, subject, ip);
  if (here?.locked_until && here.locked_until > now.toISOString()) {
    throw lockedError(Math.ceil((Date.parse(here.locked_until) - now.getTime()) / 60_000));
  }
  if (here?.trusted || !all || !fresh(all.last_failed_at, now)) return;
  const wait = Date.parse(all.last_failed_at!) + backoffMs(all.failed) - now.getTime();
  if (wait > 0) throw slowDownError(Math.ceil(wait / 1000));
}

async function bump(db: Db, subject: string, ip: string, now: Date, lockAt: number | null): Promise<{ failed: number; locked: boolean }> {
  const at = now.toISOString();
  return db.transaction().execute(async (tx) => {
    const row = await tx.selectFrom('login_attempts').selectAll().where('subject', '=', subject).where('ip', '=', ip).executeTakeFirst();
    const failed = (fresh(row?.last_failed_at, now) ? row!.failed : 0) + 1;
    const locked = lockAt !== null && failed >= lockAt;
    const values = {
      failed: locked ? 0 : failed,
      locked_until: locked ? new Date(now.getTime() + LOCK_MINUTES * 60_000).toISOString() : (row?.locked_until ?? null),
      last_failed_at: at,
      updated_at: at,
    };
    if (row) await tx.updateTable('login_attempts').set(values).where('subject', '=', subject).where('ip', '=', ip).execute();
    // Two first failures at once: the second one counts on the row the first has just made.
    else
      await tx
        .insertInto('login_attempts')
        .values({ subject, ip, trusted: 0, ...values })
        .onConflict((oc) => oc.columns(['subject', 'ip']).doUpdateSet(values))
        .execute();
    return { failed, locked };
  });
}

/** Counts a failure; returns whether this address is now locked out for the subject. */
export async function recordLoginFailure(db: Db, subject: string, ip: string, now: Date) {
  const here = await bump(db, subject, ip, now, MAX_FAILED_LOGINS);
  await bump(db, subject, ALL, now, null);
  return here;
}

/** The owner is in: this address is trusted from now on and the counts start again. */
export async function recordLoginSuccess(db: Db, subject: string, ip: string, now: Date) {
  const at = now.toISOString();
  await db.transaction().execute(async (tx) => {
    await tx.deleteFrom('login_attempts').where('subject', '=', subject).where('ip', '=', ALL).execute();
    const cleared = { failed: 0, locked_until: null, last_failed_at: null, trusted: 1, updated_at: at };
    await tx
      .insertInto('login_attempts')
      .values({ subject, ip, ...cleared })
      .onConflict((oc) => oc.columns(['subject', 'ip']).doUpdateSet(cleared))
      .execute();
  });
}

/** The latest lock of an account at any address, for the admin's account list. */
export async function lockedUntilOf(db: Tx, accountIds: string[], now: Date): Promise<Map<string, string>> {
  if (!accountIds.length) return new Map();
  const found = await db
    .selectFrom('login_attempts')
    .select(['subject', 'locked_until'])
    .where(
      'subject',
      'in',
      accountIds.map((id) => `a:${id}`),
    )
    .where('locked_until', '>', now.toISOString())
    .execute();
  const out = new Map<string, string>();
  for (const r of found) {
    const id = r.subject.slice(2);
    if (!out.has(id) || out.get(id)! < r.locked_until!) out.set(id, r.locked_until!);
  }
  return out;
}

/** An admin reset confirmed who the owner is: every lock and count on the account goes. */
export async function clearLoginLimits(db: Tx, accountId: string) {
  await db.deleteFrom('login_attempts').where('subject', '=', `a:${accountId}`).where('trusted', '=', 0).execute();
  await db.updateTable('login_attempts').set({ failed: 0, locked_until: null, last_failed_at: null }).where('subject', '=', `a:${accountId}`).execute();
}
