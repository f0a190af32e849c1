import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app.js';
import { useSchoolWorld } from '../school/school.testkit.js';
import { rebuildWeekStats } from './index.js';
import { heartBridgeIndicators } from './heartBridge.indicators.js';

const t = useTestApp();
const w = useSchoolWorld(t, beforeAll);

const base = '/api/v1/heart-bridge';
/** A rate as every dashboard figure carries it (common/figure.ts), its value rounded to four places. */
const rate = (numerator: number, denominator: number, value: number | null, drill: unknown = null) => ({ value, numerator, denominator, unit: 'rate', drill });
/** 2026-W38 as a list period (Monday to Sunday). */
const W38 = { from: '2026-09-14', to: '2026-09-20' };
const page = (studentId: string, week: string) => `${base}/students/${studentId}/weeks/${week}`;
const school = (atSchool: string, encouragement = '继续加油！') => ({ atSchool, suggestion: '每天读书二十分钟', encouragement });
const home = (atHome: string, encouragement = '爸爸妈妈为你骄傲') => ({ atHome, suggestion: '', encouragement });

async function ok(res: Promise<{ status: number; text: string; body: any }>, status = 200) {
  const r = await res;
  expect(r.status, r.text).toBe(status);
  return r.body;
}

describe('the weekly page: two sides, each by its own people', () => {
  it('lets the head teacher write the school side and a guardian the home side; both see the page', async () => {
    const { headA, gA1, gA1b, principal } = w.users;
    const s = await ok(headA.request('PUT', `${page(w.a1.id, '2026-W37')}/school`, school('上课专注，主动发言。')));
    expect(s.school).toMatchObject({ atSchool: '上课专注，主动发言。', encouragement: '继续加油！', authorName: headA.username });
    expect(s.home).toBeNull();
    expect(s).toMatchObject({ week: '2026-W37', weekStart: '2026-09-07', weekEnd: '2026-09-13', canWriteSchool: true, canWriteHome: false });
    const h = await ok(gA1b.request('PUT', `${page(w.a1.id, '2026-W37')}/home`, home('在家按时完成作业。')));
    expect(h.home.atHome).toBe('在家按时完成作业。');
    expect(h.school.atSchool).toBe('上课专注，主动发言。');
    expect(h.canWriteSchool).toBe(false);
    // The other guardian and the principal read the same page.
    expect((await ok(gA1.get(page(w.a1.id, '2026-W37')))).home.atHome).toBe('在家按时完成作业。');
    const p = await ok(principal.get(page(w.a1.id, '2026-W37')));
    expect(p).toMatchObject({ canWriteSchool: false, canWriteHome: false });
  });

  it('lets a subject teacher of the class write the school side, but not the principal or a guardian', async () => {
    const { subjA, principal, gA1 } = w.users;
    await ok(subjA.request('PUT', `${page(w.a1.id, '2026-W36')}/school`, school('数学作业全对。')));
    expect((await principal.request('PUT', `${page(w.a1.id, '2026-W36')}/school`, school('校长来写'))).status).toBe(403);
    expect((await gA1.request('PUT', `${page(w.a1.id, '2026-W36')}/school`, school('家长冒充老师'))).status).toBe(403);
    expect((await w.users.headA.request('PUT', `${page(w.a1.id, '2026-W36')}/home`, home('老师冒充家长'))).status).toBe(403);
  });

  it('refuses future weeks, weeks without school days, and empty or unknown fields', async () => {
    const { headA } = w.users;
    const future = await headA.request('PUT', `${page(w.a1.id, '2099-W10')}/school`, school('未来'));
    expect(future.status).toBe(422);
    expect(future.body.errors[0].message).toBe('还不能填写以后的周');
    const summer = await headA.request('PUT', `${page(w.a1.id, '2026-W32')}/school`, school('暑假'));
    expect(summer.status).toBe(422);
    expect(summer.body.errors[0].message).toContain('没有上课日');
    const empty = await headA.request('PUT', `${page(w.a1.id, '2026-W38')}/school`, { atSchool: ' ', suggestion: '', encouragement: '' });
    expect(empty.status).toBe(400);
    expect(empty.body.errors[0].field).toBe('body.atSchool');
    expect((await headA.request('PUT', `${page(w.a1.id, '2026-W38')}/school`, { ...school('x'), rank: 1 })).status).toBe(400);
    expect((await headA.get(page(w.a1.id, '2026-40'))).status).toBe(400);
  });

  it('replays an idempotent write instead of writing twice', async () => {
    const { headA } = w.users;
    const headers = { 'idempotency-key': 'hb-write-0001' };
    const first = await headA.request('PUT', `${page(w.a4.id, '2026-W36')}/school`, school('第一次'), headers);
    const again = await headA.request('PUT', `${page(w.a4.id, '2026-W36')}/school`, school('第一次'), headers);
    expect(first.status).toBe(200);
    expect(again.status).toBe(200);
    expect(again.headers['idempotent-replay']).toBe('true');
    expect(again.body.id).toBe(first.body.id);
    const audits = await t.db.selectFrom('audit_events').select('action').where('entity_id', '=', first.body.id).execute();
    expect(audits.map((a) => a.action)).toEqual(['heartBridge.schoolSideWrite']);
  });
});

describe('when a side was written', () => {
  it('moves to the latest edit, and stays when the same words are saved again', async () => {
    const { headA, gTwo } = w.users;
    const pause = () => new Promise((r) => setTimeout(r, 15));
    const first = await ok(headA.request('PUT', `${page(w.a3.id, '2026-W37')}/school`, school('第一稿')));
    await pause();
    const edited = await ok(headA.request('PUT', `${page(w.a3.id, '2026-W37')}/school`, school('第二稿，改了措辞')));
    expect(edited.school.writtenAt > first.school.writtenAt).toBe(true);
    await pause();
    const resaved = await ok(headA.request('PUT', `${page(w.a3.id, '2026-W37')}/school`, school('第二稿，改了措辞')));
    expect(resaved.school.writtenAt).toBe(edited.school.writtenAt);
    // What the guardian sees afterwards is the edit's time, not the first draft's.
    expect((await ok(headA.get(page(w.a3.id, '2026-W37')))).school.writtenAt).toBe(edited.school.writtenAt);

    const home1 = await ok(gTwo.request('PUT', `${page(w.a2.id, '2026-W37')}/home`, home('在家很乖')));
    await pause();
    const home2 = await ok(gTwo.request('PUT', `${page(w.a2.id, '2026-W37')}/home`, home('在家很乖，还帮忙洗碗')));
    expect(home2.home.writtenAt > home1.home.writtenAt).toBe(true);
    expect(home2.home.atHome).toBe('在家很乖，还帮忙洗碗');
  });
});

describe('read receipts', () => {
  it('shows each side when the other side read it; new words clear the old receipt', async () => {
    const { headB, gB1 } = w.users;
    await ok(headB.request('PUT', `${page(w.b1.id, '2026-W39')}/school`, school('本周进步明显。')));
    const nothing = await headB.post(`${page(w.b1.id, '2026-W39')}/read`, { by: 'school' });
    expect(nothing.status).toBe(409);
    expect(nothing.body.detail).toContain('还没有填写');
    const read = await ok(gB1.post(`${page(w.b1.id, '2026-W39')}/read`, { by: 'home' }));
    expect(read.readByHomeAt).toBeTruthy();
    const again = await ok(gB1.post(`${page(w.b1.id, '2026-W39')}/read`, { by: 'home' }));
    expect(again.readByHomeAt).toBe(read.readByHomeAt);
    expect((await gB1.post(`${page(w.b1.id, '2026-W39')}/read`, { by: 'school' })).status).toBe(403);
    const same = await ok(headB.request('PUT', `${page(w.b1.id, '2026-W39')}/school`, school('本周进步明显。')));
    expect(same.readByHomeAt).toBe(read.readByHomeAt);
    const changed = await ok(headB.request('PUT', `${page(w.b1.id, '2026-W39')}/school`, school('本周进步明显，字也更工整了。')));
    expect(changed.readByHomeAt).toBeNull();
  });
});

describe('access: own children, own classes, own school', () => {
  it('lets a guardian of two children in two classes see both, and nobody else’s', async () => {
    const { gTwo } = w.users;
    expect((await gTwo.get(page(w.a2.id, '2026-W38'))).status).toBe(200);
    expect((await gTwo.get(page(w.b2.id, '2026-W38'))).status).toBe(200);
    expect((await gTwo.get(page(w.a1.id, '2026-W38'))).status).toBe(404);
    expect((await gTwo.get(page(w.b1.id, '2026-W38'))).status).toBe(404);
  });

  it('answers 404 on every student and class route for the wrong guardian, the wrong teacher and the wrong school', async () => {
    const { gB1, headB, headX, gX1, otherPrincipal } = w.users;
    const studentRoutes: [string, string, unknown?][] = [
      ['GET', page(w.a1.id, '2026-W38')],
      ['PUT', `${page(w.a1.id, '2026-W38')}/school`, school('越权')],
      ['PUT', `${page(w.a1.id, '2026-W38')}/home`, home('越权')],
      ['POST', `${page(w.a1.id, '2026-W38')}/read`, { by: 'home' }],
      ['POST', `${page(w.a1.id, '2026-W38')}/read`, { by: 'school' }],
      ['GET', `${base}/students/${w.a1.id}/timeline`],
    ];
    const classRoutes: [string, string][] = [
      ['GET', `${base}/classes/${w.classA.id}/weeks/2026-W38`],
      ['GET', `${base}/classes/${w.classA.id}/weeks/2026-W38/print`],
      ['GET', `${base}/classes/${w.classA.id}/dashboard`],
    ];
    for (const who of [gB1, headB, headX, gX1, otherPrincipal]) {
      for (const [method, url, body] of [...studentRoutes, ...classRoutes]) {
        const res = await who.request(method, url, body);
        expect(res.status, `${who.username} ${method} ${url}`).toBe(404);
      }
    }
    // A guardian whose child is in the class knows it exists, but the class views are not theirs.
    expect((await w.users.gTwo.get(`${base}/classes/${w.classA.id}/weeks/2026-W38`)).status).toBe(403);
    // Nothing was written by any of these attempts.
    const note = await t.db
      .selectFrom('heart_bridge_notes' as any)
      .selectAll()
      .where('student_id', '=', w.a1.id)
      .where('week', '=', '2026-W38')
      .executeTakeFirst();
    expect(note).toBeUndefined();
  });

  it('keeps school-wide views for the principal and academic office: 403 for teachers and guardians there, 404 elsewhere', async () => {
    const routes: [string, string, unknown?][] = [
      ['GET', `${base}/schools/${w.school.id}/dashboard`],
      ['GET', `${base}/schools/${w.school.id}/coverage`],
      ['GET', `${base}/schools/${w.school.id}/coverage.xlsx`],
      ['GET', `${base}/schools/${w.school.id}/no-exchange`],
      ['PUT', `${base}/schools/${w.school.id}/phrases`, { school: ['好'], home: ['棒'] }],
    ];
    for (const [method, url, body] of routes) {
      for (const who of [w.users.headA, w.users.gB1]) expect((await who.request(method, url, body)).status, `${who.username} ${url}`).toBe(403);
      for (const who of [w.users.otherPrincipal, w.users.headX, w.users.gX1])
        expect((await who.request(method, url, body)).status, `${who.username} ${url}`).toBe(404);
    }
    expect((await w.users.gX1.get(`${base}/schools/${w.school.id}/phrases`)).status).toBe(404);
  });
});

describe('a student reads their own book', () => {
  it('shows the student their own weeks, read-only, and nothing of another student', async () => {
    const me = await t.user([{ role: 'student', org: w.classA }], { personId: w.a1.id });
    const own = await ok(me.get(page(w.a1.id, '2026-W37')));
    expect(own.school.atSchool).toBe('上课专注，主动发言。');
    expect(own.home.atHome).toBe('在家按时完成作业。');
    expect(own).toMatchObject({ canWriteSchool: false, canWriteHome: false });
    const tl = await ok(me.get(`${base}/students/${w.a1.id}/timeline`));
    expect(tl.items.find((n: any) => n.week === '2026-W37').home.encouragement).toBe('爸爸妈妈为你骄傲');
    expect(tl.items.every((n: any) => n.studentId === w.a1.id)).toBe(true);
    const mine = await ok(me.get('/api/v1/school/me'));
    expect(mine.self).toEqual({ id: w.a1.id, name: '王小明', classId: w.classA.id, className: '初一（1）班', schoolId: w.school.id });
    expect(mine.children).toEqual([]);

    // Another student's page, in the same class or another, does not exist for them.
    for (const other of [w.a2, w.b1, w.x1]) {
      expect((await me.get(page(other.id, '2026-W37'))).status).toBe(404);
      expect((await me.get(`${base}/students/${other.id}/timeline`)).status).toBe(404);
      expect((await me.request('PUT', `${page(other.id, '2026-W37')}/school`, school('越权'))).status).toBe(404);
    }
    // Their own page is theirs to read, not to write, and reading it is not a guardian's receipt.
    expect((await me.request('PUT', `${page(w.a1.id, '2026-W37')}/school`, school('自己写老师一栏'))).status).toBe(403);
    expect((await me.request('PUT', `${page(w.a1.id, '2026-W37')}/home`, home('自己写家里一栏'))).status).toBe(403);
    expect((await me.post(`${page(w.a1.id, '2026-W37')}/read`, { by: 'home' })).status).toBe(403);
    // The class lists show classmates: not for a student. Another class: not found.
    expect((await me.get(`${base}/classes/${w.classA.id}/weeks/2026-W37`)).status).toBe(403);
    expect((await me.get(`${base}/classes/${w.classA.id}/dashboard`)).status).toBe(403);
    expect((await me.get(`${base}/classes/${w.classB.id}/weeks/2026-W37`)).status).toBe(404);
    // School-wide views and the writers' quick phrases are not a student's.
    expect((await me.get(`${base}/schools/${w.school.id}/dashboard`)).status).toBe(404);
    expect((await me.get(`${base}/schools/${w.school.id}/phrases`)).status).toBe(404);
    expect((await me.get(`${base}/schools/${w.other.id}/dashboard`)).status).toBe(404);

    const after = await ok(me.get(page(w.a1.id, '2026-W37')));
    expect(after.school.atSchool).toBe('上课专注，主动发言。');
    expect(after.home.atHome).toBe('在家按时完成作业。');
    expect(after.readByHomeAt).toBe(own.readByHomeAt);
    const byStudent = await t.db.selectFrom('audit_events').select('action').where('actor_id', '=', me.accountId).execute();
    expect(byStudent.filter((a) => a.action.startsWith('heartBridge.'))).toEqual([]);
  });

  it('gives a student account without a student record nothing', async () => {
    const teacherAsStudent = await t.user([{ role: 'student', org: w.classA }], {
      personId: (await t.person(w.classA, { kind: 'teacher', name: '实习老师' })).id,
    });
    expect((await teacherAsStudent.get(page(w.a1.id, '2026-W37'))).status).toBe(404);
    expect((await ok(teacherAsStudent.get('/api/v1/school/me'))).self).toBeNull();
  });
});

describe('indicators on a hand-checked week', () => {
  // Class A (a1–a4), class B (b1, b2) in 初一, class C (c1) in 初二.
  //  W38  A: a1 two-way; a2 home only; a3 school only; a4 nothing.
  //          reads: gA1 read a1's school side; headA read a1's and a2's home sides.
  //       B: b1 two-way; b2 nothing.   C: nothing.
  //  W39  A: a1, a2 two-way.   W40  A: a1 two-way.
  // By hand, W38:
  //  A coverage 1/4, reply 1/2 (a1 of a1,a3), read 3/4 (1 school side + 2 home sides read of 4 sides)
  //  B coverage 1/2, reply 1/1, read 0/2;  C coverage 0/1, reply 0/0 (no rate), read 0/0
  //  school: coverage 2/7, reply 2/3, read 3/6;  初一 2/6, 初二 0/1.
  // No exchange as of Mon 2026-10-12 (finished weeks W36…W41):
  //  a1 streak 1 (W40 two-way) → not listed; a2 2 (last W39); a3, a4 6; b1 3 (last W38); b2, c1 6.
  beforeAll(async () => {
    const { headA, headB, gA1, gTwo, gB1 } = w.users;
    const put = (c: typeof headA, id: string, week: string, side: 'school' | 'home', body: unknown) => ok(c.request('PUT', `${page(id, week)}/${side}`, body));
    await put(headA, w.a1.id, '2026-W38', 'school', school('专注'));
    await put(gA1, w.a1.id, '2026-W38', 'home', home('自觉'));
    await put(gTwo, w.a2.id, '2026-W38', 'home', home('在家很好'));
    await put(headA, w.a3.id, '2026-W38', 'school', school('积极'));
    await ok(gA1.post(`${page(w.a1.id, '2026-W38')}/read`, { by: 'home' }));
    await ok(headA.post(`${page(w.a1.id, '2026-W38')}/read`, { by: 'school' }));
    await ok(headA.post(`${page(w.a2.id, '2026-W38')}/read`, { by: 'school' }));
    await put(headB, w.b1.id, '2026-W38', 'school', school('认真'));
    await put(gB1, w.b1.id, '2026-W38', 'home', home('勤快'));
    for (const id of [w.a1.id, w.a2.id]) {
      await put(headA, id, '2026-W39', 'school', school('稳定'));
      await put(id === w.a1.id ? gA1 : gTwo, id, '2026-W39', 'home', home('很好'));
    }
    await put(headA, w.a1.id, '2026-W40', 'school', school('节前表现好'));
    await put(gA1, w.a1.id, '2026-W40', 'home', home('假期安排好'));
  });

  it('gives the class week view with each student’s status, filterable and sorted', async () => {
    const view = await ok(w.users.subjA.get(`${base}/classes/${w.classA.id}/weeks/2026-W38?sort=status&order=desc`));
    expect(view.total).toBe(4);
    expect(view.items.map((r: any) => [r.studentName, r.status])).toEqual([
      ['王小明', 'twoWay'],
      ['李小红', 'homeOnly'],
      ['张小刚', 'schoolOnly'],
      ['赵小丽', 'none'],
    ]);
    const onlyNone = await ok(w.users.headA.get(`${base}/classes/${w.classA.id}/weeks/2026-W38?status=none`));
    expect(onlyNone.items.map((r: any) => r.studentName)).toEqual(['赵小丽']);
    const paged = await ok(w.users.principal.get(`${base}/classes/${w.classA.id}/weeks/2026-W38?sort=status&pageSize=2&page=2`));
    expect(paged.items.map((r: any) => r.status)).toEqual(['homeOnly', 'twoWay']);
    expect((await w.users.headA.get(`${base}/classes/${w.classA.id}/weeks/2026-W38?sort=points`)).status).toBe(400);
  });

  it('computes the class dashboard exactly', async () => {
    const d = await ok(w.users.headA.get(`${base}/classes/${w.classA.id}/dashboard?week=2026-W38&asOf=2026-10-12`));
    expect(d.week).toEqual({
      week: '2026-W38',
      students: 4,
      // A class's figures open no list: the school's student-weeks are the office's.
      coverage: rate(1, 4, 0.25),
      replyRate: rate(1, 2, 0.5),
      readRate: rate(3, 4, 0.75),
    });
    expect(d.trend.map((x: any) => x.week)).toEqual(['2026-W36', '2026-W37', '2026-W38', '2026-W39', '2026-W40', '2026-W41', '2026-W42']);
    expect(d.trend.find((x: any) => x.week === '2026-W39').coverage).toEqual(rate(2, 4, 0.5));
    expect(d.trend.find((x: any) => x.week === '2026-W40').coverage).toEqual(rate(1, 4, 0.25));
    expect(d.noExchange.map((r: any) => [r.studentName, r.weeks, r.lastExchangeWeek])).toEqual([
      ['张小刚', 6, null],
      ['赵小丽', 6, null],
      ['李小红', 2, '2026-W39'],
    ]);
  });

  it('computes the school dashboard, per grade and per class, exactly', async () => {
    const d = await ok(w.users.academic.get(`${base}/schools/${w.school.id}/dashboard?week=2026-W38&asOf=2026-10-12`));
    expect(d.week).toEqual({
      week: '2026-W38',
      students: 7,
      coverage: rate(2, 7, 0.2857, { numerator: { ...W38, twoWay: '1' }, denominator: W38 }),
      replyRate: rate(2, 3, 0.6667, { numerator: { ...W38, twoWay: '1' }, denominator: { ...W38, schoolSide: '1' } }),
      readRate: rate(3, 6, 0.5),
    });
    // The school week's drills open the student-weeks behind each count.
    for (const f of [d.week.coverage, d.week.replyRate])
      for (const part of ['numerator', 'denominator'] as const) {
        const list = await ok(w.users.academic.get(`${base}/schools/${w.school.id}/student-weeks?${new URLSearchParams(f.drill[part])}`));
        expect(list.total).toBe(f[part]);
      }
    expect(d.byGrade.map((g: any) => [g.gradeName, g.coverage.numerator, g.coverage.denominator])).toEqual([
      ['初一', 2, 6],
      ['初二', 0, 1],
    ]);
    const c = d.classes.find((x: any) => x.className === '初二（1）班');
    expect(c.replyRate).toEqual(rate(0, 0, null));
    expect(d.noExchangeCount).toBe(6);
    expect(d.trend.find((x: any) => x.week === '2026-W38').coverage).toEqual(rate(2, 7, 0.2857, d.week.coverage.drill));
  });

  it('names, for the work report, exactly the student-weeks, pages and sides each figure counted', async () => {
    const q = { scope: { all: false, paths: [w.school.path] }, ...W38 };
    const listed = async (filters: Record<string, string>) =>
      (await ok(w.users.academic.get(`${base}/schools/${w.school.id}/student-weeks?${new URLSearchParams({ ...W38, ...filters, pageSize: '100' })}`))).items
        .map((r: any) => `${r.classId}/weeks/${r.week}/students/${r.studentId}`)
        .sort();
    const [coverage, reply, read] = heartBridgeIndicators;
    for (const [ind, drill] of [
      [coverage, { numerator: { twoWay: '1' }, denominator: {} }],
      [reply, { numerator: { twoWay: '1' }, denominator: { schoolSide: '1' } }],
    ] as const) {
      const f = await ind.compute(t.db, q);
      const ids = (await ind.records!(t.db, q, f))!;
      // The ids are the rows of the figure's own drill list, one by one.
      expect(ids).toEqual({ numerator: await listed(drill.numerator), denominator: await listed(drill.denominator) });
    }
    // The read rate counts sides: the school's W38 has 6 written, 3 of them read.
    const ids = (await read.records!(t.db, q, await read.compute(t.db, q)))!;
    expect([ids.numerator.length, ids.denominator.length]).toEqual([3, 6]);
    expect(ids.denominator.every((id) => /#(school|home)$/.test(id))).toBe(true);
  });

  it('lists and exports the class coverage, sorted by coverage', async () => {
    const list = await ok(w.users.principal.get(`${base}/schools/${w.school.id}/coverage?week=2026-W38&asOf=2026-10-12&sort=coverage&order=desc`));
    expect(list.items.map((r: any) => [r.className, r.coverage.numerator, r.coverage.denominator])).toEqual([
      ['初一（2）班', 1, 2],
      ['初一（1）班', 1, 4],
      ['初二（1）班', 0, 1],
    ]);
    const grade = await ok(w.users.principal.get(`${base}/schools/${w.school.id}/coverage?week=2026-W38&gradeId=${w.grade2.id}`));
    expect(grade.items.map((r: any) => r.className)).toEqual(['初二（1）班']);
    const res = await t.app.inject({
      method: 'GET',
      url: `${base}/schools/${w.school.id}/coverage.xlsx?week=2026-W38&sort=coverage&order=desc`,
      headers: { cookie: w.users.principal.cookie },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as any);
    const rows = wb.worksheets[0]
      .getSheetValues()
      .filter(Boolean)
      .map((r: any) => r.slice(1));
    expect(rows[0]).toContain('双向覆盖率(%)');
    expect(rows.slice(1).map((r: any) => [r[1], r[5]])).toEqual([
      ['初一（2）班', 50],
      ['初一（1）班', 25],
      ['初二（1）班', 0],
    ]);
  });

  it('lists students without an exchange for two or more school weeks', async () => {
    const list = await ok(w.users.principal.get(`${base}/schools/${w.school.id}/no-exchange?asOf=2026-10-12&sort=weeks&order=desc&pageSize=50`));
    expect(list.total).toBe(6);
    expect(list.items.map((r: any) => [r.className, r.studentName, r.weeks])).toEqual([
      ['初一（1）班', '张小刚', 6],
      ['初一（1）班', '赵小丽', 6],
      ['初一（2）班', '孙小梅', 6],
      ['初二（1）班', '周小军', 6],
      ['初一（2）班', '钱小兵', 3],
      ['初一（1）班', '李小红', 2],
    ]);
    expect(list.items.map((r: any) => r.weeks)).toEqual([6, 6, 6, 6, 3, 2]);
    expect(list.items.slice(4).map((r: any) => [r.studentName, r.lastExchangeWeek])).toEqual([
      ['钱小兵', '2026-W38'],
      ['李小红', '2026-W39'],
    ]);
    const three = await ok(w.users.principal.get(`${base}/schools/${w.school.id}/no-exchange?asOf=2026-10-12&minWeeks=3&classId=${w.classB.id}`));
    expect(three.items.map((r: any) => r.studentName).sort()).toEqual(['孙小梅', '钱小兵'].sort());
  });

  it('counts a week as finished only once its Sunday has passed, so the figure holds over the weekend', async () => {
    const asOf = async (day: string) =>
      (await ok(w.users.principal.get(`${base}/schools/${w.school.id}/no-exchange?asOf=${day}&sort=weeks&order=desc&pageSize=50`))).items.map((r: any) => [
        r.studentName,
        r.weeks,
      ]);
    // Fri 25 Sep and Sat 26 Sep 2026: W39 (a1 and a2 two-way) is not over yet; W36–W38 count.
    const saturday = await asOf('2026-09-26');
    expect(saturday).toEqual(await asOf('2026-09-25'));
    expect(saturday.map(([, n]: [string, number]) => n)).toEqual([3, 3, 3, 3, 3]);
    expect(saturday.map(([name]: [string, number]) => name)).toContain('李小红');
    // Mon 28 Sep: W39 is finished; 李小红 exchanged in it, the others' silence grows to 4 weeks.
    const monday = await asOf('2026-09-28');
    expect(monday.map(([, n]: [string, number]) => n)).toEqual([4, 4, 4, 4]);
    expect(monday.map(([name]: [string, number]) => name)).not.toContain('李小红');
  });

  it('gives a student’s history as a timeline, newest first, to the guardian', async () => {
    const tl = await ok(w.users.gA1.get(`${base}/students/${w.a1.id}/timeline`));
    expect(tl.items.map((n: any) => n.week)).toEqual(['2026-W40', '2026-W39', '2026-W38', '2026-W37', '2026-W36']);
    expect(tl.items[0].home.atHome).toBe('假期安排好');
    const p2 = await ok(w.users.gA1.get(`${base}/students/${w.a1.id}/timeline?pageSize=2&page=2`));
    expect(p2.total).toBe(5);
    expect(p2.items.map((n: any) => n.week)).toEqual(['2026-W38', '2026-W37']);
  });
});

describe('the printed week', () => {
  it('renders a print-ready page with every user text escaped', async () => {
    await ok(w.users.subjA.request('PUT', `${page(w.a4.id, '2026-W41')}/school`, school('<script>alert("x")</script> & 好', '<b>棒</b>')));
    const res = await w.users.headA.get(`${base}/classes/${w.classA.id}/weeks/2026-W41/print`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.text).toContain("font-family: 'Noto Sans CJK SC'");
    expect(res.text).toContain('@page');
    expect(res.text).toContain('@media print');
    expect(res.text).not.toContain('<script>');
    expect(res.text).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; 好');
    expect(res.text).toContain('&lt;b&gt;棒&lt;/b&gt;');
    for (const name of ['王小明', '李小红', '张小刚', '赵小丽']) expect(res.text).toContain(name);
    expect(res.text).not.toContain('钱小兵');
    expect(res.text).toContain('第 6 周（10月5日—10月11日）');
    // The ISO key the API uses never reaches paper.
    expect(res.text).not.toMatch(/\d{4}-W\d{2}/);
  });
});

describe('quick phrases of encouragement', () => {
  it('offers defaults, and the academic office edits the school’s own list', async () => {
    const before = await ok(w.users.gA1.get(`${base}/schools/${w.school.id}/phrases`));
    expect(before.custom).toBe(false);
    expect(before.school.length).toBeGreaterThan(3);
    await ok(w.users.academic.request('PUT', `${base}/schools/${w.school.id}/phrases`, { school: ['你真棒！', '进步很大'], home: ['我们爱你'] }));
    expect(await ok(w.users.gA1.get(`${base}/schools/${w.school.id}/phrases`))).toEqual({ school: ['你真棒！', '进步很大'], home: ['我们爱你'], custom: true });
    const other = await ok(w.users.otherPrincipal.get(`${base}/schools/${w.other.id}/phrases`));
    expect(other.custom).toBe(false);
  });
});

describe('the weekly counts behind the dashboards', () => {
  const snapshot = () =>
    t.db
      .selectFrom('heart_bridge_week_stats' as any)
      .select(['class_id', 'week', 'school_sides', 'home_sides', 'two_way', 'school_read', 'home_read'])
      .where('school_id', '=', w.school.id)
      .orderBy('class_id')
      .orderBy('week')
      .execute();

  it('stay equal to a recount from the pages after every kind of write', async () => {
    const live = await snapshot();
    expect(live.length).toBeGreaterThan(5);
    await rebuildWeekStats(t.db, w.school.id);
    expect(await snapshot()).toEqual(live);
  });

  it('follow a student who moved class: the page written after the move counts for the new class', async () => {
    const stat = async (classId: string) => (await snapshot()).find((r: any) => r.class_id === classId && r.week === '2026-W41') as any;
    expect((await stat(w.classA.id)).school_sides).toBe(1);
    await t.db.updateTable('persons').set({ org_id: w.classB.id }).where('id', '=', w.a4.id).execute();
    expect((await w.users.headA.request('PUT', `${page(w.a4.id, '2026-W41')}/school`, school('已转班'))).status).toBe(404);
    await ok(w.users.headB.request('PUT', `${page(w.a4.id, '2026-W41')}/school`, school('转入本班第一周')));
    expect((await stat(w.classA.id)).school_sides).toBe(0);
    expect((await stat(w.classB.id)).school_sides).toBe(1);
  });
});
