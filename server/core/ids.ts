import { randomFillSync } from 'node:crypto';

// One call into the system's random source per 256 ids instead of two per id: every write
// mints ids (the record, its audit row, its timeline), and the call cost showed in profiles.
const POOL = Buffer.alloc(16 * 256);
let poolAt = POOL.length;

function random16(): Buffer {
  if (poolAt === POOL.length) {
    randomFillSync(POOL);
    poolAt = 0;
  }
  const b = Buffer.from(POOL.subarray(poolAt, poolAt + 16));
  poolAt += 16;
  return b;
}

let lastMs = 0;
let seq = 0;

/**
 * UUIDv7: opaque to users, but sortable by creation time, so primary-key order is
 * insertion order and B-tree inserts stay append-mostly on both engines.
 * A 12-bit counter keeps ids monotonic within one millisecond of one process.
 */
export function newId(): string {
  let ms = Date.now();
  if (ms <= lastMs) {
    ms = lastMs;
    seq = (seq + 1) & 0xfff;
    if (seq === 0) ms = ++lastMs;
  } else {
    lastMs = ms;
    seq = -1;
  }
  const b = random16();
  // A fresh millisecond starts its counter at a random point, so ids of two processes rarely collide in order.
  if (seq < 0) seq = b.readUInt16BE(14) & 0x3ff;
  b.writeUIntBE(ms, 0, 6);
  b[6] = 0x70 | (seq >> 8);
  b[7] = seq & 0xff;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** Times are stored as UTC ISO strings; one helper so every module stores the same shape. */
export function nowIso(): string {
  return new Date().toISOString();
}
