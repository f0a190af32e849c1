/**
 * The actions on a mediationCase: load (404 when the caller may not see it → 403 when they
 * may not do this → 409 when the case is not in a state that allows it), change through
 * transition(), audit and notices in the same transaction. Every read of a case is audited:
 * the case is confidential (issue #19).
 */
import { shanghaiDate, workCalendar } from '../../core/calendar/calendar.js';
import { recordAudit } from '../../core/audit/audit.js';
import { AppError, forbidden, invalid, notFound } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import { t } from '../../core/i18n/messages.js';
import { hasPermission } from '../../core/rbac/actor.js';
import { holdersOf, notify, notifyOnce, type Notice } from '../../core/notify/index.js';
import { CLAIM_TYPE_LABELS, MEDIATION_PERMISSIONS as P, MAX_EXTENSION_DAYS, type ClaimType } from '../../../common/mediation.js';
import { inScope } from '../../core/rbac/actor.js';
import { cutsOf } from './mediation.outcomes.js';
import type {
  AgreementBody,
  ApplyBody,
  CaseDetail,
  CaseListQuery,
  CaseSummary,
  FiguresQuery,
  MediationFigures,
  PaymentBody,
} from '../../../common/schemas/mediation.js';
import { appealForReferral, recordMediationReferral } from '../appeals/index.js';
import type { Call, WriteCall } from '../../core/call.js';
import { acceptDueOf, clocksOf, mediationDueOf } from './mediation.clocks.js';
import { MM } from './mediation.messages.js';
import { demand, mayAddEvidence, mayConduct, mayDecide, mayWithdraw, relationTo, visibilityOf, type Relation } from './mediation.policy.js';
import { fen, summaryOf, yuan } from './mediation.present.js';
import * as repo from './mediation.repository.js';
import { eventsOf, recordEvent, statusConflict, transition, type TransitionSpec } from '../../core/workflow/index.js';
import { mdb } from './mediation.tables.js';
import { followPayments, paymentOrderDue, performanceOf, trackPerformance } from './mediation.performance.js';
import type { Db, Tx } from '../../core/db/database.js';
import { claimFiles, DOCX, filesOf, IMAGE_AND_PDF, XLSX, type FileRef } from '../../core/files/index.js';

/** The timeline's kind; the audit log's entity type is the glossary name. */
const KIND = 'mediation.case';
const ENTITY = 'mediationCase';
/** Owner kind of a case's evidence files in core/files. */
const FILE_KIND = 'mediation.case';
/** Evidence a worker brings: photos and scans of pay slips and attendance, and office documents. */
const EVIDENCE_TYPES = [...IMAGE_AND_PDF, DOCX, XLSX];
const OPEN_STATUSES = ['applied', 'accepted'];

/** A transition of a case: core/workflow on the cases table. */
const move = (call: WriteCall, spec: Omit<TransitionSpec, 'kind' | 'table'>) => transition(call, { kind: KIND, table: 'mediation_cases', ...spec });
const today = (call: Call) => shanghaiDate(call.now);

async function claimTypesOf(db: Tx, ids: string[]): Promise<Map<string, ClaimType[]>> {
  const out = new Map<string, ClaimType[]>();
  for (const c of await repo.claimsOf(db, ids)) out.set(c.case_id, [...(out.get(c.case_id) ?? []), c.type as ClaimType]);
  return out;
}

export async function list(
  call: Call,
  q: CaseListQuery,
): Promise<{ items: CaseSummary[]; total: number; totalCapped: boolean; nextCursor: string | null; page: number; pageSize: number }> {
  let orgPath: string | undefined;
  if (q.orgId) {
    const org = await call.db.selectFrom('orgs').select('path').where('id', '=', q.orgId).executeTakeFirst();
    if (!org) return { items: [], total: 0, totalCapped: false, nextCursor: null, page: q.page, pageSize: q.pageSize };
    orgPath = org.path;
  }
  const { rows, total, totalCapped, nextCursor } = await repo.listCases(call.db, visibilityOf(call.actor), { ...q, status: q.status, orgPath }, q, today(call));
  const types = await claimTypesOf(
    call.db,
    rows.map((r) => r.id),
  );
  return { items: rows.map((r) => summaryOf(r, types.get(r.id) ?? [], today(call))), total, totalCapped, nextCursor, page: q.page, pageSize: q.pageSize };
}

/**
 * The committee's figures of a period cut by claim type and by the child units of an org of its
 * subtree (the caller's own by default), each row with the list filters behind it. Only the union
 * side (`mediation.oversee`) sees them: a mediator sees only the cases named to them.
 */
export async function figures(call: Call, q: FiguresQuery): Promise<MediationFigures> {
  const scope = visibilityOf(call.actor).oversee;
  if (!scope.all && !scope.paths.length) throw forbidden();
  if (q.from > q.to) throw invalid('query.to', MM['mediation.periodOrder']);
  const orgs = call.db.selectFrom('orgs').select(['id', 'name', 'path']);
  const org = q.orgId
    ? await orgs.where('id', '=', q.orgId).executeTakeFirst()
    : scope.all
      ? await orgs.where('parent_id', 'is', null).orderBy('path').executeTakeFirst()
      : await orgs.where('path', '=', [...scope.paths].sort((a, b) => a.length - b.length)[0]).executeTakeFirst();
  if (!org || !inScope(scope, org.path)) throw notFound();
  const units = await orgs.where('parent_id', '=', org.id).orderBy('sort_order').orderBy('name').execute();
  const cuts = await cutsOf(call.db, org, units, q);
  const zh = !call.ctx.locale.startsWith('en');
  const names = new Map(units.map((u) => [u.id, u.name]));
  return {
    from: q.from,
    to: q.to,
    org: { id: org.id, name: org.name },
    total: { ...cuts.total, label: org.name },
    byClaimType: cuts.byClaimType.map((r) => ({ ...r, label: CLAIM_TYPE_LABELS[r.key as ClaimType][zh ? 'zh' : 'en'] })),
    byUnit: cuts.byUnit.map((r) => ({ ...r, label: names.get(r.key) ?? r.key })),
  };
}

interface Loaded {
  row: repo.CaseRow;
  rel: Relation;
  mediators: { account_id: string; name: string }[];
}

async function load(db: Tx, call: Call, id: string): Promise<Loaded> {
  const row = await repo.loadCase(db, id);
  if (!row) throw notFound();
  const mediators = await repo.mediatorsOf(db, [id]);
  const rel = relationTo(call.actor, { ...row, mediators: mediators.map((m) => m.account_id) });
  if (!rel.sees) throw notFound();
  return { row, rel, mediators };
}

async function detailOf(db: Tx, call: Call, l: Loaded): Promise<CaseDetail> {
  const { row, rel } = l;
  const day = today(call);
  const claims = await repo.claimsOf(db, [row.id]);
  const sessions = await repo.sessionsOf(db, row.id);
  const payments = await repo.paymentsOf(db, row.id);
  const events = await eventsOf(db, KIND, row.id);
  const files = await filesOf(db, { kind: FILE_KIND, id: row.id });
  const types = claims.map((c) => c.type as ClaimType);
  return {
    ...summaryOf(row, types, day),
    groupSize: row.group_size,
    disputeDate: row.dispute_date,
    summary: row.summary,
    appealId: row.appeal_id,
    extensionDays: row.extension_days,
    outcomeReason: row.outcome_reason,
    claims: claims.map((c) => ({ type: c.type as ClaimType, description: c.description, amount: yuan(c.amount_cents) })),
    mediators: l.mediators.map((m) => ({ accountId: m.account_id, name: m.name })),
    sessions: sessions.map((s) => ({
      id: s.id,
      date: s.date,
      attendees: s.attendees,
      applicantSaid: s.applicant_said,
      respondentSaid: s.respondent_said,
      nextStep: s.next_step,
      recordedBy: s.recorded_by_name,
    })),
    agreement:
      row.agreement_terms !== null
        ? {
            terms: row.agreement_terms,
            agreedAmount: yuan(row.agreed_cents)!,
            performanceDue: row.performance_due!,
            applicantSignedOn: row.applicant_signed_on!,
            respondentSigner: row.respondent_signer!,
            respondentSignedOn: row.respondent_signed_on!,
          }
        : null,
    files,
    payments: payments.map((p) => ({ paidAmount: yuan(p.paid_cents)!, paidOn: p.paid_on, note: p.note })),
    performance: await performanceOf(db, row.id),
    paymentOrderHint: paymentOrderDue(row, types, day),
    events: events.map((e) => ({ event: e.event, from: e.from, to: e.to, actorName: e.actorName, data: e.data, at: e.at })),
    can: {
      accept: row.status === 'applied' && mayDecide(rel),
      conduct: (row.status === 'accepted' || row.status === 'agreed') && mayConduct(rel),
      withdraw: OPEN_STATUSES.includes(row.status) && mayWithdraw(rel),
      addEvidence: OPEN_STATUSES.includes(row.status) && mayAddEvidence(rel),
    },
  };
}

/** The case page. The read itself is audited. */
export function detail(call: Call, id: string): Promise<CaseDetail> {
  return audited(call, id, false);
}

/** The case for its printable agreement; 404 (and no audit row) while there is no agreement. */
export function forDocument(call: Call, id: string): Promise<CaseDetail> {
  return audited(call, id, true);
}

async function audited(call: Call, id: string, agreement: boolean): Promise<CaseDetail> {
  return call.db.transaction().execute(async (tx) => {
    const l = await load(tx, call, id);
    if (agreement && l.row.agreement_terms === null) throw new AppError(404, 'no_agreement', 'error.notFound');
    await recordAudit(tx, call.ctx, { action: agreement ? 'mediation.print' : 'mediation.read', entityType: ENTITY, entityId: id, orgId: l.row.org_id });
    return detailOf(tx, call, l);
  });
}

/** One evidence file of a case for download; the download is audited like a read of the case. */
export async function evidenceFile(call: Call, id: string, fileId: string): Promise<FileRef> {
  return call.db.transaction().execute(async (tx) => {
    const l = await load(tx, call, id);
    const file = (await filesOf(tx, { kind: FILE_KIND, id })).find((f) => f.id === fileId);
    if (!file) throw notFound();
    await recordAudit(tx, call.ctx, { action: 'mediation.file', entityType: ENTITY, entityId: id, orgId: l.row.org_id, changes: { fileId } });
    return file;
  });
}

/** Claims the caller's uploads as the case's evidence and names them on the timeline. */
async function attachEvidence(call: WriteCall, id: string, orgId: string, fileIds: string[]): Promise<void> {
  const files = await claimFiles(call, fileIds, { kind: FILE_KIND, id }, { types: EVIDENCE_TYPES });
  if (!files.length) return;
  await recordEvent(call, { kind: KIND, id, event: 'evidence', data: { files: files.map((f) => ({ id: f.id, name: f.name })) } });
  await recordAudit(call.tx, call.ctx, { action: 'mediation.evidence', entityType: ENTITY, entityId: id, orgId, changes: { files: files.length } });
}

/** More evidence while the case is open: the applicant, or those conducting it. */
export async function addEvidence(call: WriteCall, id: string, fileIds: string[]): Promise<CaseDetail> {
  const { row, rel } = await load(call.tx, call, id);
  demand(mayAddEvidence(rel));
  if (!OPEN_STATUSES.includes(row.status)) throw statusConflict();
  await attachEvidence(call, id, row.org_id, fileIds);
  return reload(call, id);
}

async function applicantAccounts(tx: Tx, personId: string) {
  return repo.accountsOfPerson(tx, personId);
}

function notice(kind: string, key: string, params: Record<string, unknown>, accountIds: string[], caseId: string): Notice {
  return {
    accountIds,
    kind: `mediation.${kind}`,
    title: t('zh-CN', `mediation.notice.${key}.title`, params),
    body: t('zh-CN', `mediation.notice.${key}.body`, params),
    link: `/mediation/cases/${caseId}`,
  };
}

async function reload(call: WriteCall, id: string): Promise<CaseDetail> {
  const l = await load(call.tx, call, id);
  return detailOf(call.tx, call, l);
}

// ── intake ────────────────────────────────────────────────────────

export async function apply(call: WriteCall, body: ApplyBody): Promise<CaseDetail> {
  const { actor, tx } = call;
  const day = today(call);
  if (![P.apply, P.oversee, P.mediate].some((p) => hasPermission(actor, p))) throw forbidden();
  const appeal = body.appealId ? await appealForReferral(tx, body.appealId) : undefined;
  // The committee referring an appeal registers its author (never an anonymous one's: authorPersonId is null).
  const fromAppeal = !body.applicantPersonId && !!body.appealId && [P.oversee, P.mediate].some((p) => hasPermission(actor, p));
  if (fromAppeal && !appeal?.authorPersonId) throw invalid('body.appealId', MM['mediation.appealUnknown']);
  const personId = body.applicantPersonId ?? (fromAppeal ? appeal!.authorPersonId : actor.personId);
  if (!personId) throw invalid('body.applicantPersonId', MM['mediation.applicantRequired']);
  const person = await repo.personForCase(tx, personId);
  const own = personId === actor.personId;
  const registers = person && (hasPermission(actor, P.oversee, person.org_path) || hasPermission(actor, P.mediate, person.org_path));
  // Someone out of reach is answered like someone who does not exist.
  if (!person || person.kind !== 'worker' || person.archived || !(registers || (own && hasPermission(actor, P.apply, person.org_path)))) {
    throw fromAppeal ? invalid('body.appealId', MM['mediation.appealNotReachable']) : invalid('body.applicantPersonId', MM['mediation.applicantNotWorker']);
  }
  if (body.applicantKind === 'group' && !body.groupSize) throw invalid('body.groupSize', MM['mediation.groupSizeRequired']);
  if (body.disputeDate > day) throw invalid('body.disputeDate', MM['mediation.futureDate']);
  let appealId: string | null = null;
  if (body.appealId) {
    if (!appeal || appeal.authorPersonId !== personId) throw invalid('body.appealId', MM['mediation.appealUnknown']);
    appealId = appeal.id;
  }
  const cal = await workCalendar(tx, person.org_path);
  const id = newId();
  const code = `TJ${day.replace(/-/g, '')}-${id.slice(-5).toUpperCase()}`;
  const claimed = body.claims.reduce((s, c) => s + (c.amount === undefined ? 0 : fen(c.amount)), 0);
  const acceptDue = acceptDueOf(cal, day);
  await mdb(tx)
    .insertInto('mediation_cases')
    .values({
      id,
      code,
      org_id: person.org_id,
      org_path: person.org_path,
      applicant_person_id: person.id,
      applicant_kind: body.applicantKind,
      group_size: body.applicantKind === 'group' ? (body.groupSize ?? null) : null,
      respondent: body.respondent,
      dispute_date: body.disputeDate,
      summary: body.summary,
      appeal_id: appealId,
      status: 'applied',
      applied_at: call.iso,
      applied_date: day,
      accept_due: acceptDue,
      accepted_on: null,
      extension_days: 0,
      mediation_due: null,
      closed_on: null,
      outcome_reason: null,
      claimed_cents: claimed,
      agreed_cents: null,
      paid_cents: 0,
      agreement_terms: null,
      performance_due: null,
      applicant_signed_on: null,
      respondent_signer: null,
      respondent_signed_on: null,
      registered_by: own ? null : actor.accountId,
      created_at: call.iso,
      updated_at: call.iso,
    })
    .execute();
  await mdb(tx)
    .insertInto('mediation_claims')
    .values(
      body.claims.map((c, i) => ({
        id: newId(),
        case_id: id,
        type: c.type,
        description: c.description,
        amount_cents: c.amount === undefined ? null : fen(c.amount),
        sort: i,
      })),
    )
    .execute();
  await recordEvent(call, { kind: KIND, id, event: 'applied', to: 'applied', data: appealId ? { appealId } : undefined });
  await attachEvidence(call, id, person.org_id, body.fileIds ?? []);
  if (appealId) await recordMediationReferral(tx, { appealId, at: call.iso, caseId: id, caseCode: code });
  await recordAudit(tx, call.ctx, {
    action: 'mediation.apply',
    entityType: ENTITY,
    entityId: id,
    orgId: person.org_id,
    changes: { respondent: body.respondent, claims: body.claims.length, appealId },
  });
  const committee = (await holdersOf(tx, ['unionChair', 'unionStaff', 'mediator'], person.org_path))
    .map((h) => h.accountId)
    .filter((a) => a !== actor.accountId);
  await notify(tx, notice('applied', 'applied', { code, applicant: person.name, respondent: body.respondent, due: acceptDue }, committee, id));
  return reload(call, id);
}

export async function accept(call: WriteCall, id: string, body: { mediatorAccountId?: string; note?: string }): Promise<CaseDetail> {
  const { row, rel } = await load(call.tx, call, id);
  demand(mayDecide(rel));
  let mediator = body.mediatorAccountId;
  if (!mediator) {
    if (!rel.mediatorHere) throw invalid('body.mediatorAccountId', MM['mediation.mediatorRequired']);
    mediator = call.actor.accountId;
  } else if (mediator !== call.actor.accountId || !rel.mediatorHere) {
    const holders = await holdersOf(call.tx, ['mediator'], row.org_path);
    if (!holders.some((h) => h.accountId === mediator)) throw invalid('body.mediatorAccountId', MM['mediation.notMediator']);
  }
  const day = today(call);
  const due = mediationDueOf(day, 0);
  await move(call, {
    id,
    from: ['applied'],
    to: 'accepted',
    patch: { accepted_on: day, mediation_due: due },
    event: 'accepted',
    data: body.note ? { note: body.note } : undefined,
    audit: { action: 'mediation.accept', entityType: ENTITY, entityId: id, orgId: row.org_id, changes: { mediator } },
  });
  await mdb(call.tx).insertInto('mediation_case_mediators').values({ case_id: id, account_id: mediator }).execute();
  const name = (await call.tx.selectFrom('accounts').select('display_name').where('id', '=', mediator).executeTakeFirst())?.display_name ?? '';
  await notify(call.tx, notice('accepted', 'accepted', { code: row.code, mediator: name, due }, await applicantAccounts(call.tx, row.applicant_person_id), id));
  if (mediator !== call.actor.accountId)
    await notify(call.tx, notice('assigned', 'assigned', { code: row.code, applicant: row.applicant_name, respondent: row.respondent, due }, [mediator], id));
  return reload(call, id);
}

/** The union's mediators a new case may be assigned to: for whoever decides on acceptance. */
export async function mediatorOptions(call: Call, id: string): Promise<{ items: { accountId: string; name: string }[] }> {
  const { row, rel } = await load(call.db, call, id);
  demand(mayDecide(rel));
  const holders = await holdersOf(call.db, ['mediator'], row.org_path);
  const ids = [...new Set(holders.map((h) => h.accountId))];
  if (!ids.length) return { items: [] };
  const rows = await call.db
    .selectFrom('accounts')
    .select(['id', 'display_name'])
    .where('id', 'in', ids)
    .where('disabled', '=', 0)
    .orderBy('display_name')
    .execute();
  return { items: rows.map((r) => ({ accountId: r.id, name: r.display_name })) };
}

export async function reject(call: WriteCall, id: string, reason: string): Promise<CaseDetail> {
  const { row, rel } = await load(call.tx, call, id);
  demand(mayDecide(rel));
  const day = today(call);
  await move(call, {
    id,
    from: ['applied'],
    to: 'rejected',
    patch: { closed_on: day, outcome_reason: reason },
    event: 'rejected',
    data: { reason },
    audit: { action: 'mediation.reject', entityType: ENTITY, entityId: id, orgId: row.org_id },
    notify: notice(
      'rejected',
      'rejected',
      { code: row.code, reason, limitation: clocksOf({ ...row, status: 'rejected', closed_on: day }, day).limitationEnds },
      await applicantAccounts(call.tx, row.applicant_person_id),
      id,
    ),
  });
  return reload(call, id);
}

async function conducting(call: WriteCall, id: string) {
  const l = await load(call.tx, call, id);
  demand(mayConduct(l.rel));
  return l;
}

export async function extend(call: WriteCall, id: string, body: { days: number; reason: string }): Promise<CaseDetail> {
  const { row } = await conducting(call, id);
  const total = row.extension_days + body.days;
  if (total > MAX_EXTENSION_DAYS) throw invalid('body.days', MM['mediation.extensionTooLong']);
  if (row.status !== 'accepted' || !row.accepted_on) throw statusConflict();
  const due = mediationDueOf(row.accepted_on, total);
  await move(call, {
    id,
    from: ['accepted'],
    to: 'accepted',
    patch: { extension_days: total, mediation_due: due },
    event: 'extended',
    data: { days: body.days, reason: body.reason, mediationDue: due },
    audit: { action: 'mediation.extend', entityType: ENTITY, entityId: id, orgId: row.org_id, changes: { extension_days: [row.extension_days, total] } },
  });
  return reload(call, id);
}

export async function addSession(
  call: WriteCall,
  id: string,
  body: { date: string; attendees: string; applicantSaid: string; respondentSaid: string; nextStep?: string },
): Promise<CaseDetail> {
  const { row } = await conducting(call, id);
  if (row.status !== 'accepted') throw statusConflict();
  if (body.date > today(call)) throw invalid('body.date', MM['mediation.futureDate']);
  if (row.accepted_on && body.date < row.accepted_on) throw invalid('body.date', MM['mediation.sessionBeforeAcceptance']);
  await mdb(call.tx)
    .insertInto('mediation_sessions')
    .values({
      id: newId(),
      case_id: id,
      date: body.date,
      attendees: body.attendees,
      applicant_said: body.applicantSaid,
      respondent_said: body.respondentSaid,
      next_step: body.nextStep ?? null,
      recorded_by: call.actor.accountId,
      recorded_by_name: call.actor.displayName,
      created_at: call.iso,
    })
    .execute();
  await recordEvent(call, { kind: KIND, id, event: 'session', data: { date: body.date } });
  await recordAudit(call.tx, call.ctx, { action: 'mediation.session', entityType: ENTITY, entityId: id, orgId: row.org_id });
  return reload(call, id);
}

export async function agree(call: WriteCall, id: string, body: AgreementBody): Promise<CaseDetail> {
  const { row } = await conducting(call, id);
  const day = today(call);
  if (body.applicantSignedOn > day) throw invalid('body.applicantSignedOn', MM['mediation.futureDate']);
  if (body.respondentSignedOn > day) throw invalid('body.respondentSignedOn', MM['mediation.futureDate']);
  const agreed = fen(body.agreedAmount);
  await move(call, {
    id,
    from: ['accepted'],
    to: 'agreed',
    patch: {
      closed_on: day,
      agreed_cents: agreed,
      agreement_terms: body.terms,
      performance_due: body.performanceDue,
      applicant_signed_on: body.applicantSignedOn,
      respondent_signer: body.respondentSigner,
      respondent_signed_on: body.respondentSignedOn,
    },
    event: 'agreed',
    data: { agreedAmount: body.agreedAmount, performanceDue: body.performanceDue },
    audit: { action: 'mediation.agree', entityType: ENTITY, entityId: id, orgId: row.org_id, changes: { agreedAmount: body.agreedAmount } },
    notify: notice(
      'agreed',
      'agreed',
      { code: row.code, amount: body.agreedAmount, due: body.performanceDue },
      await applicantAccounts(call.tx, row.applicant_person_id),
      id,
    ),
  });
  await trackPerformance(call, row, body);
  return reload(call, id);
}

/** 调解不成: the case is referred to arbitration, the reason recorded, the worker told of the limitation. */
export async function fail(call: WriteCall, id: string, reason: string): Promise<CaseDetail> {
  const { row } = await conducting(call, id);
  const day = today(call);
  await move(call, {
    id,
    from: ['accepted'],
    to: 'failed',
    patch: { closed_on: day, outcome_reason: reason },
    event: 'referred',
    data: { reason },
    audit: { action: 'mediation.fail', entityType: ENTITY, entityId: id, orgId: row.org_id },
    notify: notice(
      'failed',
      'failed',
      { code: row.code, limitation: clocksOf({ ...row, status: 'failed', closed_on: day }, day).limitationEnds },
      await applicantAccounts(call.tx, row.applicant_person_id),
      id,
    ),
  });
  return reload(call, id);
}

export async function withdraw(call: WriteCall, id: string, reason: string): Promise<CaseDetail> {
  const { row, rel } = await load(call.tx, call, id);
  demand(mayWithdraw(rel));
  await move(call, {
    id,
    from: ['applied', 'accepted'],
    to: 'withdrawn',
    patch: { closed_on: today(call), outcome_reason: reason },
    event: 'withdrawn',
    data: { reason },
    audit: { action: 'mediation.withdraw', entityType: ENTITY, entityId: id, orgId: row.org_id },
  });
  return reload(call, id);
}

/** A payment under the agreement; the last one (or one marked complete) closes its performance. */
export async function recordPayment(call: WriteCall, id: string, body: PaymentBody): Promise<CaseDetail> {
  const { row } = await conducting(call, id);
  if (row.status !== 'agreed') throw statusConflict();
  if (body.paidOn > today(call)) throw invalid('body.paidOn', MM['mediation.futureDate']);
  const paid = Number(row.paid_cents) + fen(body.paidAmount);
  const agreed = Number(row.agreed_cents ?? 0);
  if (paid > agreed) throw invalid('body.paidAmount', MM['mediation.paymentTooMuch']);
  await mdb(call.tx)
    .insertInto('mediation_payments')
    .values({
      id: newId(),
      case_id: id,
      paid_cents: fen(body.paidAmount),
      paid_on: body.paidOn,
      note: body.note ?? null,
      recorded_by: call.actor.accountId,
      created_at: call.iso,
    })
    .execute();
  const done = body.complete || paid === agreed;
  await move(call, {
    id,
    from: ['agreed'],
    to: done ? 'performed' : 'agreed',
    patch: { paid_cents: paid },
    event: done ? 'performed' : 'paid',
    data: { paidAmount: body.paidAmount, paidOn: body.paidOn },
    audit: { action: 'mediation.payment', entityType: ENTITY, entityId: id, orgId: row.org_id, changes: { paid: [yuan(row.paid_cents), yuan(paid)] } },
  });
  await followPayments(call, id, paid, agreed, done);
  return reload(call, id);
}

/**
 * Job: tell each applicant once that the mediation period ended without agreement (§14) and
 * until when they may go to arbitration. The key carries the deadline, so a case extended
 * afterwards is told again when its new period ends.
 */
export async function tellOverdue(db: Db, now: Date): Promise<number> {
  const day = shanghaiDate(now);
  let told = 0;
  for (const c of await repo.overdueAccepted(db, day)) {
    const limitation = clocksOf(
      {
        status: 'accepted',
        mediation_due: c.mediation_due,
        accept_due: '',
        applied_date: '',
        accepted_on: null,
        closed_on: null,
        dispute_date: '',
        performance_due: null,
      },
      day,
    ).limitationEnds;
    const sent = await db
      .transaction()
      .execute(async (tx) =>
        notifyOnce(
          tx,
          `mediation.overdue:${c.id}:${c.mediation_due}`,
          notice('overdue', 'overdue', { code: c.code, limitation }, await repo.accountsOfPerson(tx, c.applicant_person_id), c.id),
        ),
      );
    if (sent) told++;
  }
  return told;
}
