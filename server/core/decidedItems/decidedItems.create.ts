/**
 * Creating decided items, for the practices that decide them (meetings, congress, contracts,
 * suggestions). The caller has already authorised the act that decided the item (a chair
 * recording a meeting's decision, say); this checks what the item refers to and writes it in
 * the caller's transaction.
 */
import { recordAudit } from '../audit/audit.js';
import type { WriteCall } from '../call.js';
import type { Tx } from '../db/database.js';
import { invalid } from '../errors.js';
import { newId } from '../ids.js';
import { recordEvent } from '../workflow/index.js';
import { dq } from './decidedItems.tables.js';
import type { DecidedItemInput } from './decidedItems.types.js';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const validDate = (s: string) => DATE.test(s) && new Date(`${s}T00:00:00Z`).toISOString().slice(0, 10) === s;

async function activeAccounts(tx: Tx, ids: string[]): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const rows = await dq(tx).selectFrom('accounts').select('id').where('id', 'in', ids).where('disabled', '=', 0).execute();
  return new Set(rows.map((r) => r.id));
}

export async function createDecidedItem(call: WriteCall, input: DecidedItemInput): Promise<{ id: string }> {
  const tx = call.tx;
  const title = input.title.trim();
  if (!title) throw invalid('title', 'decidedItem.titleEmpty');
  if (!validDate(input.dueDate)) throw invalid('dueDate', 'decidedItem.dueDate');
  const weight = input.weight ?? 1;
  if (!Number.isInteger(weight) || weight < 1 || weight > 100) throw invalid('weight', 'decidedItem.weight');
  const org = await dq(tx).selectFrom('orgs').select(['id', 'path']).where('id', '=', input.orgId).executeTakeFirst();
  if (!org) throw invalid('orgId', 'decidedItem.orgUnknown');
  const coOwners = [...new Set(input.coOwnerAccountIds ?? [])].filter((a) => a !== input.ownerAccountId);
  const known = await activeAccounts(tx, [input.ownerAccountId, ...coOwners]);
  if (!known.has(input.ownerAccountId)) throw invalid('ownerAccountId', 'decidedItem.ownerUnknown');
  if (coOwners.some((a) => !known.has(a))) throw invalid('coOwnerAccountIds', 'decidedItem.coOwnerUnknown');
  if (input.parentId) {
    const parent = await dq(tx).selectFrom('decided_items').select(['id', 'status']).where('id', '=', input.parentId).executeTakeFirst();
    if (!parent) throw invalid('parentId', 'decidedItem.parentUnknown');
    if (parent.status === 'done' || parent.status === 'dropped') throw invalid('parentId', 'decidedItem.parentClosed');
  }

  const id = newId();
  await dq(tx)
    .insertInto('decided_items')
    .values({
      id,
      source_kind: input.source.kind,
      source_id: input.source.id,
      source_label: input.source.label,
      source_public: input.source.public ? 1 : 0,
      title,
      org_id: org.id,
      org_path: org.path,
      owner_account_id: input.ownerAccountId,
      due_date: input.dueDate,
      status: 'planned',
      progress: 0,
      drop_reason: null,
      done_at: null,
      parent_id: input.parentId ?? null,
      weight,
      created_by: call.actor.accountId,
      created_at: call.iso,
      updated_at: call.iso,
    })
    .execute();
  if (coOwners.length)
    await dq(tx)
      .insertInto('decided_item_co_owners')
      .values(coOwners.map((account_id) => ({ item_id: id, account_id })))
      .execute();
  // A new child starts at 0 %: the parent's rolled-up figure changes with it.
  if (input.parentId) await rollUp(tx, input.parentId, call.iso);
  await recordEvent(call, { kind: 'core.decidedItem', id, event: 'created', to: 'planned', data: { source: input.source.label, dueDate: input.dueDate } });
  await recordAudit(tx, call.ctx, {
    action: 'decidedItem.create',
    entityType: 'decidedItem',
    entityId: id,
    orgId: org.id,
    changes: { source: input.source, title, dueDate: input.dueDate, owner: input.ownerAccountId },
  });
  return { id };
}

/** A parent's progress is the weighted mean of its children's (dropped children left out); up the chain. */
export async function rollUp(tx: Tx, parentId: string | null, iso: string): Promise<void> {
  for (let id = parentId; id;) {
    const kids = await dq(tx).selectFrom('decided_items').select(['progress', 'weight']).where('parent_id', '=', id).where('status', '!=', 'dropped').execute();
    const total = kids.reduce((s, k) => s + k.weight, 0);
    const progress = total ? Math.floor(kids.reduce((s, k) => s + k.progress * k.weight, 0) / total) : 0;
    await dq(tx).updateTable('decided_items').set({ progress, updated_at: iso }).where('id', '=', id).execute();
    const up = await dq(tx).selectFrom('decided_items').select('parent_id').where('id', '=', id).executeTakeFirst();
    id = up?.parent_id ?? null;
  }
}
