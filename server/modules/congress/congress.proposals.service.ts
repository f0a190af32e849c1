/**
 * Proposals (提案): raised by a representative during the collection period, seconded by at
 * least two others, screened by the review committee with a reason, numbered when adopted,
 * assigned to a department with co-handlers and a deadline in working days, answered, rated
 * by the proposer (one reopen), graded A/B/C, and published. Every status change goes through
 * core/workflow, so the proposal's timeline is its entity_events.
 */
import type { z } from 'zod';
import {
  ADOPTED_STATUSES,
  ANSWER_DAYS,
  CONGRESS_PERMISSIONS as P,
  SCREENED_STATUS,
  PROPOSAL_STATUS_LABELS,
  SECONDS_NEEDED,
  type ProposalGrade,
  type ProposalRating,
  type ProposalStatus,
} from '../../../common/congress.js';
import type {
  ProposalSetQuery,
  AnswerProposalBody,
  AssignProposalBody,
  GradeProposalBody,
  ProposalListQuery,
  RaiseProposalBody,
  ScreenProposalBody,
} from '../../../common/schemas/congress.js';
import type { Call, WriteCall } from '../../core/call.js';
import type { Role } from '../../../common/roles.js';
import { AppError, forbidden, invalid, notFound } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import { hasPermission, scopeOf } from '../../core/rbac/actor.js';
import { eventsOf, recordEvent, transition } from '../../core/workflow/index.js';
import { recordAudit } from '../../core/audit/audit.js';
import { t } from '../../core/i18n/messages.js';
import { cdb } from './congress.tables.js';
import { decidedItemsOf } from '../../core/decidedItems/index.js';
import { shanghaiDate, workCalendar } from '../../core/calendar/calendar.js';
import type { Db } from '../../core/db/database.js';
import { drillScope, handle, sessionFor } from './congress.policy.js';
import { publishResultsNotice } from './congress.notice.js';
import { CM } from './congress.messages.js';
import { answerClosesItem, decideProposal, departmentHandler, reopenItem } from './congress.decided.js';
import * as repo from './congress.proposals.repository.js';
import * as roster from './congress.repository.js';

const KIND = 'congress.proposal';
const RESULT_READERS: readonly Role[] = ['sysAdmin', 'unionChair', 'unionStaff', 'representative', 'worker', 'handler'];
const TABLE = 'congress_proposals';
const refuse = (key: string, params: Record<string, unknown> = {}) => new AppError(409, 'conflict', key, params, [{ field: 'status', message: key, params }]);

/** The caller's relation to a proposal: the office, a representative of its term (perhaps its proposer), a handler of its department. */
async function proposalFor(call: Call | WriteCall, proposalId: string) {
  const db = handle(call);
  const p = await repo.findProposal(db, proposalId);
  if (!p) throw notFound();
  const session = await roster.findSession(db, p.session_id);
  const term = await roster.findTerm(db, session!.term_id);
  const office = hasPermission(call.actor, P.manage, term!.org_path);
  const me = (await roster.myRepresentative(db, term!.id, call.actor))?.id ?? null;
  const deptPaths = await departmentPaths(db, [p.department_id, ...(JSON.parse(p.co_department_ids) as string[])]);
  const leadPath = p.department_id ? deptPaths.get(p.department_id) : undefined;
  const handles = !!leadPath && hasPermission(call.actor, P.answer, leadPath);
  const coHandles = [...deptPaths.values()].some((path) => hasPermission(call.actor, P.answer, path));
  if (!office && !me && !coHandles) throw notFound();
  return { p, session: session!, term: term!, office, me, proposer: me !== null && me === p.proposer_id, handles };
}

async function departmentPaths(db: Db, ids: (string | null)[]) {
  const wanted = ids.filter((x): x is string => !!x);
  if (!wanted.length) return new Map<string, string>();
  const rows = await db.selectFrom('orgs').select(['id', 'path']).where('id', 'in', wanted).execute();
  return new Map(rows.map((r) => [r.id, r.path]));
}

export async function getProposal(call: Call | WriteCall, proposalId: string) {
  const db = handle(call);
  const r = await proposalFor(call, proposalId);
  const { p } = r;
  const seconds = await repo.secondsOf(db, p.id);
  const names = await db
    .selectFrom('orgs')
    .select(['id', 'name'])
    .where('id', 'in', [p.department_id ?? '', ...(JSON.parse(p.co_department_ids) as string[])])
    .execute();
  const nameOf = new Map(names.map((n) => [n.id, n.name]));
  const proposerName =
    (
      await cdb(db)
        .selectFrom('congress_representatives as r')
        .innerJoin('persons as x', 'x.id', 'r.person_id')
        .select('x.name')
        .where('r.id', '=', p.proposer_id)
        .executeTakeFirst()
    )?.name ?? '';
  const items = await decidedItemsOf(db, { kind: KIND, id: p.id });
  const status = p.status as ProposalStatus;
  const today = shanghaiDate(call.now);
  return {
    id: p.id,
    sessionId: p.session_id,
    sessionName: r.session.name,
    number: p.number,
    title: p.title,
    status,
    proposerName,
    seconds: seconds.length,
    departmentName: p.department_id ? (nameOf.get(p.department_id) ?? null) : null,
    answerDueDate: p.answer_due_date,
    rating: p.rating as ProposalRating | null,
    grade: p.grade as ProposalGrade | null,
    submittedAt: p.submitted_at,
    reasons: p.reasons,
    solution: p.solution,
    screeningReason: p.screening_reason,
    mergedIntoId: p.merged_into_id,
    proposers: await repo.proposerCount(db, p.id),
    secondedBy: seconds.map((s) => s.name),
    coDepartmentNames: (JSON.parse(p.co_department_ids) as string[]).map((id) => nameOf.get(id) ?? ''),
    answer: p.answer,
    answeredAt: p.answered_at,
    reopened: p.reopened === 1,
    gradeReason: p.grade_reason,
    published: p.published_at !== null,
    decidedItems: items.map((i) => ({ id: i.id, status: i.status, progress: i.progress, dueDate: i.dueDate })),
    timeline: (await eventsOf(db, KIND, p.id)).map((e) => ({ event: e.event, from: e.from, to: e.to, actorName: e.actorName, data: e.data, at: e.at })),
    can: {
      second: !!r.me && !r.proposer && status === 'collecting' && today <= r.session.proposals_close_on && !(await repo.hasSeconded(db, p.id, r.me)),
      screen: r.office && status === 'collecting',
      assign: r.office && status === 'adopted',
      answer: r.handles && status === 'assigned',
      rate: r.proposer && status === 'answered',
      grade: r.office && (status === 'answered' || status === 'closed'),
    },
  };
}

export async function listProposals(call: Call, sessionId: string, q: z.infer<typeof ProposalListQuery>) {
  await sessionFor(call, sessionId, 'read');
  return presentList(await repo.listProposals(call.db, { ...q, sessionId }), q);
}

/** The office's list over the sessions held in a period, by indicator set: every figure's drill-down (403 outside the office, as its figures). */
export async function proposalsInPeriod(call: Call, q: z.infer<typeof ProposalSetQuery>) {
  const scope = await drillScope(call, q.orgId);
  const cut = { departmentId: q.departmentId, delegation: q.delegation, category: q.category, proposerId: q.proposerId, secondedBy: q.secondedBy };
  return presentList(await repo.listProposals(call.db, { ...q, period: { scope, from: q.from, to: q.to, set: q.set }, cut }), q);
}

/** A handler's desk: proposals whose lead department lies in the caller's reach. */
export async function assignedToMe(call: Call, q: z.infer<typeof ProposalListQuery>) {
  const scope = scopeOf(call.actor, P.answer);
  if (!scope.all && !scope.paths.length) throw forbidden();
  return presentList(await repo.listProposals(call.db, { ...q, departmentPaths: scope.all ? undefined : scope.paths }), q);
}

function presentList(res: Awaited<ReturnType<typeof repo.listProposals>>, q: { page: number; pageSize: number }) {
  return {
    items: res.items.map((x) => ({
      id: x.id,
      sessionId: x.session_id,
      number: x.number,
      title: x.title,
      status: x.status as ProposalStatus,
      proposerName: x.proposer_name,
      seconds: Number(x.seconds),
      departmentName: x.department_name,
      answerDueDate: x.answer_due_date,
      rating: x.rating as ProposalRating | null,
      grade: x.grade as ProposalGrade | null,
      submittedAt: x.submitted_at,
    })),
    total: res.total,
    page: q.page,
    pageSize: q.pageSize,
  };
}

/** 提案: a representative of the session's term, during the collection period. */
export async function raise(call: WriteCall, sessionId: string, input: z.infer<typeof RaiseProposalBody>) {
  const { session, me } = await sessionFor(call, sessionId, 'participate');
  if (session.status === 'closed' || shanghaiDate(call.now) > session.proposals_close_on)
    throw refuse(CM.collectionClosed, { date: session.proposals_close_on });
  const id = newId();
  await repo.insertProposal(call.tx, {
    id,
    session_id: session.id,
    proposer_id: me!,
    title: input.title,
    reasons: input.reasons,
    solution: input.solution,
    status: 'collecting',
    number: null,
    screening_reason: null,
    merged_into_id: null,
    department_id: null,
    co_department_ids: '[]',
    answer_due_date: null,
    answer: null,
    answered_at: null,
    rating: null,
    reopened: 0,
    grade: null,
    grade_reason: null,
    decided_item_id: null,
    published_at: null,
    submitted_at: call.iso,
    created_at: call.iso,
    updated_at: call.iso,
  });
  await recordEvent(call, { kind: KIND, id, event: 'raised', to: 'collecting' });
  return getProposal(call, id);
}

/** 附议: another representative of the term, once, within the collection period. */
export async function second(call: WriteCall, proposalId: string) {
  const r = await proposalFor(call, proposalId);
  if (!r.me) throw forbidden();
  if (r.proposer) throw refuse(CM.secondOwn);
  if (r.p.status !== 'collecting') throw refuse(CM.secondScreened);
  if (shanghaiDate(call.now) > r.session.proposals_close_on) throw refuse(CM.secondClosed, { date: r.session.proposals_close_on });
  if (await repo.hasSeconded(call.tx, r.p.id, r.me)) throw refuse(CM.alreadySeconded);
  await repo.insertSecond(call.tx, r.p.id, r.me, call.iso);
  await recordEvent(call, { kind: KIND, id: r.p.id, event: 'seconded' });
  return getProposal(call, proposalId);
}

/** The review committee's decision, always with a reason. */
export async function screen(call: WriteCall, proposalId: string, input: z.infer<typeof ScreenProposalBody>) {
  const r = await proposalFor(call, proposalId);
  if (!r.office) throw forbidden();
  const patch: Record<string, unknown> = { screening_reason: input.reason };
  if (input.outcome === 'adopt') {
    const seconds = (await repo.secondsOf(call.tx, r.p.id)).length;
    if (seconds < SECONDS_NEEDED) throw refuse(CM.tooFewSeconds, { seconds, needed: SECONDS_NEEDED });
    patch.number = await repo.nextNumber(call.tx, r.p.session_id);
  }
  if (input.outcome === 'merge') {
    const target = input.mergeIntoId ? await repo.findProposal(call.tx, input.mergeIntoId) : undefined;
    if (!target || target.session_id !== r.p.session_id || target.id === r.p.id || !ADOPTED_STATUSES.includes(target.status as ProposalStatus))
      throw invalid('body.mergeIntoId', CM.mergeTarget);
    patch.merged_into_id = target.id;
  } else if (input.mergeIntoId) throw invalid('body.mergeIntoId', CM.mergeOnlyForMerge);
  const to = SCREENED_STATUS[input.outcome];
  await transition(call, {
    kind: KIND,
    table: TABLE,
    id: r.p.id,
    from: ['collecting'],
    to,
    patch,
    event: input.outcome === 'adopt' ? 'adopted' : input.outcome === 'merge' ? 'merged' : input.outcome === 'opinion' ? 'convertedToOpinion' : 'rejected',
    data: { reason: input.reason, ...(patch.number ? { number: patch.number } : {}), ...(patch.merged_into_id ? { mergedInto: patch.merged_into_id } : {}) },
    audit: { action: 'congress.proposalScreen', entityType: 'congressProposal', entityId: r.p.id, orgId: r.term.org_id, changes: input },
    // The proposer learns the outcome and its reason, whichever it is (一事一答).
    notify: {
      accountIds: await repo.accountsOfRepresentative(call.tx, r.p.proposer_id),
      kind: 'congress.proposalScreened',
      title: t('zh-CN', CM.screenedTitle, { title: r.p.title }),
      body: t('zh-CN', CM.screenedBody, { outcome: PROPOSAL_STATUS_LABELS[to].zh, reason: input.reason }),
      link: `/congress/proposals/${r.p.id}`,
      orgPath: r.term.org_path,
    },
  });
  return getProposal(call, proposalId);
}

/** 交办: an adopted proposal to a department of the organisation, with co-handlers; the answer is due in working days. */
export async function assign(call: WriteCall, proposalId: string, input: z.infer<typeof AssignProposalBody>) {
  const r = await proposalFor(call, proposalId);
  if (!r.office) throw forbidden();
  const depts = await departmentPaths(call.tx, [input.departmentId, ...input.coDepartmentIds]);
  const lead = depts.get(input.departmentId);
  if (!lead || !lead.startsWith(r.term.org_path)) throw invalid('body.departmentId', CM.departmentOutsideOrg);
  input.coDepartmentIds.forEach((id, i) => {
    const path = depts.get(id);
    if (!path || !path.startsWith(r.term.org_path) || id === input.departmentId) throw invalid(`body.coDepartmentIds.${i}`, CM.departmentOutsideOrg);
  });
  // The department's own handler owns the decided item; an ancestor's grant reaches it too.
  const ownerId = await departmentHandler(call.tx, lead);
  if (!ownerId) throw invalid('body.departmentId', CM.noHandler);
  const owner = { accountId: ownerId };
  const due = (await workCalendar(call.tx as unknown as Db, lead)).addWorkingDays(shanghaiDate(call.now), input.days ?? ANSWER_DAYS);
  await transition(call, {
    kind: KIND,
    table: TABLE,
    id: r.p.id,
    from: ['adopted'],
    to: 'assigned',
    patch: { department_id: input.departmentId, co_department_ids: JSON.stringify(input.coDepartmentIds), answer_due_date: due },
    event: 'assigned',
    data: { departmentId: input.departmentId, coDepartmentIds: input.coDepartmentIds, answerDueDate: due },
    audit: {
      action: 'congress.proposalAssign',
      entityType: 'congressProposal',
      entityId: r.p.id,
      orgId: r.term.org_id,
      changes: { ...input, answerDueDate: due },
    },
    notify: {
      accountIds: [owner.accountId],
      kind: 'congress.proposalAssigned',
      title: t('zh-CN', CM.assignedTitle, { title: r.p.title }),
      body: t('zh-CN', CM.assignedBody, { due, number: r.p.number }),
      link: `/congress/proposals/${r.p.id}`,
      orgPath: lead,
    },
  });
  const item = await decideProposal(call, {
    id: r.p.id,
    number: r.p.number,
    title: r.p.title,
    sessionName: r.session.name,
    departmentId: input.departmentId,
    ownerAccountId: owner.accountId,
    dueDate: due,
  });
  await cdb(call.tx).updateTable('congress_proposals').set({ decided_item_id: item.id }).where('id', '=', r.p.id).execute();
  return getProposal(call, proposalId);
}

/** 答复: a handler of the lead department only. */
export async function answer(call: WriteCall, proposalId: string, input: z.infer<typeof AnswerProposalBody>) {
  const r = await proposalFor(call, proposalId);
  // A deployment-wide holder of the permission (the system admin) may answer for any department; the status still decides.
  if (!r.handles && !scopeOf(call.actor, P.answer).all) throw r.office || r.me ? forbidden() : notFound();
  await transition(call, {
    kind: KIND,
    table: TABLE,
    id: r.p.id,
    from: ['assigned'],
    to: 'answered',
    patch: { answer: input.answer, answered_at: call.iso },
    event: 'answered',
    data: { onTime: r.p.answer_due_date !== null && shanghaiDate(call.now) <= r.p.answer_due_date },
    audit: { action: 'congress.proposalAnswer', entityType: 'congressProposal', entityId: r.p.id, orgId: r.term.org_id, changes: input },
  });
  await answerClosesItem(call, r.p.id, input.answer);
  return getProposal(call, proposalId);
}

/** The proposer rates the answer; the first 不满意 sends it back to the department, once. */
export async function rate(call: WriteCall, proposalId: string, rating: ProposalRating) {
  const r = await proposalFor(call, proposalId);
  if (!r.proposer) throw forbidden();
  const reopen = rating === 'unsatisfied' && r.p.reopened === 0;
  await transition(call, {
    kind: KIND,
    table: TABLE,
    id: r.p.id,
    from: ['answered'],
    to: reopen ? 'assigned' : 'closed',
    patch: { rating, ...(reopen ? { reopened: 1 } : {}) },
    event: reopen ? 'reopened' : 'rated',
    data: { rating },
    audit: { action: 'congress.proposalRate', entityType: 'congressProposal', entityId: r.p.id, orgId: r.term.org_id, changes: { rating } },
  });
  if (reopen) await reopenItem(call, r.p.id);
  return getProposal(call, proposalId);
}

/** 落实等级 A/B/C with its reason, once the department has answered. */
export async function grade(call: WriteCall, proposalId: string, input: z.infer<typeof GradeProposalBody>) {
  const r = await proposalFor(call, proposalId);
  if (!r.office) throw forbidden();
  // Grading leaves the status as it is: only an answered or closed proposal may be graded.
  const status = r.p.status as ProposalStatus;
  await transition(call, {
    kind: KIND,
    table: TABLE,
    id: r.p.id,
    from: ['answered', 'closed'],
    to: status,
    patch: { grade: input.grade, grade_reason: input.reason },
    event: 'graded',
    data: input,
    audit: { action: 'congress.proposalGrade', entityType: 'congressProposal', entityId: r.p.id, orgId: r.term.org_id, changes: input },
  });
  return getProposal(call, proposalId);
}

/** 公布: the session's screened proposals become visible to the organisation's workers. */
export async function publish(call: WriteCall, sessionId: string) {
  const { session, term } = await sessionFor(call, sessionId, 'manage');
  const published = await repo.publishSession(call.tx, session.id, call.iso);
  if (published > 0) await publishResultsNotice(call, session, term.org_id);
  await recordAudit(call.tx, call.ctx, {
    action: 'congress.publish',
    entityType: 'congressSession',
    entityId: session.id,
    orgId: term.org_id,
    changes: { published },
  });
  return { published };
}

/** What a worker of the organisation sees once results are published. */
export async function results(call: Call, sessionId: string, q: z.infer<typeof ProposalListQuery>) {
  const session = await roster.findSession(call.db, sessionId);
  if (!session) throw notFound();
  const term = await roster.findTerm(call.db, session.term_id);
  // Published to the organisation's workers and those who serve them, wherever in its tree they are granted.
  const inOrg = call.actor.grants.some(
    (g) => RESULT_READERS.includes(g.role) && (g.orgPath === null || g.orgPath.startsWith(term!.org_path) || term!.org_path.startsWith(g.orgPath)),
  );
  if (!inOrg) throw notFound();
  return presentList(await repo.listProposals(call.db, { ...q, sessionId, published: true }), q);
}
