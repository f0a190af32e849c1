/**
 * The congress roster's actions: terms (届) with their proportion rules, representatives,
 * sessions (次), attendance and the two-thirds quorum. Each write loads (404 → 403 → 409),
 * changes and audits in the caller's one transaction.
 */
import {
  CONGRESS_PERMISSIONS as P,
  DEFAULT_PROPORTION_RULES,
  quorate,
  type CongressSessionStatus,
  type ProportionRules,
  type RepresentativeCategory,
} from '../../../common/congress.js';
import type { z } from 'zod';
import type { AddRepresentativeBody, CreateSessionBody, CreateTermBody, PutAttendanceBody, RepresentativeListQuery } from '../../../common/schemas/congress.js';
import { AppError, invalid, notFound } from '../../core/errors.js';
import { scopeOf } from '../../core/rbac/actor.js';
import { newId } from '../../core/ids.js';
import { recordAudit } from '../../core/audit/audit.js';
import { transition } from '../../core/workflow/index.js';
import { t } from '../../core/i18n/messages.js';
import { addDays } from '../../core/calendar/calendar.js';
import { mayManage, handle, sessionFor, termFor } from './congress.policy.js';
import { checkRoster } from './congress.roster.js';
import { CM } from './congress.messages.js';
import type { Call, WriteCall } from '../../core/call.js';
import * as repo from './congress.repository.js';
import { cdb } from './congress.tables.js';
import { openVoteCount } from './congress.votes.repository.js';

/** A refusal because of the record's state: 409 naming its status. */
const conflict = (key: string, params: Record<string, unknown> = {}) => new AppError(409, 'conflict', key, params, [{ field: 'status', message: key, params }]);

const parseRules = (json: string): ProportionRules => ({ ...DEFAULT_PROPORTION_RULES, ...(JSON.parse(json) as Partial<ProportionRules>) });

// ── terms ─────────────────────────────────────────────────────────

async function presentTerm(call: Call | WriteCall, reach: Awaited<ReturnType<typeof termFor>>) {
  const db = handle(call);
  const { term } = reach;
  const rules = parseRules(term.rules);
  const sessions = await repo.sessionsOfTerm(db, term.id);
  return {
    id: term.id,
    orgId: term.org_id,
    orgName: term.org_name,
    number: term.number,
    name: term.name,
    startDate: term.start_date,
    endDate: term.end_date,
    rules,
    roster: checkRoster(await repo.rosterCounts(db, term.id), rules, call.ctx.locale),
    sessions: sessions.map(presentSessionSummary),
    myRepresentativeId: reach.me,
    canManage: reach.canManage,
  };
}

export async function listTerms(call: Call, q: { orgId?: string }) {
  let orgPath: string | undefined;
  if (q.orgId) {
    const org = await call.db.selectFrom('orgs').select('path').where('id', '=', q.orgId).executeTakeFirst();
    if (!org) return { items: [] };
    orgPath = org.path;
  }
  const rows = await repo.listTerms(call.db, scopeOf(call.actor, P.manage), call.actor, orgPath);
  const items = [];
  for (const r of rows) {
    const roster = checkRoster(await repo.rosterCounts(call.db, r.id), parseRules(r.rules), call.ctx.locale);
    items.push({
      id: r.id,
      orgId: r.org_id,
      orgName: r.org_name,
      number: r.number,
      name: r.name,
      startDate: r.start_date,
      endDate: r.end_date,
      representatives: Number(r.representatives),
      warnings: roster.warnings,
    });
  }
  return { items };
}

export async function getTerm(call: Call, termId: string) {
  return presentTerm(call, await termFor(call, termId, 'read'));
}

export async function createTerm(call: WriteCall, input: z.infer<typeof CreateTermBody>) {
  const org = await call.tx.selectFrom('orgs').select(['id', 'path']).where('id', '=', input.orgId).executeTakeFirst();
  if (!org || !mayManage(call.actor, org.path)) throw notFound();
  if (input.endDate < input.startDate) throw invalid('body.endDate', CM.endBeforeStart);
  if (await repo.termNumberTaken(call.tx, org.id, input.number)) throw invalid('body.number', CM.termNumberTaken, { number: input.number });
  const id = newId();
  const rules = input.rules ?? DEFAULT_PROPORTION_RULES;
  await repo.insertTerm(call.tx, {
    id,
    org_id: org.id,
    number: input.number,
    name: t('zh-CN', CM.termName, { number: input.number }),
    start_date: input.startDate,
    end_date: input.endDate,
    rules: JSON.stringify(rules),
    created_at: call.iso,
    updated_at: call.iso,
  });
  await recordAudit(call.tx, call.ctx, {
    action: 'congress.termCreate',
    entityType: 'congressTerm',
    entityId: id,
    orgId: org.id,
    changes: { ...input, rules },
  });
  return presentTerm(call, await termFor(call, id, 'manage'));
}

export async function putRules(call: WriteCall, termId: string, rules: ProportionRules) {
  const reach = await termFor(call, termId, 'manage');
  await repo.updateTermRules(call.tx, termId, JSON.stringify(rules), call.iso);
  await recordAudit(call.tx, call.ctx, {
    action: 'congress.rulesUpdate',
    entityType: 'congressTerm',
    entityId: termId,
    orgId: reach.term.org_id,
    changes: { before: parseRules(reach.term.rules), after: rules },
  });
  return presentTerm(call, await termFor(call, termId, 'manage'));
}

// ── representatives ───────────────────────────────────────────────

export async function listRepresentatives(call: Call, termId: string, q: z.infer<typeof RepresentativeListQuery>) {
  await termFor(call, termId, 'read');
  const { items, total } = await repo.listRepresentatives(call.db, termId, q);
  return {
    items: items.map((r) => ({
      id: r.id,
      personId: r.person_id,
      name: r.name,
      orgName: r.org_name,
      delegation: r.delegation,
      category: r.category as RepresentativeCategory,
      gender: r.gender,
      employmentCategory: r.employment_category,
    })),
    total,
    page: q.page,
    pageSize: q.pageSize,
  };
}

export async function addRepresentative(call: WriteCall, termId: string, input: z.infer<typeof AddRepresentativeBody>) {
  const reach = await termFor(call, termId, 'manage');
  const person = await call.tx
    .selectFrom('persons as p')
    .innerJoin('orgs as o', 'o.id', 'p.org_id')
    .select(['p.id', 'p.kind', 'p.archived', 'o.path'])
    .where('p.id', '=', input.personId)
    .executeTakeFirst();
  if (!person || person.kind !== 'worker' || person.archived || !person.path.startsWith(reach.term.org_path))
    throw invalid('body.personId', CM.personOutsideOrg);
  if (await repo.representativeOfPerson(call.tx, termId, person.id)) throw invalid('body.personId', CM.alreadyRepresentative);
  // The person's own account acts as the representative; the office links one later if there is none yet.
  const account = await call.tx.selectFrom('accounts').select('id').where('person_id', '=', person.id).executeTakeFirst();
  const id = newId();
  await repo.insertRepresentative(call.tx, {
    id,
    term_id: termId,
    person_id: person.id,
    account_id: account?.id ?? null,
    delegation: input.delegation,
    category: input.category,
    created_at: call.iso,
    updated_at: call.iso,
  });
  await recordAudit(call.tx, call.ctx, {
    action: 'congress.representativeAdd',
    entityType: 'congressRepresentative',
    entityId: id,
    orgId: reach.term.org_id,
    changes: input,
  });
  const roster = checkRoster(await repo.rosterCounts(call.tx, termId), parseRules(reach.term.rules), call.ctx.locale);
  return { id, roster };
}

// ── sessions and attendance ───────────────────────────────────────

function presentSessionSummary(s: repo.SessionRow) {
  return {
    id: s.id,
    termId: s.term_id,
    number: s.number,
    name: s.name,
    startsOn: s.starts_on,
    proposalsCloseOn: s.proposals_close_on,
    status: s.status as CongressSessionStatus,
  };
}

async function attendanceFigures(db: Parameters<typeof repo.presentCount>[0], termId: string, sessionId: string) {
  const expected = await repo.representativeCount(db, termId);
  const present = await repo.presentCount(db, sessionId);
  return { expected, present, quorumNeeds: Math.ceil((expected * 2) / 3), quorate: quorate(present, expected) };
}

async function presentSession(call: Call | WriteCall, sessionId: string, action: 'read' | 'manage' | 'participate') {
  const db = handle(call);
  const { session, term, canManage, me } = await sessionFor(call, sessionId, action);
  const mine = me ? await repo.attendanceOf(db, session.id, me) : undefined;
  return {
    ...presentSessionSummary(session),
    termName: term.name,
    orgName: term.org_name,
    attendance: await attendanceFigures(db, term.id, session.id),
    signedIn: me ? mine?.present === 1 : null,
    canManage,
  };
}

export const getSession = (call: Call, sessionId: string) => presentSession(call, sessionId, 'read');

export async function createSession(call: WriteCall, termId: string, input: z.infer<typeof CreateSessionBody>) {
  const { term } = await termFor(call, termId, 'manage');
  if (input.startsOn < term.start_date || input.startsOn > term.end_date)
    throw invalid('body.startsOn', CM.sessionOutsideTerm, { start: term.start_date, end: term.end_date });
  if (input.proposalsCloseOn && input.proposalsCloseOn < input.startsOn) throw invalid('body.proposalsCloseOn', CM.closeBeforeSession);
  if (await repo.sessionNumberTaken(call.tx, termId, input.number)) throw invalid('body.number', CM.sessionNumberTaken, { number: input.number });
  const id = newId();
  await repo.insertSession(call.tx, {
    id,
    term_id: termId,
    number: input.number,
    name: t('zh-CN', CM.sessionName, { term: term.number, number: input.number }),
    starts_on: input.startsOn,
    proposals_close_on: input.proposalsCloseOn ?? addDays(input.startsOn, 7),
    status: 'planned',
    created_at: call.iso,
    updated_at: call.iso,
  });
  await recordAudit(call.tx, call.ctx, { action: 'congress.sessionCreate', entityType: 'congressSession', entityId: id, orgId: term.org_id, changes: input });
  return presentSession(call, id, 'manage');
}

export async function attendanceList(call: Call, sessionId: string) {
  const { session } = await sessionFor(call, sessionId, 'manage');
  const rows = await repo.attendanceList(call.db, session.term_id, session.id);
  return {
    items: rows.map((r) => ({
      representativeId: r.id,
      name: r.name,
      delegation: r.delegation,
      present: r.present === 1,
      absenceReason: r.absence_reason ?? null,
      at: r.at ?? null,
    })),
  };
}

async function recordAttendance(call: WriteCall, session: repo.SessionRow, representativeId: string, present: boolean, absenceReason: string | null) {
  if (session.status === 'closed') throw conflict(CM.sessionClosed);
  await repo.putAttendance(call.tx, {
    session_id: session.id,
    representative_id: representativeId,
    present: present ? 1 : 0,
    absence_reason: absenceReason,
    recorded_by: call.actor.accountId,
    at: call.iso,
  });
}

/** The office marks a representative present or absent (with the reason for leave). */
export async function putAttendance(call: WriteCall, sessionId: string, input: z.infer<typeof PutAttendanceBody>) {
  const { session, term } = await sessionFor(call, sessionId, 'manage');
  if (!(await repo.findRepresentative(call.tx, term.id, input.representativeId))) throw invalid('body.representativeId', CM.notRepresentative);
  if (input.present && input.absenceReason) throw invalid('body.absenceReason', CM.absenceReasonOnlyAbsent);
  await recordAttendance(call, session, input.representativeId, input.present, input.absenceReason ?? null);
  await recordAudit(call.tx, call.ctx, {
    action: 'congress.attendance',
    entityType: 'congressSession',
    entityId: session.id,
    orgId: term.org_id,
    changes: input,
  });
  return presentSession(call, sessionId, 'manage');
}

/** A representative signs in on their phone; signing in twice changes nothing. */
export async function signIn(call: WriteCall, sessionId: string) {
  const { session, me } = await sessionFor(call, sessionId, 'participate');
  await recordAttendance(call, session, me!, true, null);
  return presentSession(call, sessionId, 'participate');
}

/** 宣布开会: only with two thirds of all representatives present. */
export async function openSession(call: WriteCall, sessionId: string) {
  const { session, term } = await sessionFor(call, sessionId, 'manage');
  if (session.status !== 'planned') throw conflict(CM.sessionNotPlanned);
  const a = await attendanceFigures(call.tx, term.id, session.id);
  if (!a.quorate) throw conflict(CM.noQuorum, { present: a.present, expected: a.expected, needs: a.quorumNeeds });
  await moveSession(call, session, 'planned', 'sitting', CM.sessionNotPlanned, { attendance: a });
  return presentSession(call, sessionId, 'manage');
}

export async function closeSession(call: WriteCall, sessionId: string) {
  const { session } = await sessionFor(call, sessionId, 'manage');
  const open = await openVoteCount(call.tx, session.id);
  if (open) throw conflict(CM.openVotesRemain, { count: open });
  await moveSession(call, session, 'sitting', 'closed', CM.sessionNotSitting, {});
  return presentSession(call, sessionId, 'manage');
}

/** Sessions move through core/workflow: one conditional update, its timeline event and audit row. */
async function moveSession(
  call: WriteCall,
  session: repo.SessionRow,
  from: CongressSessionStatus,
  to: CongressSessionStatus,
  refusal: string,
  data: Record<string, unknown>,
) {
  if (session.status !== from) throw conflict(refusal);
  const term = await repo.findTerm(call.tx, session.term_id);
  await transition(call, {
    kind: 'congress.session',
    table: 'congress_sessions',
    id: session.id,
    from: [from],
    to,
    event: to === 'sitting' ? 'opened' : 'closed',
    data,
    audit: {
      action: `congress.session.${to}`,
      entityType: 'congressSession',
      entityId: session.id,
      orgId: term!.org_id,
      changes: { status: [from, to], ...data },
    },
  });
}

/** For the seed and tests: whether a person's account already acts for them. */
export async function linkAccount(tx: WriteCall['tx'], representativeId: string, accountId: string) {
  await cdb(tx).updateTable('congress_representatives').set({ account_id: accountId }).where('id', '=', representativeId).execute();
}
