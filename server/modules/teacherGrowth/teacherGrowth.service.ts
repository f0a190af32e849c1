/**
 * A teacher's three-year growth plan (growthPlan): load (404 when the caller does not reach the
 * teacher → 403 when they may not take this step → 409 when the plan's status does not allow it),
 * change through core/workflow transition(), audit and notices in the same transaction.
 */
import { shanghaiDate } from '../../core/calendar/calendar.js';
import { recordAudit } from '../../core/audit/audit.js';
import { conflict, forbidden, invalid, notFound } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import { DOCX, IMAGE_AND_PDF, claimFiles, filesOf } from '../../core/files/index.js';
import { t } from '../../core/i18n/messages.js';
import { hasPermission, scopeOf } from '../../core/rbac/actor.js';
import { eventsOf, recordEvent, transition, type TransitionSpec } from '../../core/workflow/index.js';
import type { Call, WriteCall } from '../../core/call.js';
import type { Tx } from '../../core/db/database.js';
import { PLAN_YEARS, TEACHER_GROWTH_PERMISSIONS as P, type GoalArea, type PlanStatus, type TierKey, type YearRating } from '../../../common/teacherGrowth.js';
import type { EvidenceBody, PlanBody, PlanDetail, PlanList, PlanListQuery, PlanSummary } from '../../../common/schemas/teacherGrowth.js';
import * as repo from './teacherGrowth.repository.js';
import { demand, mayReview, reachOf, relationOf, sees, type Reach } from './teacherGrowth.policy.js';
import { tierOf } from './teacherGrowth.tiers.js';
import { dutiesDone } from './teacherGrowth.duties.js';
import { observationsOf, scoreObservation } from './teacherGrowth.rubric.js';

const EVIDENCE_FILES = 'teacherGrowth.evidence';
const KIND = 'teacherGrowth.plan';
const ENTITY = 'growthPlan';

const move = (call: WriteCall, spec: Omit<TransitionSpec, 'kind' | 'table'>) => transition(call, { kind: KIND, table: 'growth_plans', ...spec });
const today = (call: Call) => shanghaiDate(call.now);

interface Loaded {
  plan: repo.PlanRow;
  reach: Reach;
}

async function load(db: Call['db'] | Tx, call: Call, id: string): Promise<Loaded> {
  const plan = await repo.loadPlan(db, id);
  if (!plan) throw notFound();
  const reach = await reachOf(db, call.actor, plan.teacher_id, plan.school_path);
  if (!sees(reach)) throw notFound();
  return { plan, reach };
}

type GoalRow = Awaited<ReturnType<typeof repo.goalsOf>>[number];

interface Weights {
  total: number;
  done: number;
}

const weightsOf = (plan: repo.PlanRow, goals: GoalRow[]): Weights => {
  const year = goals.filter((g) => g.year === plan.current_year);
  return { total: year.reduce((s, g) => s + g.weight, 0), done: year.filter((g) => g.done_on !== null).reduce((s, g) => s + g.weight, 0) };
};

/** The weighted share of the current year's goals done. */
function progressOf(plan: repo.PlanRow, w: Weights): number | null {
  if (plan.status !== 'active' && plan.status !== 'yearReview' && plan.status !== 'complete') return null;
  if (w.total === 0) return null;
  return Math.round((w.done / w.total) * 1000) / 1000;
}

function summaryOf(plan: repo.PlanRow, w: Weights): PlanSummary {
  return {
    id: plan.id,
    teacherId: plan.teacher_id,
    teacherName: plan.teacher_name,
    tier: plan.tier as TierKey,
    title: plan.title,
    startYear: plan.start_year,
    currentYear: plan.current_year,
    status: plan.status as PlanStatus,
    yearProgress: progressOf(plan, w),
  };
}

async function detailOf(db: Call['db'] | Tx, call: Call, l: Loaded): Promise<PlanDetail> {
  const { plan, reach } = l;
  const goals = await repo.goalsOf(db, [plan.id]);
  const evidence = await repo.evidenceOf(db, plan.id);
  const observation = await observationsOf(db, evidence);
  const reviews = await repo.yearReviewsOf(db, plan.id);
  const events = await eventsOf(db, KIND, plan.id);
  const s = plan.status as PlanStatus;
  return {
    ...summaryOf(plan, weightsOf(plan, goals)),
    schoolId: plan.school_id,
    vision: plan.vision,
    reviewComment: plan.review_comment,
    goals: goals.map((g) => ({ id: g.id, year: g.year, area: g.area as GoalArea, title: g.title, measure: g.measure, weight: g.weight, doneOn: g.done_on })),
    evidence: (await Promise.all(evidence.map(async (e) => ({ e, files: await filesOf(db, { kind: EVIDENCE_FILES, id: e.id }) })))).map(({ e, files }) => ({
      id: e.id,
      kind: e.kind as PlanDetail['evidence'][number]['kind'],
      title: e.title,
      note: e.note,
      date: e.date,
      goalId: e.goal_id,
      duty: e.duty,
      rubric: e.rubric === null ? null : JSON.parse(e.rubric),
      observation: observation(e),
      observerName: e.observer_name ?? null,
      activityId: e.activity_id,
      files: files.map((f) => ({ id: f.id, name: f.name, type: f.type, size: f.size })),
    })),
    yearReviews: reviews.map((r) => ({ year: r.year, reflection: r.reflection, rating: r.rating as YearRating | null, comment: r.comment })),
    duties: await dutiesDone(db, plan, today(call)),
    events: events.map((e) => ({ event: e.event, from: e.from, to: e.to, actorName: e.actorName, at: e.at })),
    relation: relationOf(reach),
    can: {
      edit: reach.own && s === 'draft',
      submit: reach.own && s === 'draft',
      review: mayReview(reach) && s === 'submitted',
      activate: (reach.own || reach.office) && s === 'reviewed',
      selfReview: reach.own && s === 'active',
      yearReview: mayReview(reach) && s === 'yearReview',
      addEvidence: s !== 'complete',
    },
  };
}

/** An evidence file's owner, once the caller is seen to reach the plan and the evidence is the plan's. */
export async function evidenceFileOwner(call: Call, planId: string, evidenceId: string) {
  await load(call.db, call, planId);
  if (!(await repo.evidenceOf(call.db, planId)).some((e) => e.id === evidenceId)) throw notFound();
  return { kind: EVIDENCE_FILES, id: evidenceId };
}

export async function detail(call: Call, id: string): Promise<PlanDetail> {
  return detailOf(call.db, call, await load(call.db, call, id));
}

async function reload(call: WriteCall, id: string): Promise<PlanDetail> {
  return detailOf(call.tx, call, await load(call.tx, call, id));
}

/** Mine, the teachers I mentor, or (the office) every plan of the schools I oversee — by teacher name, never ranked, a page at a time. */
export async function list(call: Call, q: PlanListQuery): Promise<PlanList> {
  const me = call.actor.personId;
  const page = { page: q.page, pageSize: q.pageSize };
  const empty = { items: [], total: 0, totalCapped: false, ...page };
  let filter: repo.PlanFilter;
  if (q.view === 'mine') filter = { teacherIds: me && hasPermission(call.actor, P.own) ? [me] : [], status: q.status };
  else if (q.view === 'mentees')
    filter = { teacherIds: me && hasPermission(call.actor, P.own) ? (await repo.menteeIdsOf(call.db, me)).map((m) => m.mentee_id) : [], status: q.status };
  else {
    let schoolPath: string | undefined;
    if (q.schoolId) {
      const school = await repo.schoolOrg(call.db, q.schoolId);
      if (!school) return empty;
      schoolPath = school.path;
    }
    const onTrack = q.onTrackFrom && q.onTrackTo ? { from: q.onTrackFrom, to: q.onTrackTo } : undefined;
    filter = { scope: scopeOf(call.actor, P.oversee), schoolPath, status: q.status, underWay: q.underWay === '1' || !!onTrack, onTrack };
  }
  const { rows, total, totalCapped } = await repo.pagePlans(call.db, filter, page);
  const weights = new Map(
    (
      await repo.currentYearWeights(
        call.db,
        rows.map((r) => r.id),
      )
    ).map((x) => [x.plan_id, { total: Number(x.total), done: Number(x.done) }]),
  );
  return { items: rows.map((r) => summaryOf(r, weights.get(r.id) ?? { total: 0, done: 0 })), total, totalCapped, ...page };
}

async function goalRows(call: WriteCall, planId: string, schoolId: string, tier: TierKey, goals: PlanBody['goals']) {
  const weights = (await tierOf(call.tx, schoolId, tier)).weights;
  return goals.map((g, i) => ({
    id: newId(),
    plan_id: planId,
    year: g.year,
    area: g.area,
    title: g.title,
    measure: g.measure ?? null,
    weight: weights[g.area],
    done_on: null,
    sort: i,
  }));
}

/** A teacher writes their own plan, in the tier they are placed in. */
export async function create(call: WriteCall, body: PlanBody): Promise<PlanDetail> {
  const me = call.actor.personId;
  if (!me || !hasPermission(call.actor, P.own)) throw forbidden();
  const teacher = await repo.teacherOf(call.tx, me);
  if (!teacher) throw invalid('body', 'teacherGrowth.notTeacher');
  const placement = await repo.placementOf(call.tx, me);
  if (!placement) throw invalid('body', 'teacherGrowth.noPlacement');
  if (await repo.openPlanOf(call.tx, me)) throw conflict('teacherGrowth.planOpen');
  const id = newId();
  await repo.insertPlan(call.tx, {
    id,
    teacher_id: me,
    school_id: teacher.schoolId,
    school_path: teacher.schoolPath,
    tier: placement.tier,
    title: body.title,
    vision: body.vision,
    start_year: body.startYear,
    current_year: 1,
    status: 'draft',
    review_comment: null,
    activated_on: null,
    completed_on: null,
    created_at: call.iso,
    updated_at: call.iso,
  });
  await repo.replaceGoals(call.tx, id, await goalRows(call, id, teacher.schoolId, placement.tier as TierKey, body.goals));
  await recordEvent(call, { kind: KIND, id, event: 'created', to: 'draft' });
  await recordAudit(call.tx, call.ctx, { action: 'teacherGrowth.planCreate', entityType: ENTITY, entityId: id, orgId: teacher.schoolId });
  return reload(call, id);
}

export async function update(call: WriteCall, id: string, body: PlanBody): Promise<PlanDetail> {
  const { plan, reach } = await load(call.tx, call, id);
  demand(reach.own);
  if (plan.status !== 'draft') throw conflict();
  await repo.updatePlanText(call.tx, id, { title: body.title, vision: body.vision, start_year: body.startYear, updated_at: call.iso });
  await repo.replaceGoals(call.tx, id, await goalRows(call, id, plan.school_id, plan.tier as TierKey, body.goals));
  await recordEvent(call, { kind: KIND, id, event: 'edited' });
  await recordAudit(call.tx, call.ctx, { action: 'teacherGrowth.planEdit', entityType: ENTITY, entityId: id, orgId: plan.school_id });
  return reload(call, id);
}

export async function submit(call: WriteCall, id: string): Promise<PlanDetail> {
  const { plan, reach } = await load(call.tx, call, id);
  demand(reach.own);
  if (plan.status === 'draft') {
    const years = new Set((await repo.goalsOf(call.tx, [id])).map((g) => g.year));
    if (years.size < PLAN_YEARS) throw invalid('goals', 'teacherGrowth.goalsEachYear');
  }
  const mentors = (await repo.mentorAccountsOf(call.tx, plan.teacher_id)).map((a) => a.id);
  const params = { teacher: plan.teacher_name };
  await move(call, {
    id,
    from: ['draft'],
    to: 'submitted',
    event: 'submitted',
    audit: { action: 'teacherGrowth.planSubmit', entityType: ENTITY, entityId: id, orgId: plan.school_id },
    notify: mentors.length
      ? {
          accountIds: mentors,
          kind: 'teacherGrowth.submitted',
          title: t('zh-CN', 'teacherGrowth.notice.submitted.title', params),
          body: t('zh-CN', 'teacherGrowth.notice.submitted.body', params),
          link: `/teacher-growth/plans/${id}`,
        }
      : undefined,
  });
  return reload(call, id);
}

/** The mentor or the office comments: approve (→ reviewed) or send it back to the teacher (→ draft). */
export async function review(call: WriteCall, id: string, body: { decision: 'approve' | 'return'; comment: string }): Promise<PlanDetail> {
  const { plan, reach } = await load(call.tx, call, id);
  demand(mayReview(reach));
  const owner = (await repo.accountsOfPerson(call.tx, plan.teacher_id)).map((a) => a.id);
  await move(call, {
    id,
    from: ['submitted'],
    to: body.decision === 'approve' ? 'reviewed' : 'draft',
    event: body.decision === 'approve' ? 'reviewed' : 'returned',
    patch: { review_comment: body.comment },
    data: { comment: body.comment },
    audit: { action: 'teacherGrowth.planReview', entityType: ENTITY, entityId: id, orgId: plan.school_id, changes: { decision: body.decision } },
    notify: {
      accountIds: owner,
      kind: 'teacherGrowth.reviewed',
      title: t('zh-CN', 'teacherGrowth.notice.reviewed.title', {}),
      body: t('zh-CN', 'teacherGrowth.notice.reviewed.body', { comment: body.comment }),
      link: `/teacher-growth/plans/${id}`,
    },
  });
  return reload(call, id);
}

export async function activate(call: WriteCall, id: string): Promise<PlanDetail> {
  const { plan, reach } = await load(call.tx, call, id);
  demand(reach.own || reach.office);
  await move(call, {
    id,
    from: ['reviewed'],
    to: 'active',
    event: 'activated',
    patch: { activated_on: today(call), current_year: 1 },
    audit: { action: 'teacherGrowth.planActivate', entityType: ENTITY, entityId: id, orgId: plan.school_id },
  });
  return reload(call, id);
}

export async function completeGoal(call: WriteCall, id: string, goalId: string): Promise<PlanDetail> {
  const { plan, reach } = await load(call.tx, call, id);
  demand(reach.own);
  if (plan.status !== 'active') throw conflict();
  const goal = (await repo.goalsOf(call.tx, [id])).find((g) => g.id === goalId);
  if (!goal) throw notFound();
  if (goal.year !== plan.current_year) throw invalid('goalId', 'teacherGrowth.goalNotThisYear');
  const r = await repo.markGoalDone(call.tx, id, goalId, today(call));
  if (Number(r.numUpdatedRows) > 0) await recordEvent(call, { kind: KIND, id, event: 'goalDone', data: { goal: goal.title } });
  return reload(call, id);
}

/** The teacher's reflection on the year opens its review. */
export async function selfReview(call: WriteCall, id: string, body: { reflection: string }): Promise<PlanDetail> {
  const { plan, reach } = await load(call.tx, call, id);
  demand(reach.own);
  await move(call, {
    id,
    from: ['active'],
    to: 'yearReview',
    event: 'selfReviewed',
    data: { year: plan.current_year },
    audit: { action: 'teacherGrowth.planSelfReview', entityType: ENTITY, entityId: id, orgId: plan.school_id },
  });
  await repo.saveSelfReview(call.tx, id, plan.current_year, body.reflection);
  return reload(call, id);
}

/** The mentor or the office rates the year: the plan goes on into the next year, or is complete after the third. */
export async function yearReview(call: WriteCall, id: string, body: { rating: YearRating; comment: string }): Promise<PlanDetail> {
  const { plan, reach } = await load(call.tx, call, id);
  demand(mayReview(reach));
  const last = plan.current_year >= PLAN_YEARS;
  await move(call, {
    id,
    from: ['yearReview'],
    to: last ? 'complete' : 'active',
    event: last ? 'completed' : 'yearReviewed',
    patch: last ? { completed_on: today(call) } : { current_year: plan.current_year + 1 },
    data: { year: plan.current_year, rating: body.rating },
    audit: {
      action: 'teacherGrowth.planYearReview',
      entityType: ENTITY,
      entityId: id,
      orgId: plan.school_id,
      changes: { year: plan.current_year, rating: body.rating },
    },
  });
  await repo.concludeYear(call.tx, id, plan.current_year, {
    rating: body.rating,
    comment: body.comment,
    reviewer_account_id: call.actor.accountId,
    reviewed_at: call.iso,
  });
  return reload(call, id);
}

/** Evidence on a plan: the teacher's own, or a mentor's / the office's observation of them (the observer is recorded). */
export async function addEvidence(call: WriteCall, id: string, body: EvidenceBody): Promise<PlanDetail> {
  const { plan, reach } = await load(call.tx, call, id);
  if (plan.status === 'complete') throw conflict();
  // Only an observation is scored; any other kind carries no scores.
  const scored =
    body.kind === 'observation'
      ? await scoreObservation(call.tx, plan.school_id, body.rubricId, body.rubric)
      : { rubric_id: null, score: null, rubric_met: null };
  if (body.goalId && !(await repo.goalsOf(call.tx, [id])).some((g) => g.id === body.goalId)) throw invalid('body.goalId', 'teacherGrowth.goalUnknown');
  if (body.duty && !(await tierOf(call.tx, plan.school_id, plan.tier as TierKey)).duties.some((d) => d.key === body.duty))
    throw invalid('body.duty', 'teacherGrowth.dutyUnknown');
  const evidenceId = newId();
  await repo.insertEvidence(call.tx, {
    id: evidenceId,
    teacher_id: plan.teacher_id,
    school_path: plan.school_path,
    plan_id: id,
    goal_id: body.goalId ?? null,
    duty: body.duty ?? null,
    kind: body.kind,
    title: body.title,
    note: body.note ?? null,
    date: body.date,
    rubric: body.kind === 'observation' ? JSON.stringify(body.rubric) : null,
    ...scored,
    observer_id: reach.own ? null : call.actor.personId,
    activity_id: null,
    created_by: call.actor.accountId,
    created_at: call.iso,
  });
  // A lesson plan is often a Word file: photos, PDF and .docx are taken.
  await claimFiles(call, body.fileIds ?? [], { kind: EVIDENCE_FILES, id: evidenceId }, { types: [...IMAGE_AND_PDF, DOCX] });
  await recordEvent(call, { kind: KIND, id, event: 'evidence', data: { kind: body.kind, title: body.title } });
  await recordAudit(call.tx, call.ctx, {
    action: 'teacherGrowth.evidenceAdd',
    entityType: 'growthEvidence',
    entityId: evidenceId,
    orgId: plan.school_id,
    changes: { plan: id, kind: body.kind },
  });
  return reload(call, id);
}
