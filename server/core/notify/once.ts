/**
 * Reminders that go out once. A scheduled sweep may run twice, or on two instances at once;
 * the notice is sent only by the transaction that claims its key first, and a claim that
 * rolls back (with the notice) frees the key for the next run.
 */
import type { Tx } from '../db/database.js';
import { nowIso } from '../ids.js';
import { notify, type Notice } from './notify.js';

/** Sends `notice` unless `key` (e.g. 'decidedItem.due:<id>:3') was claimed before; true when sent. */
export async function notifyOnce(tx: Tx, key: string, notice: Notice): Promise<boolean> {
  // On PostgreSQL a racing insert of the same key waits for the first transaction and then does nothing.
  const result = await tx
    .insertInto('notice_claims')
    .values({ key, at: nowIso() })
    .onConflict((oc) => oc.column('key').doNothing())
    .executeTakeFirst();
  if (Number(result.numInsertedOrUpdatedRows ?? 0) === 0) return false;
  await notify(tx, notice);
  return true;
}
