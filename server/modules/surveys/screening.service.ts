/**
 * The screening list (问题排查): problems known per unit — from a survey answer, an appeal
 * cluster, a meeting or a visit — each with severity, owner and status, so the chair sees per
 * unit what is known and unresolved. A problem can become a decided item (core/decidedItems),
 * tracked to closure there. Status changes go through core transition(), on the timeline.
 */
import { OPEN_SCREENING, SEVERITY_LABELS, type ScreeningSource, type ScreeningStatus, type Severity } from '../../../common/surveys.js';
import type { ScreeningBody, ScreeningItem, ScreeningListQuery } from '../../../common/schemas/surveys.js';
import { shanghaiDate } from '../../core/calendar/calendar.js';
import type { Call, WriteCall } from '../../core/call.js';
import type { Tx } from '../../core/db/database.js';
import { createDecidedItem } from '../../core/decidedItems/index.js';
import { forbidden, invalid, notFound } from '../../core/errors.js';
import { t } from '../../core/i18n/messages.js';
import { newId } from '../../core/ids.js';
import { recordAudit } from '../../core/audit/audit.js';
import { notify } from '../../core/notify/index.js';
import { eventsOf, transition } from '../../core/workflow/index.js';
import { SM } from './surveys.messages.js';
import { demandOffice, manageScope, mayManage, seesScreening } from './surveys.policy.js';
import * as repo from './screening.repository.js';
import { orgById } from './surveys.repository.js';
import { sdb } from './surveys.tables.js';

const KIND = 'surveys.screeningItem';

const daysBetween = (from: string, to: string) => Math.round((Date.parse(to + 'T00:00:00Z') - Date.parse(from + 'T00:00:00Z')) / 86_400_000);

function present(r: repo.ItemRow, today: string): ScreeningItem {
  return {
    id: r.id,
    orgId: r.org_id,
    orgName: r.org_name,
    title: r.title,
    description: r.description,
    source: r.source as ScreeningSource,
    sourceRef: r.source_ref,
    severity: r.severity as Severity,
    ownerAccountId: r.owner_account_id,
    ownerName: r.owner_name,
    status: r.status as ScreeningStatus,
    raisedOn: r.raised_on,
    dueDate: r.due_date,
    closedOn: r.closed_on,
    ageDays: Math.max(0, daysBetween(r.raised_on, r.closed_on ?? today)),
    decidedItemId: r.decided_item_id,
    note: r.note,
  };
}

export async function list(call: Call, q: ScreeningListQuery) {
  let orgPath: string | undefined;
  if (q.orgId) {
    const o = await orgById(call.db, q.orgId);
    if (!o) return { items: [], total: 0, page: q.page, pageSize: q.pageSize };
    orgPath = o.path;
  }
  const f = {
    scope: manageScope(call.actor),
    ownerAccountId: call.actor.accountId,
    orgPath,
    status: q.status,
    severity: q.severity,
    source: q.source,
    raisedFrom: q.raisedFrom,
    raisedTo: q.raisedTo,
  };
  const { rows, total } = await repo.listItems(call.db, f, q);
  const today = shanghaiDate(call.now);
  return { items: rows.map((r) => present(r, today)), total, page: q.page, pageSize: q.pageSize };
}

/** Open problems per unit in the caller's reach, with the age of the oldest. */
export async function units(call: Call) {
  demandOffice(call.actor);
  const today = shanghaiDate(call.now);
  const rows = await repo.openByOrg(call.db, manageScope(call.actor));
  return {
    rows: rows.map((r) => ({
      orgId: r.org_id,
      orgName: r.name,
      open: Number(r.n),
      high: Number(r.high),
      oldestDays: r.oldest ? daysBetween(r.oldest, today) : null,
    })),
  };
}

async function load(db: Tx, call: Call, id: string) {
  const r = await repo.loadItem(db, id);
  if (!r || !seesScreening(call.actor, r)) throw notFound();
  return r;
}

export async function detail(call: Call, id: string) {
  const r = await load(call.db, call, id);
  const events = await eventsOf(call.db, KIND, id);
  return { ...present(r, shanghaiDate(call.now)), events: events.map((e) => ({ event: e.event, from: e.from, to: e.to, actorName: e.actorName, at: e.at })) };
}

async function activeAccount(tx: Tx, id: string) {
  return sdb(tx).selectFrom('accounts').select(['id', 'display_name']).where('id', '=', id).where('disabled', '=', 0).executeTakeFirst();
}

export async function create(call: WriteCall, body: ScreeningBody) {
  demandOffice(call.actor);
  const org = await orgById(call.tx, body.orgId);
  if (!org || !mayManage(call.actor, org.path)) throw invalid('body.orgId', SM['screening.orgOutOfScope']);
  if (!(await activeAccount(call.tx, body.ownerAccountId))) throw invalid('body.ownerAccountId', SM['screening.ownerUnknown']);
  const id = newId();
  await sdb(call.tx)
    .insertInto('screening_items')
    .values({
      id,
      org_id: org.id,
      org_path: org.path,
      title: body.title,
      description: body.description,
      source: body.source,
      source_ref: body.sourceRef ?? null,
      severity: body.severity,
      owner_account_id: body.ownerAccountId,
      status: 'open',
      raised_on: shanghaiDate(call.now),
      due_date: body.dueDate ?? null,
      closed_on: null,
      note: null,
      decided_item_id: null,
      created_by: call.actor.accountId,
      created_at: call.iso,
      updated_at: call.iso,
    })
    .execute();
  await recordAudit(call.tx, call.ctx, {
    action: 'screening.create',
    entityType: 'screeningItem',
    entityId: id,
    orgId: org.id,
    changes: { title: body.title, severity: body.severity },
  });
  if (body.ownerAccountId !== call.actor.accountId) {
    const params = { title: body.title, org: org.name, severity: SEVERITY_LABELS[body.severity].zh };
    await notify(call.tx, {
      accountIds: [body.ownerAccountId],
      kind: 'surveys.screeningAssigned',
      title: t('zh-CN', SM['screening.assigned.title'], params),
      body: t('zh-CN', SM['screening.assigned.body'], params),
      link: `/surveys/screening/${id}`,
    });
  }
  return detail({ ...call, db: call.tx as never }, id);
}

type Step = 'start' | 'resolve' | 'drop';
const STEPS: Record<Step, { from: readonly ScreeningStatus[]; to: ScreeningStatus; closes: boolean }> = {
  start: { from: ['open'], to: 'inProgress', closes: false },
  resolve: { from: OPEN_SCREENING, to: 'resolved', closes: true },
  drop: { from: OPEN_SCREENING, to: 'dropped', closes: true },
};

/** start / resolve: the office or the owner; drop: the office only. */
export async function step(call: WriteCall, id: string, which: Step, note: string) {
  const r = await load(call.tx, call, id);
  if (which === 'drop' && !mayManage(call.actor, r.org_path)) throw forbidden();
  const s = STEPS[which];
  await transition(call, {
    kind: KIND,
    table: 'screening_items',
    id,
    from: s.from,
    to: s.to,
    event: which,
    patch: { note, ...(s.closes ? { closed_on: shanghaiDate(call.now) } : {}) },
    data: { note },
    audit: { action: `screening.${which}`, entityType: 'screeningItem', entityId: id, orgId: r.org_id },
  });
  return detail({ ...call, db: call.tx as never }, id);
}

/** The problem becomes a decided item (督办) owned by its owner, or another account; the office decides. */
export async function decide(call: WriteCall, id: string, body: { dueDate: string; ownerAccountId?: string }) {
  const r = await load(call.tx, call, id);
  if (!mayManage(call.actor, r.org_path)) throw forbidden();
  if (body.dueDate < shanghaiDate(call.now)) throw invalid('body.dueDate', SM['surveys.closesInPast']);
  const owner = body.ownerAccountId ?? r.owner_account_id;
  if (!(await activeAccount(call.tx, owner))) throw invalid('body.ownerAccountId', SM['screening.ownerUnknown']);
  const item = await createDecidedItem(call, {
    source: { kind: KIND, id, label: `问题排查 · ${r.org_name}`, public: false },
    title: r.title,
    orgId: r.org_id,
    ownerAccountId: owner,
    dueDate: body.dueDate,
  });
  await transition(call, {
    kind: KIND,
    table: 'screening_items',
    id,
    from: OPEN_SCREENING,
    to: 'decided',
    event: 'decided',
    patch: { decided_item_id: item.id, closed_on: shanghaiDate(call.now) },
    data: { decidedItemId: item.id, dueDate: body.dueDate },
    audit: { action: 'screening.decide', entityType: 'screeningItem', entityId: id, orgId: r.org_id },
  });
  return detail({ ...call, db: call.tx as never }, id);
}
