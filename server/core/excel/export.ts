/**
 * Any list to .xlsx. Columns name their header (Chinese) and how to read a row; the
 * caller has already masked what the role may not see. Every exported file is built here,
 * so the one defence against formula injection (neutralise) covers them all.
 */
import ExcelJS from 'exceljs';
import type { FastifyReply } from 'fastify';

export interface Column<T> {
  header: string;
  width?: number;
  value(row: T): string | number | boolean | null | undefined;
}

/** What a spreadsheet reads as the start of a formula (OWASP CSV injection): = + - @, and tab or CR before one. */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A text cell that a spreadsheet would run as a formula once the file is re-saved as CSV and
 * opened again gets a leading apostrophe, so it is shown as the text that was typed. Real
 * numbers, booleans and empty cells pass unchanged: a negative amount stays a number.
 */
export function neutralise(value: string | number | boolean | null | undefined): string | number | boolean {
  if (value === null || value === undefined) return '';
  if (typeof value !== 'string') return value;
  return FORMULA_START.test(value) ? `'${value}` : value;
}

export async function toXlsx<T>(sheetName: string, columns: Column<T>[], rows: Iterable<T>): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '心桥 Xinqiao';
  const ws = wb.addWorksheet(sheetName.slice(0, 31));
  ws.columns = columns.map((c) => ({ header: c.header, width: c.width ?? Math.max(10, c.header.length * 2 + 4) }));
  ws.getRow(1).font = { bold: true };
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  for (const row of rows) ws.addRow(columns.map((c) => neutralise(c.value(row))));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export async function sendXlsx<T>(reply: FastifyReply, fileName: string, sheetName: string, columns: Column<T>[], rows: Iterable<T>) {
  const buf = await toXlsx(sheetName, columns, rows);
  // RFC 5987 filename* so Chinese file names survive every browser.
  const encoded = encodeURIComponent(fileName);
  return reply
    .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    .header('content-disposition', `attachment; filename="export.xlsx"; filename*=UTF-8''${encoded}`)
    .send(buf);
}
