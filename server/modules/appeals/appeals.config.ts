/**
 * Per-org configuration of appeals: the deadline table (category × urgency, in working
 * days) and the settings (reopen limit, group-alert thresholds). Staff with
 * appeals.configure on the org read and change them; an org without its own values
 * inherits its nearest ancestor's, then the defaults.
 */
import type { Db } from '../../core/db/database.js';
import { forbidden, notFound } from '../../core/errors.js';
import { recordAudit } from '../../core/audit/audit.js';
import type { CallContext } from '../../core/context.js';
import type { Actor } from '../../core/rbac/actor.js';
import type { DeadlineRule } from '../../../common/schemas/appeals.js';
import { orgBrief } from '../../core/org/lookups.js';
import { upsertRule, upsertSettings } from './appeals.configRows.js';
import { mayConfigure } from './appeals.policy.js';
import { rulesFor, settingsFor } from './deadlines.js';

async function configurableOrg(db: Db, actor: Actor, orgId: string) {
  const org = await orgBrief(db, orgId);
  if (!org) throw notFound();
  if (!mayConfigure(actor, org.path)) throw forbidden();
  return org;
}

export async function getSettings(db: Db, actor: Actor, orgId: string) {
  const org = await configurableOrg(db, actor, orgId);
  const s = await settingsFor(db, org.path);
  return {
    orgId,
    reopenLimit: s.reopenLimit,
    groupMinWorkers: s.groupMinWorkers,
    groupWindowDays: s.groupWindowDays,
    groupThreshold: s.groupThreshold,
    chairMayReveal: s.chairMayReveal,
    definedAt: s.definedAt,
  };
}

export async function putSettings(
  db: Db,
  ctx: CallContext,
  actor: Actor,
  body: { orgId: string; reopenLimit?: number; groupMinWorkers?: number; groupWindowDays?: number; groupThreshold?: number; chairMayReveal?: boolean },
) {
  const org = await configurableOrg(db, actor, body.orgId);
  const before = await settingsFor(db, org.path);
  await db.transaction().execute(async (tx) => {
    await upsertSettings(tx, {
      org_id: org.id,
      reopen_limit: body.reopenLimit,
      group_min_workers: body.groupMinWorkers,
      group_window_days: body.groupWindowDays,
      group_threshold_pct: body.groupThreshold === undefined ? undefined : Math.round(body.groupThreshold * 100),
      chair_may_reveal: body.chairMayReveal === undefined ? undefined : body.chairMayReveal ? 1 : 0,
      updated_at: new Date().toISOString(),
    });
    const { orgId: _o, ...changes } = body;
    await recordAudit(tx, ctx, {
      action: 'appeal.settings',
      entityType: 'org',
      entityId: org.id,
      orgId: org.id,
      changes: Object.fromEntries(Object.entries(changes).map(([k, v]) => [k, [(before as any)[k], v]])),
    });
  });
  return getSettings(db, actor, body.orgId);
}

export async function getRules(db: Db, actor: Actor, orgId: string) {
  const org = await configurableOrg(db, actor, orgId);
  return { orgId, rules: await rulesFor(db, org.path) };
}

export async function putRules(db: Db, ctx: CallContext, actor: Actor, body: { orgId: string; rules: DeadlineRule[] }) {
  const org = await configurableOrg(db, actor, body.orgId);
  const now = new Date().toISOString();
  await db.transaction().execute(async (tx) => {
    for (const r of body.rules) {
      await upsertRule(tx, {
        org_id: org.id,
        category: r.category,
        urgency: r.urgency,
        accept_days: r.acceptDays,
        consultation_days: r.consultationDays,
        request_days: r.requestDays,
        updated_at: now,
      });
    }
    await recordAudit(tx, ctx, { action: 'appeal.deadlineRules', entityType: 'org', entityId: org.id, orgId: org.id, changes: { rules: body.rules } });
  });
  return getRules(db, actor, body.orgId);
}
