/**
 * Labour competitions (劳动竞赛): a campaign of an org with its teams and weighted measures;
 * monthly points per team and measure, entered on a form or imported from a sheet; the live
 * ranking (total = Σ weight × points) and the honours the campaign leads to.
 */
import type { z } from 'zod';
import { HONOURS_PERMISSIONS as P, type CompetitionStatus } from '../../../common/honours.js';
import type { CreateCompetitionBody, ScoresBody } from '../../../common/schemas/honours.js';
import type { Call, WriteCall } from '../../core/call.js';
import { recordAudit } from '../../core/audit/audit.js';
import type { Db, Tx } from '../../core/db/database.js';
import { AppError, forbidden, invalid, notFound } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import { inScope, scopeOf } from '../../core/rbac/actor.js';
import { transition } from '../../core/workflow/index.js';
import { HM } from './honours.messages.js';
import { alongLine, assertHolds } from './honours.policy.js';
import { hq } from './honours.tables.js';

export const COMPETITION_KIND = 'honours.competition';

export async function createCompetition(call: WriteCall, body: z.infer<typeof CreateCompetitionBody>) {
  assertHolds(call.actor, P.manage);
  const org = await hq(call.tx).selectFrom('orgs').select(['id', 'path']).where('id', '=', body.orgId).executeTakeFirst();
  if (!org || !inScope(scopeOf(call.actor, P.manage), org.path)) throw invalid('orgId', HM['honours.orgUnknown']);
  if (body.endsOn < body.startsOn) throw invalid('endsOn', HM['honours.endsBeforeStart']);
  const teamIds = [...new Set(body.teamOrgIds)];
  const teams = new Map((await hq(call.tx).selectFrom('orgs').select(['id', 'path', 'kind']).where('id', 'in', teamIds).execute()).map((t) => [t.id, t]));
  const bad = body.teamOrgIds.findIndex((id) => {
    const t = teams.get(id);
    return !t || t.kind !== 'team' || !t.path.startsWith(org.path);
  });
  if (bad >= 0) throw invalid(`teamOrgIds.${bad}`, HM['honours.teamUnknown']);
  const id = newId();
  await hq(call.tx)
    .insertInto('competitions')
    .values({
      id,
      org_id: org.id,
      org_path: org.path,
      name: body.name,
      starts_on: body.startsOn,
      ends_on: body.endsOn,
      status: 'running',
      created_at: call.iso,
      updated_at: call.iso,
    })
    .execute();
  await hq(call.tx)
    .insertInto('competition_teams')
    .values(teamIds.map((team_id) => ({ competition_id: id, team_id })))
    .execute();
  await hq(call.tx)
    .insertInto('competition_measures')
    .values(body.measures.map((m, i) => ({ id: newId(), competition_id: id, seq: i + 1, name: m.name, unit: m.unit, weight: m.weight })))
    .execute();
  await recordAudit(call.tx, call.ctx, {
    action: 'honours.competitionCreate',
    entityType: 'competition',
    entityId: id,
    orgId: org.id,
    changes: { name: body.name, teams: teamIds.length },
  });
  return { id };
}

async function load(call: Call, db: Db | Tx, id: string) {
  const c = await hq(db)
    .selectFrom('competitions as c')
    .innerJoin('orgs as o', 'o.id', 'c.org_id')
    .selectAll('c')
    .select('o.name as org_name')
    .where('c.id', '=', id)
    .executeTakeFirst();
  if (!c) throw notFound();
  const overseer = inScope(scopeOf(call.actor, P.read), c.org_path);
  if (!overseer && !alongLine(scopeOf(call.actor, P.readPublished), c.org_path)) throw notFound();
  return { c, manager: inScope(scopeOf(call.actor, P.manage), c.org_path) };
}

/** 404 for a competition the caller cannot see, 403 for one it cannot score. */
export async function assertScorer(call: Call, id: string): Promise<void> {
  if (!(await load(call, call.db, id)).manager) throw forbidden();
}

async function loadForScores(call: WriteCall, id: string) {
  const { c, manager } = await load(call, call.tx, id);
  if (!manager) throw forbidden();
  if (c.status !== 'running') throw invalid('status', HM['honours.competitionClosed']);
  const teams = await hq(call.tx)
    .selectFrom('competition_teams as ct')
    .innerJoin('orgs as o', 'o.id', 'ct.team_id')
    .select(['o.id', 'o.name'])
    .where('ct.competition_id', '=', id)
    .execute();
  const measures = await hq(call.tx).selectFrom('competition_measures').select(['id', 'name']).where('competition_id', '=', id).execute();
  return { c, teams, measures };
}

export interface ScoreCell {
  teamOrgId: string;
  measureId: string;
  period: string;
  value: number;
}

async function writeScores(call: WriteCall, competitionId: string, cells: ScoreCell[]) {
  if (!cells.length) return;
  // A later entry for a cell replaces the earlier one.
  await hq(call.tx)
    .insertInto('competition_scores')
    .values(
      cells.map((s) => ({
        competition_id: competitionId,
        team_id: s.teamOrgId,
        measure_id: s.measureId,
        period: s.period,
        value: s.value,
        entered_by: call.actor.accountId,
        entered_at: call.iso,
      })),
    )
    .onConflict((oc) =>
      oc
        .columns(['competition_id', 'team_id', 'measure_id', 'period'])
        .doUpdateSet((eb) => ({ value: eb.ref('excluded.value'), entered_by: eb.ref('excluded.entered_by'), entered_at: eb.ref('excluded.entered_at') })),
    )
    .execute();
}

const periodInside = (c: { starts_on: string; ends_on: string }, period: string) => period >= c.starts_on.slice(0, 7) && period <= c.ends_on.slice(0, 7);

export async function enterScores(call: WriteCall, id: string, body: z.infer<typeof ScoresBody>) {
  const { c, teams, measures } = await loadForScores(call, id);
  if (!periodInside(c, body.period)) throw invalid('period', HM['honours.periodOutside']);
  const teamIds = new Set(teams.map((t) => t.id));
  const measureIds = new Set(measures.map((m) => m.id));
  body.scores.forEach((s, i) => {
    if (!teamIds.has(s.teamOrgId)) throw invalid(`scores.${i}.teamOrgId`, HM['honours.notInCompetition']);
    if (!measureIds.has(s.measureId)) throw invalid(`scores.${i}.measureId`, HM['honours.measureUnknown']);
  });
  await writeScores(
    call,
    id,
    body.scores.map((s) => ({ ...s, period: body.period })),
  );
  await recordAudit(call.tx, call.ctx, {
    action: 'honours.scores',
    entityType: 'competition',
    entityId: id,
    orgId: c.org_id,
    changes: { period: body.period, cells: body.scores.length },
  });
  return { written: body.scores.length, errors: [] };
}

/** Rows of a sheet (班组, 指标, 期间, 得分), header first. Any faulty row refuses the whole sheet, naming each row and column. */
export async function importScores(call: WriteCall, id: string, rows: { row: number; cells: string[] }[]) {
  const { c, teams, measures } = await loadForScores(call, id);
  const teamByName = new Map(teams.map((t) => [t.name, t.id]));
  const measureByName = new Map(measures.map((m) => [m.name, m.id]));
  const data = rows.filter((r) => r.cells[0] !== '班组');
  if (!data.length) throw invalid('body.file', HM['honours.sheetEmpty']);
  const cells: ScoreCell[] = [];
  const errors: { field: string; message: string }[] = [];
  for (const r of data) {
    const [team, measure, period, value] = r.cells.map((x) => (x ?? '').trim());
    const teamOrgId = teamByName.get(team);
    const measureId = measureByName.get(measure);
    const points = Number(value);
    if (!teamOrgId) errors.push({ field: `rows.${r.row}.班组`, message: HM['honours.notInCompetition'] });
    if (!measureId) errors.push({ field: `rows.${r.row}.指标`, message: HM['honours.measureUnknown'] });
    if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(period ?? '')) errors.push({ field: `rows.${r.row}.期间`, message: HM['honours.periodFormat'] });
    else if (!periodInside(c, period)) errors.push({ field: `rows.${r.row}.期间`, message: HM['honours.periodOutside'] });
    if (value === '' || value === undefined || !Number.isFinite(points) || points < 0 || points > 100)
      errors.push({ field: `rows.${r.row}.得分`, message: HM['honours.scoreRange'] });
    if (teamOrgId && measureId) cells.push({ teamOrgId, measureId, period, value: points });
  }
  if (errors.length) throw new ImportFaults(errors);
  await writeScores(call, id, cells);
  await recordAudit(call.tx, call.ctx, {
    action: 'honours.scoresImport',
    entityType: 'competition',
    entityId: id,
    orgId: c.org_id,
    changes: { rows: cells.length },
  });
  return { written: cells.length, errors: [] };
}

/** A 422 naming every faulty cell (row and column), so the sheet is fixed in one pass. */
export class ImportFaults extends AppError {
  constructor(faults: { field: string; message: string }[]) {
    super(422, 'invalid', 'honours.sheetFaults', { rows: faults.length }, faults.slice(0, 200));
  }
}

export async function closeCompetition(call: WriteCall, id: string) {
  const { c, manager } = await load(call, call.tx, id);
  if (!manager) throw forbidden();
  await transition(call, {
    kind: COMPETITION_KIND,
    table: 'competitions',
    id,
    from: ['running'],
    to: 'closed',
    event: 'closed',
    audit: { action: 'honours.competitionClose', entityType: 'competition', entityId: id, orgId: c.org_id },
  });
  return { ok: true as const };
}

export async function listCompetitions(call: Call) {
  const read = scopeOf(call.actor, P.read);
  const pub = scopeOf(call.actor, P.readPublished);
  const rows = await hq(call.db)
    .selectFrom('competitions as c')
    .innerJoin('orgs as o', 'o.id', 'c.org_id')
    .select(['c.id', 'c.org_id', 'o.name as org_name', 'c.name', 'c.starts_on', 'c.ends_on', 'c.status', 'c.org_path'])
    .select((eb) =>
      eb
        .selectFrom('competition_teams as t')
        .whereRef('t.competition_id', '=', 'c.id')
        .select((e) => e.fn.countAll<number>().as('n'))
        .as('teams'),
    )
    .orderBy('c.starts_on', 'desc')
    .limit(500)
    .execute();
  return {
    items: rows
      .filter((r) => inScope(read, r.org_path) || alongLine(pub, r.org_path))
      .map((r) => ({
        id: r.id,
        orgId: r.org_id,
        orgName: r.org_name,
        name: r.name,
        startsOn: r.starts_on,
        endsOn: r.ends_on,
        status: r.status as CompetitionStatus,
        teams: Number(r.teams ?? 0),
      })),
  };
}

export async function competitionDetail(call: Call, id: string) {
  const { c, manager } = await load(call, call.db, id);
  const measures = await hq(call.db)
    .selectFrom('competition_measures')
    .select(['id', 'name', 'unit', 'weight'])
    .where('competition_id', '=', id)
    .orderBy('seq')
    .execute();
  const teams = await hq(call.db)
    .selectFrom('competition_teams as ct')
    .innerJoin('orgs as o', 'o.id', 'ct.team_id')
    .select(['o.id', 'o.name'])
    .where('ct.competition_id', '=', id)
    .execute();
  const sums = await hq(call.db)
    .selectFrom('competition_scores')
    .select(['team_id', 'measure_id', (eb) => eb.fn.sum<number>('value').as('points')])
    .where('competition_id', '=', id)
    .groupBy(['team_id', 'measure_id'])
    .execute();
  const periods = (
    await hq(call.db).selectFrom('competition_scores').select('period').distinct().where('competition_id', '=', id).orderBy('period').execute()
  ).map((p) => p.period);
  const weight = new Map(measures.map((m) => [m.id, m.weight]));
  const board = teams.map((t) => {
    const byMeasure: Record<string, number> = {};
    let total = 0;
    for (const s of sums.filter((x) => x.team_id === t.id)) {
      byMeasure[s.measure_id] = Math.round(Number(s.points) * 10) / 10;
      total += Number(s.points) * (weight.get(s.measure_id) ?? 0);
    }
    return { teamOrgId: t.id, teamName: t.name, total: Math.round(total * 10) / 10, byMeasure };
  });
  board.sort((a, b) => b.total - a.total || a.teamName.localeCompare(b.teamName, 'zh-CN'));
  // Equal totals share a rank (1, 2, 2, 4).
  const ranking = board.map((r) => ({ rank: board.findIndex((x) => x.total === r.total) + 1, ...r }));
  const honours = await hq(call.db).selectFrom('honours').select(['id', 'name', 'year']).where('competition_id', '=', id).orderBy('year').execute();
  return {
    id: c.id,
    orgId: c.org_id,
    orgName: c.org_name,
    name: c.name,
    startsOn: c.starts_on,
    endsOn: c.ends_on,
    status: c.status as CompetitionStatus,
    teams: teams.length,
    measures,
    periods,
    ranking,
    honours,
    can: { manage: manager },
  };
}
