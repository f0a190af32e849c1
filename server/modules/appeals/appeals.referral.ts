/**
 * What mediation may learn of an appeal referred to it: that it exists, its code, and who
 * raised it unless it was raised anonymously (then nobody is named, and it cannot be referred
 * in the worker's name without breaking the anonymity).
 */
import type { Tx } from '../../core/db/database.js';
import { step, STAFF } from './appeals.timeline.js';
import { adb } from './appeals.tables.js';

export async function appealForReferral(db: Tx, id: string): Promise<{ id: string; code: string; authorPersonId: string | null } | undefined> {
  const row = await adb(db).selectFrom('appeals').select(['id', 'code', 'anonymous', 'author_person_id']).where('id', '=', id).executeTakeFirst();
  return row && { id: row.id, code: row.code, authorPersonId: row.anonymous ? null : row.author_person_id };
}

/**
 * The link back: the mediation case made from the appeal, on its timeline. Shown to the union
 * side and the author (who is the applicant), not to the handling department — the case is
 * confidential to the committee and the parties (appeals.present.ts filters it).
 */
export async function recordMediationReferral(tx: Tx, input: { appealId: string; at: string; caseId: string; caseCode: string }): Promise<void> {
  await step({ tx, iso: input.at, actor: null }, input.appealId, 'mediation', STAFF, {
    data: { mediationCaseId: input.caseId, mediationCaseCode: input.caseCode },
  });
}
