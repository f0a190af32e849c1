/**
 * What the union configures: the rules that decide a tier (低保线 per locality and year, and
 * the shares that make each tier) and the notice period in working days. Officers of an org
 * set them there; a file uses the nearest rule and setting above it.
 */
import { recordAudit } from '../../core/audit/audit.js';
import { AppError, forbidden, invalid, notFound } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import { hasPermission, scopeOf } from '../../core/rbac/actor.js';
import { pathInScope } from '../../core/rbac/scope-sql.js';
import { HARDSHIP_PERMISSIONS as P } from '../../../common/hardship.js';
import type { RuleBody, RulePatch } from '../../../common/schemas/hardship.js';
import type { Call, WriteCall } from '../../core/call.js';
import type { Tx } from '../../core/db/database.js';
import { HM } from './hardship.messages.js';
import * as repo from './hardship.repository.js';
import { ancestorPaths, noticeDaysFor, ruleFor, tierOf, type TierRule } from './hardship.rules.js';
import { move } from './hardship.load.js';
import { officerScope } from './hardship.assistance.js';
import { hdb } from './hardship.tables.js';

type RuleRow = {
  id: string;
  org_id: string;
  locality: string;
  year: number;
  minimum_living_fen: number;
  deep_pct: number;
  relative_pct: number;
  sudden_pct: number;
  org_name: string;
};
const ruleOf = (r: RuleRow) => ({
  id: r.id,
  orgId: r.org_id,
  orgName: r.org_name,
  locality: r.locality,
  year: Number(r.year),
  minimumLivingFen: Number(r.minimum_living_fen),
  deepPct: Number(r.deep_pct),
  relativePct: Number(r.relative_pct),
  suddenPct: Number(r.sudden_pct),
});

const rules = (db: Tx) => hdb(db).selectFrom('hardship_rules as r').innerJoin('orgs as o', 'o.id', 'r.org_id').selectAll('r').select('o.name as org_name');

/** A non-officer hears 403; an officer naming an org outside their subtrees, 422 on the field. */
async function orgInScope(call: WriteCall, orgId: string) {
  if (!hasPermission(call.actor, P.officer)) throw forbidden();
  const org = await repo.orgOf(call.tx, orgId);
  if (!org || !hasPermission(call.actor, P.officer, org.path)) throw invalid('body.orgId', HM['hardship.orgOutOfScope']);
  return org;
}

/** The rules an officer works under: set in their subtrees, or above them. */
export async function listRules(call: Call) {
  const s = await officerScope(call);
  const above = s!.all ? [] : s!.paths.flatMap(ancestorPaths);
  const rows = await rules(call.db)
    .where((eb) => eb.or([pathInScope(eb, 'r.org_path', s!), ...(above.length ? [eb('r.org_path', 'in', above)] : [])]))
    .orderBy('r.year', 'desc')
    .orderBy('r.locality')
    .execute();
  return { items: rows.map(ruleOf) };
}

export async function createRule(call: WriteCall, body: RuleBody) {
  const org = await orgInScope(call, body.orgId);
  const dup = await hdb(call.tx)
    .selectFrom('hardship_rules')
    .select('id')
    .where('org_id', '=', org.id)
    .where('locality', '=', body.locality)
    .where('year', '=', body.year)
    .executeTakeFirst();
  if (dup) throw new AppError(409, 'conflict', HM['hardship.ruleExists'], {}, [{ field: 'body.locality', message: HM['hardship.ruleExists'] }]);
  const id = newId();
  await hdb(call.tx)
    .insertInto('hardship_rules')
    .values({
      id,
      org_id: org.id,
      org_path: org.path,
      locality: body.locality,
      year: body.year,
      minimum_living_fen: body.minimumLivingFen,
      deep_pct: body.deepPct,
      relative_pct: body.relativePct,
      sudden_pct: body.suddenPct,
      created_at: call.iso,
      updated_at: call.iso,
    })
    .execute();
  await recordAudit(call.tx, call.ctx, { action: 'hardship.rule', entityType: 'hardshipRule', entityId: id, orgId: org.id, changes: { ...body } });
  return ruleOf((await rules(call.tx).where('r.id', '=', id).executeTakeFirstOrThrow()) as RuleRow);
}

/** Files a re-tier may touch: not yet refused, exited or closed. */
const OPEN = ['applied', 'verified', 'notice', 'filed'];

/**
 * A changed rule re-tiers, in the same transaction, every open file it decides (same locality and
 * year, placed under the rule's org, with no nearer rule): each changed tier is an event
 * 'retiered' on the file's timeline and an audit row. A household the new line leaves without
 * any tier keeps its tier until its review decides the exit — an officer's call, not a rule's.
 */
async function retier(call: WriteCall, rule: { id: string; org_path: string; locality: string; year: number } & TierRule) {
  const files = await hdb(call.tx)
    .selectFrom('hardship_profiles')
    .select(['id', 'org_id', 'org_path', 'status', 'tier', 'income_per_head_fen'])
    .where('locality', '=', rule.locality)
    .where('year', '=', rule.year)
    .where('status', 'in', OPEN)
    .where((eb) => pathInScope(eb, 'org_path', { all: false, paths: [rule.org_path] }))
    .execute();
  const causes = await repo.causesOf(
    call.tx,
    files.map((f) => f.id),
  );
  for (const f of files) {
    const tier = tierOf(rule, Number(f.income_per_head_fen), causes.get(f.id) ?? []);
    if (!tier || tier === f.tier) continue;
    if ((await ruleFor(call.tx, f.org_path, rule.locality, rule.year))?.id !== rule.id) continue;
    await move(call, {
      id: f.id,
      from: [f.status],
      to: f.status,
      patch: { tier },
      event: 'retiered',
      data: { from: f.tier, to: tier, rule: rule.id },
      audit: { action: 'hardship.retier', entityType: 'hardshipProfile', entityId: f.id, orgId: f.org_id, changes: { tier: [f.tier, tier] } },
    });
  }
}

export async function updateRule(call: WriteCall, id: string, body: RulePatch) {
  const row = await hdb(call.tx).selectFrom('hardship_rules').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row || !hasPermission(call.actor, P.officer, row.org_path)) throw notFound();
  await hdb(call.tx)
    .updateTable('hardship_rules')
    .set({
      minimum_living_fen: body.minimumLivingFen,
      deep_pct: body.deepPct,
      relative_pct: body.relativePct,
      sudden_pct: body.suddenPct,
      updated_at: call.iso,
    })
    .where('id', '=', id)
    .execute();
  await recordAudit(call.tx, call.ctx, {
    action: 'hardship.rule',
    entityType: 'hardshipRule',
    entityId: id,
    orgId: row.org_id,
    changes: { minimumLivingFen: [Number(row.minimum_living_fen), body.minimumLivingFen] },
  });
  await retier(call, { ...row, minimum_living_fen: body.minimumLivingFen, deep_pct: body.deepPct, relative_pct: body.relativePct, sudden_pct: body.suddenPct });
  return ruleOf((await rules(call.tx).where('r.id', '=', id).executeTakeFirstOrThrow()) as RuleRow);
}

export async function settings(call: Call, orgId?: string) {
  const s = await officerScope(call, orgId);
  if (!s) throw invalid('orgId', HM['hardship.orgOutOfScope']);
  const org = orgId
    ? await repo.orgOf(call.db, orgId)
    : await call.db
        .selectFrom('orgs')
        .select(['id', 'path', 'name'])
        .where((eb) => pathInScope(eb, 'path', s))
        .orderBy('path')
        .limit(1)
        .executeTakeFirst();
  if (!org) throw notFound();
  return { orgId: org.id, noticeDays: await noticeDaysFor(call.db, org.path) };
}

export async function setSettings(call: WriteCall, body: { orgId: string; noticeDays: number }) {
  const org = await orgInScope(call, body.orgId);
  const before = await noticeDaysFor(call.tx, org.path);
  const existing = await hdb(call.tx).selectFrom('hardship_settings').select('org_id').where('org_id', '=', org.id).executeTakeFirst();
  if (existing)
    await hdb(call.tx).updateTable('hardship_settings').set({ notice_days: body.noticeDays, updated_at: call.iso }).where('org_id', '=', org.id).execute();
  else
    await hdb(call.tx)
      .insertInto('hardship_settings')
      .values({ org_id: org.id, org_path: org.path, notice_days: body.noticeDays, updated_at: call.iso })
      .execute();
  await recordAudit(call.tx, call.ctx, {
    action: 'hardship.settings',
    entityType: 'org',
    entityId: org.id,
    orgId: org.id,
    changes: { noticeDays: [before, body.noticeDays] },
  });
  return { orgId: org.id, noticeDays: body.noticeDays };
}

/**
 * Counts for the rest of the union (and the officers' dashboard): open files by tier and cause,
 * all files by state, over the caller's subtrees. Never a name, never a file.
 */
export async function counts(call: Call, orgId?: string) {
  const s = scopeOf(call.actor, P.counts);
  if (!s.all && !s.paths.length) throw forbidden();
  let scope = s;
  if (orgId) {
    const org = await repo.orgOf(call.db, orgId);
    scope = org && (s.all || s.paths.some((p) => org.path.startsWith(p))) ? { all: false, paths: [org.path] } : { all: false, paths: [] };
  }
  const h = hdb(call.db)
    .selectFrom('hardship_profiles as h')
    .where((eb) => pathInScope(eb, 'h.org_path', scope));
  // States and the tiers of files on record in one pass off the (unit, state, tier) index.
  const cells = await h
    .select(['h.status', 'h.tier', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy(['h.status', 'h.tier'])
    .execute();
  const byStatus = [...cells.reduce((m, c) => m.set(c.status, (m.get(c.status) ?? 0) + Number(c.n)), new Map<string, number>())].map(([status, n]) => ({
    status,
    n,
  }));
  const byTier = cells.filter((c) => c.status === 'filed' && c.tier !== null).map((c) => ({ tier: c.tier, n: c.n }));
  const byCause = await h
    .innerJoin('hardship_causes as k', 'k.profile_id', 'h.id')
    .where('h.status', '=', 'filed')
    .select(['k.cause', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('k.cause')
    .execute();
  return {
    byTier: byTier.map((r) => ({ tier: r.tier as never, count: Number(r.n) })),
    byCause: byCause.map((r) => ({ cause: r.cause as never, count: Number(r.n) })),
    byStatus: byStatus.map((r) => ({ status: r.status as never, count: Number(r.n) })),
  };
}
