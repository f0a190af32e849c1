/**
 * The school office's side of teacher growth: the tiers it defines, where each teacher stands,
 * mentoring pairs (师徒结对) and promotions between tiers (the research office proposes, the
 * principal approves; the history stays). Every view is the school's own; none ranks teachers.
 */
import { shanghaiDate } from '../../core/calendar/calendar.js';
import { recordAudit } from '../../core/audit/audit.js';
import { conflict, invalid, notFound } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import { t } from '../../core/i18n/messages.js';
import { transition } from '../../core/workflow/index.js';
import type { Call, WriteCall } from '../../core/call.js';
import {
  TEACHER_GROWTH_PERMISSIONS as P,
  TIER_KEYS,
  type EvidenceKind,
  type PlanStatus,
  type PromotionStatus,
  type TierKey,
} from '../../../common/teacherGrowth.js';
import type { TierBody } from '../../../common/schemas/teacherGrowth.js';
import * as repo from './teacherGrowth.repository.js';
import { memberSchool, overseenSchool, reachOf, sees } from './teacherGrowth.policy.js';
import { rankOf, tierOf, tiersOf } from './teacherGrowth.tiers.js';
import { dutiesMet } from './teacherGrowth.duties.js';

const today = (call: Call) => shanghaiDate(call.now);

export async function tiers(call: Call, schoolId: string) {
  await memberSchool(call.db, call.actor, schoolId);
  return { items: await tiersOf(call.db, schoolId) };
}

export async function saveTier(call: WriteCall, schoolId: string, key: TierKey, body: TierBody) {
  await overseenSchool(call.tx, call.actor, schoolId);
  if (Object.values(body.weights).reduce((s, w) => s + w, 0) !== 100) throw invalid('body.weights', 'teacherGrowth.weights');
  const before = await tierOf(call.tx, schoolId, key);
  await repo.saveTier(call.tx, schoolId, key, JSON.stringify(body), call.iso);
  await recordAudit(call.tx, call.ctx, {
    action: 'teacherGrowth.tierSave',
    entityType: 'teacherTier',
    entityId: key,
    orgId: schoolId,
    changes: { name: [before.name, body.name] },
  });
  return { items: await tiersOf(call.tx, schoolId) };
}

/** The office's tier dashboard: every teacher of the school with tier, plan state and mentors, by name. */
export async function roster(call: Call, schoolId: string, tier?: TierKey, placedOnly = false, duties?: { from: string; to: string }) {
  const school = await overseenSchool(call.db, call.actor, schoolId);
  const teachers = await repo.teachersOfSchool(call.db, school.path);
  // The "duties done" drill: only those who did every duty of their tier in the period (teacherGrowth.duties.ts).
  const met = duties
    ? await dutiesMet(
        call.db,
        teachers.filter((x) => !!x.tier).map((x) => ({ teacher_id: x.id, school_id: school.id, tier: x.tier! })),
        duties.from,
        duties.to,
      )
    : null;
  const plans = await repo.planStatesUnder(call.db, school.path);
  const latest = new Map<string, (typeof plans)[number]>();
  for (const p of plans) if (!latest.has(p.teacher_id) || latest.get(p.teacher_id)!.created_at < p.created_at) latest.set(p.teacher_id, p);
  const mentors = await repo.currentMentorsByMentee(call.db, school.path);
  const perTier: Record<string, number> = Object.fromEntries(TIER_KEYS.map((k) => [k, 0]));
  for (const x of teachers) if (x.tier) perTier[x.tier] = (perTier[x.tier] ?? 0) + 1;
  return {
    perTier,
    items: teachers
      .filter((x) => (!tier || x.tier === tier) && (!placedOnly || !!x.tier) && (!met || met.has(x.id)))
      .map((x) => ({
        teacherId: x.id,
        name: x.name,
        subject: x.subject,
        tier: (x.tier ?? null) as TierKey | null,
        milestone: x.milestone ?? null,
        planId: latest.get(x.id)?.id ?? null,
        planStatus: (latest.get(x.id)?.status ?? null) as PlanStatus | null,
        mentors: mentors.get(x.id) ?? [],
      })),
  };
}

async function teacherInSchool(call: WriteCall, personId: string, schoolId: string, field: string) {
  const teacher = await repo.teacherOf(call.tx, personId);
  if (!teacher || teacher.schoolId !== schoolId) throw invalid(field, 'teacherGrowth.otherSchool');
  return teacher;
}

/** Places a teacher in a tier (their first placement, or a correction); promotions go through propose/approve. */
export async function place(call: WriteCall, teacherId: string, body: { tier: TierKey; milestone?: string | null; since: string }) {
  const teacher = await repo.teacherOf(call.tx, teacherId);
  if (!teacher) throw notFound();
  await overseenSchool(call.tx, call.actor, teacher.schoolId);
  const before = await repo.placementOf(call.tx, teacherId);
  await repo.place(call.tx, {
    teacher_id: teacherId,
    school_id: teacher.schoolId,
    school_path: teacher.schoolPath,
    tier: body.tier,
    milestone: body.milestone ?? null,
    since: body.since,
    updated_at: call.iso,
  });
  await recordAudit(call.tx, call.ctx, {
    action: 'teacherGrowth.place',
    entityType: 'teacherTier',
    entityId: teacherId,
    orgId: teacher.schoolId,
    changes: { tier: [before?.tier ?? null, body.tier], milestone: [before?.milestone ?? null, body.milestone ?? null] },
  });
  return history({ ...call, db: call.tx as unknown as Call['db'] }, teacherId);
}

/** A teacher's tier, promotions and plans: the teacher, their mentor, the office. */
export async function history(call: Call, teacherId: string) {
  const teacher = await repo.teacherOf(call.db, teacherId);
  if (!teacher) throw notFound();
  const reach = await reachOf(call.db, call.actor, teacherId, teacher.schoolPath);
  if (!sees(reach)) throw notFound();
  const placement = await repo.placementOf(call.db, teacherId);
  const plans = await repo.plansOfTeacher(call.db, teacherId);
  return {
    teacherId,
    name: teacher.name,
    tier: (placement?.tier ?? null) as TierKey | null,
    milestone: placement?.milestone ?? null,
    promotions: (await repo.promotions(call.db, { teacherId })).map(promotionOf),
    plans: plans.map((p) => ({
      id: p.id,
      teacherId: p.teacher_id,
      teacherName: p.teacher_name,
      tier: p.tier as TierKey,
      title: p.title,
      startYear: p.start_year,
      currentYear: p.current_year,
      status: p.status as PlanStatus,
      yearProgress: null,
    })),
  };
}

// ---- mentoring pairs ----

const pairOf = (m: Awaited<ReturnType<typeof repo.mentorships>>[number]) => ({
  id: m.id,
  mentorId: m.mentor_id,
  mentorName: m.mentor_name,
  menteeId: m.mentee_id,
  menteeName: m.mentee_name,
  startedOn: m.started_on,
  endedOn: m.ended_on,
});

/** The office sees the school's pairs; a teacher the pairs they are in. */
export async function listMentorships(call: Call, schoolId: string) {
  const { school, teacher } = await memberSchool(call.db, call.actor, schoolId);
  const rows = teacher
    ? await repo.mentorships(call.db, { schoolPath: school.path, personId: teacher.id })
    : await repo.mentorships(call.db, { schoolPath: school.path });
  return { items: rows.map(pairOf) };
}

export async function createMentorship(call: WriteCall, schoolId: string, body: { mentorId: string; menteeId: string; startedOn: string }) {
  const school = await overseenSchool(call.tx, call.actor, schoolId);
  if (body.mentorId === body.menteeId) throw invalid('body.menteeId', 'teacherGrowth.samePerson');
  await teacherInSchool(call, body.mentorId, schoolId, 'body.mentorId');
  await teacherInSchool(call, body.menteeId, schoolId, 'body.menteeId');
  if (await repo.mentors(call.tx, body.mentorId, body.menteeId)) throw conflict('teacherGrowth.pairExists');
  const id = newId();
  await repo.insertMentorship(call.tx, {
    id,
    school_id: schoolId,
    school_path: school.path,
    mentor_id: body.mentorId,
    mentee_id: body.menteeId,
    started_on: body.startedOn,
    ended_on: null,
    created_at: call.iso,
  });
  await recordAudit(call.tx, call.ctx, { action: 'teacherGrowth.pair', entityType: 'growthMentorship', entityId: id, orgId: schoolId });
  return pairOf((await repo.mentorships(call.tx, { id }))[0]!);
}

export async function endMentorship(call: WriteCall, id: string, body: { endedOn: string }) {
  const pair = (await repo.mentorships(call.tx, { id }))[0];
  if (!pair) throw notFound();
  await overseenSchool(call.tx, call.actor, pair.school_id);
  if (pair.ended_on !== null) throw conflict();
  if (body.endedOn < pair.started_on) throw invalid('body.endedOn', 'teacherGrowth.endBeforeStart');
  await repo.endMentorship(call.tx, id, body.endedOn);
  await recordAudit(call.tx, call.ctx, { action: 'teacherGrowth.unpair', entityType: 'growthMentorship', entityId: id, orgId: pair.school_id });
  return pairOf((await repo.mentorships(call.tx, { id }))[0]!);
}

// ---- promotions ----

type PromotionRow = NonNullable<Awaited<ReturnType<typeof repo.loadPromotion>>>;
const promotionOf = (r: PromotionRow) => ({
  id: r.id,
  teacherId: r.teacher_id,
  teacherName: r.teacher_name,
  fromTier: r.from_tier as TierKey,
  toTier: r.to_tier as TierKey,
  reason: r.reason,
  status: r.status as PromotionStatus,
  proposedAt: r.proposed_at,
  decidedOn: r.decided_on,
  decisionNote: r.decision_note,
});

export async function listPromotions(call: Call, schoolId: string, f: { status?: string; decidedFrom?: string; decidedTo?: string } = {}) {
  const school = await overseenSchool(call.db, call.actor, schoolId);
  return { items: (await repo.promotions(call.db, { schoolPath: school.path, ...f })).map(promotionOf) };
}

/** The school's evidence of a kind in a range: what teacherGrowth.observations counts. */
export async function listEvidence(call: Call, schoolId: string, f: { kind?: string; from?: string; to?: string; met?: '1' }) {
  const school = await overseenSchool(call.db, call.actor, schoolId);
  const rows = await repo.evidenceOfSchool(call.db, school.path, { ...f, met: f.met === '1' });
  return {
    items: rows.map((r) => ({
      id: r.id,
      teacherId: r.teacher_id,
      teacherName: r.teacher_name,
      kind: r.kind as EvidenceKind,
      title: r.title,
      date: r.date,
      observerName: r.observer_name ?? null,
      score: r.score === null ? null : Number(r.score),
    })),
    total: rows.length,
  };
}

export async function propose(call: WriteCall, schoolId: string, body: { teacherPersonId: string; toTier: TierKey; reason: string }) {
  const school = await overseenSchool(call.tx, call.actor, schoolId, P.propose);
  const teacher = await teacherInSchool(call, body.teacherPersonId, schoolId, 'body.teacherPersonId');
  const placement = await repo.placementOf(call.tx, teacher.id);
  if (!placement) throw invalid('body.teacherPersonId', 'teacherGrowth.noPlacement');
  if (rankOf(body.toTier) <= rankOf(placement.tier)) throw invalid('body.toTier', 'teacherGrowth.notHigher');
  if (await repo.openPromotionOf(call.tx, teacher.id)) throw conflict('teacherGrowth.promotionOpen');
  const id = newId();
  await repo.insertPromotion(call.tx, {
    id,
    teacher_id: teacher.id,
    school_id: schoolId,
    school_path: school.path,
    from_tier: placement.tier,
    to_tier: body.toTier,
    reason: body.reason,
    status: 'proposed',
    proposed_by: call.actor.accountId,
    proposed_at: call.iso,
    decided_by: null,
    decided_on: null,
    decision_note: null,
    updated_at: call.iso,
  });
  await recordAudit(call.tx, call.ctx, {
    action: 'teacherGrowth.propose',
    entityType: 'growthPromotion',
    entityId: id,
    orgId: schoolId,
    changes: { tier: [placement.tier, body.toTier] },
  });
  return promotionOf((await repo.loadPromotion(call.tx, id))!);
}

/** The principal decides; an approval moves the teacher's placement in the same transaction. */
export async function decide(call: WriteCall, id: string, approve: boolean, note?: string) {
  const p = await repo.loadPromotion(call.tx, id);
  if (!p) throw notFound();
  await overseenSchool(call.tx, call.actor, p.school_id, P.approve);
  const on = today(call);
  const tierName = (await tierOf(call.tx, p.school_id, p.to_tier as TierKey)).name;
  const owner = (await repo.accountsOfPerson(call.tx, p.teacher_id)).map((a) => a.id);
  await transition(call, {
    kind: 'teacherGrowth.promotion',
    table: 'growth_promotions',
    id,
    from: ['proposed'],
    to: approve ? 'approved' : 'rejected',
    event: approve ? 'approved' : 'rejected',
    patch: { decided_by: call.actor.accountId, decided_on: on, decision_note: note ?? null },
    audit: {
      action: approve ? 'teacherGrowth.promote' : 'teacherGrowth.promotionReject',
      entityType: 'growthPromotion',
      entityId: id,
      orgId: p.school_id,
      changes: { tier: [p.from_tier, p.to_tier] },
    },
    notify: approve
      ? {
          accountIds: owner,
          kind: 'teacherGrowth.promoted',
          title: t('zh-CN', 'teacherGrowth.notice.promoted.title', { tier: tierName }),
          body: t('zh-CN', 'teacherGrowth.notice.promoted.body', { tier: tierName }),
          link: '/teacher-growth',
        }
      : undefined,
  });
  if (approve)
    await repo.place(call.tx, {
      teacher_id: p.teacher_id,
      school_id: p.school_id,
      school_path: p.school_path,
      tier: p.to_tier,
      milestone: null,
      since: on,
      updated_at: call.iso,
    });
  return promotionOf((await repo.loadPromotion(call.tx, id))!);
}
