/** The SQL of appeal attachments: uploads, their claim by a new appeal, the orphan sweep. */
import type { Tx } from '../../core/db/database.js';
import { prepared } from '../../core/db/prepared.js';
import { adb, type ADb, type AppealAttachmentTable } from './appeals.tables.js';

export async function insertAttachment(db: Tx, row: AppealAttachmentTable) {
  await adb(db).insertInto('appeal_attachments').values(row).execute();
}

/** Links the uploader's unused uploads to a new appeal; returns how many it could claim. */
export async function claimAttachments(db: Tx, ids: string[], uploader: string, appealId: string): Promise<number> {
  if (!ids.length) return 0;
  const res = await adb(db)
    .updateTable('appeal_attachments')
    .set({ appeal_id: appealId })
    .where('id', 'in', ids)
    .where('uploader_account_id', '=', uploader)
    .where('appeal_id', 'is', null)
    .executeTakeFirst();
  return Number(res.numUpdatedRows);
}

const attachmentsOf = prepared((d: ADb, p: { appealId: string }) =>
  d
    .selectFrom('appeal_attachments')
    .select(['id', 'file_name', 'content_type', 'size', 'storage_key'])
    .where('appeal_id', '=', p.appealId)
    .orderBy('created_at')
    .orderBy('id'),
);
export const listAttachments = (db: Tx, appealId: string) => attachmentsOf.all(db, { appealId });

export function findAttachment(db: Tx, appealId: string, id: string) {
  return adb(db).selectFrom('appeal_attachments').selectAll().where('id', '=', id).where('appeal_id', '=', appealId).executeTakeFirst();
}

export function orphanAttachments(db: Tx, before: string) {
  return adb(db)
    .selectFrom('appeal_attachments')
    .select(['id', 'storage_key'])
    .where('appeal_id', 'is', null)
    .where('created_at', '<', before)
    .limit(500)
    .execute();
}

export async function deleteAttachment(db: Tx, id: string) {
  await adb(db).deleteFrom('appeal_attachments').where('id', '=', id).where('appeal_id', 'is', null).execute();
}
