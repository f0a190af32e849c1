/**
 * Reading .xlsx uploads: the first worksheet as text cells, whatever Excel stored in them
 * (numbers, dates, rich text, formulas, hyperlinks). Roster rules live with the importer.
 */
import ExcelJS from 'exceljs';
import { AppError } from '../errors.js';

export interface SheetRow {
  /** Excel row number (1-based, as the user sees it). */
  row: number;
  cells: string[];
}

export interface Sheet {
  /** Every non-empty row, header rows included: where the header is, is the caller's rule. */
  rows: SheetRow[];
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The text a person sees in the cell. */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number') return Number.isInteger(value) ? value.toFixed(0) : String(value);
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (value instanceof Date) return `${value.getUTCFullYear()}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())}`;
  if (typeof value === 'object') {
    if ('richText' in value && Array.isArray(value.richText)) return value.richText.map((r) => r.text).join('').trim();
    if ('result' in value) return cellText((value as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
    if ('text' in value) return cellText((value as ExcelJS.CellHyperlinkValue).text);
    if ('error' in value) return '';
  }
  return String(value).trim();
}

/** The first worksheet; a file that is not a readable workbook is the user's fault (422). */
export async function readFirstSheet(buffer: Buffer, maxRows = Infinity): Promise<Sheet> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buffer as any);
  } catch {
    throw new AppError(422, 'invalid', 'import.badFile', {}, [{ field: 'body.file', message: 'import.badFile' }]);
  }
  const ws = wb.worksheets[0];
  if (!ws) throw new AppError(422, 'invalid', 'import.badFile', {}, [{ field: 'body.file', message: 'import.badFile' }]);
  const width = ws.columnCount;
  const rows: SheetRow[] = [];
  let tooMany = false;
  ws.eachRow({ includeEmpty: false }, (row, n) => {
    const cells: string[] = [];
    for (let c = 1; c <= width; c++) cells.push(cellText(row.getCell(c).value));
    if (cells.every((c) => c === '')) return;
    if (rows.length >= maxRows) tooMany = true;
    else rows.push({ row: n, cells });
  });
  if (tooMany) throw new AppError(422, 'invalid', 'import.tooManyRows', { max: maxRows }, [{ field: 'body.file', message: 'import.tooManyRows', params: { max: maxRows } }]);
  return { rows };
}
