/**
 * What mediation may learn of an appeal referred to it: that it exists, its code, and who
 * raised it unless it was raised anonymously (then nobody is named, and it cannot be referred
 * in the worker's name without breaking the anonymity).
 */
import type { Tx } from '../../core/db/database.js';
import { adb } from './appeals.tables.js';

export async function appealForReferral(db: Tx, id: string): Promise<{ id: string; code: string; authorPersonId: string | null } | undefined> {
  const row = await adb(db).selectFrom('appeals').select(['id', 'code', 'anonymous', 'author_person_id']).where('id', '=', id).executeTakeFirst();
  return row && { id: row.id, code: row.code, authorPersonId: row.anonymous ? null : row.author_person_id };
}
