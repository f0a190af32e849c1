/**
 * An adopted proposal becomes a decided item (督办事项) of core, owned by a handler of the
 * department it was assigned to; the one place the congress calls core/decidedItems.
 */
import type { WriteCall } from '../../core/call.js';
import { createDecidedItem } from '../../core/decidedItems/index.js';

export async function decideProposal(call: WriteCall, p: { id: string; number: number | null; title: string; sessionName: string; departmentId: string; ownerAccountId: string; dueDate: string }) {
  return createDecidedItem(call, {
    source: { kind: 'congress.proposal', id: p.id, label: `${p.sessionName} · 第${p.number}号提案`, public: true },
    title: p.title,
    orgId: p.departmentId,
    ownerAccountId: p.ownerAccountId,
    dueDate: p.dueDate,
  });
}
