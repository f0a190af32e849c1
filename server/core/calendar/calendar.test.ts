import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app.js';
import { WorkCalendar, workCalendar } from './calendar.js';

describe('working-day calendar (pure)', () => {
  const cal = new WorkCalendar([]);

  it('knows the 2026 National Day holiday and its make-up Saturday', () => {
    expect(cal.day('2026-10-01')).toMatchObject({ working: false, kind: 'holiday', name: '国庆节' });
    expect(cal.day('2026-10-07')).toMatchObject({ working: false, kind: 'holiday' });
    expect(cal.day('2026-10-10')).toMatchObject({ working: true, kind: 'makeupWorkday' }); // a Saturday
    expect(cal.day('2026-09-20')).toMatchObject({ working: true, kind: 'makeupWorkday' }); // a Sunday
    expect(cal.day('2026-10-11')).toMatchObject({ working: false, kind: 'weekend' });
  });

  it('counts working days from the day after the start, across the holiday', () => {
    // Wed 30 Sep + 1 → Thu 8 Oct (1–7 Oct are holidays).
    expect(cal.addWorkingDays('2026-09-30', 1)).toBe('2026-10-08');
    // 8 Thu, 9 Fri, 10 Sat (make-up) → 3 working days after 30 Sep is Sat 10 Oct.
    expect(cal.addWorkingDays('2026-09-30', 3)).toBe('2026-10-10');
    expect(cal.addWorkingDays('2026-09-30', 4)).toBe('2026-10-12');
    // Start on a holiday: counting still begins the next day.
    expect(cal.addWorkingDays('2026-10-03', 1)).toBe('2026-10-08');
    expect(cal.workingDaysBetween('2026-09-30', '2026-10-12')).toBe(4);
  });

  it('lets an org closure reach its subtree but not elsewhere', () => {
    const closures = [{ date: '2026-10-08', working: false, note: '停产检修', orgPath: '/a/' }];
    expect(new WorkCalendar(closures, '/a/b/').addWorkingDays('2026-09-30', 1)).toBe('2026-10-09');
    expect(new WorkCalendar(closures, '/c/').addWorkingDays('2026-09-30', 1)).toBe('2026-10-08');
    expect(new WorkCalendar(closures, null).addWorkingDays('2026-09-30', 1)).toBe('2026-10-08');
  });
});

describe('calendar API', () => {
  const t = useTestApp();

  it('answers over HTTP for any signed-in user and refuses strangers', async () => {
    const u = await t.user([]);
    const res = await u.get('/api/v1/calendar/add-working-days?start=2026-09-30&days=3');
    expect(res.status).toBe(200);
    expect(res.body.date).toBe('2026-10-10');
    const days = await u.get('/api/v1/calendar/days?from=2026-10-01&to=2026-10-10');
    expect(days.body.items.filter((d: any) => d.working).map((d: any) => d.date)).toEqual(['2026-10-08', '2026-10-09', '2026-10-10']);
    expect((await t.client().get('/api/v1/calendar/days?from=2026-10-01&to=2026-10-10')).status).toBe(401);
  });

  it('rejects a bad date with a field-level Chinese error', async () => {
    const u = await t.user([]);
    const res = await u.get('/api/v1/calendar/add-working-days?start=2026-02-30&days=x');
    expect(res.status).toBe(400);
    const fields = res.body.errors.map((e: any) => e.field).sort();
    expect(fields).toEqual(['query.days', 'query.start']);
    expect(res.body.detail).toBe('请求参数有误，请检查标出的字段');
  });

  it('applies an admin override (next year published late) and audits it; non-admins may not', async () => {
    const admin = await t.user([{ role: 'sysAdmin', org: null }]);
    const worker = await t.user([]);
    const denied = await worker.post('/api/v1/calendar/overrides', { date: '2027-12-31', working: false, note: '元旦调休' });
    expect(denied.status).toBe(403);
    const created = await admin.post('/api/v1/calendar/overrides', { date: '2027-12-31', working: false, note: '元旦调休' });
    expect(created.status).toBe(201);
    const day = await worker.get('/api/v1/calendar/is-working-day?date=2027-12-31');
    expect(day.body).toMatchObject({ working: false, override: true, note: '元旦调休' });
    const audit = await t.db.selectFrom('audit_events').selectAll().where('entity_id', '=', created.body.id).execute();
    expect(audit).toHaveLength(1);
    expect((await admin.delete(`/api/v1/calendar/overrides/${created.body.id}`)).status).toBe(204);
    expect((await worker.get('/api/v1/calendar/is-working-day?date=2027-12-31')).body.working).toBe(true);
  });

  it('scopes an org closure to the org that declared it', async () => {
    const mineA = await t.org('A矿', 'mine');
    const mineB = await t.org('B矿', 'mine');
    const chairA = await t.user([{ role: 'unionChair', org: mineA }]);
    expect((await chairA.post('/api/v1/calendar/overrides', { date: '2026-10-08', working: false, note: '检修', orgId: mineB.id })).status).toBe(404);
    expect((await chairA.post('/api/v1/calendar/overrides', { date: '2026-10-08', working: false, note: '检修', orgId: mineA.id })).status).toBe(201);
    expect((await chairA.get(`/api/v1/calendar/add-working-days?start=2026-09-30&days=1&orgId=${mineA.id}`)).body.date).toBe('2026-10-09');
    const admin = await t.user([{ role: 'sysAdmin', org: null }]);
    expect((await admin.get(`/api/v1/calendar/add-working-days?start=2026-09-30&days=1&orgId=${mineB.id}`)).body.date).toBe('2026-10-08');
  });

  it('a transaction sees an override as soon as it is committed, and its removal', async () => {
    const admin = await t.user([{ role: 'sysAdmin', org: null }]);
    const inTx = () => t.db.transaction().execute(async (tx) => (await workCalendar(tx, null)).isWorkingDay('2028-03-06'));
    expect((await workCalendar(t.db, null)).isWorkingDay('2028-03-06')).toBe(true);
    expect(await inTx()).toBe(true);
    const created = await admin.post('/api/v1/calendar/overrides', { date: '2028-03-06', working: false, note: '停电检修' });
    expect(created.status).toBe(201);
    expect(await inTx()).toBe(false);
    expect((await admin.delete(`/api/v1/calendar/overrides/${created.body.id}`)).status).toBe(204);
    expect(await inTx()).toBe(true);
  });
});
