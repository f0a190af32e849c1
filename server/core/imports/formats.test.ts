import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { useTestApp, type Client } from '../../../test/app.js';
import { idNumber, multipart, ROSTER_HEADERS } from '../people/people.fixtures.js';

const t = useTestApp();

const upload = (c: Client, orgId: string, content: Buffer, name: string) => {
  const { body, headers } = multipart({ orgId }, { name, content });
  return c.request('POST', '/api/v1/imports/people', body, headers);
};

async function setup() {
  const mine = await t.org('一号矿', 'mine');
  await t.org('生产部', 'department', mine);
  const staff = await t.user([{ role: 'unionStaff', org: mine }]);
  return { mine, staff };
}

const ID = idNumber('19850312', 1);
const NUMERIC_FAULT = '该单元格是数字格式，开头的 0 或身份证号的后几位会丢失；请把此列设置为“文本”格式后重新填写';

/** A roster typed into LibreOffice Calc: it reads 000005 and the identity number as numbers, as Calc does with typed digits; saved as .xlsx or Excel 97–2003 .xls. */
function libreOfficeXlsx(csv: string, format: 'xlsx' | 'xls' = 'xlsx'): Buffer {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xq-lo-'));
  try {
    fs.writeFileSync(path.join(dir, 'roster.csv'), csv);
    // Its own profile: several conversions may run at once on one machine.
    execFileSync(
      'soffice',
      [
        `-env:UserInstallation=file://${dir}/profile`,
        '--headless',
        '--infilter=CSV:44,34,76,1',
        '--convert-to',
        format,
        '--outdir',
        dir,
        path.join(dir, 'roster.csv'),
      ],
      { stdio: 'pipe', timeout: 120_000 },
    );
    return fs.readFileSync(path.join(dir, `roster.${format}`));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe('roster import: numbers where digits are an identifier', () => {
  it('refuses 工号 and identity numbers LibreOffice stored as numbers, and keeps a mobile number it stored exactly', async () => {
    const { mine, staff } = await setup();
    const file = libreOfficeXlsx(`${ROSTER_HEADERS.join(',')}\n张三,000005,职工,,,,13800138000,${ID.slice(0, 17)}1,,\n李四,,职工,,,,13800138001,,,\n`);
    const res = await upload(staff, mine.id, file, '花名册.xlsx');
    expect(res.status).toBe(201);
    expect(res.body.errors).toEqual([
      { row: 2, column: '工号', message: NUMERIC_FAULT },
      { row: 2, column: '身份证号', message: NUMERIC_FAULT },
    ]);
    expect(res.body.preview.map((r: any) => [r.name, r.phone])).toEqual([['李四', '13800138001']]);
  }, 150_000);

  it('reads a number cell whose zero-padded format shows every digit, and refuses one that does not', async () => {
    const { mine, staff } = await setup();
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('花名册');
    ws.addRow(ROSTER_HEADERS);
    ws.addRow(['补零', 5, '职工', null, null, null, '13900000001', ID, null, null]);
    ws.getCell('B2').numFmt = '000000';
    ws.addRow(['直接数字', 6, '职工', null, null, null, null, null, null, null]);
    // A text-formatted column that was already a number before it was formatted stays a number.
    ws.addRow(['身份证数字', 'G7', '职工', null, null, null, null, Number(ID.slice(0, 17) + '1'), null, null]);
    ws.getCell('H4').numFmt = '@';
    const res = await upload(staff, mine.id, Buffer.from(await wb.xlsx.writeBuffer()), '名单.xlsx');
    expect(res.body.errors).toEqual([
      { row: 3, column: '工号', message: NUMERIC_FAULT },
      { row: 4, column: '身份证号', message: NUMERIC_FAULT },
    ]);
    expect(res.body.preview).toEqual([expect.objectContaining({ name: '补零', employeeNo: '000005', idNumber: ID })]);
  });

  it('refuses an identity number a spreadsheet wrote into a CSV as 1.10105E+17', async () => {
    const { mine, staff } = await setup();
    const csv = `${ROSTER_HEADERS.join(',')}\n王五,W1,职工,,,,,1.10105E+17,,\n`;
    const res = await upload(staff, mine.id, Buffer.from(csv), '名单.csv');
    expect(res.body.errors).toEqual([{ row: 2, column: '身份证号', message: NUMERIC_FAULT }]);
  });
});

describe('roster import: file formats', () => {
  const csv = `${ROSTER_HEADERS.join(',')},备注,入职日期\n赵六,000123,职工,合同制,掘进工,是,13800000001,${ID},男,生产部,老员工,2020-01-01\n`;
  const expected = {
    row: 2,
    name: '赵六',
    employeeNo: '000123',
    kind: 'worker',
    employmentCategory: 'contract',
    position: '掘进工',
    unionMember: true,
    phone: '13800000001',
    idNumber: ID,
    gender: 'male',
    orgPath: '生产部',
  };

  it.each([
    ['UTF-8', Buffer.from(csv, 'utf8')],
    ['UTF-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csv, 'utf8')])],
    ['GBK', gbk(csv)],
  ])('reads a CSV in %s, leading zeros kept, and names the columns it ignores', async (_, content) => {
    const { mine, staff } = await setup();
    const res = await upload(staff, mine.id, content, '名单.csv');
    expect(res.status).toBe(201);
    expect(res.body.errors).toEqual([]);
    expect(res.body.preview).toEqual([expect.objectContaining(expected)]);
    expect(res.body.ignoredColumns).toEqual(['备注', '入职日期']);
  });

  it('reads an Excel 97–2003 .xls through LibreOffice: text kept, the ignored columns named, a number typed as 工号 refused', async () => {
    const { mine, staff } = await setup();
    const file = libreOfficeXlsx(
      `${ROSTER_HEADERS.join(',')},备注\n赵六,,职工,合同制,掘进工,是,13800000001,,男,生产部,老员工\n张三,000005,职工,,,,13800138000,,,,\n`,
      'xls',
    );
    // A real .xls: the OLE2 container, not a renamed .xlsx.
    expect(file.subarray(0, 4)).toEqual(Buffer.from([0xd0, 0xcf, 0x11, 0xe0]));
    const res = await upload(staff, mine.id, file, '名单.xls');
    expect(res.status).toBe(201);
    expect(res.body.errors).toEqual([{ row: 3, column: '工号', message: NUMERIC_FAULT }]);
    expect(res.body.preview).toEqual([
      expect.objectContaining({ row: 2, name: '赵六', kind: 'worker', employmentCategory: 'contract', phone: '13800000001', orgPath: '生产部' }),
    ]);
    expect(res.body.ignoredColumns).toEqual(['备注']);
  }, 150_000);

  it('says how to convert an .xls file when the server has no LibreOffice to read it', async () => {
    const { mine, staff } = await setup();
    const ole = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]);
    const PATH = process.env.PATH;
    process.env.PATH = '';
    try {
      const res = await upload(staff, mine.id, ole, '名单.xls');
      expect(res.status).toBe(422);
      expect(res.body.errors).toEqual([
        { field: 'body.file', message: '本服务器未安装 LibreOffice，无法读取 .xls（Excel 97-2003）文件，请在 Excel 或 WPS 中“另存为” .xlsx 或 .csv 后上传' },
      ]);
    } finally {
      process.env.PATH = PATH;
    }
  });
});

/** GBK bytes for the test text, made by LibreOffice's neighbour on every Linux box: iconv. */
function gbk(text: string): Buffer {
  return execFileSync('iconv', ['-f', 'UTF-8', '-t', 'GBK'], { input: text });
}
