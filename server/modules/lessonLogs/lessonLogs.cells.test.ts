/**
 * The compliance cells kept at write time against a recount of the logs and tallies behind them,
 * on a random term: three teachers log most of their lessons through the service with random
 * counts and students, complete (and sometimes re-complete, with fewer students) the after-class
 * items; every cut over periods that start and end on any weekday must equal the recount.
 */
import type { Kysely } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app.js';
import { writeCallIn } from '../../core/call.js';
import { Rng } from '../../core/random.js';
import { actorOf, shanghai } from '../appeals/appeals.testkit.js';
import { useSchoolWorld } from '../school/school.testkit.js';
import { COMPLIANCE_CUTS, TENS, standardMet } from '../../../common/lessonLogs.js';
import { weekOf } from '../../../common/school.js';
import { timetableWeekday } from '../../../common/timetable.js';
import { completeAfterClass, logLesson } from './lessonLogs.service.js';
import { rebuildCells } from './lessonLogs.cells.js';
import { maskOf, orHex, popcount, popcountWords, union } from './lessonLogs.reach.js';
import { loggedRate } from './lessonLogs.indicators.js';

const t = useTestApp();
const w = useSchoolWorld(t, beforeAll);
const rng = new Rng(1207);
// Six weeks across the National Day holiday and its make-up days; the last log is on Wednesday 14 October.
const FROM = '2026-09-07';
const TO = '2026-10-14';

const personOf = async (accountId: string) =>
  (await t.db.selectFrom('accounts').select('person_id').where('id', '=', accountId).executeTakeFirstOrThrow()).person_id!;
async function at<T>(accountId: string, instant: Date, work: (call: ReturnType<typeof writeCallIn>) => Promise<T>): Promise<T> {
  const actor = await actorOf(t.db, accountId);
  return t.db.transaction().execute((tx) => work(writeCallIn(t.db, tx, actor, { actor, ip: null, requestId: null, locale: 'zh-CN' }, instant)));
}
const some = (ids: string[], n: number) => ids.filter(() => rng.chance(n / ids.length));

beforeAll(async () => {
  const [subjA, headA, headB] = await Promise.all([w.users.subjA, w.users.headA, w.users.headB].map((u) => personOf(u.accountId)));
  const teacherOf = new Map([
    [subjA, w.users.subjA.accountId],
    [headA, w.users.headA.accountId],
    [headB, w.users.headB.accountId],
  ]);
  // 初一（1）班: 数学 (刘老师) and 语文 (陈老师); 初一（2）班: 语文 (杨老师); 初二（1）班: 数学 (刘老师).
  const week = (slots: [number, string, string][]) =>
    [1, 2, 3, 4, 5].flatMap((weekday) => slots.map(([period, subject, teacherId]) => ({ weekday, period, subject, teacherId })));
  const tables = new Map([
    [
      w.classA.id,
      week([
        [1, '数学', subjA],
        [2, '语文', headA],
      ]),
    ],
    [w.classB.id, week([[1, '语文', headB]])],
    [w.classC.id, week([[2, '数学', subjA]])],
  ]);
  const roster = new Map([
    [w.classA.id, [w.a1.id, w.a2.id, w.a3.id, w.a4.id]],
    [w.classB.id, [w.b1.id, w.b2.id]],
    [w.classC.id, [w.c1.id]],
  ]);
  for (const [classId, slots] of tables) expect((await w.users.academic.request('PUT', `/api/v1/timetable/classes/${classId}`, { slots })).status).toBe(200);

  for (const [classId, slots] of tables) {
    const days = (await w.users.academic.get(`/api/v1/school/classes/${classId}/days?from=${FROM}&to=${TO}`)).body.items.filter(
      (d: { schoolDay: boolean }) => d.schoolDay,
    );
    const students = roster.get(classId)!;
    for (const { date } of days) {
      for (const s of slots.filter((x) => x.weekday === timetableWeekday(date, new Set()))) {
        if (!rng.chance(0.75)) continue;
        const account = teacherOf.get(s.teacherId)!;
        const asked = some(students, 2);
        const log = await at(account, shanghai(date, '16:00'), (call) =>
          logLesson(call, {
            classId,
            date,
            period: s.period,
            minutesTaught: rng.int(33, 37),
            minutesChecking: rng.int(8, 12),
            questioned: asked.length + rng.int(7, 12),
            homeworkChecked: rng.int(8, 11),
            demonstrations: rng.int(8, 11),
            practiceMinutes: rng.int(8, 11),
            ...(rng.chance(0.3) ? { corrections: rng.int(9, 11), tutoring: rng.int(9, 11) } : {}),
            students: { questioned: asked, homeworkChecked: [], demonstrations: [], corrections: [], tutoring: [] },
          }),
        );
        // Completed after class (the next morning at the latest), and now and then again with fewer students.
        for (let k = rng.int(0, 2); k > 0; k--) {
          const corrected = some(students, k);
          await at(account, shanghai(log.afterClassUntil, '08:00'), (call) =>
            completeAfterClass(call, log.id, {
              corrections: corrected.length + rng.int(8, 11),
              tutoring: rng.int(8, 11),
              students: { corrections: corrected, tutoring: some(students, 1) },
            }),
          );
        }
      }
    }
  }
}, 240_000);

type Row = { logged: number; standardMet: number; tens: Record<string, number>; students: Set<string> };

/** The compliance rows recounted from the logs and their tallies alone. */
async function recount(from: string, to: string, cut: string, teacherId?: string) {
  const db = t.db as unknown as Kysely<any>;
  const logs = await db
    .selectFrom('lesson_logs')
    .selectAll()
    .where('school_id', '=', w.school.id)
    .where('date', '>=', from)
    .where('date', '<=', to)
    .$if(!!teacherId, (q) => q.where('teacher_id', '=', teacherId!))
    .execute();
  const tallies = await db.selectFrom('lesson_log_students').select(['log_id', 'student_id']).execute();
  const keyOf = (l: any) =>
    cut === 'teacher'
      ? l.teacher_id
      : cut === 'subject'
        ? l.subject
        : cut === 'grade'
          ? l.grade_id
          : cut === 'week'
            ? weekOf(l.date)
            : `${l.teacher_id}|${weekOf(l.date)}`;
  const rows = new Map<string, Row>();
  for (const l of logs) {
    const k = keyOf(l);
    const r = rows.get(k) ?? rows.set(k, { logged: 0, standardMet: 0, tens: Object.fromEntries(TENS.map((x) => [x, 0])), students: new Set() }).get(k)!;
    r.logged++;
    if (standardMet(l.minutes_taught, l.minutes_checking)) r.standardMet++;
    const counts: Record<string, number | null> = {
      questioned: l.questioned,
      homeworkChecked: l.homework_checked,
      demonstrations: l.demonstrations,
      practiceMinutes: l.practice_minutes,
      corrections: l.corrections,
      tutoring: l.tutoring,
    };
    for (const x of TENS) if ((counts[x] ?? 0) >= 10) r.tens[x]++;
    for (const s of tallies) if (s.log_id === l.id) r.students.add(`${l.class_id}|${s.student_id}`);
  }
  return new Map([...rows].map(([k, r]) => [k, { logged: r.logged, standardMet: r.standardMet, tens: r.tens, studentsReached: r.students.size }]));
}

describe('compliance cells kept at write time', () => {
  // Whole weeks (Monday to Sunday), a period starting and ending mid-week (logs follow its end),
  // one within a week, one ending on the Friday after the last log (the cells serve that week), and all.
  const periods: [string, string][] = [
    ['2026-09-07', '2026-10-04'],
    ['2026-09-16', '2026-10-13'],
    ['2026-09-22', '2026-09-24'],
    ['2026-09-28', '2026-10-16'],
    [FROM, TO],
  ];

  it('gives every cut over any period the figures a recount of the logs and tallies gives', async () => {
    const logged = await (t.db as unknown as Kysely<any>)
      .selectFrom('lesson_logs')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(logged.n)).toBeGreaterThan(50);
    for (const [from, to] of periods) {
      for (const cut of COMPLIANCE_CUTS) {
        const res = await w.users.academic.get(`/api/v1/lesson-logs/schools/${w.school.id}/compliance?from=${from}&to=${to}&cut=${cut}`);
        expect(res.status, res.text).toBe(200);
        const got = new Map(
          res.body.rows
            .filter((r: any) => r.logged > 0)
            .map((r: any) => [r.key, { logged: r.logged, standardMet: r.standardMet, tens: r.tens, studentsReached: r.studentsReached }]),
        );
        expect(got, `${cut} ${from}…${to}`).toEqual(await recount(from, to, cut));
      }
    }
  });

  it('counts the lessons timetabled alike in every cut, as the figure does', async () => {
    for (const [from, to] of periods) {
      const figure = await loggedRate(t.db, { scope: { all: false, paths: [w.school.path] }, from, to });
      for (const cut of COMPLIANCE_CUTS) {
        const rows = (await w.users.academic.get(`/api/v1/lesson-logs/schools/${w.school.id}/compliance?from=${from}&to=${to}&cut=${cut}`)).body.rows;
        expect(
          rows.reduce((n: number, r: any) => n + r.timetabled, 0),
          `${cut} ${from}…${to}`,
        ).toBe(figure.denominator);
        expect(
          rows.reduce((n: number, r: any) => n + r.logged, 0),
          `${cut} ${from}…${to}`,
        ).toBe(figure.numerator);
      }
    }
  });

  it('gives a teacher their own figures from the same cells', async () => {
    const subjA = await personOf(w.users.subjA.accountId);
    const res = await w.users.subjA.get(`/api/v1/lesson-logs/schools/${w.school.id}/compliance?from=2026-09-16&to=2026-10-13&cut=week`);
    expect(res.body.own).toBe(true);
    const got = new Map(
      res.body.rows
        .filter((r: any) => r.logged > 0)
        .map((r: any) => [r.key, { logged: r.logged, standardMet: r.standardMet, tens: r.tens, studentsReached: r.studentsReached }]),
    );
    expect(got).toEqual(await recount('2026-09-16', '2026-10-13', 'week', subjA));
  });

  it('keeps in the cells exactly what rebuilding them from the logs gives', async () => {
    const db = t.db as unknown as Kysely<any>;
    const kept = await db
      .selectFrom('lesson_log_cells')
      .selectAll()
      .where('school_id', '=', w.school.id)
      .orderBy('class_id')
      .orderBy('teacher_id')
      .orderBy('subject')
      .orderBy('week_start')
      .execute();
    await t.db.transaction().execute((tx) => rebuildCells(tx, w.school.id));
    const rebuilt = await db
      .selectFrom('lesson_log_cells')
      .selectAll()
      .where('school_id', '=', w.school.id)
      .orderBy('class_id')
      .orderBy('teacher_id')
      .orderBy('subject')
      .orderBy('week_start')
      .execute();
    expect(kept.length).toBeGreaterThan(15);
    const norm = (rows: any[]) =>
      rows.map((r) => ({
        ...r,
        reached: r.reached ? BigInt(`0x${r.reached}`).toString(16) : '',
        ...Object.fromEntries(
          ['logged', 'standard_met', 'questioned', 'homework_checked', 'demonstrations', 'practice_minutes', 'corrections', 'tutoring'].map((c) => [
            c,
            Number(r[c]),
          ]),
        ),
      }));
    expect(norm(kept)).toEqual(norm(rebuilt));
  });
});

describe('students reached unioned as 32-bit words', () => {
  it('counts the same students as the BigInt union for classes of up to 130 seats', () => {
    const r = new Rng(1208);
    for (let round = 0; round < 200; round++) {
      const masks = Array.from({ length: r.int(1, 6) }, () => maskOf(Array.from({ length: r.int(0, 12) }, () => r.int(0, 130)).filter(() => r.chance(0.9))));
      const joined = masks.join(',');
      const big = union(0n, joined);
      expect(popcountWords(orHex([], joined))).toBe(popcount(big));
      // Folding the masks one by one into the same words gives the same count.
      expect(popcountWords(masks.reduce((w, m) => orHex(w, m), [] as number[]))).toBe(popcount(big));
    }
  });
});
