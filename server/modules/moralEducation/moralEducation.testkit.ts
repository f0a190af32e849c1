/**
 * What tests of other folders may build a ten-minute world with: a session photo, which the
 * demo has none of (the API document's response test reads one back). Stored through core/files
 * as the record form stores it, by the account that recorded the session.
 */
import { writeCallIn } from '../../core/call.js';
import { systemContext } from '../../core/context.js';
import type { Db } from '../../core/db/database.js';
import { upload } from '../../core/files/index.js';
import { claimPhoto, PHOTO_ACCEPTS } from './moralEducation.photos.js';
import { findSession } from './moralEducation.repository.js';

export async function givePhoto(db: Db, dataDir: string, sessionId: string, data: Buffer): Promise<void> {
  const recorded_by = (await findSession(db, sessionId))?.recorded_by;
  if (!recorded_by) throw new Error('no such session, or it has no recording account');
  const actor = { accountId: recorded_by, displayName: '', personId: null, grants: [], via: 'session' as const };
  await db.transaction().execute(async (tx) => {
    const call = writeCallIn(db, tx, actor, systemContext());
    await claimPhoto(call, sessionId, await upload(call, dataDir, { filename: 'photo.png', data }, PHOTO_ACCEPTS));
  });
}
