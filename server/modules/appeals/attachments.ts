/**
 * Appeals' attachments are core files (core/files) owned by their appeal: one storage, one
 * sniffing, one set of serving headers and the same 24-hour sweep of uploads no appeal claimed.
 * What stays the appeals' own: the types they take (images and PDF), the limits, the words.
 */
import type { CallContext } from '../../core/context.js';
import type { Db, Tx } from '../../core/db/database.js';
import { writeCallIn } from '../../core/call.js';
import type { Actor } from '../../core/rbac/actor.js';
import { claimFiles, extensionOf, filesOf, IMAGE_AND_PDF, type Accepts } from '../../core/files/index.js';

/** The owner kind of an appeal's files. */
export const ATTACHMENT_KIND = 'appeals.appeal';

/** At upload: images and PDF, refused on the form's field in the appeals' words. */
export const UPLOAD_ACCEPTS: Accepts = { types: IMAGE_AND_PDF, field: 'body.file', message: 'appeals.attachmentType' };

/**
 * Makes the author's uploads the new appeal's files, in the submission's transaction; 422 on
 * attachmentIds when one is unknown, used or someone else's (all or none are claimed).
 */
export async function claimAttachments(tx: Tx, ctx: CallContext, actor: Actor, at: Date, appealId: string, ids: string[]): Promise<void> {
  await claimFiles(
    writeCallIn(tx, tx, actor, ctx, at),
    ids,
    { kind: ATTACHMENT_KIND, id: appealId },
    {
      types: IMAGE_AND_PDF,
      field: 'body.attachmentIds',
      message: 'appeals.attachmentInvalid',
    },
  );
}

/** An appeal's files in upload order (the order their anonymous names count in). */
export const listAttachments = (db: Db | Tx, appealId: string) => filesOf(db, { kind: ATTACHMENT_KIND, id: appealId });

export { extensionOf };
