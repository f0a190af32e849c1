/**
 * Staff work on group alerts (群体诉求预警): review, then confirm the group as one case
 * (its members are accepted together, can be assigned together and are answered with
 * one answer) or dismiss it. Every member appeal still moves through its own states and
 * timeline, so each worker sees their own appeal answered and can rate it.
 */
import type { Db } from '../../core/db/database.js';
import { AppError, notFound } from '../../core/errors.js';
import { recordAudit } from '../../core/audit/audit.js';
import type { CallContext } from '../../core/context.js';
import { inScope, scopeOf, type Actor } from '../../core/rbac/actor.js';
import { APPEAL_PERMISSIONS as P, GROUP_ALERT_STATUS_LABELS, type AppealCategory, type AppealStatus, type GroupAlertStatus } from '../../../common/appeals.js';
import { findRaw } from './appeals.detail.js';
import { step, STAFF } from './appeals.timeline.js';
import * as alerts from './groupAlert.repository.js';
import { acceptInTx, answerInTx, assignInTx, illegal } from './appeals.service.js';
import { refreshCounts } from './groupAlert.intake.js';

const badState = (status: string) =>
  new AppError(409, 'illegal_transition', 'appeals.groupState', { status: GROUP_ALERT_STATUS_LABELS[status as GroupAlertStatus]?.zh ?? status });

async function loadAlert(db: Db, actor: Actor, id: string) {
  const alert = await alerts.findAlert(db, id);
  if (!alert || !inScope(scopeOf(actor, P.manage), alert.unit_path)) throw notFound();
  return alert;
}

type AlertRow = Omit<NonNullable<Awaited<ReturnType<typeof alerts.findAlert>>>, 'unit_path'>;

function present(alert: AlertRow) {
  return {
    id: alert.id,
    unit: { id: alert.unit_id, name: alert.unit_name },
    category: alert.category as AppealCategory,
    status: alert.status as GroupAlertStatus,
    workerCount: alert.worker_count,
    appealCount: alert.appeal_count,
    keywords: JSON.parse(alert.keywords) as string[],
    raisedAt: alert.raised_at,
    decidedAt: alert.decided_at,
    decisionNote: alert.decision_note,
    answer: alert.answer,
    answeredAt: alert.answered_at,
  };
}

function presentWithMembers(alert: AlertRow, members: Awaited<ReturnType<typeof alerts.alertMembers>>) {
  return {
    ...present(alert),
    members: members.map((m) => ({
      id: m.id,
      code: m.code,
      title: m.title,
      status: m.status as AppealStatus,
      submittedAt: m.submitted_at,
      anonymous: m.anonymous === 1,
    })),
  };
}

export async function list(
  db: Db,
  actor: Actor,
  q: { status?: string[]; unitId?: string; page: number; pageSize: number; sort?: 'raisedAt' | 'workerCount'; order: 'asc' | 'desc' },
) {
  const scope = scopeOf(actor, P.manage);
  if (!scope.all && !scope.paths.length) throw new AppError(403, 'forbidden', 'error.forbidden');
  const { rows, total } = await alerts.listAlerts(db, scope, q, {
    limit: q.pageSize,
    offset: (q.page - 1) * q.pageSize,
    sort: q.sort ?? 'raisedAt',
    order: q.sort ? q.order : 'desc',
  });
  return { items: rows.map((r) => present(r)), total, page: q.page, pageSize: q.pageSize };
}

export async function get(db: Db, actor: Actor, id: string) {
  const alert = await loadAlert(db, actor, id);
  return presentWithMembers(alert, await alerts.alertMembers(db, id));
}

/** Confirms the alert as one group case; members still waiting are accepted now. */
export async function confirm(db: Db, ctx: CallContext, actor: Actor, id: string, input: { note?: string }, at = new Date()) {
  const iso = at.toISOString();
  const alert = await loadAlert(db, actor, id);
  await db.transaction().execute(async (tx) => {
    if (
      !(await alerts.updateAlert(tx, id, ['open'], {
        status: 'confirmed',
        decided_by: actor.accountId,
        decided_at: iso,
        decision_note: input.note ?? null,
        updated_at: iso,
      }))
    )
      throw badState(alert.status);
    for (const m of await alerts.alertMembers(tx, id)) {
      if (m.status === 'submitted') await acceptInTx(tx, ctx, actor, m.id, { note: input.note }, at);
      await step({ tx, iso, actor }, m.id, 'groupConfirmed', STAFF, { data: { groupAlertId: id } });
    }
    await recordAudit(tx, ctx, {
      action: 'appeal.groupConfirm',
      entityType: 'appealGroupAlert',
      entityId: id,
      orgId: alert.unit_id,
      changes: { note: input.note ?? null },
    });
  });
  return get(db, actor, id);
}

export async function dismiss(db: Db, ctx: CallContext, actor: Actor, id: string, input: { reason: string }, at = new Date()) {
  const iso = at.toISOString();
  const alert = await loadAlert(db, actor, id);
  await db.transaction().execute(async (tx) => {
    if (
      !(await alerts.updateAlert(tx, id, ['open', 'confirmed'], {
        status: 'dismissed',
        decided_by: actor.accountId,
        decided_at: iso,
        decision_note: input.reason,
        updated_at: iso,
      }))
    )
      throw badState(alert.status);
    await alerts.settleAlertSignatures(tx, id);
    await recordAudit(tx, ctx, {
      action: 'appeal.groupDismiss',
      entityType: 'appealGroupAlert',
      entityId: id,
      orgId: alert.unit_id,
      changes: { reason: input.reason },
    });
  });
  return get(db, actor, id);
}

/** Assigns every open member to one department. */
export async function assign(db: Db, ctx: CallContext, actor: Actor, id: string, input: { departmentId: string; note?: string }, at = new Date()) {
  const alert = await loadAlert(db, actor, id);
  if (alert.status !== 'confirmed') throw badState(alert.status);
  await db.transaction().execute(async (tx) => {
    for (const m of await alerts.alertMembers(tx, id)) {
      if (m.status === 'submitted') await acceptInTx(tx, ctx, actor, m.id, {}, at);
      if (['submitted', 'accepted', 'assigned', 'handling'].includes(m.status)) await assignInTx(tx, ctx, actor, m.id, input, at);
    }
  });
  return get(db, actor, id);
}

/**
 * One answer for the whole group: every member still open is answered once with it (and
 * accepted first if it was still waiting); members already answered, closed, declined or
 * merged are left as they are.
 */
export async function answer(db: Db, ctx: CallContext, actor: Actor, id: string, input: { answer: string }, at = new Date()) {
  const iso = at.toISOString();
  const alert = await loadAlert(db, actor, id);
  await db.transaction().execute(async (tx) => {
    if (!(await alerts.updateAlert(tx, id, ['confirmed'], { status: 'answered', answer: input.answer, answered_at: iso, updated_at: iso })))
      throw badState(alert.status);
    let answered = 0;
    for (const m of await alerts.alertMembers(tx, id)) {
      if (m.status === 'submitted') await acceptInTx(tx, ctx, actor, m.id, {}, at);
      if (!['submitted', 'accepted', 'assigned', 'handling'].includes(m.status)) continue;
      const raw = (await findRaw(tx, m.id))!;
      if (!['accepted', 'assigned', 'handling'].includes(raw.status)) throw illegal(raw.status);
      await answerInTx(tx, ctx, actor, raw, input.answer, 'staff', at, { groupAlertId: id });
      answered++;
    }
    await alerts.settleAlertSignatures(tx, id);
    await refreshCounts(tx, id, iso);
    await recordAudit(tx, ctx, { action: 'appeal.groupAnswer', entityType: 'appealGroupAlert', entityId: id, orgId: alert.unit_id, changes: { answered } });
  });
  return get(db, actor, id);
}
