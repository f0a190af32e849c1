/**
 * The appeal's closed loop (闭环): submit → accept (or decline) → assign → handle →
 * answer → rate (→ reopen) → close, with deadlines in working days, supervision of
 * overdue items, merging of duplicates and anonymous authorship that only union staff
 * may lift, each time on the record.
 *
 * Every write runs in one transaction with its audit event, its timeline entry and its
 * notices. State changes go through core/workflow's `transition()` — a conditional update
 * ("… where status = the status read"), so two people acting at once cannot both move the same
 * appeal — and steps that keep the status through `recordEvent()`: the appeal's timeline is
 * core's `entity_events` (kind 'appeals.appeal'), the same table every module's timeline uses.
 */
import { cite, citationsOf } from './appeals.citations.js';
import type { Db, Tx } from '../../core/db/database.js';
import { AppError, forbidden, invalid, notFound } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import { anonymousContext, recordAudit } from '../../core/audit/audit.js';
import type { CallContext } from '../../core/context.js';
import { writeCallIn, type WriteCall } from '../../core/call.js';
import { inScope, scopeOf, type Actor } from '../../core/rbac/actor.js';
import { endOfShanghaiDay, shanghaiDate } from '../../core/calendar/calendar.js';
import { t, type Locale } from '../../core/i18n/messages.js';
import {
  APPEAL_PERMISSIONS as P,
  APPEAL_STATUS_LABELS,
  APPEAL_CATEGORY_LABELS,
  DECLINE_REASON_LABELS,
  UNIT_KINDS,
  type AppealAction,
  type AppealCategory,
  type AppealStatus,
  type DeclineReason,
} from '../../../common/appeals.js';
import type { AppealDetail, AppealReceipt, SubmitAppealBody } from '../../../common/schemas/appeals.js';
import { ancestorIds, orgBrief, orgsByIds } from '../../core/org/lookups.js';
import { orgContext } from '../../core/org/context.js';
import { accountOfPerson, personBrief } from '../../core/people/lookups.js';
import {
  countAffected,
  duplicatesOf,
  findAppeal,
  findExtension,
  findRaw,
  listExtensions,
  masterSummary,
  pendingExtension,
  revealAuthor,
} from './appeals.detail.js';
import type { DetailRow } from './appeals.visibility.js';
import {
  decideExtension as decideExtensionRow,
  indexForSearch,
  insertAppeal,
  insertExtension,
  insertRating,
  nextNumber,
  repointDuplicates,
  updateAppeal,
} from './appeals.writes.js';
import { claimAttachments, listAttachments } from './attachments.js';
import { APPEAL_ENTITY, type AppealTable } from './appeals.tables.js';
import { eventsOf } from '../../core/workflow/index.js';
import { moveTo, STAFF, step, whoIs, type Label, type Who } from './appeals.timeline.js';
import {
  abilities,
  allowedIn,
  can,
  canRead,
  conditionFails,
  isOverdue,
  relationTo,
  visibilityOf,
  maySubmit,
  type AppealRef,
  type Relation,
} from './appeals.policy.js';
import { presentDetail } from './appeals.present.js';
import { answerDays, calendarFor, deadlineAfter, lightClock, ruleFor, settingsFor } from './deadlines.js';
import { appealLink, handlersOf, send, unionPeople } from './appeals.notices.js';
import { checkIntake } from './groupAlert.intake.js';
import { departmentLabels, labelDepartments } from './departments.js';
import { acceptWorkTenths } from './appeals.indicators.js';

type Action = Exclude<AppealAction, 'read'>;

// ---- loading and checking ----

export const refOf = (row: DetailRow): AppealRef => ({
  isMine: row.is_mine === 1,
  orgPath: row.org_path,
  departmentPath: row.department_path,
  status: row.status,
  anonymous: row.anonymous === 1,
  registered: row.channel !== 'online',
  currentDue: row.current_due,
});

const CONDITION_ERRORS = {
  notOverdue: () => new AppError(409, 'not_overdue', 'appeals.notOverdue'),
  notAnonymous: () => new AppError(409, 'not_anonymous', 'appeals.notAnonymous'),
  pastDeadline: () => new AppError(409, 'past_deadline', 'appeals.pastDeadline'),
};

/** The same condition `abilities` offers the action under (policy.conditionFails), enforced. */
function requireCondition(action: Action, ref: AppealRef, at: Date) {
  const failed = conditionFails(action, ref, shanghaiDate(at));
  if (failed) throw CONDITION_ERRORS[failed]();
}

/**
 * The appeal as the caller may act on it: 404 when they cannot see it, 403 when their
 * relation to it does not allow `action`, 409 when its state does not.
 */
async function load(tx: Tx, actor: Actor, id: string, action: AppealAction) {
  const row = await findAppeal(tx, visibilityOf(actor), id);
  if (!row) throw notFound();
  const ref = refOf(row);
  if (!canRead(actor, ref)) throw notFound();
  if (action !== 'read') {
    if (!can(actor, action, ref)) throw forbidden();
    if (!allowedIn(action, row.status)) throw illegal(row.status);
  }
  return { row, ref, relation: relationTo(actor, ref) };
}

export const illegal = (status: string) =>
  new AppError(409, 'illegal_transition', 'appeals.illegalTransition', { status: APPEAL_STATUS_LABELS[status as AppealStatus]?.zh ?? status });

const raced = () => new AppError(409, 'conflict', 'appeals.changedMeanwhile');

/** Changes the appeal without moving its status, or fails with 409 when someone else moved it first. */
async function move(tx: Tx, id: string, from: readonly string[], patch: Partial<AppealTable>) {
  if (!(await updateAppeal(tx, id, from, patch))) throw raced();
}

// ---- who acted, on the record ----

function actingAs(relation: Relation, _action: Action): Label {
  if (relation.staff) return 'staff';
  if (relation.handler) return 'handler';
  return 'author';
}

function auditContext(ctx: CallContext, who: Who): CallContext {
  return who.anonymous ? anonymousContext(ctx) : ctx;
}

/**
 * An action outside a request (seeds, jobs, tests): its own transaction and clock. Requests
 * reach the `…In(call)` form through writeCall, which adds the Idempotency-Key replay.
 */
function inOwnTx(db: Db, ctx: CallContext, actor: Actor, at: Date, work: (call: WriteCall) => Promise<void>): Promise<void> {
  return db.transaction().execute((tx) => work(writeCallIn(db, tx, actor, ctx, at)));
}

// ---- reading ----

export async function detail(tx: Tx, actor: Actor, id: string, locale: Locale, now = new Date()): Promise<AppealDetail> {
  const { row, ref, relation } = await load(tx, actor, id, 'read');
  await labelDepartments(tx, [row]);
  const [events, attachments, extensions, duplicates, master, settings, clock, deadlineProvisional] = await Promise.all([
    eventsOf(tx, APPEAL_ENTITY, id),
    listAttachments(tx, id),
    listExtensions(tx, id),
    duplicatesOf(tx, id),
    row.master_id ? masterSummary(tx, row.master_id) : Promise.resolve(undefined),
    settingsFor(tx, row.org_path),
    lightClock(tx, now),
    restsOnProvisionalDays(tx, row),
  ]);
  const citations = await citationsOf(tx, actor, id);
  const shown = presentDetail(
    row,
    {
      events,
      attachments,
      extensions,
      duplicates,
      master: master ?? null,
      deadlineProvisional,
      reopenLimit: settings.reopenLimit,
      abilities: abilities(actor, { ...ref, chairMayReveal: settings.chairMayReveal }, clock.today),
      relation,
    },
    actor,
    clock,
    locale,
  );
  return { ...shown, citations, citationsNeedReview: citations.some((c) => c.review) };
}

/**
 * Whether the current deadline was counted across days of a year whose holidays are not yet
 * published (statutory rules stand in): the date may still move when the notice is imported.
 * Counted from the start of the current stage — submission for acceptance, acceptance for the answer.
 */
async function restsOnProvisionalDays(
  tx: Tx,
  row: { current_due: string | null; submitted_date: string; accepted_at: string | null; org_path: string },
): Promise<boolean> {
  if (!row.current_due) return false;
  const from = row.accepted_at ? shanghaiDate(new Date(row.accepted_at)) : row.submitted_date;
  return (await calendarFor(tx, row.org_path)).provisionalWithin(from, row.current_due);
}

export function get(db: Db, actor: Actor, id: string, locale: Locale) {
  return detail(db, actor, id, locale);
}

// ---- submit ----

interface Author {
  orgId: string;
  orgPath: string;
  accountId: string | null;
  personId: string | null;
  category: string | null;
}

async function resolveAuthor(tx: Tx, actor: Actor, body: SubmitAppealBody): Promise<{ author: Author; channel: string; registeredBy: string | null }> {
  if (body.onBehalfOf) {
    const person = await personBrief(tx, body.onBehalfOf.personId);
    if (!person) throw notFound();
    if (!inScope(scopeOf(actor, P.manage), person.org_path)) {
      throw new AppError(403, 'forbidden', 'appeals.onBehalfForbidden');
    }
    const account = await accountOfPerson(tx, person.id);
    return {
      author: { orgId: person.org_id, orgPath: person.org_path, accountId: account?.id ?? null, personId: person.id, category: person.employment_category },
      channel: body.onBehalfOf.channel,
      registeredBy: actor.accountId,
    };
  }
  if (!maySubmit(actor)) throw forbidden();
  const person = actor.personId ? await personBrief(tx, actor.personId) : undefined;
  if (person) {
    return {
      author: { orgId: person.org_id, orgPath: person.org_path, accountId: actor.accountId, personId: person.id, category: person.employment_category },
      channel: 'online',
      registeredBy: null,
    };
  }
  // An account without a person raises appeals where it was granted the right to.
  const grant = actor.grants.find((g) => g.orgId && g.orgPath && scopeOf({ ...actor, grants: [g] }, P.submit).paths.length);
  if (!grant) throw invalid('body', 'appeals.noOrg');
  return {
    author: { orgId: grant.orgId!, orgPath: grant.orgPath!, accountId: actor.accountId, personId: null, category: null },
    channel: 'online',
    registeredBy: null,
  };
}

/** The nearest mine or branch union above the author's org; without one, the top of the tree. */
export async function unitOf(tx: Tx, orgPath: string) {
  // The intake's first question about the author's chain: it loads the context the deadline rules, settings and group check reuse.
  const chain = (await orgContext(tx, orgPath))?.chain ?? (await orgsByIds(tx, ancestorIds(orgPath))).sort((a, b) => a.depth - b.depth);
  return [...chain].reverse().find((o) => UNIT_KINDS.includes(o.kind)) ?? chain[0];
}

/**
 * Where an appeal is placed, and what of its author it records beside the author's ids.
 * The anonymity rule, in its one place (docs/architecture.md, 匿名规则): an anonymous
 * appeal is placed at its unit and carries no person-derived attribute — no team, no
 * employment category — so no filter, cut, count, sort, export column, deadline rule or
 * calendar of a smaller org can single its author out. Every read works on what is
 * stored, so every read obeys the rule without knowing it.
 */
export function placement(author: Author, unit: { id: string; path: string }, anonymous: boolean): Author {
  return anonymous ? { ...author, orgId: unit.id, orgPath: unit.path, category: null } : author;
}

/**
 * Runs inside the caller's transaction — the route wraps it in idempotent(), so a retried
 * submission returns the first response and creates nothing. Answers with a receipt: the
 * client reads the detail when it opens the appeal.
 */
export async function submitInTx(tx: Tx, ctx: CallContext, actor: Actor, body: SubmitAppealBody, at = new Date()): Promise<AppealReceipt> {
  const row = await create(tx, ctx, actor, body, at);
  return {
    id: row.id,
    code: row.code,
    status: row.status as AppealReceipt['status'],
    category: row.category as AppealReceipt['category'],
    anonymous: row.anonymous === 1,
    submittedAt: row.submitted_at,
    acceptDeadline: row.accept_due_date,
  };
}

/** Creates the appeal and runs the group check; returns its id. */
export async function createInTx(tx: Tx, ctx: CallContext, actor: Actor, body: SubmitAppealBody, at = new Date()): Promise<string> {
  return (await create(tx, ctx, actor, body, at)).id;
}

async function create(tx: Tx, ctx: CallContext, actor: Actor, body: SubmitAppealBody, at: Date): Promise<AppealTable> {
  const { author: person, channel, registeredBy } = await resolveAuthor(tx, actor, body);
  const iso = at.toISOString();
  const day = shanghaiDate(at);
  const unit = await unitOf(tx, person.orgPath);
  const author = placement(person, unit, body.anonymous);
  const rule = await ruleFor(tx, author.orgPath, body.category, 'general');
  const acceptDue = await deadlineAfter(tx, author.orgPath, at, rule.acceptDays);
  const n = await nextNumber(tx, day);
  const id = newId();
  const row: AppealTable = {
    id,
    code: `SQ${day.replace(/-/g, '')}-${String(n).padStart(4, '0')}`,
    org_id: author.orgId,
    org_path: author.orgPath,
    unit_id: unit.id,
    department_id: null,
    author_account_id: author.accountId,
    author_person_id: author.personId,
    author_category: author.category,
    anonymous: body.anonymous ? 1 : 0,
    channel,
    registered_by: registeredBy,
    category: body.category,
    nature: body.nature,
    urgency: 'general',
    title: body.title,
    description: body.description,
    status: 'submitted',
    submitted_at: iso,
    submitted_date: day,
    accept_due_date: acceptDue,
    accepted_at: null,
    accept_work_tenths: null,
    due_date: null,
    current_due: acceptDue,
    overdue_at: null,
    late: 0,
    answer: null,
    answered_at: null,
    first_answered_at: null,
    first_answer_department_id: null,
    last_answer_late: null,
    answered_by: null,
    decline_reason: null,
    closed_at: null,
    rating: null,
    rating_comment: null,
    rated_at: null,
    rated_department_id: null,
    reopen_count: 0,
    master_id: null,
    affected_workers: 1,
    group_alert_id: null,
    created_at: iso,
    updated_at: iso,
  };
  await insertAppeal(tx, row);
  await claimAttachments(tx, ctx, actor, at, id, body.attachmentIds);
  const who = whoIs(registeredBy ? 'staff' : 'author', row.anonymous === 1);
  await step(writeCallIn(tx, tx, actor, ctx, at), id, 'submitted', who, { to: 'submitted', data: { channel } });
  await indexForSearch(tx, id, `${row.code} ${row.title} ${row.description}`);
  await checkIntake(tx, row, at, unit);
  await recordAudit(tx, auditContext(ctx, who), {
    action: 'appeal.submit',
    entityType: 'appeal',
    entityId: id,
    orgId: row.unit_id,
    changes: { code: row.code, category: row.category, anonymous: row.anonymous === 1, channel, attachments: [...new Set(body.attachmentIds)] },
  });
  await send(
    tx,
    'new',
    await unionPeople(tx, author.orgPath, ['unionStaff']),
    { code: row.code, title: row.title, category: APPEAL_CATEGORY_LABELS[row.category as AppealCategory].zh },
    appealLink(id),
    author.orgPath,
  );
  return row;
}

// ---- union staff ----

export async function acceptIn(call: WriteCall, id: string, input: { urgency?: string; nature?: string; note?: string }) {
  const { tx, actor, now: at, iso } = call;
  const { row } = await load(tx, actor, id, 'accept');
  const urgency = input.urgency ?? row.urgency;
  const nature = input.nature ?? row.nature;
  const rule = await ruleFor(tx, row.org_path, row.category, urgency);
  const cal = await calendarFor(tx, row.org_path);
  const due = cal.addWorkingDays(shanghaiDate(at), answerDays(rule, nature));
  // The acceptance-time indicator reads this, recorded once in the author's calendar (to the 6 minutes).
  const patch = {
    accepted_at: iso,
    accept_work_tenths: acceptWorkTenths(cal, row.submitted_at, iso),
    urgency,
    nature,
    due_date: due,
    current_due: due,
    overdue_at: null,
  };
  await moveTo(call, row, ['submitted'], 'accepted', patch, 'accepted', STAFF, {
    note: input.note,
    data: { urgency, nature, deadline: due },
    audit: { action: 'appeal.accept', entityType: 'appeal', entityId: id, orgId: row.unit_id, changes: { urgency, nature, deadline: due } },
  });
  await send(tx, 'accepted', [await authorAccount(tx, id)], { code: row.code, deadline: due }, appealLink(id));
}

/** Acceptance inside a transaction the caller holds (a group case accepts each member). */
export const acceptInTx = (tx: Tx, ctx: CallContext, actor: Actor, id: string, input: { urgency?: string; nature?: string; note?: string }, at: Date) =>
  acceptIn(writeCallIn(tx, tx, actor, ctx, at), id, input);

export function accept(db: Db, ctx: CallContext, actor: Actor, id: string, input: { urgency?: string; nature?: string; note?: string }, at = new Date()) {
  return inOwnTx(db, ctx, actor, at, (call) => acceptIn(call, id, input));
}

export function decline(db: Db, ctx: CallContext, actor: Actor, id: string, input: { reason: DeclineReason; explanation: string }, at = new Date()) {
  return inOwnTx(db, ctx, actor, at, (call) => declineIn(call, id, input));
}

export async function declineIn(call: WriteCall, id: string, input: { reason: DeclineReason; explanation: string; citedArticleIds?: string[] }) {
  const { tx, actor, iso } = call;
  const { row } = await load(tx, actor, id, 'decline');
  const patch = { decline_reason: input.reason, answer: input.explanation, answered_at: iso, answered_by: actor.accountId, closed_at: iso, current_due: null };
  await moveTo(call, row, ['submitted'], 'declined', patch, 'declined', STAFF, {
    note: input.explanation,
    data: { reason: input.reason },
    audit: { action: 'appeal.decline', entityType: 'appeal', entityId: id, orgId: row.unit_id, changes: { reason: input.reason } },
  });
  await cite(tx, actor, id, 'decline', input.citedArticleIds, iso);
  await send(tx, 'declined', [await authorAccount(tx, id)], { code: row.code, reason: DECLINE_REASON_LABELS[input.reason].zh }, appealLink(id));
}

export function setUrgency(db: Db, ctx: CallContext, actor: Actor, id: string, input: { urgency: string; nature?: string }, at = new Date()) {
  return inOwnTx(db, ctx, actor, at, (call) => setUrgencyIn(call, id, input));
}

export async function setUrgencyIn(call: WriteCall, id: string, input: { urgency: string; nature?: string }) {
  const { tx, ctx, actor, iso } = call;
  const { row } = await load(tx, actor, id, 'setUrgency');
  const nature = input.nature ?? row.nature;
  const patch: Partial<AppealTable> = { urgency: input.urgency, nature, updated_at: iso };
  let due: string | null = null;
  // The answer deadline counts from acceptance under the new rule; before acceptance only the rule is noted.
  if (row.accepted_at) {
    const rule = await ruleFor(tx, row.org_path, row.category, input.urgency);
    due = await deadlineAfter(tx, row.org_path, row.accepted_at, answerDays(rule, nature));
    Object.assign(patch, { due_date: due, current_due: due, overdue_at: null });
  }
  await move(tx, id, [row.status], patch);
  await step(call, id, 'urgencySet', STAFF, { data: { urgency: input.urgency, nature, deadline: due } });
  await recordAudit(tx, ctx, {
    action: 'appeal.urgency',
    entityType: 'appeal',
    entityId: id,
    orgId: row.unit_id,
    changes: { urgency: [row.urgency, input.urgency], nature: [row.nature, nature], deadline: [row.due_date, due] },
  });
}

/** A department node inside the staff member's scope. */
async function departmentFor(tx: Tx, actor: Actor, departmentId: string) {
  const dept = await orgBrief(tx, departmentId);
  if (!dept || !inScope(scopeOf(actor, P.manage), dept.path)) throw invalid('body.departmentId', 'appeals.notDepartment');
  if (!['department', 'office', 'team'].includes(dept.kind)) throw invalid('body.departmentId', 'appeals.notDepartment');
  return dept;
}

export async function assignIn(call: WriteCall, id: string, input: { departmentId: string; note?: string }) {
  const { tx, actor } = call;
  const { row } = await load(tx, actor, id, 'assign');
  const dept = await departmentFor(tx, actor, input.departmentId);
  const departmentLabel = (await departmentLabels(tx, [dept.path])).get(dept.path) ?? dept.name;
  await moveTo(call, row, [row.status], 'assigned', { department_id: dept.id }, 'assigned', STAFF, {
    note: input.note,
    data: { departmentId: dept.id, departmentName: dept.name, departmentLabel },
    audit: { action: 'appeal.assign', entityType: 'appeal', entityId: id, orgId: row.unit_id, changes: { department: [row.department_id, dept.id] } },
  });
  await send(tx, 'assigned', await handlersOf(tx, dept.path), { code: row.code, title: row.title, deadline: row.current_due ?? '' }, appealLink(id), dept.path);
}

/** Assignment inside a transaction the caller holds (a group case assigns each member). */
export const assignInTx = (tx: Tx, ctx: CallContext, actor: Actor, id: string, input: { departmentId: string; note?: string }, at: Date) =>
  assignIn(writeCallIn(tx, tx, actor, ctx, at), id, input);

export function assign(db: Db, ctx: CallContext, actor: Actor, id: string, input: { departmentId: string; note?: string }, at = new Date()) {
  return inOwnTx(db, ctx, actor, at, (call) => assignIn(call, id, input));
}

export function merge(db: Db, ctx: CallContext, actor: Actor, id: string, input: { duplicateIds: string[] }, at = new Date()) {
  return inOwnTx(db, ctx, actor, at, (call) => mergeIn(call, id, input));
}

export async function mergeIn(call: WriteCall, id: string, input: { duplicateIds: string[] }) {
  const { tx, ctx, actor, iso } = call;
  const { row: master } = await load(tx, actor, id, 'merge');
  const ids = [...new Set(input.duplicateIds)];
  if (ids.includes(id)) throw invalid('body.duplicateIds', 'appeals.mergeSelf');
  const codes: string[] = [];
  const notices: (string | null)[] = [];
  for (const dupId of ids) {
    const { row: dup } = await load(tx, actor, dupId, 'merge');
    await moveTo(call, dup, [dup.status], 'merged', { master_id: id, current_due: null }, 'merged', STAFF, { data: { masterId: id, masterCode: master.code } });
    // A duplicate that was itself a master hands its own duplicates on.
    await repointDuplicates(tx, dupId, id);
    codes.push(dup.code);
    notices.push(await authorAccount(tx, dupId));
    await send(tx, 'merged', [notices[notices.length - 1]], { code: dup.code, master: master.code }, appealLink(dupId));
  }
  const affected = await countAffected(tx, id);
  await move(tx, id, [master.status], { affected_workers: affected, updated_at: iso });
  await step(call, id, 'duplicateMerged', STAFF, { data: { codes, affectedWorkers: affected } });
  await recordAudit(tx, ctx, {
    action: 'appeal.merge',
    entityType: 'appeal',
    entityId: id,
    orgId: master.unit_id,
    changes: { duplicates: ids, affectedWorkers: affected },
  });
}

export function supervise(db: Db, ctx: CallContext, actor: Actor, id: string, input: { note: string }, at = new Date()) {
  return inOwnTx(db, ctx, actor, at, (call) => superviseIn(call, id, input));
}

export async function superviseIn(call: WriteCall, id: string, input: { note: string }) {
  const { tx, ctx, actor, now: at, iso } = call;
  const { row, ref } = await load(tx, actor, id, 'supervise');
  requireCondition('supervise', ref, at);
  await step(call, id, 'supervised', STAFF, { note: input.note, internal: true });
  await move(tx, id, [row.status], { updated_at: iso });
  await recordAudit(tx, ctx, { action: 'appeal.supervise', entityType: 'appeal', entityId: id, orgId: row.unit_id, changes: { note: input.note } });
  const to = row.department_path ? await handlersOf(tx, row.department_path) : await unionPeople(tx, row.org_path, ['unionStaff']);
  await send(tx, 'supervised', to, { code: row.code, note: input.note }, appealLink(id));
}

export function close(db: Db, ctx: CallContext, actor: Actor, id: string, input: { note?: string }, at = new Date()) {
  return inOwnTx(db, ctx, actor, at, (call) => closeIn(call, id, input));
}

export async function closeIn(call: WriteCall, id: string, input: { note?: string }) {
  const { tx, actor, iso } = call;
  const { row } = await load(tx, actor, id, 'close');
  await moveTo(call, row, ['answered'], 'closed', { closed_at: iso, current_due: null }, 'closed', STAFF, {
    note: input.note,
    audit: { action: 'appeal.close', entityType: 'appeal', entityId: id, orgId: row.unit_id, changes: { note: input.note ?? null } },
  });
}

/** Every action below changes the appeal and returns nothing; the route then presents it with get(). */

/** Who wrote an anonymous appeal. Union staff only; every call is audited with its reason. */
export async function reveal(db: Db, ctx: CallContext, actor: Actor, id: string, input: { reason: string }, at = new Date()) {
  return db.transaction().execute(async (tx) => {
    const { row, ref: seen } = await load(tx, actor, id, 'read');
    const ref = { ...seen, chairMayReveal: (await settingsFor(tx, row.org_path)).chairMayReveal };
    if (!can(actor, 'reveal', ref)) throw forbidden();
    requireCondition('reveal', ref, at);
    const who = (await revealAuthor(tx, id))!;
    await recordAudit(tx, ctx, { action: 'appeal.reveal', entityType: 'appeal', entityId: id, orgId: row.unit_id, changes: { reason: input.reason } });
    // The author is told who may now know them, and why (全过程监督): the notice names the reason, not the staff member.
    await send(tx, 'revealed', [who.author_account_id], { code: row.code, reason: input.reason }, appealLink(id));
    return {
      name: who.name,
      personId: who.author_person_id,
      accountId: who.author_account_id,
      phone: who.phone,
      employmentCategory: who.employment_category,
      org: { id: who.org_id, name: who.org_name },
    };
  });
}

// ---- handling and answering ----

export function addNote(db: Db, ctx: CallContext, actor: Actor, id: string, input: { note: string }, at = new Date()) {
  return inOwnTx(db, ctx, actor, at, (call) => addNoteIn(call, id, input));
}

export async function addNoteIn(call: WriteCall, id: string, input: { note: string }) {
  const { tx, actor } = call;
  const { row, relation } = await load(tx, actor, id, 'note');
  await moveTo(
    call,
    row,
    ['assigned', 'handling'],
    'handling',
    {},
    'progress',
    { label: actingAs(relation, 'note') },
    {
      note: input.note,
      audit: { action: 'appeal.progress', entityType: 'appeal', entityId: id, orgId: row.unit_id, changes: { note: input.note } },
    },
  );
}

type AnswerRow = { id: string; code: string; status: string; due_date: string | null; late: number; unit_id: string };

/** Answers one appeal; also used for every member of a group case. */
async function answerWith(call: WriteCall, row: AnswerRow, answer: string, label: Label, data?: Record<string, unknown>) {
  const { tx, actor, iso } = call;
  // This round answered after the end of its deadline day. The appeal stays late once any round was:
  // the on-time closure rate counts it as late, and lateness once incurred is never cleared.
  const roundLate = row.due_date !== null && iso > endOfShanghaiDay(row.due_date);
  const late = row.late === 1 || roundLate ? 1 : 0;
  const raw = (await findRaw(tx, row.id))!;
  // The history tells each round's own lateness: an on-time second round is not shown as late, and the first stays late.
  const round = raw.reopen_count + 1;
  const patch = {
    answer,
    answered_at: iso,
    first_answered_at: raw.first_answered_at ?? iso,
    // The first answer's department keeps its reopen on its own figures, whoever answers later rounds.
    first_answer_department_id: raw.first_answered_at ? raw.first_answer_department_id : raw.department_id,
    answered_by: actor.accountId,
    current_due: null,
    late,
    // The answering department is judged on this round alone (its 按时办结率, 指标口径); `late` keeps every round's.
    last_answer_late: roundLate ? 1 : 0,
  };
  await moveTo(
    call,
    row,
    ['accepted', 'assigned', 'handling'],
    'answered',
    patch,
    'answered',
    { label },
    {
      note: answer,
      data: { late: roundLate, ...(round > 1 ? { round } : {}), ...data },
      audit: { action: 'appeal.answer', entityType: 'appeal', entityId: row.id, orgId: row.unit_id, changes: { late: late === 1, ...data } },
    },
  );
  const duplicates = await duplicatesOf(tx, row.id);
  const authors = [raw.author_account_id, ...(await Promise.all(duplicates.map((d) => authorAccount(tx, d.id))))];
  await send(tx, 'answered', authors, { code: row.code }, appealLink(row.id));
  // The answering department's robots (the unit's, when union staff answered it themselves) hear that it was answered: the number and who answered, never who asked or what was said.
  const answeredBy = await orgBrief(tx, raw.department_id ?? row.unit_id);
  if (answeredBy)
    await send(
      tx,
      'answeredRobot',
      [],
      { code: row.code, department: answeredBy.name, late: late ? t('zh-CN', 'appeals.notice.answeredRobot.late') : '' },
      appealLink(row.id),
      answeredBy.path,
    );
}

/** An answer inside a transaction the caller holds (a group case answers each member). */
export const answerInTx = (tx: Tx, ctx: CallContext, actor: Actor, row: AnswerRow, answer: string, label: Label, at: Date, data?: Record<string, unknown>) =>
  answerWith(writeCallIn(tx, tx, actor, ctx, at), row, answer, label, data);

export function answer(db: Db, ctx: CallContext, actor: Actor, id: string, input: { answer: string }, at = new Date()) {
  return inOwnTx(db, ctx, actor, at, (call) => answerIn(call, id, input));
}

export async function answerIn(call: WriteCall, id: string, input: { answer: string; citedArticleIds?: string[] }) {
  const { tx, actor } = call;
  const { row, relation } = await load(tx, actor, id, 'answer');
  await cite(tx, actor, id, 'answer', input.citedArticleIds, call.iso);
  await answerWith(call, row, input.answer, actingAs(relation, 'answer'));
}

export function requestExtension(db: Db, ctx: CallContext, actor: Actor, id: string, input: { days: number; reason: string }, at = new Date()) {
  return inOwnTx(db, ctx, actor, at, (call) => requestExtensionIn(call, id, input));
}

export async function requestExtensionIn(call: WriteCall, id: string, input: { days: number; reason: string }) {
  const { tx, ctx, actor, now: at, iso } = call;
  const { row, ref } = await load(tx, actor, id, 'requestExtension');
  requireCondition('requestExtension', ref, at);
  if (await pendingExtension(tx, id)) throw new AppError(409, 'conflict', 'appeals.extensionPending');
  const extId = newId();
  await insertExtension(tx, {
    id: extId,
    appeal_id: id,
    requested_by: actor.accountId,
    requested_at: iso,
    days: input.days,
    reason: input.reason,
    status: 'pending',
    decided_by: null,
    decided_at: null,
    decision_note: null,
    old_due_date: row.due_date!,
    new_due_date: null,
  });
  await move(tx, id, [row.status], { updated_at: iso });
  await step(call, id, 'extensionRequested', { label: 'handler' }, { note: input.reason, data: { days: input.days, extensionId: extId }, internal: true });
  await recordAudit(tx, ctx, {
    action: 'appeal.extensionRequest',
    entityType: 'appeal',
    entityId: id,
    orgId: row.unit_id,
    changes: { days: input.days, reason: input.reason },
  });
  await send(
    tx,
    'extensionRequested',
    await unionPeople(tx, row.org_path, ['unionStaff']),
    { code: row.code, days: input.days, reason: input.reason },
    appealLink(id),
  );
}

export async function decideExtension(
  db: Db,
  ctx: CallContext,
  actor: Actor,
  id: string,
  extensionId: string,
  approve: boolean,
  input: { note?: string },
  at = new Date(),
) {
  await inOwnTx(db, ctx, actor, at, async (call) => {
    const { tx, iso } = call;
    const { row, ref } = await load(tx, actor, id, 'decideExtension');
    const ext = await findExtension(tx, id, extensionId);
    if (!ext) throw notFound();
    let newDue: string | null = null;
    if (approve) {
      // Approving after the deadline would turn a late answer into an on-time one; rejecting stays possible.
      if (isOverdue(ref, shanghaiDate(at))) throw CONDITION_ERRORS.pastDeadline();
      // The extension adds working days to the deadline as it stands. `late` is left alone:
      // lateness once incurred is never cleared.
      newDue = (await calendarFor(tx, row.org_path)).addWorkingDays(row.due_date!, ext.days);
      await move(tx, id, ['assigned', 'handling'], { due_date: newDue, current_due: newDue, overdue_at: null, updated_at: iso });
    }
    const won = await decideExtensionRow(tx, extensionId, {
      status: approve ? 'approved' : 'rejected',
      decided_by: actor.accountId,
      decided_at: iso,
      decision_note: input.note ?? null,
      new_due_date: newDue,
    });
    if (!won) throw new AppError(409, 'conflict', 'appeals.extensionDecided');
    await step(call, id, approve ? 'extensionApproved' : 'extensionRejected', STAFF, {
      note: input.note,
      data: { days: ext.days, deadline: newDue ?? row.due_date },
      internal: true,
    });
    await recordAudit(tx, ctx, {
      action: approve ? 'appeal.extensionApprove' : 'appeal.extensionReject',
      entityType: 'appeal',
      entityId: id,
      orgId: row.unit_id,
      changes: { extensionId, deadline: [row.due_date, newDue ?? row.due_date] },
    });
    await send(
      tx,
      approve ? 'extensionApproved' : 'extensionRejected',
      [ext.requested_by],
      { code: row.code, deadline: newDue ?? row.due_date },
      appealLink(id),
    );
  });
}

// ---- the worker's rating ----

export function rate(db: Db, ctx: CallContext, actor: Actor, id: string, input: { rating: string; comment?: string; reopen: boolean }, at = new Date()) {
  return inOwnTx(db, ctx, actor, at, (call) => rateIn(call, id, input));
}

export async function rateIn(call: WriteCall, id: string, input: { rating: string; comment?: string; reopen: boolean }) {
  const { tx, ctx, actor, now: at, iso } = call;
  const { row, relation } = await load(tx, actor, id, 'rate');
  const anonymous = row.anonymous === 1;
  const label: Label = relation.author ? 'author' : 'staff';
  const who = whoIs(label, anonymous);
  const reopen = input.reopen && input.rating === 'unsatisfied';
  if (reopen) {
    const { reopenLimit } = await settingsFor(tx, row.org_path);
    if (row.reopen_count >= reopenLimit) throw new AppError(409, 'reopen_limit', 'appeals.reopenLimit', { limit: reopenLimit });
  }
  await insertRating(tx, {
    id: newId(),
    appeal_id: id,
    round: row.reopen_count + 1,
    rating: input.rating,
    comment: input.comment ?? null,
    reopened: reopen ? 1 : 0,
    at: iso,
  });
  // An answered appeal cannot be reassigned: its department gave the answer being rated, and keeps the rating after a reopen moves the appeal on.
  const rated = { rating: input.rating, rating_comment: input.comment ?? null, rated_at: iso, rated_department_id: row.department_id };
  await step(call, id, 'rated', who, { note: input.comment, data: { rating: input.rating } });
  if (reopen) {
    const rule = await ruleFor(tx, row.org_path, row.category, row.urgency);
    const due = await deadlineAfter(tx, row.org_path, at, answerDays(rule, row.nature));
    const status = row.department_id ? 'assigned' : 'accepted';
    const patch = { ...rated, reopen_count: row.reopen_count + 1, due_date: due, current_due: due, overdue_at: null };
    await moveTo(call, row, ['answered'], status, patch, 'reopened', who, { data: { deadline: due, round: row.reopen_count + 2 } });
    const to = row.department_path ? await handlersOf(tx, row.department_path) : await unionPeople(tx, row.org_path, ['unionStaff']);
    await send(tx, 'reopened', to, { code: row.code, deadline: due }, appealLink(id));
  } else {
    await moveTo(call, row, ['answered'], 'closed', { ...rated, closed_at: iso }, 'closed', who);
  }
  await recordAudit(tx, auditContext(ctx, who), {
    action: reopen ? 'appeal.reopen' : 'appeal.rate',
    entityType: 'appeal',
    entityId: id,
    orgId: row.unit_id,
    changes: { rating: input.rating },
  });
}

async function authorAccount(tx: Tx, id: string): Promise<string | null> {
  return (await findRaw(tx, id))?.author_account_id ?? null;
}
