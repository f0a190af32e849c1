/**
 * 帮扶记录 Assistance given to a filed household, and the year's totals — per kind, per cause,
 * per fund against that fund's budget — over the officer's subtrees. A household with two causes
 * counts in both causes' totals (the totals per cause are not meant to add up to the whole).
 */
import { recordAudit } from '../../core/audit/audit.js';
import { forbidden, invalid } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import { hasPermission, scopeOf, type Scope } from '../../core/rbac/actor.js';
import { pathInScope } from '../../core/rbac/scope-sql.js';
import { recordEvent, statusConflict } from '../../core/workflow/index.js';
import { ASSISTANCE_KINDS, CAUSES, HARDSHIP_PERMISSIONS as P } from '../../../common/hardship.js';
import type { AssistanceBody, ProfileDetail } from '../../../common/schemas/hardship.js';
import type { Call, WriteCall } from '../../core/call.js';
import type { Tx } from '../../core/db/database.js';
import { ENTITY, KIND, asOfficer, today } from './hardship.load.js';
import { HM } from './hardship.messages.js';
import * as repo from './hardship.repository.js';
import { reload } from './hardship.service.js';
import { hdb } from './hardship.tables.js';

export async function add(call: WriteCall, id: string, body: AssistanceBody): Promise<ProfileDetail> {
  const { row } = await asOfficer(call, id);
  if (row.status !== 'filed') throw statusConflict();
  if (body.givenOn > today(call)) throw invalid('body.givenOn', HM['hardship.futureDate']);
  await hdb(call.tx)
    .insertInto('hardship_assistance')
    .values({
      id: newId(),
      profile_id: id,
      org_path: row.org_path,
      kind: body.kind,
      amount_fen: body.amountFen,
      given_on: body.givenOn,
      fund: body.fund,
      delivered_by: body.deliveredBy,
      note: body.note ?? null,
      created_by: call.actor.accountId,
      created_at: call.iso,
    })
    .execute();
  await hdb(call.tx)
    .updateTable('hardship_profiles')
    .set((eb) => ({ assistance_fen: eb('assistance_fen', '+', body.amountFen), updated_at: call.iso }))
    .where('id', '=', id)
    .execute();
  await recordEvent(call, { kind: KIND, id, event: 'assisted', data: { kind: body.kind, amountFen: body.amountFen } });
  await recordAudit(call.tx, call.ctx, {
    action: 'hardship.assist',
    entityType: ENTITY,
    entityId: id,
    orgId: row.org_id,
    changes: { kind: body.kind, amountFen: body.amountFen, fund: body.fund },
  });
  return reload(call, id);
}

/** The officer's scope, narrowed to one org of it when asked; null when the org is outside it. */
export async function officerScope(call: Call, orgId?: string): Promise<Scope | null> {
  const s = scopeOf(call.actor, P.officer);
  if (!s.all && !s.paths.length) throw forbidden();
  if (!orgId) return s;
  const org = await repo.orgOf(call.db, orgId);
  if (!org || !hasPermission(call.actor, P.officer, org.path)) return null;
  return { all: false, paths: [org.path] };
}

export async function sumsIn(db: Tx, scope: Scope, from: string, to: string) {
  const a = hdb(db)
    .selectFrom('hardship_assistance as a')
    .where('a.given_on', '>=', from)
    .where('a.given_on', '<=', to)
    .where((eb) => pathInScope(eb, 'a.org_path', scope));
  const whole = await a
    .select((eb) => [eb.fn.sum<number>('a.amount_fen').as('total'), eb.fn.count<number>('a.profile_id').distinct().as('households')])
    .executeTakeFirst();
  return { a, totalFen: Number(whole?.total ?? 0), households: Number(whole?.households ?? 0) };
}

export async function totals(call: Call, q: { orgId?: string; year: number }) {
  const scope = await officerScope(call, q.orgId);
  const from = `${q.year}-01-01`;
  const to = `${q.year}-12-31`;
  if (!scope) return { year: q.year, totalFen: 0, households: 0, byKind: [], byCause: [], byFund: [] };
  const { a, totalFen, households } = await sumsIn(call.db, scope, from, to);
  // One pass gives both the kinds and the funds (a handful of pairs), off the covering index.
  const pairs = await a
    .select(['a.kind', 'a.fund', (eb) => eb.fn.sum<number>('a.amount_fen').as('n')])
    .groupBy(['a.kind', 'a.fund'])
    .execute();
  const add = (m: Map<string, number>, k: string, n: number) => m.set(k, (m.get(k) ?? 0) + n);
  const kinds = new Map<string, number>();
  const spent = new Map<string, number>();
  for (const p of pairs) {
    add(kinds, p.kind, Number(p.n));
    add(spent, p.fund, Number(p.n));
  }
  const causes = new Map(
    (
      await a
        .innerJoin('hardship_causes as k', 'k.profile_id', 'a.profile_id')
        .select(['k.cause', (eb) => eb.fn.sum<number>('a.amount_fen').as('n')])
        .groupBy('k.cause')
        .execute()
    ).map((r) => [r.cause, Number(r.n)]),
  );
  const budgets = await hdb(call.db)
    .selectFrom('hardship_budgets')
    .select(['fund', (eb) => eb.fn.sum<number>('amount_fen').as('n')])
    .where('year', '=', q.year)
    .where((eb) => pathInScope(eb, 'org_path', scope))
    .groupBy('fund')
    .execute();
  const budgetOf = new Map(budgets.map((b) => [b.fund, Number(b.n)]));
  const fundNames = [...new Set([...spent.keys(), ...budgetOf.keys()])].sort();
  return {
    year: q.year,
    totalFen,
    households,
    byKind: ASSISTANCE_KINDS.map((kind) => ({ kind, amountFen: kinds.get(kind) ?? 0 })),
    byCause: CAUSES.map((cause) => ({ cause, amountFen: causes.get(cause) ?? 0 })),
    byFund: fundNames.map((fund) => ({ fund, amountFen: spent.get(fund) ?? 0, budgetFen: budgetOf.get(fund) ?? null })),
  };
}

/** The year's budget of a fund at an org, replaced when set again. */
export async function setBudget(call: WriteCall, body: { orgId: string; year: number; fund: string; amountFen: number }) {
  if (!hasPermission(call.actor, P.officer)) throw forbidden();
  const org = await repo.orgOf(call.tx, body.orgId);
  if (!org || !hasPermission(call.actor, P.officer, org.path)) throw invalid('body.orgId', HM['hardship.orgOutOfScope']);
  const existing = await hdb(call.tx)
    .selectFrom('hardship_budgets')
    .select('id')
    .where('org_id', '=', org.id)
    .where('year', '=', body.year)
    .where('fund', '=', body.fund)
    .executeTakeFirst();
  if (existing)
    await hdb(call.tx).updateTable('hardship_budgets').set({ amount_fen: body.amountFen, updated_at: call.iso }).where('id', '=', existing.id).execute();
  else
    await hdb(call.tx)
      .insertInto('hardship_budgets')
      .values({ id: newId(), org_id: org.id, org_path: org.path, year: body.year, fund: body.fund, amount_fen: body.amountFen, updated_at: call.iso })
      .execute();
  await recordAudit(call.tx, call.ctx, {
    action: 'hardship.budget',
    entityType: 'hardshipBudget',
    entityId: existing?.id ?? org.id,
    orgId: org.id,
    changes: { year: body.year, fund: body.fund, amountFen: body.amountFen },
  });
  return { orgId: org.id, year: body.year, fund: body.fund, amountFen: body.amountFen };
}
