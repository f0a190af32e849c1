/**
 * LibreOffice headless, when the server has it: reads the office files no library we keep
 * can (Excel 97–2003 .xls, a binary OLE2 format) by converting them to a format one can.
 * Optional — without `soffice` on the PATH the caller says what to do instead.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The `soffice` on the PATH, or null; read at each call, so installing LibreOffice needs no restart. */
export function sofficePath(): string | null {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
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

export type Converted = { ok: true; content: Buffer } | { ok: false; why: 'unavailable' | 'failed' };

/**
 * Converts `content` (a file with extension `from`) to extension `to` in a private temporary
 * directory with its own LibreOffice profile, so conversions may run side by side. `filter`
 * names LibreOffice's output filter where the extension alone is ambiguous (text: its encoding).
 */
export async function convertFile(content: Buffer, from: string, to: string, filter?: string): Promise<Converted> {
  const soffice = sofficePath();
  if (!soffice) return { ok: false, why: 'unavailable' };
  const dir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'xq-office-'));
  try {
    const input = path.join(dir, `input.${from}`);
    await fs.promises.writeFile(input, content);
    await run(soffice, [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', filter ? `${to}:${filter}` : to, '--outdir', dir, input], {
      timeout: 120_000,
    });
    return { ok: true, content: await fs.promises.readFile(path.join(dir, `input.${to}`)) };
  } catch {
    // LibreOffice leaves no output for a file it cannot read.
    return { ok: false, why: 'failed' };
  } finally {
    await fs.promises.rm(dir, { recursive: true, force: true });
  }
}
