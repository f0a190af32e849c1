/**
 * The nomination loop: an honour is declared; a unit nominates a team with its record; the
 * disqualifiers are checked automatically at once and again at review; the union recommends,
 * disqualifies or rejects; the chair awards and publishes, and may revoke with a reason.
 * Each action: load (404) → relation (403) → status (409), then change, event and audit in the call's transaction.
 */
import type { z } from 'zod';
import { UNIT_KINDS } from '../../../common/appeals.js';
import { HONOURS_PERMISSIONS as P } from '../../../common/honours.js';
import type { AssessmentBody, CreateHonourBody, Finding, NominateBody } from '../../../common/schemas/honours.js';
import type { Call, WriteCall } from '../../core/call.js';
import { recordAudit } from '../../core/audit/audit.js';
import { shanghaiDate } from '../../core/calendar/calendar.js';
import type { Db, Tx } from '../../core/db/database.js';
import { invalid, notFound } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import { inScope, scopeOf } from '../../core/rbac/actor.js';
import { recordEvent, statusConflict, transition } from '../../core/workflow/index.js';
import { assertMeetsCriteria, checkedAssessment, checkedCriteria, criteriaOf } from './honours.assessment.js';
import { checkDisqualifiers } from './honours.disqualifiers.js';
import { HM } from './honours.messages.js';
import { publishAwardNotice, withdrawAwardNotice } from './honours.notice.js';
import { alongLine, assertAwarder, assertHolds, assertReviewer, assertVisible, relationTo } from './honours.policy.js';
import { hq } from './honours.tables.js';

export const NOMINATION_KIND = 'honours.nomination';

export async function createHonour(call: WriteCall, body: z.infer<typeof CreateHonourBody>) {
  assertHolds(call.actor, P.manage);
  const org = await hq(call.tx).selectFrom('orgs').select(['id', 'path']).where('id', '=', body.orgId).executeTakeFirst();
  if (!org || !inScope(scopeOf(call.actor, P.manage), org.path)) throw invalid('orgId', HM['honours.orgUnknown']);
  if (body.competitionId) {
    const c = await hq(call.tx).selectFrom('competitions').select('org_path').where('id', '=', body.competitionId).executeTakeFirst();
    if (!c || !inScope(scopeOf(call.actor, P.read), c.org_path)) throw invalid('competitionId', HM['honours.competitionUnknown']);
  }
  const { items, passScore } = checkedCriteria(body);
  const id = newId();
  await hq(call.tx)
    .insertInto('honours')
    .values({
      id,
      org_id: org.id,
      org_path: org.path,
      kind: body.kind,
      name: body.name,
      year: body.year,
      criteria: body.criteria,
      criteria_items: JSON.stringify(items),
      pass_score: passScore,
      competition_id: body.competitionId ?? null,
      created_at: call.iso,
      updated_at: call.iso,
    })
    .execute();
  await recordAudit(call.tx, call.ctx, {
    action: 'honours.create',
    entityType: 'honour',
    entityId: id,
    orgId: org.id,
    changes: { name: body.name, year: body.year, kind: body.kind, criteriaItems: items, passScore },
  });
  return { id };
}

/** An honour reaches the union of its subtree, and nominators of any org along its line. */
export function honourReaches(call: Call, path: string): boolean {
  return inScope(scopeOf(call.actor, P.read), path) || alongLine(scopeOf(call.actor, P.nominate), path);
}

async function loadNomination(call: Call, db: Db | Tx, id: string) {
  const n = await hq(db)
    .selectFrom('honour_nominations as n')
    .innerJoin('honours as h', 'h.id', 'n.honour_id')
    .selectAll('n')
    .select(['h.org_path as honour_path', 'h.org_id as honour_org_id'])
    .where('n.id', '=', id)
    .executeTakeFirst();
  if (!n) throw notFound();
  const rel = relationTo(call.actor, n, n.honour_path);
  assertVisible(rel);
  return { n, rel };
}
export { loadNomination };

/**
 * The unit that nominates a team and whose records the disqualifiers read: the nearest department
 * (区队/科室) above the team, else its mine, else the top of the tree. A department rather than the
 * mine, so one department's arrears do not bar every team of the mine.
 */
async function unitOf(tx: Tx, teamPath: string) {
  const ids = teamPath.split('/').filter(Boolean);
  const orgs = (await hq(tx).selectFrom('orgs').select(['id', 'path', 'kind', 'depth']).where('id', 'in', ids).execute()).sort((a, b) => b.depth - a.depth);
  return orgs.find((o) => o.kind === 'department') ?? orgs.find((o) => UNIT_KINDS.includes(o.kind)) ?? orgs[orgs.length - 1];
}

async function saveFindings(call: WriteCall, nominationId: string, findings: Finding[]) {
  await hq(call.tx).deleteFrom('honour_findings').where('nomination_id', '=', nominationId).execute();
  if (findings.length)
    await hq(call.tx)
      .insertInto('honour_findings')
      .values(findings.map((f) => ({ nomination_id: nominationId, reason: f.reason, evidence: JSON.stringify(f.evidence) })))
      .execute();
  await hq(call.tx).updateTable('honour_nominations').set({ checked_at: call.iso }).where('id', '=', nominationId).execute();
}

export async function nominate(call: WriteCall, honourId: string, body: z.infer<typeof NominateBody>) {
  assertHolds(call.actor, P.nominate);
  const honour = await hq(call.tx).selectFrom('honours').selectAll().where('id', '=', honourId).executeTakeFirst();
  if (!honour || !honourReaches(call, honour.org_path)) throw notFound();
  const team = await hq(call.tx).selectFrom('orgs').select(['id', 'path', 'kind']).where('id', '=', body.teamOrgId).executeTakeFirst();
  if (!team || team.kind !== 'team' || !inScope(scopeOf(call.actor, P.nominate), team.path)) throw invalid('teamOrgId', HM['honours.teamUnknown']);
  if (!team.path.startsWith(honour.org_path)) throw invalid('teamOrgId', HM['honours.teamOutsideHonour']);
  const dup = await hq(call.tx)
    .selectFrom('honour_nominations')
    .select('id')
    .where('honour_id', '=', honourId)
    .where('team_id', '=', team.id)
    .executeTakeFirst();
  if (dup) throw invalid('teamOrgId', HM['honours.alreadyNominated']);
  const unit = await unitOf(call.tx, team.path);
  const id = newId();
  await hq(call.tx)
    .insertInto('honour_nominations')
    .values({
      id,
      honour_id: honourId,
      year: honour.year,
      unit_id: unit.id,
      unit_path: unit.path,
      team_id: team.id,
      record: body.record,
      nominated_by: call.actor.accountId,
      status: 'submitted',
      nominated_on: shanghaiDate(call.now),
      checked_at: null,
      note: null,
      created_at: call.iso,
      updated_at: call.iso,
    })
    .execute();
  const findings = await checkDisqualifiers(call.tx, { unitPath: unit.path, today: shanghaiDate(call.now) });
  await saveFindings(call, id, findings);
  await recordEvent(call, { kind: NOMINATION_KIND, id, event: 'nominated', to: 'submitted', data: { reasons: findings.map((f) => f.reason) } });
  await recordAudit(call.tx, call.ctx, {
    action: 'honours.nominate',
    entityType: 'honourNomination',
    entityId: id,
    orgId: unit.id,
    changes: { honourId, teamOrgId: team.id },
  });
  return { id };
}

/** Checks again (records change after a nomination): the findings are replaced and the check is on the timeline. */
export async function recheck(call: WriteCall, id: string): Promise<Finding[]> {
  const { n, rel } = await loadNomination(call, call.tx, id);
  assertReviewer(rel);
  const findings = await checkDisqualifiers(call.tx, { unitPath: n.unit_path, today: shanghaiDate(call.now) });
  await saveFindings(call, id, findings);
  await recordEvent(call, { kind: NOMINATION_KIND, id, event: 'checked', data: { reasons: findings.map((f) => f.reason) } });
  return findings;
}

const audit = (action: string, id: string, orgId: string, changes?: Record<string, unknown>) => ({
  action,
  entityType: 'honourNomination',
  entityId: id,
  orgId,
  changes,
});

/** The review scores every scored criterion and checks every requirement; it may assess again while the nomination waits for review. */
export async function assess(call: WriteCall, id: string, body: z.infer<typeof AssessmentBody>) {
  const { n, rel } = await loadNomination(call, call.tx, id);
  assertReviewer(rel);
  if (n.status !== 'submitted') throw statusConflict();
  const honour = await hq(call.tx).selectFrom('honours').select(['criteria_items', 'pass_score']).where('id', '=', n.honour_id).executeTakeFirstOrThrow();
  const { assessment, total, passed } = checkedAssessment(criteriaOf(honour), honour.pass_score, body);
  await hq(call.tx)
    .updateTable('honour_nominations')
    .set({ assessment: JSON.stringify(assessment), assessment_total: total, assessed_by: call.actor.accountId, assessed_at: call.iso, updated_at: call.iso })
    .where('id', '=', id)
    .where('status', '=', 'submitted')
    .execute();
  await recordEvent(call, { kind: NOMINATION_KIND, id, event: 'assessed', data: { total, passed } });
  await recordAudit(call.tx, call.ctx, audit('honours.assess', id, n.unit_id, { ...assessment, total }));
  return { total, passed };
}

export async function recommend(call: WriteCall, id: string, note?: string) {
  const { n, rel } = await loadNomination(call, call.tx, id);
  assertReviewer(rel);
  if (n.status !== 'submitted') throw statusConflict();
  await assertMeetsCriteria(call, n);
  if ((await recheck(call, id)).length) throw invalid('status', HM['honours.disqualifierFound']);
  await transition(call, {
    kind: NOMINATION_KIND,
    table: 'honour_nominations',
    id,
    from: ['submitted'],
    to: 'recommended',
    patch: { note: note ?? null },
    event: 'recommended',
    data: note ? { note } : undefined,
    audit: audit('honours.recommend', id, n.unit_id),
  });
  return { ok: true as const };
}

export async function disqualify(call: WriteCall, id: string, note?: string) {
  const { n, rel } = await loadNomination(call, call.tx, id);
  assertReviewer(rel);
  if (n.status !== 'submitted') throw statusConflict();
  const findings = await recheck(call, id);
  if (!findings.length) throw invalid('status', HM['honours.noDisqualifier']);
  const reasons = findings.map((f) => f.reason);
  await transition(call, {
    kind: NOMINATION_KIND,
    table: 'honour_nominations',
    id,
    from: ['submitted'],
    to: 'disqualified',
    patch: { note: note ?? null },
    event: 'disqualified',
    data: { reasons, note: note ?? null },
    audit: audit('honours.disqualify', id, n.unit_id, { reasons }),
  });
  return { ok: true as const };
}

export async function reject(call: WriteCall, id: string, reason: string) {
  const { n, rel } = await loadNomination(call, call.tx, id);
  assertReviewer(rel);
  await transition(call, {
    kind: NOMINATION_KIND,
    table: 'honour_nominations',
    id,
    from: ['submitted', 'recommended'],
    to: 'rejected',
    patch: { note: reason },
    event: 'rejected',
    data: { reason },
    audit: audit('honours.reject', id, n.unit_id, { reason }),
  });
  return { ok: true as const };
}

export async function award(call: WriteCall, id: string) {
  const { n, rel } = await loadNomination(call, call.tx, id);
  assertAwarder(rel);
  await transition(call, {
    kind: NOMINATION_KIND,
    table: 'honour_nominations',
    id,
    from: ['recommended'],
    to: 'awarded',
    event: 'awarded',
    audit: audit('honours.award', id, n.unit_id),
  });
  return { ok: true as const };
}

export async function publish(call: WriteCall, id: string) {
  const { n, rel } = await loadNomination(call, call.tx, id);
  assertAwarder(rel);
  await transition(call, {
    kind: NOMINATION_KIND,
    table: 'honour_nominations',
    id,
    from: ['awarded'],
    to: 'published',
    event: 'published',
    audit: audit('honours.publish', id, n.unit_id),
  });
  await publishAwardNotice(call, id);
  return { ok: true as const };
}

export async function revoke(call: WriteCall, id: string, reason: string) {
  const { n, rel } = await loadNomination(call, call.tx, id);
  assertAwarder(rel);
  await transition(call, {
    kind: NOMINATION_KIND,
    table: 'honour_nominations',
    id,
    from: ['awarded', 'published'],
    to: 'revoked',
    patch: { note: reason },
    event: 'revoked',
    data: { reason },
    audit: audit('honours.revoke', id, n.unit_id, { reason }),
  });
  await withdrawAwardNotice(call, id, reason);
  return { ok: true as const };
}
