import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { useTestApp } from '../../../test/app.js';
import { congressBase as base, congressWorld, type CongressWorld, useCongressWorld } from './congress.testkit.js';
import { attendanceRate, proposalRate, turnout } from './congress.indicators.js';
import { writeCallIn } from '../../core/call.js';
import { systemContext } from '../../core/context.js';
import { openSubjectVote, voteResultOf } from './index.js';

// Every representative signs in from the same test address, and the office makes far more writes a minute than a person
// would (every roster addition is one): the per-address and per-account limits (tested on their own) would stop the file.
const t = useTestApp({ config: { writeLimits: { perAccount: 0, perIp: 0 } } });
const w = useCongressWorld(t, beforeAll);

async function ok(res: Promise<{ status: number; text: string; body: any }>, status = 200) {
  const r = await res;
  expect(r.status, r.text).toBe(status);
  return r.body;
}

const newTerm = (number: number, rules?: unknown) =>
  ok(w.staff.post(`${base}/terms`, { orgId: w.group.id, number, startDate: '2025-03-01', endDate: '2030-02-28', ...(rules ? { rules } : {}) }), 201);

describe('a congress term and its roster', () => {
  it('warns while the roster breaks the proportions the rules set, and stops warning once it meets them', async () => {
    const term = await newTerm(5);
    expect(term.name).toBe('第5届职工代表大会');
    expect(term.rules).toEqual({ leadersMax: 20, frontLineMin: 50, womenMin: 20, dispatchedMin: 5 });

    // Two leaders and one front-line man: leaders 67 % (> 20 %), front-line 33 % (< 50 %), no women, no dispatched worker.
    await w.representative(term.id, { category: 'leader' });
    await w.representative(term.id, { category: 'leader', delegation: '机关代表团' });
    const added = await w.representative(term.id, { category: 'frontLine' });
    expect(added.roster.warnings).toBe(4);
    const leaders = added.roster.checks.find((c: any) => c.rule === 'leadersMax');
    expect(leaders).toEqual({
      rule: 'leadersMax',
      limit: 20,
      count: 2,
      percent: 66.7,
      ok: false,
      message: '领导人员不超过 20%：现有 2 人，占 66.7%，超出比例，请调整代表名单',
    });

    // Seven front-line workers more, two of them women, one dispatched: 10 in all.
    for (let i = 0; i < 7; i++)
      await w.representative(term.id, {
        category: 'frontLine',
        gender: i < 2 ? 'female' : 'male',
        employment: i === 2 ? 'dispatched' : 'contract',
        delegation: '二号矿代表团',
        org: w.team2,
      });
    const detail = await ok(w.chair.get(`${base}/terms/${term.id}`));
    expect(detail.roster).toMatchObject({ total: 10, leaders: 2, frontLine: 8, women: 2, dispatched: 1, warnings: 0 });
    expect(detail.roster.checks.map((c: any) => c.ok)).toEqual([true, true, true, true]);

    // A stricter minimum for women is the congress's own choice: the roster now breaks it.
    const stricter = await ok(
      w.chair.request('PUT', `${base}/terms/${term.id}/rules`, { leadersMax: 20, frontLineMin: 50, womenMin: 30, dispatchedMin: null }),
    );
    expect(stricter.roster.checks.map((c: any) => [c.rule, c.ok])).toEqual([
      ['leadersMax', true],
      ['frontLineMin', true],
      ['womenMin', false],
    ]);
    const list = await ok(w.staff.get(`${base}/terms`));
    expect(list.items.find((x: any) => x.id === term.id)).toMatchObject({ representatives: 10, warnings: 1 });
  });

  it('lists the roster by delegation and category, sorted and paged', async () => {
    const term = await newTerm(6);
    await w.representative(term.id, { category: 'technical', delegation: '机关代表团' });
    await w.representative(term.id, { category: 'frontLine', delegation: '一号矿代表团' });
    await w.representative(term.id, { category: 'frontLine', delegation: '二号矿代表团', org: w.team2 });
    const byDelegation = await ok(w.staff.get(`${base}/terms/${term.id}/representatives?sort=delegation&order=desc`));
    expect(byDelegation.items.map((r: any) => r.delegation)).toEqual(['机关代表团', '二号矿代表团', '一号矿代表团']);
    const frontLine = await ok(w.staff.get(`${base}/terms/${term.id}/representatives?category=frontLine&pageSize=1`));
    expect(frontLine.total).toBe(2);
    expect(frontLine.items).toHaveLength(1);
  });

  it('refuses a person outside the organisation, the same person twice, and a term ending before it starts', async () => {
    const term = await newTerm(7);
    const outsider = await w.worker(await t.org('外单位班组', 'team', w.otherGroup));
    const refused = await w.staff.post(`${base}/terms/${term.id}/representatives`, {
      personId: outsider.id,
      delegation: '一号矿代表团',
      category: 'frontLine',
    });
    expect(refused.status).toBe(422);
    expect(refused.body.errors).toEqual([{ field: 'body.personId', message: '代表须是本组织（含下级单位）的在册职工' }]);
    const rep = await w.representative(term.id, { category: 'frontLine' });
    const twice = await w.staff.post(`${base}/terms/${term.id}/representatives`, {
      personId: rep.person.id,
      delegation: '一号矿代表团',
      category: 'frontLine',
    });
    expect(twice.body.errors[0].message).toBe('此人已是本届职工代表');
    const backwards = await w.staff.post(`${base}/terms`, { orgId: w.group.id, number: 8, startDate: '2025-03-01', endDate: '2024-03-01' });
    expect(backwards.status).toBe(422);
    expect(backwards.body.errors[0].field).toBe('body.endDate');
  });

  it('shows a term to the office and its own representatives only', async () => {
    const term = await newTerm(9);
    const rep = await w.representative(term.id, { category: 'frontLine', account: true });
    const seen = await ok(rep.client!.get(`${base}/terms/${term.id}`));
    expect(seen).toMatchObject({ myRepresentativeId: rep.id, canManage: false });
    expect((await rep.client!.get(`${base}/terms`)).body.items.map((x: any) => x.id)).toContain(term.id);
    // Not on this roster: a representative of another term sees nothing of it.
    const other = await newTerm(10);
    const stranger = await w.representative(other.id, { category: 'frontLine', account: true });
    expect((await stranger.client!.get(`${base}/terms/${term.id}`)).status).toBe(404);
    expect((await w.otherChair.get(`${base}/terms/${term.id}`)).status).toBe(404);
    expect((await rep.client!.post(`${base}/terms/${term.id}/representatives`, { personId: rep.person.id, delegation: 'x', category: 'other' })).status).toBe(
      403,
    );
    expect((await w.handler.get(`${base}/terms/${term.id}`)).status).toBe(404);
  });
});

describe('a session, attendance and the two-thirds quorum', () => {
  it('sits only with two thirds of ALL representatives present, then closes; a closed session takes no sign-in', async () => {
    const term = await newTerm(11);
    const reps: Awaited<ReturnType<CongressWorld['representative']>>[] = [];
    for (let i = 0; i < 6; i++) reps.push(await w.representative(term.id, { category: 'frontLine', account: i < 4 }));
    const outside = await w.staff.post(`${base}/terms/${term.id}/sessions`, { number: 1, startsOn: '2031-01-01' });
    expect(outside.body.errors).toEqual([{ field: 'body.startsOn', message: '会议日期须在本届届期（2025-03-01—2030-02-28）之内' }]);
    const session = await ok(w.staff.post(`${base}/terms/${term.id}/sessions`, { number: 1, startsOn: '2026-03-10' }), 201);
    expect(session).toMatchObject({
      name: '第11届第1次职工代表大会',
      status: 'planned',
      attendance: { expected: 6, present: 0, quorumNeeds: 4, quorate: false },
    });

    // Three sign in on their phones (one twice), one is marked on leave: 3 of 6 is not two thirds.
    for (const r of reps.slice(0, 3)) expect((await ok(r.client!.post(`${base}/sessions/${session.id}/sign-in`))).signedIn).toBe(true);
    expect((await ok(reps[0].client!.post(`${base}/sessions/${session.id}/sign-in`))).attendance.present).toBe(3);
    await ok(w.staff.request('PUT', `${base}/sessions/${session.id}/attendance`, { representativeId: reps[4].id, present: false, absenceReason: '病假' }));
    const early = await w.chair.post(`${base}/sessions/${session.id}/open`);
    expect(early.status).toBe(409);
    expect(early.body.errors[0]).toMatchObject({ field: 'status', message: '实到 3 人，不足全体代表 6 人的三分之二（至少 4 人），不能开会' });

    const fourth = await ok(reps[3].client!.post(`${base}/sessions/${session.id}/sign-in`));
    expect(fourth.attendance).toEqual({ expected: 6, present: 4, quorumNeeds: 4, quorate: true });
    expect((await ok(w.chair.post(`${base}/sessions/${session.id}/open`))).status).toBe('sitting');
    expect((await w.chair.post(`${base}/sessions/${session.id}/open`)).status).toBe(409);

    const sheet = await ok(w.staff.get(`${base}/sessions/${session.id}/attendance`));
    expect(sheet.items.filter((r: any) => r.present)).toHaveLength(4);
    expect(sheet.items.find((r: any) => r.representativeId === reps[4].id)).toMatchObject({ present: false, absenceReason: '病假' });

    expect((await ok(w.chair.post(`${base}/sessions/${session.id}/close`))).status).toBe('closed');
    expect((await w.chair.post(`${base}/sessions/${session.id}/close`)).status).toBe(409);
    const late = await w.staff.request('PUT', `${base}/sessions/${session.id}/attendance`, { representativeId: reps[5].id, present: true });
    expect(late.status).toBe(409);
    expect(late.body.errors[0].message).toBe('本次会议已闭会，不能再登记出席');

    // The attendance rate counts this closed session: 4 present of 6.
    const { figure, rows } = await attendanceRate(t.db, { scope: { all: false, paths: [w.group.path] }, from: '2026-03-10', to: '2026-03-10' });
    expect(figure).toMatchObject({ numerator: 4, denominator: 6, value: 0.6667 });
    expect(rows.map((r) => r.id)).toEqual([session.id]);
    // Its drill lists the sessions with both counts, which sum to the figure; a representative may not ask.
    const held = (await ok(w.chair.get(`${base}/sessions/held?${new URLSearchParams(figure.drill!.numerator)}`))).items;
    expect(held.map((r: any) => [r.id, r.present, r.expected])).toEqual([[session.id, 4, 6]]);
    // Drilled from a mine's work report (orgId), the group's session is not the mine's: none listed.
    expect((await ok(w.chair.get(`${base}/sessions/held?${new URLSearchParams({ ...figure.drill!.numerator, orgId: w.mine1.id })}`))).items).toEqual([]);
    expect((await reps[0].client!.get(`${base}/sessions/held?from=2026-03-10&to=2026-03-10`)).status).toBe(403);
  });

  it('lets only a representative on the roster sign in, and only the office mark attendance', async () => {
    const term = await newTerm(12);
    const rep = await w.representative(term.id, { category: 'frontLine', account: true });
    const session = await ok(w.staff.post(`${base}/terms/${term.id}/sessions`, { number: 1, startsOn: '2026-03-10' }), 201);
    const other = await newTerm(13);
    const stranger = await w.representative(other.id, { category: 'frontLine', account: true });
    expect((await stranger.client!.post(`${base}/sessions/${session.id}/sign-in`)).status).toBe(404);
    expect((await rep.client!.request('PUT', `${base}/sessions/${session.id}/attendance`, { representativeId: rep.id, present: true })).status).toBe(403);
    const wrongRep = await w.staff.request('PUT', `${base}/sessions/${session.id}/attendance`, { representativeId: stranger.id, present: true });
    expect(wrongRep.body.errors).toEqual([{ field: 'body.representativeId', message: '该代表不在本届代表名单中' }]);
    expect((await w.otherChair.post(`${base}/sessions/${session.id}/open`)).status).toBe(404);
    expect((await w.chair.post(`${base}/sessions/${session.id}/close`)).status).toBe(409);
  });
});

describe('proposals from raising to grading', () => {
  const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
  const raise = (c: any, sessionId: string, title: string) =>
    ok(
      c.post(`${base}/sessions/${sessionId}/proposals`, {
        title,
        reasons: '井下更衣室冬季没有暖气，职工换衣受凉。',
        solution: '在更衣室加装暖气片并定期检修。',
      }),
      201,
    );

  it('runs every step through its transition, and refuses each illegal one', async () => {
    const term = await newTerm(20);
    const [a, b, c] = [
      await w.representative(term.id, { category: 'frontLine', account: true }),
      await w.representative(term.id, { category: 'frontLine', account: true }),
      await w.representative(term.id, { category: 'frontLine', account: true }),
    ];
    const session = await ok(w.staff.post(`${base}/terms/${term.id}/sessions`, { number: 1, startsOn: today }), 201);
    const prod1 = await t.org('生产部', 'department', w.mine1);
    const prod2 = await t.org('生产部', 'department', w.mine2);
    const safety = await t.org('安全部', 'department', w.mine1);
    const handler1 = await t.user([{ role: 'handler', org: prod1 }]);
    const handler2 = await t.user([{ role: 'handler', org: prod2 }]);

    const p = await raise(a.client, session.id, '更衣室冬季供暖');
    expect(p).toMatchObject({ status: 'collecting', number: null, seconds: 0, can: { second: false, rate: false } });
    const own = await a.client!.post(`${base}/proposals/${p.id}/second`);
    expect(own.status).toBe(409);
    expect(own.body.errors[0].message).toBe('不能附议自己的提案');
    await ok(b.client!.post(`${base}/proposals/${p.id}/second`));
    expect((await b.client!.post(`${base}/proposals/${p.id}/second`)).body.errors[0].message).toBe('您已附议过该提案');
    const early = await w.staff.post(`${base}/proposals/${p.id}/screen`, { outcome: 'adopt', reason: '事关职工切身利益' });
    expect(early.body.errors[0].message).toBe('该提案只有 1 名代表附议，立案至少需要 2 名');
    await ok(c.client!.post(`${base}/proposals/${p.id}/second`));
    const adopted = await ok(w.staff.post(`${base}/proposals/${p.id}/screen`, { outcome: 'adopt', reason: '事关职工切身利益' }));
    expect(adopted).toMatchObject({ status: 'adopted', number: 1, seconds: 2, screeningReason: '事关职工切身利益' });
    expect((await b.client!.post(`${base}/proposals/${p.id}/second`)).status).toBe(409);

    // The same matter raised again is merged: the group counts both proposers. Others become an opinion, or are not accepted.
    const twin = await raise(b.client, session.id, '更衣室暖气');
    expect((await ok(w.staff.post(`${base}/proposals/${twin.id}/screen`, { outcome: 'merge', reason: '与第1号提案同一事项', mergeIntoId: p.id }))).status).toBe(
      'merged',
    );
    expect((await ok(w.chair.get(`${base}/proposals/${p.id}`))).proposers).toBe(2);
    const idea = await raise(c.client, session.id, '食堂增加面食窗口');
    expect((await ok(w.staff.post(`${base}/proposals/${idea.id}/screen`, { outcome: 'opinion', reason: '属日常管理，转后勤部作为意见建议办理' }))).status).toBe(
      'opinion',
    );
    const noReason = await w.staff.post(`${base}/proposals/${idea.id}/screen`, { outcome: 'reject' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.errors[0].field).toBe('body.reason');

    // Assigned with a co-handler: the answer is due in 15 working days, and a decided item tracks it.
    const assigned = await ok(w.staff.post(`${base}/proposals/${p.id}/assign`, { departmentId: prod1.id, coDepartmentIds: [safety.id] }));
    expect(assigned).toMatchObject({ status: 'assigned', departmentName: '生产部', coDepartmentNames: ['安全部'] });
    expect(assigned.answerDueDate > today).toBe(true);
    expect(assigned.decidedItems).toEqual([expect.objectContaining({ status: 'planned', dueDate: assigned.answerDueDate })]);

    // A handler of another department neither sees nor answers it.
    expect((await handler2.post(`${base}/proposals/${p.id}/answer`, { answer: '我部门已安排加装暖气。' })).status).toBe(404);
    expect((await handler1.get(`${base}/proposals/assigned`)).body.items.map((x: any) => x.id)).toEqual([p.id]);
    await ok(handler1.post(`${base}/proposals/${p.id}/answer`, { answer: '已列入本月检修计划，月底前加装暖气片。' }));
    expect((await b.client!.post(`${base}/proposals/${p.id}/rate`, { rating: 'satisfied' })).status).toBe(403);

    // The first 不满意 sends it back once; the second closes it.
    expect((await ok(a.client!.post(`${base}/proposals/${p.id}/rate`, { rating: 'unsatisfied' }))).status).toBe('assigned');
    await ok(handler1.post(`${base}/proposals/${p.id}/answer`, { answer: '暖气片已于本周安装完毕并试运行。' }));
    const closed = await ok(a.client!.post(`${base}/proposals/${p.id}/rate`, { rating: 'unsatisfied' }));
    expect(closed).toMatchObject({ status: 'closed', rating: 'unsatisfied', reopened: true });
    const graded = await ok(w.chair.post(`${base}/proposals/${p.id}/grade`, { grade: 'A', reason: '暖气已投入使用' }));
    expect(graded).toMatchObject({ status: 'closed', grade: 'A', gradeReason: '暖气已投入使用' });
    expect(graded.timeline.map((e: any) => e.event)).toEqual([
      'raised',
      'seconded',
      'seconded',
      'adopted',
      'assigned',
      'answered',
      'reopened',
      'answered',
      'rated',
      'graded',
    ]);

    // Published to the organisation's workers, not to anyone else's.
    const worker = await t.user([{ role: 'worker', org: w.team1 }]);
    expect((await ok(worker.get(`${base}/sessions/${session.id}/results`))).total).toBe(0);
    expect((await ok(w.staff.post(`${base}/sessions/${session.id}/publish`))).published).toBe(3);
    expect((await ok(worker.get(`${base}/sessions/${session.id}/results?sort=number`))).items.map((x: any) => x.status)).toEqual(
      expect.arrayContaining(['closed', 'merged', 'opinion']),
    );
    const outsider = await t.user([{ role: 'worker', org: w.otherGroup }]);
    expect((await outsider.get(`${base}/sessions/${session.id}/results`)).status).toBe(404);
    // 公布 is also a notice to the organisation (in the notices' chain) saying how each was handled; publishing nothing new adds none.
    expect((await ok(w.staff.post(`${base}/sessions/${session.id}/publish`))).published).toBe(0);
    const reader = await t.user([{ role: 'worker', org: w.team1 }], { personId: (await t.person(w.team1)).id });
    const notices = (await ok(reader.get('/api/v1/notices'))).items.filter((x: any) => x.source?.id === session.id || x.title.endsWith('提案处理结果公布'));
    expect(notices.length).toBe(1);
    const notice = await ok(reader.get(`/api/v1/notices/${notices[0].id}`));
    expect([notice.source.kind, notice.body.includes('已办结。答复：暖气片已于本周安装完毕并试运行。')]).toEqual(['congress.session', true]);
    expect((await ok(outsider.get('/api/v1/notices'))).items.some((x: any) => x.id === notice.id)).toBe(false);

    // The indicators count exactly the rows their drill-down lists.
    const q = { scope: { all: false, paths: [w.group.path] }, from: today, to: today };
    for (const [numerator, denominator, n, d] of [
      ['adopted', 'screened', 1, 3],
      ['answeredOnTime', 'answered', 1, 1],
      ['satisfied', 'rated', 0, 1],
      ['gradeA', 'graded', 1, 1],
    ] as const) {
      const figure = await proposalRate(t.db, q, numerator, denominator);
      expect([figure.numerator, figure.denominator]).toEqual([n, d]);
      for (const [set, count] of [
        [numerator, n],
        [denominator, d],
      ] as const) {
        expect((await ok(w.chair.get(`${base}/proposals?from=${today}&to=${today}&set=${set}`))).total).toBe(count);
      }
    }
    // A work report's drill carries its org: the group's report lists the same rows, a mine's none (the session is the group's).
    const screenedIn = async (orgId: string) => (await ok(w.chair.get(`${base}/proposals?from=${today}&to=${today}&set=screened&orgId=${orgId}`))).total;
    expect([await screenedIn(w.group.id), await screenedIn(w.mine1.id)]).toEqual([3, 0]);
  });

  it('refuses proposals and seconds after the collection period', async () => {
    const term = await newTerm(21);
    const a = await w.representative(term.id, { category: 'frontLine', account: true });
    const session = await ok(w.staff.post(`${base}/terms/${term.id}/sessions`, { number: 1, startsOn: '2026-03-10', proposalsCloseOn: '2026-03-17' }), 201);
    const late = await a.client!.post(`${base}/sessions/${session.id}/proposals`, {
      title: '更衣室冬季供暖',
      reasons: '井下更衣室冬季没有暖气，职工换衣受凉。',
      solution: '加装暖气片。',
    });
    expect(late.status).toBe(409);
    expect(late.body.errors[0].message).toBe('提案征集已于 2026-03-17 截止，不能再提交提案');
  });
});

describe("proposal figures by cut, and representatives' participation", () => {
  const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
  it("cuts by session, department, delegation and category, each row's counts equal to its drill-down lists", async () => {
    // A world of its own: its chair's reach holds only these proposals.
    const v = await congressWorld(t);
    const term = await ok(v.staff.post(`${base}/terms`, { orgId: v.group.id, number: 30, startDate: '2025-03-01', endDate: '2030-02-28' }), 201);
    const a = await v.representative(term.id, { category: 'frontLine', account: true });
    const b = await v.representative(term.id, { category: 'frontLine', delegation: '二号矿代表团', org: v.team2, account: true });
    const c = await v.representative(term.id, { category: 'leader', account: true });
    const session = await ok(v.staff.post(`${base}/terms/${term.id}/sessions`, { number: 1, startsOn: today }), 201);
    const dept = await t.org('机电部', 'department', v.mine1);
    const handler = await t.user([{ role: 'handler', org: dept }]);
    const raise = (r: typeof a, title: string) =>
      ok(
        r.client!.post(`${base}/sessions/${session.id}/proposals`, {
          title,
          reasons: '井口候车室冬季寒冷，职工候车受冻。',
          solution: '加装暖风机并安排专人管理。',
        }),
        201,
      );
    const second = (r: typeof a, id: string) => ok(r.client!.post(`${base}/proposals/${id}/second`));

    const p1 = await raise(a, '候车室加装暖风机');
    await second(b, p1.id);
    await second(c, p1.id);
    await ok(v.staff.post(`${base}/proposals/${p1.id}/screen`, { outcome: 'adopt', reason: '事关职工切身利益' }));
    await ok(v.staff.post(`${base}/proposals/${p1.id}/assign`, { departmentId: dept.id }));
    await ok(handler.post(`${base}/proposals/${p1.id}/answer`, { answer: '暖风机已安装并试运行。' }));
    await ok(a.client!.post(`${base}/proposals/${p1.id}/rate`, { rating: 'satisfied' }));
    await ok(v.chair.post(`${base}/proposals/${p1.id}/grade`, { grade: 'A', reason: '已投入使用' }));
    const p2 = await raise(b, '澡堂延长开放时间');
    await second(a, p2.id);
    await second(c, p2.id);
    await ok(v.staff.post(`${base}/proposals/${p2.id}/screen`, { outcome: 'adopt', reason: '职工普遍反映' }));
    const p3 = await raise(c, '食堂增加夜班餐');
    await ok(v.staff.post(`${base}/proposals/${p3.id}/screen`, { outcome: 'opinion', reason: '属日常管理，转后勤部办理' }));
    await ok(a.client!.post(`${base}/sessions/${session.id}/sign-in`));

    const listed = async (drill: Record<string, string>, set?: string) =>
      (await ok(v.chair.get(`${base}/proposals?${new URLSearchParams({ ...drill, ...(set ? { set } : {}) })}`))).total;
    const cut = async (by: string) => (await ok(v.chair.get(`${base}/proposals/cuts?from=${today}&to=${today}&cut=${by}`))).rows;
    for (const by of ['session', 'department', 'delegation', 'category']) {
      const rows = await cut(by);
      expect(rows.reduce((n: number, r: any) => n + r.proposals, 0)).toBe(3);
      // Each row's figure beside its list's total, read side by side.
      const pairs = rows.flatMap((r: any) => [
        [r.label, 'all', r.proposals, r.drill, undefined],
        ...Object.entries(r.counts).map(([set, n]) => [r.label, set, n, r.drill, set]),
      ]);
      const totals = await Promise.all(pairs.map(([, , , drill, set]: any) => listed(drill, set)));
      expect(pairs.map(([label, set]: any, i: number) => [by, label, set, totals[i]])).toEqual(pairs.map(([label, set, n]: any) => [by, label, set, n]));
    }
    const pick = (rows: any[]) =>
      rows.map((r) => [r.label, r.proposals, r.counts.adopted, r.counts.answeredOnTime, r.counts.satisfied, r.counts.gradeA, r.counts.gradeB]);
    expect(pick(await cut('department'))).toEqual([
      ['未交办', 2, 1, 0, 0, 0, 0],
      ['机电部', 1, 1, 1, 1, 1, 0],
    ]);
    expect(pick(await cut('category'))).toEqual([
      ['一线职工', 2, 2, 1, 1, 1, 0],
      ['领导人员', 1, 0, 0, 0, 0, 0],
    ]);
    expect(pick(await cut('delegation'))).toEqual([
      ['一号矿代表团', 2, 1, 1, 1, 1, 0],
      ['二号矿代表团', 1, 1, 0, 0, 0, 0],
    ]);

    const part = (await ok(v.chair.get(`${base}/representatives/participation?from=${today}&to=${today}`))).rows;
    const byId = new Map(part.map((r: any) => [r.representativeId, r]));
    expect(
      [a, b, c].map((r) => {
        const x: any = byId.get(r.id);
        return [x.proposals, x.seconds, x.present, x.recorded];
      }),
    ).toEqual([
      [1, 1, 1, 1],
      [1, 1, 0, 0],
      [1, 2, 0, 0],
    ]);
    for (const r of part) {
      expect(await listed(r.drill.proposals)).toBe(r.proposals);
      expect(await listed(r.drill.seconds)).toBe(r.seconds);
    }
    // The office's figures: a handler hears 403, another organisation's chair counts nothing of these.
    expect((await handler.get(`${base}/proposals/cuts?from=${today}&to=${today}&cut=session`)).status).toBe(403);
    expect((await handler.get(`${base}/proposals?from=${today}&to=${today}&set=adopted`)).status).toBe(403);
    expect((await ok(v.otherChair.get(`${base}/proposals/cuts?from=${today}&to=${today}&cut=session`))).rows.filter((r: any) => r.key === session.id)).toEqual(
      [],
    );
    expect(
      (await ok(v.otherChair.get(`${base}/representatives/participation?from=${today}&to=${today}`))).rows.filter((r: any) => r.representativeId === a.id),
    ).toEqual([]);
  });
});

describe('votes and the secret ballot', () => {
  const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

  /** A sitting session of a term with `reps` representatives, the first `present` of them signed in. */
  async function sitting(number: number, reps: number, present: number) {
    const term = await newTerm(number);
    const all = [];
    for (let i = 0; i < reps; i++) all.push(await w.representative(term.id, { category: 'frontLine', account: true }));
    const session = await ok(w.staff.post(`${base}/terms/${term.id}/sessions`, { number: 1, startsOn: today }), 201);
    for (const r of all.slice(0, present)) await ok(r.client!.post(`${base}/sessions/${session.id}/sign-in`));
    await ok(w.chair.post(`${base}/sessions/${session.id}/open`));
    return { term, session, reps: all };
  }
  const newVote = (sessionId: string, title: string, secret = false) =>
    ok(w.staff.post(`${base}/sessions/${sessionId}/votes`, { title, kind: 'resolution', secret }), 201);
  const cast = (r: { client: any }, voteId: string, choice: string) => r.client.post(`${base}/votes/${voteId}/ballot`, { choice });

  it('passes only with more than half of ALL representatives, hides the count until close, and refuses a second ballot, an absent voter and a late one', async () => {
    const { session, reps } = await sitting(30, 7, 5);
    const vote = await newVote(session.id, '关于调整井下津贴标准的决议');
    expect((await cast(reps[0], vote.id, 'for')).body.errors[0].message).toBe('表决未在进行中（尚未开始或已结束），不能投票或结束表决');
    expect((await ok(w.chair.post(`${base}/votes/${vote.id}/open`))).status).toBe('open');

    // 3 of the 5 present vote for: a majority of those present, but not more than half of all 7.
    for (const r of reps.slice(0, 3)) expect((await ok(cast(r, vote.id, 'for'))).receipt).toBeNull();
    const twice = await cast(reps[0], vote.id, 'against');
    expect(twice.status).toBe(409);
    expect(twice.body.errors[0].message).toBe('您已对该事项投过票，每位代表只能投一次');
    expect((await cast(reps[6], vote.id, 'for')).body.errors[0].message).toBe('请先签到：只有本次会议实到的代表才能投票');
    await ok(cast(reps[3], vote.id, 'against'));
    await ok(cast(reps[4], vote.id, 'abstain'));

    // While open nobody — the office included — sees a count; a representative sees only that they voted.
    const during = await ok(w.chair.get(`${base}/votes/${vote.id}`));
    expect(during).toMatchObject({ status: 'open', result: null, roll: [] });
    expect((await ok(reps[0].client!.get(`${base}/sessions/${session.id}/votes`))).items).toEqual([
      expect.objectContaining({ id: vote.id, result: null, iVoted: true }),
    ]);
    const closeSession = await w.chair.post(`${base}/sessions/${session.id}/close`);
    expect(closeSession.body.errors[0].message).toBe('还有 1 项表决尚未结束，请先结束表决再闭会');

    const failed = await ok(w.chair.post(`${base}/votes/${vote.id}/close`));
    expect(failed.result).toEqual({ for: 3, against: 1, abstain: 1, representatives: 7, needs: 4, voted: 5, turnout: 0.7143, present: 5, passed: false });
    expect(failed.roll.map((r: any) => r.choice).sort()).toEqual(['abstain', 'against', 'for', 'for', 'for']);
    expect(failed.decidedItems).toEqual([]);
    expect((await cast(reps[5], vote.id, 'for')).body.errors[0].message).toBe('表决未在进行中（尚未开始或已结束），不能投票或结束表决');

    // Four for is more than half of seven: the resolution passes and becomes a decided item of
    // its 承办部门 — owned by that department's handler, not by the office member who closed the vote.
    const outside = await w.staff.post(`${base}/sessions/${session.id}/votes`, {
      title: '关于职工疗养安排的决议',
      kind: 'resolution',
      departmentId: w.otherGroup.id,
    });
    expect([outside.status, outside.body.errors[0].field]).toEqual([422, 'body.departmentId']);
    const next = await ok(
      w.staff.post(`${base}/sessions/${session.id}/votes`, { title: '关于职工疗养安排的决议', kind: 'resolution', departmentId: w.mine1.id }),
      201,
    );
    await ok(w.chair.post(`${base}/votes/${next.id}/open`));
    for (const r of reps.slice(0, 4)) await ok(cast(r, next.id, 'for'));
    const passed = await ok(w.chair.post(`${base}/votes/${next.id}/close`));
    expect(passed.result).toMatchObject({ for: 4, representatives: 7, needs: 4, voted: 4, passed: true });
    // The detail and the session's list name the 承办部门; a vote without one names none.
    expect(passed.department).toEqual({ id: w.mine1.id, name: '一号矿' });
    expect((await ok(w.chair.get(`${base}/sessions/${session.id}/votes`))).items.map((v: any) => v.department?.name ?? null)).toEqual([null, '一号矿']);
    expect(passed.decidedItems).toEqual([expect.objectContaining({ status: 'planned' })]);
    const owned = (await t.db
      .selectFrom('decided_items' as any)
      .select(['owner_account_id', 'org_id'])
      .where('id', '=', passed.decidedItems[0].id)
      .executeTakeFirst()) as any;
    expect(owned).toEqual({ owner_account_id: w.handler.accountId, org_id: w.mine1.id });
    expect((await ok(w.chair.post(`${base}/sessions/${session.id}/close`))).status).toBe('closed');

    // 投票率 counts 5 + 4 ballots over 7 + 7 representatives, exactly the votes its drill-down lists.
    const { figure } = await turnout(t.db, { scope: { all: false, paths: [w.group.path] }, from: today, to: today });
    expect(figure).toMatchObject({ numerator: 9, denominator: 14, value: 0.6429 });
    const drilled = await ok(w.chair.get(`${base}/votes?from=${today}&to=${today}`));
    expect(drilled.items.map((v: any) => [v.result.voted, v.result.representatives])).toEqual([
      [5, 7],
      [4, 7],
    ]);
    expect((await w.otherChair.get(`${base}/votes?from=${today}&to=${today}`)).body.items).toEqual([]);
    // A work report's drill names its org: the group's lists the same votes, a mine's (whose figure counts none) lists none.
    const viaReport = async (org: { id: string; path: string }) => {
      const f = (await turnout(t.db, { scope: { all: false, paths: [org.path] }, from: today, to: today })).figure;
      const items = (await ok(w.chair.get(`${base}/votes?${new URLSearchParams({ ...f.drill!.numerator, orgId: org.id })}`))).items;
      return [f.denominator, items.reduce((n: number, v: any) => n + v.result.representatives, 0)];
    };
    expect(await viaReport(w.group)).toEqual([14, 14]);
    expect(await viaReport(w.mine1)).toEqual([0, 0]);
  });

  it("lets only the term's representatives vote, and only the office open and close", async () => {
    const { session, reps } = await sitting(32, 3, 3);
    const vote = await newVote(session.id, '关于修订职工奖惩办法的决议');
    expect((await reps[0].client!.post(`${base}/votes/${vote.id}/open`)).status).toBe(403);
    await ok(w.chair.post(`${base}/votes/${vote.id}/open`));
    const other = await newTerm(33);
    const stranger = await w.representative(other.id, { category: 'frontLine', account: true });
    expect((await cast(stranger, vote.id, 'for')).status).toBe(404);
    expect((await w.staff.post(`${base}/votes/${vote.id}/ballot`, { choice: 'for' })).status).toBe(403);
    expect((await w.otherChair.post(`${base}/votes/${vote.id}/close`)).status).toBe(404);
    expect((await w.otherChair.get(`${base}/votes/${vote.id}`)).status).toBe(404);
  });

  it("keeps a secret ballot's voters and choices in tables no query can join, and the voter's receipt proves the ballot was counted", async () => {
    const { session, reps } = await sitting(34, 4, 4);
    const vote = await newVote(session.id, '民主评议矿长班子', true);
    await ok(w.chair.post(`${base}/votes/${vote.id}/open`));
    const choices = ['for', 'against', 'for', 'abstain'];
    // A stored retry (Idempotency-Key) would keep the voter's account beside a hash of the choice and the receipt: refused, nothing counted.
    const keyed = await reps[0].client!.post(`${base}/votes/${vote.id}/ballot`, { choice: 'for' }, { 'idempotency-key': 'ballot-retry-0001' });
    expect(keyed.status).toBe(400);
    expect(keyed.body.errors[0].field).toBe('headers.idempotency-key');
    const receipts: string[] = [];
    for (const [i, r] of reps.entries()) receipts.push((await ok(cast(r, vote.id, choices[i]))).receipt);
    const kept = await t.db.selectFrom('idempotency_keys').select('route').where('route', 'like', '%/ballot%').execute();
    expect(kept).toEqual([]);
    expect(receipts.every((c) => /^[A-Z2-9]{4}-[A-Z2-9]{4}$/.test(c))).toBe(true);
    expect((await ok(reps[1].client!.post(`${base}/votes/${vote.id}/verify`, { receipt: receipts[1], choice: 'against' }))).counted).toBe(true);
    expect((await ok(reps[1].client!.post(`${base}/votes/${vote.id}/verify`, { receipt: receipts[1], choice: 'for' }))).counted).toBe(false);

    const closed = await ok(w.chair.post(`${base}/votes/${vote.id}/close`));
    expect(closed.result).toMatchObject({ for: 2, against: 1, abstain: 1, voted: 4, passed: false });
    expect(closed.roll).toEqual([]);
    expect((await ok(reps[3].client!.post(`${base}/votes/${vote.id}/verify`, { receipt: receipts[3].toLowerCase(), choice: 'abstain' }))).counted).toBe(true);

    // The two tables share no column but the vote: no time, no order, no key in common.
    const voterRows = await t.db
      .selectFrom('congress_ballot_voters' as any)
      .selectAll()
      .where('vote_id', '=', vote.id)
      .execute();
    const ballotRows = await t.db
      .selectFrom('congress_ballots' as any)
      .selectAll()
      .where('vote_id', '=', vote.id)
      .execute();
    expect(Object.keys(voterRows[0]).sort()).toEqual(['representative_id', 'vote_id']);
    expect(Object.keys(ballotRows[0]).sort()).toEqual(['choice', 'id', 'receipt_hash', 'vote_id']);
    // Random (v4) ballot ids, not time-ordered v7 ones.
    expect(ballotRows.every((b: any) => b.id[14] === '4')).toBe(true);
    // Any join of voter to ballot can only go through the vote, which pairs every voter with every ballot.
    const joined = await t.db
      .selectFrom('congress_ballot_voters as v' as any)
      .innerJoin('congress_ballots as b' as any, 'b.vote_id', 'v.vote_id')
      .select(['v.representative_id', 'b.choice'])
      .where('v.vote_id', '=', vote.id)
      .execute();
    expect(joined).toHaveLength(16);
    // Nor can storage order: SQLite keeps no rowid; on PostgreSQL the close rewrote every ballot in one transaction.
    if (t.engine === 'sqlite') await expect(sql`select rowid from congress_ballots`.execute(t.db)).rejects.toThrow(/rowid/);
    else
      expect(
        Number((await sql<{ n: number }>`select count(distinct xmin::text) as n from congress_ballots where vote_id = ${vote.id}`.execute(t.db)).rows[0].n),
      ).toBe(1);
  });

  it("puts another practice's subject to the vote and reports its result to it", async () => {
    const { session, reps } = await sitting(35, 3, 3);
    const chair = await t.db.selectFrom('accounts').select(['id', 'display_name']).where('id', '=', w.chair.accountId).executeTakeFirstOrThrow();
    const actor = { accountId: chair.id, displayName: chair.display_name, personId: null, grants: [], via: 'session' as const };
    const subject = { kind: 'contracts.contract', id: '0190c0de-0000-7000-8000-000000000001', label: '2026年集体合同（草案）' };
    const { id } = await t.db.transaction().execute((tx) =>
      openSubjectVote(writeCallIn(t.db, tx, actor, { ...systemContext(), actor }), {
        sessionId: session.id,
        subject,
        title: '审议通过2026年集体合同（草案）',
      }),
    );
    expect(await voteResultOf(t.db, id)).toMatchObject({
      status: 'open',
      passed: null,
      for: 0,
      representatives: 3,
      subject,
      sessionId: session.id,
      closedAt: null,
    });
    const listed = await ok(reps[0].client!.get(`${base}/votes/${id}`));
    expect(listed).toMatchObject({ kind: 'contract', subject, can: { cast: true } });
    for (const r of reps.slice(0, 2)) await ok(cast(r, id, 'for'));
    await ok(w.chair.post(`${base}/votes/${id}/close`));
    const result = await voteResultOf(t.db, id);
    expect(result).toMatchObject({ status: 'closed', passed: true, for: 2, against: 0, abstain: 0, representatives: 3 });
    expect(result!.closedAt).not.toBeNull();
    // The contract, not the congress, files what follows from it.
    expect((await ok(w.chair.get(`${base}/votes/${id}`))).decidedItems).toEqual([]);
  });
});

describe('the paths an audit found untested', () => {
  const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
  const raise = (c: any, sessionId: string, title: string) =>
    ok(c.post(`${base}/sessions/${sessionId}/proposals`, { title, reasons: '井下职工反映强烈，需要解决。', solution: '由相关部门制定方案并落实。' }), 201);

  it('refuses a second after the collection period with a clear message, and one on a screened proposal with another', async () => {
    const term = await newTerm(40);
    const [a, b, c] = [
      await w.representative(term.id, { category: 'frontLine', account: true }),
      await w.representative(term.id, { category: 'frontLine', account: true }),
      await w.representative(term.id, { category: 'frontLine', account: true }),
    ];
    const session = await ok(w.staff.post(`${base}/terms/${term.id}/sessions`, { number: 1, startsOn: today, proposalsCloseOn: today }), 201);
    const p = await raise(a.client, session.id, '井口候车室加装座椅');
    // The day after collection closed (the clock handed to the service, as a route would on that day).
    const tomorrow = new Date(Date.parse(`${today}T04:00:00.000Z`) + 86_400_000);
    const { second } = await import('./congress.proposals.service.js');
    const { asAccount } = await import('../../core/decidedItems/decidedItems.testkit.js');
    const { t: text } = await import('../../core/i18n/messages.js');
    const late = await asAccount(t.db, b.client!.accountId, (call) => second(call, p.id), tomorrow).then(
      () => null,
      (e) => [e.status, text('zh-CN', e.messageKey, e.params)],
    );
    expect(late).toEqual([409, `附议已于 ${today} 截止（提案征集期结束），不能再附议`]);
    expect((await ok(w.chair.get(`${base}/proposals/${p.id}`))).seconds).toBe(0);
    // Screened (here: not accepted) while collection is still open: a second now says why it cannot be taken.
    await ok(w.staff.post(`${base}/proposals/${p.id}/screen`, { outcome: 'reject', reason: '候车室已列入年度改造计划' }));
    const screened = await c.client!.post(`${base}/proposals/${p.id}/second`);
    expect([screened.status, screened.body.errors[0].message]).toEqual([409, '该提案已经审查，不能再附议']);
  });

  it('rejects a proposal with its reason and tells the proposer, and nobody else', async () => {
    const term = await newTerm(41);
    const [a, b] = [
      await w.representative(term.id, { category: 'frontLine', account: true }),
      await w.representative(term.id, { category: 'frontLine', account: true }),
    ];
    const session = await ok(w.staff.post(`${base}/terms/${term.id}/sessions`, { number: 1, startsOn: today }), 201);
    const p = await raise(a.client, session.id, '增加职工子女就业名额');
    await ok(b.client!.post(`${base}/proposals/${p.id}/second`));
    const rejected = await ok(w.staff.post(`${base}/proposals/${p.id}/screen`, { outcome: 'reject', reason: '属于国家就业政策范围，企业无权决定' }));
    expect(rejected).toMatchObject({ status: 'rejected', number: null, screeningReason: '属于国家就业政策范围，企业无权决定' });
    expect(rejected.timeline.map((e: any) => e.event)).toEqual(['raised', 'seconded', 'rejected']);
    const told = async (c: any) =>
      (await ok(c.get('/api/v1/notifications?pageSize=100'))).items
        .filter((n: any) => n.kind === 'congress.proposalScreened')
        .map((n: any) => [n.title, n.body]);
    expect(await told(a.client)).toEqual([['您的提案已审查：增加职工子女就业名额', '审查结果：不予立案。理由：属于国家就业政策范围，企业无权决定']]);
    expect(await told(b.client)).toEqual([]);
    // Not accepted is final: it cannot be adopted afterwards.
    expect((await w.staff.post(`${base}/proposals/${p.id}/screen`, { outcome: 'adopt', reason: '重新审查' })).status).toBe(409);
  });

  it('grades B (planned, step by step) and C (kept for reference), each with its reason, counted in the A/B/C cut', async () => {
    const term = await newTerm(42);
    const reps: Awaited<ReturnType<typeof w.representative>>[] = [];
    for (let i = 0; i < 3; i++) reps.push(await w.representative(term.id, { category: 'frontLine', account: true }));
    const session = await ok(w.staff.post(`${base}/terms/${term.id}/sessions`, { number: 1, startsOn: today }), 201);
    const dept = await t.org('后勤部', 'department', w.mine1);
    const handler = await t.user([{ role: 'handler', org: dept }]);
    const closedProposal = async (title: string) => {
      const p = await raise(reps[0].client, session.id, title);
      for (const r of reps.slice(1)) await ok(r.client!.post(`${base}/proposals/${p.id}/second`));
      await ok(w.staff.post(`${base}/proposals/${p.id}/screen`, { outcome: 'adopt', reason: '事关职工切身利益' }));
      await ok(w.staff.post(`${base}/proposals/${p.id}/assign`, { departmentId: dept.id, coDepartmentIds: [] }));
      await ok(handler.post(`${base}/proposals/${p.id}/answer`, { answer: '已研究，答复如下。' }));
      await ok(reps[0].client!.post(`${base}/proposals/${p.id}/rate`, { rating: 'basic' }));
      return p;
    };
    const b = await closedProposal('职工公寓加装电梯');
    const c = await closedProposal('建设职工游泳馆');
    const noReason = await w.chair.post(`${base}/proposals/${b.id}/grade`, { grade: 'B' });
    expect([noReason.status, noReason.body.errors[0].field]).toEqual([400, 'body.reason']);
    expect(await ok(w.chair.post(`${base}/proposals/${b.id}/grade`, { grade: 'B', reason: '列入明年改造计划，分两期实施' }))).toMatchObject({
      grade: 'B',
      gradeReason: '列入明年改造计划，分两期实施',
    });
    expect(await ok(w.chair.post(`${base}/proposals/${c.id}/grade`, { grade: 'C', reason: '投资过大，留作参考' }))).toMatchObject({
      grade: 'C',
      gradeReason: '投资过大，留作参考',
    });
    expect((await reps[0].client!.post(`${base}/proposals/${c.id}/grade`, { grade: 'A', reason: '自评' })).status).toBe(403);
    const cuts = await ok(w.chair.get(`${base}/proposals/cuts?from=${today}&to=${today}&cut=session`));
    const row = cuts.rows.find((r: any) => r.drill.sessionId === session.id);
    expect([row.counts.gradeA, row.counts.gradeB, row.counts.gradeC, row.counts.graded]).toEqual([0, 1, 1, 2]);
    for (const set of ['gradeB', 'gradeC'])
      expect((await ok(w.chair.get(`${base}/proposals?from=${today}&to=${today}&set=${set}&sessionId=${session.id}`))).total).toBe(1);
  });

  it("closes the proposal's decided item when the department answers: an overdue item leaves the overdue count, late; a reopen opens it again", async () => {
    const term = await newTerm(44);
    const reps: Awaited<ReturnType<typeof w.representative>>[] = [];
    for (let i = 0; i < 3; i++) reps.push(await w.representative(term.id, { category: 'frontLine', account: true }));
    const session = await ok(w.staff.post(`${base}/terms/${term.id}/sessions`, { number: 1, startsOn: today }), 201);
    const dept = await t.org('机电部', 'department', w.mine1);
    const handler = await t.user([{ role: 'handler', org: dept }]);
    const p = await raise(reps[0].client, session.id, '井下变电所加装空调');
    for (const r of reps.slice(1)) await ok(r.client!.post(`${base}/proposals/${p.id}/second`));
    await ok(w.staff.post(`${base}/proposals/${p.id}/screen`, { outcome: 'adopt', reason: '事关职工切身利益' }));
    const assigned = await ok(w.staff.post(`${base}/proposals/${p.id}/assign`, { departmentId: dept.id, coDepartmentIds: [] }));
    const due: string = assigned.answerDueDate;
    const [itemId] = assigned.decidedItems.map((i: any) => i.id);
    const { sweepDecidedItems } = await import('../../core/decidedItems/decidedItems.jobs.js');
    const { indicator } = await import('../../core/indicators/indicators.registry.js');
    const { answer } = await import('./congress.proposals.service.js');
    const { asAccount } = await import('../../core/decidedItems/decidedItems.testkit.js');
    const q = { scope: { all: false, paths: [dept.path] }, from: due, to: due };
    const figures = async () => [
      (await indicator('core.decidedOverdue')!.compute(t.db, q)).value,
      (await indicator('core.decidedOnTimeRate')!.compute(t.db, q)).numerator,
    ];
    const board = async (status: string) =>
      (await ok(w.chair.get(`/api/v1/decided-items?sourceKind=congress.proposal&orgId=${dept.id}&status=${status}`))).items.map((i: any) => i.id);

    // Two days past the answer date, unanswered: overdue on the board and in the figure.
    const late = new Date(Date.parse(`${due}T02:00:00.000Z`) + 2 * 86_400_000);
    await sweepDecidedItems(t.db, late);
    expect([await board('overdue'), await figures()]).toEqual([[itemId], [1, 0]]);
    // The handler answers that day: the item is done at the answer's time, by its owner's department — late, so not on time.
    await asAccount(t.db, handler.accountId, (call) => answer(call, p.id, { answer: '空调已采购，本周安装。' }), late);
    const item = await ok(w.chair.get(`/api/v1/decided-items/${itemId}`));
    expect(item).toMatchObject({ status: 'done', progress: 100, doneAt: late.toISOString(), ownerAccountId: handler.accountId });
    expect(item.timeline.at(-1)).toMatchObject({ event: 'done', from: 'overdue', to: 'done', data: { note: '提案已答复：空调已采购，本周安装。' } });
    expect([await board('overdue'), await board('done'), await figures()]).toEqual([[], [itemId], [0, 0]]);
    // 不满意 sends the proposal back to the department: its item is open again, and the next answer closes it again.
    await ok(reps[0].client!.post(`${base}/proposals/${p.id}/rate`, { rating: 'unsatisfied' }));
    expect((await ok(w.chair.get(`${base}/proposals/${p.id}`))).decidedItems).toEqual([expect.objectContaining({ id: itemId, status: 'inProgress' })]);
    await ok(handler.post(`${base}/proposals/${p.id}/answer`, { answer: '空调已安装并投入运行。' }));
    expect((await ok(w.chair.get(`${base}/proposals/${p.id}`))).decidedItems).toEqual([expect.objectContaining({ id: itemId, status: 'done', progress: 100 })]);
  });

  it('refuses a vote outside a sitting: before the session opens, and once it has closed', async () => {
    const term = await newTerm(43);
    const reps: Awaited<ReturnType<typeof w.representative>>[] = [];
    for (let i = 0; i < 3; i++) reps.push(await w.representative(term.id, { category: 'frontLine', account: true }));
    const session = await ok(w.staff.post(`${base}/terms/${term.id}/sessions`, { number: 1, startsOn: today }), 201);
    const vote = await ok(w.staff.post(`${base}/sessions/${session.id}/votes`, { title: '关于职工疗养安排的决议', kind: 'resolution', secret: false }), 201);
    const early = await w.chair.post(`${base}/votes/${vote.id}/open`);
    expect([early.status, early.body.errors[0].message]).toEqual([409, '会议开会期间才能开始或结束表决（当前会议不在进行中）']);
    const notOpen = await reps[0].client!.post(`${base}/votes/${vote.id}/ballot`, { choice: 'for' });
    expect([notOpen.status, notOpen.body.errors[0].message]).toEqual([409, '表决未在进行中（尚未开始或已结束），不能投票或结束表决']);
    for (const r of reps) await ok(r.client!.post(`${base}/sessions/${session.id}/sign-in`));
    await ok(w.chair.post(`${base}/sessions/${session.id}/open`));
    await ok(w.chair.post(`${base}/sessions/${session.id}/close`));
    const after = await w.staff.post(`${base}/sessions/${session.id}/votes`, { title: '闭会后补充表决', kind: 'resolution', secret: false });
    expect([after.status, after.body.errors[0].message]).toEqual([409, '本次会议已闭会，不能再安排表决事项']);
    expect((await w.chair.post(`${base}/votes/${vote.id}/open`)).status).toBe(409);
    expect((await ok(w.chair.get(`${base}/votes/${vote.id}`))).status).toBe('planned');
  });
});

describe('the A/B/C split, the screening outcomes and participation as registered figures', () => {
  const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

  it('counts each figure exactly as its drill-down lists it', async () => {
    const { indicator } = await import('../../core/indicators/indicators.registry.js');
    const mine = await t.org('指标三矿', 'mine', w.group);
    const term = await ok(w.staff.post(`${base}/terms`, { orgId: mine.id, number: 1, startDate: '2025-03-01', endDate: '2030-02-28' }), 201);
    const reps: Awaited<ReturnType<typeof w.representative>>[] = [];
    for (let i = 0; i < 4; i++) reps.push(await w.representative(term.id, { category: 'frontLine', account: true, org: mine }));
    const session = await ok(w.staff.post(`${base}/terms/${term.id}/sessions`, { number: 1, startsOn: today }), 201);
    const dept = await t.org('机电部', 'department', mine);
    const handler = await t.user([{ role: 'handler', org: dept }]);
    const raise = (r: (typeof reps)[number], title: string) =>
      ok(
        r.client!.post(`${base}/sessions/${session.id}/proposals`, {
          title,
          reasons: '职工反映强烈，希望尽快解决。',
          solution: '请相关部门研究制定解决方案。',
        }),
        201,
      );
    const secondBy = async (p: { id: string }, ...by: typeof reps) => {
      for (const r of by) await ok(r.client!.post(`${base}/proposals/${p.id}/second`));
    };
    const screen = (p: { id: string }, outcome: string, extra: Record<string, string> = {}) =>
      ok(w.staff.post(`${base}/proposals/${p.id}/screen`, { outcome, reason: '经提案审查委员会审查', ...extra }));
    const graded = async (p: { id: string }, grade: string) => {
      await ok(w.staff.post(`${base}/proposals/${p.id}/assign`, { departmentId: dept.id, coDepartmentIds: [] }));
      await ok(handler.post(`${base}/proposals/${p.id}/answer`, { answer: '已研究答复。' }));
      await ok(reps[0].client!.post(`${base}/proposals/${p.id}/rate`, { rating: 'satisfied' }));
      await ok(w.chair.post(`${base}/proposals/${p.id}/grade`, { grade, reason: '按落实情况评定' }));
    };
    const p1 = await raise(reps[0], '更换主井提升机钢丝绳');
    const p2 = await raise(reps[0], '修建职工篮球场');
    await secondBy(p1, reps[1], reps[2]);
    await secondBy(p2, reps[1], reps[2]);
    await screen(p1, 'adopt');
    await screen(p2, 'adopt');
    await graded(p1, 'B');
    await graded(p2, 'C');
    await screen(await raise(reps[1], '调整全员工资标准'), 'reject');
    await screen(await raise(reps[2], '提升机钢丝绳定期检测'), 'merge', { mergeIntoId: p1.id });
    await screen(await raise(reps[2], '食堂增加夜班窗口'), 'opinion');

    const q = { scope: { all: false, paths: [mine.path] }, from: today, to: today };
    const listed = async (f: Record<string, string>) => {
      const qs = new URLSearchParams({ ...f, orgId: mine.id });
      if (f.list === 'participation') return (await ok(w.chair.get(`${base}/representatives/participation?${qs}`))).rows;
      return (await ok(w.chair.get(`${base}/proposals?${qs}`))).total;
    };
    for (const [key, n, den, value] of [
      ['congress.gradeBShare', 1, 2, 0.5],
      ['congress.gradeCShare', 1, 2, 0.5],
      ['congress.implementationRate', 0, 2, 0],
      ['congress.adoptionRate', 2, 5, 0.4],
      ['congress.rejectionRate', 1, 5, 0.2],
      ['congress.mergeRate', 1, 5, 0.2],
      ['congress.opinionRate', 1, 5, 0.2],
    ] as const) {
      const f = await indicator(key)!.compute(t.db, q);
      expect([key, f.numerator, f.denominator, f.value]).toEqual([key, n, den, value]);
      expect(await listed(f.drill!.numerator)).toBe(n);
      expect(await listed(f.drill!.denominator)).toBe(den);
    }
    // Three of the four representatives raised or seconded; the fourth did neither. Five proposals over four representatives.
    const share = await indicator('congress.participationRate')!.compute(t.db, q);
    expect([share.numerator, share.denominator, share.value]).toEqual([3, 4, 0.75]);
    expect((await listed(share.drill!.numerator)).length).toBe(3);
    expect((await listed(share.drill!.denominator)).length).toBe(4);
    const per = await indicator('congress.proposalsPerRepresentative')!.compute(t.db, q);
    expect([per.numerator, per.denominator, per.value]).toEqual([5, 4, 1.25]);
    const rows = await listed(per.drill!.numerator);
    expect([rows.reduce((s: number, r: any) => s + r.proposals, 0), rows.length]).toEqual([5, 4]);
    // The participation list answers the congress office only.
    expect((await reps[0].client!.get(`${base}/representatives/participation?from=${today}&to=${today}`)).status).toBe(403);
  });
});
