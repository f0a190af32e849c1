import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app.js';
import { appealsModule } from './index.js';

const t = useTestApp();

describe('demo appeals', () => {
  it('seeds a year of appeals in every state, with ratings, anonymity and one group alert in 一号矿', async () => {
    const group = await t.org('华能煤业集团', 'group');
    const mines = [];
    for (const name of ['一号矿', '二号矿']) {
      const mine = await t.org(name, 'mine', group);
      const prod = await t.org('生产部', 'department', mine);
      const elec = await t.org('机电部', 'department', mine);
      const teams = [await t.org('综采一队', 'team', prod), await t.org('机电一队', 'team', elec)];
      for (let i = 0; i < 30; i++) await t.person(teams[i % 2], { name: `${name}职工${i}`, employment_category: i % 5 === 0 ? 'dispatched' : 'contract' });
      mines.push({ mine, prod });
    }
    const workerPerson = await t.person(mines[0].prod, { name: '演示职工' });
    const staff = await t.user([{ role: 'unionStaff', org: group }], { username: 'staff' });
    await t.user([{ role: 'unionChair', org: group }], { username: 'chair' });
    const handler = await t.user([{ role: 'handler', org: mines[0].prod }], { username: 'handler' });
    await t.user([{ role: 'handler', org: mines[1].prod }], { username: 'handler2' });
    const worker = await t.user([{ role: 'worker', org: mines[0].mine }], { username: 'worker', personId: workerPerson.id });

    const now = new Date();
    await appealsModule.seedDemo!(t.db, now);
    const rows = await t.db
      .selectFrom('appeals' as any)
      .select(['status', 'anonymous', 'rating', 'reopen_count', 'late'] as any)
      .execute();
    expect(rows.length).toBeGreaterThan(150);
    expect(rows.length).toBeLessThan(400);
    const statuses = new Set(rows.map((r: any) => r.status));
    for (const s of ['submitted', 'accepted', 'assigned', 'answered', 'closed', 'declined', 'merged']) expect(statuses, s).toContain(s);
    expect(rows.some((r: any) => r.anonymous === 1)).toBe(true);
    expect(rows.some((r: any) => r.rating === 'unsatisfied')).toBe(true);
    expect(rows.some((r: any) => r.reopen_count > 0)).toBe(true);
    expect(rows.some((r: any) => r.late === 1)).toBe(true);

    const alerts = (await staff.get('/api/v1/appeals/group-alerts')).body.items;
    expect(alerts.find((a: any) => a.unit.name === '一号矿' && a.status === 'open' && a.workerCount >= 5)).toBeTruthy();
    const dash = await staff.get('/api/v1/appeals/dashboard');
    expect(dash.status).toBe(200);
    expect(dash.body.total.numerator).toBeGreaterThan(100);
    expect(dash.body.indicators.satisfactionRate.value).toBeGreaterThan(0.5);
    expect((await worker.get('/api/v1/appeals/mine')).body.total).toBeGreaterThan(0);
    expect((await handler.get('/api/v1/appeals')).body.total).toBeGreaterThan(10);

    // A second run adds nothing.
    await appealsModule.seedDemo!(t.db, now);
    expect(
      (
        (await t.db
          .selectFrom('appeals' as any)
          .select((eb: any) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()) as any
      ).n,
    ).toSatisfy((n: any) => Number(n) === rows.length);
  }, 180_000);
});
