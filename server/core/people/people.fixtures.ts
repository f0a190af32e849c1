/**
 * Test helpers for people and imports: valid identity numbers, rosters as .xlsx, and
 * multipart bodies for the upload route.
 */
import ExcelJS from 'exceljs';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

/** A checksum-valid identity number; `seq` (0–999) varies the order code. */
export function idNumber(birth = '19850312', seq = 1, region = '110105'): string {
  const body = `${region}${birth}${String(seq % 1000).padStart(3, '0')}`;
  const sum = WEIGHTS.reduce((s, w, i) => s + w * Number(body[i]), 0);
  return body + '10X98765432'[sum % 11];
}

export const ROSTER_HEADERS = ['姓名', '工号', '人员类别', '用工身份', '岗位', '工会会员', '手机号', '身份证号', '性别', '所属组织'];

/** A roster workbook: the header row, then one array per row (null = empty cell). */
export async function rosterXlsx(rows: (string | number | null)[][], headers = ROSTER_HEADERS): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('花名册');
  ws.addRow(headers);
  for (const r of rows) ws.addRow(r.map((v) => (v === null ? undefined : v)));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A date cell as its format shows it (exports write dates as date cells, not text). */
/** A date cell as its number format shows it (exported times are Beijing wall-clock). */
export function shownDate(d: Date, numFmt: string | undefined): string {
  const iso = d.toISOString();
  if (numFmt === 'yyyy-mm-dd') return iso.slice(0, 10);
  if (numFmt === 'yyyy-mm-dd hh:mm') return iso.slice(0, 16).replace('T', ' ');
  return iso.slice(0, 19).replace('T', ' ');
}

/** Reads the first sheet back as arrays of cell text, header row first; date cells as their format shows them. */
export async function readXlsx(buf: Buffer | string): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(typeof buf === 'string' ? Buffer.from(buf, 'binary') : (buf as any));
  const ws = wb.worksheets[0];
  const out: string[][] = [];
  // columnCount walks every row: read it once, not per row.
  const width = ws.columnCount;
  ws.eachRow((row) => {
    const cells: string[] = [];
    for (let c = 1; c <= width; c++) {
      const cell = row.getCell(c);
      const v = cell.value;
      cells.push(v === null || v === undefined ? '' : v instanceof Date ? shownDate(v, cell.numFmt) : String(v));
    }
    out.push(cells);
  });
  return out;
}

/** multipart/form-data with text fields and one file, as a browser would send it. */
export function multipart(fields: Record<string, string>, file?: { name: string; content: Buffer; field?: string }) {
  const boundary = '----xq' + Math.random().toString(36).slice(2);
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  }
  if (file) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${file.field ?? 'file'}"; filename="${file.name}"\r\n` +
          'Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n',
      ),
      file.content,
      Buffer.from('\r\n'),
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
