import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app.js';
import { workCalendar } from '../../core/calendar/calendar.js';
import { indicator } from '../../core/indicators/indicators.registry.js';
import { multipart } from '../../core/people/people.fixtures.js';
import { appealsWorld, wageAppeal } from '../appeals/appeals.testkit.js';
import { legalDeadline, sweepContractClocks, termEnd } from './index.js';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'xq-contracts-'));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));
const t = useTestApp({ config: { dataDir } });
let w: Awaited<ReturnType<typeof appealsWorld>>;
beforeAll(async () => {
  w = await appealsWorld(t);
});

const base = '/api/v1/contracts';
async function ok(p: Promise<{ status: number; body: any; text: string }>, status = 200) {
  const r = await p;
  expect(r.status, r.text).toBe(status);
  return r.body;
}
async function problem(p: Promise<{ status: number; body: any; text: string }>, status: number, field?: string) {
  const r = await p;
  expect(r.status, r.text).toBe(status);
  if (field) expect(r.body.errors?.map((e: any) => e.field)).toContain(field);
  return r.body;
}
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 7)]);

const clauses = (raise: string) => [
  { chapter: '第二章 劳动报酬', number: 1, category: 'wages', text: `一线职工工资年增长不低于${raise}`, promise: true, ownerOrgId: w.prod1.id },
  { chapter: '第三章 劳动安全卫生', number: 2, category: 'safety', text: '每年组织一次职业健康体检', promise: true, ownerOrgId: w.prod1.id },
  { chapter: '第四章 劳务派遣', number: 3, category: 'dispatch', text: '劳务派遣工同工同酬', promise: true, ownerOrgId: w.prod1.id },
  { chapter: '第一章 总则', number: 4, category: 'other', text: '本合同适用于一号矿全体职工' },
];

describe('legal clocks: calendar days, the last day moved past a holiday or rest day', () => {
  it('counts 20, 10 and 15 days across 国庆节, a make-up Saturday and a Sunday, and terms of whole years', async () => {
    const cal = await workCalendar(t.db, w.mine1.path);
    // 20 days from 11 Sept ends on 1 Oct, inside the National Day holiday: moved to the first working day after it.
    expect(legalDeadline(cal, '2026-09-11', 20)).toBe('2026-10-08');
    // 10 days from 30 Sept ends on Saturday 10 Oct, a make-up workday (调休): it stands.
    expect(legalDeadline(cal, '2026-09-30', 10)).toBe('2026-10-10');
    // 15 days from 10 Oct ends on Sunday 25 Oct: moved to Monday.
    expect(legalDeadline(cal, '2026-10-10', 15)).toBe('2026-10-26');
    expect(legalDeadline(cal, '2026-11-03', 20)).toBe('2026-11-23');
    expect(termEnd('2026-10-27', 1)).toBe('2027-10-26');
    expect(termEnd('2026-10-27', 3)).toBe('2029-10-26');
    expect(termEnd('2028-02-29', 1)).toBe('2029-02-28');
  });
});

describe('a collective contract from bargaining request to clause monitoring', () => {
  it('runs the lifecycle with its clocks, refuses illegal steps, monitors clauses, keeps cited appellants anonymous', async () => {
    const { staff, chair } = w;
    const outsider = await t.user([{ role: 'unionStaff', org: w.mine2 }]);
    const worker = await w.worker();
    const farWorker = await t.user([{ role: 'worker', org: w.team2 }]);

    // 要约: the reply clock is 20 calendar days, moved past 国庆节.
    await problem(staff.post(base, { orgId: w.mine1.id, kind: 'collective', title: '越权', requestedBy: 'union', requestDate: '2026-09-11', termYears: 5 }), 400);
    await problem(outsider.post(base, { orgId: w.mine1.id, kind: 'collective', title: '越权', requestedBy: 'union', requestDate: '2026-09-11', termYears: 3 }), 422, 'orgId');
    await problem(worker.post(base, { orgId: w.mine1.id, kind: 'collective', title: '越权', requestedBy: 'union', requestDate: '2026-09-11', termYears: 3 }), 403);
    const { id } = await ok(staff.post(base, { orgId: w.mine1.id, kind: 'collective', title: '一号矿2026年集体合同', requestedBy: 'union', requestDate: '2026-09-11', termYears: 1 }), 201);
    const one = `${base}/${id}`;
    expect(await ok(staff.get(one))).toMatchObject({ status: 'requested', replyDue: '2026-10-08', replyLight: 'red' });
    expect((await outsider.get(one)).status).toBe(404);
    expect((await worker.get(`${base}/published/${id}`)).status).toBe(404);

    // Out of order: no draft before the reply; no signing before a vote.
    await problem(staff.post(`${one}/versions`, { clauses: clauses('5%') }), 409, 'status');
    await problem(chair.post(`${one}/sign`, { signedDate: '2026-09-30' }), 409, 'status');
    await problem(staff.post(`${one}/reply`, { repliedDate: '2026-09-01' }), 422, 'repliedDate');
    await ok(staff.post(`${one}/reply`, { repliedDate: '2026-09-25' }));
    await problem(staff.post(`${one}/reply`, { repliedDate: '2026-09-25' }), 409, 'status');

    // Negotiators: equal numbers, one chief each.
    const team = (n: number, chiefs = 1) => [
      ...Array.from({ length: n }, (_, i) => ({ side: 'union', name: `工会代表${i + 1}`, chief: i < chiefs, ...(i === 0 ? { accountId: chair.accountId } : {}) })),
      ...Array.from({ length: 3 }, (_, i) => ({ side: 'employer', name: `行政代表${i + 1}`, chief: i === 0 })),
    ];
    await problem(staff.post(`${one}/rounds`, { heldDate: '2026-09-28', minutes: '首轮协商' }), 422, 'negotiators');
    await problem(staff.request('PUT', `${one}/negotiators`, { negotiators: team(2) }), 422, 'negotiators');
    await problem(staff.request('PUT', `${one}/negotiators`, { negotiators: team(3, 2) }), 422, 'negotiators');
    await ok(staff.request('PUT', `${one}/negotiators`, { negotiators: team(3) }));
    await ok(staff.post(`${one}/rounds`, { heldDate: '2026-09-28', minutes: '首轮协商，工资增幅未达成一致。', positions: [{ topic: '工资增长', category: 'wages', unionPosition: '8%', employerPosition: '4%', agreed: false }] }), 201);

    // Two versions and their readable diff.
    await ok(staff.post(`${one}/versions`, { note: '初稿', clauses: clauses('5%') }), 201);
    const v2 = clauses('6%').filter((c) => c.number !== 4);
    v2.push({ chapter: '第五章 女职工特殊保护', number: 5, category: 'womenProtection', text: '女职工每年两癌筛查一次' } as any);
    await ok(staff.post(`${one}/versions`, { note: '第二稿', clauses: v2 }), 201);
    const diff = await ok(staff.get(`${one}/diff?from=1&to=2`));
    expect(diff.clauses.map((c: any) => [c.number, c.change])).toEqual([[1, 'changed'], [2, 'same'], [3, 'same'], [4, 'removed'], [5, 'added']]);
    expect(diff.clauses[0].segments).toEqual([{ op: 'same', text: '一线职工工资年增长不低于' }, { op: 'delete', text: '5' }, { op: 'insert', text: '6' }, { op: 'same', text: '%' }]);
    await problem(staff.get(`${one}/diff?from=1&to=3`), 422, 'to');
    expect(await ok(staff.get(`${one}/diff`))).toMatchObject({ from: 1, to: 2 }); // by default the last draft against the one before

    // Review by all workers: more than half of ALL workers, so 50 of 100 fails and the draft comes back.
    await problem(staff.post(`${one}/review`, { mode: 'congress' }), 422, 'sessionId');
    await ok(staff.post(`${one}/review`, { mode: 'allWorkers' }));
    await problem(staff.post(`${one}/vote`, { eligible: 100, for: 60, against: 30, abstain: 20 }), 422, 'eligible');
    expect(await ok(staff.post(`${one}/vote`, { eligible: 100, for: 50, against: 10, abstain: 5 }))).toEqual({ passed: false });
    expect((await ok(staff.get(one))).status).toBe('drafted');
    await ok(staff.post(`${one}/review`, { mode: 'allWorkers' }));
    expect(await ok(staff.post(`${one}/vote`, { eligible: 100, for: 51, against: 30, abstain: 9 }))).toEqual({ passed: true });

    // Signed by the chair (staff may not), filed: 10 days from 30 Sept ends on the make-up Saturday.
    await problem(staff.post(`${one}/sign`, { signedDate: '2026-09-30' }), 403);
    await ok(chair.post(`${one}/sign`, { signedDate: '2026-09-30' }));
    expect(await ok(staff.get(one))).toMatchObject({ status: 'signed', filingDue: '2026-10-10' });
    await problem(staff.post(`${one}/effective`, {}), 409, 'status');
    await ok(staff.post(`${one}/file`, { receivedDate: '2026-10-10' }));
    const filed = await ok(staff.get(one));
    expect(filed).toMatchObject({ status: 'filed', objectionDue: '2026-10-26', filingLight: 'done' });
    await problem(staff.post(`${one}/effective`, { startsOn: '2026-10-20' }), 422, 'startsOn');

    // Effective the day after the 15 days: each promise clause becomes a decided item owned by the department's handler.
    await ok(staff.post(`${one}/effective`, {}));
    const eff = await ok(staff.get(one));
    expect(eff).toMatchObject({ status: 'effective', effectiveDate: '2026-10-27', startsOn: '2026-10-27', endsOn: '2027-10-26' });
    expect(eff.timeline.map((e: any) => e.event)).toEqual(['requested', 'replied', 'negotiators', 'round', 'version', 'version', 'submitted', 'rejected', 'submitted', 'approved', 'signed', 'filed', 'effective']);
    const mine = await ok(w.handler.get('/api/v1/decided-items?mine=1&pageSize=50'));
    expect(mine.items.filter((i: any) => i.source.kind === 'contracts.clause').map((i: any) => i.title).sort()).toEqual(['第1条 一线职工工资年增长不低于6%', '第2条 每年组织一次职业健康体检', '第3条 劳务派遣工同工同酬']);

    // Published: the worker of the mine reads it on the phone; a worker of another mine does not.
    await ok(staff.post(`${one}/publish`, {}));
    expect((await ok(worker.get(`${base}/published`))).items.map((c: any) => [c.title, c.inForce])).toEqual([['一号矿2026年集体合同', true]]);
    expect((await ok(worker.get(`${base}/published/${id}`))).clauses.map((c: any) => c.number)).toEqual([1, 2, 3, 5]);
    expect((await farWorker.get(`${base}/published/${id}`)).status).toBe(404);
    expect((await worker.get(`${one}/board`)).status).toBe(404);

    // Checkpoints with findings and evidence.
    const board = await ok(staff.get(`${one}/board`));
    const [c1, c2, c3, c5] = board.clauses;
    expect(board.health).toEqual({ value: null, numerator: 0, denominator: 0 });
    await problem(staff.post(`/api/v1/contract-clauses/${c5.id}/checkpoints`, { dueDate: '2026-11-30', method: '查阅记录', evidenceRequired: '体检名单' }), 422, 'clauseId');
    await problem(staff.post(`/api/v1/contract-clauses/${c1.id}/checkpoints`, { dueDate: '2028-01-31', method: '查工资表', evidenceRequired: '工资台账' }), 422, 'dueDate');
    const cp = async (clauseId: string, dueDate: string) => (await ok(staff.post(`/api/v1/contract-clauses/${clauseId}/checkpoints`, { dueDate, method: '年度履约检查时核对', evidenceRequired: '台账或名单' }), 201)).id;
    const k1 = await cp(c1.id, '2026-11-30');
    const k2 = await cp(c2.id, '2026-11-30');
    const k3 = await cp(c3.id, '2026-11-30');
    const up = multipart({}, { name: '工资台账.png', content: PNG, field: 'file' });
    const file = await ok(staff.post('/api/v1/files', up.body, up.headers), 201);
    await problem(staff.post(`/api/v1/contract-checkpoints/${k2}/result`, { status: 'partly', checkedDate: '2026-12-01' }), 422, 'finding');
    await ok(staff.post(`/api/v1/contract-checkpoints/${k1}/result`, { status: 'honoured', checkedDate: '2026-12-01', fileIds: [file.id] }));
    await ok(staff.post(`/api/v1/contract-checkpoints/${k2}/result`, { status: 'notHonoured', finding: '体检推迟到明年', checkedDate: '2026-12-01' }));
    await problem(outsider.post(`/api/v1/contract-checkpoints/${k3}/result`, { status: 'honoured', checkedDate: '2026-12-01' }), 404);

    // Appeals cite clause 3: an anonymous one stays anonymous; three within 90 days put the clause at risk.
    const author = await w.worker({ name: '匿名作者张三' });
    const appeal = async (who: typeof author, over: Record<string, unknown>) => (await ok(who.post('/api/v1/appeals', wageAppeal(over)), 201)).id;
    const anon = await appeal(author, { anonymous: true, title: '派遣工加班费低于正式工' });
    const named1 = await appeal(await w.worker(), { title: '派遣工工资不同酬' });
    const named2 = await appeal(await w.worker(), { title: '派遣工没有高温补贴' });
    await problem(outsider.post(`/api/v1/contract-clauses/${c3.id}/citations`, { appealId: anon }), 404);
    await ok(staff.post(`/api/v1/contract-clauses/${c3.id}/citations`, { appealId: anon }), 201);
    await problem(staff.post(`/api/v1/contract-clauses/${c3.id}/citations`, { appealId: anon }), 422, 'appealId');
    await ok(staff.post(`/api/v1/contract-clauses/${c3.id}/citations`, { appealId: named1 }), 201);
    expect((await ok(staff.get(`${one}/board`))).clauses[2]).toMatchObject({ citations: 2, atRisk: false, light: 'yellow' }); // its checkpoint is past due, unchecked
    await ok(staff.post(`/api/v1/contract-clauses/${c3.id}/citations`, { appealId: named2 }), 201);
    const clause3 = await staff.get(`/api/v1/contract-clauses/${c3.id}`);
    expect(clause3.body).toMatchObject({ citations: 3, atRisk: true, light: 'red' });
    expect(clause3.body.citingAppeals.map((a: any) => a.title).sort()).toEqual(['派遣工加班费低于正式工', '派遣工工资不同酬', '派遣工没有高温补贴']);
    for (const leak of ['匿名作者张三', author.accountId, author.person.id, author.username]) expect(clause3.text).not.toContain(leak);
    for (const reader of [chair, staff]) expect((await reader.get(`${one}/inspection/print`)).text).not.toContain('匿名作者张三');

    // The board's lights and health, the inspection report and its page.
    const after = await ok(staff.get(`${one}/board`));
    expect(after.clauses.map((c: any) => [c.number, c.light, c.lastCheck?.status ?? null])).toEqual([[1, 'green', 'honoured'], [2, 'red', 'notHonoured'], [3, 'red', null], [5, null, null]]);
    expect(after.health).toEqual({ value: 0.5, numerator: 1, denominator: 2 });
    const clause1 = await ok(staff.get(`/api/v1/contract-clauses/${c1.id}`));
    expect(clause1.checkpointList[0]).toMatchObject({ status: 'honoured', files: [{ name: '工资台账.png', type: 'image/png' }] });
    const report = await ok(staff.get(`${one}/inspection`));
    expect(report.counts).toEqual({ notDue: 1, honoured: 1, partly: 0, notHonoured: 1 });
    expect(report.clauses.map((c: any) => [c.number, c.status, c.evidence, c.citations])).toEqual([[1, 'honoured', 1, 0], [2, 'notHonoured', 0, 0], [3, null, 0, 3]]);
    const html = await staff.get(`${one}/inspection/print`);
    expect(html.text).toContain('体检推迟到明年');
    expect(html.text).toContain('1/2 = 50.0%');

    // Renewal reminders in the 60 days before the end, sent once.
    expect(await sweepContractClocks(t.db, new Date('2027-08-01T02:00:00Z'))).toBe(0);
    const sent = await sweepContractClocks(t.db, new Date('2027-09-01T02:00:00Z'));
    expect(sent).toBe(1);
    expect(await sweepContractClocks(t.db, new Date('2027-09-02T02:00:00Z'))).toBe(0);
    const inbox = await ok(chair.get('/api/v1/notifications?pageSize=50'));
    expect(inbox.items.map((n: any) => n.title)).toContain('集体合同即将到期，请启动续订协商');
    // One whole lifecycle (about sixty requests): the default 30 s is too short on a loaded PostgreSQL run.
  }, 120_000);
});

describe('the congress votes the draft', () => {
  it('opens a congress vote on the contract and approves it only when the congress counts more than half of all representatives', async () => {
    const cb = '/api/v1/congress';
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    /** A sitting session of a congress of `org` with `n` representatives, all present. */
    async function sitting(org: { id: string; path: string }, office: { staff: any; chair: any }, n: number) {
      const term = await ok(office.staff.post(`${cb}/terms`, { orgId: org.id, number: 9, startDate: '2025-03-01', endDate: '2030-02-28' }), 201);
      const reps = [];
      for (let i = 0; i < n; i++) {
        const p = await t.person(org, { name: `代表${i}` });
        const client = await t.user([{ role: 'representative', org }], { personId: p.id });
        await ok(office.staff.post(`${cb}/terms/${term.id}/representatives`, { personId: p.id, delegation: '代表团', category: 'frontLine' }), 201);
        reps.push(client);
      }
      const session = await ok(office.staff.post(`${cb}/terms/${term.id}/sessions`, { number: 1, startsOn: today }), 201);
      for (const r of reps) await ok(r.post(`${cb}/sessions/${session.id}/sign-in`));
      await ok(office.chair.post(`${cb}/sessions/${session.id}/open`));
      return { session, reps };
    }
    const { session, reps } = await sitting(w.mine1, w, 3);

    const { id } = await ok(w.staff.post(base, { orgId: w.mine1.id, kind: 'wage', title: '一号矿2027年工资专项集体合同', requestedBy: 'union', requestDate: '2026-11-02', termYears: 1 }), 201);
    const one = `${base}/${id}`;
    await ok(w.staff.post(`${one}/reply`, { repliedDate: '2026-11-10' }));
    await ok(w.staff.request('PUT', `${one}/negotiators`, { negotiators: [{ side: 'union', name: '甲', chief: true }, { side: 'employer', name: '乙', chief: true }] }));
    await ok(w.staff.post(`${one}/versions`, { clauses: clauses('7%') }), 201);
    const otherOrg = await t.org('另一集团', 'group');
    const other = await sitting(otherOrg, { staff: await t.user([{ role: 'unionStaff', org: otherOrg }]), chair: await t.user([{ role: 'unionChair', org: otherOrg }]) }, 1);
    const otherSession = other.session;
    await problem(w.staff.post(`${one}/review`, { mode: 'congress', sessionId: otherSession.id }), 422, 'sessionId');
    await ok(w.staff.post(`${one}/review`, { mode: 'congress', sessionId: session.id }));
    await problem(w.staff.post(`${one}/vote`, { eligible: 3, for: 3, against: 0, abstain: 0 }), 409, 'status');

    // The representatives find the vote in their session's list, naming the contract.
    const votes = (await ok(reps[0].get(`${cb}/sessions/${session.id}/votes`))).items;
    expect(votes.map((v: any) => [v.subject.kind, v.subject.id, v.status])).toEqual([['contracts.contract', id, 'open']]);
    const voteId = votes[0].id;
    for (const r of reps.slice(0, 2)) await ok(r.post(`${cb}/votes/${voteId}/ballot`, { choice: 'for' }));
    await problem(w.staff.post(`${one}/congress-result`, {}), 409, 'status');
    await ok(w.chair.post(`${cb}/votes/${voteId}/close`));
    expect(await ok(w.staff.post(`${one}/congress-result`, {}))).toEqual({ passed: true });
    expect((await ok(w.staff.get(one))).review).toEqual({ mode: 'congress', eligible: 3, for: 2, against: 0, abstain: 0 });
  });
});

describe('contract indicators', () => {
  it('each count equals its drill-down list, and the reply rate counts replies within 20 days', async () => {
    const org = await t.org('指标矿', 'mine', w.group);
    const chair = await t.user([{ role: 'unionChair', org }]);
    const make = async (requestDate: string, repliedDate?: string) => {
      const { id } = await ok(chair.post(base, { orgId: org.id, kind: 'wage', title: `工资协议 ${requestDate}`, requestedBy: 'employer', requestDate, termYears: 1 }), 201);
      if (repliedDate) await ok(chair.post(`${base}/${id}/reply`, { repliedDate }));
      return id;
    };
    await make('2026-09-11', '2026-10-08'); // on the moved last day: in time
    await make('2026-09-14', '2026-10-20'); // late
    await make('2026-09-20');
    const q = { scope: { all: false, paths: [org.path] }, from: '2026-09-01', to: '2026-09-30' };
    const reply = await indicator('contracts.replyInTime')!.compute(t.db, q);
    expect([reply.numerator, reply.denominator]).toEqual([1, 3]);
    const total = async (f: Record<string, string>) => (await ok(chair.get(`${base}?${new URLSearchParams(f)}`))).total;
    expect(await total(reply.drill!.numerator)).toBe(1);
    expect(await total(reply.drill!.denominator)).toBe(3);
    for (const key of ['contracts.inForce', 'contracts.expiring', 'contracts.overdueRenewal']) {
      const f = await indicator(key)!.compute(t.db, { scope: { all: false, paths: [w.mine1.path] }, from: '2027-09-01', to: '2027-09-30' });
      expect(await (async () => (await ok(w.chair.get(`${base}?${new URLSearchParams(f.drill!.numerator)}`))).total)(), key).toBe(f.value);
    }
    const inForce = await indicator('contracts.inForce')!.compute(t.db, { scope: { all: false, paths: [w.mine1.path] }, from: '2027-09-01', to: '2027-09-30' });
    expect(inForce.value).toBe(1);
    const expiring = await indicator('contracts.expiring')!.compute(t.db, { scope: { all: false, paths: [w.mine1.path] }, from: '2027-09-01', to: '2027-09-30' });
    expect(expiring.value).toBe(1);
    const overdue = await indicator('contracts.overdueRenewal')!.compute(t.db, { scope: { all: false, paths: [w.mine1.path] }, from: '2027-11-01', to: '2027-11-30' });
    expect(overdue.value).toBe(1);
    const honoured = await indicator('contracts.clausesHonoured')!.compute(t.db, { scope: { all: false, paths: [w.mine1.path] }, from: '2026-12-01', to: '2026-12-31' });
    expect([honoured.numerator, honoured.denominator]).toEqual([1, 2]);
    const perClause = await indicator('contracts.appealsPerClause')!.compute(t.db, { scope: { all: false, paths: [w.mine1.path] }, from: '2026-01-01', to: '2026-12-31' });
    expect([perClause.numerator, perClause.denominator]).toEqual([3, 3]);
  });
});
