import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app.js';
import { type SchoolWorld, useSchoolWorld } from '../school/school.testkit.js';
import { remindGuardians, remindTeachers } from './heartBridge.jobs.js';

const t = useTestApp();
const w = useSchoolWorld(t, beforeAll);

const base = '/api/v1/heart-bridge';
/** A Shanghai wall-clock time as the instant a job tick stands for. */
const local = (s: string) => new Date(`${s}:00+08:00`);

async function inbox(accountId: string, kind: string) {
  return t.db
    .selectFrom('notifications')
    .select(['title', 'body', 'link'])
    .where('account_id', '=', accountId)
    .where('kind', '=', kind)
    .orderBy('created_at')
    .execute();
}

async function write(c: SchoolWorld['users']['headA'], studentId: string, week: string, side: 'school' | 'home') {
  const body = side === 'school' ? { atSchool: '表现不错', suggestion: '', encouragement: '' } : { atHome: '在家很好', suggestion: '', encouragement: '' };
  const res = await c.request('PUT', `${base}/students/${studentId}/weeks/${week}/${side}`, body);
  expect(res.status, res.text).toBe(200);
}

describe('teacher reminders at the end of the school week', () => {
  it('waits for the last school day (a make-up Sunday) from 16:00, then reminds each teacher of the class once', async () => {
    await write(w.users.headA, w.a1.id, '2026-W38', 'school');
    const kind = 'heartBridge.teacherReminder';
    // Friday 18 Sep is not the week's last school day: Sunday 20 Sep is a make-up workday.
    await remindTeachers(t.db, local('2026-09-18T17:00'));
    await remindTeachers(t.db, local('2026-09-20T15:59'));
    expect(await inbox(w.users.headA.accountId, kind)).toHaveLength(0);

    expect(await t.app.deps.scheduler.runOnce('heartBridge.teacherReminders', local('2026-09-20T16:00'))).toBe(true);
    const headA = await inbox(w.users.headA.accountId, kind);
    expect(headA).toHaveLength(1);
    expect(headA[0].title).toBe('心桥：本周还有 3 名学生的学校留言未填写');
    // The term began on Tue 1 Sep (W36 is its first week): weeks are named as the school counts them.
    expect(headA[0].body).toBe('初一（1）班 第 3 周（9月14日—9月20日）还有 3 名学生的学校一栏为空，请在放学前完成。');
    expect(headA[0].link).toBe(`/heart-bridge/classes/${w.classA.id}/weeks/2026-W38`);
    // The subject teacher of classes A and C hears about each class; class B's head teacher about B.
    expect((await inbox(w.users.subjA.accountId, kind)).map((n) => n.title).sort()).toEqual([
      '心桥：本周还有 1 名学生的学校留言未填写',
      '心桥：本周还有 3 名学生的学校留言未填写',
    ]);
    expect((await inbox(w.users.headB.accountId, kind))[0].title).toContain('2 名');
    expect(await inbox(w.users.headX.accountId, kind)).toHaveLength(1);

    // Later ticks, and two instances at once, send nothing more.
    await remindTeachers(t.db, local('2026-09-20T16:10'));
    await Promise.all([remindTeachers(t.db, local('2026-09-20T18:00')), remindTeachers(t.db, local('2026-09-20T18:00'))]);
    expect(await inbox(w.users.headA.accountId, kind)).toHaveLength(1);
    expect(await inbox(w.users.subjA.accountId, kind)).toHaveLength(2);
  });

  it('catches up later in the same week, but not in quiet hours', async () => {
    const kind = 'heartBridge.teacherReminder';
    const before = (await inbox(w.users.headB.accountId, kind)).length;
    // W40 ends on Wednesday 30 Sep (1–4 Oct are the National Day holiday). The server missed that afternoon.
    await remindTeachers(t.db, local('2026-10-01T23:00'));
    expect(await inbox(w.users.headB.accountId, kind)).toHaveLength(before);
    await remindTeachers(t.db, local('2026-10-02T10:00'));
    const after = await inbox(w.users.headB.accountId, kind);
    expect(after).toHaveLength(before + 1);
    expect(after[after.length - 1].body).toContain('第 5 周（9月28日—10月4日）');
    expect(after[after.length - 1].body).not.toContain('2026-W');
    // The next ISO week has begun: W40 is not reminded again.
    await remindTeachers(t.db, local('2026-10-05T16:00'));
    expect(await inbox(w.users.headB.accountId, kind)).toHaveLength(before + 1);
  });
});

describe('guardian reminders the morning after the school side', () => {
  it('reminds each guardian once, the next morning, never in quiet hours, and not when the home side is written', async () => {
    const kind = 'heartBridge.guardianReminder';
    await write(w.users.headA, w.a2.id, '2026-W39', 'school');
    await write(w.users.headA, w.a1.id, '2026-W39', 'school');
    await write(w.users.gA1, w.a1.id, '2026-W39', 'home');
    await write(w.users.headB, w.b1.id, '2026-W39', 'school');
    await write(w.users.headX, w.x1.id, '2026-W39', 'school');
    // Pin when the school sides were written: Thursday 24 Sep, 16:00 in Shanghai.
    await t.db
      .updateTable('heart_bridge_notes' as any)
      .set({ school_written_at: '2026-09-24T08:00:00.000Z' })
      .where('week', '=', '2026-W39')
      .execute();
    // The other school keeps guardians undisturbed until 09:00.
    expect((await w.users.otherPrincipal.patch(`/api/v1/school/schools/${w.other.id}/settings`, { quietStart: '20:00', quietEnd: '09:00' })).status).toBe(200);

    expect(await remindGuardians(t.db, local('2026-09-24T22:00'))).toBe(0); // same day (and quiet)
    expect(await remindGuardians(t.db, local('2026-09-25T06:30'))).toBe(0); // quiet hours
    expect(await remindGuardians(t.db, local('2026-09-25T07:10'))).toBe(0); // not yet 07:30
    expect(await remindGuardians(t.db, local('2026-09-25T07:30'))).toBe(2);
    const two = await inbox(w.users.gTwo.accountId, kind);
    expect(two).toHaveLength(1);
    expect(two[0].title).toBe('心桥：老师给 李小红 写了本周留言');
    expect(two[0].body).toBe('老师已填写 李小红 第 4 周（9月21日—9月27日） 的在校情况，请抽空阅读并写下孩子在家的情况和对孩子的鼓励。');
    expect(two[0].link).toBe(`/heart-bridge/students/${w.a2.id}/weeks/2026-W39`);
    expect(await inbox(w.users.gB1.accountId, kind)).toHaveLength(1);
    // a1's home side is written: neither of a1's guardians is reminded.
    expect(await inbox(w.users.gA1.accountId, kind)).toHaveLength(0);
    expect(await inbox(w.users.gA1b.accountId, kind)).toHaveLength(0);
    // The other school is still in its quiet hours: deferred, not dropped.
    expect(await inbox(w.users.gX1.accountId, kind)).toHaveLength(0);

    const again = await Promise.all([remindGuardians(t.db, local('2026-09-25T08:00')), remindGuardians(t.db, local('2026-09-25T08:00'))]);
    expect(again).toEqual([0, 0]);
    expect(await remindGuardians(t.db, local('2026-09-25T09:00'))).toBe(1);
    expect(await inbox(w.users.gX1.accountId, kind)).toHaveLength(1);
    expect(await remindGuardians(t.db, local('2026-09-25T12:00'))).toBe(0);
    expect(await inbox(w.users.gTwo.accountId, kind)).toHaveLength(1);
  });
});
