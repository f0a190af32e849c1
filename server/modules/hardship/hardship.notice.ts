/**
 * The 公示 of an approved application made as a transparent notice (厂务公开) to the union's whole
 * organisation, in the approving transaction: the notices' hash chain then records what the union
 * made public and when, as it does for awards, congress results and the collective contract. It says
 * no more than the hardship publicity list already shows the same readers — the masked name (王*),
 * the unit, the tier and the period — and an objection upheld withdraws it (a withdrawal entry in the
 * chain, so what was said and that it was taken back both stay).
 */
import { TIER_LABELS, maskName, type Tier } from '../../../common/hardship.js';
import type { WriteCall } from '../../core/call.js';
import { ancestorIds } from '../../core/org/lookups.js';
import { publishNotice, withdrawNoticesOf } from '../notices/index.js';
import { KIND } from './hardship.load.js';

export async function publishPublicityNotice(
  call: WriteCall,
  file: { id: string; org_path: string; tier: string | null; worker_name: string; org_name: string },
  period: { from: string; to: string },
): Promise<{ id: string }> {
  const masked = maskName(file.worker_name);
  const tier = file.tier ? TIER_LABELS[file.tier as Tier].zh : '困难';
  return publishNotice(call, {
    // The union's top organisation: the readers of the hardship publicity list (a worker sees their own group's).
    orgId: ancestorIds(file.org_path)[0],
    title: `困难职工帮扶对象公示（${file.org_name} ${masked}）`.slice(0, 120),
    body:
      `经本人申请、两名工会工作人员入户核实和工会审核，拟将${file.org_name}职工${masked}家庭认定为${tier}职工家庭，纳入困难职工帮扶。\n\n` +
      `公示期：${period.from}至${period.to}。对公示对象有异议的，请在公示期内通过“困难帮扶 › 公示”页面提出（可匿名），工会将逐条核实并答复。`,
    kind: 'adHoc',
    source: { kind: KIND, id: file.id, label: `困难帮扶公示 · ${masked}` },
  });
}

/** An objection upheld ends the application: its 公示 is withdrawn with the reason. */
export async function withdrawPublicityNotice(call: WriteCall, fileId: string, reason: string): Promise<string[]> {
  return withdrawNoticesOf(call, { kind: KIND, id: fileId }, `经核实异议成立，撤销公示：${reason}`.slice(0, 500));
}
