import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app.js';
import { indicator } from '../../core/indicators/indicators.registry.js';
import { addDays, shanghaiDate } from '../../core/calendar/calendar.js';
import { wageAppeal } from '../appeals/appeals.testkit.js';

const t = useTestApp();
let w: Awaited<ReturnType<typeof world>>;
async function world() {
  const group = await t.org('煤业集团', 'group');
  const mine = await t.org('一号矿', 'mine', group);
  const prod = await t.org('生产部', 'department', mine);
  const team = await t.org('综采一队', 'team', prod);
  const mine2 = await t.org('二号矿', 'mine', group);
  const chair = await t.user([{ role: 'unionChair', org: mine }]);
  const staff = await t.user([{ role: 'unionStaff', org: mine }]);
  const handler = await t.user([{ role: 'handler', org: prod }]);
  const handler2 = await t.user([{ role: 'handler', org: prod }]);
  const worker = await t.user([{ role: 'worker', org: team }]);
  const worker2 = await t.user([{ role: 'worker', org: mine2 }]);
  const other = await t.org('另一集团', 'group');
  const otherStaff = await t.user([{ role: 'unionStaff', org: other }]);
  return { group, mine, prod, team, chair, staff, handler, handler2, worker, worker2, other, otherStaff };
}
beforeAll(async () => {
  w = await world();
});

const base = '/api/v1/meetings';
async function ok(p: Promise<{ status: number; body: any; text: string }>, status = 200) {
  const r = await p;
  expect(r.status, r.text).toBe(status);
  return r.body;
}

describe('a joint meeting from plan to published minutes, and its decisions carried over', () => {
  it('records a decision, the owner reports progress, the next meeting opens with it', async () => {
    const series = await ok(w.staff.post(`${base}/series`, { orgId: w.mine.id, kind: 'joint', name: '一号矿工会与行政联席会' }), 201);
    expect((await w.otherStaff.post(`${base}/series`, { orgId: w.mine.id, kind: 'joint', name: '越权' })).status).toBe(422);
    const first = await ok(
      w.staff.post(base, {
        seriesId: series.id,
        title: '10月联席会',
        plannedDate: '2026-10-20',
        agenda: [{ title: '倒班宿舍维修', presenterAccountId: w.handler.accountId }],
        attendeeAccountIds: [w.chair.accountId, w.handler.accountId, w.handler2.accountId],
      }),
      201,
    );
    // The handler attends: signs in on a phone and sees the meeting; the worker does not see it yet.
    await ok(w.handler.post(`${base}/${first.id}/sign-in`, {}));
    expect((await w.worker.get(`${base}/${first.id}`)).status).toBe(404);
    const absent = await w.staff.post(`${base}/${first.id}/attendance`, { accountId: w.handler2.accountId, present: false });
    expect([absent.status, absent.body.errors[0].field]).toEqual([422, 'absenceReason']);
    await ok(w.staff.post(`${base}/${first.id}/attendance`, { accountId: w.handler2.accountId, present: false, absenceReason: '井下值班' }));

    const early = await w.staff.post(`${base}/${first.id}/decisions`, {
      title: '更换倒班宿舍门窗',
      ownerAccountId: w.handler.accountId,
      dueDate: '2026-11-30',
    });
    expect(early.status).toBe(422);
    await ok(w.staff.post(`${base}/${first.id}/held`, { heldDate: '2026-10-20' }));
    expect((await w.staff.post(`${base}/${first.id}/held`, { heldDate: '2026-10-20' })).status).toBe(409);
    const agenda = (await ok(w.staff.get(`${base}/${first.id}`))).agenda;
    expect(agenda.map((a: any) => [a.seq, a.title, a.carryOver])).toEqual([[1, '倒班宿舍维修', null]]);
    const d1 = await ok(
      w.chair.post(`${base}/${first.id}/decisions`, {
        agendaItemId: agenda[0].id,
        title: '更换倒班宿舍门窗',
        ownerAccountId: w.handler.accountId,
        coOwnerAccountIds: [w.handler2.accountId],
        dueDate: '2026-11-30',
        public: true,
      }),
      201,
    );
    await ok(w.chair.post(`${base}/${first.id}/decisions`, { title: '修缮卫生间', ownerAccountId: w.handler2.accountId, dueDate: '2026-11-15' }), 201);

    // Minutes: drafted by staff, approved by the chair only, published to the mine.
    await ok(
      w.staff.request('PUT', `${base}/${first.id}/minutes`, {
        minutes: '会议研究了倒班宿舍维修。',
        items: [{ agendaItemId: agenda[0].id, minutes: '议定更换门窗。' }],
      }),
    );
    expect((await w.staff.post(`${base}/${first.id}/approve`, {})).status).toBe(403);
    expect((await w.staff.post(`${base}/${first.id}/publish`, { orgId: w.mine.id })).status).toBe(409);
    await ok(w.chair.post(`${base}/${first.id}/approve`, {}));
    expect((await w.staff.post(`${base}/${first.id}/publish`, { orgId: w.group.id })).status).toBe(422);
    await ok(w.staff.post(`${base}/${first.id}/publish`, { orgId: w.mine.id }));
    expect((await ok(w.worker.get(`${base}/published`))).items.map((m: any) => m.title)).toContain('10月联席会');
    expect((await ok(w.worker2.get(`${base}/published`))).items).toEqual([]);
    expect((await ok(w.worker.get(`${base}/${first.id}`))).minutes).toBe('会议研究了倒班宿舍维修。');

    // The owner reports progress on the decided item; the co-owner closes nothing.
    await ok(w.handler.post(`/api/v1/decided-items/${d1.id}/progress`, { progress: 60, note: '门窗已到货' }));
    expect((await w.handler2.post(`/api/v1/decided-items/${d1.id}/done`, {})).status).toBe(403);
    expect((await ok(w.worker.get('/api/v1/decided-items/public?pageSize=200'))).items.map((i: any) => [i.title, i.progress])).toContainEqual([
      '更换倒班宿舍门窗',
      60,
    ]);

    // The next meeting of the series opens with the carry-over: both items, with their progress.
    const second = await ok(w.staff.post(base, { seriesId: series.id, title: '11月联席会', plannedDate: '2026-11-20', agenda: [{ title: '劳保用品' }] }), 201);
    const next = await ok(w.staff.get(`${base}/${second.id}`));
    expect(next.agenda.map((a: any) => a.title)).toEqual(['上次会议督办事项落实情况', '劳保用品']);
    expect(next.agenda[0].carryOver.map((i: any) => [i.title, i.status, i.progress, i.closedSincePrevious])).toEqual([
      ['更换倒班宿舍门窗', 'inProgress', 60, false],
      ['修缮卫生间', 'planned', 0, false],
    ]);
    expect(next.agenda[0].carryOver[0].sourceLabel).toBe('10月联席会（工会与行政联席会） · 议题1：倒班宿舍维修');
    // Closed since the previous meeting: still listed, marked closed.
    await ok(w.handler.post(`/api/v1/decided-items/${d1.id}/done`, {}));
    const after = await ok(w.staff.get(`${base}/${second.id}`));
    expect(after.agenda[0].carryOver[0]).toMatchObject({ title: '更换倒班宿舍门窗', status: 'done', progress: 100, closedSincePrevious: true });
    expect((await w.otherStaff.get(`${base}/${second.id}`)).status).toBe(404);
    expect((await w.staff.post(`${base}/${second.id}/cancel`, { reason: '与职代会冲突' })).status).toBe(200);
    expect((await w.staff.post(`${base}/${second.id}/held`, { heldDate: '2026-11-20' })).status).toBe(409);
  });
});

describe('a planned meeting changed before it is held', () => {
  it('takes a new date, agenda and attendees, keeps a sign-in already recorded, and refuses once held', async () => {
    const series = await ok(w.staff.post(`${base}/series`, { orgId: w.mine.id, kind: 'regular', name: '一号矿改期例会' }), 201);
    const earlier = await ok(w.staff.post(base, { seriesId: series.id, title: '1月例会', plannedDate: '2027-01-10' }), 201);
    const m = await ok(
      w.staff.post(base, {
        seriesId: series.id,
        title: '元旦前例会',
        plannedDate: '2027-01-05',
        agenda: [{ title: '节日慰问' }],
        attendeeAccountIds: [w.handler.accountId, w.handler2.accountId],
      }),
      201,
    );
    await ok(w.handler.post(`${base}/${m.id}/sign-in`, {}));
    // Moved after the series' first meeting: it now opens with the carry-over report.
    const plan = {
      title: '1月下旬例会',
      plannedDate: '2027-01-25',
      location: '工会会议室',
      agenda: [{ title: '春节慰问', presenterAccountId: w.chair.accountId }, { title: '劳保用品' }],
      attendeeAccountIds: [w.handler.accountId, w.chair.accountId],
    };
    expect((await w.handler.request('PUT', `${base}/${m.id}`, plan)).status).toBe(403);
    expect((await w.otherStaff.request('PUT', `${base}/${m.id}`, plan)).status).toBe(404);
    const stranger = await w.staff.request('PUT', `${base}/${m.id}`, { ...plan, attendeeAccountIds: [w.handler.accountId, w.mine.id] });
    expect([stranger.status, stranger.body.errors[0].field]).toEqual([422, 'attendeeAccountIds.1']);
    await ok(w.staff.request('PUT', `${base}/${m.id}`, plan));
    const d = await ok(w.staff.get(`${base}/${m.id}`));
    expect([d.title, d.plannedDate, d.location]).toEqual(['1月下旬例会', '2027-01-25', '工会会议室']);
    expect(d.agenda.map((a: any) => [a.seq, a.title, a.presenterAccountId])).toEqual([
      [1, '上次会议督办事项落实情况', null],
      [2, '春节慰问', w.chair.accountId],
      [3, '劳保用品', null],
    ]);
    expect(d.attendees.map((a: any) => [a.accountId, !!a.signedInAt]).sort()).toEqual(
      [
        [w.chair.accountId, false],
        [w.handler.accountId, true],
      ].sort(),
    );
    // The removed attendee no longer reaches the meeting.
    expect((await w.handler2.get(`${base}/${m.id}`)).status).toBe(404);
    // Moved before the series' first meeting again: the carry-over item goes.
    await ok(w.staff.request('PUT', `${base}/${m.id}`, { ...plan, plannedDate: '2027-01-02' }));
    expect((await ok(w.staff.get(`${base}/${m.id}`))).agenda.map((a: any) => a.title)).toEqual(['春节慰问', '劳保用品']);

    await ok(w.staff.post(`${base}/${earlier.id}/cancel`, { reason: '并入下旬例会' }));
    expect((await w.staff.request('PUT', `${base}/${earlier.id}`, plan)).status).toBe(409);
    await ok(w.staff.post(`${base}/${m.id}/held`, { heldDate: '2026-12-01' }));
    expect((await w.staff.request('PUT', `${base}/${m.id}`, plan)).status).toBe(409);
  });
});

describe('an appeal taken to a meeting', () => {
  it('goes on the agenda by its number, within the meeting’s org, and the approved conclusion reaches the worker’s timeline', async () => {
    const submitted = await ok(w.worker.post('/api/v1/appeals', wageAppeal({ title: '井口澡堂热水不够' })), 201);
    const elsewhere = await ok(w.worker2.post('/api/v1/appeals', wageAppeal({ title: '二号矿食堂' })), 201);
    const quiet = await ok(w.worker.post('/api/v1/appeals', wageAppeal({ title: '更衣柜不够用' })), 201);
    const series = await ok(w.staff.post(`${base}/series`, { orgId: w.mine.id, kind: 'regular', name: '一号矿工会例会' }), 201);
    const plan = (agenda: unknown[]) =>
      w.staff.post(base, { seriesId: series.id, title: '12月例会', plannedDate: '2026-12-01', agenda, attendeeAccountIds: [w.handler.accountId] });
    // Another mine's appeal is not this meeting's to study; nor is a number nobody has.
    for (const code of [elsewhere.code, 'SQ20200101-9999']) {
      const refused = await plan([{ title: '热水', appealCode: code }]);
      expect([refused.status, refused.body.errors[0].field]).toEqual([422, 'agenda.0.appealCode']);
    }
    const meeting = await ok(
      plan([{ title: '澡堂热水', appealCode: submitted.code }, { title: '更衣柜', appealCode: quiet.code }, { title: '劳保用品' }]),
      201,
    );
    const detail = await ok(w.staff.get(`${base}/${meeting.id}`));
    expect(detail.agenda.map((a: any) => a.appeal?.code ?? null)).toEqual([submitted.code, quiet.code, null]);
    // An attendee reads the agenda, not the appeals behind it.
    expect((await ok(w.handler.get(`${base}/${meeting.id}`))).agenda.map((a: any) => a.appeal)).toEqual([null, null, null]);

    await ok(w.staff.post(`${base}/${meeting.id}/held`, { heldDate: '2026-12-01' }));
    await ok(
      w.staff.request('PUT', `${base}/${meeting.id}/minutes`, {
        minutes: '例会研究了澡堂、更衣柜和劳保用品。',
        items: [{ agendaItemId: detail.agenda[0].id, minutes: '澡堂加装一台热水器，月底前完成。' }],
      }),
    );
    const before = await ok(w.worker.get(`/api/v1/appeals/${submitted.id}`));
    expect(before.timeline.map((e: any) => e.kind)).not.toContain('meeting');
    await ok(w.chair.post(`${base}/${meeting.id}/approve`, {}));
    const timeline = async (id: string) => (await ok(w.worker.get(`/api/v1/appeals/${id}`))).timeline.filter((e: any) => e.kind === 'meeting');
    expect((await timeline(submitted.id)).map((e: any) => [e.actor, e.note])).toEqual([['工会', '澡堂加装一台热水器，月底前完成。']]);
    // An item with no conclusion of its own says so — the minutes as a whole speak of other people's matters.
    expect((await timeline(quiet.id)).map((e: any) => e.note)).toEqual(['会议已研究此诉求，结论另行答复']);
  });
});

describe('meeting indicators', () => {
  it('each figure equals the rows of its drill-down list', async () => {
    const org = await t.org('指标矿', 'mine', w.group);
    const chair = await t.user([{ role: 'unionChair', org }]);
    const owner = await t.user([{ role: 'handler', org }]);
    const series = await ok(chair.post(`${base}/series`, { orgId: org.id, kind: 'regular', name: '例会' }), 201);
    const mk = (plannedDate: string) => ok(chair.post(base, { seriesId: series.id, title: `${plannedDate} 例会`, plannedDate }), 201);
    const a = await mk('2026-09-10');
    await mk('2026-09-24');
    await mk('2026-08-10');
    await ok(chair.post(`${base}/${a.id}/held`, { heldDate: '2026-09-10' }));
    const d = await ok(chair.post(`${base}/${a.id}/decisions`, { title: '决定一', ownerAccountId: owner.accountId, dueDate: '2026-09-30' }), 201);
    await ok(chair.post(`${base}/${a.id}/decisions`, { title: '决定二', ownerAccountId: owner.accountId, dueDate: '2026-09-30' }), 201);
    await ok(owner.post(`/api/v1/decided-items/${d.id}/done`, {}));

    const q = { scope: { all: false, paths: [org.path] }, from: '2026-09-01', to: '2026-09-30' };
    const held = await indicator('meetings.heldAsPlanned')!.compute(t.db, q);
    expect([held.numerator, held.denominator, held.value]).toEqual([1, 2, 0.5]);
    const meetings = async (f: Record<string, string>) => (await ok(chair.get(`${base}?${new URLSearchParams(f)}`))).total;
    expect(await meetings(held.drill!.numerator)).toBe(1);
    expect(await meetings(held.drill!.denominator)).toBe(2);
    const closed = await indicator('meetings.decisionsClosed')!.compute(t.db, q);
    expect([closed.numerator, closed.denominator]).toEqual([1, 2]);
    const items = async (f: Record<string, string>) => (await ok(chair.get(`/api/v1/decided-items?orgId=${org.id}&${new URLSearchParams(f)}`))).total;
    expect(await items(closed.drill!.numerator)).toBe(1);
    expect(await items(closed.drill!.denominator)).toBe(2);

    // Carried over into a period that begins tomorrow: the open decision, not the done one nor a dropped one.
    const gone = await ok(chair.post(`${base}/${a.id}/decisions`, { title: '决定三', ownerAccountId: owner.accountId, dueDate: '2026-09-30' }), 201);
    await ok(chair.post(`/api/v1/decided-items/${gone.id}/drop`, { reason: '并入决定二' }));
    const tomorrow = shanghaiDate(new Date(Date.now() + 86_400_000));
    const carried = await indicator('meetings.decisionsCarriedOver')!.compute(t.db, { ...q, from: tomorrow, to: addDays(tomorrow, 30) });
    expect(carried.value).toBe(1);
    expect(await items(carried.drill!.numerator)).toBe(1);
    // A period that began before the decisions were taken carries none of them.
    expect((await indicator('meetings.decisionsCarriedOver')!.compute(t.db, q)).value).toBe(0);
  });
});

describe('a decision’s due date on the working calendar', () => {
  it('counts working days from the meeting across the National Day holiday, and moves a fixed date off a holiday', async () => {
    const series = await ok(w.staff.post(`${base}/series`, { orgId: w.mine.id, kind: 'regular', name: '一号矿节前例会' }), 201);
    const m = await ok(w.staff.post(base, { seriesId: series.id, title: '9月底例会', plannedDate: '2026-09-29' }), 201);
    await ok(w.staff.post(`${base}/${m.id}/held`, { heldDate: '2026-09-29' }));
    const decide = (body: Record<string, unknown>) =>
      w.chair.post(`${base}/${m.id}/decisions`, { title: '节后复工安全检查', ownerAccountId: w.handler.accountId, ...body });
    // 9-30, then 10-1…10-7 off, 10-8, 10-9, 10-10 (the make-up Saturday), 10-12: five working days; five calendar days would be 10-4.
    await ok(decide({ dueWorkingDays: 5 }), 201);
    // A fixed date inside the holiday ends on the first working day after it.
    await ok(decide({ dueDate: '2026-10-03' }), 201);
    const neither = await decide({});
    expect([neither.status, neither.body.errors[0].field, neither.body.errors[0].message]).toEqual([
      422,
      'dueWorkingDays',
      '请填写完成期限：工作日天数或具体日期，二者选一',
    ]);
    expect((await decide({ dueWorkingDays: 5, dueDate: '2026-10-12' })).status).toBe(422);
    const shown = (await ok(w.staff.get(`${base}/${m.id}`))).decisions.map((d: any) => d.dueDate);
    expect(shown).toEqual(['2026-10-12', '2026-10-08']);
  });
});

describe('an adopted congress proposal taken up on a meeting’s agenda, with planned durations', () => {
  it('puts the proposal on the agenda with its number, links back on the proposal’s timeline once, and refuses one not on file', async () => {
    const today = shanghaiDate(new Date());
    const congress = '/api/v1/congress';
    // The congress of the group (the series is the mine's): three representatives raise, second, and the office adopts.
    const groupStaff = await t.user([{ role: 'unionStaff', org: w.group }]);
    const term = await ok(groupStaff.post(`${congress}/terms`, { orgId: w.group.id, number: 9, startDate: '2025-03-01', endDate: '2030-02-28' }), 201);
    const reps: Awaited<ReturnType<typeof t.user>>[] = [];
    for (let i = 0; i < 3; i++) {
      const person = await t.person(w.team);
      const client = await t.user([{ role: 'representative', org: w.team }], { personId: person.id });
      await ok(
        groupStaff.post(`${congress}/terms/${term.id}/representatives`, { personId: person.id, delegation: '一号矿代表团', category: 'frontLine' }),
        201,
      );
      reps.push(client);
    }
    const session = await ok(groupStaff.post(`${congress}/terms/${term.id}/sessions`, { number: 1, startsOn: today }), 201);
    const raise = (title: string) =>
      ok(
        reps[0].post(`${congress}/sessions/${session.id}/proposals`, { title, reasons: '井下职工午餐时间太短，影响休息。', solution: '调整班中餐时间安排。' }),
        201,
      );
    const adopted = await raise('延长井下班中餐时间');
    for (const r of reps.slice(1)) await ok(r.post(`${congress}/proposals/${adopted.id}/second`));
    await ok(groupStaff.post(`${congress}/proposals/${adopted.id}/screen`, { outcome: 'adopt', reason: '事关职工切身利益' }));
    const collecting = await raise('增加班中餐品种');

    const series = await ok(w.staff.post(`${base}/series`, { orgId: w.mine.id, kind: 'joint', name: '一号矿提案联席会' }), 201);
    // The agenda editor's picker offers exactly the proposals the plan accepts: the adopted one, not the one still collecting.
    const choices = async (c: typeof w.staff, seriesId: string, q = '') =>
      c.get(`${base}/series/${seriesId}/proposals${q ? `?q=${encodeURIComponent(q)}` : ''}`);
    expect((await ok(choices(w.staff, series.id))).items).toEqual([
      { id: adopted.id, number: 1, title: '延长井下班中餐时间', status: 'adopted', sessionName: session.name },
    ]);
    expect((await ok(choices(w.staff, series.id, '品种'))).items).toEqual([]);
    expect((await ok(choices(w.staff, series.id, '班中餐'))).items.map((p: any) => p.id)).toEqual([adopted.id]);
    const plan = (proposalId: string, title = '12月联席会') =>
      w.staff.post(base, {
        seriesId: series.id,
        title,
        plannedDate: '2027-01-12',
        agenda: [
          { title: '研究职代会第1号提案', proposalId, plannedMinutes: 30, presenterAccountId: w.handler.accountId },
          { title: '其他事项', plannedMinutes: 15 },
        ],
      });
    const refused = await plan(collecting.id);
    expect([refused.status, refused.body.errors[0].field, refused.body.errors[0].message]).toEqual([
      422,
      'agenda.0.proposalId',
      '该提案未立案，或不属于本会议所在组织及其上下级的职代会',
    ]);
    const m = await ok(plan(adopted.id), 201);
    const detail = await ok(w.staff.get(`${base}/${m.id}`));
    expect(detail.agenda.map((a: any) => [a.title, a.plannedMinutes, a.proposal && [a.proposal.number, a.proposal.title]])).toEqual([
      ['研究职代会第1号提案', 30, [1, '延长井下班中餐时间']],
      ['其他事项', 15, null],
    ]);
    // Rewriting the plan keeps the proposal; its timeline names the meeting once.
    await ok(
      w.staff.request('PUT', `${base}/${m.id}`, {
        title: '12月联席会（改期）',
        plannedDate: '2027-01-14',
        agenda: [{ title: '研究职代会第1号提案', proposalId: adopted.id }],
      }),
    );
    const timeline = (await ok(groupStaff.get(`${congress}/proposals/${adopted.id}`))).timeline.filter((e: any) => e.event === 'onAgenda');
    expect(timeline.map((e: any) => [e.data.meetingId, e.data.meetingTitle])).toEqual([[m.id, '12月联席会']]);
    // Another organisation's meeting cannot take the group's proposal.
    const otherSeries = await ok(w.otherStaff.post(`${base}/series`, { orgId: w.other.id, kind: 'regular', name: '另一集团例会' }), 201);
    const foreign = await w.otherStaff.post(base, {
      seriesId: otherSeries.id,
      title: '例会',
      plannedDate: '2027-01-12',
      agenda: [{ title: '越权', proposalId: adopted.id }],
    });
    expect([foreign.status, foreign.body.errors[0].field]).toEqual([422, 'agenda.0.proposalId']);
    // …and its picker offers nothing of the group's, nor may it ask about the mine's series.
    expect((await ok(choices(w.otherStaff, otherSeries.id))).items).toEqual([]);
    expect((await choices(w.otherStaff, series.id)).status).toBe(404);
    expect((await choices(w.handler, series.id)).status).toBe(404);
  });
});
