/**
 * `xq import people <file.xlsx> --org <orgId>`: the same check as the upload preview; prints
 * every fault (row, column, reason) and writes only a file without faults.
 */
import fs from 'node:fs';
import path from 'node:path';
import { systemContext } from '../core/context.js';
import type { Database } from '../core/db/database.js';
import { findOrg } from '../core/org/org.repository.js';
import { analyse, renderFaults, writeRoster } from '../core/imports/imports.service.js';
import { flag } from './args.js';

const USAGE = '用法 / usage: import people <file.xlsx> --org <orgId>';

export async function importCommand(database: Database, args: string[], out: (line: string) => void = console.log) {
  const [what, file] = args;
  const orgId = flag(args, 'org');
  if (what !== 'people' || !file || file.startsWith('--') || !orgId) throw new Error(USAGE);
  if (!fs.existsSync(file)) throw new Error(`找不到文件 / no such file: ${file}`);
  const db = database.db;
  const org = await findOrg(db, orgId);
  if (!org) throw new Error(`找不到组织 / no such org: ${orgId}`);
  const analysis = await analyse(db, org, fs.readFileSync(file), file);
  const faults = renderFaults(analysis.faults, 'zh-CN');
  if (faults.length) {
    out(`发现 ${faults.length} 处错误，未写入任何数据 / ${faults.length} faults, nothing written:`);
    out(['行', '列', '原因'].join('\t'));
    for (const f of faults) out([f.row, f.column, f.message].join('\t'));
    process.exitCode = 1;
    return;
  }
  const written = await db.transaction().execute((tx) => writeRoster(tx, systemContext(), org, analysis.rows, { fileName: path.basename(file) }));
  out(`已导入 ${written} 人到「${org.name}」/ imported ${written} people into ${org.name}`);
}
