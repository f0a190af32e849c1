import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app.js';
import { workCalendar } from '../../core/calendar/calendar.js';
import { indicator } from '../../core/indicators/indicators.registry.js';
import { multipart, readXlsx } from '../../core/people/people.fixtures.js';
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
    await problem(
      staff.post(base, { orgId: w.mine1.id, kind: 'collective', title: '越权', requestedBy: 'union', requestDate: '2026-09-11', termYears: 5 }),
      400,
    );
    await problem(
      outsider.post(base, { orgId: w.mine1.id, kind: 'collective', title: '越权', requestedBy: 'union', requestDate: '2026-09-11', termYears: 3 }),
      422,
      'orgId',
    );
    await problem(
      worker.post(base, { orgId: w.mine1.id, kind: 'collective', title: '越权', requestedBy: 'union', requestDate: '2026-09-11', termYears: 3 }),
      403,
    );
    const { id } = await ok(
      staff.post(base, { orgId: w.mine1.id, kind: 'collective', title: '一号矿2026年集体合同', requestedBy: 'union', requestDate: '2026-09-11', termYears: 1 }),
      201,
    );
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
      ...Array.from({ length: n }, (_, i) => ({
        side: 'union',
        name: `工会代表${i + 1}`,
        chief: i < chiefs,
        ...(i === 0 ? { accountId: chair.accountId } : {}),
      })),
      ...Array.from({ length: 3 }, (_, i) => ({ side: 'employer', name: `行政代表${i + 1}`, chief: i === 0 })),
    ];
    await problem(staff.post(`${one}/rounds`, { heldDate: '2026-09-28', minutes: '首轮协商' }), 422, 'negotiators');
    await problem(staff.request('PUT', `${one}/negotiators`, { negotiators: team(2) }), 422, 'negotiators');
    await problem(staff.request('PUT', `${one}/negotiators`, { negotiators: team(3, 2) }), 422, 'negotiators');
    await ok(staff.request('PUT', `${one}/negotiators`, { negotiators: team(3) }));
    await ok(
      staff.post(`${one}/rounds`, {
        heldDate: '2026-09-28',
        minutes: '首轮协商，工资增幅未达成一致。',
        positions: [{ topic: '工资增长', category: 'wages', unionPosition: '8%', employerPosition: '4%', agreed: false }],
      }),
      201,
    );

    // Two versions and their readable diff.
    await ok(staff.post(`${one}/versions`, { note: '初稿', clauses: clauses('5%') }), 201);
    const v2 = clauses('6%').filter((c) => c.number !== 4);
    v2.push({ chapter: '第五章 女职工特殊保护', number: 5, category: 'womenProtection', text: '女职工每年两癌筛查一次' } as any);
    await ok(staff.post(`${one}/versions`, { note: '第二稿', clauses: v2 }), 201);
    const diff = await ok(staff.get(`${one}/diff?from=1&to=2`));
    expect(diff.clauses.map((c: any) => [c.number, c.change])).toEqual([
      [1, 'changed'],
      [2, 'same'],
      [3, 'same'],
      [4, 'removed'],
      [5, 'added'],
    ]);
    expect(diff.clauses[0].segments).toEqual([
      { op: 'same', text: '一线职工工资年增长不低于' },
      { op: 'delete', text: '5' },
      { op: 'insert', text: '6' },
      { op: 'same', text: '%' },
    ]);
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
    expect(eff.timeline.map((e: any) => e.event)).toEqual([
      'requested',
      'replied',
      'negotiators',
      'round',
      'version',
      'version',
      'submitted',
      'rejected',
      'submitted',
      'approved',
      'signed',
      'filed',
      'effective',
    ]);
    const mine = await ok(w.handler.get('/api/v1/decided-items?mine=1&pageSize=50'));
    expect(
      mine.items
        .filter((i: any) => i.source.kind === 'contracts.clause')
        .map((i: any) => i.title)
        .sort(),
    ).toEqual(['第1条 一线职工工资年增长不低于6%', '第2条 每年组织一次职业健康体检', '第3条 劳务派遣工同工同酬']);

    // Published: the worker of the mine reads it on the phone; a worker of another mine does not.
    await ok(staff.post(`${one}/publish`, {}));
    expect((await ok(worker.get(`${base}/published`))).items.map((c: any) => [c.title, c.inForce])).toEqual([['一号矿2026年集体合同', true]]);
    // The publication is also a 厂务公开 notice to the mine, pointing back to the contract; another mine's worker does not get it.
    const notices = (await ok(worker.get('/api/v1/notices'))).items.filter((n: any) => n.title.includes('一号矿2026年集体合同'));
    expect(notices.map((n: any) => n.title)).toEqual(['关于公布《一号矿2026年集体合同》的通知']);
    const notice = await ok(worker.get(`/api/v1/notices/${notices[0].id}`));
    expect([
      notice.source,
      notice.kind,
      notice.body.includes('合同期限：2026-10-27至2027-10-26'),
      notice.body.includes('第5条 女职工每年两癌筛查一次'),
    ]).toEqual([{ kind: 'contracts.contract', id, label: '集体合同 · 一号矿2026年集体合同' }, 'standing', true, true]);
    expect((await ok(farWorker.get('/api/v1/notices'))).items.some((n: any) => n.title.includes('一号矿2026年集体合同'))).toBe(false);
    expect((await ok(worker.get(`${base}/published/${id}`))).clauses.map((c: any) => c.number)).toEqual([1, 2, 3, 5]);
    expect((await farWorker.get(`${base}/published/${id}`)).status).toBe(404);
    expect((await worker.get(`${one}/board`)).status).toBe(404);

    // Checkpoints with findings and evidence.
    const board = await ok(staff.get(`${one}/board`));
    const [c1, c2, c3, c5] = board.clauses;
    expect(board.health).toEqual({ value: null, numerator: 0, denominator: 0 });
    await problem(
      staff.post(`/api/v1/contract-clauses/${c5.id}/checkpoints`, { dueDate: '2026-11-30', method: '查阅记录', evidenceRequired: '体检名单' }),
      422,
      'clauseId',
    );
    await problem(
      staff.post(`/api/v1/contract-clauses/${c1.id}/checkpoints`, { dueDate: '2028-01-31', method: '查工资表', evidenceRequired: '工资台账' }),
      422,
      'dueDate',
    );
    const cp = async (clauseId: string, dueDate: string) =>
      (await ok(staff.post(`/api/v1/contract-clauses/${clauseId}/checkpoints`, { dueDate, method: '年度履约检查时核对', evidenceRequired: '台账或名单' }), 201))
        .id;
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
    expect(after.clauses.map((c: any) => [c.number, c.light, c.lastCheck?.status ?? null])).toEqual([
      [1, 'green', 'honoured'],
      [2, 'red', 'notHonoured'],
      [3, 'red', null],
      [5, null, null],
    ]);
    expect(after.health).toEqual({ value: 0.5, numerator: 1, denominator: 2 });
    const clause1 = await ok(staff.get(`/api/v1/contract-clauses/${c1.id}`));
    expect(clause1.checkpointList[0]).toMatchObject({ status: 'honoured', files: [{ name: '工资台账.png', type: 'image/png' }] });
    // The evidence opens for whoever reads the clause's monitoring, and each opening is audited.
    const cp1 = clause1.checkpointList[0];
    const evidence = `/api/v1/contract-checkpoints/${cp1.id}/files/${cp1.files[0].id}`;
    expect((await outsider.get(evidence)).status).toBe(404);
    const got = await (await t.user([{ role: 'unionStaff', org: w.mine1 }])).get(evidence);
    expect([got.status, got.headers['content-type'], got.raw.equals(PNG)], got.text).toEqual([200, 'image/png', true]);
    expect((await worker.get(evidence)).status).toBe(404);
    await problem(staff.get(`/api/v1/contract-checkpoints/${cp1.id}/files/${clause1.id}`), 404);
    const audit = await t.db.selectFrom('audit_events').select(['action', 'entity_id']).where('action', '=', 'contracts.evidenceOpen').execute();
    expect(audit).toEqual([{ action: 'contracts.evidenceOpen', entity_id: cp1.id }]);
    const report = await ok(staff.get(`${one}/inspection`));
    expect(report.counts).toEqual({ notDue: 1, honoured: 1, partly: 0, notHonoured: 1 });
    expect(report.clauses.map((c: any) => [c.number, c.status, c.evidence, c.citations])).toEqual([
      [1, 'honoured', 1, 0],
      [2, 'notHonoured', 0, 0],
      [3, null, 0, 3],
    ]);
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

    const { id } = await ok(
      w.staff.post(base, {
        orgId: w.mine1.id,
        kind: 'wage',
        title: '一号矿2027年工资专项集体合同',
        requestedBy: 'union',
        requestDate: '2026-11-02',
        termYears: 1,
      }),
      201,
    );
    const one = `${base}/${id}`;
    await ok(w.staff.post(`${one}/reply`, { repliedDate: '2026-11-10' }));
    await ok(
      w.staff.request('PUT', `${one}/negotiators`, {
        negotiators: [
          { side: 'union', name: '甲', chief: true },
          { side: 'employer', name: '乙', chief: true },
        ],
      }),
    );
    await ok(w.staff.post(`${one}/versions`, { clauses: clauses('7%') }), 201);
    const otherOrg = await t.org('另一集团', 'group');
    const other = await sitting(
      otherOrg,
      { staff: await t.user([{ role: 'unionStaff', org: otherOrg }]), chair: await t.user([{ role: 'unionChair', org: otherOrg }]) },
      1,
    );
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
      const { id } = await ok(
        chair.post(base, { orgId: org.id, kind: 'wage', title: `工资协议 ${requestDate}`, requestedBy: 'employer', requestDate, termYears: 1 }),
        201,
      );
      if (repliedDate) await ok(chair.post(`${base}/${id}/reply`, { repliedDate }));
      return id;
    };
    await make('2026-09-11', '2026-10-08'); // on the moved last day: in time
    await make('2026-09-14', '2026-10-20'); // late
    await make('2026-09-20');
    const q = { scope: { all: false, paths: [org.path] }, from: '2026-09-01', to: '2026-09-30' };
    const reply = await indicator('contracts.replyInTime')!.compute(t.db, q);
    expect([reply.numerator, reply.denominator]).toEqual([1, 3]);
    const total = async (f: Record<string, string>, as: typeof w.chair = chair) => (await ok(as.get(`${base}?${new URLSearchParams(f)}`))).total;
    expect(await total(reply.drill!.numerator)).toBe(1);
    expect(await total(reply.drill!.denominator)).toBe(3);
    for (const key of ['contracts.inForce', 'contracts.expiring', 'contracts.overdueRenewal']) {
      const f = await indicator(key)!.compute(t.db, { scope: { all: false, paths: [w.mine1.path] }, from: '2027-09-01', to: '2027-09-30' });
      // Read by the group's chair, narrowed to the figure's org as a work report's drill does.
      expect(await total({ orgId: w.mine1.id, ...f.drill!.numerator }, w.chair), key).toBe(f.value);
    }
    const inForce = await indicator('contracts.inForce')!.compute(t.db, { scope: { all: false, paths: [w.mine1.path] }, from: '2027-09-01', to: '2027-09-30' });
    expect(inForce.value).toBe(1);
    // Narrowing never widens: the mine's own union asking for the group gets its own contracts, another mine's none.
    expect(await total({ orgId: w.group.id, ...reply.drill!.denominator })).toBe(3);
    expect(await total({ orgId: w.mine1.id, ...reply.drill!.denominator })).toBe(0);
    const expiring = await indicator('contracts.expiring')!.compute(t.db, {
      scope: { all: false, paths: [w.mine1.path] },
      from: '2027-09-01',
      to: '2027-09-30',
    });
    expect(expiring.value).toBe(1);
    const overdue = await indicator('contracts.overdueRenewal')!.compute(t.db, {
      scope: { all: false, paths: [w.mine1.path] },
      from: '2027-11-01',
      to: '2027-11-30',
    });
    expect(overdue.value).toBe(1);
    const honoured = await indicator('contracts.clausesHonoured')!.compute(t.db, {
      scope: { all: false, paths: [w.mine1.path] },
      from: '2026-12-01',
      to: '2026-12-31',
    });
    expect([honoured.numerator, honoured.denominator]).toEqual([1, 2]);
    const perClause = await indicator('contracts.appealsPerClause')!.compute(t.db, {
      scope: { all: false, paths: [w.mine1.path] },
      from: '2026-01-01',
      to: '2026-12-31',
    });
    expect([perClause.numerator, perClause.denominator]).toEqual([3, 3]);
  });
});

/**
 * Wage data saved by LibreOffice Calc — WAGE_HEADERS and the rows
 *   2025,合同制,一线生产,100,7200000,4000,2000    2025,合同制,经营管理,20,2400000,8000,2000
 *   2026,合同制,一线生产,100,7560000,4200,2100    2026,合同制,经营管理,20,2520000,8400,2100
 *   2026,劳务派遣,一线生产,30,1700000.50,3150,2100
 * as a CSV converted with `soffice --headless --infilter=CSV:44,34,76,1 --convert-to xlsx`: years, heads and amounts are
 * number cells (1700000.5 among them) and a header is rich text. Kept as a file because one
 * conversion takes half a minute on a loaded machine.
 */
const CALC_XLSX = fs.readFileSync(new URL('./fixtures/wages-libreoffice.xlsx', import.meta.url));
const WAGE_HEADERS = '年度,用工类别,岗位序列,人数,工资总额（元）,最低月工资（元）,当地最低工资标准（元/月）';

describe('wage negotiation: wage data, exact figures, costed proposals, agreed clauses', () => {
  it('imports wage data with row errors and computes averages, growth and multiples exactly', async () => {
    const mine = await t.org('工资矿', 'mine', w.group);
    const far = await t.user([{ role: 'unionStaff', org: w.mine2 }]);
    const worker = await w.worker();
    const send = (client: typeof w.staff, step: 'check' | 'import', orgId: string, content: Buffer, name: string) => {
      const up = multipart({ orgId }, { name, content });
      return client.post(`/api/v1/contract-wages/${step}`, up.body, up.headers);
    };

    const office = await t.user([{ role: 'unionStaff', org: mine }]);
    const template = await office.get('/api/v1/contract-wages/template.xlsx');
    expect(template.status).toBe(200);
    expect((await readXlsx(template.raw))[0]).toEqual(WAGE_HEADERS.split(','));

    // Every faulty cell is named with its row and column; nothing is written while one remains.
    const faulty = Buffer.from(
      `${WAGE_HEADERS}\n二〇二六,合同制,一线生产,100,7560000,4200,2100\n2026,临时工,一线生产,0,7560000.123,4200,2100\n2026,合同制,一线生产,100,7560000,4200,2100\n2026,合同制,一线生产,100,7560000,4200,2200\n`,
    );
    const checked = await ok(send(w.staff, 'check', mine.id, faulty, '工资.csv'));
    expect(checked).toMatchObject({ totalRows: 4, validRows: 1, written: false, years: [2026] });
    expect(checked.errors).toEqual([
      { row: 2, column: '年度', message: '年度应为 1990 至 2100 之间的四位年份' },
      { row: 3, column: '用工类别', message: '用工类别应为：全民固定工、合同制、劳务派遣、农民工或退休' },
      { row: 3, column: '人数', message: '人数应为正整数' },
      { row: 3, column: '工资总额（元）', message: '金额应为大于 0 的元数，最多两位小数' },
      { row: 5, column: '当地最低工资标准（元/月）', message: '同一年度（2026年）的当地最低工资标准应当一致' },
      { row: 5, column: '岗位序列', message: '同一年度、用工类别和岗位序列已在第 4 行出现' },
    ]);
    const refused = await problem(send(w.staff, 'import', mine.id, faulty, '工资.csv'), 422, 'body.file');
    expect(refused.errors[0].message).toBe('第2行「年度」：年度应为 1990 至 2100 之间的四位年份');
    expect((await ok(w.staff.get(`/api/v1/contract-wages?orgId=${mine.id}`))).rows).toEqual([]);
    await problem(send(far, 'import', mine.id, faulty, '工资.csv'), 404);
    // Wage data are the union's: a worker may not upload a sheet, and to a handler the org's figures do not exist.
    await problem(send(worker, 'import', mine.id, faulty, '工资.csv'), 403);
    await problem(w.handler.get(`/api/v1/contract-wages?orgId=${mine.id}`), 404);

    // The sheet LibreOffice wrote (CALC_XLSX): number cells read exactly, to the fen.
    expect(await ok(send(w.staff, 'import', mine.id, CALC_XLSX, '工资数据.xlsx'), 201)).toEqual({
      totalRows: 5,
      validRows: 5,
      years: [2025, 2026],
      written: true,
      errors: [],
    });
    const f = await ok(w.staff.get(`/api/v1/contract-wages?orgId=${mine.id}`));
    const row = (year: number, category: string, jobFamily: string) =>
      f.rows.find((r: any) => r.year === year && r.category === category && r.jobFamily === jobFamily);
    expect(row(2026, 'contract', 'frontLine')).toMatchObject({
      headcount: 100,
      totalFen: 756_000_000,
      average: { num: '7560000', den: '1', display: '75600.00' },
      growth: { num: '1', den: '20', display: '5.00%' },
      lowestVsMinimum: { display: '2.0000' },
    });
    expect(row(2026, 'dispatched', 'frontLine')).toMatchObject({
      totalFen: 170_000_050,
      average: { num: '17000005', den: '3', display: '56666.68' },
      growth: null,
      lowestVsMinimum: { num: '3', den: '2', display: '1.5000' },
    });
    expect(f.totals).toEqual([
      {
        year: 2025,
        headcount: 120,
        totalFen: 960_000_000,
        average: { num: '8000000', den: '1', display: '80000.00' },
        growth: null,
        multipleOfFirst: { num: '1', den: '1', display: '1.0000' },
        frontLineVsManagement: { num: '3', den: '5', display: '0.6000' },
        localMinimumFen: 200_000,
      },
      {
        year: 2026,
        headcount: 150,
        totalFen: 1_178_000_050,
        average: { num: '23560001', den: '3', display: '78533.34' },
        growth: { num: '-439999', den: '24000000', display: '-1.83%' },
        multipleOfFirst: { num: '23560001', den: '24000000', display: '0.9817' },
        frontLineVsManagement: { num: '18520001', den: '32760000', display: '0.5653' },
        localMinimumFen: 210_000,
      },
    ]);
    expect((await far.get(`/api/v1/contract-wages?orgId=${mine.id}`)).status).toBe(404);

    // The write-up's own table: 6,281 元 in 2001 and 35,553 元 in 2008, a multiple of 5.6604.
    const town = await t.org('示例县', 'mine', w.group);
    await ok(
      send(
        w.staff,
        'import',
        town.id,
        Buffer.from(`${WAGE_HEADERS}\n2001,合同制,一线生产,1,6281,400,300\n2008,合同制,一线生产,1,35553,900,690\n`),
        '人均收入.csv',
      ),
      201,
    );
    const years = (await ok(w.staff.get(`/api/v1/contract-wages?orgId=${town.id}`))).totals;
    expect(years[1]).toMatchObject({ year: 2008, growth: null, multipleOfFirst: { num: '35553', den: '6281', display: '5.6604' } });
  });

  it('costs each side’s proposal from the wage data and writes the agreed one into the wage agreement as monitored clauses', async () => {
    const mine = (await t.db.selectFrom('orgs').select(['id', 'path']).where('name', '=', '工资矿').executeTakeFirstOrThrow()) as { id: string; path: string };
    const hr = await t.org('人力资源部', 'department', mine);
    await t.user([{ role: 'handler', org: hr }]);
    const { staff, chair } = w;
    const { id } = await ok(
      staff.post(base, { orgId: mine.id, kind: 'wage', title: '工资矿2027年工资专项集体合同', requestedBy: 'union', requestDate: '2026-11-02', termYears: 1 }),
      201,
    );
    const one = `${base}/${id}`;
    await ok(staff.post(`${one}/reply`, { repliedDate: '2026-11-03' }));
    await ok(
      staff.request('PUT', `${one}/negotiators`, {
        negotiators: [
          { side: 'union', name: '工会首席', chief: true },
          { side: 'employer', name: '行政首席', chief: true },
        ],
      }),
    );
    const round = await ok(staff.post(`${one}/rounds`, { heldDate: '2026-11-05', minutes: '第一轮：双方提出工资调整方案' }), 201);
    const propose = (body: object) => staff.post(`${one}/wage-proposals`, { roundId: round.id, baseYear: 2026, ...body });

    const union = await ok(
      propose({
        side: 'union',
        items: [
          { jobFamily: 'frontLine', raisePercent: '8' },
          { jobFamily: 'management', raisePercent: '3' },
        ],
      }),
      201,
    );
    const employer = await ok(propose({ side: 'employer', items: [{ jobFamily: 'frontLine', raisePercent: '5' }] }), 201);
    await problem(
      propose({
        side: 'union',
        items: [
          { jobFamily: 'frontLine', raisePercent: '8' },
          { category: 'contract', jobFamily: 'frontLine', raisePercent: '9' },
        ],
      }),
      422,
      'items.1.category',
    );
    await problem(propose({ side: 'union', items: [{ jobFamily: 'technical', raisePercent: '8' }] }), 422, 'items.0.jobFamily');
    await problem(propose({ side: 'union', baseYear: 2020, items: [{ jobFamily: 'frontLine', raisePercent: '8' }] }), 422, 'baseYear');
    await problem(propose({ side: 'union', items: [{ jobFamily: 'frontLine', raisePercent: '8.125' }] }), 400, 'body.items.0.raisePercent');
    const collective = await ok(
      staff.post(base, { orgId: mine.id, kind: 'collective', title: '集体合同', requestedBy: 'union', requestDate: '2026-11-02', termYears: 3 }),
      201,
    );
    await problem(
      staff.post(`${base}/${collective.id}/wage-proposals`, {
        roundId: round.id,
        side: 'union',
        baseYear: 2026,
        items: [{ jobFamily: 'frontLine', raisePercent: '8' }],
      }),
      422,
      'contractId',
    );

    // Costs on the 2026 wage bill: 8 % of 9,260,000.50 元 for 130 front-line heads, 3 % of 2,520,000 元 for 20 managers.
    const neg = await ok(staff.get(`${one}/wage-negotiation`));
    const u = neg.proposals.find((p: any) => p.id === union.id);
    expect(u.items.map((i: any) => [i.jobFamily, i.raiseBp, i.headcount, i.yearlyCost.display, i.perHead.display])).toEqual([
      ['frontLine', 800, 130, '740800.04', '5698.46'],
      ['management', 300, 20, '75600.00', '3780.00'],
    ]);
    expect([u.headcount, u.yearlyCost, u.perHead.display]).toEqual([150, { num: '81640004', den: '1', display: '816400.04' }, '5442.67']);
    const e = neg.proposals.find((p: any) => p.id === employer.id);
    expect([e.yearlyCost, e.perHead.display, e.adoptedVersion]).toEqual([{ num: '92600005', den: '2', display: '463000.03' }, '3561.54', null]);
    expect((await w.handler.get(`${one}/wage-negotiation`)).status).toBe(404);

    // A hand-written draft, then the agreed proposal replaces its wage clauses and keeps the rest.
    await ok(
      staff.post(`${one}/versions`, {
        clauses: [
          { chapter: '总则', number: 1, category: 'other', text: '本协议适用于工资矿全体职工' },
          { chapter: '工资调整', number: 2, category: 'wages', text: '工资待协商', promise: true, ownerOrgId: hr.id },
        ],
      }),
      201,
    );
    await problem(staff.post(`${one}/wage-agreement`, { proposalId: collective.id, ownerOrgId: hr.id }), 422, 'proposalId');
    expect(await ok(staff.post(`${one}/wage-agreement`, { proposalId: union.id, ownerOrgId: hr.id }), 201)).toEqual({ version: 2 });
    expect((await ok(staff.get(`${one}/wage-negotiation`))).proposals.find((p: any) => p.id === union.id).adoptedVersion).toBe(2);

    // It then follows the normal path: a vote of all workers, signing, filing, effect, publication — and the board monitors the wage clauses.
    await ok(staff.post(`${one}/review`, { mode: 'allWorkers' }));
    await ok(staff.post(`${one}/vote`, { eligible: 150, for: 120, against: 10, abstain: 5 }));
    await ok(chair.post(`${one}/sign`, { signedDate: '2026-11-06' }));
    await ok(staff.post(`${one}/file`, { receivedDate: '2026-11-09' }));
    await ok(staff.post(`${one}/effective`, {}));
    await ok(staff.post(`${one}/publish`, {}));
    await problem(propose({ side: 'union', items: [{ jobFamily: 'frontLine', raisePercent: '8' }] }), 409, 'status');
    const board = await ok(staff.get(`${one}/board`));
    expect(board.clauses.map((c: any) => [c.number, c.category, c.text])).toEqual([
      [1, 'other', '本协议适用于工资矿全体职工'],
      [
        2,
        'wages',
        '2027年度一线生产岗位（各用工类别）职工平均工资增长不低于8%（以2026年130人工资总额9260000.50元为基数，年增资总额740800.04元，人均5698.46元）',
      ],
      [3, 'wages', '2027年度经营管理岗位（各用工类别）职工平均工资增长不低于3%（以2026年20人工资总额2520000.00元为基数，年增资总额75600.00元，人均3780.00元）'],
    ]);
  }, 120_000);
});

describe('honoured rate by category and owner, agreed wage raises by employment category', () => {
  it('each cut equals the rows of its drill-down list, and a raise counts as reached only where the wage data show it', async () => {
    // The wage agreement of 工资矿 (published above): its two wage clauses owned by 人力资源部, one partly honoured.
    const agreement = (await ok(w.staff.get(`${base}?kind=wage&set=inForce`))).items.find((c: any) => c.title === '工资矿2027年工资专项集体合同');
    const board = await ok(w.staff.get(`${base}/${agreement.id}/board`));
    const checked: string[] = [];
    for (const [clause, status] of [
      [board.clauses[1], 'partly'],
      [board.clauses[2], 'honoured'],
    ] as const) {
      const cp = await ok(
        w.staff.post(`/api/v1/contract-clauses/${clause.id}/checkpoints`, { dueDate: '2026-11-30', method: '查工资台账', evidenceRequired: '工资台账' }),
        201,
      );
      await ok(
        w.staff.post(`/api/v1/contract-checkpoints/${cp.id}/result`, {
          status,
          checkedDate: '2026-12-01',
          ...(status === 'partly' ? { finding: '劳务派遣工未足额调整' } : {}),
        }),
      );
      checked.push(cp.id);
    }
    const cuts = await ok(w.chair.get('/api/v1/contract-clauses/cuts?asOf=2026-12-31'));
    // With 一号矿's contract: wages 1 honoured of 1 there + 1 of 2 here; safety 0 of 1.
    expect(cuts.total).toMatchObject({ honoured: 2, checked: 4, rate: 0.5 });
    expect(cuts.byCategory.map((c: any) => [c.category, c.honoured, c.checked])).toEqual([
      ['safety', 0, 1],
      ['wages', 2, 3],
    ]);
    expect(cuts.byOwner.map((c: any) => [c.ownerOrgName, c.honoured, c.checked]).sort()).toEqual([
      ['人力资源部', 1, 2],
      ['生产部', 1, 2],
    ]);
    const rows = async (f: Record<string, string>) => (await ok(w.chair.get(`/api/v1/contract-clauses?${new URLSearchParams(f)}`))).total;
    for (const c of [cuts.total, ...cuts.byCategory, ...cuts.byOwner]) {
      expect(await rows(c.drill.numerator)).toBe(c.honoured);
      expect(await rows(c.drill.denominator)).toBe(c.checked);
    }
    // A drill's org narrows the cuts and their rows to that org's contracts.
    const mineOnly = await ok(w.chair.get(`/api/v1/contract-clauses/cuts?asOf=2026-12-31&orgId=${agreement.orgId}`));
    expect(mineOnly.total).toMatchObject({ honoured: 1, checked: 2 });
    expect(await rows({ orgId: agreement.orgId, ...mineOnly.total.drill.denominator })).toBe(2);
    const partly = (await ok(w.chair.get('/api/v1/contract-clauses?asOf=2026-12-31&lastStatus=partly'))).items;
    expect(partly.map((r: any) => [r.contractTitle, r.number, r.ownerOrgName])).toEqual([['工资矿2027年工资专项集体合同', 2, '人力资源部']]);
    // The indicator is the same count, and drills to the same list.
    const figure = await indicator('contracts.clausesHonoured')!.compute(t.db, { scope: { all: true, paths: [] }, from: '2026-12-01', to: '2026-12-31' });
    expect([figure.numerator, figure.denominator, await rows(figure.drill!.numerator), await rows(figure.drill!.denominator)]).toEqual([2, 4, 2, 4]);
    // What the period leaves open (the report's 存在问题): the clause whose last check found it not honoured, the list's same rows.
    const slipped = await indicator('contracts.clausesNotHonoured')!.compute(t.db, { scope: { all: true, paths: [] }, from: '2026-12-01', to: '2026-12-31' });
    expect([slipped.value, await rows(slipped.drill!.numerator)]).toEqual([1, 1]);
    // Another mine's union sees none of it; a worker may not ask.
    const far = await t.user([{ role: 'unionStaff', org: w.mine2 }]);
    expect((await ok(far.get('/api/v1/contract-clauses/cuts?asOf=2026-12-31'))).total).toMatchObject({ honoured: 0, checked: 0, rate: null });
    expect((await ok(far.get('/api/v1/contract-clauses?asOf=2026-12-31'))).total).toBe(0);
    expect((await (await w.worker()).get('/api/v1/contract-clauses/cuts')).status).toBe(403);
    // A later check revises the finding: the list and the cuts follow it (the clause keeps its last finding).
    await ok(w.staff.post(`/api/v1/contract-checkpoints/${checked[0]}/result`, { status: 'honoured', checkedDate: '2026-12-05' }));
    expect(await rows({ asOf: '2026-12-31', lastStatus: 'partly' })).toBe(0);
    expect((await ok(w.chair.get('/api/v1/contract-clauses/cuts?asOf=2026-12-31'))).total).toMatchObject({ honoured: 3, checked: 4 });

    // 2027 wage data: contract front line +8 % (agreed 8 %: reached), dispatch front line +5 % (agreed 8 %: not), management +3 % (agreed 3 %: reached).
    const mine = (await t.db.selectFrom('orgs').select(['id', 'path']).where('name', '=', '工资矿').executeTakeFirstOrThrow()) as { id: string; path: string };
    const sheet = `${WAGE_HEADERS}\n2027,合同制,一线生产,100,8164800,4500,2200\n2027,劳务派遣,一线生产,30,1785000.53,3300,2200\n2027,合同制,经营管理,20,2595600,8600,2200\n`;
    const up = multipart({ orgId: mine.id }, { name: '2027工资.csv', content: Buffer.from(sheet) });
    await ok(w.staff.post('/api/v1/contract-wages/import', up.body, up.headers), 201);
    const wage = await ok(w.chair.get('/api/v1/contract-wages/agreed/cuts?fromYear=2027&toYear=2027'));
    expect(wage.total).toMatchObject({ reached: 2, compared: 3 });
    expect(wage.byCategory.map((c: any) => [c.category, c.reached, c.compared])).toEqual([
      ['contract', 2, 2],
      ['dispatched', 0, 1],
    ]);
    const agreedRows = async (f: Record<string, string>) => (await ok(w.chair.get(`/api/v1/contract-wages/agreed?${new URLSearchParams(f)}`))).total;
    for (const c of [wage.total, ...wage.byCategory]) {
      expect(await agreedRows(c.drill.numerator)).toBe(c.reached);
      expect(await agreedRows(c.drill.denominator)).toBe(c.compared);
    }
    const missed = (await ok(w.chair.get('/api/v1/contract-wages/agreed?fromYear=2027&toYear=2027&reached=0'))).items;
    expect(missed.map((r: any) => [r.category, r.jobFamily, r.agreedPercent, r.actualGrowth.display])).toEqual([['dispatched', 'frontLine', '8.00', '5.00%']]);
    const raise = await indicator('contracts.wageRaiseReached')!.compute(t.db, {
      scope: { all: false, paths: [mine.path] },
      from: '2027-01-01',
      to: '2027-12-31',
    });
    expect([raise.numerator, raise.denominator, await agreedRows(raise.drill!.numerator), await agreedRows(raise.drill!.denominator)]).toEqual([2, 3, 2, 3]);
    // The work report's drill names the mine; another org of the chair's (mine2, no agreement) lists none.
    expect([await agreedRows({ ...raise.drill!.numerator, orgId: mine.id }), await agreedRows({ ...raise.drill!.denominator, orgId: w.mine2.id })]).toEqual([
      2, 0,
    ]);
    // A year with no agreement compares nothing.
    expect(
      (await indicator('contracts.wageRaiseReached')!.compute(t.db, { scope: { all: false, paths: [mine.path] }, from: '2026-01-01', to: '2026-12-31' }))
        .denominator,
    ).toBe(0);
    expect((await ok(far.get('/api/v1/contract-wages/agreed/cuts?fromYear=2027&toYear=2027'))).total.compared).toBe(0);
  });
});
