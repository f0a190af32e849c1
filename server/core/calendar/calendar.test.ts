import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app.js';
import { WorkCalendar, workCalendar } from './calendar.js';
import { status } from './notices.service.js';
import { systemContext } from '../context.js';
import type { Actor } from '../rbac/actor.js';

const NOTICE_2027 = `国务院办公厅关于2027年部分节假日安排的通知
一、元旦：1月1日（周五）至3日（周日）放假，共3天。
二、春节：2月5日（农历除夕、周五）至12日（农历正月初七、周五）放假调休，共8天。2月20日（周六）上班。`;

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

describe('next year before and after the State Council notice', () => {
  const t = useTestApp();

  it('flags days and deadlines of an unpublished year over HTTP', async () => {
    const u = await t.user([]);
    const day = await u.get('/api/v1/calendar/is-working-day?date=2027-01-01');
    expect(day.body).toMatchObject({ working: false, name: '元旦', provisional: true });
    const due = await u.get('/api/v1/calendar/add-working-days?start=2026-12-21&days=10');
    expect(due.body).toMatchObject({ date: '2027-01-05', provisional: true });
    const days = await u.get('/api/v1/calendar/days?from=2026-12-30&to=2027-01-02');
    expect(days.body.items.map((d: any) => d.provisional)).toEqual([false, false, true, true]);
    expect(days.body.years).toEqual([
      { year: 2026, source: 'package', provisional: false },
      { year: 2027, source: 'statutory', provisional: true },
    ]);
  });

  it('previews a pasted notice without storing it, then stores it on confirmation, audited; others may not', async () => {
    const admin = await t.user([{ role: 'sysAdmin', org: null }]);
    const mine = await t.org('A矿', 'mine');
    const chair = await t.user([{ role: 'unionChair', org: mine }]);
    const worker = await t.user([]);
    expect((await worker.post('/api/v1/calendar/notices/preview', { text: NOTICE_2027 })).status).toBe(403);
    // A mine's chair may close their own mine, not rewrite the country's holidays.
    expect((await chair.post('/api/v1/calendar/notices', { text: NOTICE_2027 })).status).toBe(403);

    const preview = await admin.post('/api/v1/calendar/notices/preview', { text: NOTICE_2027 });
    expect(preview.status).toBe(200);
    expect(preview.body.year).toBe(2027);
    expect(preview.body.currentSource).toBe('statutory');
    expect(preview.body.holidays.map((d: any) => d.date)).toEqual([
      '2027-01-01',
      '2027-01-02',
      '2027-01-03',
      '2027-02-05',
      '2027-02-06',
      '2027-02-07',
      '2027-02-08',
      '2027-02-09',
      '2027-02-10',
      '2027-02-11',
      '2027-02-12',
    ]);
    expect(preview.body.workdays).toEqual([{ date: '2027-02-20', working: true, name: '春节' }]);
    expect((await worker.get('/api/v1/calendar/is-working-day?date=2027-02-20')).body).toMatchObject({ working: false, provisional: true });

    const confirmed = await admin.post('/api/v1/calendar/notices', { text: NOTICE_2027 });
    expect(confirmed.status).toBe(201);
    expect((await worker.get('/api/v1/calendar/is-working-day?date=2027-02-20')).body).toMatchObject({
      working: true,
      kind: 'makeupWorkday',
      provisional: false,
    });
    expect((await worker.get('/api/v1/calendar/is-working-day?date=2027-02-11')).body).toMatchObject({ working: false, name: '春节', provisional: false });
    // The notice gives no make-up for 劳动节 on a weekend, so 3 May is an ordinary, certain Monday.
    expect((await worker.get('/api/v1/calendar/is-working-day?date=2027-05-03')).body).toMatchObject({ working: true, provisional: false });
    const audit = await t.db.selectFrom('audit_events').selectAll().where('action', '=', 'calendar.noticeImported').execute();
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0].changes!)).toMatchObject({ year: 2027, replaced: 'statutory' });
  });

  it('rejects a text that is not a notice with a Chinese message on the field', async () => {
    const admin = await t.user([{ role: 'sysAdmin', org: null }]);
    const res = await admin.post('/api/v1/calendar/notices/preview', { text: '明年的放假安排还没出来，请稍候。' });
    expect(res.status).toBe(422);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'body.text', message: expect.stringContaining('年份') })]);
  });

  it('warns admins and union staff from 1 October while next year is provisional, and no one else', async () => {
    const actor = (role: Actor['grants'][number]['role']): Actor => ({
      accountId: 'x',
      displayName: 'x',
      personId: null,
      via: 'session',
      grants: [{ role, orgId: null, orgPath: null, orgName: null }],
    });
    const at = (date: string) => new Date(`${date}T09:00:00+08:00`);
    const ctx = systemContext();
    const admin = await t.user([{ role: 'sysAdmin', org: null }]);
    const notice = (year: number) => NOTICE_2027.replace('2027年', `${year}年`);
    // Other tests in this file may import 2027; 2028 and 2029 are this test's own.
    expect((await admin.post('/api/v1/calendar/notices', { text: notice(2028) })).status).toBe(201);
    expect((await status(t.db, ctx, actor('sysAdmin'), at('2028-09-30'))).warning).toBeNull();
    const oct = await status(t.db, ctx, actor('unionStaff'), at('2028-10-01'));
    expect(oct.years).toEqual([
      { year: 2028, source: 'notice', provisional: false },
      { year: 2029, source: 'statutory', provisional: true },
    ]);
    expect(oct.warning).toMatchObject({ year: 2029 });
    expect(oct.warning!.message).toContain('2029 年节假日安排尚未导入');
    expect((await status(t.db, ctx, actor('unionChair'), at('2028-12-06'))).warning).toMatchObject({ year: 2029 });
    expect((await status(t.db, ctx, actor('handler'), at('2028-12-06'))).warning).toBeNull();
    // A year still unpublished when it has begun is warned about all year.
    expect((await status(t.db, ctx, actor('sysAdmin'), at('2030-03-01'))).warning).toMatchObject({ year: 2030 });

    expect((await admin.post('/api/v1/calendar/notices', { text: notice(2029) })).status).toBe(201);
    expect((await status(t.db, ctx, actor('sysAdmin'), at('2028-12-06'))).warning).toBeNull();
  });
});
