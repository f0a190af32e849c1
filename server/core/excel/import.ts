/**
 * Reading uploaded sheets — .xlsx, .xls (Excel 97–2003, converted to .xlsx by LibreOffice
 * when the server has it: no library we keep reads the binary format), or .csv in UTF-8 or
 * GBK (what Excel and WPS save in China), with or without a byte-order mark — as the first
 * worksheet's cells, whatever
 * was stored in them (numbers, dates, rich text, formulas, hyperlinks). Cells stored as
 * numbers are reported as such: only the importer knows which columns a number would
 * spoil. Roster rules live with the importer.
 */
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { AppError } from '../errors.js';
import { convertFile } from '../office/libreOffice.js';

/** A cell the file stored as a number, with the format it is displayed in. */
export interface NumberCell {
  value: number;
  numFmt: string;
}

export interface SheetRow {
  /** Excel row number (1-based, as the user sees it). */
  row: number;
  cells: string[];
  /** By column index, the cells stored as numbers (a CSV has none: every cell is text). */
  numbers: (NumberCell | undefined)[];
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
    if ('richText' in value && Array.isArray(value.richText))
      return value.richText
        .map((r) => r.text)
        .join('')
        .trim();
    if ('result' in value) return cellText((value as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
    if ('text' in value) return cellText((value as ExcelJS.CellHyperlinkValue).text);
    if ('error' in value) return '';
  }
  return String(value).trim();
}

function numberOf(cell: ExcelJS.Cell): NumberCell | undefined {
  let v = cell.value;
  if (v && typeof v === 'object' && 'result' in v) v = (v as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue;
  return typeof v === 'number' ? { value: v, numFmt: cell.numFmt ?? 'General' } : undefined;
}

const fileFault = (key: string) => new AppError(422, 'invalid', key, {}, [{ field: 'body.file', message: key }]);

/** Excel, WPS and Windows tools in China save CSV in GBK unless told otherwise; anything else is UTF-8. */
export function decodeText(buffer: Buffer): string {
  if (buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf) return new TextDecoder('utf-8').decode(buffer.subarray(3));
  if (buffer[0] === 0xff && buffer[1] === 0xfe) return new TextDecoder('utf-16le').decode(buffer.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buffer);
  } catch {
    return new TextDecoder('gbk').decode(buffer);
  }
}

const isZip = (b: Buffer) => b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;
/** The OLE2 container of Excel 97–2003 (.xls) files. */
const isOle = (b: Buffer) => b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0;

async function loadWorksheet(buffer: Buffer, csv: boolean): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  if (isOle(buffer)) {
    // LibreOffice keeps each cell's type and number format, so a number typed where digits are an identifier is still refused.
    const xlsx = await convertFile(buffer, 'xls', 'xlsx');
    if (!xlsx.ok) throw fileFault(xlsx.why === 'unavailable' ? 'import.xlsUnsupported' : 'import.badFile');
    buffer = xlsx.content;
  }
  if (isZip(buffer)) {
    try {
      await wb.xlsx.load(buffer as any);
    } catch {
      throw fileFault('import.badFile');
    }
  } else if (!csv) {
    // Text is read as CSV only when it says it is one: an HTML page or an SVG is not a roster.
    throw fileFault('import.badFile');
  } else {
    const text = decodeText(buffer);
    // A binary file that is neither a workbook nor text.
    if (text.includes('\u0000')) throw fileFault('import.badFile');
    // Every CSV cell stays the text it is: the library would otherwise turn 000005 into 5.
    await wb.csv.read(Readable.from([text]), { map: (v: string) => v } as any).catch(() => {
      throw fileFault('import.badFile');
    });
  }
  const ws = wb.worksheets[0];
  if (!ws) throw fileFault('import.badFile');
  return ws;
}

/**
 * The first worksheet; a file that is not a readable workbook or CSV is the user's fault (422).
 * `opts.csv`: the upload is named .csv, so text is read as comma-separated values.
 */
export async function readFirstSheet(buffer: Buffer, maxRows = Infinity, opts: { csv?: boolean } = {}): Promise<Sheet> {
  const ws = await loadWorksheet(buffer, opts.csv ?? false);
  const width = ws.columnCount;
  const rows: SheetRow[] = [];
  let tooMany = false;
  ws.eachRow({ includeEmpty: false }, (row, n) => {
    const cells: string[] = [];
    const numbers: (NumberCell | undefined)[] = [];
    for (let c = 1; c <= width; c++) {
      const cell = row.getCell(c);
      cells.push(cellText(cell.value));
      numbers.push(numberOf(cell));
    }
    if (cells.every((c) => c === '')) return;
    if (rows.length >= maxRows) tooMany = true;
    else rows.push({ row: n, cells, numbers });
  });
  if (tooMany)
    throw new AppError(422, 'invalid', 'import.tooManyRows', { max: maxRows }, [
      { field: 'body.file', message: 'import.tooManyRows', params: { max: maxRows } },
    ]);
  return { rows };
}
