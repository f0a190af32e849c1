/** Reading meetings: series, the list, the published minutes, one meeting with its carry-over. */
import { appealsOnAgenda } from '../appeals/index.js';
import { proposalChoices, proposalsOnAgenda } from '../congress/index.js';
import { MEETING_DECISION_KIND, type MeetingKind, type MeetingStatus } from '../../../common/meetings.js';
import type { MeetingFilter } from '../../../common/schemas/meetings.js';
import type { Call } from '../../core/call.js';
import { decidedItemsOf } from '../../core/decidedItems/index.js';
import { inScope, scopeOf } from '../../core/rbac/actor.js';
import { forbidden, notFound } from '../../core/errors.js';
import { pathInScope } from '../../core/rbac/scope-sql.js';
import { carryOver } from './meetings.carryOver.js';
import { loadMeeting } from './meetings.service.js';
import { mq, type MeetingTable } from './meetings.tables.js';

export async function listSeries(call: Call) {
  const scope = scopeOf(call.actor, 'meetings.read');
  const rows = await mq(call.db)
    .selectFrom('meeting_series as s')
    .innerJoin('orgs as o', 'o.id', 's.org_id')
    .select(['s.id', 's.org_id', 'o.name as org_name', 's.kind', 's.name'])
    .select((eb) =>
      eb
        .selectFrom('meetings as m')
        .whereRef('m.series_id', '=', 's.id')
        .select((e) => e.fn.countAll<number>().as('n'))
        .as('meetings'),
    )
    .where((eb) => pathInScope(eb, 's.org_path', scope))
    .orderBy('s.name')
    .limit(500)
    .execute();
  return {
    items: rows.map((r) => ({ id: r.id, orgId: r.org_id, orgName: r.org_name, kind: r.kind as MeetingKind, name: r.name, meetings: Number(r.meetings ?? 0) })),
  };
}

/** The agenda editor's picker: adopted proposals the series' meetings may take up, for whoever plans them (404 outside the subtree). */
export async function proposalChoicesFor(call: Call, seriesId: string, q: string | undefined) {
  const series = await mq(call.db).selectFrom('meeting_series').select('org_path').where('id', '=', seriesId).executeTakeFirst();
  if (!series || !inScope(scopeOf(call.actor, 'meetings.read'), series.org_path)) throw notFound();
  if (!inScope(scopeOf(call.actor, 'meetings.manage'), series.org_path)) throw forbidden();
  return { items: await proposalChoices(call.db, series.org_path, q, 50) };
}

const row = (m: MeetingTable & { series_name: string }) => ({
  id: m.id,
  seriesId: m.series_id,
  seriesName: m.series_name,
  kind: m.kind as MeetingKind,
  title: m.title,
  plannedDate: m.planned_date,
  heldDate: m.held_date,
  location: m.location,
  status: m.status as MeetingStatus,
  orgId: m.org_id,
});

function meetings(call: Call) {
  return mq(call.db).selectFrom('meetings as m').innerJoin('meeting_series as s', 's.id', 'm.series_id').selectAll('m').select('s.name as series_name');
}

/** Chair and staff: the subtree's meetings; anyone else: the meetings they attend. */
export async function list(call: Call, f: MeetingFilter) {
  const scope = scopeOf(call.actor, 'meetings.read');
  let q = meetings(call).where((eb) =>
    eb.or([
      pathInScope(eb, 'm.org_path', scope),
      eb('m.id', 'in', eb.selectFrom('meeting_attendees').select('meeting_id').where('account_id', '=', call.actor.accountId)),
    ]),
  );
  if (f.seriesId) q = q.where('m.series_id', '=', f.seriesId);
  if (f.kind) q = q.where('m.kind', '=', f.kind);
  if (f.status) q = q.where('m.status', '=', f.status);
  if (f.from) q = q.where('m.planned_date', '>=', f.from);
  if (f.to) q = q.where('m.planned_date', '<=', f.to);
  if (f.held === '1') q = q.where('m.held_date', 'is not', null);
  const total = Number(
    (
      await q
        .clearSelect()
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
  const col = f.sort === 'title' ? 'm.title' : 'm.planned_date';
  const rows = await q
    .orderBy(col, f.order)
    .orderBy('m.id', f.order)
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize)
    .execute();
  return { items: rows.map(row), total, page: f.page, pageSize: f.pageSize };
}

/** Published minutes reach the org they were published to and everything below it. */
export async function published(call: Call, f: { page: number; pageSize: number; order: 'asc' | 'desc' }) {
  const scope = scopeOf(call.actor, 'meetings.readPublished');
  const ancestors = new Set<string>();
  for (const p of scope.paths) {
    const ids = p.split('/').filter(Boolean);
    for (let i = 1; i <= ids.length; i++) ancestors.add(`/${ids.slice(0, i).join('/')}/`);
  }
  if (!scope.all && !ancestors.size) return { items: [], total: 0, page: f.page, pageSize: f.pageSize };
  let q = meetings(call).where('m.status', '=', 'published');
  if (!scope.all) q = q.where('m.published_org_path', 'in', [...ancestors]);
  const total = Number(
    (
      await q
        .clearSelect()
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
  const rows = await q
    .orderBy('m.planned_date', f.order)
    .orderBy('m.id')
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize)
    .execute();
  return { items: rows.map(row), total, page: f.page, pageSize: f.pageSize };
}

export async function detail(call: Call, id: string) {
  const { m, rel } = await loadMeeting(call, call.db, id);
  const series = await mq(call.db).selectFrom('meeting_series').select('name').where('id', '=', m.series_id).executeTakeFirstOrThrow();
  const agenda = await mq(call.db)
    .selectFrom('meeting_agenda_items as a')
    .leftJoin('accounts as p', 'p.id', 'a.presenter_account_id')
    .select([
      'a.id',
      'a.seq',
      'a.title',
      'a.minutes',
      'a.carry_over',
      'a.appeal_id',
      'a.presenter_account_id',
      'a.planned_minutes',
      'a.proposal_id',
      'p.display_name as presenter',
    ])
    .where('a.meeting_id', '=', id)
    .orderBy('a.seq')
    .execute();
  const studied = new Map(
    (
      await appealsOnAgenda(
        call.db,
        agenda.flatMap((a) => (a.appeal_id ? [a.appeal_id] : [])),
      )
    ).map((a) => [a.id, a]),
  );
  const proposals = await proposalsOnAgenda(
    call.db,
    agenda.flatMap((a) => (a.proposal_id ? [a.proposal_id] : [])),
  );
  const carried = agenda.some((a) => a.carry_over === 1) ? await carryOver(call.db, m) : null;
  const attendees = await mq(call.db)
    .selectFrom('meeting_attendees as t')
    .innerJoin('accounts as a', 'a.id', 't.account_id')
    .select(['t.account_id', 'a.display_name', 't.signed_in_at', 't.absence_reason'])
    .where('t.meeting_id', '=', id)
    .orderBy('a.display_name')
    .execute();
  const decisions = (await decidedItemsOf(call.db, { kind: MEETING_DECISION_KIND, id })).map((i) => ({
    id: i.id,
    title: i.title,
    sourceLabel: i.source.label,
    ownerName: i.ownerName,
    dueDate: i.dueDate,
    status: i.status,
    progress: i.progress,
  }));
  // Minutes are the managers' draft until published; attendees and readers see them once approved.
  const showMinutes = rel.overseer || m.status === 'approved' || m.status === 'published';
  return {
    ...row({ ...m, series_name: series.name }),
    minutes: showMinutes ? m.minutes : null,
    publishedToOrgId: m.published_org_id,
    agenda: agenda.map((a) => ({
      id: a.id,
      seq: a.seq,
      title: a.title,
      presenterName: a.presenter ?? null,
      presenterAccountId: rel.manager ? a.presenter_account_id : null,
      minutes: showMinutes ? a.minutes : null,
      carryOver: a.carry_over === 1 ? carried : null,
      appeal: (rel.manager || rel.overseer ? a.appeal_id && studied.get(a.appeal_id) : null) || null,
      plannedMinutes: a.planned_minutes,
      proposal: (a.proposal_id && proposals.get(a.proposal_id)) || null,
    })),
    attendees: attendees.map((a) => ({ accountId: a.account_id, name: a.display_name, signedInAt: a.signed_in_at, absenceReason: a.absence_reason })),
    decisions,
    can: { manage: rel.manager, approve: rel.approver && m.status === 'held', signIn: rel.attendee && m.status !== 'cancelled' },
  };
}
