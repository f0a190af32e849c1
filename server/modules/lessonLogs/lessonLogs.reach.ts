/**
 * Students reached, kept at write time: each student of a class holds a seat (a fixed bit), and
 * each log stores the mask of the students it tallied. The distinct students a set of logs
 * reached is then the popcount of the union of their masks per class — exact, without reading
 * the tallies (the dashboard at scale L read 250 000 of them per request).
 */
import type { Tx } from '../../core/db/database.js';
import { ldb } from './lessonLogs.tables.js';

/** The seats of some students of a class, handing out the missing ones. */
export async function seatsOf(db: Tx, classId: string, studentIds: readonly string[]): Promise<Map<string, number>> {
  const l = ldb(db);
  const ids = [...new Set(studentIds)];
  if (!ids.length) return new Map();
  const read = async (of: string[]) =>
    (await l.selectFrom('lesson_seats').select(['student_id', 'seat']).where('class_id', '=', classId).where('student_id', 'in', of).execute()).map(
      (r) => [r.student_id, Number(r.seat)] as const,
    );
  const out = new Map(await read(ids));
  const missing = ids.filter((id) => !out.has(id));
  if (!missing.length) return out;
  const block = await l
    .insertInto('lesson_seat_counters')
    .values({ class_id: classId, next: missing.length })
    .onConflict((oc) => oc.column('class_id').doUpdateSet((eb) => ({ next: eb(eb.ref('lesson_seat_counters.next'), '+', missing.length) })))
    .returning('next')
    .executeTakeFirstOrThrow();
  const first = Number(block.next) - missing.length;
  await l
    .insertInto('lesson_seats')
    .values(missing.map((student_id, i) => ({ class_id: classId, student_id, seat: first + i })))
    .onConflict((oc) => oc.columns(['class_id', 'student_id']).doNothing())
    .execute();
  // Another teacher's log may have seated one of them first: theirs stands.
  for (const [id, seat] of await read(missing)) out.set(id, seat);
  return out;
}

export function maskOf(seats: Iterable<number>): string {
  let m = 0n;
  for (const s of seats) m |= 1n << BigInt(s);
  return m === 0n ? '' : m.toString(16);
}

/** Unions masks (hex, comma-joined lists allowed) into one. */
export function union(into: bigint, masks: string | null | undefined): bigint {
  if (!masks) return into;
  for (const m of masks.split(',')) if (m) into |= BigInt(`0x${m}`);
  return into;
}

export function popcount(m: bigint): number {
  let n = 0;
  for (; m; m &= m - 1n) n++;
  return n;
}

/**
 * A union of masks kept as 32-bit words (lowest first): the compliance page folds thousands of
 * hex masks per request, and a BigInt per mask (parse, OR, popcount) made garbage enough to be
 * ~8 % of its profile at scale L. Same answers as `union` + `popcount`.
 */
export type Words = number[];

/** ORs hex masks (comma-joined lists allowed) into `words`. */
export function orHex(words: Words, masks: string | null | undefined): Words {
  if (!masks) return words;
  let end = masks.length;
  while (end > 0) {
    const comma = masks.lastIndexOf(',', end - 1);
    // One mask is masks[comma + 1, end): its words from the right, eight hex digits each.
    for (let hi = end, w = 0; hi > comma + 1; hi -= 8, w++) {
      const v = parseInt(masks.slice(Math.max(comma + 1, hi - 8), hi), 16);
      words[w] = ((words[w] ?? 0) | v) >>> 0;
    }
    end = comma;
  }
  return words;
}

export function popcountWords(words: Words): number {
  let n = 0;
  for (let v of words) {
    v = v - ((v >>> 1) & 0x55555555);
    v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
    n += Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
  }
  return n;
}
