/** Reading honours: the honours one may see, the nominations list, one nomination with its evidence, the published awards. */
import { assessmentResult, HONOURS_PERMISSIONS as P, type DisqualifierReason, type HonourKind, type NominationStatus } from '../../../common/honours.js';
import type { Finding } from '../../../common/schemas/honours.js';
import type { Call } from '../../core/call.js';
import { scopeOf } from '../../core/rbac/actor.js';
import { pathInScope } from '../../core/rbac/scope-sql.js';
import { eventsOf } from '../../core/workflow/index.js';
import { assessmentOf, criteriaOf } from './honours.assessment.js';
import { nominationRows } from './honours.list.js';
import { alongLine } from './honours.policy.js';
import { honourReaches, loadNomination, NOMINATION_KIND } from './honours.service.js';
import { hq } from './honours.tables.js';

/** The orgs at and above the caller's grants of `permission`: what "along the line" means as an IN list. */
function lineOf(paths: string[]): string[] {
  const out = new Set<string>();
  for (const p of paths) {
    const ids = p.split('/').filter(Boolean);
    for (let i = 1; i <= ids.length; i++) out.add(`/${ids.slice(0, i).join('/')}/`);
  }
  return [...out];
}

export async function listHonours(call: Call, q: { year?: number }) {
  const read = scopeOf(call.actor, P.read);
  const nominate = scopeOf(call.actor, P.nominate);
  const line = nominate.all ? [] : lineOf(nominate.paths);
  let query = hq(call.db)
    .selectFrom('honours as h')
    .innerJoin('orgs as o', 'o.id', 'h.org_id')
    .select([
      'h.id',
      'h.org_id',
      'o.name as org_name',
      'h.kind',
      'h.name',
      'h.year',
      'h.criteria',
      'h.criteria_items',
      'h.pass_score',
      'h.competition_id',
      'h.org_path',
    ])
    .select((eb) =>
      eb
        .selectFrom('honour_nominations as n')
        .whereRef('n.honour_id', '=', 'h.id')
        .select((e) => e.fn.countAll<number>().as('c'))
        .as('nominations'),
    )
    .where((eb) =>
      eb.or([pathInScope(eb, 'h.org_path', read), pathInScope(eb, 'h.org_path', nominate), ...(line.length ? [eb('h.org_path', 'in', line)] : [])]),
    );
  if (q.year) query = query.where('h.year', '=', q.year);
  const rows = await query.orderBy('h.year', 'desc').orderBy('h.name').limit(500).execute();
  return {
    items: rows
      .filter((r) => honourReaches(call, r.org_path))
      .map((r) => ({
        id: r.id,
        orgId: r.org_id,
        orgName: r.org_name,
        kind: r.kind as HonourKind,
        name: r.name,
        year: r.year,
        criteria: r.criteria,
        criteriaItems: criteriaOf(r),
        passScore: r.pass_score,
        competitionId: r.competition_id,
        nominations: Number(r.nominations ?? 0),
      })),
  };
}

// The nominations list is the kit's paged list, in its own file (cursor, export); here for bench/honours and the routes.
export { listNominations } from './honours.list.js';

export async function nominationDetail(call: Call, id: string) {
  const { rel } = await loadNomination(call, call.db, id);
  const r = await nominationRows(call)
    .select(['n.record', 'n.checked_at', 'n.note', 'n.assessment', 'n.assessed_at', 'h.criteria_items', 'h.pass_score'])
    .leftJoin('accounts as ab', 'ab.id', 'n.assessed_by')
    .select('ab.display_name as assessed_by_name')
    .innerJoin('accounts as a', 'a.id', 'n.nominated_by')
    .select('a.display_name as nominated_by_name')
    .where('n.id', '=', id)
    .executeTakeFirstOrThrow();
  const rows = await hq(call.db).selectFrom('honour_findings').select(['reason', 'evidence']).where('nomination_id', '=', id).orderBy('reason').execute();
  const findings: Finding[] = rows.map((f) => ({ reason: f.reason as DisqualifierReason, evidence: JSON.parse(f.evidence) }));
  const criteria = criteriaOf(r);
  const a = assessmentOf(r);
  const timeline = (await eventsOf(call.db, NOMINATION_KIND, id)).map((e) => ({
    event: e.event,
    to: e.to,
    actorName: e.actorName,
    at: e.at,
    data: rel.overseer ? e.data : null,
  }));
  return {
    id: r.id,
    honourId: r.honour_id,
    honourName: r.honour_name,
    year: r.year,
    unitId: r.unit_id,
    unitName: r.unit_name,
    teamOrgId: r.team_id,
    teamName: r.team_name,
    status: r.status as NominationStatus,
    // The nominator learns the reasons only once the union decided on them; the evidence never.
    reasons: rel.overseer || r.status === 'disqualified' ? findings.map((f) => f.reason) : [],
    score: rel.overseer || r.status !== 'submitted' ? r.assessment_total : null,
    createdAt: r.created_at,
    record: r.record,
    nominatedBy: r.nominated_by_name,
    findings: rel.overseer ? findings : null,
    checkedAt: rel.overseer ? r.checked_at : null,
    criteria,
    passScore: r.pass_score,
    // The department sees how its team was judged once the review decided, as it sees the reasons.
    assessment:
      a && (rel.overseer || r.status !== 'submitted')
        ? { ...a, ...assessmentResult(criteria, r.pass_score, a), assessedBy: r.assessed_by_name ?? '', assessedAt: r.assessed_at ?? '' }
        : null,
    note: r.note,
    timeline,
    can: { review: rel.reviewer && r.status === 'submitted', award: rel.awarder && ['recommended', 'awarded', 'published'].includes(r.status) },
  };
}

/** Published awards of honours declared at the caller's orgs, above them or below them. */
export async function publishedAwards(call: Call, q: { year?: number }) {
  const scope = scopeOf(call.actor, P.readPublished);
  if (!scope.all && !scope.paths.length) return { items: [] };
  let query = nominationRows(call).select(['h.kind', 'n.updated_at']).where('n.status', '=', 'published');
  if (!scope.all) query = query.where((eb) => eb.or([eb('h.org_path', 'in', lineOf(scope.paths)), pathInScope(eb, 'h.org_path', scope)]));
  if (q.year) query = query.where('n.year', '=', q.year);
  const rows = await query.orderBy('n.year', 'desc').orderBy('t.name').limit(500).execute();
  return {
    items: rows
      .filter((r) => alongLine(scope, r.honour_path))
      .map((r) => ({
        nominationId: r.id,
        honourName: r.honour_name,
        kind: r.kind as HonourKind,
        year: r.year,
        unitName: r.unit_name,
        teamName: r.team_name,
        publishedAt: r.updated_at,
      })),
  };
}
