import { describe, expect, it } from 'vitest';
import { useTestApp, type Client } from '../../../test/app.js';
import { readCsv } from '../excel/csv.testkit.js';
import { idNumber, readXlsx } from './people.fixtures.js';

const t = useTestApp();

const download = (c: Client, url: string) => t.app.inject({ method: 'GET', url, headers: { cookie: c.cookie } });

async function tree() {
  const group = await t.org('华能煤业集团');
  const mineA = await t.org('一号矿', 'mine', group);
  const team = await t.org('采煤一队', 'team', mineA);
  const mineB = await t.org('二号矿', 'mine', group);
  let i = 0;
  for (const cat of ['contract', 'contract', 'permanent', 'contract', 'dispatched']) {
    i++;
    await t.person(i % 2 ? team : mineA, {
      name: `导出${i}`,
      employment_category: cat,
      employee_no: `X${i}`,
      phone: `1380000000${i}`,
      id_number: idNumber('19850101', i),
    });
  }
  await t.person(mineB, { name: '外矿', employment_category: 'contract', phone: '13900000000' });
  return { group, mineA, team, mineB };
}

describe('people export', () => {
  it('gives the filtered list as .xlsx with Chinese headers and labels, masked for a role without contacts, not audited', async () => {
    const w = await tree();
    const mediator = await t.user([{ role: 'mediator', org: w.group }]);
    const filter = `orgId=${w.mineA.id}&category=contract&sort=employeeNo`;
    const list = await mediator.get(`/api/v1/people?${filter}&pageSize=200`);
    expect(list.body.total).toBe(3);
    const res = await download(mediator, `/api/v1/people/export.xlsx?${filter}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toContain(encodeURIComponent('人员名单'));
    const rows = await readXlsx(res.rawPayload);
    expect(rows[0]).toEqual(['姓名', '工号', '人员类别', '用工身份', '岗位', '工会会员', '手机号', '身份证号', '性别', '所属组织']);
    const body = rows.slice(1);
    expect(body).toEqual(
      // The org by its path from the top, as the import reads it back.
      list.body.items.map((p: any) => [
        p.name,
        p.employeeNo,
        '职工',
        '合同制',
        '',
        '是',
        p.phone,
        p.idNumber,
        '',
        p.orgName === '采煤一队' ? '华能煤业集团/一号矿/采煤一队' : '华能煤业集团/一号矿',
      ]),
    );
    // The same list as .csv: the same header and cells, masked alike.
    const csv = await download(mediator, `/api/v1/people/export.csv?${filter}`);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(readCsv(csv.rawPayload)).toEqual({ bom: true, rows: rows.map((r) => r.map(String)) });
    expect(body.map((r) => r[6])).toEqual(['138****0001', '138****0002', '138****0004']);
    expect(body.every((r) => /^\d{3}\*{11}[\dX]{4}$/.test(r[7]))).toBe(true);
    const audit = await t.db
      .selectFrom('audit_events')
      .select('action')
      .where('actor_id', '=', mediator.accountId)
      .where('action', '=', 'person.export')
      .execute();
    expect(audit).toHaveLength(0);
  });

  it('exports contacts in full to a role that may read them, and audits that', async () => {
    const w = await tree();
    const chair = await t.user([{ role: 'unionChair', org: w.mineA }]);
    const res = await download(chair, `/api/v1/people/export.xlsx`);
    const rows = (await readXlsx(res.rawPayload)).slice(1);
    expect(rows.map((r) => r[0])).toEqual(['导出1', '导出2', '导出3', '导出4', '导出5']);
    expect(rows[0][6]).toBe('13800000001');
    expect(rows[0][7]).toBe(idNumber('19850101', 1));
    const audit = await t.db.selectFrom('audit_events').selectAll().where('actor_id', '=', chair.accountId).where('action', '=', 'person.export').execute();
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0].changes!)).toMatchObject({ rows: 5, unmasked: 5 });
  });

  it('refuses an org out of reach', async () => {
    const w = await tree();
    const chair = await t.user([{ role: 'unionChair', org: w.mineA }]);
    expect((await download(chair, `/api/v1/people/export.xlsx?orgId=${w.mineB.id}`)).statusCode).toBe(404);
  });
});
