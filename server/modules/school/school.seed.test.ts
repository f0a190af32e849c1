import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app.js';
import { seedDemoData } from '../../cli/seed/demo.js';
import { heartBridgeModule } from '../heartBridge/index.js';
import { moralEducationModule } from '../moralEducation/index.js';
import { schoolModule } from './index.js';

const t = useTestApp();
const NOW = new Date('2026-11-24T08:00:00Z'); // Tuesday 16:00 in Shanghai

describe('demo data of the school practices', () => {
  it('gives the demo school a term, a topic calendar, a term of 心桥 pages and moral sessions the demo accounts can use', async () => {
    const res = await seedDemoData(t.db, { now: NOW, modules: [schoolModule, heartBridgeModule, moralEducationModule] });
    expect(res.status).toBe('seeded');
    const school = await t.db.selectFrom('orgs').select(['id']).where('kind', '=', 'school').where('name', '=', '实验中学').executeTakeFirstOrThrow();

    const principal = t.client();
    expect((await principal.login('principal', 'demo1234')).status).toBe(200);
    const terms = (await principal.get(`/api/v1/school/schools/${school.id}/terms`)).body.items;
    expect(terms.map((x: any) => [x.startDate, x.endDate])).toEqual([
      ['2026-09-01', '2027-01-22'],
      ['2027-02-23', '2027-07-03'],
    ]);

    // Most weeks two-way, some one-way, some missing: the finished weeks sit between 40 % and 90 % coverage.
    const dash = (await principal.get(`/api/v1/heart-bridge/schools/${school.id}/dashboard?asOf=2026-11-24`)).body;
    const finished = dash.trend.slice(0, -1);
    expect(finished.length).toBeGreaterThanOrEqual(10);
    for (const wk of finished) {
      expect(wk.coverage.value).toBeGreaterThan(0.4);
      expect(wk.coverage.value).toBeLessThan(0.9);
      expect(wk.replyRate.value).toBeLessThan(1);
    }
    expect(dash.noExchangeCount).toBeGreaterThan(0);

    // The demo parent has a child with a history, and the latest school side waits for them.
    const parent = t.client();
    expect((await parent.login('parent', 'demo1234')).status).toBe(200);
    const me = (await parent.get('/api/v1/school/me')).body;
    expect(me.children.length).toBeGreaterThan(0);
    const child = me.children[0];
    const timeline = (await parent.get(`/api/v1/heart-bridge/students/${child.id}/timeline?pageSize=50`)).body;
    expect(timeline.total).toBeGreaterThanOrEqual(10);
    expect(timeline.items[0].school).not.toBeNull();
    expect(timeline.items[0].home).toBeNull();
    expect(timeline.items.slice(1).filter((n: any) => n.school && n.home).length).toBeGreaterThan(5);

    // Moral sessions: mostly held, a few skipped, the head teacher's class covered 80–100 %.
    const head = t.client();
    expect((await head.login('head', 'demo1234')).status).toBe(200);
    const cls = (await head.get('/api/v1/school/me')).body.classes.find((c: any) => c.duties.includes('head'));
    const ind = (await head.get(`/api/v1/moral-education/classes/${cls.id}/indicators?asOf=2026-11-24`)).body;
    expect(ind.coverage.coverage.value).toBeGreaterThan(0.8);
    expect(ind.coverage.coverage.value).toBeLessThan(1);
    expect(ind.topics.planned).toBe(ind.coverage.schoolDays);
    expect(ind.presenters.share.value).toBeGreaterThan(0.9);
    const missed = (await principal.get(`/api/v1/moral-education/schools/${school.id}/missed?asOf=2026-11-24&kind=skipped`)).body;
    expect(missed.total).toBeGreaterThan(0);
    expect(missed.items[0].reason).toBeTruthy();

    // Seeding again changes nothing.
    const notes = await t.db
      .selectFrom('heart_bridge_notes' as any)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    for (const m of [schoolModule, heartBridgeModule, moralEducationModule]) await m.seedDemo!(t.db, NOW);
    const again = await t.db
      .selectFrom('heart_bridge_notes' as any)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(again.n)).toBe(Number(notes.n));
  });
});
