/**
 * Hardship assistance on both engines: the whole loop with its clocks across the National Day
 * holiday (notice period in working days), every refused step, the tier rules, need-to-know
 * (another union's staff, a handler, another worker: 404; representatives see counts only; every
 * read audited), the public notice with masked names (also a transparent notice), the cross-check panel (never an anonymous
 * appeal), assistance totals against the budget, each indicator against its drill-down, and the
 * reminder job sending once.
 */
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app.js';
import { readCsv } from '../../core/excel/csv.testkit.js';
import { indicator } from '../../core/indicators/indicators.registry.js';
import { actorOf, shanghai, useAppealsWorld, wageAppeal } from '../appeals/appeals.testkit.js';
import { disputeBody } from '../mediation/mediation.testkit.js';
import { writeCallIn, type WriteCall } from '../../core/call.js';
import type { Figure } from '../../../common/figure.js';
import { uploadPng } from '../../../test/authz/part.js';
import { tierOf } from './hardship.rules.js';
import { COUNT_CAP } from '../../core/db/keyset.js';
import { newId } from '../../core/ids.js';
import { remindDue } from './hardship.jobs.js';
import { exportProfiles } from './hardship.repository.js';
import {
  addAssistance,
  applyForHardship,
  approveHousehold,
  callbackHousehold,
  exitHousehold,
  fileHousehold,
  householdBody,
  reviewHousehold,
  ruleBody,
  visitHousehold,
} from './hardship.testkit.js';

const t = useTestApp();
const w = useAppealsWorld(t, beforeAll);
let otherStaff: Awaited<ReturnType<typeof t.user>>;
let rep: Awaited<ReturnType<typeof t.user>>;
beforeAll(async () => {
  const other = await t.org('另一集团', 'group');
  otherStaff = await t.user([{ role: 'unionStaff', org: other }]);
  rep = await t.user([{ role: 'representative', org: w.mine1 }]);
  for (const year of [2026, 2027, 2028]) expect((await w.chair.post('/api/v1/hardship/rules', ruleBody(w.group.id, year))).status).toBe(201);
});

const today = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
const H = '/api/v1/hardship/households';

/** Runs a service as a signed-in client's account at a Shanghai date. */
async function as<T>(client: { accountId: string }, date: string, work: (call: WriteCall) => Promise<T>): Promise<T> {
  const actor = await actorOf(t.db, client.accountId);
  return t.db.transaction().execute((tx) => work(writeCallIn(t.db, tx, actor, { actor, ip: null, requestId: null, locale: 'zh-CN' }, shanghai(date))));
}
async function status(p: Promise<unknown>): Promise<{ status: number; field?: string }> {
  try {
    await p;
    return { status: 200 };
  } catch (e: any) {
    return { status: e.status, field: e.fields?.[0]?.field };
  }
}

describe('a household from application to filing, review, exit and relapse', () => {
  it('walks every step on its dates, the notice period counted in working days across National Day, and refuses each step out of order', async () => {
    const worker = await w.worker({ name: '张建国' });
    const body = { ...householdBody(70_000), year: 2026 };
    const p = await as(worker, '2026-09-25', (c) => applyForHardship(c, body as any));
    expect(p).toMatchObject({ status: 'applied', tier: 'deep', incomePerHeadFen: 70_000, householdSize: 3, officer: false, visits: null });
    // One household, one file.
    expect(await status(as(worker, '2026-09-25', (c) => applyForHardship(c, body as any)))).toEqual({ status: 409, field: 'body.personId' });

    expect(await status(as(w.chair, '2026-09-28', (c) => approveHousehold(c, p.id)))).toMatchObject({ status: 409, field: 'status' });
    expect(await status(as(w.staff, '2026-09-28', (c) => visitHousehold(c, p.id, { visitedOn: '2026-09-24', notes: '入户', fileIds: [] })))).toEqual({
      status: 422,
      field: 'body.visitedOn',
    });
    const v1 = await as(w.staff, '2026-09-28', (c) => visitHousehold(c, p.id, { visitedOn: '2026-09-28', notes: '住房狭小，透析票据齐全。', fileIds: [] }));
    expect(v1.status).toBe('applied');
    // The same staff member cannot be both visitors.
    expect(await status(as(w.staff, '2026-09-28', (c) => visitHousehold(c, p.id, { visitedOn: '2026-09-28', notes: '再访', fileIds: [] })))).toEqual({
      status: 409,
      field: 'visits',
    });
    const v2 = await as(w.chair, '2026-09-29', (c) => visitHousehold(c, p.id, { visitedOn: '2026-09-29', notes: '与社区核实属实。', fileIds: [] }));
    expect(v2).toMatchObject({ status: 'verified', visits: [{ staffName: expect.any(String) }, { staffName: expect.any(String) }] });
    expect(await status(as(worker, '2026-09-30', (c) => approveHousehold(c, p.id)))).toMatchObject({ status: 403 });

    // Approved on 30 September: 1–7 October are off, Saturday 10 October is worked; five working days end on the 13th.
    const approved = await as(w.chair, '2026-09-30', (c) => approveHousehold(c, p.id));
    expect(approved).toMatchObject({ status: 'notice', noticeFrom: '2026-09-30', noticeTo: '2026-10-13' });
    expect(await status(as(w.chair, '2026-10-13', (c) => fileHousehold(c, p.id)))).toEqual({ status: 409, field: 'noticeTo' });
    expect(
      await status(
        as(w.chair, '2026-10-14', (c) =>
          addAssistance(c, p.id, { kind: 'living', amountFen: 1, givenOn: '2026-10-14', fund: '工会帮扶资金', deliveredBy: '工会' }),
        ),
      ),
    ).toMatchObject({ status: 409 });
    const filed = await as(w.chair, '2026-10-14', (c) => fileHousehold(c, p.id));
    expect(filed).toMatchObject({ status: 'filed', filedOn: '2026-10-14', reviewDue: '2027-10-14', reviews: [{ dueDate: '2027-10-14', reviewedOn: null }] });

    await as(w.staff, '2027-01-20', (c) =>
      addAssistance(c, p.id, { kind: 'festival', amountFen: 80_000, givenOn: '2027-01-20', fund: '送温暖专项资金', deliveredBy: '工会主席' }),
    );
    // A review that keeps the file re-tiers it by the year's rule; one above every line must be an exit.
    expect(
      await status(
        as(w.staff, '2027-10-10', (c) => reviewHousehold(c, p.id, { householdIncomeFen: 600_000, householdSize: 3, outcome: 'continue', notes: '收入增加' })),
      ),
    ).toEqual({ status: 422, field: 'body.outcome' });
    const reviewed = await as(w.staff, '2027-10-10', (c) =>
      reviewHousehold(c, p.id, { householdIncomeFen: 300_000, householdSize: 3, outcome: 'continue', notes: '收入略增' }),
    );
    expect(reviewed).toMatchObject({ status: 'filed', tier: 'relative', reviewDue: '2028-10-10', assistanceFen: 80_000 });

    const exited = await as(w.staff, '2028-03-31', (c) => exitHousehold(c, p.id, '妻子肾移植成功，已返岗'));
    expect(exited.status).toBe('exited');
    // Callbacks 3, 6 and 12 months after exit (31 March + 3 months = 30 June).
    expect(exited.callbacks!.map((c) => c.dueDate)).toEqual(['2028-06-30', '2028-09-30', '2029-03-31']);
    expect(exited.reviews!.every((r) => r.reviewedOn !== null)).toBe(true);
    expect(
      await status(as(w.staff, '2028-07-01', (c) => reviewHousehold(c, p.id, { householdIncomeFen: 1, householdSize: 3, outcome: 'continue', notes: 'x' }))),
    ).toMatchObject({ status: 409 });
    await as(w.staff, '2028-06-28', (c) => callbackHousehold(c, p.id, { month: 3, notes: '收入稳定', relapse: false }));
    expect(await status(as(w.staff, '2028-06-29', (c) => callbackHousehold(c, p.id, { month: 3, notes: '再回访', relapse: false })))).toEqual({
      status: 422,
      field: 'body.month',
    });
    // 返困 at the 6-month callback: the file reopens, the last callback is cancelled, a review is due a year on.
    const relapsed = await as(w.staff, '2028-10-08', (c) => callbackHousehold(c, p.id, { month: 6, notes: '妻子排异住院', relapse: true }));
    expect(relapsed).toMatchObject({ status: 'filed', reviewDue: '2029-10-08' });
    expect(relapsed.callbacks!.find((c) => c.month === 12)!.cancelled).toBe(true);
    expect(relapsed.events!.map((e) => e.event)).toEqual([
      'applied',
      'visited',
      'verified',
      'approved',
      'filed',
      'assisted',
      'reviewed',
      'exited',
      'callback',
      'relapsed',
    ]);
  });
});

describe('the tier rules the union configures', () => {
  it('decides the tier at the boundaries of each line, and a changed rule re-tiers open files and decides new applications', async () => {
    const rule = { minimum_living_fen: 80_000, deep_pct: 100, relative_pct: 150, sudden_pct: 200 };
    expect(tierOf(rule, 80_000, ['illness'])).toBe('deep');
    expect(tierOf(rule, 80_001, ['illness'])).toBe('relative');
    expect(tierOf(rule, 120_000, ['illness'])).toBe('relative');
    expect(tierOf(rule, 120_001, ['illness'])).toBeNull();
    expect(tierOf(rule, 160_000, ['accident'])).toBe('sudden');
    expect(tierOf(rule, 160_001, ['accident'])).toBeNull();

    const team = await w.team();
    const local = await w.chair.post('/api/v1/hardship/rules', ruleBody(team.id, Number(today().slice(0, 4)), { minimumLivingFen: 100_000 }));
    expect(local.status).toBe(201);
    expect((await w.chair.post('/api/v1/hardship/rules', ruleBody(team.id, Number(today().slice(0, 4))))).status).toBe(409);
    const bad = await w.chair.post('/api/v1/hardship/rules', ruleBody(w.group.id, 2030, { deepPct: 200, relativePct: 150 }));
    expect(bad.status).toBe(400);
    // The team's own rule (the nearest) decides: 900 元 is deep under a 1 000 元 line.
    const worker = await w.worker({}, team);
    const open = (await worker.post(H, householdBody(90_000))).body;
    expect(open.tier).toBe('deep');
    const edited = await w.chair.request('PUT', `/api/v1/hardship/rules/${local.body.id}`, {
      minimumLivingFen: 60_000,
      deepPct: 100,
      relativePct: 150,
      suddenPct: 200,
    });
    expect(edited.body.minimumLivingFen).toBe(60_000);
    // The open file the rule decides is re-tiered with it, on its timeline.
    const retiered = (await w.staff.get(`${H}/${open.id}`)).body;
    expect(retiered.tier).toBe('relative');
    expect(retiered.events.map((e: any) => e.event)).toEqual(['applied', 'retiered']);
    expect((await (await w.worker({}, team)).post(H, householdBody(90_000))).body.tier).toBe('relative');
    expect((await (await w.worker({}, team)).post(H, householdBody(90_000, { locality: '外县' }))).body.errors[0].field).toBe('body.locality');
    expect(
      (await otherStaff.request('PUT', `/api/v1/hardship/rules/${local.body.id}`, { minimumLivingFen: 1, deepPct: 100, relativePct: 150, suddenPct: 200 }))
        .status,
    ).toBe(404);
  });
});

describe('need-to-know, the public notice and the cross-check', () => {
  it('shows a file only to its officers and (in part) its worker, audits every read, and masks the name on the notice', async () => {
    const worker = await w.worker({ name: '王秀英' });
    const colleague = await w.worker();
    await worker.post('/api/v1/appeals', wageAppeal({ title: '实名：工资拖欠' }));
    await worker.post('/api/v1/appeals', wageAppeal({ title: '匿名：医药费报销', category: 'medical', anonymous: true }));
    await worker.post('/api/v1/mediation/cases', disputeBody());
    const id = (await worker.post(H, householdBody(70_000))).body.id;
    const photo = await uploadPng(w.staff, 'home.png');
    await w.staff.post(`${H}/${id}/visits`, { visitedOn: today(), notes: '入户核实：家中仅有旧家具。', fileIds: [photo] });
    await w.chair.post(`${H}/${id}/visits`, { visitedOn: today(), notes: '入户核实：家中仅有旧家具。' });
    // The visit's photo: its officers open it, the worker does not.
    expect((await w.chair.get(`${H}/${id}/files/${photo}`)).headers['content-type']).toContain('image/png');
    expect((await worker.get(`${H}/${id}/files/${photo}`)).status).toBe(404);
    const approved = await w.chair.post(`${H}/${id}/approve`, {});
    expect(approved.body.status).toBe('notice');

    const own = await worker.get(`${H}/${id}`);
    expect(own.body).toMatchObject({ status: 'notice', officer: false, visits: null, crossCheck: null, events: null });
    expect(own.text).not.toContain('旧家具');
    // The system admin holds every permission but this need-to-know one: the file, its photo and its list are closed to it too.
    const admin = await t.user([{ role: 'sysAdmin', org: null }]);
    expect((await admin.get(`${H}/${id}/files/${photo}`)).status).toBe(404);
    expect((await admin.get('/api/v1/hardship/counts')).status).toBe(200);
    for (const c of [otherStaff, w.handler, colleague, rep, admin]) {
      expect((await c.get(`${H}/${id}`)).status).toBe(404);
      expect((await c.post(`${H}/${id}/refuse`, { reason: '试探' })).status).toBe(404);
      expect(JSON.stringify((await c.get(`${H}?pageSize=200`)).body)).not.toContain(id);
    }
    // The worker's own file, but not an officer's action: 403.
    expect((await worker.post(`${H}/${id}/file`, {})).status).toBe(403);

    const seen = await w.staff.get(`${H}/${id}`);
    expect(seen.body.crossCheck.appeals.map((a: any) => a.title)).toEqual(['实名：工资拖欠']);
    expect(seen.body.crossCheck.mediationCases).toHaveLength(1);
    const reads = await t.db.selectFrom('audit_events').select('actor_id').where('action', '=', 'hardship.read').where('entity_id', '=', id).execute();
    expect(reads.map((r) => r.actor_id).sort()).toEqual([worker.accountId, w.staff.accountId].sort());

    // The public notice: the union's workers see 王* with the period, never the name; another union sees nothing.
    const board = await colleague.get('/api/v1/hardship/publicity?pageSize=200');
    const row = board.body.items.find((x: any) => x.id === id);
    expect(row).toMatchObject({ maskedName: '王*', noticeTo: approved.body.noticeTo });
    expect(board.text).not.toContain('王秀英');
    expect(JSON.stringify((await otherStaff.get('/api/v1/hardship/publicity?pageSize=200')).body)).not.toContain(id);
    expect((await otherStaff.post(`/api/v1/hardship/publicity/${id}/objections`, { content: '试探' })).status).toBe(404);
    expect((await w.handler.get('/api/v1/hardship/publicity')).status).toBe(403);
    // The same 公示 is a transparent notice (厂务公开) to the whole union, in the notices' hash chain: 王* and the period, never the name.
    const mine = (await colleague.get('/api/v1/notices?pageSize=100')).body.items.filter((n: any) => n.title.includes('王*'));
    const details = await Promise.all(mine.map((n: any) => colleague.get(`/api/v1/notices/${n.id}`)));
    const publicity = details.find((d) => d.body.source?.id === id)!;
    expect(publicity.body).toMatchObject({ status: 'published', kind: 'adHoc', source: { kind: 'hardship.profile', id } });
    expect(publicity.body.body).toContain(`${approved.body.noticeFrom}至${approved.body.noticeTo}`);
    expect(publicity.text).not.toContain('王秀英');
    expect((await otherStaff.get(`/api/v1/notices/${publicity.body.id}`)).status).toBe(404);

    // An objection blocks filing until decided; upheld, it ends the application.
    const objection = await colleague.post(`/api/v1/hardship/publicity/${id}/objections`, { content: '其家属有经营收入' });
    expect(objection.status).toBe(201);
    const withObjection = (await w.staff.get(`${H}/${id}`)).body;
    expect(withObjection.objections).toMatchObject([{ content: '其家属有经营收入', decision: null }]);
    const upheld = await w.chair.post(`${H}/${id}/objections/${objection.body.id}/decide`, { decision: 'upheld', note: '核实有经营收入' });
    expect(upheld.body).toMatchObject({ status: 'refused', refusalReason: '核实有经营收入' });
    expect((await w.chair.post(`${H}/${id}/objections/${objection.body.id}/decide`, { decision: 'dismissed', note: '再' })).status).toBe(409);
    // …and its notice is withdrawn with the reason, a withdrawal entry in the chain: gone for readers, kept for the union.
    expect((await colleague.get(`/api/v1/notices/${publicity.body.id}`)).status).toBe(404);
    expect((await w.chair.get(`/api/v1/notices/${publicity.body.id}`)).body).toMatchObject({
      status: 'withdrawn',
      withdrawReason: expect.stringContaining('核实有经营收入'),
    });

    // The rest of the union sees counts, never a file.
    const counts = await rep.get('/api/v1/hardship/counts');
    expect(counts.status).toBe(200);
    expect(counts.body.byStatus.some((s: any) => s.status === 'refused')).toBe(true);
    expect(counts.text).not.toContain(id);
    expect((await w.handler.get('/api/v1/hardship/counts')).status).toBe(403);
  });
});

describe('assistance totals and the indicators', () => {
  it('exports the files by the filters and the sort of the list, in both formats', async () => {
    const team = await w.team();
    for (const income of [60_000, 100_000, 70_000]) {
      const worker = await w.worker({}, team);
      await as(worker, '2026-11-02', (c) => applyForHardship(c, { ...householdBody(income), year: 2026 } as any));
    }
    const list = async (order: string) =>
      (await w.staff.get(`${H}?orgId=${team.id}&sort=incomePerHead&order=${order}`)).body.items.map((h: { code: string }) => h.code);
    const exported = async (format: string, order: string) => {
      const res = await t.app.inject({
        method: 'GET',
        url: `${H}/export.${format}?orgId=${team.id}&sort=incomePerHead&order=${order}`,
        headers: { cookie: w.staff.cookie },
      });
      expect(res.statusCode).toBe(200);
      if (format === 'csv')
        return readCsv(res.rawPayload)
          .rows.slice(1)
          .map((r) => r[0]);
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(res.rawPayload as any);
      return book.worksheets[0].getColumn(1).values.slice(2).map(String);
    };
    const ascending = await list('asc');
    expect(ascending).toHaveLength(3);
    expect(await exported('csv', 'asc')).toEqual(ascending);
    expect(await exported('xlsx', 'desc')).toEqual([...ascending].reverse());
    expect(await list('desc')).toEqual([...ascending].reverse());
    // The export walks the list's own ORDER BY batch after batch: with batches of one file it still
    // gives the list's order, and a sort on a date the files do not have yet (review) agrees with the list too.
    const reach = { officer: { all: true, paths: [] }, personId: null };
    const walked: string[] = [];
    for await (const batch of exportProfiles(t.db, reach, { orgPath: team.path }, { sort: 'incomePerHead', order: 'asc' }, '2026-11-02', 10, 1))
      walked.push(...batch.map((r) => r.code));
    expect(walked).toEqual(ascending);
    const byReview = (await w.staff.get(`${H}?orgId=${team.id}&sort=reviewDue&order=desc`)).body.items.map((h: { code: string }) => h.code);
    const res = await t.app.inject({ method: 'GET', url: `${H}/export.csv?orgId=${team.id}&sort=reviewDue&order=desc`, headers: { cookie: w.staff.cookie } });
    expect(
      readCsv(res.rawPayload)
        .rows.slice(1)
        .map((r) => r[0]),
    ).toEqual(byReview);
  });

  it('totals a year by kind, cause and fund against its budget, and each figure equals its drill-down rows', async () => {
    const team = await w.team();
    expect((await w.chair.request('PUT', '/api/v1/hardship/budgets', { orgId: team.id, year: 2026, fund: '送温暖专项资金', amountFen: 500_000 })).status).toBe(
      200,
    );
    expect(
      (await otherStaff.request('PUT', '/api/v1/hardship/budgets', { orgId: team.id, year: 2026, fund: '送温暖专项资金', amountFen: 1 })).body.errors[0].field,
    ).toBe('body.orgId');
    const ids: string[] = [];
    for (const income of [60_000, 100_000, 70_000]) {
      const worker = await w.worker({}, team);
      const p = await as(worker, '2026-11-02', (c) => applyForHardship(c, { ...householdBody(income), year: 2026 } as any));
      await as(w.staff, '2026-11-03', (c) => visitHousehold(c, p.id, { visitedOn: '2026-11-03', notes: '核实', fileIds: [] }));
      await as(w.chair, '2026-11-03', (c) => visitHousehold(c, p.id, { visitedOn: '2026-11-03', notes: '核实', fileIds: [] }));
      await as(w.chair, '2026-11-04', (c) => approveHousehold(c, p.id));
      await as(w.chair, '2026-11-20', (c) => fileHousehold(c, p.id));
      ids.push(p.id);
    }
    await as(w.staff, '2026-11-25', (c) =>
      addAssistance(c, ids[0], { kind: 'festival', amountFen: 100_000, givenOn: '2026-11-25', fund: '送温暖专项资金', deliveredBy: '工会' }),
    );
    await as(w.staff, '2026-11-25', (c) =>
      addAssistance(c, ids[1], { kind: 'medical', amountFen: 250_050, givenOn: '2026-11-25', fund: '工会帮扶资金', deliveredBy: '工会' }),
    );
    // One exits at once and relapses at its first callback.
    await as(w.staff, '2026-11-26', (c) => exitHousehold(c, ids[2], '就业'));
    await as(w.staff, '2026-11-30', (c) => callbackHousehold(c, ids[2], { month: 3, notes: '又失业', relapse: true }));

    const totals = (await w.chair.get(`/api/v1/hardship/totals?orgId=${team.id}&year=2026`)).body;
    expect(totals).toMatchObject({ totalFen: 350_050, households: 2 });
    expect(totals.byKind.find((k: any) => k.kind === 'medical').amountFen).toBe(250_050);
    expect(totals.byCause.find((k: any) => k.cause === 'illness').amountFen).toBe(350_050);
    expect(totals.byFund.find((f: any) => f.fund === '送温暖专项资金')).toEqual({ fund: '送温暖专项资金', amountFen: 100_000, budgetFen: 500_000 });
    expect((await w.handler.get(`/api/v1/hardship/totals?year=2026`)).status).toBe(403);

    const q = { scope: { all: false, paths: [team.path] }, from: '2026-11-01', to: '2026-11-30' };
    const keys = [
      'hardship.households',
      'hardship.newlyFiled',
      'hardship.exited',
      'hardship.relapseRate',
      'hardship.assistanceTotal',
      'hardship.assistancePerHousehold',
    ];
    const figures: Record<string, Figure> = Object.fromEntries(await Promise.all(keys.map(async (k) => [k, await indicator(k)!.compute(t.db, q)])));
    expect(figures['hardship.households']).toMatchObject({ value: 3 });
    expect(figures['hardship.newlyFiled']).toMatchObject({ value: 3 });
    expect(figures['hardship.exited']).toMatchObject({ value: 1 });
    expect(figures['hardship.relapseRate']).toMatchObject({ value: 1, numerator: 1, denominator: 1 });
    expect(figures['hardship.assistanceTotal']).toMatchObject({ value: 3500.5, numerator: 2, unit: 'yuan' });
    expect(figures['hardship.assistancePerHousehold']).toMatchObject({ value: 1750.25 });
    for (const [key, f] of Object.entries(figures)) {
      for (const side of ['numerator', 'denominator'] as const) {
        const qs = new URLSearchParams({ ...f.drill![side], orgId: team.id, pageSize: '200' });
        expect((await w.chair.get(`${H}?${qs}`)).body.total, `${key} ${side}`).toBe(f[side]);
      }
    }
    // The 3-month callback was done on time; the reviews due next year are not counted yet.
    const cb = await indicator('hardship.callbacksOnTime')!.compute(t.db, { ...q, from: '2027-02-01', to: '2027-03-31' });
    expect(cb).toMatchObject({ value: 1, numerator: 1, denominator: 1 });
    const rv = await indicator('hardship.reviewsOnTime')!.compute(t.db, { ...q, from: '2027-01-01', to: '2027-12-31' });
    expect(rv).toMatchObject({ numerator: 0 });

    // The review reminder goes to the officers once, two weeks before the due date.
    const before = await remindDue(t.db, shanghai('2027-11-10'));
    expect(before).toBeGreaterThanOrEqual(2);
    expect(await remindDue(t.db, shanghai('2027-11-11'))).toBe(0);
    const inbox = await w.chair.get('/api/v1/notifications?pageSize=100');
    expect(JSON.stringify(inbox.body)).toContain('困难档案年度复核');
  });
});

describe('the household list above 2 000 matches', () => {
  it('walks newest first off the applied-at index: the capped total, a page, and the cursor’s next page', async () => {
    const seed = (await (await w.worker()).post(H, householdBody(90_000))).body.id;
    const row = await t.db
      .selectFrom('hardship_profiles' as any)
      .selectAll()
      .where('id', '=', seed)
      .executeTakeFirstOrThrow();
    // Copies of one file in bulk, each a millisecond newer, so they lead the list whatever else this file wrote: 2 001 applications through the API would cost the test its budget.
    const copies = Array.from({ length: COUNT_CAP + 1 }, (_, i) => ({
      ...row,
      id: newId(),
      applied_at: new Date(Date.parse(row.applied_at) + i + 1).toISOString(),
    }));
    await t.db.transaction().execute(async (tx) => {
      for (let i = 0; i < copies.length; i += 250)
        await tx
          .insertInto('hardship_profiles' as any)
          .values(copies.slice(i, i + 250))
          .execute();
    });
    const first = await w.chair.get(`${H}?pageSize=20`);
    expect(first.status, first.text).toBe(200);
    expect([first.body.total, first.body.totalCapped, first.body.items.length]).toEqual([COUNT_CAP, true, 20]);
    const next = await w.chair.get(`${H}?pageSize=20&after=${first.body.nextCursor}`);
    expect(next.status, next.text).toBe(200);
    const ids = [...first.body.items, ...next.body.items].map((h: { id: string }) => h.id);
    expect(ids).toEqual(
      copies
        .slice(-40)
        .reverse()
        .map((c) => c.id),
    );
  });
});
