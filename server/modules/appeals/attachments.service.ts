/**
 * Uploading an attachment before submitting, and reading one back. An upload belongs to its
 * uploader until an appeal claims it; core's 'core.filesSweep' removes uploads no appeal
 * claimed within a day. The bytes are core's: this file never touches the file system.
 */
import type { Call, WriteCall } from '../../core/call.js';
import { forbidden, notFound } from '../../core/errors.js';
import { hasPermission } from '../../core/rbac/actor.js';
import { t, type Locale } from '../../core/i18n/messages.js';
import type { FileRef, Store } from '../../core/files/index.js';
import { APPEAL_PERMISSIONS as P } from '../../../common/appeals.js';
import { findAppeal } from './appeals.detail.js';
import { canRead, visibilityOf } from './appeals.policy.js';
import { extensionOf, listAttachments, UPLOAD_ACCEPTS } from './attachments.js';
import { refOf } from './appeals.service.js';

export async function upload(call: WriteCall, store: Store, file: { filename?: string; data: Buffer }) {
  if (!hasPermission(call.actor, P.submit) && !hasPermission(call.actor, P.manage)) throw forbidden();
  // Core audits the upload without account or address: whether the appeal that claims it will
  // be anonymous is not known yet; the submission that claims it names its author when the appeal is named.
  const f = await store(file, UPLOAD_ACCEPTS);
  return { id: f.id, fileName: f.name, contentType: f.type, size: f.size };
}

/** The file to send, under the name the caller may see: for an anonymous appeal only its author sees the real name. */
export async function open(call: Call, appealId: string, attachmentId: string, locale: Locale): Promise<FileRef> {
  const { db, actor } = call;
  const appeal = await findAppeal(db, visibilityOf(actor), appealId);
  if (!appeal || !canRead(actor, refOf(appeal))) throw notFound();
  const all = await listAttachments(db, appealId);
  const index = all.findIndex((a) => a.id === attachmentId);
  if (index < 0) throw notFound();
  const a = all[index];
  const named = appeal.anonymous !== 1 || appeal.is_mine === 1;
  return named ? a : { ...a, name: t(locale, 'appeals.attachmentName', { n: index + 1 }) + extensionOf(a.type) };
}
