/**
 * Every write to the appeals tables: the row, a change that keeps its status (conditional: of two
 * racing acts one wins), duplicates, extensions, ratings, the day's number and the search entry.
 * Status changes and the timeline go through core/workflow (appeals.service.ts).
 */
import { sql } from 'kysely';
import type { Tx } from '../../core/db/database.js';
import { insertRow, prepared } from '../../core/db/prepared.js';
import { upsertSearchDoc } from '../../core/search/search.js';
import { adb, type ADb, type AppealExtensionTable, type AppealRatingTable, type AppealTable } from './appeals.tables.js';
import { SEARCH_INDEX } from './appeals.visibility.js';

export async function insertAppeal(db: Tx, row: AppealTable) {
  await insertRow(adb(db), 'appeals', row);
}

/**
 * Changes an appeal only if it is still in one of `from`: two staff clicking at once, or a
 * job racing a person, cannot both win. Returns whether this call won.
 */
export async function updateAppeal(db: Tx, id: string, from: readonly string[] | null, patch: Partial<AppealTable>): Promise<boolean> {
  let q = adb(db).updateTable('appeals').set(patch).where('id', '=', id);
  if (from) q = q.where('status', 'in', [...from]);
  const res = await q.executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export async function repointDuplicates(db: Tx, fromMaster: string, toMaster: string) {
  await adb(db).updateTable('appeals').set({ master_id: toMaster }).where('master_id', '=', fromMaster).execute();
}

export async function insertExtension(db: Tx, row: AppealExtensionTable) {
  await adb(db).insertInto('appeal_extensions').values(row).execute();
}

export async function decideExtension(db: Tx, id: string, patch: Partial<AppealExtensionTable>): Promise<boolean> {
  const res = await adb(db).updateTable('appeal_extensions').set(patch).where('id', '=', id).where('status', '=', 'pending').executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export async function insertRating(db: Tx, row: AppealRatingTable) {
  await adb(db).insertInto('appeal_ratings').values(row).execute();
}

/** The next number of a Shanghai day; the upsert's row lock serialises concurrent intakes. */
const countDay = prepared((d: ADb, p: { day: string }) =>
  d
    .insertInto('appeal_counters')
    .values({ day: p.day, n: 1 })
    .onConflict((oc) => oc.column('day').doUpdateSet({ n: sql`appeal_counters.n + 1` }))
    .returning('n'),
);
export async function nextNumber(db: Tx, day: string): Promise<number> {
  const row = await countDay.first(db, { day });
  return Number(row!.n);
}

export function indexForSearch(db: Tx, id: string, text: string) {
  return upsertSearchDoc(db, SEARCH_INDEX, id, text);
}

/** Takes the unit × category lock for the rest of the transaction (see the migration). */
export type AppealRow = AppealTable;
