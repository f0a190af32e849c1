/**
 * Campaigns (活动: a period and the org whose workers it invites) and their statistics. The
 * statistics count with the same repository filter the suggestion list applies, and every unit
 * row carries that filter as its drill-down, so a row and the list behind it cannot disagree.
 */
import { shanghaiDate } from '../../core/calendar/calendar.js';
import { recordAudit } from '../../core/audit/audit.js';
import { forbidden, invalid, notFound } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import { hasPermission } from '../../core/rbac/actor.js';
import { rateFigure } from '../../../common/figure.js';
import type { Call, WriteCall } from '../../core/call.js';
import { ADOPTED_STATUSES, DECIDED_STATUSES, DEFAULT_CRITERIA, IMPLEMENTED_STATUSES, SUGGESTION_PERMISSIONS as P } from '../../../common/suggestions.js';
import type { CampaignBody, CampaignEditBody, CampaignStatistics, CampaignSummary } from '../../../common/schemas/suggestions.js';
import { SM } from './suggestions.messages.js';
import { campaignReach, demand, reachesCampaign } from './suggestions.policy.js';
import { campaignOf, criteriaOf, yuan } from './suggestions.present.js';
import * as repo from './suggestions.repository.js';
import { sdb } from './suggestions.tables.js';

const today = (call: Call) => shanghaiDate(call.now);

export async function listCampaigns(call: Call): Promise<{ items: CampaignSummary[] }> {
  const rows = await repo.listCampaigns(call.db, campaignReach(call.actor));
  return { items: rows.map((r) => campaignOf(r, today(call))) };
}

export async function campaign(call: Call, id: string): Promise<CampaignSummary> {
  const row = await repo.loadCampaign(call.db, id);
  if (!row || !reachesCampaign(call.actor, row.org_path)) throw notFound();
  return campaignOf(row, today(call));
}

export async function createCampaign(call: WriteCall, body: CampaignBody): Promise<CampaignSummary> {
  if (!hasPermission(call.actor, P.oversee)) throw forbidden();
  const org = await call.tx.selectFrom('orgs').select(['id', 'path']).where('id', '=', body.orgId).executeTakeFirst();
  if (!org || !hasPermission(call.actor, P.oversee, org.path)) throw invalid('body.orgId', SM['suggestions.orgOutOfReach']);
  if (body.endsOn < body.startsOn) throw invalid('body.endsOn', SM['suggestions.periodOrder']);
  const criteria = body.criteria ?? DEFAULT_CRITERIA;
  if (new Set(criteria.map((c) => c.key)).size !== criteria.length) throw invalid('body.criteria', SM['suggestions.criteriaKeys']);
  const id = newId();
  await sdb(call.tx)
    .insertInto('suggestion_campaigns')
    .values({
      id,
      org_id: org.id,
      org_path: org.path,
      title: body.title,
      starts_on: body.startsOn,
      ends_on: body.endsOn,
      criteria: JSON.stringify(criteria),
      created_by: call.actor.accountId,
      created_at: call.iso,
      updated_at: call.iso,
    })
    .execute();
  await recordAudit(call.tx, call.ctx, {
    action: 'suggestion.campaignCreate',
    entityType: 'suggestionCampaign',
    entityId: id,
    orgId: org.id,
    changes: { title: body.title },
  });
  return campaignOf((await repo.loadCampaign(call.tx, id))!, today(call));
}

/** The union over the campaign's org edits it; once a score is in, its criteria are fixed (scores are kept against them). */
export async function editCampaign(call: WriteCall, id: string, body: CampaignEditBody): Promise<CampaignSummary> {
  const row = await repo.loadCampaign(call.tx, id);
  if (!row || !reachesCampaign(call.actor, row.org_path)) throw notFound();
  if (!hasPermission(call.actor, P.oversee, row.org_path)) throw forbidden();
  const startsOn = body.startsOn ?? row.starts_on;
  const endsOn = body.endsOn ?? row.ends_on;
  if (endsOn < startsOn) throw invalid(body.endsOn ? 'body.endsOn' : 'body.startsOn', SM['suggestions.periodOrder']);
  if (body.criteria) {
    if (new Set(body.criteria.map((c) => c.key)).size !== body.criteria.length) throw invalid('body.criteria', SM['suggestions.criteriaKeys']);
    const scored = await sdb(call.tx)
      .selectFrom('suggestion_evaluations as e')
      .innerJoin('suggestions as s', 's.id', 'e.suggestion_id')
      .select('e.suggestion_id')
      .where('s.campaign_id', '=', id)
      .where('e.scored_at', 'is not', null)
      .limit(1)
      .executeTakeFirst();
    const same = (cs: { key: string; label: string; max: number }[]) => JSON.stringify(cs.map((c) => [c.key, c.label, c.max]));
    if (scored && same(body.criteria) !== same(criteriaOf(row))) throw invalid('body.criteria', SM['suggestions.criteriaScored']);
  }
  const patch = {
    title: body.title ?? row.title,
    starts_on: startsOn,
    ends_on: endsOn,
    criteria: body.criteria ? JSON.stringify(body.criteria) : row.criteria,
  };
  await sdb(call.tx)
    .updateTable('suggestion_campaigns')
    .set({ ...patch, updated_at: call.iso })
    .where('id', '=', id)
    .execute();
  const changes = Object.fromEntries(
    Object.entries({ title: body.title, startsOn: body.startsOn, endsOn: body.endsOn, criteria: body.criteria }).filter(([, v]) => v !== undefined),
  );
  await recordAudit(call.tx, call.ctx, { action: 'suggestion.campaignEdit', entityType: 'suggestionCampaign', entityId: id, orgId: row.org_id, changes });
  return campaignOf((await repo.loadCampaign(call.tx, id))!, today(call));
}

/**
 * A campaign's figures for the union side of the campaign's org: per month of submission and
 * per unit (the campaign org's children), over suggestions submitted in [from, to].
 */
export async function statistics(call: Call, id: string, q: { from?: string; to?: string }): Promise<CampaignStatistics> {
  const row = await repo.loadCampaign(call.db, id);
  if (!row || !reachesCampaign(call.actor, row.org_path)) throw notFound();
  demand(hasPermission(call.actor, P.oversee, row.org_path));
  const period = { submittedFrom: q.from, submittedTo: q.to };
  const all: repo.SuggestionFilter = { campaignId: id, ...period };
  const db = call.db;
  const units = await repo.childUnits(db, row.org_id);
  const cut = units.length ? units : [{ id: row.org_id, name: row.org_name, path: row.org_path }];
  const unitRows = [];
  // The children's paths have one length (ids are of one form); then every unit row comes from three grouped reads.
  const len = cut[0].path.length;
  const grouped = units.length > 0 && cut.every((u) => u.path.length === len);
  const [cells, parts, rosters] = await Promise.all([
    repo.cells(db, all, grouped ? len : null),
    grouped ? repo.participantsByUnit(db, all, len) : null,
    grouped ? repo.workersByUnit(db, row.org_path, len) : null,
  ]);
  const among = (statuses: readonly string[], c: { status: string }) => statuses.includes(c.status);
  const sum = (of: typeof cells) => ({
    n: of.reduce((a, c) => a + c.n, 0),
    adopted: of.filter((c) => among(ADOPTED_STATUSES, c)).reduce((a, c) => a + c.n, 0),
    implemented: of.filter((c) => among(IMPLEMENTED_STATUSES, c)).reduce((a, c) => a + c.n, 0),
    decided: of.filter((c) => among(DECIDED_STATUSES, c)).reduce((a, c) => a + c.n, 0),
    benefitFen: of.reduce((a, c) => a + c.benefitFen, 0),
    rewardFen: of.reduce((a, c) => a + c.rewardFen, 0),
  });
  for (const u of cut) {
    const f: repo.SuggestionFilter = { ...all, orgPath: u.path };
    const workers = rosters ? (rosters.byUnit.get(u.path) ?? 0) : await repo.workersIn(db, [u.path]);
    const participants = parts ? (parts.byUnit.get(u.path) ?? 0) : await repo.participants(db, f);
    const sub = grouped
      ? sum(cells.filter((c) => c.unit === u.path))
      : {
          ...(await repo.totals(db, f)),
          adopted: (await repo.totals(db, { ...f, status: ADOPTED_STATUSES })).n,
          implemented: (await repo.totals(db, { ...f, status: IMPLEMENTED_STATUSES })).n,
        };
    // A child with no workers and no suggestions (the union committee beside the mines) is no unit of the campaign.
    if (!workers && !sub.n) continue;
    const drill = Object.fromEntries(
      Object.entries({ campaignId: id, orgId: u.id, submittedFrom: q.from, submittedTo: q.to }).filter(([, v]) => v !== undefined),
    ) as Record<string, string>;
    unitRows.push({
      orgId: u.id,
      orgName: u.name,
      workers,
      participants,
      participationRate: rateFigure(participants, workers).value,
      submitted: sub.n,
      adopted: sub.adopted,
      implemented: sub.implemented,
      benefit: yuan(sub.benefitFen)!,
      rewards: yuan(sub.rewardFen)!,
      drill,
    });
  }
  // With units, the whole campaign's roster and authors come from the same two reads.
  const workers = rosters ? rosters.all : await repo.workersIn(db, [row.org_path]);
  const t = sum(cells);
  const participants = parts ? parts.all : await repo.participants(db, all);
  const byStatus: Record<string, number> = {};
  for (const c of cells) byStatus[c.status] = (byStatus[c.status] ?? 0) + c.n;
  const months = [...new Set(cells.map((c) => c.month))].sort().map((month) => ({ month, ...sum(cells.filter((c) => c.month === month)) }));
  return {
    campaign: campaignOf(row, today(call)),
    workers,
    submitted: t.n,
    per100Workers: workers ? Math.round((t.n * 100 * 100) / workers) / 100 : null,
    participants,
    participationRate: rateFigure(participants, workers).value,
    decided: t.decided,
    adopted: t.adopted,
    adoptionRate: rateFigure(t.adopted, t.decided).value,
    implemented: t.implemented,
    benefit: yuan(t.benefitFen)!,
    rewards: yuan(t.rewardFen)!,
    byStatus,
    months: months.map((m) => ({
      month: m.month,
      submitted: m.n,
      decided: m.decided,
      adopted: m.adopted,
      implemented: m.implemented,
      benefit: yuan(m.benefitFen)!,
      rewards: yuan(m.rewardFen)!,
    })),
    units: unitRows,
  };
}
