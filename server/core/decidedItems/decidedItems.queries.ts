/**
 * The decided-item lists: the board's (chair, staff and owners; filters, page, sort), its
 * .xlsx export, and the public list workers see of items whose source is public.
 */
import type { FastifyReply } from 'fastify';
import type { Call } from '../call.js';
import { sendXlsx } from '../excel/export.js';
import { scopeOf } from '../rbac/actor.js';
import { pathUnder } from '../rbac/scope-sql.js';
import { DECIDED_ITEM_STATUS_LABELS, type DecidedItemStatus } from '../../../common/decidedItems.js';
import type { DecidedItemFilter } from '../../../common/schemas/decidedItems.js';
import { itemRows, onTime, rowsInOrder, summarise } from './decidedItems.repository.js';
import { visibleTo } from './decidedItems.policy.js';
import { boardPage, publicPage } from './decidedItems.board.js';
import type { DecidedItemSummary } from './decidedItems.types.js';
import type { Tx } from '../db/database.js';


function filtered(db: Tx, call: Call, f: DecidedItemFilter, orgPath: string | null) {
  let q = visibleTo(itemRows(db), call.actor);
  if (f.sourceKind) q = q.where('d.source_kind', '=', f.sourceKind);
  if (f.sourceId) q = q.where('d.source_id', '=', f.sourceId);
  if (f.ownerAccountId) q = q.where('d.owner_account_id', '=', f.ownerAccountId);
  if (f.status) q = q.where('d.status', '=', f.status);
  if (f.dueFrom) q = q.where('d.due_date', '>=', f.dueFrom);
  if (f.dueTo) q = q.where('d.due_date', '<=', f.dueTo);
  if (f.counted === '1') q = q.where('d.status', '!=', 'dropped');
  if (f.onTime === '1') q = q.where('d.status', '=', 'done').where(onTime);
  if (orgPath) q = q.where((eb) => pathUnder(eb, 'd.org_path', orgPath));
  if (f.mine === '1') q = q.where((eb) => eb.or([eb('d.owner_account_id', '=', call.actor.accountId), eb('d.id', 'in', eb.selectFrom('decided_item_co_owners').select('item_id').where('account_id', '=', call.actor.accountId))]));
  return q;
}

/** The path of the org filter; an unknown org filters everything out. */
async function orgPathOf(call: Call, f: DecidedItemFilter): Promise<string | null> {
  if (!f.orgId) return null;
  return (await call.db.selectFrom('orgs').select('path').where('id', '=', f.orgId).executeTakeFirst())?.path ?? '/none/';
}

export async function list(call: Call, f: DecidedItemFilter) {
  const page = await boardPage(call.db, { filter: f, orgPath: await orgPathOf(call, f), accountId: call.actor.accountId, scope: scopeOf(call.actor, 'decidedItems.read') });
  const rows = await rowsInOrder(call.db, page.ids);
  return { items: await summarise(call.db, rows), total: page.total, totalCapped: page.totalCapped, page: f.page, pageSize: f.pageSize };
}

const EXPORT_LIMIT = 50_000;

export async function exportXlsx(call: Call, f: DecidedItemFilter, reply: FastifyReply) {
  const rows = await summarise(call.db, await filtered(call.db, call, f, await orgPathOf(call, f)).orderBy('d.due_date').orderBy('d.id').limit(EXPORT_LIMIT).execute());
  return sendXlsx<DecidedItemSummary>(reply, '督办事项.xlsx', '督办事项', [
    { header: '事项', width: 40, value: (r) => r.title },
    { header: '来源', width: 30, value: (r) => r.source.label },
    { header: '责任人', width: 12, value: (r) => r.ownerName },
    { header: '完成期限', width: 12, value: (r) => r.dueDate },
    { header: '状态', width: 10, value: (r) => DECIDED_ITEM_STATUS_LABELS[r.status as DecidedItemStatus].zh },
    { header: '进度(%)', width: 8, value: (r) => r.progress },
    { header: '撤销原因', width: 30, value: (r) => r.dropReason },
  ], rows);
}

/**
 * Items whose source is public, decided for the org a worker belongs to or for an org above
 * it (a mine's joint meeting concerns every team of the mine).
 */
export async function publicList(call: Call, f: { page: number; pageSize: number; order: 'asc' | 'desc' }) {
  const scope = scopeOf(call.actor, 'decidedItems.readPublic');
  const over = scopeOf(call.actor, 'decidedItems.read');
  const ancestors = new Set<string>();
  for (const p of scope.paths) {
    const ids = p.split('/').filter(Boolean);
    for (let i = 1; i <= ids.length; i++) ancestors.add(`/${ids.slice(0, i).join('/')}/`);
  }
  if (!scope.all && !over.all && !ancestors.size && !over.paths.length) return { items: [], total: 0, totalCapped: false, page: f.page, pageSize: f.pageSize };
  const page = await publicPage(call.db, { all: scope.all || over.all, exact: [...ancestors], ranges: over.paths }, f);
  const rows = await rowsInOrder(call.db, page.ids);
  return {
    items: rows.map((r) => ({ id: r.id, title: r.title, status: r.status as DecidedItemStatus, progress: r.progress, dueDate: r.due_date, doneAt: r.done_at, sourceLabel: r.source_label, ownerName: r.owner_name })),
    total: page.total,
    totalCapped: page.totalCapped,
    page: f.page,
    pageSize: f.pageSize,
  };
}
