/**
 * Votes (表决) during a session: the office puts an item on the agenda, opens it while the
 * session sits and closes it; each representative present votes once. It passes with more than
 * half of ALL representatives of the term. Results and turnout exist only from the close: until
 * then no read returns a count. A passed resolution becomes a decided item (督办事项).
 */
import type { z } from 'zod';
import { RESOLUTION_DAYS, VOTE_KINDS, votePasses, type VoteChoice, type VoteKind, type VoteStatus } from '../../../common/congress.js';
import type { CreateVoteBody, VerifyReceiptBody } from '../../../common/schemas/congress.js';
import type { Call, WriteCall } from '../../core/call.js';
import { AppError, forbidden, invalid, notFound } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import { recordAudit } from '../../core/audit/audit.js';
import { transition } from '../../core/workflow/index.js';
import { createDecidedItem, decidedItemsOf } from '../../core/decidedItems/index.js';
import { shanghaiDate, workCalendar } from '../../core/calendar/calendar.js';
import { t } from '../../core/i18n/messages.js';
import type { Db } from '../../core/db/database.js';
import { drillScope, handle, sessionFor } from './congress.policy.js';
import { departmentHandler, resolutionOwner } from './congress.decided.js';
import { CM } from './congress.messages.js';
import * as ballots from './congress.ballots.js';
import * as repo from './congress.votes.repository.js';
import * as roster from './congress.repository.js';

const KIND = 'congress.vote';
const TABLE = 'congress_votes';
/** The decided-items source a passed resolution is filed under (the board's filter knows it). */
const RESOLUTION = 'congress.resolution';
const orgPathOf = async (call: WriteCall, id: string) =>
  (await call.tx.selectFrom('orgs').select('path').where('id', '=', id).executeTakeFirst())?.path ?? null;
const refuse = (key: string, params: Record<string, unknown> = {}) => new AppError(409, 'conflict', key, params, [{ field: 'status', message: key, params }]);

async function voteFor(call: Call | WriteCall, voteId: string, action: 'read' | 'manage' | 'participate') {
  const vote = await repo.findVote(handle(call), voteId);
  if (!vote) throw notFound();
  return { vote, ...(await sessionFor(call, vote.session_id, action)) };
}

/** The figures of a closed vote, as stored at its close; null before. */
function resultOf(v: repo.VoteRow) {
  if (v.status !== 'closed') return null;
  const representatives = v.representatives ?? 0;
  const voted = v.voted ?? 0;
  return {
    for: v.for_count ?? 0,
    against: v.against_count ?? 0,
    abstain: v.abstain_count ?? 0,
    representatives,
    needs: Math.floor(representatives / 2) + 1,
    voted,
    turnout: representatives ? Math.round((voted / representatives) * 10_000) / 10_000 : 0,
    present: v.present ?? 0,
    passed: v.passed === 1,
  };
}

function summary(v: repo.VoteWithDepartment, iVoted: boolean | null) {
  return {
    id: v.id,
    sessionId: v.session_id,
    title: v.title,
    kind: v.kind as VoteKind,
    secret: v.secret === 1,
    status: v.status as VoteStatus,
    subject: v.subject_kind && v.subject_id ? { kind: v.subject_kind, id: v.subject_id, label: v.subject_label ?? '' } : null,
    department: v.department_id ? { id: v.department_id, name: v.department_name ?? '' } : null,
    openedAt: v.opened_at,
    closedAt: v.closed_at,
    result: resultOf(v),
    iVoted,
  };
}

export async function getVote(call: Call | WriteCall, voteId: string) {
  const db = handle(call);
  const { vote, session, canManage, me } = await voteFor(call, voteId, 'read');
  const iVoted = me ? (await repo.votedIn(db, [vote.id], me)).has(vote.id) : null;
  const present = me ? (await roster.attendanceOf(db, session.id, me))?.present === 1 : false;
  const closed = vote.status === 'closed';
  return {
    ...summary({ ...vote, department_name: await repo.departmentName(db, vote.department_id) }, iVoted),
    sessionName: session.name,
    description: vote.description,
    roll:
      closed && vote.secret === 0
        ? (await repo.rollOf(db, vote.id)).map((r) => ({ name: r.name, delegation: r.delegation, choice: r.choice as VoteChoice }))
        : [],
    decidedItems: (await decidedItemsOf(db, { kind: RESOLUTION, id: vote.id })).map((i) => ({
      id: i.id,
      status: i.status,
      progress: i.progress,
      dueDate: i.dueDate,
    })),
    can: {
      open: canManage && vote.status === 'planned' && session.status === 'sitting',
      close: canManage && vote.status === 'open',
      cast: !!me && vote.status === 'open' && present && !iVoted,
    },
  };
}

export async function listVotes(call: Call, sessionId: string, q: { status?: VoteStatus }) {
  const { me } = await sessionFor(call, sessionId, 'read');
  const rows = await repo.votesOfSession(call.db, sessionId, q.status);
  const mine = me
    ? await repo.votedIn(
        call.db,
        rows.map((r) => r.id),
        me,
      )
    : null;
  return { items: rows.map((r) => summary(r, mine ? mine.has(r.id) : null)) };
}

async function insertVote(
  call: WriteCall,
  session: roster.SessionRow,
  term: { org_id: string; org_path: string },
  input: {
    title: string;
    kind: VoteKind;
    secret: boolean;
    description?: string | null;
    subject?: { kind: string; id: string; label: string };
    departmentId?: string;
  },
) {
  const orgId = term.org_id;
  if (session.status === 'closed') throw refuse(CM.voteSessionClosed);
  if (input.departmentId) {
    const dept = await orgPathOf(call, input.departmentId);
    if (!dept || !dept.startsWith(term.org_path)) throw invalid('body.departmentId', CM.departmentOutsideOrg);
    if (!(await departmentHandler(call.tx, dept))) throw invalid('body.departmentId', CM.noHandler);
  }
  const id = newId();
  await repo.insertVote(call.tx, {
    id,
    session_id: session.id,
    title: input.title,
    kind: input.kind,
    secret: input.secret ? 1 : 0,
    description: input.description ?? null,
    status: 'planned',
    subject_kind: input.subject?.kind ?? null,
    subject_id: input.subject?.id ?? null,
    subject_label: input.subject?.label ?? null,
    department_id: input.departmentId ?? null,
    opened_at: null,
    closed_at: null,
    representatives: null,
    present: null,
    voted: null,
    for_count: null,
    against_count: null,
    abstain_count: null,
    passed: null,
    created_at: call.iso,
    updated_at: call.iso,
  });
  await recordAudit(call.tx, call.ctx, {
    action: 'congress.voteCreate',
    entityType: 'congressVote',
    entityId: id,
    orgId,
    changes: { ...input, sessionId: session.id },
  });
  return id;
}

/** 列入表决: an item on the session's agenda, planned until the office opens it. */
export async function createVote(call: WriteCall, sessionId: string, input: z.infer<typeof CreateVoteBody>) {
  const { session, term } = await sessionFor(call, sessionId, 'manage');
  const id = await insertVote(call, session, term, input);
  return getVote(call, id);
}

async function open(call: WriteCall, vote: repo.VoteRow, session: roster.SessionRow, orgId: string) {
  if (session.status !== 'sitting') throw refuse(CM.voteNeedsSitting);
  await transition(call, {
    kind: KIND,
    table: TABLE,
    id: vote.id,
    from: ['planned'],
    to: 'open',
    patch: { opened_at: call.iso },
    event: 'opened',
    audit: { action: 'congress.voteOpen', entityType: 'congressVote', entityId: vote.id, orgId, changes: { status: ['planned', 'open'] } },
  });
}

export async function openVote(call: WriteCall, voteId: string) {
  const { vote, session, term } = await voteFor(call, voteId, 'manage');
  if (vote.status !== 'planned') throw refuse(CM.voteNotPlanned);
  await open(call, vote, session, term.org_id);
  return getVote(call, voteId);
}

/** 结束表决: counts once, stores the figures, shuffles the ballot box; a passed resolution becomes a decided item. */
export async function closeVote(call: WriteCall, voteId: string) {
  const { vote, session, term } = await voteFor(call, voteId, 'manage');
  if (vote.status !== 'open') throw refuse(CM.voteNotOpen);
  if (session.status !== 'sitting') throw refuse(CM.voteNeedsSitting);
  const counts = await ballots.tally(call.tx, vote.id);
  const representatives = await roster.representativeCount(call.tx, term.id);
  const present = await roster.presentCount(call.tx, session.id);
  const passed = votePasses(counts.for, representatives);
  await ballots.shuffleBallots(call.tx, vote.id);
  const figures = { representatives, present, voted: counts.voted, for: counts.for, against: counts.against, abstain: counts.abstain, passed };
  await transition(call, {
    kind: KIND,
    table: TABLE,
    id: vote.id,
    from: ['open'],
    to: 'closed',
    patch: {
      closed_at: call.iso,
      representatives,
      present,
      voted: counts.voted,
      for_count: counts.for,
      against_count: counts.against,
      abstain_count: counts.abstain,
      passed: passed ? 1 : 0,
    },
    event: 'closed',
    data: figures,
    audit: { action: 'congress.voteClose', entityType: 'congressVote', entityId: vote.id, orgId: term.org_id, changes: figures },
  });
  // A vote on another practice's subject is that practice's to carry out (contracts reads voteResultOf).
  if (passed && !vote.subject_kind) {
    const deptPath = vote.department_id ? await orgPathOf(call, vote.department_id) : null;
    const owner = await resolutionOwner(call, term.org_path, vote.department_id && deptPath ? { id: vote.department_id, path: deptPath } : null);
    const due = (await workCalendar(call.tx as unknown as Db, deptPath ?? term.org_path)).addWorkingDays(shanghaiDate(call.now), RESOLUTION_DAYS);
    await createDecidedItem(call, {
      source: { kind: RESOLUTION, id: vote.id, label: `${session.name} · ${vote.title}`, public: true },
      title: t('zh-CN', CM.resolutionTitle, { title: vote.title }),
      orgId: owner.orgId ?? term.org_id,
      ownerAccountId: owner.accountId,
      dueDate: due,
    });
  }
  return getVote(call, voteId);
}

/** 投票: a representative present at the sitting session, once, while the vote is open. */
export async function cast(call: WriteCall, voteId: string, choice: VoteChoice) {
  const { vote, session, me, canManage } = await voteFor(call, voteId, 'read');
  if (!me) throw canManage ? forbidden() : notFound();
  if (vote.status !== 'open') throw refuse(CM.voteNotOpen);
  if ((await roster.attendanceOf(call.tx, session.id, me))?.present !== 1) throw refuse(CM.notPresent);
  // No audit row and no timeline event: either would put a time beside the voter.
  const res = await ballots.castBallot(call.tx, vote.id, me, choice, vote.secret === 1);
  if (!res.cast) throw refuse(CM.alreadyVoted);
  return { voteId: vote.id, receipt: res.receipt };
}

/** The voter checks with their receipt code and choice that their secret ballot is in the box. */
export async function verifyReceipt(call: Call, voteId: string, input: z.infer<typeof VerifyReceiptBody>) {
  const { vote } = await voteFor(call, voteId, 'participate');
  return { counted: vote.secret === 1 && (await ballots.receiptCounted(call.db, vote.id, input.receipt, input.choice)) };
}

/** The office's list of closed votes over the sessions held in a period: what the turnout figure counts. */
export async function votesInPeriod(call: Call, q: { from: string; to: string; orgId?: string }) {
  const rows = await repo.closedVotes(call.db, await drillScope(call, q.orgId), q.from, q.to);
  return { items: rows.map((r) => ({ ...summary(r as unknown as repo.VoteWithDepartment, null), sessionName: r.session_name })) };
}

// ── for other practices (index.ts) ────────────────────────────────

const kindOfSubject = (subjectKind: string): VoteKind => VOTE_KINDS.find((k) => k !== 'other' && subjectKind.toLowerCase().includes(k)) ?? 'other';

/** Puts another practice's subject to the vote and opens it at once; the session must be sitting. Who may do so is the caller's check. */
export async function openSubjectVote(
  call: WriteCall,
  input: { sessionId: string; subject: { kind: string; id: string; label: string }; title: string; secret?: boolean },
): Promise<{ id: string }> {
  const session = await roster.findSession(call.tx, input.sessionId);
  if (!session) throw notFound();
  const term = (await roster.findTerm(call.tx, session.term_id))!;
  if (session.status !== 'sitting') throw refuse(CM.voteNeedsSitting);
  const id = await insertVote(call, session, term, {
    title: input.title,
    kind: kindOfSubject(input.subject.kind),
    secret: input.secret ?? false,
    subject: input.subject,
  });
  await open(call, (await repo.findVote(call.tx, id))!, session, term.org_id);
  return { id };
}

/** A vote's outcome for the practice that put its subject to the vote: counts are zero until it closes. */
export async function voteResultOf(db: Db, voteId: string) {
  const v = await repo.findVote(db, voteId);
  if (!v) return undefined;
  const session = (await roster.findSession(db, v.session_id))!;
  const term = (await roster.findTerm(db, session.term_id))!;
  const closed = v.status === 'closed';
  return {
    id: v.id,
    sessionId: v.session_id,
    orgId: term.org_id,
    subject: v.subject_kind && v.subject_id ? { kind: v.subject_kind, id: v.subject_id, label: v.subject_label ?? '' } : null,
    status: (closed ? 'closed' : 'open') as 'open' | 'closed',
    passed: closed ? v.passed === 1 : null,
    for: closed ? (v.for_count ?? 0) : 0,
    against: closed ? (v.against_count ?? 0) : 0,
    abstain: closed ? (v.abstain_count ?? 0) : 0,
    representatives: closed ? (v.representatives ?? 0) : await roster.representativeCount(db, term.id),
    closedAt: v.closed_at,
  };
}
