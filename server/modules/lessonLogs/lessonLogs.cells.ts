/**
 * Compliance kept at write time (migration 20261207_1250): one cell per class, teacher, subject
 * and ISO week holding the logs, those meeting the 35+10 and each ten, and the union of the logs'
 * masks of students reached. Logging a lesson adds it to its cell (one upsert; one update more
 * when the mask grows); completing the after-class items recounts the cell from its few logs.
 * The dashboard sums the cells of the whole weeks of its period and reads the logs of the days
 * at either end that do not fill a week, so every figure still equals a recount of the logs.
 */
import { sql } from 'kysely';
import type { Tx } from '../../core/db/database.js';
import { addDays } from '../../core/calendar/calendar.js';
import { joinedTexts } from '../../core/db/dialect.js';
import { prepared } from '../../core/db/prepared.js';
import { standardMet, TEN } from '../../../common/lessonLogs.js';
import { weekOf, weekStart } from '../../../common/school.js';
import { union } from './lessonLogs.reach.js';
import { complianceCells, type CellBy } from './lessonLogs.repository.js';
import { ldb, type LDb, type LessonLogCellTable, type LessonLogTable } from './lessonLogs.tables.js';

const COUNTS = ['logged', 'standard_met', 'questioned', 'homework_checked', 'demonstrations', 'practice_minutes', 'corrections', 'tutoring'] as const;
type Counts = Record<(typeof COUNTS)[number], number>;
type Measured = Pick<
  LessonLogTable,
  'minutes_taught' | 'minutes_checking' | 'questioned' | 'homework_checked' | 'demonstrations' | 'practice_minutes' | 'corrections' | 'tutoring'
>;

export const mondayOf = (date: string) => weekStart(weekOf(date));

/** What one log adds to its cell: itself, and a 1 for each rule it meets. */
function countsOf(l: Measured): Counts {
  const met = (n: number | null) => ((n ?? 0) >= TEN ? 1 : 0);
  return {
    logged: 1,
    standard_met: standardMet(l.minutes_taught, l.minutes_checking) ? 1 : 0,
    questioned: met(l.questioned),
    homework_checked: met(l.homework_checked),
    demonstrations: met(l.demonstrations),
    practice_minutes: met(l.practice_minutes),
    corrections: met(l.corrections),
    tutoring: met(l.tutoring),
  };
}

type CellKey = Pick<LessonLogTable, 'class_id' | 'teacher_id' | 'subject'> & { week_start: string };
const keyOf = (l: Pick<LessonLogTable, 'class_id' | 'teacher_id' | 'subject' | 'date'>): CellKey => ({
  class_id: l.class_id,
  teacher_id: l.teacher_id,
  subject: l.subject,
  week_start: mondayOf(l.date),
});

const CELL_COLUMNS = ['class_id', 'teacher_id', 'subject', 'week_start', 'school_id', 'grade_id', ...COUNTS, 'reached'] as const;
/** The upsert every log makes, compiled once (logging a lesson is the write a teacher waits on). */
const upsertCell = prepared((d: LDb, p: LessonLogCellTable) =>
  d
    .insertInto('lesson_log_cells')
    .values(Object.fromEntries(CELL_COLUMNS.map((c) => [c, p[c]])) as unknown as LessonLogCellTable)
    .onConflict((oc) =>
      oc
        .columns(['class_id', 'teacher_id', 'subject', 'week_start'])
        .doUpdateSet((eb) => Object.fromEntries(COUNTS.map((c) => [c, eb(eb.ref(`lesson_log_cells.${c}`), '+', eb.ref(`excluded.${c}`))]))),
    )
    .returning('reached'),
);

/** A new log into its cell. On PostgreSQL the upsert holds the cell's row until commit, so the mask read back is the latest. */
export async function addToCell(db: Tx, log: LessonLogTable): Promise<void> {
  const key = keyOf(log);
  const { rows } = await upsertCell.run(db, { ...key, school_id: log.school_id, grade_id: log.grade_id, ...countsOf(log), reached: log.reached });
  const was = rows[0]!.reached;
  const mask = union(union(0n, was), log.reached);
  const hex = mask === 0n ? '' : mask.toString(16);
  if (hex !== was) await whereKey(ldb(db).updateTable('lesson_log_cells').set({ reached: hex }), key).execute();
}

/** A log's cell counted again from its logs (after-class items change counts and may drop students). */
export async function recountCell(db: Tx, log: Pick<LessonLogTable, 'class_id' | 'teacher_id' | 'subject' | 'date'>): Promise<void> {
  const key = keyOf(log);
  const l = ldb(db);
  // Taking the cell's row first: a log of the same cell committed meanwhile is then in the recount.
  await whereKey(
    l.updateTable('lesson_log_cells').set((eb) => ({ logged: eb.ref('logged') })),
    key,
  ).execute();
  const logs = await l
    .selectFrom('lesson_logs')
    .select([
      'minutes_taught',
      'minutes_checking',
      'questioned',
      'homework_checked',
      'demonstrations',
      'practice_minutes',
      'corrections',
      'tutoring',
      'reached',
    ])
    .where('teacher_id', '=', key.teacher_id)
    .where('date', '>=', key.week_start)
    .where('date', '<=', addDays(key.week_start, 6))
    .where('class_id', '=', key.class_id)
    .where('subject', '=', key.subject)
    .execute();
  const sum = Object.fromEntries(COUNTS.map((c) => [c, 0])) as Counts;
  let mask = 0n;
  for (const row of logs) {
    const n = countsOf(row);
    for (const c of COUNTS) sum[c] += n[c];
    mask = union(mask, row.reached);
  }
  await whereKey(l.updateTable('lesson_log_cells').set({ ...sum, reached: mask === 0n ? '' : mask.toString(16) }), key).execute();
}

function whereKey<Q extends { where: (...a: any[]) => Q }>(q: Q, key: CellKey): Q {
  return q
    .where('class_id', '=', key.class_id)
    .where('teacher_id', '=', key.teacher_id)
    .where('subject', '=', key.subject)
    .where('week_start', '=', key.week_start);
}

/** Every cell of a school rebuilt from its logs: for bulk loaders (the demo seed, the bench) that write logs directly. */
export async function rebuildCells(db: Tx, schoolId: string): Promise<number> {
  const l = ldb(db);
  await l.deleteFrom('lesson_log_cells').where('school_id', '=', schoolId).execute();
  const rows = await l
    .selectFrom('lesson_logs')
    .select(['class_id', 'teacher_id', 'subject', 'date', 'grade_id'])
    .select((eb) => [
      eb.fn.countAll<number>().as('logged'),
      ...(['questioned', 'homework_checked', 'demonstrations', 'practice_minutes', 'corrections', 'tutoring'] as const).map((c) =>
        sql<number>`sum(case when coalesce(${sql.ref(c)}, 0) >= ${TEN} then 1 else 0 end)`.as(c),
      ),
      sql<number>`sum(case when minutes_taught <= 35 and minutes_checking >= 10 then 1 else 0 end)`.as('standard_met'),
      joinedTexts(db, sql`nullif(reached, '')`).as('reached'),
    ])
    .where('school_id', '=', schoolId)
    .groupBy(['class_id', 'teacher_id', 'subject', 'date', 'grade_id'])
    .execute();
  const cells = new Map<string, LessonLogCellTable & { mask: bigint }>();
  for (const r of rows) {
    const key = keyOf(r);
    const k = `${key.class_id}|${key.teacher_id}|${key.subject}|${key.week_start}`;
    let c = cells.get(k);
    if (!c)
      cells.set(
        k,
        (c = { ...key, school_id: schoolId, grade_id: r.grade_id, ...(Object.fromEntries(COUNTS.map((n) => [n, 0])) as Counts), reached: '', mask: 0n }),
      );
    for (const n of COUNTS) c[n] += Number(r[n]);
    c.mask = union(c.mask, r.reached);
  }
  const out = [...cells.values()].map(({ mask, ...c }) => ({ ...c, reached: mask === 0n ? '' : mask.toString(16) }));
  for (let i = 0; i < out.length; i += 300)
    await l
      .insertInto('lesson_log_cells')
      .values(out.slice(i, i + 300))
      .execute();
  return out.length;
}

/** The cells' column a cut groups by (the week cut by the week's Monday). */
const CELL_COLUMN: Record<CellBy, 'teacher_id' | 'subject' | 'grade_id' | 'week_start'> = {
  teacher_id: 'teacher_id',
  subject: 'subject',
  grade_id: 'grade_id',
  date: 'week_start',
};

/**
 * repo.complianceCells' rows from the cells of the weeks starting `fromMonday` … `toMonday`:
 * per cut value and class, the counts and the masks (joined) of students reached.
 */
export function cellsOfWeeks(db: Tx, schoolId: string, fromMonday: string, toMonday: string, by: CellBy, teacherId?: string, by2?: CellBy) {
  const c1 = CELL_COLUMN[by];
  const c2 = CELL_COLUMN[by2 ?? by];
  return ldb(db)
    .selectFrom('lesson_log_cells')
    .select([sql.ref<string | null>(c1).as('key'), sql.ref<string | null>(c2).as('key2'), 'class_id'])
    .select((eb) => [...COUNTS.map((c) => eb.fn.sum<number>(c).as(c)), joinedTexts(db, sql`nullif(reached, '')`).as('reached')])
    .where('school_id', '=', schoolId)
    .where('week_start', '>=', fromMonday)
    .where('week_start', '<=', toMonday)
    .$if(!!teacherId, (q) => q.where('teacher_id', '=', teacherId!))
    .groupBy(by2 ? [c1, c2, 'class_id'] : [c1, 'class_id'])
    .execute();
}

/**
 * How a period splits: the whole weeks the cells answer, and the days at either end read from
 * the logs. A week the period ends in is whole for the cells when no log of the school lies after
 * `to` in it (a period to today: nothing is logged ahead of the day).
 */
export async function splitPeriod(db: Tx, schoolId: string, from: string, to: string): Promise<{ weeks: [string, string] | null; edges: [string, string][] }> {
  let first = mondayOf(from);
  if (first < from) first = addDays(first, 7);
  let last = mondayOf(to);
  if (addDays(last, 6) > to) {
    const later = await ldb(db)
      .selectFrom('lesson_logs')
      .select('id')
      .where('school_id', '=', schoolId)
      .where('date', '>', to)
      .where('date', '<=', addDays(last, 6))
      .limit(1)
      .executeTakeFirst();
    if (later) last = addDays(last, -7);
  }
  if (first > last) return { weeks: null, edges: [[from, to]] };
  const edges: [string, string][] = [];
  if (from < first) edges.push([from, addDays(first, -1)]);
  const tail = addDays(last, 7);
  if (tail <= to) edges.push([tail, to]);
  return { weeks: [first, last], edges };
}

/** Compliance rows per cut value and class for a period: the cells of its whole weeks, the logs of the days left at either end. */
export async function cellsOfPeriod(db: Tx, schoolId: string, from: string, to: string, by: CellBy, teacherId?: string, by2?: CellBy) {
  const { weeks, edges } = await splitPeriod(db, schoolId, from, to);
  const out = weeks ? await cellsOfWeeks(db, schoolId, weeks[0], weeks[1], by, teacherId, by2) : [];
  for (const [a, b] of edges) out.push(...(await complianceCells(db, schoolId, a, b, by, teacherId, by2)));
  return out;
}
