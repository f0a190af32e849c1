/**
 * Uploading an attachment before submitting, and reading one back. An upload belongs to
 * its uploader until an appeal claims it; uploads no appeal claimed within a day are
 * removed by later uploads (a small batch each time), which needs no job of its own.
 */
import fs from 'node:fs';
import type { Db } from '../../core/db/database.js';
import { AppError, forbidden, invalid, notFound } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import { anonymousContext, recordAudit } from '../../core/audit/audit.js';
import type { CallContext } from '../../core/context.js';
import { hasPermission, type Actor } from '../../core/rbac/actor.js';
import { t, type Locale } from '../../core/i18n/messages.js';
import { APPEAL_PERMISSIONS as P } from '../../../common/appeals.js';
import { findAppeal } from './appeals.detail.js';
import { deleteAttachment, insertAttachment, listAttachments, orphanAttachments } from './attachments.repository.js';
import { canRead, visibilityOf } from './appeals.policy.js';
import { extensionOf, filePath, removeFile, safeFileName, sniff, storeFile } from './attachments.js';
import { refOf } from './appeals.service.js';

export async function upload(db: Db, ctx: CallContext, actor: Actor, dataDir: string, file: { filename?: string; data: Buffer }) {
  if (!hasPermission(actor, P.submit) && !hasPermission(actor, P.manage)) throw forbidden();
  const type = sniff(file.data);
  if (!type) throw invalid('body.file', 'appeals.attachmentType');
  await removeOrphans(db, dataDir, new Date());
  const { key, sha256 } = await storeFile(dataDir, file.data);
  const row = {
    id: newId(),
    appeal_id: null,
    uploader_account_id: actor.accountId,
    file_name: safeFileName(file.filename, type),
    content_type: type,
    size: file.data.length,
    storage_key: key,
    sha256,
    created_at: new Date().toISOString(),
  };
  try {
    await db.transaction().execute(async (tx) => {
      await insertAttachment(tx, row);
      // Nobody knows yet whether the appeal that claims the upload will be anonymous, so the
      // upload is on the record without account or address; the submission that claims it
      // names its author when the appeal is named (appeal.submit, attachments).
      await recordAudit(tx, anonymousContext(ctx), {
        action: 'appeal.attachmentUpload',
        entityType: 'appealAttachment',
        entityId: row.id,
        changes: { type, size: row.size, sha256 },
      });
    });
  } catch (err) {
    await removeFile(dataDir, key);
    throw err;
  }
  return { id: row.id, fileName: row.file_name, contentType: type, size: row.size };
}

export async function open(db: Db, actor: Actor, dataDir: string, appealId: string, attachmentId: string, locale: Locale) {
  const appeal = await findAppeal(db, visibilityOf(actor), appealId);
  if (!appeal || !canRead(actor, refOf(appeal))) throw notFound();
  const all = await listAttachments(db, appealId);
  const index = all.findIndex((a) => a.id === attachmentId);
  if (index < 0) throw notFound();
  const a = all[index];
  const named = appeal.anonymous !== 1 || appeal.is_mine === 1;
  const path = filePath(dataDir, a.storage_key);
  // The row outlived its file (a data directory restored without its files): say so, not 500.
  if (!fs.existsSync(path)) throw new AppError(410, 'gone', 'appeals.attachmentGone');
  return {
    path,
    contentType: a.content_type,
    size: a.size,
    fileName: named ? a.file_name : t(locale, 'appeals.attachmentName', { n: index + 1 }) + extensionOf(a.content_type),
  };
}

/** Uploads no appeal claimed within a day. */
export async function removeOrphans(db: Db, dataDir: string, now: Date) {
  const before = new Date(now.getTime() - 86_400_000).toISOString();
  for (const o of await orphanAttachments(db, before)) {
    await deleteAttachment(db, o.id);
    await removeFile(dataDir, o.storage_key);
  }
}
