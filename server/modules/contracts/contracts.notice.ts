/**
 * The contract's publication to all workers made as a transparent notice (厂务公开) to the
 * contract's org, in the same transaction as the publication: the notices' hash chain records
 * what text the workers were given and when, and each worker's read receipt is counted there.
 */
import { CONTRACT_KIND_LABELS, type ContractKind } from '../../../common/contracts.js';
import type { WriteCall } from '../../core/call.js';
import { publishNotice } from '../notices/index.js';
import { cq, type ContractTable } from './contracts.tables.js';

export async function publishContractNotice(call: WriteCall, c: ContractTable, startsOn: string, endsOn: string): Promise<{ id: string }> {
  const clauses = await cq(call.tx)
    .selectFrom('contract_clauses')
    .select(['chapter', 'number', 'text'])
    .where('contract_id', '=', c.id)
    .where('version', '=', c.current_version)
    .orderBy('number')
    .execute();
  const lines: string[] = [];
  let chapter = '';
  for (const cl of clauses) {
    if (cl.chapter !== chapter) lines.push(`\n${(chapter = cl.chapter)}`);
    lines.push(`第${cl.number}条 ${cl.text}`);
  }
  const head = `${c.title}经职工代表大会（或全体职工）审议通过、双方首席代表签字，并报送劳动行政部门审查生效，现向全体职工公布。合同期限：${startsOn}至${endsOn}。`;
  return publishNotice(call, {
    orgId: c.org_id,
    title: `关于公布《${c.title}》的通知`.slice(0, 120),
    // The notice keeps the text whole up to its size limit; the published page keeps it whole always.
    body: `${head}\n${lines.join('\n')}`.slice(0, 20_000),
    kind: 'standing',
    source: { kind: 'contracts.contract', id: c.id, label: `${CONTRACT_KIND_LABELS[c.kind as ContractKind].zh} · ${c.title}`.slice(0, 120) },
  });
}
