/**
 * What staff see when the automatic alert is unsure: the appeals of the same unit most
 * similar to one appeal (submitted within the group window of it), ranked, with what they
 * share; and linking appeals by hand into a group case, which does what confirming an
 * alert does.
 *
 * Recall first: the list is not cut at the alert's threshold — the same similarity() and the
 * same key read as the intake, across every category of the unit, and after the appeals it
 * scores above 0 those its gates leave out that still share rare characters or facts
 * (listRank(); bench/RESULTS.md measures its recall@5). It never says who wrote an appeal.
 */
import type { Db, Tx } from '../../core/db/database.js';
import { AppError, invalid, notFound } from '../../core/errors.js';
import { recordAudit } from '../../core/audit/audit.js';
import { newId } from '../../core/ids.js';
import type { CallContext } from '../../core/context.js';
import type { Actor } from '../../core/rbac/actor.js';
import { APPEAL_CATEGORIES, type AppealCategory, type AppealStatus } from '../../../common/appeals.js';
import { orgBrief } from '../../core/org/lookups.js';
import { findAppeal, findRaw, findRawMany } from './appeals.detail.js';
import { step, STAFF } from './appeals.timeline.js';
import * as alerts from './groupAlert.repository.js';
import { can, canRead, visibilityOf } from './appeals.policy.js';
import { acceptInTx, refOf } from './appeals.service.js';
import { refreshCounts } from './groupAlert.intake.js';
import { settingsFor } from './deadlines.js';
import { decodeSignature, GRAM_SCALE, issueKeys, listRank, prepare, sharedKeywords } from '../../core/similarity/index.js';
import { get as getAlert } from './groupAlert.service.js';

const DAY_MS = 86_400_000;
const LIMIT = 10;

/** The appeal as its staff see it; others get the detail's 404 (or 403 when they may read but not manage). */
async function loadForStaff(db: Tx, actor: Actor, id: string) {
  const row = await findAppeal(db, visibilityOf(actor), id);
  if (!row) throw notFound();
  const ref = refOf(row);
  if (!canRead(actor, ref)) throw notFound();
  if (!can(actor, 'merge', ref)) throw new AppError(403, 'forbidden', 'error.forbidden');
  return row;
}

export async function similarTo(db: Db, actor: Actor, id: string) {
  await loadForStaff(db, actor, id);
  const raw = (await findRaw(db, id))!;
  const sig = await alerts.signatureOf(db, id);
  if (!sig) return { items: [] };
  const settings = await settingsFor(db, (await orgBrief(db, raw.unit_id))!.path);
  const at = Date.parse(raw.submitted_at);
  const window = settings.groupWindowDays * DAY_MS;
  const tokens = decodeSignature(sig.tokens);
  const mine = prepare(tokens);
  const rows = await alerts.similarCandidates(
    db,
    raw.unit_id,
    [...APPEAL_CATEGORIES],
    issueKeys(tokens),
    new Date(at - window).toISOString(),
    new Date(at + window).toISOString(),
  );
  const ranked = rows
    .filter((r) => r.appeal_id !== id)
    .map((r) => {
      const tokens = decodeSignature(r.tokens);
      return { r, tokens, rank: listRank(mine, prepare(tokens)) };
    })
    .filter((x) => x.rank > 0)
    .sort((a, b) => b.rank - a.rank || a.r.submitted_at.localeCompare(b.r.submitted_at))
    .slice(0, LIMIT);
  // Shown scores fall as the list does: one the alert's gates left out shows its n-gram score, at most the last one above it.
  let floor = 1;
  const scores = ranked.map((x) => (floor = x.rank > 1 ? x.rank - 1 : Math.min(floor, GRAM_SCALE * x.rank)));
  return {
    items: ranked.map((x, i) => ({
      id: x.r.appeal_id,
      code: x.r.code,
      title: x.r.title,
      category: x.r.category as AppealCategory,
      status: x.r.status as AppealStatus,
      submittedAt: x.r.submitted_at,
      groupAlertId: x.r.group_alert_id,
      score: Math.round(Math.min(1, scores[i]) * 100) / 100,
      shared: sharedKeywords([tokens, x.tokens], 6),
    })),
  };
}

/**
 * Links appeals by hand: they join the open or confirmed alert one of them is in, or form a
 * new group case, confirmed by the staff member who linked them. Members still waiting are
 * accepted and get the group's timeline entry, as when an alert is confirmed.
 */
export async function link(db: Db, ctx: CallContext, actor: Actor, id: string, input: { appealIds: string[] }, at = new Date()) {
  const iso = at.toISOString();
  const ids = [...new Set(input.appealIds)];
  const alertId = await db.transaction().execute(async (tx) => {
    // Who may see what first: a stranger learns nothing from a validation message.
    await loadForStaff(tx, actor, id);
    for (const x of ids) {
      // An id in the body that the caller may not manage reads as unknown, whether it exists or not.
      await loadForStaff(tx, actor, x).catch((err) => {
        throw err instanceof AppError && (err.status === 404 || err.status === 403) ? invalid('body.appealIds', 'appeals.linkUnknown') : err;
      });
    }
    if (ids.includes(id)) throw invalid('body.appealIds', 'appeals.linkSelf');
    const all = [id, ...ids];
    const raws = await findRawMany(tx, all);
    const first = raws.find((r) => r.id === id)!;
    if (raws.some((r) => r.unit_id !== first.unit_id)) throw invalid('body.appealIds', 'appeals.linkOtherUnit');
    await alerts.lockBucket(tx, first.unit_id, first.category);
    const sigs = await alerts.signaturesOf(tx, all);
    if (sigs.length !== all.length) throw invalid('body.appealIds', 'appeals.linkNoSignature');
    const current = new Set(sigs.map((s) => s.group_alert_id).filter((x): x is string => !!x));
    const states = await Promise.all([...current].map((a) => alerts.findAlert(tx, a)));
    if (states.some((s) => s && s.status !== 'open' && s.status !== 'confirmed')) throw new AppError(409, 'illegal_transition', 'appeals.linkSettled');
    if (current.size > 1) throw new AppError(409, 'conflict', 'appeals.linkTwoAlerts');
    let target = [...current][0];
    let status = states[0]?.status ?? 'confirmed';
    if (!target) {
      target = newId();
      status = 'confirmed';
      await alerts.insertAlert(tx, {
        id: target,
        unit_id: first.unit_id,
        category: first.category,
        status,
        worker_count: 0,
        appeal_count: 0,
        keywords: '[]',
        raised_at: iso,
        decided_by: actor.accountId,
        decided_at: iso,
        decision_note: null,
        answer: null,
        answered_at: null,
        updated_at: iso,
      });
    }
    const joining = sigs.filter((s) => s.group_alert_id !== target).map((s) => s.appeal_id);
    await alerts.setSignatureAlert(tx, joining, target);
    if (status === 'confirmed') {
      for (const m of raws.filter((r) => joining.includes(r.id))) {
        if (m.status === 'submitted') await acceptInTx(tx, ctx, actor, m.id, {}, at);
        await step({ tx, iso, actor }, m.id, 'groupConfirmed', STAFF, { data: { groupAlertId: target } });
      }
    }
    await refreshCounts(tx, target, iso);
    await recordAudit(tx, ctx, {
      action: 'appeal.groupLink',
      entityType: 'appealGroupAlert',
      entityId: target,
      orgId: first.unit_id,
      changes: { appeals: joining },
    });
    return target;
  });
  return getAlert(db, actor, alertId);
}
