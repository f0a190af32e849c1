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
