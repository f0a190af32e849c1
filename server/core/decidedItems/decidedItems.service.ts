/**
 * Acting on one decided item: its detail with the timeline, progress reports by its owner or
 * co-owners, start and done by its owner, drop (with a reason) and reopen by union chair and
 * staff. Each act: load (404) → relation (403) → status (409), then change, event, audit and
 * notice in the caller's transaction.
 */
import type { Call, WriteCall } from '../call.js';
import type { Tx } from '../db/database.js';
import { invalid, notFound } from '../errors.js';
import { newId } from '../ids.js';
import { recordAudit } from '../audit/audit.js';
import { eventsOf, recordEvent, transition } from '../workflow/index.js';
import { itemById, itemRows, summarise, type ItemRow } from './decidedItems.repository.js';
import { assertCarrier, assertManager, assertVisible, relationTo, type Relation } from './decidedItems.policy.js';
import { dq } from './decidedItems.tables.js';
import { rollUp } from './decidedItems.create.js';
import { claimFiles, fileOf, DOCX, IMAGE_AND_PDF, XLSX, type FileRef } from '../files/index.js';

/** What an owner shows as evidence: photos and scans, and the office's own documents. */
const EVIDENCE_TYPES = [...IMAGE_AND_PDF, DOCX, XLSX];

export const DECIDED_KIND = 'core.decidedItem';
const TABLE = 'decided_items';
const OPEN = ['planned', 'inProgress', 'overdue'] as const;

async function load(tx: Tx, call: Call, id: string): Promise<{ item: ItemRow; rel: Relation }> {
  const item = await itemById(tx, id);
  if (!item) throw notFound();
  const rel = await relationTo(tx, call.actor, item);
  assertVisible(rel);
  return { item, rel };
}

async function hasChildren(tx: Tx, id: string): Promise<boolean> {
  return !!(await dq(tx).selectFrom('decided_items').select('id').where('parent_id', '=', id).executeTakeFirst());
}

export async function detail(call: Call, id: string) {
  const { item, rel } = await load(call.db, call, id);
  const [summary] = await summarise(call.db, [item]);
  const children = await summarise(call.db, await itemRows(call.db).where('d.parent_id', '=', id).orderBy('d.due_date').orderBy('d.id').execute());
  const org = await call.db.selectFrom('orgs').select('name').where('id', '=', item.org_id).executeTakeFirstOrThrow();
  const timeline = (await eventsOf(call.db, DECIDED_KIND, id)).map((e) => ({
    id: e.id,
    event: e.event,
    from: e.from,
    to: e.to,
    actorName: e.actorName,
    data: e.data,
    at: e.at,
  }));
  const open = (OPEN as readonly string[]).includes(item.status);
  return {
    ...summary,
    orgName: org.name,
    children,
    timeline,
    can: {
      progress: open && (rel.owner || rel.coOwner) && !children.length,
      start: item.status === 'planned' && rel.owner,
      done: open && rel.owner,
      drop: open && rel.manager,
      reopen: (item.status === 'done' || item.status === 'dropped') && rel.manager,
    },
  };
}

/** A progress report: the figure (never below the last one), a note, and the item moves to in progress. */
export async function reportProgress(call: WriteCall, id: string, body: { progress: number; note: string; fileIds?: string[] }): Promise<{ progress: number }> {
  const { item, rel } = await load(call.tx, call, id);
  assertCarrier(rel, false);
  if (!(OPEN as readonly string[]).includes(item.status)) throw invalid('status', 'decidedItem.closed');
  if (await hasChildren(call.tx, id)) throw invalid('progress', 'decidedItem.progressRolledUp');
  if (body.progress < item.progress) throw invalid('progress', 'decidedItem.progressBack', { progress: item.progress });
  const reportId = newId();
  await dq(call.tx)
    .insertInto('decided_item_progress')
    .values({ id: reportId, item_id: id, progress: body.progress, note: body.note, account_id: call.actor.accountId, at: call.iso })
    .execute();
  // Evidence belongs to the item (one owner for every report's files), and the event names which report brought which file.
  const files = await claimFiles(call, body.fileIds ?? [], { kind: DECIDED_KIND, id }, { types: EVIDENCE_TYPES });
  const data = { progress: body.progress, note: body.note, reportId, ...(files.length ? { files: files.map((f) => ({ id: f.id, name: f.name })) } : {}) };
  if (item.status === 'planned') {
    await transition(call, {
      kind: DECIDED_KIND,
      table: TABLE,
      id,
      from: ['planned'],
      to: 'inProgress',
      patch: { progress: body.progress },
      event: 'progress',
      data,
    });
  } else {
    await dq(call.tx).updateTable('decided_items').set({ progress: body.progress, updated_at: call.iso }).where('id', '=', id).execute();
    await recordEvent(call, { kind: DECIDED_KIND, id, event: 'progress', data });
  }
  await recordAudit(call.tx, call.ctx, {
    action: 'decidedItem.progress',
    entityType: 'decidedItem',
    entityId: id,
    orgId: item.org_id,
    changes: { progress: [item.progress, body.progress] },
  });
  await rollUp(call.tx, item.parent_id, call.iso);
  return { progress: body.progress };
}

/** One evidence file of an item, for whoever may see the item (404 for anyone else and for another item's file). */
export async function evidenceFile(call: Call, id: string, fileId: string): Promise<FileRef> {
  await load(call.db, call, id);
  const file = await fileOf(call, { kind: DECIDED_KIND, id }, fileId);
  if (!file) throw notFound();
  return file;
}

export async function start(call: WriteCall, id: string): Promise<void> {
  const { item, rel } = await load(call.tx, call, id);
  assertCarrier(rel, true);
  await transition(call, {
    kind: DECIDED_KIND,
    table: TABLE,
    id,
    from: ['planned'],
    to: 'inProgress',
    event: 'started',
    audit: { action: 'decidedItem.start', entityType: 'decidedItem', entityId: id, orgId: item.org_id },
  });
}

/** Done by the owner: progress 100 %, and the day it closed decides whether it was on time. */
export async function done(call: WriteCall, id: string): Promise<void> {
  const { item, rel } = await load(call.tx, call, id);
  assertCarrier(rel, true);
  await transition(call, {
    kind: DECIDED_KIND,
    table: TABLE,
    id,
    from: OPEN,
    to: 'done',
    patch: { progress: 100, done_at: call.iso },
    event: 'done',
    audit: { action: 'decidedItem.done', entityType: 'decidedItem', entityId: id, orgId: item.org_id },
  });
  await rollUp(call.tx, item.parent_id, call.iso);
}

export async function drop(call: WriteCall, id: string, reason: string): Promise<void> {
  const { item, rel } = await load(call.tx, call, id);
  assertManager(rel);
  await transition(call, {
    kind: DECIDED_KIND,
    table: TABLE,
    id,
    from: OPEN,
    to: 'dropped',
    patch: { drop_reason: reason },
    event: 'dropped',
    data: { reason },
    audit: { action: 'decidedItem.drop', entityType: 'decidedItem', entityId: id, orgId: item.org_id, changes: { reason } },
    notify: {
      accountIds: [item.owner_account_id],
      kind: 'decidedItem.dropped',
      title: `督办事项已撤销：${item.title}`,
      body: reason,
      link: `/decided-items/${id}`,
    },
  });
  await rollUp(call.tx, item.parent_id, call.iso);
}

/** Back to work: a done or dropped item becomes in progress again (overdue again at the next sweep if late). */
export async function reopen(call: WriteCall, id: string): Promise<void> {
  const { item, rel } = await load(call.tx, call, id);
  assertManager(rel);
  await transition(call, {
    kind: DECIDED_KIND,
    table: TABLE,
    id,
    from: ['done', 'dropped'],
    to: 'inProgress',
    patch: { done_at: null, drop_reason: null },
    event: 'reopened',
    audit: { action: 'decidedItem.reopen', entityType: 'decidedItem', entityId: id, orgId: item.org_id },
    notify: {
      accountIds: [item.owner_account_id],
      kind: 'decidedItem.reopened',
      title: `督办事项已重新打开：${item.title}`,
      body: '请继续推进并报告进度',
      link: `/decided-items/${id}`,
    },
  });
  await rollUp(call.tx, item.parent_id, call.iso);
}
