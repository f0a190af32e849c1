/** SQL of import batches, and the org subtree an import resolves 所属组织 against. */
import type { Tx } from '../db/database.js';
import type { ImportBatchTable } from '../db/schema.js';
import { prefixUpper } from '../db/dialect.js';

export function insertBatch(db: Tx, row: ImportBatchTable) {
  return db.insertInto('import_batches').values(row).execute();
}

const BATCH_COLUMNS = [
  'id',
  'account_id',
  'org_id',
  'kind',
  'file_name',
  'status',
  'total_rows',
  'processed_rows',
  'errors',
  'created_at',
  'finished_at',
] as const;

/** A batch without its rows: progress polls must not parse a whole roster each time. */
export function findBatch(db: Tx, id: string) {
  return db.selectFrom('import_batches').select(BATCH_COLUMNS).where('id', '=', id).executeTakeFirst();
}

export async function batchRows(db: Tx, id: string): Promise<string> {
  return (await db.selectFrom('import_batches').select('rows').where('id', '=', id).executeTakeFirstOrThrow()).rows;
}

/** Rosters hold phones and identity numbers: a batch left unconfirmed forgets them after a while. */
export async function expireBatches(db: Tx, before: string, now: string): Promise<number> {
  const res = await db
    .updateTable('import_batches')
    .set({ status: 'expired', rows: '[]', finished_at: now })
    .where('status', 'in', ['preview', 'failed'])
    .where('created_at', '<', before)
    .executeTakeFirst();
  return Number(res.numUpdatedRows);
}

/** Moves a batch from one status to the next only if no one else did first; true when this call won. */
export async function claimBatch(db: Tx, id: string, from: string, to: string): Promise<boolean> {
  const res = await db.updateTable('import_batches').set({ status: to }).where('id', '=', id).where('status', '=', from).executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export async function updateBatch(db: Tx, id: string, patch: Partial<ImportBatchTable>) {
  await db.updateTable('import_batches').set(patch).where('id', '=', id).execute();
}

export function subtreeOrgs(db: Tx, prefix: string) {
  return db.selectFrom('orgs').select(['id', 'parent_id', 'name', 'path']).where('path', '>=', prefix).where('path', '<', prefixUpper(prefix)).execute();
}
