/**
 * The suggestion campaign on both engines: every transition from submission to reward and
 * refused ones (409 naming status), evaluator blindness enforced by the server, who sees a
 * suggestion (authors, assigned evaluators, the union side of the subtree; others 404), and
 * the campaign's statistics and the registry's figures against the rows of their drill-downs, and
 * attachments claimed at submission and served under the suggestion's own access.
 */
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app.js';
import { useAppealsWorld } from '../appeals/appeals.testkit.js';
import { indicator } from '../../core/indicators/indicators.registry.js';
import { multipart } from '../../core/people/people.fixtures.js';
import { campaignBody, scores, suggestionBody } from './suggestions.testkit.js';

const t = useTestApp();
const w = useAppealsWorld(t, beforeAll);
let rep: Awaited<ReturnType<typeof t.user>>;
let campaignId: string;
beforeAll(async () => {
  rep = await t.user([{ role: 'representative', org: w.mine1 }]);
  const c = await w.staff.post('/api/v1/suggestion-campaigns', campaignBody(w.group.id));
  expect(c.status).toBe(201);
  campaignId = c.body.id;
});

const today = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

/** The export's data rows as the spreadsheet shows them (the header row left out). */
async function exported(client: { cookie: string }, query: string): Promise<string[][]> {
  const res = await t.app.inject({ method: 'GET', url: `/api/v1/suggestions/export.xlsx?${query}`, headers: { cookie: client.cookie } });
  expect(res.statusCode).toBe(200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as never);
  const rows: string[][] = [];
  wb.worksheets[0].eachRow((row, n) => {
    if (n > 1) rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? '')));
  });
  return rows;
}
const evs = (body: { events: { event: string }[] }) => body.events.map((e) => e.event);

describe('a suggestion from submission to reward', () => {
  it('walks every step through the workflow, refuses steps out of order, and shows the worker the decision', async () => {
    const worker = await w.worker({ name: '王献策' });
    const mate = await t.person(w.team1, { name: '赵合作' });
    const lone = await worker.post('/api/v1/suggestions', suggestionBody(campaignId, { coAuthorPersonIds: [mate.id] }));
    expect(lone.status).toBe(422);
    expect(lone.body.errors[0].field).toBe('body.teamName');

    const sub = await worker.post('/api/v1/suggestions', suggestionBody(campaignId, { teamName: '综采一队攻关组', coAuthorPersonIds: [mate.id] }));
    expect(sub.status).toBe(201);
    expect(sub.body).toMatchObject({ status: 'submitted', leadName: '王献策', teamName: '综采一队攻关组' });
    expect(sub.body.authors.map((a: { name: string }) => a.name)).toEqual(['王献策', '赵合作']);
    const id = sub.body.id;

    // A decision before evaluation is out of order: 409 naming status.
    const early = await w.staff.post(`/api/v1/suggestions/${id}/decision`, { decision: 'adopt', note: '好' });
    expect(early.status).toBe(409);
    expect(early.body.errors[0].field).toBe('status');
    // A worker may not review their own suggestion.
    expect((await worker.post(`/api/v1/suggestions/${id}/accept`, {})).status).toBe(403);

    expect((await w.staff.post(`/api/v1/suggestions/${id}/accept`, { note: '问题真实，建议可行' })).body.status).toBe('accepted');
    expect((await w.staff.post(`/api/v1/suggestions/${id}/accept`, {})).status).toBe(409);

    // The desk offers the unit's experts (another mine's handler is not one) and never an author.
    const cands = await w.staff.get(`/api/v1/suggestions/${id}/candidates`);
    const offered = cands.body.evaluators.map((c: { accountId: string }) => c.accountId);
    expect(offered).toEqual(expect.arrayContaining([w.handler.accountId, rep.accountId, w.staff.accountId]));
    expect(offered).not.toContain(w.handler2.accountId);
    expect(offered).not.toContain(worker.accountId);
    expect((await worker.get(`/api/v1/suggestions/${id}/candidates`)).status).toBe(403);

    const one = await w.staff.post(`/api/v1/suggestions/${id}/evaluators`, { evaluatorAccountIds: [w.handler.accountId, w.handler.accountId] });
    expect(one.status).toBe(422);
    expect(one.body.errors[0].field).toBe('body.evaluatorAccountIds');
    // Another mine's handler is no expert for this unit.
    expect((await w.staff.post(`/api/v1/suggestions/${id}/evaluators`, { evaluatorAccountIds: [w.handler.accountId, w.handler2.accountId] })).status).toBe(422);
    const assigned = await w.staff.post(`/api/v1/suggestions/${id}/evaluators`, { evaluatorAccountIds: [w.handler.accountId, rep.accountId] });
    expect(assigned.status).toBe(200);
    expect(assigned.body.status).toBe('evaluating');

    const tooHigh = await w.handler.post(`/api/v1/suggestions/${id}/scores`, scores(31, 20, 30));
    expect(tooHigh.status).toBe(422);
    expect(tooHigh.body.errors[0].field).toBe('body.scores.innovation');
    expect((await w.handler.post(`/api/v1/suggestions/${id}/scores`, { scores: { innovation: 10 } })).status).toBe(422);
    const first = await w.handler.post(`/api/v1/suggestions/${id}/scores`, { ...scores(25, 20, 30), comment: '工装简单实用' });
    expect(first.status).toBe(200);
    expect(first.body.status).toBe('evaluating');
    expect((await w.handler.post(`/api/v1/suggestions/${id}/scores`, scores(1, 1, 1))).status).toBe(409);

    // Blindness: until both are in, the other evaluator, the union side and the author see no one's scores but their own.
    const repView = await rep.get(`/api/v1/suggestions/${id}`);
    expect(repView.status).toBe(200);
    expect(repView.body.can.score).toBe(true);
    expect(
      repView.body.evaluations.every((e: { scores: unknown; total: unknown; comment: unknown }) => e.scores === null && e.total === null && e.comment === null),
    ).toBe(true);
    expect(repView.text).not.toContain('工装简单实用');
    const staffView = await w.staff.get(`/api/v1/suggestions/${id}`);
    expect(staffView.body.evaluations.find((e: { accountId: string }) => e.accountId === w.handler.accountId)).toMatchObject({
      scored: true,
      scores: null,
      total: null,
    });
    expect(staffView.body.averageScore).toBeNull();
    const own = await w.handler.get(`/api/v1/suggestions/${id}`);
    expect(own.body.evaluations.find((e: { accountId: string }) => e.accountId === w.handler.accountId)).toMatchObject({
      scores: { innovation: 25, feasibility: 20, benefit: 30 },
      total: 75,
    });
    expect(own.body.evaluations.find((e: { accountId: string }) => e.accountId === rep.accountId).scores).toBeNull();
    const authorView = await worker.get(`/api/v1/suggestions/${id}`);
    expect(authorView.body.evaluations).toEqual([]);
    // The events' data, not their times or generated names, which may hold the digits by chance.
    expect(JSON.stringify(authorView.body.events.map((e: { data: unknown }) => e.data))).not.toContain('75');

    const second = await rep.post(`/api/v1/suggestions/${id}/scores`, scores(20, 25, 30));
    expect(second.body.status).toBe('evaluated');
    expect(second.body.averageScore).toBe(75);
    const opened = await w.handler.get(`/api/v1/suggestions/${id}`);
    expect(opened.body.evaluations.map((e: { total: number }) => e.total).sort()).toEqual([75, 75]);

    const decided = await w.chair.post(`/api/v1/suggestions/${id}/decision`, { decision: 'adopt', note: '列入年度技改计划' });
    expect(decided.body).toMatchObject({ status: 'adopted', decidedOn: today(), decision: { decision: 'adopt' } });

    const badOwner = await w.staff.post(`/api/v1/suggestions/${id}/implementation`, { ownerAccountId: w.handler2.accountId, dueDate: today() });
    expect(badOwner.status).toBe(422);
    expect(badOwner.body.errors[0].field).toBe('body.ownerAccountId');
    const impl = await w.staff.post(`/api/v1/suggestions/${id}/implementation`, { ownerAccountId: w.handler.accountId, dueDate: today() });
    expect(impl.body.status).toBe('implementing');
    expect(impl.body.implementation).toMatchObject({ status: 'planned', ownerName: w.handler.username });
    // The decided item is core's: its owner follows it on the supervision board.
    const item = await w.handler.get(`/api/v1/decided-items/${impl.body.implementation.decidedItemId}`);
    expect(item.status).toBe(200);

    const benefit = await w.staff.post(`/api/v1/suggestions/${id}/benefit`, { kind: 'savings', amount: 123456.78, note: '三个月停机时间折算' });
    expect(benefit.body).toMatchObject({ status: 'assessed', benefit: 123456.78 });
    const self = await w.staff.post(`/api/v1/suggestions/${id}/verify`, {});
    expect(self.status).toBe(409);
    expect(self.body.errors[0].field).toBe('benefitRecordedBy');
    const verified = await w.chair.post(`/api/v1/suggestions/${id}/verify`, { note: '与财务核对一致' });
    expect(verified.body.benefitRecord).toMatchObject({ amount: 123456.78, recordedBy: w.staff.username, verifiedBy: w.chair.username, verifiedOn: today() });

    const future = await w.staff.post(`/api/v1/suggestions/${id}/reward`, { amount: 2000, paidOn: '2999-01-01' });
    expect(future.status).toBe(422);
    const rewarded = await w.staff.post(`/api/v1/suggestions/${id}/reward`, { amount: 2000.5, paidOn: today() });
    expect(rewarded.body).toMatchObject({ status: 'rewarded', reward: 2000.5, rewardRecord: { amount: 2000.5, paidOn: today() } });
    expect((await w.staff.post(`/api/v1/suggestions/${id}/reward`, { amount: 1, paidOn: today() })).status).toBe(409);

    // The worker follows it: the decision, the timeline, and the notices of decision and reward.
    const seen = await worker.get(`/api/v1/suggestions/${id}`);
    expect(seen.body).toMatchObject({ status: 'rewarded', decision: { decision: 'adopt', note: '列入年度技改计划' } });
    expect(evs(seen.body)).toEqual([
      'submitted',
      'accepted',
      'evaluatorsAssigned',
      'scored',
      'evaluated',
      'decided',
      'implementing',
      'benefitRecorded',
      'benefitVerified',
      'rewarded',
    ]);
    expect(seen.body.evaluations.map((e: { total: number }) => e.total)).toEqual([75, 75]);
    const notes = await worker.get('/api/v1/notifications');
    const titles = JSON.stringify(notes.body);
    expect(titles).toContain('您的建议评审结果');
    expect(titles).toContain('您的建议获得奖励');
    // The co-author follows it too.
    const mateClient = await t.user([{ role: 'worker', org: w.team1 }], { personId: mate.id });
    expect((await mateClient.get(`/api/v1/suggestions/${id}`)).status).toBe(200);
  });

  it('returns with a reason for the author to revise, merges a duplicate, and archives', async () => {
    const worker = await w.worker();
    const a = (await worker.post('/api/v1/suggestions', suggestionBody(campaignId, { title: '矿灯充电架编号' }))).body.id;
    const b = (await worker.post('/api/v1/suggestions', suggestionBody(campaignId, { title: '矿灯编号管理' }))).body.id;
    const ret = await w.staff.post(`/api/v1/suggestions/${a}/return`, { reason: '请补充现场数据' });
    expect(ret.body).toMatchObject({ status: 'returned', returnReason: '请补充现场数据' });
    expect((await worker.get(`/api/v1/suggestions/${a}`)).body.can.revise).toBe(true);
    const again = await worker.post(`/api/v1/suggestions/${a}/revise`, {
      title: '矿灯充电架编号（补充数据）',
      problem: '上月取错矿灯 14 次',
      proposal: '一人一号',
      expectedBenefit: '减少故障',
    });
    expect(again.body).toMatchObject({ status: 'submitted', title: '矿灯充电架编号（补充数据）', returnReason: null });
    expect((await worker.post(`/api/v1/suggestions/${a}/revise`, { title: 'x', problem: 'x', proposal: 'x', expectedBenefit: 'x' })).status).toBe(409);

    expect((await w.staff.post(`/api/v1/suggestions/${b}/merge`, { intoSuggestionId: b })).status).toBe(422);
    const merged = await w.staff.post(`/api/v1/suggestions/${b}/merge`, { intoSuggestionId: a });
    expect(merged.body).toMatchObject({ status: 'merged', mergedInto: { id: a } });
    expect(evs((await w.staff.get(`/api/v1/suggestions/${a}`)).body)).toContain('absorbed');

    await w.staff.post(`/api/v1/suggestions/${a}/accept`, {});
    await w.staff.post(`/api/v1/suggestions/${a}/evaluators`, { evaluatorAccountIds: [w.handler.accountId, w.staff.accountId] });
    await w.handler.post(`/api/v1/suggestions/${a}/scores`, scores(5, 5, 5));
    await w.staff.post(`/api/v1/suggestions/${a}/scores`, scores(5, 5, 5));
    const archived = await w.chair.post(`/api/v1/suggestions/${a}/decision`, { decision: 'archive', note: '已有同类措施' });
    expect(archived.body.status).toBe('archived');
    expect((await w.staff.post(`/api/v1/suggestions/${a}/implementation`, { ownerAccountId: w.handler.accountId, dueDate: today() })).status).toBe(409);
  });
});

describe('who sees a suggestion', () => {
  it('the authors, the assigned evaluators and the union side of the subtree; everyone else hears 404 and lists nothing', async () => {
    const author = await w.worker();
    const other = await w.worker();
    const id = (await author.post('/api/v1/suggestions', suggestionBody(campaignId))).body.id;
    const outsiderOrg = await t.org('另一集团', 'group');
    const outsider = await t.user([{ role: 'unionStaff', org: outsiderOrg }]);
    const mine2Staff = await t.user([{ role: 'unionStaff', org: w.mine2 }]);
    for (const c of [other, w.handler, w.handler2, rep, outsider, mine2Staff]) {
      expect((await c.get(`/api/v1/suggestions/${id}`)).status).toBe(404);
      const listed = await c.get(`/api/v1/suggestions?campaignId=${campaignId}&pageSize=200`);
      expect(listed.body.items.map((s: { id: string }) => s.id)).not.toContain(id);
    }
    // A campaign of another group is not offered, nor open to a submission.
    expect((await outsider.get(`/api/v1/suggestion-campaigns/${campaignId}`)).status).toBe(404);
    expect((await outsider.get('/api/v1/suggestion-campaigns')).body.items).toEqual([]);
    expect((await author.get('/api/v1/suggestion-campaigns')).body.items.map((c: { id: string }) => c.id)).toContain(campaignId);
    expect((await author.get(`/api/v1/suggestions?mine=1`)).body.items.map((s: { id: string }) => s.id)).toEqual([id]);

    await w.staff.post(`/api/v1/suggestions/${id}/accept`, {});
    await w.staff.post(`/api/v1/suggestions/${id}/evaluators`, { evaluatorAccountIds: [rep.accountId, w.chair.accountId] });
    expect((await rep.get(`/api/v1/suggestions/${id}`)).status).toBe(200);
    expect((await rep.get('/api/v1/suggestions?assigned=1')).body.items.map((s: { id: string }) => s.id)).toContain(id);
    // Statistics are the union side's.
    expect((await rep.get(`/api/v1/suggestion-campaigns/${campaignId}/statistics`)).status).toBe(403);

    // The Excel export follows the list: the author exports their own, an outsider nothing, the union its subtree — audited.
    const { code, leadName } = (await author.get(`/api/v1/suggestions/${id}`)).body;
    expect((await exported(author, 'mine=1')).map((r) => r.slice(0, 4))).toEqual([[code, '皮带机托辊快速更换工装', '专家评审中', leadName]]);
    expect(await exported(outsider, `campaignId=${campaignId}`)).toEqual([]);
    expect(await exported(other, `campaignId=${campaignId}`)).toEqual([]);
    const union = await exported(w.staff, `campaignId=${campaignId}&pageSize=1`);
    expect(union.map((r) => r[0])).toContain(code);
    expect(union.length).toBe((await w.staff.get(`/api/v1/suggestions?campaignId=${campaignId}`)).body.total);
    const audits = await (t.db as any).selectFrom('audit_events').select(['action', 'changes']).where('action', '=', 'suggestion.export').execute();
    expect(audits.length).toBe(4);
  });
});

describe('statistics', () => {
  it('each unit row and each registry figure equals the rows of its drill-down', async () => {
    // 二号矿 has a worker and no suggestion: it is a unit of the campaign with nothing submitted.
    await w.worker({}, w.team2);
    const st = await w.staff.get(`/api/v1/suggestion-campaigns/${campaignId}/statistics`);
    expect(st.status).toBe(200);
    expect(st.body.submitted).toBeGreaterThanOrEqual(4);
    expect(st.body.units.map((u: { orgName: string }) => u.orgName).sort()).toEqual(['一号矿', '二号矿']);
    for (const u of st.body.units) {
      const drilled = await w.staff.get(`/api/v1/suggestions?${new URLSearchParams(u.drill)}&pageSize=200`);
      expect(drilled.body.total).toBe(u.submitted);
      expect(
        drilled.body.items.filter((s: { status: string }) => ['adopted', 'trial', 'implementing', 'assessed', 'verified', 'rewarded'].includes(s.status)),
      ).toHaveLength(u.adopted);
      expect(drilled.body.items.reduce((s: number, x: { benefit: number | null }) => s + (x.benefit ?? 0), 0)).toBeCloseTo(u.benefit, 2);
    }
    expect(st.body.units.find((u: { orgName: string }) => u.orgName === '二号矿')).toMatchObject({
      workers: 1,
      participants: 0,
      participationRate: 0,
      submitted: 0,
    });
    const mine1 = st.body.units.find((u: { orgName: string }) => u.orgName === '一号矿');
    expect(mine1).toMatchObject({ submitted: st.body.submitted, benefit: 123456.78, rewards: 2000.5 });
    // 王献策 and his co-author, the worker of the returned one, the author of the private one.
    expect(mine1.participants).toBe(4);
    expect(mine1.participationRate).toBe(Math.round((mine1.participants / mine1.workers) * 10_000) / 10_000);
    expect(st.body.months.reduce((s: number, m: { submitted: number }) => s + m.submitted, 0)).toBe(st.body.submitted);

    const q = { scope: { all: false, paths: [w.mine1.path] }, from: today(), to: today() };
    for (const key of [
      'suggestions.per100Workers',
      'suggestions.participationRate',
      'suggestions.adoptionRate',
      'suggestions.implemented',
      'suggestions.benefit',
      'suggestions.rewardsPaid',
    ]) {
      const f = await indicator(key)!.compute(t.db, q);
      const num = await w.staff.get(`/api/v1/suggestions?${new URLSearchParams({ ...f.drill!.numerator, orgId: w.mine1.id, pageSize: '200' })}`);
      if (key === 'suggestions.participationRate') expect(f.numerator).toBe(mine1.participants);
      else if (key === 'suggestions.per100Workers') expect(f.numerator).toBe(num.body.total);
      else expect(f.numerator, key).toBe(num.body.total);
      if (key === 'suggestions.adoptionRate') {
        const den = await w.staff.get(`/api/v1/suggestions?${new URLSearchParams({ ...f.drill!.denominator, orgId: w.mine1.id, pageSize: '200' })}`);
        expect(f).toMatchObject({ numerator: 1, denominator: 2, value: 0.5 });
        expect(f.denominator).toBe(den.body.total);
      }
    }
    expect((await indicator('suggestions.benefit')!.compute(t.db, q)).value).toBe(123456.78);
    expect((await indicator('suggestions.rewardsPaid')!.compute(t.db, q)).value).toBe(2000.5);
  });
});

describe('a campaign edited', () => {
  it('by the union over its org: title and period change; criteria are fixed once a score is in; others are refused', async () => {
    const c = (await w.staff.post('/api/v1/suggestion-campaigns', campaignBody(w.group.id, { title: '修改测试活动' }))).body;
    const endsOn = new Date(Date.now() + 8 * 3_600_000 + 60 * 86_400_000).toISOString().slice(0, 10);
    const edited = await w.chair.request('PUT', `/api/v1/suggestion-campaigns/${c.id}`, { title: '修改后的活动', endsOn });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ title: '修改后的活动', endsOn, startsOn: c.startsOn });
    const order = await w.chair.request('PUT', `/api/v1/suggestion-campaigns/${c.id}`, { endsOn: '2000-01-01' });
    expect([order.status, order.body.errors[0].field]).toEqual([422, 'body.endsOn']);
    expect((await w.handler.request('PUT', `/api/v1/suggestion-campaigns/${c.id}`, { title: '越权' })).status).toBe(403);
    const outsider = await t.user([{ role: 'unionStaff', org: await t.org('又一集团', 'group') }]);
    expect((await outsider.request('PUT', `/api/v1/suggestion-campaigns/${c.id}`, { title: '越权' })).status).toBe(404);

    const criteria = [
      { key: 'value', label: '价值', max: 60 },
      { key: 'cost', label: '成本', max: 40 },
    ];
    expect((await w.chair.request('PUT', `/api/v1/suggestion-campaigns/${c.id}`, { criteria })).body.criteria).toEqual(criteria);
    const worker = await w.worker();
    const sid = (await worker.post('/api/v1/suggestions', suggestionBody(c.id))).body.id;
    await w.staff.post(`/api/v1/suggestions/${sid}/accept`, {});
    await w.staff.post(`/api/v1/suggestions/${sid}/evaluators`, { evaluatorAccountIds: [rep.accountId, w.chair.accountId] });
    expect((await rep.post(`/api/v1/suggestions/${sid}/scores`, { scores: { value: 50, cost: 30 } })).status).toBe(200);
    const late = await w.chair.request('PUT', `/api/v1/suggestion-campaigns/${c.id}`, { criteria: [{ key: 'value', label: '价值', max: 100 }] });
    expect([late.status, late.body.errors[0].field]).toEqual([422, 'body.criteria']);
    expect(late.body.detail).toContain('评审标准');
    expect((await w.chair.request('PUT', `/api/v1/suggestion-campaigns/${c.id}`, { criteria, title: '仍可改名' })).status).toBe(200);
  });
});

describe('attachments of a suggestion', () => {
  const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(32, 7)]);
  const upload = async (c: { post: (typeof w.staff)['post'] }, name: string, content: Buffer) => {
    const m = multipart({}, { name, content });
    return c.post('/api/v1/files', m.body, m.headers);
  };

  it('are claimed by the submission, judged by their bytes, and served only to those who see the suggestion', async () => {
    const author = await w.worker();
    const other = await w.worker();
    // A page named like a picture is refused for what its bytes are.
    const page = await upload(author, '现场.png', Buffer.from('<html><script>alert(1)</script></html>'));
    expect(page.status).toBe(422);
    expect(page.body.errors[0].field).toBe('file');

    // Someone else's upload cannot be claimed, and the refused submission leaves nothing behind.
    const theirs = (await upload(other, '别人的.png', PNG)).body;
    const stolen = await author.post('/api/v1/suggestions', suggestionBody(campaignId, { fileIds: [theirs.id] }));
    expect(stolen.status).toBe(422);
    expect(stolen.body.errors[0].field).toBe('fileIds');
    expect((await author.get('/api/v1/suggestions?mine=1')).body.total).toBe(0);

    const photo = (await upload(author, '托辊现场.png', PNG)).body;
    const sub = await author.post('/api/v1/suggestions', suggestionBody(campaignId, { fileIds: [photo.id] }));
    expect(sub.status).toBe(201);
    expect(sub.body.files.map((f: { name: string }) => f.name)).toEqual(['托辊现场.png']);
    // Claimed once: a second submission with the same upload is refused.
    expect((await author.post('/api/v1/suggestions', suggestionBody(campaignId, { fileIds: [photo.id] }))).body.errors[0].field).toBe('fileIds');

    const url = `/api/v1/suggestions/${sub.body.id}/files/${photo.id}`;
    for (const c of [author, w.staff]) {
      const got = await c.get(url);
      expect(got.status).toBe(200);
      expect(got.headers['content-type']).toBe('image/png');
      expect(got.headers['x-content-type-options']).toBe('nosniff');
    }
    expect((await other.get(url)).status).toBe(404);
    // A file of another record is not reachable through this suggestion.
    expect((await author.get(`/api/v1/suggestions/${sub.body.id}/files/${theirs.id}`)).status).toBe(404);
  });
});
