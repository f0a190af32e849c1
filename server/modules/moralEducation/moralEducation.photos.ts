/**
 * The session photo is a core file (core/files) owned by its session: one storage, one
 * sniffing, one set of serving headers. What stays the ten-minute session's own: only real
 * JPEG, PNG or WebP images (judged by their bytes), at most MAX_PHOTO_BYTES, its own words.
 */
import type { WriteCall } from '../../core/call.js';
import { claimFiles, filesOf, releaseFiles, type Accepts, type FileRef, type FileType } from '../../core/files/index.js';
import type { Db, Tx } from '../../core/db/database.js';

export const MAX_PHOTO_BYTES = 5 * 1024 * 1024;

/** The owner kind of a session's photo. */
export const PHOTO_KIND = 'moralEducation.session';
const PHOTO_TYPES: readonly FileType[] = ['image/jpeg', 'image/png', 'image/webp'];

/** At upload (the record form's photo part): three image types, refused on body.photo. */
export const PHOTO_ACCEPTS: Accepts = { types: PHOTO_TYPES, field: 'body.photo', message: 'moralEducation.notImage' };

const owner = (sessionId: string) => ({ kind: PHOTO_KIND, id: sessionId });

/** Makes the just-stored photo the session's, in the recording transaction. */
export async function claimPhoto(call: WriteCall, sessionId: string, photo: FileRef): Promise<void> {
  await claimFiles(call, [photo.id], owner(sessionId), { types: PHOTO_TYPES, field: 'body.photo', message: 'moralEducation.notImage' });
}

/** The session's photo, or null. */
export async function photoOf(db: Db | Tx, sessionId: string): Promise<FileRef | null> {
  return (await filesOf(db, owner(sessionId)))[0] ?? null;
}

/** Lets the photo go: it is gone from the session at once, its bytes are swept by core. */
export const releasePhoto = (call: WriteCall, sessionId: string) => releaseFiles(call, owner(sessionId));
