/**
 * A write that stores uploaded bytes, for the routes that take a file (core's POST /files,
 * appeals' attachment upload, the ten-minute session with its photo). The bytes are written
 * before the transaction commits, so they are removed here when the write fails or turns out
 * to be a replay of an Idempotency-Key — the route itself never touches the file system.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { WriteCall } from '../call.js';
import type { Db } from '../db/database.js';
import { writeCall } from '../http/call.js';
import { removeStored, storageKeyOf } from './storage.js';
import { upload, type Accepts, type FileRef } from './files.service.js';

/** Stores one upload of the call's actor (unclaimed until the write's record claims it). */
export type Store = (file: { filename?: string; data: Buffer }, accepts?: Accepts) => Promise<FileRef>;

export async function uploadingWrite<T>(
  db: Db,
  dataDir: string,
  req: FastifyRequest,
  reply: FastifyReply,
  status: number,
  work: (call: WriteCall, store: Store) => Promise<T>,
): Promise<T> {
  const stored: string[] = [];
  const dropStored = () => Promise.all(stored.splice(0).map((key) => removeStored(dataDir, key)));
  try {
    const result = await writeCall(db, req, reply, status, (call) =>
      work(call, async (file, accepts) => {
        const ref = await upload(call, dataDir, file, accepts);
        stored.push(storageKeyOf(ref.id));
        return ref;
      }),
    );
    // A racing retry with the same Idempotency-Key lost: the first write's answer stands, our bytes go.
    if (reply.getHeader('idempotent-replay') === 'true') await dropStored();
    return result;
  } catch (err) {
    await dropStored();
    throw err;
  }
}
