import { beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { useTestApp } from '../../../test/app.js';
import { useAppealsWorld, wageAppeal } from './appeals.testkit.js';

const t = useTestApp();
const w = useAppealsWorld(t, beforeAll);

async function submitted(over: Record<string, unknown> = {}) {
  const worker = await w.worker();
  const res = await worker.post('/api/v1/appeals', wageAppeal(over));
  expect(res.status).toBe(201);
  return { worker, appeal: res.body };
}

describe('configuration', () => {
  it('lets staff set the deadline table per category and urgency, and an accepted appeal follows it', async () => {
    const table = await w.staff.get(`/api/v1/appeals/deadline-rules?orgId=${w.mine1.id}`);
    expect(table.body.rules).toHaveLength(24);
    expect(table.body.rules.find((r: any) => r.category === 'wages' && r.urgency === 'general')).toMatchObject({
      acceptDays: 1,
      consultationDays: 2,
      requestDays: 5,
      definedAt: null,
    });
    const put = await w.staff.request('PUT', '/api/v1/appeals/deadline-rules', {
      orgId: w.mine1.id,
      rules: [{ category: 'wages', urgency: 'urgent', acceptDays: 1, consultationDays: 1, requestDays: 2 }],
    });
    expect(put.body.rules.find((r: any) => r.category === 'wages' && r.urgency === 'urgent')).toMatchObject({ requestDays: 2, definedAt: w.mine1.id });
    // Mine 2 still has the defaults.
    const other = await w.staff.get(`/api/v1/appeals/deadline-rules?orgId=${w.mine2.id}`);
    expect(other.body.rules.find((r: any) => r.category === 'wages' && r.urgency === 'urgent').requestDays).toBe(3);

    const { appeal } = await submitted();
    const accepted = await w.staff.post(`/api/v1/appeals/${appeal.id}/accept`, { urgency: 'urgent' });
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    const expected = (await w.staff.get(`/api/v1/calendar/add-working-days?start=${today}&days=2&orgId=${w.team1.id}`)).body.date;
    expect(accepted.body.answerDeadline).toBe(expected);
    const special = await w.staff.post(`/api/v1/appeals/${appeal.id}/urgency`, { urgency: 'special' });
    const expectedSpecial = (await w.staff.get(`/api/v1/calendar/add-working-days?start=${today}&days=10&orgId=${w.team1.id}`)).body.date;
    expect(special.body).toMatchObject({ urgency: 'special', answerDeadline: expectedSpecial });

    const audit = await t.db.selectFrom('audit_events').select('action').where('entity_id', '=', w.mine1.id).execute();
    expect(audit.map((a) => a.action)).toContain('appeal.deadlineRules');
    expect((await w.handler.get(`/api/v1/appeals/deadline-rules?orgId=${w.mine1.id}`)).status).toBe(403);
  });
});

describe('lists and export', () => {
  it('pages, sorts by whitelisted keys and filters', async () => {
    const team = await w.team();
    const worker = await w.worker({}, team);
    for (const [category, title] of [
      ['wages', '工资一'],
      ['housing', '住房一'],
      ['wages', '工资二'],
    ]) {
      await worker.post('/api/v1/appeals', { category, title, description: `${title}的具体情况` });
    }
    const page1 = await w.staff.get(`/api/v1/appeals?orgId=${team.id}&pageSize=2&page=1&sort=code&order=asc`);
    const page2 = await w.staff.get(`/api/v1/appeals?orgId=${team.id}&pageSize=2&page=2&sort=code&order=asc`);
    expect(page1.body).toMatchObject({ total: 3, page: 1, pageSize: 2 });
    expect([...page1.body.items, ...page2.body.items].map((a: any) => a.title)).toEqual(['工资一', '住房一', '工资二']);
    expect((await w.staff.get(`/api/v1/appeals?orgId=${team.id}&category=wages`)).body.items.map((a: any) => a.title).sort()).toEqual(['工资一', '工资二']);
    expect((await w.staff.get(`/api/v1/appeals?orgId=${team.id}&category=wages,housing&status=submitted`)).body.total).toBe(3);
    expect((await w.staff.get('/api/v1/appeals?sort=author')).status).toBe(400);
    expect((await w.staff.get('/api/v1/appeals?status=bogus')).status).toBe(400);
  });

  it('exports the filtered list to .xlsx, masking phone numbers for roles without contact rights', async () => {
    const team = await w.team();
    const worker = await w.worker({ name: '王建国', phone: '13912345678' }, team);
    const a = (await worker.post('/api/v1/appeals', wageAppeal())).body;
    await w.staff.post(`/api/v1/appeals/${a.id}/accept`, {});
    await w.staff.post(`/api/v1/appeals/${a.id}/assign`, { departmentId: w.prod1.id });
    const staffSheet = await readRaw(w.staff, team.id);
    const header = (staffSheet.getRow(1).values as any[]).slice(1);
    expect(header).toEqual(expect.arrayContaining(['编号', '标题', '状态', '提交人', '联系电话', '办理期限']));
    const col = (name: string) => header.indexOf(name) + 1;
    expect(staffSheet.getRow(2).getCell(col('提交人')).value).toBe('王建国');
    expect(staffSheet.getRow(2).getCell(col('联系电话')).value).toBe('13912345678');
    const handlerSheet = await readRaw(w.handler, team.id);
    expect(handlerSheet.getRow(2).getCell(col('联系电话')).value).toBe('139****5678');
  });
});

/** The test client decodes bodies as text; a workbook needs the raw bytes. */
async function readRaw(client: { cookie: string }, orgId: string) {
  const res = await t.app.inject({ method: 'GET', url: `/api/v1/appeals/export.xlsx?category=wages&orgId=${orgId}`, headers: { cookie: client.cookie } });
  expect(res.statusCode).toBe(200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as any);
  return wb.worksheets[0];
}
