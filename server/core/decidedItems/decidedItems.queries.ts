/**
 * The decided-item lists: the board's (chair, staff and owners; filters, page, sort), its
 * .xlsx export, and the public list workers see of items whose source is public.
 */
import type { Call } from '../call.js';
import type { Column, ListExport } from '../excel/export.js';
import { scopeOf } from '../rbac/actor.js';
import { DECIDED_ITEM_STATUS_LABELS, type DecidedItemStatus } from '../../../common/decidedItems.js';
import type { DecidedItemFilter } from '../../../common/schemas/decidedItems.js';
import { rowsInOrder, summarise } from './decidedItems.repository.js';
import { boardPage, publicPage, type BoardSpec } from './decidedItems.board.js';
import type { DecidedItemSummary } from './decidedItems.types.js';

/** The path of the org filter; an unknown org filters everything out. */
async function orgPathOf(call: Call, f: DecidedItemFilter): Promise<string | null> {
  if (!f.orgId) return null;
  return (await call.db.selectFrom('orgs').select('path').where('id', '=', f.orgId).executeTakeFirst())?.path ?? '/none/';
}

async function boardSpec(call: Call, f: DecidedItemFilter): Promise<BoardSpec> {
  return { filter: f, orgPath: await orgPathOf(call, f), accountId: call.actor.accountId, scope: scopeOf(call.actor, 'decidedItems.read') };
}

export async function list(call: Call, f: DecidedItemFilter) {
  const page = await boardPage(call.db, await boardSpec(call, f));
  const rows = await rowsInOrder(call.db, page.ids);
  return { items: await summarise(call.db, rows), total: page.total, totalCapped: page.totalCapped, page: f.page, pageSize: f.pageSize };
}

const EXPORT_LIMIT = 50_000;

/** Rows and co-owners are read by id a chunk at a time: one IN of 50 000 ids passes SQLite's and PostgreSQL's parameter limits. */
const CHUNK = 1_000;

const COLUMNS: Column<DecidedItemSummary>[] = [
  { header: '事项', width: 40, value: (r) => r.title },
  { header: '来源', width: 30, value: (r) => r.source.label },
  { header: '责任人', width: 12, value: (r) => r.ownerName },
  { header: '完成期限', width: 12, value: (r) => r.dueDate },
  { header: '状态', width: 10, value: (r) => DECIDED_ITEM_STATUS_LABELS[r.status as DecidedItemStatus].zh },
  { header: '进度(%)', width: 8, value: (r) => r.progress },
  { header: '撤销原因', width: 30, value: (r) => r.dropReason },
];

/**
 * The board's rows, every page of them, by due date, as an export declaration (core `sendXlsx`
 * writes it): the same two reads as the board, so the file holds exactly what the caller's board
 * shows (a handler's own and co-owned items only). Every caller the route lets in may own or
 * co-own an item, so `readsAny` is true: an empty file is an empty board, not a refusal.
 */
export async function exportList(call: Call, f: DecidedItemFilter): Promise<ListExport<DecidedItemSummary>> {
  const page = await boardPage(call.db, await boardSpec(call, { ...f, sort: 'dueDate', order: 'asc', page: 1, pageSize: EXPORT_LIMIT }));
  const items: DecidedItemSummary[] = [];
  for (let i = 0; i < page.ids.length; i += CHUNK) items.push(...(await summarise(call.db, await rowsInOrder(call.db, page.ids.slice(i, i + CHUNK)))));
  return { fileName: '督办事项', sheet: '督办事项', columns: COLUMNS, rows: items, readsAny: true };
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
    items: rows.map((r) => ({
      id: r.id,
      title: r.title,
      status: r.status as DecidedItemStatus,
      progress: r.progress,
      dueDate: r.due_date,
      doneAt: r.done_at,
      sourceLabel: r.source_label,
      ownerName: r.owner_name,
    })),
    total: page.total,
    totalCapped: page.totalCapped,
    page: f.page,
    pageSize: f.pageSize,
  };
}
