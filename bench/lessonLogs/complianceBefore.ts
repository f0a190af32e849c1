/**
 * The school compliance page as it was read before session 16, frozen here so the benchmark can
 * time it against the module's in the same run: the cells through the narrow (school_id,
 * week_start) index (a table row fetched per cell; SQLite is told `indexed by` it, the benchmark
 * creates it for this baseline), each mask parsed to a BigInt, and the lessons timetabled summed
 * by one statement per group of classes and batch of 400 (two statements at scale L), each
 * joining every slot with every week's days. The office's view only (no teacher filter).
 */
import { sql, type Kysely } from 'kysely';
import type { Db } from '../../server/core/db/database.js';
import { addDays } from '../../server/core/calendar/calendar.js';
import { engineOf } from '../../server/core/db/dialect.js';
import { lessonLogsSchedule } from '../../server/modules/lessonLogs/index.js';
import { TENS, type ComplianceCut } from '../../common/lessonLogs.js';
import type { Compliance, ComplianceRow } from '../../common/schemas/lessonLogs.js';
import { compareNames, weekOf } from '../../common/school.js';

type Classes = Awaited<ReturnType<typeof lessonLogsSchedule.classesOfSchool>>;
type Groups = Awaited<ReturnType<typeof lessonLogsSchedule.dayGroups>>;
const COUNTS = ['logged', 'standard_met', 'questioned', 'homework_checked', 'demonstrations', 'practice_minutes', 'corrections', 'tutoring'] as const;
type Cell = { key: string | null; key2: string | null; class_id: string; reached: string | null } & Record<(typeof COUNTS)[number], number>;
const k = (db: Db) => db as unknown as Kysely<any>;
const isPg = (db: Db) => engineOf(k(db)) === 'postgres';
const agg = (db: Db) => (isPg(db) ? sql`string_agg(nullif(reached, ''), ',')` : sql`group_concat(nullif(reached, ''), ',')`);

export const NARROW_INDEX = 'create index if not exists lesson_log_cells_school on lesson_log_cells (school_id, week_start)';

const COL = { teacher_id: 'teacher_id', subject: 'subject', grade_id: 'grade_id', date: 'week_start' } as const;
const CUT: Record<ComplianceCut, [keyof typeof COL, keyof typeof COL]> = {
  teacher: ['teacher_id', 'teacher_id'],
  subject: ['subject', 'subject'],
  grade: ['grade_id', 'grade_id'],
  week: ['date', 'date'],
  teacherWeek: ['teacher_id', 'date'],
};

async function cellsOfWeeks(db: Db, schoolId: string, a: string, b: string, cut: ComplianceCut): Promise<Cell[]> {
  const [c1, c2] = CUT[cut].map((c) => COL[c]);
  const groupBy = c1 === c2 ? sql`${sql.ref(c1)}, class_id` : sql`${sql.ref(c1)}, ${sql.ref(c2)}, class_id`;
  const { rows } = await sql<Cell>`select ${sql.ref(c1)} as key, ${sql.ref(c2)} as key2, class_id,
      ${sql.join(COUNTS.map((c) => sql`sum(${sql.ref(c)}) as ${sql.ref(c)}`))}, ${agg(db)} as reached
    from lesson_log_cells ${isPg(db) ? sql`` : sql`indexed by lesson_log_cells_school`}
    where school_id = ${schoolId} and week_start >= ${a} and week_start <= ${b}
    group by ${groupBy}`.execute(k(db));
  return rows;
}

async function logCells(db: Db, schoolId: string, a: string, b: string, cut: ComplianceCut): Promise<Cell[]> {
  const [c1, c2] = CUT[cut];
  const met = (cond: ReturnType<typeof sql>) => sql`sum(case when ${cond} then 1 else 0 end)`;
  const groupBy = c1 === c2 ? sql`${sql.ref(c1)}, class_id` : sql`${sql.ref(c1)}, ${sql.ref(c2)}, class_id`;
  const { rows } = await sql<Cell>`select ${sql.ref(c1)} as key, ${sql.ref(c2)} as key2, class_id, count(*) as logged,
      ${met(sql`minutes_taught <= 35 and minutes_checking >= 10`)} as standard_met,
      ${sql.join(['questioned', 'homework_checked', 'demonstrations', 'practice_minutes'].map((c) => sql`${met(sql`${sql.ref(c)} >= 10`)} as ${sql.ref(c)}`))},
      ${met(sql`coalesce(corrections, 0) >= 10`)} as corrections, ${met(sql`coalesce(tutoring, 0) >= 10`)} as tutoring, ${agg(db)} as reached
    from lesson_logs where school_id = ${schoolId} and date >= ${a} and date <= ${b}
    group by ${groupBy}`.execute(k(db));
  return rows;
}

async function timetabledBy(db: Db, groups: Groups, column: string | null, byWeek: boolean) {
  const out: { key: string; week: string; n: number }[] = [];
  for (const g of groups) {
    const counts = new Map<string, { wd: number; week: string; n: number }>();
    for (const d of g.days) {
      const week = byWeek ? weekOf(d.date) : '';
      const c = counts.get(`${d.weekday}|${week}`) ?? counts.set(`${d.weekday}|${week}`, { wd: d.weekday, week, n: 0 }).get(`${d.weekday}|${week}`)!;
      c.n++;
    }
    if (!counts.size) continue;
    const days = sql.join([...counts.values()].map((c) => sql`(cast(${c.wd} as integer), ${c.week}, cast(${c.n} as integer))`));
    const key = column ? sql.ref(`s.${column}`) : sql`''`;
    for (let i = 0; i < g.classIds.length; i += 400) {
      const { rows } = await sql<{ key: string; week: string; n: number | string }>`with days(wd, week, n) as (values ${days})
        select ${key} as key, d.week as week, sum(d.n) as n
        from timetable_slots s join days d on d.wd = s.weekday
        where s.class_id in (${sql.join(g.classIds.slice(i, i + 400))})
        group by ${column ? sql`${key}, d.week` : sql`d.week`}`.execute(k(db));
      for (const r of rows) out.push({ key: r.key, week: r.week, n: Number(r.n) });
    }
  }
  return out;
}

function union(into: bigint, masks: string | null): bigint {
  if (!masks) return into;
  for (const m of masks.split(',')) if (m) into |= BigInt(`0x${m}`);
  return into;
}
function popcount(m: bigint): number {
  let n = 0;
  for (; m; m &= m - 1n) n++;
  return n;
}
const monday = (date: string) => {
  const ms = Date.parse(`${date}T00:00:00Z`);
  return new Date(ms - ((new Date(ms).getUTCDay() + 6) % 7) * 86_400_000).toISOString().slice(0, 10);
};

/** The office's compliance as read before; `classes` as lessonLogsSchedule.classesOfSchool gives them (read inside, as before). */
export async function complianceBefore(
  db: Db,
  school: { id: string; path: string },
  q: { from: string; to: string; cut: ComplianceCut },
  today: string,
): Promise<Compliance> {
  const classes: Classes = await lessonLogsSchedule.classesOfSchool(db, school);
  const gradeOf = new Map(classes.map((c) => [c.id, c.gradeId ?? '']));
  const grades = new Map(classes.map((c) => [c.gradeId ?? '', c.gradeName ?? '—']));
  const upTo = [q.to, today].sort()[0]!;
  const rowKey = (v: string | null, v2: string | null) => (q.cut === 'week' ? weekOf(v!) : q.cut === 'teacherWeek' ? `${v}|${weekOf(v2!)}` : (v ?? ''));
  const column = q.cut === 'teacher' || q.cut === 'teacherWeek' ? 'teacher_id' : q.cut === 'subject' ? 'subject' : q.cut === 'grade' ? 'class_id' : null;
  const timetabled = new Map<string, number>();
  if (upTo >= q.from)
    for (const r of await timetabledBy(
      db,
      await lessonLogsSchedule.dayGroups(db, classes, q.from, upTo),
      column,
      q.cut === 'week' || q.cut === 'teacherWeek',
    )) {
      const key = q.cut === 'grade' ? (gradeOf.get(r.key) ?? '') : q.cut === 'week' ? r.week : q.cut === 'teacherWeek' ? `${r.key}|${r.week}` : r.key;
      timetabled.set(key, (timetabled.get(key) ?? 0) + r.n);
    }
  // The period split as lessonLogs.cells.ts splits it: whole weeks from the cells, the ends from the logs.
  let first = monday(q.from);
  if (first < q.from) first = addDays(first, 7);
  let last = monday(q.to);
  if (addDays(last, 6) > q.to) {
    const later = await k(db)
      .selectFrom('lesson_logs')
      .select('id')
      .where('school_id', '=', school.id)
      .where('date', '>', q.to)
      .where('date', '<=', addDays(last, 6))
      .limit(1)
      .executeTakeFirst();
    if (later) last = addDays(last, -7);
  }
  const cells: Cell[] = [];
  if (first > last) cells.push(...(await logCells(db, school.id, q.from, q.to, q.cut)));
  else {
    cells.push(...(await cellsOfWeeks(db, school.id, first, last, q.cut)));
    if (q.from < first) cells.push(...(await logCells(db, school.id, q.from, addDays(first, -1), q.cut)));
    if (addDays(last, 7) <= q.to) cells.push(...(await logCells(db, school.id, addDays(last, 7), q.to, q.cut)));
  }
  type Row = ComplianceRow & { masks: Map<string, bigint> };
  const rows = new Map<string, Row>();
  const row = (key: string) =>
    rows.get(key) ??
    rows
      .set(key, {
        key,
        label: '',
        timetabled: 0,
        logged: 0,
        standardMet: 0,
        tens: Object.fromEntries(TENS.map((t) => [t, 0])) as ComplianceRow['tens'],
        studentsReached: 0,
        masks: new Map(),
      })
      .get(key)!;
  for (const [key, n] of timetabled) row(key).timetabled += n;
  for (const c of cells) {
    const r = row(rowKey(c.key, c.key2));
    r.logged += Number(c.logged);
    r.standardMet += Number(c.standard_met);
    r.tens.questioned += Number(c.questioned);
    r.tens.homeworkChecked += Number(c.homework_checked);
    r.tens.demonstrations += Number(c.demonstrations);
    r.tens.practiceMinutes += Number(c.practice_minutes);
    r.tens.corrections += Number(c.corrections);
    r.tens.tutoring += Number(c.tutoring);
    r.masks.set(c.class_id, union(r.masks.get(c.class_id) ?? 0n, c.reached));
  }
  const byTeacher = q.cut === 'teacher' || q.cut === 'teacherWeek';
  const teacherOf = (key: string) => (q.cut === 'teacherWeek' ? key.split('|')[0]! : key);
  const names = new Map<string, string>();
  if (byTeacher) {
    const ids = [...new Set([...rows.keys()].map(teacherOf))];
    for (let i = 0; i < ids.length; i += 500)
      for (const p of await k(db)
        .selectFrom('persons')
        .select(['id', 'name'])
        .where('id', 'in', ids.slice(i, i + 500))
        .execute())
        names.set(p.id, p.name);
  }
  const labelOf = (key: string) => (byTeacher ? (names.get(teacherOf(key)) ?? '—') : q.cut === 'grade' ? (grades.get(key) ?? '—') : key);
  const out = [...rows.values()].map(({ masks, ...r }) => ({
    ...r,
    label: labelOf(r.key),
    studentsReached: [...masks.values()].reduce((n, m) => n + popcount(m), 0),
  }));
  out.sort((a, b) => (q.cut === 'week' ? (a.key < b.key ? -1 : 1) : compareNames(a.label, b.label) || (a.key < b.key ? -1 : 1)));
  return { cut: q.cut, from: q.from, to: q.to, own: false, rows: out };
}
