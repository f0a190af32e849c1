/**
 * Scale-L data for the 35+10 lesson log (issue #21): one school of 450 classes (9 grades × 50)
 * with 40 students each, 1 500 teachers (each with an account) assigned 8 subjects a class, a
 * 5 × 7 timetable per class, and `days` calendar days of lesson logs before the last school day
 * (90 % logged), with per-student tallies for the last `tallyDays` days. The last school day is left
 * unlogged for the write benchmark. Written in bulk, newest day first (the tallies' time box cuts
 * the oldest); deterministic (seeded) but for where the time box falls. The compliance cells are
 * rebuilt from the logs at the end, as the service would have kept them.
 */
import type { Kysely } from 'kysely';
import type { Db } from '../../server/core/db/database.js';
import { addDays, workCalendar } from '../../server/core/calendar/calendar.js';
import { newId } from '../../server/core/ids.js';
import { Rng } from '../../server/core/random.js';
import type { OrgTable } from '../../server/core/db/schema.js';
import { bulk, worldRows } from '../world.js';
import { maskOf, rebuildCells } from '../../server/modules/lessonLogs/index.js';

export const SCALE_L = { grades: 9, classesPerGrade: 50, students: 40, teachers: 1500, periods: 7 };
const SUBJECTS = ['语文', '数学', '英语', '物理', '化学', '历史', '地理', '生物'];

export interface Built {
  school: { id: string; path: string };
  classes: { id: string; path: string }[];
  officeAccount: string;
  teacherAccount: Map<string, string>;
  /** Slots of the last school day, unlogged: [classId, period, teacherId]. */
  open: { classId: string; period: number; teacherId: string }[];
  lastDay: string;
  logs: number;
  tallies: number;
  /** Calendar days of logs before the last school day. */
  days: number;
  /** The oldest day with tallies (the time box may stop them before `tallyDays`). */
  talliedFrom: string;
}

export interface BuildOptions {
  /** Days before the last school day whose logs get per-student tallies (ten students a log). */
  tallyDays: number;
  /** The time box for tallies: after it, older days are logged without them. */
  tallySeconds: number;
}

export async function buildLessonsL(
  db: Db,
  today: string,
  days: number,
  opts: BuildOptions = { tallyDays: 14, tallySeconds: Infinity },
  scale = SCALE_L,
): Promise<Built> {
  const rng = new Rng(21);
  const w = worldRows();
  const iso = w.iso;
  const school = w.org('基准实验中学', 'school', null);
  const orgs = [school];
  const classes: OrgTable[] = [];
  const gradeOf = new Map<string, string>();
  for (let g = 0; g < scale.grades; g++) {
    const grade = w.org(`${g + 1}年级`, 'grade', school);
    orgs.push(grade);
    for (let c = 0; c < scale.classesPerGrade; c++) {
      const cls = w.org(`${g + 1}年级（${c + 1}）班`, 'class', grade);
      classes.push(cls);
      gradeOf.set(cls.id, grade.id);
    }
  }
  orgs.push(...classes);
  await bulk(db, 'orgs', orgs);
  const teachers = Array.from({ length: scale.teachers }, (_, i) => w.person(school.id, 'teacher', `教师${i}`));
  const students = classes.flatMap((c, ci) => Array.from({ length: scale.students }, (_, i) => w.person(c.id, 'student', `学生${ci}-${i}`)));
  await bulk(db, 'persons', [...teachers, ...students], 200);
  const office = w.account('bench.academic');
  const teacherAccounts = teachers.map((t, i) => w.account(`bench.teacher${i}`, t.id));
  await bulk(db, 'accounts', [office, ...teacherAccounts]);
  await bulk(db, 'role_grants', [w.grant(office.id, 'academicOffice', school.id), ...teacherAccounts.map((a) => w.grant(a.id, 'subjectTeacher', school.id))]);

  // Subject s of class c is taught by one teacher; a teacher takes 2–3 classes.
  const duties: { class_id: string; teacher_id: string; duty: string; subject: string; created_at: string }[] = [];
  const teacherOf = new Map<string, string>();
  classes.forEach((c, ci) =>
    SUBJECTS.forEach((subject, si) => {
      const t = teachers[(ci * SUBJECTS.length + si) % teachers.length];
      teacherOf.set(`${c.id}|${subject}`, t.id);
      duties.push({ class_id: c.id, teacher_id: t.id, duty: 'subject', subject, created_at: iso });
    }),
  );
  await bulk(db, 'class_teachers', duties);
  const slots: { class_id: string; weekday: number; period: number; subject: string; teacher_id: string; updated_at: string }[] = [];
  classes.forEach((c, ci) => {
    for (let wd = 1; wd <= 5; wd++)
      for (let p = 1; p <= scale.periods; p++) {
        const subject = SUBJECTS[(ci + wd * 3 + p) % SUBJECTS.length];
        slots.push({ class_id: c.id, weekday: wd, period: p, subject, teacher_id: teacherOf.get(`${c.id}|${subject}`)!, updated_at: iso });
      }
  });
  await bulk(db, 'timetable_slots', slots);
  await bulk(db, 'school_terms', [
    {
      id: newId(),
      school_id: school.id,
      name: '基准学期',
      start_date: addDays(today, -days - 30),
      end_date: addDays(today, 60),
      created_at: iso,
      updated_at: iso,
    },
  ]);

  const cal = await workCalendar(db, school.path);
  let lastDay = today;
  while (!cal.isWorkingDay(lastDay)) lastDay = addDays(lastDay, -1);
  const bySlot = new Map<string, typeof slots>();
  for (const s of slots) (bySlot.get(`${s.class_id}|${s.weekday}`) ?? bySlot.set(`${s.class_id}|${s.weekday}`, []).get(`${s.class_id}|${s.weekday}`)!).push(s);
  const roster = new Map<string, string[]>();
  for (const s of students) (roster.get(s.org_id) ?? roster.set(s.org_id, []).get(s.org_id)!).push(s.id);
  await bulk(
    db,
    'lesson_seats',
    [...roster].flatMap(([class_id, ids]) => ids.map((student_id, seat) => ({ class_id, student_id, seat }))),
    1000,
  );
  await bulk(
    db,
    'lesson_seat_counters',
    [...roster].map(([class_id, ids]) => ({ class_id, next: ids.length })),
  );
  let logs = 0;
  let tallies = 0;
  let talliedFrom = lastDay;
  const t0 = performance.now();
  // Newest day first, so that when the time box runs out the days without tallies are the oldest.
  for (let d = addDays(lastDay, -1); d >= addDays(lastDay, -days); d = addDays(d, -1)) {
    if (!cal.isWorkingDay(d)) continue;
    const wd = ((new Date(d + 'T00:00:00Z').getUTCDay() + 6) % 7) + 1;
    if (wd > 5) continue;
    const rows: object[] = [];
    const taps: object[] = [];
    const tallying = d >= addDays(lastDay, -opts.tallyDays) && performance.now() - t0 < opts.tallySeconds * 1000;
    if (tallying) talliedFrom = d;
    for (const c of classes) {
      for (const s of bySlot.get(`${c.id}|${wd}`) ?? []) {
        if (!rng.chance(0.9)) continue;
        const id = newId();
        // A student's seat (their bit in the log's mask of students reached) is their place on the roster.
        const seen = new Set<number>();
        if (tallying) {
          // About 9 students asked and 5 whose homework was checked: ~14 tallies a log (the issue's ~30 M over ~2 M logs).
          const r = roster.get(c.id)!;
          for (const [kind, picks] of [
            ['questioned', 10],
            ['homeworkChecked', 5],
          ] as const) {
            const mine = new Set<number>();
            for (let k = 0; k < picks; k++) mine.add(rng.int(0, r.length - 1));
            for (const st of mine) {
              taps.push({ log_id: id, kind, student_id: r[st], class_id: c.id, date: d });
              seen.add(st);
            }
          }
        }
        rows.push({
          id,
          class_id: c.id,
          class_path: c.path,
          school_id: school.id,
          grade_id: gradeOf.get(c.id)!,
          teacher_id: s.teacher_id,
          subject: s.subject,
          date: d,
          period: s.period,
          minutes_taught: 35,
          minutes_checking: rng.int(6, 12),
          questioned: rng.int(6, 14),
          homework_checked: rng.int(5, 12),
          demonstrations: rng.int(3, 11),
          practice_minutes: rng.int(6, 12),
          corrections: rng.int(5, 12),
          tutoring: rng.int(4, 11),
          after_class_until: addDays(d, 1),
          reached: maskOf(seen),
          created_by: s.teacher_id,
          created_at: iso,
          updated_at: iso,
        });
      }
    }
    await bulk(db, 'lesson_logs', rows, 200);
    await bulk(db, 'lesson_log_students', taps, 1000);
    logs += rows.length;
    tallies += taps.length;
  }
  await rebuildCells(db, school.id);
  const lastWd = ((new Date(lastDay + 'T00:00:00Z').getUTCDay() + 6) % 7) + 1;
  const open = classes.flatMap((c) => (bySlot.get(`${c.id}|${lastWd}`) ?? []).map((s) => ({ classId: c.id, period: s.period, teacherId: s.teacher_id })));
  return {
    school,
    classes,
    officeAccount: office.id,
    teacherAccount: new Map(teacherAccounts.map((a) => [a.person_id!, a.id])),
    open,
    lastDay,
    days,
    logs,
    tallies,
    talliedFrom,
  };
}

/**
 * What a build stopped before its end wrote, made usable: the handles read back from the
 * database, the last school day (after the newest log), its open slots, and the compliance
 * cells rebuilt from the logs written. For a long build cut short by the clock (BENCH_CACHE).
 */
export async function finishStoppedBuild(db: Db, today: string): Promise<Built> {
  const k = db as unknown as Kysely<any>;
  const school = await k.selectFrom('orgs').select(['id', 'path']).where('kind', '=', 'school').where('name', '=', '基准实验中学').executeTakeFirstOrThrow();
  const classes = await k
    .selectFrom('orgs')
    .select(['id', 'path'])
    .where('kind', '=', 'class')
    .where('path', 'like', `${school.path}%`)
    .orderBy('path')
    .execute();
  const office = await k.selectFrom('accounts').select('id').where('username', '=', 'bench.academic').executeTakeFirstOrThrow();
  const teachers = await k.selectFrom('accounts').select(['id', 'person_id']).where('username', 'like', 'bench.teacher%').execute();
  const cal = await workCalendar(db, school.path);
  let lastDay = today;
  while (!cal.isWorkingDay(lastDay)) lastDay = addDays(lastDay, -1);
  const span = await k
    .selectFrom('lesson_logs')
    .select((eb) => [eb.fn.min('date').as('first'), eb.fn.countAll().as('n')])
    .where('date', '<', lastDay)
    .executeTakeFirstOrThrow();
  const tallied = await k
    .selectFrom('lesson_log_students')
    .select((eb) => [eb.fn.min('date').as('first'), eb.fn.countAll().as('n')])
    .executeTakeFirstOrThrow();
  const wd = ((new Date(lastDay + 'T00:00:00Z').getUTCDay() + 6) % 7) + 1;
  const done = new Set(
    (await k.selectFrom('lesson_logs').select(['class_id', 'period']).where('date', '=', lastDay).execute()).map((r) => `${r.class_id}|${r.period}`),
  );
  const open = (await k.selectFrom('timetable_slots').select(['class_id', 'period', 'teacher_id']).where('weekday', '=', wd).execute())
    .filter((s) => !done.has(`${s.class_id}|${s.period}`))
    .map((s) => ({ classId: s.class_id, period: Number(s.period), teacherId: s.teacher_id }));
  await rebuildCells(db, school.id);
  const days = Math.round((Date.parse(lastDay) - Date.parse(String(span.first))) / 86_400_000);
  return {
    school,
    classes,
    officeAccount: office.id,
    teacherAccount: new Map(teachers.map((a) => [a.person_id, a.id])),
    open,
    lastDay,
    days,
    logs: Number(span.n),
    tallies: Number(tallied.n),
    talliedFrom: String(tallied.first),
  };
}
