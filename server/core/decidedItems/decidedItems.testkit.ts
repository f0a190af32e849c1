/**
 * For tests that create decided items without a route (a practice's own service tests, the
 * congress's): runs `work` as `accountId` in one transaction, with one clock.
 */
import type { Db } from '../db/database.js';
import type { WriteCall } from '../call.js';
import { loadGrants } from '../auth/auth.repository.js';
import { systemContext } from '../context.js';

export async function asAccount<T>(db: Db, accountId: string, work: (call: WriteCall) => Promise<T>, now = new Date()): Promise<T> {
  const grants = await loadGrants(db, accountId);
  const acc = await db.selectFrom('accounts').select(['display_name', 'person_id']).where('id', '=', accountId).executeTakeFirstOrThrow();
  const actor = { accountId, displayName: acc.display_name, personId: acc.person_id, grants, via: 'session' as const };
  return db.transaction().execute((tx) => work({ db, tx, actor, ctx: { ...systemContext(), actor }, now, iso: now.toISOString() }));
}
