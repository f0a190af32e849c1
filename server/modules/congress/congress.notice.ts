/**
 * 公布 made public as a transparent notice (厂务公开) to the congress's organisation, in the same
 * transaction: every proposal of the session published so far, with how it was handled, so the
 * notices' hash chain records what the congress made known and when.
 */
import { PROPOSAL_STATUS_LABELS, type ProposalStatus } from '../../../common/congress.js';
import type { WriteCall } from '../../core/call.js';
import { publishNotice } from '../notices/index.js';
import { cdb } from './congress.tables.js';

export async function publishResultsNotice(call: WriteCall, session: { id: string; name: string }, orgId: string): Promise<{ id: string }> {
  const rows = await cdb(call.tx)
    .selectFrom('congress_proposals')
    .select(['number', 'title', 'status', 'answer'])
    .where('session_id', '=', session.id)
    .where('published_at', 'is not', null)
    .orderBy('number')
    .orderBy('submitted_at')
    .execute();
  const lines = rows.map((p) => {
    const head = `${p.number !== null ? `第${p.number}号 ` : ''}${p.title}：${PROPOSAL_STATUS_LABELS[p.status as ProposalStatus]?.zh ?? p.status}`;
    return p.answer ? `${head}。答复：${p.answer}` : `${head}。`;
  });
  return publishNotice(call, {
    orgId,
    title: `${session.name}提案处理结果公布`,
    body: `${session.name}共公布提案 ${rows.length} 件，处理结果如下：\n\n${lines.join('\n')}`.slice(0, 20_000),
    kind: 'adHoc',
    source: { kind: 'congress.session', id: session.id, label: session.name.slice(0, 120) },
  });
}
