/**
 * `xq notices verify`: recomputes the whole history chain and the notices against it, prints
 * the head hash (to compare with the digest shown on the notices page) or the first broken
 * entry, and exits 1 when the chain does not hold.
 */
import type { Database } from '../../core/db/database.js';
import { verify } from './notices.service.js';

const REASONS = {
  missing: '缺少该序号的记录（被删除） / the entry is missing (deleted)',
  moved: '记录的位置与其内容不符（被移动或替换） / the entry is not where its content says (moved)',
  link: '与上一条记录的哈希不相连 / it does not link to the previous entry',
  hash: '内容与哈希不符（被修改） / its content does not match its hash (edited)',
  notice: '公开事项的现存内容与其最新记录不符 / the stored notice differs from its latest entry',
} as const;

export async function noticesCommand(database: Database, args: string[]): Promise<void> {
  if (args[0] !== 'verify') {
    console.error('用法 / usage: xq notices verify');
    process.exitCode = 2;
    return;
  }
  const started = Date.now();
  const r = await verify(database.db);
  if (r.ok) {
    console.log(`记录链完整 / chain intact: ${r.entries} 条 / entries, 链头 / head ${r.headHash} (${Date.now() - started} ms)`);
    return;
  }
  const b = r.broken!;
  console.error(`记录链被破坏 / chain broken at entry ${b.seq}${b.noticeId ? ` (公开事项 / notice ${b.noticeId})` : ''}: ${REASONS[b.reason]}`);
  process.exitCode = 1;
}
