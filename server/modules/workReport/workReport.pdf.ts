/**
 * PDF through LibreOffice headless, when the server has it: the .docx converted as an
 * office would print it. Optional — without `soffice` on the PATH the download says so and
 * the .docx stays the document. Conversions are kept for the few latest reports, since a
 * figure never changes and re-running LibreOffice takes seconds.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { AppError } from '../../core/errors.js';
import { WM } from './workReport.messages.js';

const run = promisify(execFile);

export function libreOfficePath(): string | null {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    const p = path.join(dir, 'soffice');
    try {
      fs.accessSync(p, fs.constants.X_OK);
      return p;
    } catch {
      /* not in this directory */
    }
  }
  return null;
}

/** Converts `docx` to `format` ('pdf', 'txt') in a private temporary directory with its own LibreOffice profile. */
export async function convertDocx(docx: Buffer, format: 'pdf' | 'txt'): Promise<Buffer> {
  const soffice = libreOfficePath();
  if (!soffice) throw new AppError(409, 'unavailable', WM['workReport.noLibreOffice'], {}, [{ field: 'format', message: WM['workReport.noLibreOffice'] }]);
  const dir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'xq-report-'));
  try {
    await fs.promises.writeFile(path.join(dir, 'report.docx'), docx);
    const target = format === 'txt' ? 'txt:Text (encoded):UTF8' : 'pdf';
    try {
      await run(
        soffice,
        [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', target, '--outdir', dir, path.join(dir, 'report.docx')],
        { timeout: 120_000 },
      );
      return await fs.promises.readFile(path.join(dir, `report.${format}`));
    } catch {
      throw new AppError(409, 'unavailable', WM['workReport.pdfFailed'], {}, [{ field: 'format', message: WM['workReport.pdfFailed'] }]);
    }
  } finally {
    await fs.promises.rm(dir, { recursive: true, force: true });
  }
}

const cache = new Map<string, Buffer>();

/** The PDF of a report's version, converted once per content key. */
export async function reportPdf(key: string, docx: () => Promise<Buffer>): Promise<Buffer> {
  const hit = cache.get(key);
  if (hit) return hit;
  const pdf = await convertDocx(await docx(), 'pdf');
  cache.set(key, pdf);
  while (cache.size > 8) cache.delete(cache.keys().next().value!);
  return pdf;
}
