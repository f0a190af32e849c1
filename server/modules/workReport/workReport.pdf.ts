/**
 * PDF through LibreOffice headless, when the server has it: the .docx converted as an
 * office would print it. Optional — without `soffice` on the PATH the download says so and
 * the .docx stays the document. Conversions are kept for the few latest reports, since a
 * figure never changes and re-running LibreOffice takes seconds.
 */
import { convertFile } from '../../core/office/libreOffice.js';
import { AppError } from '../../core/errors.js';
import { WM } from './workReport.messages.js';

/** Converts `docx` to `format` ('pdf', 'txt') through LibreOffice; a 409 naming `format` when it cannot. */
export async function convertDocx(docx: Buffer, format: 'pdf' | 'txt'): Promise<Buffer> {
  const out = await convertFile(docx, 'docx', format, format === 'txt' ? 'Text (encoded):UTF8' : undefined);
  if (out.ok) return out.content;
  const message = WM[out.why === 'unavailable' ? 'workReport.noLibreOffice' : 'workReport.pdfFailed'];
  throw new AppError(409, 'unavailable', message, {}, [{ field: 'format', message }]);
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
