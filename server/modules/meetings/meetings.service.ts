/**
 * Meeting actions: plan a series and its meetings (the carry-over item first when the series
 * met before), record attendance, mark held, draft → approve → publish the minutes, record
 * decisions as decided items. Each: load (404) → relation (403) → status (409), then change,
 * event and audit in the call's transaction.
 */
import { z } from 'zod';
import { MEETING_DECISION_KIND, MEETING_KIND_LABELS, type MeetingKind } from '../../../common/meetings.js';
import type { CancelBody, CreateMeetingBody, CreateSeriesBody, DecisionBody, MinutesBody, UpdateMeetingBody } from '../../../common/schemas/meetings.js';
import type { Call, WriteCall } from '../../core/call.js';
import { recordAudit } from '../../core/audit/audit.js';
import { shanghaiDate, workCalendar } from '../../core/calendar/calendar.js';
import { createDecidedItem } from '../../core/decidedItems/index.js';
import { appealForAgenda, recordMeetingOutcome } from '../appeals/index.js';
import { proposalForAgenda, recordProposalOnAgenda } from '../congress/index.js';
import type { Db, Tx } from '../../core/db/database.js';
import { forbidden, invalid, notFound } from '../../core/errors.js';
import { t } from '../../core/i18n/messages.js';
import { newId } from '../../core/ids.js';
import { inScope, scopeOf } from '../../core/rbac/actor.js';
import { recordEvent, statusConflict, transition } from '../../core/workflow/index.js';
import { MM } from './meetings.messages.js';
import { assertApprover, assertManager, assertVisible, relationTo } from './meetings.policy.js';
import { mq, type MeetingTable } from './meetings.tables.js';

export const MEETING_KIND_EVENT = 'meetings.meeting';

async function load(call: Call, tx: Tx, id: string) {
  const m = await mq(tx).selectFrom('meetings').selectAll().where('id', '=', id).executeTakeFirst();
  if (!m) throw notFound();
  const rel = await relationTo(tx, call.actor, m);
  assertVisible(rel);
  return { m, rel };
}
export const loadMeeting = load;

/** Planning is for union chair and staff: anyone else hears 403 before their input is looked at. */
function assertPlanner(call: Call): void {
  const s = scopeOf(call.actor, 'meetings.manage');
  if (!s.all && !s.paths.length) throw forbidden();
}

export async function createSeries(call: WriteCall, body: z.infer<typeof CreateSeriesBody>) {
  assertPlanner(call);
  const org = await mq(call.tx).selectFrom('orgs').select(['id', 'path']).where('id', '=', body.orgId).executeTakeFirst();
  if (!org || !inScope(scopeOf(call.actor, 'meetings.manage'), org.path)) {
    if (org && inScope(scopeOf(call.actor, 'meetings.read'), org.path)) throw forbidden();
    throw invalid('orgId', MM['meetings.orgUnknown']);
  }
  const id = newId();
  await mq(call.tx)
    .insertInto('meeting_series')
    .values({ id, org_id: org.id, org_path: org.path, kind: body.kind, name: body.name, created_at: call.iso, updated_at: call.iso })
    .execute();
  await recordAudit(call.tx, call.ctx, { action: 'meetings.seriesCreate', entityType: 'meetingSeries', entityId: id, orgId: org.id, changes: body });
  return { id };
}

async function activeAccounts(tx: Tx, ids: string[]): Promise<Set<string>> {
  if (!ids.length) return new Set();
  return new Set((await mq(tx).selectFrom('accounts').select('id').where('id', 'in', ids).where('disabled', '=', 0).execute()).map((r) => r.id));
}

type PlanBody = z.infer<typeof UpdateMeetingBody>;
type SeriesRow = { id: string; org_id: string; org_path: string; kind: string };

/**
 * Attendees and presenters are active accounts; an agenda's appeal belongs to the series' org; a proposal taken up was
 * put on file by a congress of the series' org, or of an org above or below it on the same line. Answers the appeal id of each item.
 */
async function checkPlan(call: WriteCall, series: SeriesRow, body: PlanBody): Promise<(string | null)[]> {
  const people = [...new Set([...body.attendeeAccountIds, ...body.agenda.flatMap((a) => (a.presenterAccountId ? [a.presenterAccountId] : []))])];
  const known = await activeAccounts(call.tx, people);
  const unknownAttendee = body.attendeeAccountIds.findIndex((a) => !known.has(a));
  if (unknownAttendee >= 0) throw invalid(`attendeeAccountIds.${unknownAttendee}`, MM['meetings.accountUnknown']);
  const unknownPresenter = body.agenda.findIndex((a) => a.presenterAccountId && !known.has(a.presenterAccountId));
  if (unknownPresenter >= 0) throw invalid(`agenda.${unknownPresenter}.presenterAccountId`, MM['meetings.accountUnknown']);

  for (const [i, a] of body.agenda.entries()) {
    if (!a.proposalId) continue;
    const p = await proposalForAgenda(call.tx, a.proposalId);
    if (!p || !(series.org_path.startsWith(p.orgPath) || p.orgPath.startsWith(series.org_path)))
      throw invalid(`agenda.${i}.proposalId`, MM['meetings.proposalUnknown']);
  }
  // An appeal goes on the agenda of a meeting whose org holds its unit: a mine's meeting studies the mine's appeals.
  const appeals: (string | null)[] = [];
  for (const [i, a] of body.agenda.entries()) {
    if (!a.appealCode) {
      appeals.push(null);
      continue;
    }
    const appeal = await appealForAgenda(call.tx, a.appealCode);
    if (!appeal || !appeal.unitPath.startsWith(series.org_path)) throw invalid(`agenda.${i}.appealCode`, MM['meetings.appealUnknown']);
    appeals.push(appeal.id);
  }
  return appeals;
}

/**
 * Writes the agenda of a planned meeting afresh. A meeting of a series that met before opens by
 * reviewing what the earlier meetings decided; moving the date can add or remove that item.
 */
async function writeAgenda(call: WriteCall, id: string, series: SeriesRow, body: PlanBody, appeals: (string | null)[]) {
  const before = await mq(call.tx)
    .selectFrom('meeting_agenda_items')
    .select('proposal_id')
    .where('meeting_id', '=', id)
    .where('proposal_id', 'is not', null)
    .execute();
  await mq(call.tx).deleteFrom('meeting_agenda_items').where('meeting_id', '=', id).execute();
  const met = await mq(call.tx)
    .selectFrom('meetings')
    .select('id')
    .where('series_id', '=', series.id)
    .where('planned_date', '<', body.plannedDate)
    .where('status', '!=', 'cancelled')
    .where('id', '!=', id)
    .executeTakeFirst();
  const agenda = [
    ...(met
      ? [
          {
            title: t('zh-CN', MM['meetings.carryOverTitle']),
            presenterAccountId: undefined,
            carry: 1,
            appealId: null,
            plannedMinutes: undefined,
            proposalId: undefined,
          },
        ]
      : []),
    ...body.agenda.map((a, i) => ({ ...a, carry: 0, appealId: appeals[i] })),
  ];
  if (agenda.length) {
    await mq(call.tx)
      .insertInto('meeting_agenda_items')
      .values(
        agenda.map((a, i) => ({
          id: newId(),
          meeting_id: id,
          seq: i + 1,
          title: a.title,
          presenter_account_id: a.presenterAccountId ?? null,
          minutes: null,
          carry_over: a.carry,
          appeal_id: a.appealId,
          planned_minutes: a.plannedMinutes ?? null,
          proposal_id: a.proposalId ?? null,
        })),
      )
      .execute();
  }
  // A proposal newly taken up says so on its own timeline, once per meeting (a plan rewritten keeps the one it had).
  const had = new Set(before.map((b) => b.proposal_id));
  for (const proposalId of new Set(body.agenda.flatMap((a) => (a.proposalId && !had.has(a.proposalId) ? [a.proposalId] : []))))
    await recordProposalOnAgenda(call, proposalId, { id, title: body.title, plannedDate: body.plannedDate });
}

export async function createMeeting(call: WriteCall, body: z.infer<typeof CreateMeetingBody>) {
  assertPlanner(call);
  const series = await mq(call.tx).selectFrom('meeting_series').selectAll().where('id', '=', body.seriesId).executeTakeFirst();
  if (!series || !inScope(scopeOf(call.actor, 'meetings.read'), series.org_path)) throw invalid('seriesId', MM['meetings.seriesUnknown']);
  if (!inScope(scopeOf(call.actor, 'meetings.manage'), series.org_path)) throw forbidden();
  const appeals = await checkPlan(call, series, body);

  const id = newId();
  await mq(call.tx)
    .insertInto('meetings')
    .values({
      id,
      series_id: series.id,
      org_id: series.org_id,
      org_path: series.org_path,
      kind: series.kind,
      title: body.title,
      planned_date: body.plannedDate,
      held_date: null,
      location: body.location ?? null,
      status: 'planned',
      minutes: null,
      published_org_id: null,
      published_org_path: null,
      created_at: call.iso,
      updated_at: call.iso,
    })
    .execute();
  await writeAgenda(call, id, series, body, appeals);
  const attendees = [...new Set(body.attendeeAccountIds)];
  if (attendees.length)
    await mq(call.tx)
      .insertInto('meeting_attendees')
      .values(attendees.map((account_id) => ({ meeting_id: id, account_id, signed_in_at: null, absence_reason: null })))
      .execute();
  await recordEvent(call, { kind: MEETING_KIND_EVENT, id, event: 'planned', to: 'planned', data: { plannedDate: body.plannedDate } });
  await recordAudit(call.tx, call.ctx, {
    action: 'meetings.create',
    entityType: 'meeting',
    entityId: id,
    orgId: series.org_id,
    changes: { title: body.title, plannedDate: body.plannedDate },
  });
  return { id };
}

/**
 * Changes a planned meeting: title, date, place, agenda and attendees. Once held, the agenda is
 * what was discussed and the attendance what happened, so only a planned meeting changes (409).
 * An attendee kept on the list keeps a sign-in or absence already recorded.
 */
export async function updateMeeting(call: WriteCall, id: string, body: PlanBody) {
  const { m, rel } = await load(call, call.tx, id);
  assertManager(rel);
  if (m.status !== 'planned') throw statusConflict();
  const series = await mq(call.tx).selectFrom('meeting_series').selectAll().where('id', '=', m.series_id).executeTakeFirstOrThrow();
  const appeals = await checkPlan(call, series, body);
  // The conditional update is the guard against a twin that marked the meeting held meanwhile.
  await transition(call, {
    kind: MEETING_KIND_EVENT,
    table: 'meetings',
    id,
    from: ['planned'],
    to: 'planned',
    patch: { title: body.title, planned_date: body.plannedDate, location: body.location ?? null },
    event: 'updated',
    data: { plannedDate: body.plannedDate },
  });
  await writeAgenda(call, id, series, body, appeals);
  const attendees = [...new Set(body.attendeeAccountIds)];
  const before = new Set(
    (await mq(call.tx).selectFrom('meeting_attendees').select('account_id').where('meeting_id', '=', id).execute()).map((r) => r.account_id),
  );
  const gone = [...before].filter((a) => !attendees.includes(a));
  if (gone.length) await mq(call.tx).deleteFrom('meeting_attendees').where('meeting_id', '=', id).where('account_id', 'in', gone).execute();
  const added = attendees.filter((a) => !before.has(a));
  if (added.length)
    await mq(call.tx)
      .insertInto('meeting_attendees')
      .values(added.map((account_id) => ({ meeting_id: id, account_id, signed_in_at: null, absence_reason: null })))
      .execute();
  await recordAudit(call.tx, call.ctx, {
    action: 'meetings.update',
    entityType: 'meeting',
    entityId: id,
    orgId: m.org_id,
    changes: { title: body.title, plannedDate: body.plannedDate, agenda: body.agenda.length, attendeesAdded: added.length, attendeesRemoved: gone.length },
  });
  return { ok: true as const };
}

/** The attendee signs in on the day (from a phone at the door). */
export async function signIn(call: WriteCall, id: string) {
  const { m, rel } = await load(call, call.tx, id);
  if (!rel.attendee) throw forbidden();
  if (m.status === 'cancelled') throw invalid('status', MM['meetings.notAttendee']);
  await mq(call.tx)
    .updateTable('meeting_attendees')
    .set({ signed_in_at: call.iso, absence_reason: null })
    .where('meeting_id', '=', id)
    .where('account_id', '=', call.actor.accountId)
    .execute();
  return { signedInAt: call.iso };
}

export async function recordAttendance(call: WriteCall, id: string, body: { accountId: string; present: boolean; absenceReason?: string }) {
  const { m, rel } = await load(call, call.tx, id);
  assertManager(rel);
  if (!body.present && !body.absenceReason) throw invalid('absenceReason', MM['meetings.absenceReason']);
  const r = await mq(call.tx)
    .updateTable('meeting_attendees')
    .set(body.present ? { signed_in_at: call.iso, absence_reason: null } : { signed_in_at: null, absence_reason: body.absenceReason! })
    .where('meeting_id', '=', id)
    .where('account_id', '=', body.accountId)
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) === 0) throw invalid('accountId', MM['meetings.notAttendee']);
  await recordAudit(call.tx, call.ctx, { action: 'meetings.attendance', entityType: 'meeting', entityId: id, orgId: m.org_id, changes: body });
  return { ok: true as const };
}

export async function markHeld(call: WriteCall, id: string, heldDate: string) {
  const { m, rel } = await load(call, call.tx, id);
  assertManager(rel);
  if (heldDate > shanghaiDate(call.now)) throw invalid('heldDate', MM['meetings.heldInFuture']);
  await transition(call, {
    kind: MEETING_KIND_EVENT,
    table: 'meetings',
    id,
    from: ['planned'],
    to: 'held',
    patch: { held_date: heldDate },
    event: 'held',
    data: { heldDate },
    audit: { action: 'meetings.held', entityType: 'meeting', entityId: id, orgId: m.org_id },
  });
  return { ok: true as const };
}

export async function draftMinutes(call: WriteCall, id: string, body: z.infer<typeof MinutesBody>) {
  const { m, rel } = await load(call, call.tx, id);
  assertManager(rel);
  const items = new Set((await mq(call.tx).selectFrom('meeting_agenda_items').select('id').where('meeting_id', '=', id).execute()).map((r) => r.id));
  const bad = body.items.findIndex((i) => !items.has(i.agendaItemId));
  if (bad >= 0) throw invalid(`items.${bad}.agendaItemId`, MM['meetings.agendaItemUnknown']);
  // Drafting happens while held; the conditional update keeps approved minutes unchanged.
  await transition(call, {
    kind: MEETING_KIND_EVENT,
    table: 'meetings',
    id,
    from: ['held'],
    to: 'held',
    patch: { minutes: body.minutes },
    event: 'minutesDrafted',
    audit: { action: 'meetings.minutes', entityType: 'meeting', entityId: id, orgId: m.org_id },
  });
  for (const i of body.items)
    await mq(call.tx)
      .updateTable('meeting_agenda_items')
      .set({ minutes: i.minutes || null })
      .where('id', '=', i.agendaItemId)
      .execute();
  return { ok: true as const };
}

export async function approve(call: WriteCall, id: string) {
  const { m, rel } = await load(call, call.tx, id);
  assertApprover(rel);
  if (!m.minutes) throw invalid('minutes', MM['meetings.notHeld']);
  await transition(call, {
    kind: MEETING_KIND_EVENT,
    table: 'meetings',
    id,
    from: ['held'],
    to: 'approved',
    event: 'approved',
    audit: { action: 'meetings.approve', entityType: 'meeting', entityId: id, orgId: m.org_id },
  });
  // Approved minutes are the meeting's word: each appeal it studied gets its item's conclusion on its timeline — never the whole
  // minutes, which speak of other people's matters too.
  const studied = await mq(call.tx)
    .selectFrom('meeting_agenda_items')
    .select(['appeal_id', 'minutes'])
    .where('meeting_id', '=', id)
    .where('appeal_id', 'is not', null)
    .orderBy('seq')
    .execute();
  for (const item of studied)
    await recordMeetingOutcome(call.tx, {
      appealId: item.appeal_id!,
      at: call.iso,
      meetingTitle: m.title,
      outcome: item.minutes ?? t('zh-CN', MM['meetings.appealStudied']),
    });
  return { ok: true as const };
}

export async function publish(call: WriteCall, id: string, orgId: string) {
  const { m, rel } = await load(call, call.tx, id);
  assertManager(rel);
  const org = await mq(call.tx).selectFrom('orgs').select(['id', 'path']).where('id', '=', orgId).executeTakeFirst();
  if (!org || !org.path.startsWith(m.org_path)) throw invalid('orgId', MM['meetings.publishScope']);
  await transition(call, {
    kind: MEETING_KIND_EVENT,
    table: 'meetings',
    id,
    from: ['approved'],
    to: 'published',
    patch: { published_org_id: org.id, published_org_path: org.path },
    event: 'published',
    data: { orgId },
    audit: { action: 'meetings.publish', entityType: 'meeting', entityId: id, orgId: m.org_id },
  });
  return { ok: true as const };
}

export async function cancel(call: WriteCall, id: string, body: z.infer<typeof CancelBody>) {
  const { m, rel } = await load(call, call.tx, id);
  assertManager(rel);
  await transition(call, {
    kind: MEETING_KIND_EVENT,
    table: 'meetings',
    id,
    from: ['planned'],
    to: 'cancelled',
    event: 'cancelled',
    data: { reason: body.reason },
    audit: { action: 'meetings.cancel', entityType: 'meeting', entityId: id, orgId: m.org_id },
  });
  return { ok: true as const };
}

/** A decision of a held meeting becomes a decided item owned by one account, tracked to closure. */
export async function recordDecision(call: WriteCall, id: string, body: z.infer<typeof DecisionBody>) {
  const { m, rel } = await load(call, call.tx, id);
  assertManager(rel);
  if (m.status === 'planned' || m.status === 'cancelled') throw invalid('status', MM['meetings.notHeld']);
  let label = `${m.title}（${MEETING_KIND_LABELS[m.kind as MeetingKind].zh}）`;
  if (body.agendaItemId) {
    const item = await mq(call.tx)
      .selectFrom('meeting_agenda_items')
      .select(['title', 'seq'])
      .where('id', '=', body.agendaItemId)
      .where('meeting_id', '=', id)
      .executeTakeFirst();
    if (!item) throw invalid('agendaItemId', MM['meetings.agendaItemUnknown']);
    label += ` · 议题${item.seq}：${item.title}`;
  }
  const dueDate = await decisionDue(call, m, body);
  const created = await createDecidedItem(call, {
    source: { kind: MEETING_DECISION_KIND, id, label, public: body.public },
    title: body.title,
    orgId: m.org_id,
    ownerAccountId: body.ownerAccountId,
    coOwnerAccountIds: body.coOwnerAccountIds,
    dueDate,
  });
  await recordEvent(call, { kind: MEETING_KIND_EVENT, id, event: 'decision', data: { decidedItemId: created.id, title: body.title } });
  return created;
}

/**
 * The decision's due date on the meeting org's working calendar, like every other deadline: N working
 * days after the day the meeting was held, or a fixed date moved off a rest day or holiday to the next
 * working day (a period that ends on a day off ends on the working day after it).
 */
async function decisionDue(call: WriteCall, m: MeetingTable, body: z.infer<typeof DecisionBody>): Promise<string> {
  if ((body.dueWorkingDays === undefined) === (body.dueDate === undefined)) throw invalid('dueWorkingDays', MM['meetings.dueNeeded']);
  const calendar = await workCalendar(call.tx as unknown as Db, m.org_path);
  if (body.dueDate !== undefined) return calendar.addWorkingDays(body.dueDate, 0);
  return calendar.addWorkingDays(m.held_date ?? shanghaiDate(call.now), body.dueWorkingDays!);
}

export type { MeetingTable };
