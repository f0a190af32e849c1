import type { Kysely } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app.js';
import { writeCallIn, type Call } from '../../core/call.js';
import { actorOf, shanghai } from '../appeals/appeals.testkit.js';
import { readXlsx } from '../../core/people/people.fixtures.js';
import { useSchoolWorld } from '../school/school.testkit.js';
import { house } from '../registry.js';
import { loggedRate, studentsReached } from './lessonLogs.indicators.js';
import { remindNotLogged } from './lessonLogs.jobs.js';
import { classStudents, completeAfterClass, logLesson } from './lessonLogs.service.js';
import { classesOfSchool, dayGroups, notLogged } from './lessonLogs.schedule.js';

const t = useTestApp();
const w = useSchoolWorld(t, beforeAll);
let subjA: string;
let headA: string;
const personOf = async (accountId: string) =>
  (await t.db.selectFrom('accounts').select('person_id').where('id', '=', accountId).executeTakeFirstOrThrow()).person_id!;
const ctxOf = (actor: Awaited<ReturnType<typeof actorOf>>) => ({ actor, ip: null, requestId: null, locale: 'zh-CN' as const });
/** A service call by `accountId` at a Shanghai instant, for what depends on "today". */
async function at<T>(accountId: string, instant: Date, work: (call: ReturnType<typeof writeCallIn>) => Promise<T>): Promise<T> {
  const actor = await actorOf(t.db, accountId);
  return t.db.transaction().execute((tx) => work(writeCallIn(t.db, tx, actor, ctxOf(actor), instant)));
}
const inbox = async (who: { get(u: string): Promise<{ body: any }> }) =>
  (await who.get('/api/v1/notifications')).body.items.filter((n: any) => n.kind === 'lessonLogs.notLogged');

const lesson = (over: Record<string, unknown> = {}) => ({
  classId: w.classA.id,
  date: '2026-09-14',
  period: 1,
  minutesTaught: 35,
  minutesChecking: 10,
  questioned: 12,
  homeworkChecked: 10,
  demonstrations: 4,
  practiceMinutes: 10,
  students: { questioned: [w.a1.id, w.a2.id], homeworkChecked: [w.a1.id] },
  ...over,
});

beforeAll(async () => {
  [subjA, headA] = await Promise.all([personOf(w.users.subjA.accountId), personOf(w.users.headA.accountId)]);
  // 初一（1）班: Monday 1st 数学 (刘老师), Monday 2nd 语文 (陈老师), Wednesday 2nd and Friday 1st 数学.
  const put = await w.users.academic.request('PUT', `/api/v1/timetable/classes/${w.classA.id}`, {
    slots: [
      { weekday: 1, period: 1, subject: '数学', teacherId: subjA },
      { weekday: 1, period: 2, subject: '语文', teacherId: headA },
      { weekday: 3, period: 2, subject: '数学', teacherId: subjA },
      { weekday: 5, period: 1, subject: '数学', teacherId: subjA },
    ],
  });
  expect(put.status, put.text).toBe(200);
});

describe('logging a lesson from its timetable slot', () => {
  let logId: string;

  it('records the 35+10, the six counts and the students tapped', async () => {
    const res = await w.users.subjA.post('/api/v1/lesson-logs', lesson());
    expect(res.status, res.text).toBe(201);
    logId = res.body.id;
    expect(res.body).toMatchObject({ className: '初一（1）班', subject: '数学', teacherName: '刘老师', date: '2026-09-14', period: 1, standardMet: true });
    expect(res.body.counts).toEqual({ questioned: 12, homeworkChecked: 10, demonstrations: 4, practiceMinutes: 10, corrections: null, tutoring: null });
    // Tapped 王 then 李: the answer and the log read back list them in pinyin order (li, wang), not as tapped.
    expect(res.body.students.questioned.map((s: any) => s.name)).toEqual(['李小红', '王小明']);
    expect(res.body.students.homeworkChecked.map((s: any) => s.name)).toEqual(['王小明']);
    expect((await w.users.subjA.get(`/api/v1/lesson-logs/${logId}`)).body.students).toEqual(res.body.students);
    // The after-class items stay open until the next school day.
    expect(res.body.afterClassUntil).toBe('2026-09-15');
    expect((await w.users.subjA.post('/api/v1/lesson-logs', lesson())).status).toBe(409);
  });

  it('is read by its teacher and the office, not by a colleague of the same class', async () => {
    expect((await w.users.subjA.get(`/api/v1/lesson-logs/${logId}`)).status).toBe(200);
    expect((await w.users.academic.get(`/api/v1/lesson-logs/${logId}`)).body.teacherName).toBe('刘老师');
    expect((await w.users.principal.get(`/api/v1/lesson-logs/${logId}`)).status).toBe(200);
    expect((await w.users.headA.get(`/api/v1/lesson-logs/${logId}`)).status).toBe(404);
    expect((await w.users.headB.get(`/api/v1/lesson-logs/${logId}`)).status).toBe(404);
    expect((await w.users.otherPrincipal.get(`/api/v1/lesson-logs/${logId}`)).status).toBe(404);
    expect((await w.users.headA.request('PUT', `/api/v1/lesson-logs/${logId}/after-class`, { corrections: 1, tutoring: 1 })).status).toBe(404);
    expect((await w.users.academic.request('PUT', `/api/v1/lesson-logs/${logId}/after-class`, { corrections: 1, tutoring: 1 })).status).toBe(403);
  });

  it('takes only the caller’s own lesson on a school day, and students of the class', async () => {
    const notMine = await w.users.headA.post('/api/v1/lesson-logs', lesson({ period: 1, students: {} }));
    expect(notMine.status).toBe(422);
    expect(notMine.body.errors[0]).toEqual({ field: 'body.period', message: '课表上第 1 节不是您在该班的课' });
    const holiday = await w.users.subjA.post('/api/v1/lesson-logs', lesson({ date: '2026-10-05' }));
    expect(holiday.body.errors[0]).toEqual({ field: 'body.date', message: '2026-10-05 不是该班的上课日' });
    const stranger = await w.users.subjA.post('/api/v1/lesson-logs', lesson({ date: '2026-09-21', students: { questioned: [w.a1.id, w.b1.id] } }));
    expect(stranger.body.errors[0]).toEqual({ field: 'body.students.questioned.1', message: '该学生不在本班名单中' });
    const tooMany = await w.users.subjA.post(
      '/api/v1/lesson-logs',
      lesson({ date: '2026-09-21', demonstrations: 1, students: { demonstrations: [w.a1.id, w.a2.id] } }),
    );
    expect(tooMany.body.errors[0]).toEqual({ field: 'body.demonstrations', message: '点选的学生（2 人）多于填写的数（1）' });
    expect((await w.users.academic.post('/api/v1/lesson-logs', lesson({ date: '2026-09-21' }))).status).toBe(403);
    expect((await w.users.headB.post('/api/v1/lesson-logs', lesson({ date: '2026-09-21' }))).status).toBe(404);
  });

  it('completes the after-class items until the next school day, across the holiday to the make-up Saturday', async () => {
    // Friday 9 October: its next school day is the make-up Saturday 10 October.
    const log = await at(w.users.subjA.accountId, shanghai('2026-10-09', '16:00'), (call) =>
      logLesson(call, lesson({ date: '2026-10-09', students: { questioned: [], homeworkChecked: [] } }) as any),
    );
    expect(log.afterClassUntil).toBe('2026-10-10');
    const done = await at(w.users.subjA.accountId, shanghai('2026-10-10', '08:00'), (call) =>
      completeAfterClass(call, log.id, { corrections: 10, tutoring: 3, students: { corrections: [w.a3.id, w.a4.id], tutoring: [w.a3.id] } }),
    );
    expect(done.counts).toMatchObject({ corrections: 10, tutoring: 3 });
    expect(done.students.corrections.map((s) => s.name).sort()).toEqual(['张小刚', '赵小丽'].sort());
    await expect(
      at(w.users.subjA.accountId, shanghai('2026-10-12', '08:00'), (call) =>
        completeAfterClass(call, log.id, { corrections: 11, tutoring: 3, students: { corrections: [], tutoring: [] } }),
      ),
    ).rejects.toMatchObject({
      status: 409,
      params: { until: '2026-10-10' },
    });
  });
});

describe('students not reached for two school weeks', () => {
  it('shows each student’s latest tally to the class’s teachers; those without one are not reached', async () => {
    const read = async (classId: string, accountId: string, day: string) => {
      const actor = await actorOf(t.db, accountId);
      const call: Call = { db: t.db, actor, ctx: ctxOf(actor), now: shanghai(day, '12:00') };
      return classStudents(call, classId);
    };
    const r = await read(w.classA.id, w.users.headA.accountId, '2026-09-25');
    expect(r.schoolDays).toBe(10);
    expect(r.from).toBe('2026-09-14');
    // The roster the teacher taps is in pinyin order (li, wang, zhang, zhao), not by code point (张 before 李).
    expect(r.students.map((s) => s.name)).toEqual(['李小红', '王小明', '张小刚', '赵小丽']);
    expect(r.students.map((s) => [s.name, s.lastReached]).sort()).toEqual(
      [
        ['王小明', '2026-09-14'],
        ['李小红', '2026-09-14'],
        ['张小刚', null],
        ['赵小丽', null],
      ].sort(),
    );
    // Two school weeks later, across the holiday, the 14 September tallies no longer count; 9–10 October's do.
    const later = await read(w.classA.id, w.users.subjA.accountId, '2026-10-16');
    expect(
      later.students
        .filter((s) => s.lastReached)
        .map((s) => s.name)
        .sort(),
    ).toEqual(['张小刚', '赵小丽'].sort());
    expect((await w.users.headB.get(`/api/v1/lesson-logs/classes/${w.classA.id}/students`)).status).toBe(404);
    expect((await w.users.gA1.get(`/api/v1/lesson-logs/classes/${w.classA.id}/students`)).status).toBe(404);
  });
});

describe('lessons not logged', () => {
  it('follows the school calendar: no lessons on holidays, Monday’s lessons on make-up weekend days', async () => {
    const res = await w.users.academic.get(`/api/v1/lesson-logs/schools/${w.school.id}/not-logged?from=2026-09-14&to=2026-10-11&teacherId=${subjA}`);
    expect(res.status, res.text).toBe(200);
    expect(res.body.items.map((l: any) => `${l.date}#${l.period}`)).toEqual([
      '2026-09-16#2',
      '2026-09-18#1',
      '2026-09-20#1', // Sunday worked before National Day: Monday's timetable
      '2026-09-21#1',
      '2026-09-23#2',
      // Friday 25 September: Mid-Autumn Festival
      '2026-09-28#1',
      '2026-09-30#2',
      // 1–7 October: holidays
      '2026-10-10#1', // Saturday worked after it
    ]);
    expect((await w.users.headA.get(`/api/v1/lesson-logs/schools/${w.school.id}/not-logged?from=2026-09-14&to=2026-10-11`)).status).toBe(403);
    expect((await w.users.otherPrincipal.get(`/api/v1/lesson-logs/schools/${w.school.id}/not-logged?from=2026-09-14&to=2026-10-11`)).status).toBe(404);
  });

  it('reminds each teacher once at the end of a school day, outside quiet hours', async () => {
    const before = { subjA: (await inbox(w.users.subjA)).length, headA: (await inbox(w.users.headA)).length };
    expect(await remindNotLogged(t.db, shanghai('2026-09-14', '16:00'))).toBe(0);
    // Monday 14 September: 刘老师 logged his lesson, 陈老师 did not.
    expect(await remindNotLogged(t.db, shanghai('2026-09-14', '18:00'))).toBe(1);
    expect(await remindNotLogged(t.db, shanghai('2026-09-14', '19:00'))).toBe(0);
    expect((await inbox(w.users.headA)).length).toBe(before.headA + 1);
    expect((await inbox(w.users.headA))[0].title).toBe('今天还有 1 节课未记录');
    expect((await inbox(w.users.subjA)).length).toBe(before.subjA);
    expect(await remindNotLogged(t.db, shanghai('2026-10-05', '18:00'))).toBe(0); // holiday
    expect(await remindNotLogged(t.db, shanghai('2026-09-21', '22:30'))).toBe(0); // quiet hours
    expect(await remindNotLogged(t.db, shanghai('2026-09-20', '18:00'))).toBe(2); // make-up Sunday, both teachers
  });

  it('goes out at the time the school sets, before quiet hours that begin early', async () => {
    const settings = `/api/v1/school/schools/${w.school.id}/settings`;
    // Wednesday 16 September: 刘老师's 2nd lesson is not logged; at 16:45 the default 17:30 has not come.
    expect(await remindNotLogged(t.db, shanghai('2026-09-16', '16:45'))).toBe(0);
    expect((await w.users.academic.patch(settings, { lessonReminderAt: '16:30', quietStart: '17:00' })).status).toBe(200);
    expect(await remindNotLogged(t.db, shanghai('2026-09-16', '16:45'))).toBe(1);
    expect((await inbox(w.users.subjA))[0].title).toBe('今天还有 1 节课未记录');
    expect(await remindNotLogged(t.db, shanghai('2026-09-16', '16:50'))).toBe(0); // never twice
    expect(await remindNotLogged(t.db, shanghai('2026-09-18', '17:10'))).toBe(0); // Friday, in the quiet hours from 17:00
    expect((await w.users.academic.patch(settings, { lessonReminderAt: '17:30', quietStart: '21:00' })).status).toBe(200);
  });
});

describe('compliance', () => {
  it('cuts by teacher for the office, and shows a teacher only their own', async () => {
    const q = `from=2026-09-14&to=2026-09-18`;
    const office = await w.users.academic.get(`/api/v1/lesson-logs/schools/${w.school.id}/compliance?${q}&cut=teacher`);
    expect(office.status, office.text).toBe(200);
    expect(office.body.own).toBe(false);
    expect(
      office.body.rows.map((r: any) => [r.label, r.timetabled, r.logged, r.standardMet, r.tens.questioned, r.tens.demonstrations, r.studentsReached]).sort(),
    ).toEqual(
      [
        ['刘老师', 3, 1, 1, 1, 0, 2],
        ['陈老师', 1, 0, 0, 0, 0, 0],
      ].sort(),
    );
    const own = await w.users.headA.get(`/api/v1/lesson-logs/schools/${w.school.id}/compliance?${q}&cut=week`);
    expect(own.body.own).toBe(true);
    expect(own.body.rows).toEqual([
      {
        key: '2026-W38',
        label: '2026-W38',
        timetabled: 1,
        logged: 0,
        standardMet: 0,
        tens: { questioned: 0, homeworkChecked: 0, demonstrations: 0, practiceMinutes: 0, corrections: 0, tutoring: 0 },
        studentsReached: 0,
      },
    ]);
    expect((await w.users.gA1.get(`/api/v1/lesson-logs/schools/${w.school.id}/compliance?${q}`)).status).toBe(404);
  });

  it('draws the teacher × week heat-map for the office only, and exports the page’s rows to Excel for the same readers', async () => {
    const q = `from=2026-09-14&to=2026-09-25`;
    const grid = await w.users.academic.get(`/api/v1/lesson-logs/schools/${w.school.id}/compliance?${q}&cut=teacherWeek`);
    expect(grid.status, grid.text).toBe(200);
    // 20 September is the make-up Sunday of week 38 (Monday's timetable); 25 September is the Mid-Autumn holiday.
    expect(grid.body.rows.map((r: any) => [r.label, r.key.split('|')[1], r.timetabled, r.logged]).sort()).toEqual(
      [
        ['刘老师', '2026-W38', 4, 1],
        ['刘老师', '2026-W39', 2, 0],
        ['陈老师', '2026-W38', 2, 0],
        ['陈老师', '2026-W39', 1, 0],
      ].sort(),
    );
    const own = await w.users.headA.get(`/api/v1/lesson-logs/schools/${w.school.id}/compliance?${q}&cut=teacherWeek`);
    expect(own.body.rows.map((r: any) => r.label)).toEqual(['陈老师', '陈老师']);

    const xlsx = async (cookie: string) =>
      t.app.inject({ method: 'GET', url: `/api/v1/lesson-logs/schools/${w.school.id}/compliance.xlsx?${q}&cut=teacher`, headers: { cookie } });
    const office = await xlsx(w.users.academic.cookie);
    expect(office.statusCode).toBe(200);
    const sheet = await readXlsx(office.rawPayload);
    expect(sheet[0]).toEqual(expect.arrayContaining(['教师', '应上课时', '已记录', '记录率(%)', '35+10 达标率(%)', '提问≥10', '关注学生(人)']));
    expect(
      sheet
        .slice(1)
        .map((r) => r.slice(0, 4))
        .sort(),
    ).toEqual(
      [
        ['刘老师', '6', '1', '16.7'],
        ['陈老师', '3', '0', '0'],
      ].sort(),
    );
    const mine = await readXlsx((await xlsx(w.users.headA.cookie)).rawPayload);
    expect(mine.slice(1).map((r) => r[0])).toEqual(['陈老师']);
    expect((await xlsx(w.users.gA1.cookie)).statusCode).toBe(404);
    expect((await xlsx(w.users.otherPrincipal.cookie)).statusCode).toBe(404);
  });

  it('gives the registry the same counts: logged ÷ timetabled, 35+10 met, students reached', async () => {
    const q = { scope: { all: false, paths: [w.classA.path] }, from: '2026-09-14', to: '2026-09-18' };
    expect(await loggedRate(t.db, q)).toMatchObject({ value: 0.25, numerator: 1, denominator: 4 });
    expect(await studentsReached(t.db, q)).toMatchObject({ value: 0.5, numerator: 2, denominator: 4 });
    const standard = house.indicators.find((i) => i.key === 'lessonLogs.standardMetRate')!;
    expect(await standard.compute(t.db, q)).toMatchObject({ value: 1, numerator: 1, denominator: 1 });
    const demonstrations = house.indicators.find((i) => i.key === 'lessonLogs.demonstrationsMet')!;
    expect(await demonstrations.compute(t.db, q)).toMatchObject({ value: 0, numerator: 0, denominator: 1 });
    // A dashboard's batch reads the period's logs once for all nine figures, and gets the same figures.
    const nine = house.indicators.filter((i) => i.key.startsWith('lessonLogs.'));
    const reads = new Map<string, Promise<unknown>>();
    const batch = await Promise.all(nine.map((i) => i.compute(t.db, { ...q, reads })));
    expect(batch).toEqual(await Promise.all(nine.map((i) => i.compute(t.db, q))));
    expect([...reads.keys()].filter((k) => k.startsWith('lessonLogs.logs|'))).toHaveLength(1);
  });
});

describe('the figure and its drills', () => {
  it('counts the lessons logged ÷ timetabled from the lessons its drills list: the not-logged rows and the compliance rows', async () => {
    const from = '2026-09-14';
    const to = '2026-10-11';
    const figure = await loggedRate(t.db, { scope: { all: false, paths: [w.school.path] }, from, to });
    const drill = await w.users.academic.get(`/api/v1/lesson-logs/schools/${w.school.id}/not-logged?from=${from}&to=${to}`);
    expect(drill.body.total).toBeGreaterThan(0);
    expect(drill.body.items).toHaveLength(drill.body.total);
    expect(figure.denominator! - figure.numerator!).toBe(drill.body.total);
    // The view lists at most its first lessons but counts them all (one statement: the count is taken before the cut).
    const groups = await dayGroups(t.db, await classesOfSchool(t.db, w.school), from, to);
    const cut = await notLogged(t.db, groups, 2);
    expect(cut).toEqual({ total: drill.body.total, items: drill.body.items.slice(0, 2) });
    const rows = (await w.users.academic.get(`/api/v1/lesson-logs/schools/${w.school.id}/compliance?from=${from}&to=${to}&cut=teacher`)).body.rows;
    expect(rows.reduce((n: number, r: any) => n + r.timetabled, 0)).toBe(figure.denominator);
    expect(rows.reduce((n: number, r: any) => n + r.logged, 0)).toBe(figure.numerator);
  });
});

describe('a teacher’s week', () => {
  it('lists the timetabled lessons of the week with their logs', async () => {
    const res = await w.users.subjA.get('/api/v1/lesson-logs/my-week?week=2026-W38');
    expect(res.status, res.text).toBe(200);
    const lessons = res.body.days.flatMap((d: any) => d.lessons.map((l: any) => `${l.date}#${l.period}:${l.logId ? 'logged' : 'open'}`));
    expect(lessons).toEqual(['2026-09-14#1:logged', '2026-09-16#2:open', '2026-09-18#1:open', '2026-09-20#1:open']);
    expect(res.body.days[0].lessons[0].afterClassOpen).toBe(true);
  });
});

describe('kept at write time', () => {
  it('counts students reached from the logs’ masks, equal to a recount of the tallies, after-class ones included', async () => {
    const q = 'from=2026-10-05&to=2026-10-11&cut=teacher';
    const res = await w.users.academic.get(`/api/v1/lesson-logs/schools/${w.school.id}/compliance?${q}`);
    const liu = res.body.rows.find((r: any) => r.label === '刘老师');
    const recount = await (t.db as unknown as Kysely<any>)
      .selectFrom('lesson_log_students as s')
      .innerJoin('lesson_logs as l', 'l.id', 's.log_id')
      .select((eb) => eb.fn.count<number>('s.student_id').distinct().as('n'))
      .where('l.teacher_id', '=', subjA)
      .where('l.date', '>=', '2026-10-05')
      .where('l.date', '<=', '2026-10-11')
      .executeTakeFirstOrThrow();
    // 9 October: no one tapped in class; 张小刚 and 赵小丽 corrected and tutored after it.
    expect(liu).toMatchObject({ logged: 1, studentsReached: 2, tens: { corrections: 1, tutoring: 0 } });
    expect(liu.studentsReached).toBe(Number(recount.n));
  });

  it('sees a closure the office declares at once, though the calendar was read before', async () => {
    expect((await w.users.subjA.get('/api/v1/lesson-logs/my-week?week=2026-W40')).status).toBe(200);
    const closure = await w.users.academic.post(`/api/v1/school/schools/${w.school.id}/closures`, { date: '2026-09-28', reason: '运动会' });
    expect(closure.status, closure.text).toBe(201);
    const closed = await w.users.subjA.post('/api/v1/lesson-logs', lesson({ date: '2026-09-28', students: {} }));
    expect(closed.body.errors?.[0]).toEqual({ field: 'body.date', message: '2026-09-28 不是该班的上课日' });
    expect((await w.users.academic.request('DELETE', `/api/v1/school/closures/${closure.body.id}`)).status).toBe(204);
    expect((await w.users.subjA.post('/api/v1/lesson-logs', lesson({ date: '2026-09-28', students: {} }))).status).toBe(201);
  });
});
