/**
 * The yearly performance inspection (履约检查): every clause of the contract with the finding
 * at its last checkpoint, the evidence count and the appeals citing it — the report the chief
 * negotiators give to the congress, as data and as a printable page.
 */
import { CHECKPOINT_STATUS_LABELS, CHECKPOINT_STATUSES, CLAUSE_CATEGORY_LABELS, type CheckpointStatus } from '../../../common/contracts.js';
import type { Call } from '../../core/call.js';
import { shanghaiDate } from '../../core/calendar/calendar.js';
import { CHECKPOINT_FILE_KIND, clauseStates, healthOf } from './contracts.monitor.js';
import { assertOverseer } from './contracts.policy.js';
import { loadContract } from './contracts.service.js';
import { cq } from './contracts.tables.js';

export async function inspection(call: Call, id: string) {
  const { c, rel } = await loadContract(call, call.db, id);
  assertOverseer(rel);
  const asOf = shanghaiDate(call.now);
  const states = await clauseStates(call.db, c, asOf);
  const evidence = await cq(call.db)
    .selectFrom('contract_checkpoints as cp')
    .innerJoin('files as f', (j) => j.onRef('f.owner_id', '=', 'cp.id').on('f.owner_kind', '=', CHECKPOINT_FILE_KIND))
    .select((eb) => ['cp.clause_id', eb.fn.countAll<number>().as('n')])
    .where('cp.contract_id', '=', id)
    .groupBy('cp.clause_id')
    .execute();
  const evidenceBy = new Map(evidence.map((e) => [e.clause_id, Number(e.n)]));
  const counts = Object.fromEntries(CHECKPOINT_STATUSES.map((s) => [s, 0])) as Record<CheckpointStatus, number>;
  const promises = states.filter((s) => s.promise);
  for (const s of promises) counts[s.lastCheck?.status ?? 'notDue']++;
  return {
    contractId: c.id,
    title: c.title,
    asOf,
    health: healthOf(states),
    counts,
    clauses: promises.map((s) => ({
      number: s.number,
      chapter: s.chapter,
      category: s.category,
      text: s.text,
      ownerOrgName: s.ownerOrgName,
      status: s.lastCheck?.status ?? null,
      finding: s.lastCheck?.finding ?? null,
      evidence: evidenceBy.get(s.id) ?? 0,
      citations: s.citations,
      atRisk: s.atRisk,
    })),
  };
}

const esc = (s: string | null | undefined) => (s ?? '').replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
const pct = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(1)}%`);

export function renderInspection(r: Awaited<ReturnType<typeof inspection>>): string {
  const rows = r.clauses
    .map(
      (c) =>
        `<tr><td>第${c.number}条</td><td>${esc(CLAUSE_CATEGORY_LABELS[c.category].zh)}</td><td>${esc(c.text)}</td><td>${esc(c.ownerOrgName)}</td><td>${c.status ? esc(CHECKPOINT_STATUS_LABELS[c.status].zh) : '未检查'}</td><td>${esc(c.finding)}</td><td>${c.evidence}</td><td>${c.citations}${c.atRisk ? '（风险）' : ''}</td></tr>`,
    )
    .join('\n');
  const counts = CHECKPOINT_STATUSES.map((s) => `${CHECKPOINT_STATUS_LABELS[s].zh} ${r.counts[s]}`).join('，');
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(r.title)} 履约检查报告</title>
<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse;width:100%}td,th{border:1px solid #999;padding:4px;vertical-align:top}th{background:#eee}</style></head>
<body><h1>${esc(r.title)} 履约检查报告</h1><p>检查日期：${esc(r.asOf)}。承诺性条款 ${r.clauses.length} 条：${esc(counts)}。合同履约率（末次检查已履行 ÷ 已检查）：${r.health.numerator}/${r.health.denominator} = ${pct(r.health.value)}。</p>
<table><thead><tr><th>条款</th><th>类别</th><th>内容</th><th>责任部门</th><th>履约情况</th><th>检查发现</th><th>佐证材料</th><th>关联诉求</th></tr></thead><tbody>
${rows}
</tbody></table></body></html>`;
}
