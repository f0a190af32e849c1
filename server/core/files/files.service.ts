/**
 * Uploads of every module. A file is uploaded first (it belongs to its uploader, unclaimed),
 * then claimed by the module's write that creates the record, in that write's transaction.
 * Unclaimed uploads are swept after a day ('core.filesSweep').
 */
import type { FastifyReply } from 'fastify';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import type { Call, WriteCall } from '../call.js';
import type { Db, Tx } from '../db/database.js';
import { AppError, invalid } from '../errors.js';
import { newId } from '../ids.js';
import { anonymousContext, recordAudit } from '../audit/audit.js';
import { FILE_TYPES, IMAGE_AND_PDF, safeFileName, sniff, type FileType } from './bytes.js';
import { isCoreKey, isStored, removeStored, storageKeyOf, storedPath, writeStored } from './storage.js';
import { FM } from './files.messages.js';

export interface FileRef {
  id: string;
  name: string;
  type: string;
  size: number;
  createdAt: string;
}

export const MAX_FILE_BYTES = 10 * 1024 * 1024;
/** Unclaimed uploads older than this are swept. */
export const UNCLAIMED_TTL_MS = 24 * 3_600_000;

const refOf = (r: { id: string; name: string; type: string; size: number; created_at: string }): FileRef => ({
  id: r.id,
  name: r.name,
  type: r.type,
  size: Number(r.size),
  createdAt: r.created_at,
});

/**
 * What a module takes, and how a refusal names the field: a module keeps its own types and its
 * own Chinese message (appeals: images and PDF on 'body.file'; the ten-minute photo: three image
 * types on 'body.photo'). Default: every FILE_TYPES on 'file' at upload, images and PDF on 'fileIds' at claim.
 */
export interface Accepts {
  types?: readonly FileType[];
  field?: string;
  message?: string;
}

/**
 * Stores the bytes and records an unclaimed upload of call.actor; the caller removes the bytes if
 * the transaction fails (`uploadingWrite` does, so routes never touch the file system).
 */
export async function upload(call: WriteCall, dataDir: string, file: { filename?: string; data: Buffer }, accepts: Accepts = {}): Promise<FileRef> {
  const type = sniff(file.data);
  if (!type || !(accepts.types ?? FILE_TYPES).includes(type)) throw invalid(accepts.field ?? 'file', accepts.message ?? FM['files.type']);
  const id = newId();
  const sha256 = createHash('sha256').update(file.data).digest('hex');
  const row = {
    id,
    owner_kind: null,
    owner_id: null,
    uploader_account_id: call.actor.accountId,
    name: safeFileName(file.filename, type),
    type,
    size: file.data.length,
    sha256,
    storage_key: storageKeyOf(id),
    created_at: call.iso,
    claimed_at: null,
  };
  await writeStored(dataDir, row.storage_key, file.data);
  await call.tx.insertInto('files').values(row).execute();
  // Whether the record that claims it will be anonymous is not known yet, so the upload is audited without account or address.
  await recordAudit(call.tx, anonymousContext(call.ctx), {
    action: 'file.upload',
    entityType: 'file',
    entityId: id,
    changes: { type, size: row.size, sha256 },
  });
  return refOf(row);
}

/**
 * Makes call.actor's unclaimed uploads the files of `owner`, in the caller's transaction.
 * 422 (field 'fileIds') when one is unknown, already claimed, someone else's, or of a type
 * `opts.types` does not accept (default: images and PDF; add DOCX/XLSX where a module allows them);
 * `opts.field`/`opts.message` name the field in the module's own words.
 */
export async function claimFiles(call: WriteCall, fileIds: string[], owner: { kind: string; id: string }, opts: Accepts = {}): Promise<FileRef[]> {
  const ids = [...new Set(fileIds)];
  if (!ids.length) return [];
  const res = await call.tx
    .updateTable('files')
    .set({ owner_kind: owner.kind, owner_id: owner.id, claimed_at: call.iso })
    .where('id', 'in', ids)
    .where('uploader_account_id', '=', call.actor.accountId)
    .where('claimed_at', 'is', null)
    .where('type', 'in', [...(opts.types ?? IMAGE_AND_PDF)])
    .executeTakeFirst();
  // Throwing rolls back the claims already made: all the files or none.
  if (Number(res.numUpdatedRows) !== ids.length) throw invalid(opts.field ?? 'fileIds', opts.message ?? FM['files.claim']);
  const rows = await call.tx.selectFrom('files').select(['id', 'name', 'type', 'size', 'created_at']).where('id', 'in', ids).execute();
  const byId = new Map(rows.map((r) => [r.id, refOf(r)]));
  return ids.map((id) => byId.get(id)!);
}

/** The files of a record, in upload order. */
export async function filesOf(db: Db | Tx, owner: { kind: string; id: string }): Promise<FileRef[]> {
  const rows = await db
    .selectFrom('files')
    .select(['id', 'name', 'type', 'size', 'created_at'])
    .where('owner_kind', '=', owner.kind)
    .where('owner_id', '=', owner.id)
    .where('released_at', 'is', null)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map(refOf);
}

/** Which of `ownerIds` (records of one kind) hold a file: one read for a page of records. */
export async function ownersWithFiles(db: Db | Tx, kind: string, ownerIds: string[]): Promise<Set<string>> {
  if (!ownerIds.length) return new Set();
  const rows = await db
    .selectFrom('files')
    .select('owner_id')
    .distinct()
    .where('owner_kind', '=', kind)
    .where('owner_id', 'in', ownerIds)
    .where('released_at', 'is', null)
    .execute();
  return new Set(rows.map((r) => r.owner_id!));
}

/**
 * Lets a record's files go (a removed photo), in the caller's transaction: they vanish from
 * filesOf at once and 'core.filesSweep' removes rows and bytes within the hour. Returns how many.
 */
export async function releaseFiles(call: WriteCall, owner: { kind: string; id: string }): Promise<number> {
  const res = await call.tx
    .updateTable('files')
    .set({ released_at: call.iso })
    .where('owner_kind', '=', owner.kind)
    .where('owner_id', '=', owner.id)
    .where('released_at', 'is', null)
    .executeTakeFirst();
  return Number(res.numUpdatedRows);
}

/** One file of a record, or null when it is not the record's (the route then answers 404). */
export async function fileOf(call: Call, owner: { kind: string; id: string }, fileId: string): Promise<FileRef | null> {
  return (await filesOf(call.db, owner)).find((f) => f.id === fileId) ?? null;
}

/**
 * Answers with a file's bytes under headers that keep a browser from running anything in it:
 * the type found at upload, nosniff, a sandboxing CSP, inline only for images. The route has
 * checked that the caller may read the record and that the file is the record's.
 */
export async function sendFile(reply: FastifyReply, dataDir: string, file: FileRef): Promise<FastifyReply> {
  const key = storageKeyOf(file.id);
  // The row outlived its bytes (a data directory restored without its files): say so, not 500.
  if (!isStored(dataDir, key)) throw new AppError(410, 'gone', FM['files.gone']);
  const disposition = file.type.startsWith('image/') ? 'inline' : 'attachment';
  const dot = file.name.lastIndexOf('.');
  return reply
    .header('content-type', file.type)
    .header('content-length', String(file.size))
    .header('content-disposition', `${disposition}; filename="file${dot >= 0 ? file.name.slice(dot) : ''}"; filename*=UTF-8''${encodeURIComponent(file.name)}`)
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', "default-src 'none'; img-src 'self'; sandbox")
    .header('cache-control', 'private, no-store')
    .send(fs.createReadStream(storedPath(dataDir, key)));
}

/** Removes uploads nobody claimed within a day and files their records let go, rows and bytes; returns how many. */
export async function sweepUnclaimed(db: Db, dataDir: string, now: Date): Promise<number> {
  const before = new Date(now.getTime() - UNCLAIMED_TTL_MS).toISOString();
  const stale = await db
    .selectFrom('files')
    .select(['id', 'storage_key'])
    .where('claimed_at', 'is', null)
    .where('created_at', '<', before)
    .limit(500)
    .execute();
  const released = await db.selectFrom('files').select(['id', 'storage_key']).where('released_at', 'is not', null).limit(500).execute();
  let n = 0;
  for (const f of stale) {
    // The row goes only while still unclaimed: a claim racing the sweep keeps its file.
    const gone = await db.deleteFrom('files').where('id', '=', f.id).where('claimed_at', 'is', null).executeTakeFirst();
    if (Number(gone.numDeletedRows) === 1) n += await removeBytes(dataDir, f.storage_key);
  }
  for (const f of released) {
    const gone = await db.deleteFrom('files').where('id', '=', f.id).where('released_at', 'is not', null).executeTakeFirst();
    if (Number(gone.numDeletedRows) === 1) n += await removeBytes(dataDir, f.storage_key);
  }
  return n;
}

/** A row still carrying a legacy key had no bytes to adopt (see legacy.ts): there is nothing to remove. */
async function removeBytes(dataDir: string, key: string): Promise<number> {
  if (isCoreKey(key)) await removeStored(dataDir, key);
  return 1;
}
