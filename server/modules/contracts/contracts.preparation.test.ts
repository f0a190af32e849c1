/**
 * 协商准备 Preparation for bargaining (issue #18, lifecycle step 2) through the API: what each side
 * supplies (who, when, notes, files), the union's surveys of workers' demands linked from the
 * surveys module with their answers and top concerns (an anonymous survey's figures withheld
 * below its smallest cell), and preparation closed once the draft goes to review.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app.js';
import { multipart } from '../../core/people/people.fixtures.js';
import { appealsWorld } from '../appeals/appeals.testkit.js';
import { answer, buildSurvey, openSurvey } from '../surveys/surveys.testkit.js';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'xq-contracts-prep-'));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));
const t = useTestApp({ config: { dataDir } });
let w: Awaited<ReturnType<typeof appealsWorld>>;
beforeAll(async () => {
  w = await appealsWorld(t);
});

type Res = Promise<{ status: number; body: any; text: string }>;
async function ok(p: Res, status = 200) {
  const r = await p;
  expect(r.status, r.text).toBe(status);
  return r.body;
}
async function problem(p: Res, status: number, field?: string) {
  const r = await p;
  expect(r.status, r.text).toBe(status);
  if (field) expect(r.body.errors?.map((e: any) => e.field)).toContain(field);
  return r.body;
}
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 7)]);
const today = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

describe('preparation for bargaining', () => {
  it('records what each side supplies, links the union’s demands survey with its top concerns, and closes at review', async () => {
    const { staff } = w;
    const outsider = await t.user([{ role: 'unionStaff', org: w.mine2 }]);
    const mineStaff = await t.user([{ role: 'unionStaff', org: w.mine1 }]);
    const { id } = await ok(
      staff.post('/api/v1/contracts', {
        orgId: w.mine1.id,
        kind: 'collective',
        title: '一号矿集体合同（准备）',
        requestedBy: 'union',
        requestDate: '2026-09-11',
        termYears: 2,
      }),
      201,
    );
    const one = `/api/v1/contracts/${id}`;
    const prep = `${one}/preparation`;
    const item = (over: Record<string, unknown> = {}) => ({
      side: 'employer',
      kind: 'information',
      title: '近三年工资总额与利润',
      suppliedBy: '人力资源部',
      suppliedDate: '2026-09-20',
      ...over,
    });

    // Before the other side replies there is nothing to prepare.
    await problem(staff.post(`${prep}/items`, item()), 409, 'status');
    await ok(staff.post(`${one}/reply`, { repliedDate: '2026-09-18' }));
    expect(await ok(staff.get(prep))).toEqual({ contractId: id, negotiators: { union: 0, employer: 0, balanced: false }, items: [], surveys: [], open: true });

    // Negotiators: equal numbers with one chief each make the team complete.
    const team = [
      { side: 'union', name: '工会首席', chief: true },
      { side: 'union', name: '工会代表', chief: false },
      { side: 'employer', name: '行政首席', chief: true },
      { side: 'employer', name: '行政代表', chief: false },
    ];
    await ok(staff.request('PUT', `${one}/negotiators`, { negotiators: team }));
    expect((await ok(staff.get(prep))).negotiators).toEqual({ union: 2, employer: 2, balanced: true });

    // What each side supplies: dated no earlier than the request and no later than today; files claimed.
    await problem(staff.post(`${prep}/items`, item({ suppliedDate: '2026-09-01' })), 422, 'suppliedDate');
    await problem(staff.post(`${prep}/items`, item({ suppliedDate: '2099-01-01' })), 422, 'suppliedDate');
    await problem(outsider.post(`${prep}/items`, item()), 404);
    const up = multipart({}, { name: '职工诉求汇总.png', content: PNG, field: 'file' });
    const upload = await ok(staff.post('/api/v1/files', up.body, up.headers), 201);
    await ok(staff.post(`${prep}/items`, item()), 201);
    const demands = await ok(
      staff.post(`${prep}/items`, {
        side: 'union',
        kind: 'demands',
        title: '各区队职工诉求汇总',
        note: '共收集 126 条，集中在夜班津贴和井下餐食',
        suppliedBy: '矿工会',
        suppliedDate: '2026-09-22',
        fileIds: [upload.id],
      }),
      201,
    );
    // The file now belongs to that item: it cannot be claimed twice.
    await problem(staff.post(`${prep}/items`, item({ fileIds: [upload.id] })), 422, 'fileIds');

    const read = await ok(staff.get(prep));
    expect(read.items.map((i: any) => [i.side, i.kind, i.title, i.suppliedBy, i.suppliedDate, i.files.length])).toEqual([
      ['employer', 'information', '近三年工资总额与利润', '人力资源部', '2026-09-20', 0],
      ['union', 'demands', '各区队职工诉求汇总', '矿工会', '2026-09-22', 1],
    ]);
    expect(read.items[1]).toMatchObject({ note: '共收集 126 条，集中在夜班津贴和井下餐食', recordedBy: expect.any(String) });
    const file = `/api/v1/contract-prep-items/${demands.id}/files/${upload.id}`;
    const got = await staff.get(file);
    expect(got.status).toBe(200);
    expect(got.headers['content-type']).toContain('image/png');
    expect((await outsider.get(file)).status).toBe(404);
    expect((await outsider.get(prep)).status).toBe(404);

    // The union's survey of demands: 2 workers answer; its top concerns rank by first 3, second 2, third 1.
    // Recipients are frozen when a survey opens: the workers exist first.
    const asked = [await w.worker(), await w.worker(), await w.worker(), await w.worker()];
    await w.worker({}, w.team2);
    const survey = await buildSurvey(staff, w.mine1.id, [w.team1.id], { title: '集体协商职工诉求调查' });
    await problem(staff.post(`${prep}/surveys`, { surveyId: survey.id }), 422, 'surveyId'); // a draft has no answers yet
    await openSurvey(staff, survey.id);
    await answer(asked[0], survey.id, 0);
    await answer(asked[1], survey.id, 1);
    await ok(staff.post(`${prep}/surveys`, { surveyId: survey.id }), 201);
    await problem(staff.post(`${prep}/surveys`, { surveyId: survey.id }), 422, 'surveyId');
    // Another mine's survey is not this bargaining's; someone else's survey is unknown to the caller.
    const far = await buildSurvey(staff, w.mine2.id, [w.team2.id]);
    await openSurvey(staff, far.id);
    await problem(staff.post(`${prep}/surveys`, { surveyId: far.id }), 422, 'surveyId');
    // An anonymous survey of the group with 2 answers: linked, its figures withheld (fewer than 5).
    const anon = await buildSurvey(staff, w.group.id, [w.team1.id], { title: '匿名诉求调查', anonymous: true });
    await openSurvey(staff, anon.id);
    await answer(asked[2], anon.id, 2);
    await answer(asked[3], anon.id, 3);
    await problem(mineStaff.post(`${prep}/surveys`, { surveyId: anon.id }), 422, 'surveyId'); // the group's survey is not the mine office's
    await ok(staff.post(`${prep}/surveys`, { surveyId: anon.id }), 201);

    const linked = (await ok(staff.get(prep))).surveys;
    expect(linked.map((s: any) => s.surveyId)).toEqual([survey.id, anon.id]);
    expect(linked[0].digest).toEqual({
      title: '集体协商职工诉求调查',
      status: 'open',
      anonymous: false,
      recipients: expect.any(Number),
      respondents: 2,
      suppressed: false,
      topConcerns: [
        { concern: '安全生产', score: 5, mentions: 2 },
        { concern: '住房', score: 3, mentions: 2 },
        { concern: '工资收入', score: 3, mentions: 1 },
        { concern: '子女就学', score: 1, mentions: 1 },
      ],
    });
    expect(linked[1].digest).toMatchObject({ anonymous: true, respondents: 2, suppressed: true, topConcerns: [] });
    // The mine's office reads the contract, but the group's survey results are not its to read: the link shows, the figures do not.
    const asMine = (await ok(mineStaff.get(prep))).surveys;
    expect(asMine[0].digest).toMatchObject({ respondents: 2 });
    expect(asMine[1]).toEqual({ surveyId: anon.id, linkedAt: expect.any(String), digest: null });

    // The timeline says what was prepared and linked.
    const events = (await ok(staff.get(one))).timeline.map((e: any) => e.event);
    expect(events.filter((e: string) => e === 'prepared')).toHaveLength(2);
    expect(events.filter((e: string) => e === 'surveyLinked')).toHaveLength(2);

    // Once the draft goes to review, preparation is closed (and still readable).
    await ok(staff.post(`${one}/versions`, { clauses: [{ chapter: '第一章 总则', number: 1, category: 'other', text: '本合同适用于一号矿全体职工' }] }), 201);
    await ok(staff.post(`${one}/review`, { mode: 'allWorkers' }));
    await problem(staff.post(`${prep}/items`, item({ suppliedDate: today() })), 409, 'status');
    await problem(staff.post(`${prep}/surveys`, { surveyId: far.id }), 409, 'status');
    expect(await ok(staff.get(prep))).toMatchObject({ open: false, items: [expect.anything(), expect.anything()] });
  });
});
