import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { useTestApp, type Client } from '../../../test/app.js';
import { idNumberGender } from '../../../common/schemas/people.js';
import { idNumber, multipart, readXlsx } from './people.fixtures.js';

const t = useTestApp();

const download = async (c: Client, url: string) => (await t.app.inject({ method: 'GET', url, headers: { cookie: c.cookie } })).rawPayload;

describe('roster round trip', () => {
  it('re-imports its own export into the same orgs, giving an identical roster', async () => {
    const group = await t.org('华能煤业集团');
    const mine = await t.org('一号矿', 'mine', group);
    const prod = await t.org('生产部', 'department', mine);
    const team = await t.org('采煤一队', 'team', prod);
    const staff = await t.user([{ role: 'unionStaff', org: group }]);
    const ids = [idNumber('19850312', 11), idNumber('19900101', 22), idNumber('19790707', 33)];
    const people = [
      {
        orgId: team.id,
        kind: 'worker',
        name: '周一',
        employeeNo: '000007',
        employmentCategory: 'contract',
        position: '采煤工',
        unionMember: true,
        phone: '13800000001',
        idNumber: ids[0],
        gender: idNumberGender(ids[0]),
      },
      {
        orgId: prod.id,
        kind: 'worker',
        name: '周二',
        employeeNo: '000012',
        employmentCategory: 'dispatched',
        position: null,
        unionMember: false,
        phone: null,
        idNumber: ids[1],
        gender: idNumberGender(ids[1]),
      },
      {
        orgId: mine.id,
        kind: 'staff',
        name: '周三',
        employeeNo: 'A-3',
        employmentCategory: null,
        position: '调度员',
        unionMember: true,
        phone: '13900000003',
        idNumber: null,
        gender: null,
      },
      {
        orgId: group.id,
        kind: 'worker',
        name: '周四',
        employeeNo: null,
        employmentCategory: 'retired',
        position: null,
        unionMember: true,
        phone: null,
        idNumber: ids[2],
        gender: idNumberGender(ids[2]),
      },
    ];
    const created: string[] = [];
    for (const p of people) {
      const res = await staff.post('/api/v1/people', p);
      expect(res.status).toBe(201);
      created.push(res.body.id);
    }

    const exported = await download(staff, `/api/v1/people/export.xlsx?orgId=${group.id}&sort=name`);
    // The people leave (archived), then the file brings the roster back.
    for (const id of created) expect((await staff.post(`/api/v1/people/${id}/archive`)).status).toBe(200);
    expect((await readXlsx(await download(staff, `/api/v1/people/export.xlsx?orgId=${group.id}`))).length).toBe(1);

    const { body, headers } = multipart({ orgId: group.id }, { name: '人员名单.xlsx', content: exported });
    const pre = await staff.request('POST', '/api/v1/imports/people', body, headers);
    expect(pre.status).toBe(201);
    expect(pre.body.errors).toEqual([]);
    expect(pre.body.ignoredColumns).toEqual([]);
    expect((await staff.post(`/api/v1/imports/${pre.body.id}/confirm`)).body).toMatchObject({ status: 'done', processedRows: 4 });

    const again = await download(staff, `/api/v1/people/export.xlsx?orgId=${group.id}&sort=name`);
    expect(await readXlsx(again)).toEqual(await readXlsx(exported));
    const active = await t.db.selectFrom('persons').select(['name', 'org_id']).where('archived', '=', 0).execute();
    expect(Object.fromEntries(active.map((p) => [p.name, p.org_id]))).toEqual({ 周一: team.id, 周二: prod.id, 周三: mine.id, 周四: group.id });
    // Identifiers are written as text in text-formatted columns, so a spreadsheet keeps their zeros.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(exported as any);
    const cell = wb.worksheets[0].getRow(2).getCell(2);
    expect([cell.value, cell.numFmt]).toEqual(['000007', '@']);
  });

  it('reads a path written from the top into a lower org, and refuses one from another branch', async () => {
    const group = await t.org('华能煤业集团');
    const mine = await t.org('一号矿', 'mine', group);
    const other = await t.org('二号矿', 'mine', group);
    await t.org('生产部', 'department', mine);
    await t.org('生产部', 'department', other);
    const staff = await t.user([{ role: 'unionStaff', org: mine }]);
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('x');
    ws.addRow(['姓名', '人员类别', '所属组织']);
    ws.addRow(['全路径', '职工', '华能煤业集团/一号矿/生产部']);
    ws.addRow(['矿起', '职工', '一号矿/生产部']);
    ws.addRow(['外矿', '职工', '华能煤业集团/二号矿/生产部']);
    const { body, headers } = multipart({ orgId: mine.id }, { name: 'x.xlsx', content: Buffer.from(await wb.xlsx.writeBuffer()) });
    const pre = await staff.request('POST', '/api/v1/imports/people', body, headers);
    expect(pre.body.preview.map((r: any) => r.name)).toEqual(['全路径', '矿起']);
    expect(pre.body.errors).toEqual([{ row: 4, column: '所属组织', message: expect.stringContaining('华能煤业集团/二号矿/生产部') }]);
  });
});
