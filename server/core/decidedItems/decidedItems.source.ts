/**
 * For a practice whose own record measures an item's progress (a mediation agreement's
 * payments): the item follows that record rather than its owner's reports. The caller has
 * authorised the act that changed its record; this moves the source's open items in the
 * caller's transaction, with the usual events and audit.
 */
import { recordAudit } from '../audit/audit.js';
import type { WriteCall } from '../call.js';
import { recordEvent, transition } from '../workflow/index.js';
import { rollUp } from './decidedItems.create.js';
import { DECIDED_KIND } from './decidedItems.service.js';
import { dq } from './decidedItems.tables.js';

const OPEN = ['planned', 'inProgress', 'overdue'] as const;

export async function followSource(
  call: WriteCall,
  source: { kind: string; id: string },
  to: { progress: number; done: boolean; note: string },
): Promise<void> {
  const items = await dq(call.tx)
    .selectFrom('decided_items')
    .select(['id', 'status', 'progress', 'org_id', 'parent_id'])
    .where('source_kind', '=', source.kind)
    .where('source_id', '=', source.id)
    .where('status', 'in', [...OPEN])
    .execute();
  for (const item of items) {
    // Progress never goes back: a correction of the source is not a regression of the work.
    const progress = to.done ? 100 : Math.max(item.progress, Math.min(99, Math.floor(to.progress)));
    const data = { progress, note: to.note };
    if (to.done) {
      await transition(call, {
        kind: DECIDED_KIND,
        table: 'decided_items',
        id: item.id,
        from: OPEN,
        to: 'done',
        patch: { progress: 100, done_at: call.iso },
        event: 'done',
        data,
      });
    } else if (item.status === 'planned') {
      await transition(call, {
        kind: DECIDED_KIND,
        table: 'decided_items',
        id: item.id,
        from: ['planned'],
        to: 'inProgress',
        patch: { progress },
        event: 'progress',
        data,
      });
    } else {
      await dq(call.tx).updateTable('decided_items').set({ progress, updated_at: call.iso }).where('id', '=', item.id).execute();
      await recordEvent(call, { kind: DECIDED_KIND, id: item.id, event: 'progress', data });
    }
    await recordAudit(call.tx, call.ctx, {
      action: to.done ? 'decidedItem.done' : 'decidedItem.progress',
      entityType: 'decidedItem',
      entityId: item.id,
      orgId: item.org_id,
      changes: { progress: [item.progress, progress], source: source.kind },
    });
    await rollUp(call.tx, item.parent_id, call.iso);
  }
}

/**
 * The source's record was sent back (a proposal's answer rated 不满意): its done items are open
 * again, in progress; the due sweep marks them overdue if their date has passed.
 */
export async function reopenSource(call: WriteCall, source: { kind: string; id: string }, note: string): Promise<void> {
  const items = await dq(call.tx)
    .selectFrom('decided_items')
    .select(['id', 'org_id', 'parent_id'])
    .where('source_kind', '=', source.kind)
    .where('source_id', '=', source.id)
    .where('status', '=', 'done')
    .execute();
  for (const item of items) {
    await transition(call, {
      kind: DECIDED_KIND,
      table: 'decided_items',
      id: item.id,
      from: ['done'],
      to: 'inProgress',
      patch: { done_at: null },
      event: 'reopened',
      data: { note },
      audit: { action: 'decidedItem.reopen', entityType: 'decidedItem', entityId: item.id, orgId: item.org_id, changes: { source: source.kind } },
    });
    await rollUp(call.tx, item.parent_id, call.iso);
  }
}
