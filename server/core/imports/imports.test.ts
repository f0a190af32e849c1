import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTestApp, type Client } from '../../../test/app.js';
import { idNumber, multipart, readXlsx, rosterXlsx } from '../people/people.fixtures.js';
import { importCommand } from '../../cli/import.js';

const t = useTestApp();

async function tree() {
  const group = await t.org('华能煤业集团');
  const mine = await t.org('一号矿', 'mine', group);
  const prod = await t.org('生产部', 'department', mine);
  const team = await t.org('采煤一队', 'team', prod);
  const mineB = await t.org('二号矿', 'mine', group);
  return { group, mine, prod, team, mineB };
}

const upload = (c: Client, orgId: string | null, content: Buffer, name = '花名册.xlsx') => {
  const { body, headers } = multipart(orgId ? { orgId } : {}, { name, content });
  return c.request('POST', '/api/v1/imports/people', body, headers);
};

const peopleIn = async (prefix: string) =>
  await t.db
    .selectFrom('persons')
    .innerJoin('orgs', 'orgs.id', 'persons.org_id')
    .select(['persons.name', 'persons.employee_no', 'orgs.name as org'])
    .where('orgs.path', 'like', `${prefix}%`)
    .orderBy('persons.employee_no')
    .execute();

describe('roster import: preview', () => {
  it('reports each bad row with its Excel row, Chinese column and reason, and writes nothing', async () => {
    const w = await tree();
    await t.person(w.team, { employee_no: 'E900', name: '老员工' });
    const staff = await t.user([{ role: 'unionStaff', org: w.mine }]);
    const good = idNumber('19880808', 21);
    const file = await rosterXlsx([
      ['正确甲', 'E001', '职工', '合同制', '采煤工', '是', '13800000001', good, '男', '生产部/采煤一队'], // row 2
      [null, 'E002', '职工', null, null, null, null, null, null, null], // row 3: no name
      ['类别错', 'E003', '工人', '临时工', null, '也许', null, null, null, null], // row 4
      ['号码错', 'E004', '职工', null, null, null, '2380000000', good.slice(0, 17) + (good[17] === '0' ? '1' : '0'), '未知', null], // row 5
      ['组织错', 'E005', '职工', null, null, null, null, null, null, '生产部/采煤九队'], // row 6
      ['重复甲', 'E006', '职工', null, null, null, null, null, null, null], // row 7
      ['重复乙', 'E006', '职工', null, null, null, null, null, null, null], // row 8
      ['已存在', 'E900', '职工', null, null, null, null, null, null, null], // row 9
      ['正确乙', 'E010', '教师', null, null, '否', null, null, '女', null], // row 10
    ]);
    const res = await upload(staff, w.mine.id, file);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: 'preview', fileName: '花名册.xlsx', totalRows: 9, validRows: 3, processedRows: 0, errorCount: 10 });
    expect(res.body.errors).toEqual([
      { row: 3, column: '姓名', message: '必填' },
      { row: 4, column: '人员类别', message: '应为 职工、教师、学生、家长、工作人员 之一' },
      { row: 4, column: '用工身份', message: '应为 全民固定工、合同制、劳务派遣、农民工、退休 之一' },
      { row: 4, column: '工会会员', message: '应填“是”或“否”' },
      { row: 5, column: '手机号', message: '手机号应为以 1 开头的 11 位数字' },
      { row: 5, column: '身份证号', message: '身份证号应为 18 位，且出生日期和校验位正确' },
      { row: 5, column: '性别', message: '应填“男”或“女”' },
      { row: 6, column: '所属组织', message: '所选组织下找不到「生产部/采煤九队」（按名称逐级填写，如 生产部/采煤一队）' },
      { row: 8, column: '工号', message: '与第 7 行重复' },
      { row: 9, column: '工号', message: '该工号已有在册人员使用' },
    ]);
    expect(res.body.preview.map((r: any) => [r.row, r.name])).toEqual([
      [2, '正确甲'],
      [7, '重复甲'],
      [10, '正确乙'],
    ]);
    expect(res.body.preview[0]).toMatchObject({
      kind: 'worker',
      employmentCategory: 'contract',
      unionMember: true,
      orgPath: '生产部/采煤一队',
      orgId: w.team.id,
    });
    expect((await peopleIn(w.mine.path)).map((p) => p.name)).toEqual(['老员工']);

    const confirm = await staff.post(`/api/v1/imports/${res.body.id}/confirm`);
    expect(confirm.status).toBe(422);
    expect(confirm.body.code).toBe('invalid');
    expect(confirm.body.detail).toBe('文件中有 10 处错误，请修改后重新上传');
    expect((await peopleIn(w.mine.path)).map((p) => p.name)).toEqual(['老员工']);
    expect((await staff.get(`/api/v1/imports/${res.body.id}`)).body.status).toBe('preview');
  });

  it('counts every fault of a badly wrong file but lists the first thousand', async () => {
    const w = await tree();
    const staff = await t.user([{ role: 'unionStaff', org: w.mine }]);
    const rows = Array.from({ length: 1200 }, (_, i) => [`错${i}`, null, '职工', null, null, null, '12345', null, null, null]);
    const res = await upload(staff, w.mine.id, await rosterXlsx(rows));
    expect(res.body).toMatchObject({ totalRows: 1200, validRows: 0, errorCount: 1200 });
    expect(res.body.errors).toHaveLength(1000);
    expect(res.body.errors[999]).toEqual({ row: 1001, column: '手机号', message: '手机号应为以 1 开头的 11 位数字' });
    expect((await staff.post(`/api/v1/imports/${res.body.id}/confirm`)).body.detail).toBe('文件中有 1200 处错误，请修改后重新上传');
  });

  it('answers in English when asked', async () => {
    const w = await tree();
    const staff = await t.user([{ role: 'unionStaff', org: w.mine }]);
    const en = t.client('en');
    en.cookie = staff.cookie;
    en.csrf = staff.csrf;
    const res = await upload(en, w.mine.id, await rosterXlsx([[null, null, '职工', null, null, null, null, null, null, null]]));
    expect(res.body.errors).toEqual([{ row: 2, column: '姓名', message: 'Required' }]);
  });

  it('finds the header below a title row and accepts headers with hints', async () => {
    const w = await tree();
    const staff = await t.user([{ role: 'unionStaff', org: w.mine }]);
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('x');
    ws.addRow(['一号矿职工花名册（2026年）']);
    ws.addRow(['*姓名', '人员类别(职工/教师/学生/家长)', '手机号']);
    ws.addRow(['标题下', '职工', 13811112222]);
    const res = await upload(staff, w.mine.id, Buffer.from(await wb.xlsx.writeBuffer()));
    expect(res.body.errors).toEqual([]);
    expect(res.body.preview[0]).toMatchObject({ row: 3, name: '标题下', phone: '13811112222', orgId: w.mine.id });
  });

  it('refuses what is not a workbook, a missing org and an empty sheet', async () => {
    const w = await tree();
    const staff = await t.user([{ role: 'unionStaff', org: w.mine }]);
    // A PNG named as a roster: neither a workbook nor text.
    const notXlsx = await upload(staff, w.mine.id, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]), 'a.csv');
    expect(notXlsx.status).toBe(422);
    expect(notXlsx.body.detail).toBe('无法读取该文件，请上传 .xlsx、.xls 格式的 Excel 文件或 .csv 文件');
    const noOrg = await upload(staff, null, await rosterXlsx([['甲', null, '职工', null, null, null, null, null, null, null]]));
    expect(noOrg.status).toBe(400);
    expect(noOrg.body.errors).toEqual([{ field: 'body.orgId', message: '请选择导入到哪个组织' }]);
    const empty = await upload(staff, w.mine.id, await rosterXlsx([]));
    expect(empty.status).toBe(422);
    expect(empty.body.detail).toBe('文件中没有数据行');
    const json = await staff.post('/api/v1/imports/people', { orgId: w.mine.id });
    expect(json.status).toBe(415);
  });

  it('needs people.import over the chosen org: 404 out of reach, 403 for a role without it', async () => {
    const w = await tree();
    const file = await rosterXlsx([['甲', null, '职工', null, null, null, null, null, null, null]]);
    const staff = await t.user([{ role: 'unionStaff', org: w.mine }]);
    const chair = await t.user([{ role: 'unionChair', org: w.group }]);
    expect((await upload(staff, w.mineB.id, file)).status).toBe(404);
    expect((await upload(chair, w.mine.id, file)).status).toBe(403);
    const batches = await t.db.selectFrom('import_batches').select('id').where('org_id', 'in', [w.mine.id, w.mineB.id]).execute();
    expect(batches).toHaveLength(0);
  });
});

describe('roster import: confirm', () => {
  it('writes every row of a clean file into the named orgs, once, with one audit event', async () => {
    const w = await tree();
    const staff = await t.user([{ role: 'unionStaff', org: w.mine }]);
    const file = await rosterXlsx([
      ['李一', 'C001', '职工', '全民固定工', '掘进工', '是', '13900000001', idNumber('19700101', 11), null, '生产部/采煤一队'],
      ['李二', 'C002', '职工', '劳务派遣', null, '否', null, null, '女', '生产部'],
      ['李三', 'C003', '职工', null, null, null, null, null, null, null],
    ]);
    const pre = await upload(staff, w.mine.id, file);
    expect(pre.body.errors).toEqual([]);
    expect(await peopleIn(w.mine.path)).toEqual([]);
    const done = await staff.post(`/api/v1/imports/${pre.body.id}/confirm`);
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ status: 'done', totalRows: 3, processedRows: 3, errors: [] });
    expect(await peopleIn(w.mine.path)).toEqual([
      { name: '李一', employee_no: 'C001', org: '采煤一队' },
      { name: '李二', employee_no: 'C002', org: '生产部' },
      { name: '李三', employee_no: 'C003', org: '一号矿' },
    ]);
    // What the importer sees afterwards: birth date and sex from the identity number, union flag, category.
    const list = await staff.get(`/api/v1/people?orgId=${w.mine.id}&q=C001`);
    expect(list.body.items[0]).toMatchObject({ gender: 'male', employmentCategory: 'permanent', unionMember: true, phone: '13900000001' });
    const audit = await t.db.selectFrom('audit_events').selectAll().where('entity_id', '=', pre.body.id).execute();
    expect(audit.map((a) => a.action)).toEqual(['import.people']);
    expect(JSON.parse(audit[0].changes!)).toEqual({ fileName: '花名册.xlsx', rows: 3 });
    const again = await staff.post(`/api/v1/imports/${pre.body.id}/confirm`);
    expect(again.status).toBe(409);
    expect((await peopleIn(w.mine.path)).length).toBe(3);
    // The batch keeps no second copy of the roster once it is written.
    const stored = await t.db.selectFrom('import_batches').select(['rows', 'status']).where('id', '=', pre.body.id).executeTakeFirstOrThrow();
    expect(stored).toEqual({ rows: '[]', status: 'done' });
  });

  it('writes a large file in chunks and reports every row processed', async () => {
    const w = await tree();
    const staff = await t.user([{ role: 'unionStaff', org: w.mine }]);
    const rows = Array.from({ length: 1234 }, (_, i) => [
      `批量${i}`,
      `B${String(i).padStart(5, '0')}`,
      '职工',
      '合同制',
      null,
      '是',
      null,
      null,
      null,
      '生产部/采煤一队',
    ]);
    const pre = await upload(staff, w.mine.id, await rosterXlsx(rows));
    expect(pre.body).toMatchObject({ totalRows: 1234, validRows: 1234, errors: [] });
    expect(pre.body.preview).toHaveLength(50);
    const done = await staff.post(`/api/v1/imports/${pre.body.id}/confirm`);
    expect(done.body).toMatchObject({ status: 'done', processedRows: 1234 });
    expect((await staff.get(`/api/v1/people?orgId=${w.team.id}`)).body.total).toBe(1234);
    expect((await staff.get(`/api/v1/imports/${pre.body.id}`)).body).toMatchObject({ status: 'done', processedRows: 1234, totalRows: 1234 });
  });

  it('writes nothing for a batch that is never confirmed', async () => {
    const w = await tree();
    const staff = await t.user([{ role: 'unionStaff', org: w.mine }]);
    const pre = await upload(staff, w.mine.id, await rosterXlsx([['未确认', 'U1', '职工', null, null, null, null, null, null, null]]));
    expect(pre.body.errors).toEqual([]);
    const batch = await staff.get(`/api/v1/imports/${pre.body.id}`);
    expect(batch.body).toMatchObject({ status: 'preview', processedRows: 0, totalRows: 1 });
    expect(await peopleIn(w.mine.path)).toEqual([]);
    expect((await staff.get('/api/v1/people?q=U1')).body.total).toBe(0);
  });

  it('forgets the rows of a batch left unconfirmed for a week; it can then no longer be confirmed', async () => {
    const w = await tree();
    const staff = await t.user([{ role: 'unionStaff', org: w.mine }]);
    const pre = await upload(staff, w.mine.id, await rosterXlsx([['搁置', 'S1', '职工', null, null, null, '13800001111', null, null, null]]));
    const job = t.app.deps.scheduler.jobs().find((j) => j.name === 'imports.expire')!;
    await job.run({ db: t.db, now: new Date(Date.now() + 6 * 86_400_000), tick: 'x' });
    expect((await staff.get(`/api/v1/imports/${pre.body.id}`)).body.status).toBe('preview');
    await job.run({ db: t.db, now: new Date(Date.now() + 8 * 86_400_000), tick: 'y' });
    expect((await staff.get(`/api/v1/imports/${pre.body.id}`)).body.status).toBe('expired');
    const stored = await t.db.selectFrom('import_batches').select('rows').where('id', '=', pre.body.id).executeTakeFirstOrThrow();
    expect(stored.rows).not.toContain('13800001111');
    expect((await staff.post(`/api/v1/imports/${pre.body.id}/confirm`)).status).toBe(409);
    expect(await peopleIn(w.mine.path)).toEqual([]);
  });

  it('lets only the uploader see and confirm a batch', async () => {
    const w = await tree();
    const staff = await t.user([{ role: 'unionStaff', org: w.mine }]);
    const colleague = await t.user([{ role: 'unionStaff', org: w.mine }]);
    const pre = await upload(staff, w.mine.id, await rosterXlsx([['他人批次', null, '职工', null, null, null, null, null, null, null]]));
    expect((await colleague.get(`/api/v1/imports/${pre.body.id}`)).status).toBe(404);
    expect((await colleague.post(`/api/v1/imports/${pre.body.id}/confirm`)).status).toBe(404);
    expect(await peopleIn(w.mine.path)).toEqual([]);
  });

  it('refuses a confirm when an employee number was taken after the upload, and says where', async () => {
    const w = await tree();
    const staff = await t.user([{ role: 'unionStaff', org: w.mine }]);
    const pre = await upload(
      staff,
      w.mine.id,
      await rosterXlsx([
        ['先到', 'R1', '职工', null, null, null, null, null, null, null],
        ['后到', 'R2', '职工', null, null, null, null, null, null, null],
      ]),
    );
    expect(pre.body.errors).toEqual([]);
    await staff.post('/api/v1/people', { orgId: w.prod.id, kind: 'worker', name: '抢先', employeeNo: 'R2' });
    const res = await staff.post(`/api/v1/imports/${pre.body.id}/confirm`);
    expect(res.status).toBe(422);
    expect((await peopleIn(w.mine.path)).map((p) => p.name)).toEqual(['抢先']);
    const batch = await staff.get(`/api/v1/imports/${pre.body.id}`);
    expect(batch.body.errors).toEqual([{ row: 3, column: '工号', message: '该工号已有在册人员使用' }]);
  });
});

describe('roster template', () => {
  it('is an .xlsx with the Chinese headers and one example row', async () => {
    const staff = await t.user([]);
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/imports/template.xlsx', headers: { cookie: staff.cookie } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const rows = await readXlsx(res.rawPayload);
    expect(rows[0]).toEqual(['姓名', '工号', '人员类别', '用工身份', '岗位', '工会会员', '手机号', '身份证号', '性别', '所属组织']);
    expect(rows).toHaveLength(2);
    expect(rows[1][0]).toBe('张三');
  });
});

describe('xq import people (CLI)', () => {
  const tmp = (buf: Buffer) => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'xq-import-')), '名单.xlsx');
    fs.writeFileSync(file, buf);
    return file;
  };

  it('prints the faults as a table and writes nothing when there are any', async () => {
    const w = await tree();
    const file = tmp(
      await rosterXlsx([
        ['好人', 'K1', '职工', null, null, null, null, null, null, null],
        ['坏号', 'K2', '职工', null, null, null, '123', null, null, null],
      ]),
    );
    const lines: string[] = [];
    const before = process.exitCode;
    await importCommand(t.app.deps.database, ['people', file, '--org', w.mine.id], (l) => lines.push(l));
    expect(process.exitCode).toBe(1);
    process.exitCode = before;
    expect(lines[1]).toBe('行\t列\t原因');
    expect(lines[2]).toBe('3\t手机号\t手机号应为以 1 开头的 11 位数字');
    expect(await peopleIn(w.mine.path)).toEqual([]);
  });

  it('writes a clean file and audits it', async () => {
    const w = await tree();
    const file = tmp(await rosterXlsx([['命令行', 'K9', '职工', '农民工', null, null, null, null, null, '生产部']]));
    const lines: string[] = [];
    await importCommand(t.app.deps.database, ['people', file, '--org', w.mine.id], (l) => lines.push(l));
    expect(lines).toEqual(['已导入 1 人到「一号矿」/ imported 1 people into 一号矿']);
    expect(await peopleIn(w.mine.path)).toEqual([{ name: '命令行', employee_no: 'K9', org: '生产部' }]);
    const audit = await t.db
      .selectFrom('audit_events')
      .select(['action', 'actor_id'])
      .where('org_id', '=', w.mine.id)
      .where('action', '=', 'import.people')
      .execute();
    expect(audit).toEqual([{ action: 'import.people', actor_id: null }]);
  });

  it('explains its usage', async () => {
    await expect(importCommand(t.app.deps.database, ['people'])).rejects.toThrow(/import people <file.xlsx> --org <orgId>/);
  });
});
