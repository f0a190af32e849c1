import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { toXlsx, type Column } from './export.js';

interface Row {
  day: string;
  at: string;
  shown: string;
  count: number;
  no: string;
  note: string;
}

const columns: Column<Row>[] = [
  { header: '日期', value: (r) => r.day },
  { header: '时间', value: (r) => r.at },
  { header: '提交时间', value: (r) => r.shown },
  { header: '件数', value: (r) => r.count },
  { header: '工号', type: 'text', value: (r) => r.no },
  { header: '说明', value: (r) => r.note },
];

describe('export cells (pure)', () => {
  it('writes dates as date cells at Beijing time, numbers as numbers and identifiers as text', async () => {
    const buf = await toXlsx('表', columns, [
      { day: '2027-02-05', at: '2026-12-06T01:30:00.000Z', shown: '2026-12-06 09:30:15', count: 12, no: '000005', note: '2027-02-05 前答复' },
    ]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as any);
    const row = wb.worksheets[0].getRow(2);
    const cell = (i: number) => row.getCell(i);
    expect(cell(1).value).toEqual(new Date('2027-02-05T00:00:00Z'));
    expect(cell(1).numFmt).toBe('yyyy-mm-dd');
    // 01:30 UTC is 09:30 in Beijing; the sheet shows the Beijing wall clock.
    expect(cell(2).value).toEqual(new Date('2026-12-06T09:30:00Z'));
    expect(cell(2).numFmt).toBe('yyyy-mm-dd hh:mm');
    expect(cell(3).value).toEqual(new Date('2026-12-06T09:30:15Z'));
    expect(cell(3).numFmt).toBe('yyyy-mm-dd hh:mm:ss');
    expect(cell(4).value).toBe(12);
    expect([cell(5).value, cell(5).numFmt]).toEqual(['000005', '@']);
    expect(cell(6).value).toBe('2027-02-05 前答复');
  });
});
