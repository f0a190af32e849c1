import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app.js';
import { actorOf, useAppealsWorld, wageAppeal } from './appeals.testkit.js';
import { dashboard } from './appeals.dashboard.js';

const t = useTestApp();
const w = useAppealsWorld(t, beforeAll);

/** Every figure in a dashboard response, with where it sits. */
function figures(d: any): [string, any][] {
  const out: [string, any][] = [['total', d.total]];
  for (const [k, f] of Object.entries(d.indicators)) out.push([k, f]);
  for (const m of d.byMonth) for (const k of ['submitted', 'closureRate', 'satisfactionRate']) out.push([`${m.month}.${k}`, m[k]]);
  for (const c of d.byCategory) for (const k of ['submitted', 'closureRate', 'satisfactionRate']) out.push([`${c.category}.${k}`, c[k]]);
  for (const r of d.byDepartment) for (const k of ['assigned', 'onTimeClosureRate', 'satisfactionRate']) out.push([`${r.department.name}.${k}`, r[k]]);
  return out;
}

describe('the appeals dashboard', () => {
  it('computes each indicator from the records, and every figure drills down to exactly the appeals it counts', async () => {
    const team = await w.team();
    const A = await w.worker({}, team);
    const B = await w.worker({}, team);
    const C = await w.worker({ employment_category: 'migrant' }, team);
    const post = async (c: typeof A, over: Record<string, unknown>) => (await c.post('/api/v1/appeals', wageAppeal(over))).body.id as string;
    const s = w.staff;

    const a = await post(A, {});
    await s.post(`/api/v1/appeals/${a}/accept`, {});
    await s.post(`/api/v1/appeals/${a}/assign`, { departmentId: w.prod1.id });
    await w.handler.post(`/api/v1/appeals/${a}/answer`, { answer: '已补发' });
    await A.post(`/api/v1/appeals/${a}/rate`, { rating: 'satisfied' });

    const b = await post(A, { category: 'housing', title: '宿舍漏雨', description: '宿舍屋顶漏雨' });
    await s.post(`/api/v1/appeals/${b}/accept`, {});
    await s.post(`/api/v1/appeals/${b}/answer`, { answer: '已安排维修' });
    await A.post(`/api/v1/appeals/${b}/rate`, { rating: 'unsatisfied', reopen: true });

    const c = await post(B, { category: 'other', title: '邻里纠纷', description: '邻居噪音' });
    await s.post(`/api/v1/appeals/${c}/decline`, { reason: 'outOfScope', explanation: '请向社区反映' });

    const d = await post(B, { title: '工资条看不懂', description: '工资条项目太多' });
    await t.db
      .updateTable('appeals' as any)
      .set({ current_due: '2020-01-06', accept_due_date: '2020-01-06' })
      .where('id', '=', d)
      .execute();
    const e = await post(C, { title: '工资条不清楚', description: '工资条看不明白' });
    await s.post(`/api/v1/appeals/${d}/merge`, { duplicateIds: [e] });

    const f = await post(C, { category: 'benefits', title: '劳保用品不够', description: '手套不够用', anonymous: true });
    await s.post(`/api/v1/appeals/${f}/accept`, {});
    await s.post(`/api/v1/appeals/${f}/assign`, { departmentId: w.prod1.id });
    await t.db
      .updateTable('appeals' as any)
      .set({ due_date: '2020-01-06', current_due: '2020-01-06' })
      .where('id', '=', f)
      .execute();
    await w.handler.post(`/api/v1/appeals/${f}/answer`, { answer: '已补发手套' });
    await s.post(`/api/v1/appeals/${f}/close`, {});

    // g: accepted after its accept deadline and answered, not yet rated (答复, not 办结).
    const g = await post(B, { title: '加班费计算', description: '加班费少算' });
    await t.db
      .updateTable('appeals' as any)
      .set({ accept_due_date: '2020-01-06' })
      .where('id', '=', g)
      .execute();
    await s.post(`/api/v1/appeals/${g}/accept`, {});
    await s.post(`/api/v1/appeals/${g}/answer`, { answer: '已重新核算' });
    // h: answered and rated 基本满意: closed, satisfied but not fully.
    const h = await post(B, { title: '夜班补贴', description: '夜班补贴未发' });
    await s.post(`/api/v1/appeals/${h}/accept`, {});
    await s.post(`/api/v1/appeals/${h}/answer`, { answer: '本月补发' });
    await B.post(`/api/v1/appeals/${h}/rate`, { rating: 'basicallySatisfied' });

    const res = await s.get(`/api/v1/appeals/dashboard?orgId=${team.id}`);
    expect(res.status).toBe(200);
    const dash = res.body;
    const v = (k: string) => dash.indicators[k];
    // The anonymous appeal f is placed at its unit, not at the team (the anonymity rule): the team's figures are a–e.
    expect(dash.total.numerator).toBe(6); // the merged duplicate counts through its master
    // Accepted: a, b, g, h. Answered or closed: a, g, h. Closed: a, h. Rated: a, b, h.
    expect(v('acceptedOnTimeRate')).toMatchObject({ numerator: 3, denominator: 4, value: 0.75 });
    expect(v('answerRate')).toMatchObject({ numerator: 3, denominator: 4, value: 0.75 });
    expect(v('onTimeAnswerRate')).toMatchObject({ numerator: 3, denominator: 3, value: 1 });
    expect(v('closureRate')).toMatchObject({ numerator: 2, denominator: 4, value: 0.5 });
    expect(v('onTimeClosureRate')).toMatchObject({ numerator: 2, denominator: 2, value: 1 });
    expect(v('satisfactionRate')).toMatchObject({ numerator: 2, denominator: 3, value: 0.6667 });
    expect(v('satisfiedShare')).toMatchObject({ numerator: 1, denominator: 3, value: 0.3333 });
    expect(v('reopenRate')).toMatchObject({ numerator: 1, denominator: 4, value: 0.25 });
    expect(v('overdueCount')).toMatchObject({ value: 1, numerator: 1, denominator: 2 });
    expect(v('acceptanceHours').numerator).toBe(4);
    expect(v('acceptanceHours').value).toBeGreaterThanOrEqual(0);
    expect(dash.byDepartment.map((r: any) => [r.department.name, r.assigned.numerator])).toEqual([['生产部', 1]]);

    // The default trend ends with this month, not over yet: marked partial, the months before it not.
    expect(dash.byMonth).toHaveLength(12);
    expect(dash.byMonth.map((m: any) => m.partial)).toEqual([...Array(11).fill(false), true]);
    const cut = (await s.get(`/api/v1/appeals/dashboard?orgId=${team.id}&from=2026-01-01&to=2026-02-14`)).body;
    expect(cut.byMonth.map((m: any) => [m.month, m.partial])).toEqual([
      ['2026-01', false],
      ['2026-02', true],
    ]);

    let checked = 0;
    for (const [where, fig] of figures(dash)) {
      for (const side of ['numerator', 'denominator'] as const) {
        const qs = new URLSearchParams({ ...fig.drill[side], pageSize: '1' }).toString();
        const list = await s.get(`/api/v1/appeals?${qs}`);
        expect(list.status, `${where} ${side}`).toBe(200);
        expect(list.body.total, `${where} ${side}: ${qs}`).toBe(fig[side]);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(40);

    // Cut by employment category: the anonymous appeal of a migrant worker counts for no category
    // (it would name them, with the team); it counts at its unit, and shows no author there.
    const migrant = (await s.get(`/api/v1/appeals/dashboard?orgId=${team.id}&employmentCategory=migrant`)).body;
    expect(migrant.total.numerator).toBe(0);
    const atUnit = (await s.get(`/api/v1/appeals/dashboard?orgId=${w.mine1.id}&anonymous=1&category=benefits`)).body;
    const drilled = await s.get(`/api/v1/appeals?${new URLSearchParams(atUnit.total.drill.numerator)}&pageSize=200`);
    expect(drilled.body.items.map((x: any) => x.id)).toContain(f);
    expect(drilled.body.items.find((x: any) => x.id === f)).toMatchObject({ anonymous: true, author: null, org: { id: w.mine1.id } });

    // Handlers see the figures of their own department only; workers have no dashboard.
    const hd = (await w.handler.get(`/api/v1/appeals/dashboard?orgId=${team.id}`)).body;
    expect(hd.total.numerator).toBe(1);
    expect((await A.get('/api/v1/appeals/dashboard')).status).toBe(403);
  });

  it('counts a rating against the department whose answer was rated, and a reopen against the first answer, after the appeal is reassigned', async () => {
    const team = await w.team();
    const A = await w.worker({}, team);
    const s = w.staff;
    const elecHandler = await t.user([{ role: 'handler', org: w.elec1 }]);
    const a = (await A.post('/api/v1/appeals', wageAppeal({ title: '井下补贴少发', description: '井下补贴少发三个月' }))).body.id as string;
    await s.post(`/api/v1/appeals/${a}/accept`, {});
    await s.post(`/api/v1/appeals/${a}/assign`, { departmentId: w.prod1.id });
    await w.handler.post(`/api/v1/appeals/${a}/answer`, { answer: '已核实' });
    expect((await A.post(`/api/v1/appeals/${a}/rate`, { rating: 'unsatisfied', reopen: true })).status).toBeLessThan(300);
    // Reopened, then reassigned: 机电部 has the case now; 生产部 gave the answer that was rated.
    expect((await s.post(`/api/v1/appeals/${a}/assign`, { departmentId: w.elec1.id })).status).toBeLessThan(300);

    const staff = await actorOf(t.db, s.accountId);
    const read = async (q: Record<string, string>) => {
      const rows = await dashboard(t.db, staff, q, new Date(), 'rows');
      // The cells (which answer a whole mine, not a team below it) keep the same attribution as the rows.
      expect(await dashboard(t.db, staff, q, new Date(), q.orgId === w.mine1.id ? 'cells' : 'auto'), JSON.stringify(q)).toEqual(rows);
      return rows as any;
    };
    const row = (d: any, id: string) => d.byDepartment.find((r: any) => r.department.id === id);
    // The figures a department cut moves (the trend and category charts are checked by the test above).
    const drillsMatch = async (d: any) => {
      for (const [where, fig] of figures(d).filter(([k]) => !/^\d{4}-|^[a-z]+\./.test(k))) {
        for (const side of ['numerator', 'denominator'] as const) {
          const list = await s.get(`/api/v1/appeals?${new URLSearchParams({ ...fig.drill[side], pageSize: '1' })}`);
          expect(list.body.total, `${where} ${side}`).toBe(fig[side]);
        }
      }
    };

    let d = await read({ orgId: w.mine1.id });
    const before = { prod: row(d, w.prod1.id), elec: row(d, w.elec1.id) };
    d = await read({ orgId: team.id });
    expect(row(d, w.prod1.id)).toMatchObject({ assigned: { numerator: 0 }, satisfactionRate: { numerator: 0, denominator: 1 } });
    expect(row(d, w.elec1.id)).toMatchObject({ assigned: { numerator: 1 }, satisfactionRate: { denominator: 0 } });
    expect(row(d, w.prod1.id).satisfactionRate.drill.denominator).toMatchObject({ ratedDepartmentId: w.prod1.id, rated: '1' });
    // The department cut: the case is 机电部's, the rated answer and the reopen are 生产部's.
    const prod = await read({ orgId: team.id, departmentId: w.prod1.id });
    expect(prod.total.numerator).toBe(0);
    expect(prod.indicators.satisfactionRate).toMatchObject({ numerator: 0, denominator: 1 });
    expect(prod.indicators.reopenRate).toMatchObject({ numerator: 1, denominator: 1 });
    await drillsMatch(prod);
    const elec = await read({ orgId: team.id, departmentId: w.elec1.id });
    expect(elec.total.numerator).toBe(1);
    expect(elec.indicators.satisfactionRate.denominator).toBe(0);
    expect(elec.indicators.reopenRate.denominator).toBe(0);
    // The handler of 机电部 sees the case, and neither its rating nor its reopen as 机电部's.
    const hd = (await elecHandler.get(`/api/v1/appeals/dashboard?orgId=${team.id}&departmentId=${w.elec1.id}`)).body;
    expect(hd.total.numerator).toBe(1);
    expect(hd.indicators.satisfactionRate.denominator).toBe(0);

    // The next round: 机电部 answers, the worker is satisfied. The latest rating is now 机电部's; the reopen stays 生产部's.
    await elecHandler.post(`/api/v1/appeals/${a}/answer`, { answer: '已补发' });
    await A.post(`/api/v1/appeals/${a}/rate`, { rating: 'satisfied' });
    d = await read({ orgId: team.id });
    expect(row(d, w.elec1.id)).toMatchObject({
      assigned: { numerator: 1 },
      onTimeClosureRate: { denominator: 1 },
      satisfactionRate: { numerator: 1, denominator: 1 },
    });
    // 生产部 still shows: its first answer was reopened.
    expect(row(d, w.prod1.id)).toMatchObject({ assigned: { numerator: 0 }, satisfactionRate: { denominator: 0 } });
    expect((await read({ orgId: team.id, departmentId: w.prod1.id })).indicators.reopenRate).toMatchObject({ numerator: 1, denominator: 1 });
    await read({ orgId: w.mine1.id, departmentId: w.prod1.id });
    await drillsMatch(d);
    // At the mine, the departments' figures moved by this appeal alone.
    const after = await read({ orgId: w.mine1.id });
    expect(row(after, w.elec1.id).satisfactionRate.denominator).toBe((before.elec?.satisfactionRate.denominator ?? 0) + 1);
    expect(row(after, w.prod1.id).satisfactionRate.denominator).toBe(before.prod.satisfactionRate.denominator - 1);
  });

  it('judges a department on its own round: a late round before a reopen and a reassignment counts against the appeal, not the department that closed it', async () => {
    const team = await w.team();
    const A = await w.worker({}, team);
    const s = w.staff;
    const elecHandler = await t.user([{ role: 'handler', org: w.elec1 }]);
    const pastDeadline = (id: string) =>
      t.db
        .updateTable('appeals' as any)
        .set({ due_date: '2020-01-06', current_due: '2020-01-06' })
        .where('id', '=', id)
        .execute();
    const ok = (res: { status: number }) => expect(res.status).toBeLessThan(300);
    /** Answered by 生产部 (late when `prodLate`), reopened, reassigned to 机电部, answered (late when `elecLate`), then rated and so closed. */
    const twoRounds = async (title: string, prodLate: boolean, elecLate: boolean) => {
      const id = (await A.post('/api/v1/appeals', wageAppeal({ title, description: `${title}，已经三个月` }))).body.id as string;
      ok(await s.post(`/api/v1/appeals/${id}/accept`, {}));
      ok(await s.post(`/api/v1/appeals/${id}/assign`, { departmentId: w.prod1.id }));
      if (prodLate) await pastDeadline(id);
      ok(await w.handler.post(`/api/v1/appeals/${id}/answer`, { answer: '已核实' }));
      ok(await A.post(`/api/v1/appeals/${id}/rate`, { rating: 'unsatisfied', reopen: true }));
      ok(await s.post(`/api/v1/appeals/${id}/assign`, { departmentId: w.elec1.id }));
      if (elecLate) await pastDeadline(id);
      ok(await elecHandler.post(`/api/v1/appeals/${id}/answer`, { answer: '已补发' }));
      ok(await A.post(`/api/v1/appeals/${id}/rate`, { rating: 'satisfied' }));
      return id;
    };
    const a = await twoRounds('井下津贴少发', true, false);
    // Each round's own lateness is in the history; the appeal stays late.
    const timeline = (await s.get(`/api/v1/appeals/${a}`)).body;
    expect(timeline.status).toBe('closed');
    const answered = (timeline.timeline as any[]).filter((e) => e.kind === 'answered').map((e) => e.data?.late);
    expect(answered).toEqual([true, false]);

    const staff = await actorOf(t.db, s.accountId);
    const read = async (q: Record<string, string>) => {
      const rows = (await dashboard(t.db, staff, q, new Date(), 'rows')) as any;
      expect(await dashboard(t.db, staff, q, new Date(), q.orgId === w.mine1.id ? 'cells' : 'auto'), JSON.stringify(q)).toEqual(rows);
      return rows;
    };
    const drillsMatch = async (d: any, by = s) => {
      for (const [where, fig] of figures(d).filter(([k]) => !/^\d{4}-|^[a-z]+\./.test(k))) {
        for (const side of ['numerator', 'denominator'] as const) {
          const list = await by.get(`/api/v1/appeals?${new URLSearchParams({ ...fig.drill[side], pageSize: '1' })}`);
          expect(list.body.total, `${where} ${side}`).toBe(fig[side]);
        }
      }
    };
    const row = (d: any, id: string) => d.byDepartment.find((r: any) => r.department.id === id);

    let d = await read({ orgId: team.id });
    // The team's figure: the appeal was late in a round, and nothing clears that.
    expect(d.indicators.onTimeClosureRate).toMatchObject({ numerator: 0, denominator: 1 });
    expect(d.indicators.onTimeAnswerRate).toMatchObject({ numerator: 0, denominator: 1 });
    // 机电部 closed it and answered its own round on time.
    expect(row(d, w.elec1.id).onTimeClosureRate).toMatchObject({ numerator: 1, denominator: 1, value: 1 });
    expect(row(d, w.elec1.id).onTimeClosureRate.drill.numerator).toMatchObject({ departmentId: w.elec1.id, status: 'closed', lastAnswerLate: '0' });
    await drillsMatch(d);
    const elec = await read({ orgId: team.id, departmentId: w.elec1.id });
    expect(elec.indicators.onTimeClosureRate).toMatchObject({ numerator: 1, denominator: 1 });
    expect(elec.indicators.onTimeAnswerRate).toMatchObject({ numerator: 1, denominator: 1 });
    await drillsMatch(elec);
    // 生产部's late answer shows where it belongs: its reopen, not a closure it did not make.
    const prod = await read({ orgId: team.id, departmentId: w.prod1.id });
    expect(prod.indicators.onTimeClosureRate.denominator).toBe(0);
    expect(prod.indicators.reopenRate).toMatchObject({ numerator: 1, denominator: 1 });

    // The other way round: 生产部 on time, 机电部 late in its own round — 机电部's figure drops.
    await twoRounds('夜班津贴少发', false, true);
    d = await read({ orgId: team.id });
    expect(d.indicators.onTimeClosureRate).toMatchObject({ numerator: 0, denominator: 2 });
    expect(row(d, w.elec1.id).onTimeClosureRate).toMatchObject({ numerator: 1, denominator: 2, value: 0.5 });
    await drillsMatch(d);
    // The handler of 机电部 sees their department's figure, judged the same way, and its drill lists the same appeals.
    const hd = (await elecHandler.get(`/api/v1/appeals/dashboard?orgId=${team.id}`)).body;
    expect(hd.indicators.onTimeClosureRate).toMatchObject({ numerator: 1, denominator: 2 });
    await drillsMatch(hd, elecHandler);
    // The mine, from the cells: the same attribution as the rows.
    const mine = await read({ orgId: w.mine1.id, departmentId: w.elec1.id });
    expect(mine.indicators.onTimeClosureRate.numerator).toBeGreaterThanOrEqual(1);
    await drillsMatch(mine);
    // Some forty requests: more than the default 30 s on PostgreSQL on a loaded 2-core machine.
  }, 120_000);
});
