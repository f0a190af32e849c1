/**
 * Any list to .xlsx or .csv. Columns name their header (Chinese) and how to read a row; the
 * caller has already masked what the role may not see. Every exported file is built here,
 * so the one defence against formula injection (neutralise) covers them all, in both formats.
 */
import { PassThrough, Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { FastifyReply } from 'fastify';
import { forbidden } from '../errors.js';

export interface Column<T> {
  header: string;
  width?: number;
  /** 'text': identifiers (工号, phone, identity number) stay text when the sheet is edited. */
  type?: 'text';
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

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?Z$/;
/** What callers already wrote as Beijing wall-clock time: 2026-12-06 09:30(:15). */
const WALL_CLOCK = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2})(:\d{2})?$/;
const SHANGHAI_MS = 8 * 3_600_000;

/**
 * Dates become date cells people can sort and filter: a calendar date as it is, an instant
 * at its Beijing wall-clock time (a spreadsheet date has no time zone).
 */
function typedCell(value: string | number | boolean | null | undefined, type: Column<unknown>['type']): { value: ExcelJS.CellValue; numFmt?: string } {
  if (typeof value !== 'string' || type === 'text') return { value: neutralise(value) };
  if (DATE_ONLY.test(value)) return { value: new Date(value + 'T00:00:00Z'), numFmt: 'yyyy-mm-dd' };
  if (INSTANT.test(value)) return { value: new Date(Date.parse(value) + SHANGHAI_MS), numFmt: 'yyyy-mm-dd hh:mm' };
  const wall = WALL_CLOCK.exec(value);
  if (wall) return { value: new Date(`${wall[1]}T${wall[2]}${wall[3] ?? ':00'}Z`), numFmt: wall[3] ? 'yyyy-mm-dd hh:mm:ss' : 'yyyy-mm-dd hh:mm' };
  return { value: neutralise(value) };
}

export async function toXlsx<T>(sheetName: string, columns: Column<T>[], rows: Iterable<T>): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '心桥 Xinqiao';
  const ws = wb.addWorksheet(sheetName.slice(0, 31));
  ws.columns = columns.map((c) => ({
    header: c.header,
    width: c.width ?? Math.max(10, c.header.length * 2 + 4),
    style: c.type === 'text' ? { numFmt: '@' } : {},
  }));
  ws.getRow(1).font = { bold: true };
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  for (const row of rows) {
    const cells = columns.map((c) => typedCell(c.value(row), c.type));
    const added = ws.addRow(cells.map((c) => c.value));
    cells.forEach((c, i) => {
      if (c.numFmt) added.getCell(i + 1).numFmt = c.numFmt;
    });
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const CONTENT_TYPES = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
} as const;

function headersOf(reply: FastifyReply, fileName: string, format: keyof typeof CONTENT_TYPES = 'xlsx') {
  // RFC 5987 filename* so Chinese file names survive every browser; the plain filename is the fallback.
  const encoded = encodeURIComponent(fileName);
  return reply
    .header('content-type', CONTENT_TYPES[format])
    .header('content-disposition', `attachment; filename="export.${format}"; filename*=UTF-8''${encoded}`);
}

/**
 * A large list to .xlsx as it is read: `batches` yields rows a batch at a time (a list read
 * by cursor), each batch is written and let go, and the file goes out as it is zipped, so
 * memory stays flat however many rows there are. The first batch is read before anything
 * is sent: a failure there is still an ordinary problem+json answer.
 */
export async function streamXlsx<T>(reply: FastifyReply, fileName: string, sheetName: string, columns: Column<T>[], batches: AsyncIterable<T[]>) {
  const it = batches[Symbol.asyncIterator]();
  const first = await it.next();
  const out = new PassThrough();
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  wb.creator = '心桥 Xinqiao';
  const ws = wb.addWorksheet(sheetName.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = columns.map((c) => ({
    header: c.header,
    width: c.width ?? Math.max(10, c.header.length * 2 + 4),
    style: c.type === 'text' ? { numFmt: '@' } : {},
  }));
  ws.getRow(1).font = { bold: true };
  const write = (rows: T[]) => {
    for (const row of rows) {
      const cells = columns.map((c) => typedCell(c.value(row), c.type));
      const added = ws.addRow(cells.map((c) => c.value));
      cells.forEach((c, i) => {
        if (c.numFmt) added.getCell(i + 1).numFmt = c.numFmt;
      });
      added.commit();
    }
  };
  // A slow download: the next batch is read only once the client has taken what is buffered,
  // so the zipped output does not pile up either; a closed download stops the reading.
  const taken = () =>
    new Promise<void>((resolve) => {
      const done = () => {
        out.off('drain', done);
        out.off('close', done);
        resolve();
      };
      out.on('drain', done);
      out.on('close', done);
    });
  void (async () => {
    if (!first.done) write(first.value);
    for (let next = await it.next(); !next.done; next = await it.next()) {
      // Compression runs off the main thread: without a turn of the event loop between batches
      // nothing reaches `out`, so it never asks to wait and every batch piles up unzipped.
      await new Promise((resolve) => setImmediate(resolve));
      while (out.writableNeedDrain && !out.destroyed) await taken();
      if (out.destroyed) return void (await it.return?.());
      write(next.value);
    }
    ws.commit();
    await wb.commit();
  })().catch((err: unknown) => out.destroy(err as Error));
  return headersOf(reply, fileName).send(out);
}

/** A rate (0–1) as a percentage cell with one decimal, blank where there was nothing to count. */
export const percentCell = (r: number | null): number | '' => (r === null ? '' : Math.round(r * 1000) / 10);

/** The formats a list exports to: the same columns and masking in each. */
export type ExportFormat = 'xlsx' | 'csv';

/**
 * An export as data (issue #12): what a module's `<m>.queries.ts` returns and `sendXlsx(reply, list, format)` sends.
 * The module says what the file is — its name, sheet, Chinese column headers with the row mapper (masking already
 * applied), the rows — and who may have it; core writes .xlsx or .csv, streams, sets the download headers and refuses.
 * 导出即数据：模块的 queries 返回声明，由核心写出文件、设置下载头，并拒绝“什么都看不到”的导出。
 */
export interface ListExport<T> {
  /** Without the extension: the format's is added. */
  fileName: string;
  sheet: string;
  columns: Column<T>[];
  /** The rows already read, or batches read by cursor for a list that can be large (memory stays one batch). */
  rows: Iterable<T> | AsyncIterable<T[]>;
  /**
   * Whether the caller may read any record of this list at all (a non-empty scope). A file of nothing reads as a file,
   * not as a refusal — a header-only CSV once passed the authorization matrix — so false is a 403 before anything is
   * read. Required, so no module can forget it; a filter that matches nothing for a caller who may read the list is
   * still an (empty) file.
   */
  readsAny: boolean;
  /** More rows matched than the export takes: the answer says `x-truncated: true`. */
  truncated?: boolean;
}

function isBatches<T>(rows: Iterable<T> | AsyncIterable<T[]>): rows is AsyncIterable<T[]> {
  return Symbol.asyncIterator in rows;
}

/** The one way an export goes out: refused (403) when the caller may read none of the list, else .xlsx or .csv. */
export async function sendXlsx<T>(reply: FastifyReply, list: ListExport<T>, format: ExportFormat = 'xlsx'): Promise<FastifyReply> {
  if (!list.readsAny) throw forbidden();
  if (list.truncated) reply.header('x-truncated', 'true');
  const batches = isBatches(list.rows) ? list.rows : once(list.rows);
  return format === 'csv'
    ? streamCsv(reply, `${list.fileName}.csv`, list.columns, batches)
    : streamXlsx(reply, `${list.fileName}.xlsx`, list.sheet, list.columns, batches);
}

/**
 * One CSV field (RFC 4180): the formula guard as in the sheet, an instant at its Beijing
 * wall-clock time (a CSV cell has no time zone either), quoted when it holds a comma, a quote
 * or a line break.
 */
function csvField(value: string | number | boolean | null | undefined, type: Column<unknown>['type']): string {
  const safe = neutralise(value);
  const text =
    typeof safe === 'string' && type !== 'text' && INSTANT.test(safe)
      ? new Date(Date.parse(safe) + SHANGHAI_MS).toISOString().slice(0, 16).replace('T', ' ')
      : String(safe);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const csvLine = (fields: string[]) => `${fields.join(',')}\r\n`;

/**
 * A list to .csv as it is read, batch by batch like streamXlsx. UTF-8 with a byte-order mark:
 * without it Excel reads the Chinese as another code page. The stream is pulled, so a slow
 * download reads no further ahead than it has taken, and a dropped one stops the reading.
 * The first batch is read before anything is sent: a failure there is still problem+json.
 */
export async function streamCsv<T>(reply: FastifyReply, fileName: string, columns: Column<T>[], batches: AsyncIterable<T[]>) {
  const it = batches[Symbol.asyncIterator]();
  const first = await it.next();
  async function* lines() {
    try {
      yield Buffer.from('\uFEFF' + csvLine(columns.map((c) => csvField(c.header, 'text'))), 'utf8');
      for (let next = first; !next.done; next = await it.next()) {
        yield Buffer.from(next.value.map((row) => csvLine(columns.map((c) => csvField(c.value(row), c.type)))).join(''), 'utf8');
      }
    } finally {
      await it.return?.();
    }
  }
  return headersOf(reply, fileName, 'csv').send(Readable.from(lines(), { objectMode: false }));
}

async function* once<T>(rows: Iterable<T>): AsyncIterable<T[]> {
  yield [...rows];
}
