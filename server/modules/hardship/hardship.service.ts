/**
 * The intake of a hardshipProfile (一户一档): application (the worker on the phone, or staff
 * recording it) → home visits by two different staff → approval or refusal → public notice
 * (公示) for the union's working days, objections recorded and decided → filed (在档).
 * Each action loads (404 → 403 → 409), changes through core/workflow, audits and notifies in
 * its transaction. Every read of a file is audited: the file is confidential (issue #19).
 */
import { workCalendar } from '../../core/calendar/calendar.js';
import { recordAudit } from '../../core/audit/audit.js';
import { AppError, forbidden, invalid, notFound } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import { hasPermission } from '../../core/rbac/actor.js';
import { claimFiles, filesOf, fileOf } from '../../core/files/index.js';
import { notify } from '../../core/notify/index.js';
import { eventsOf, recordEvent, statusConflict } from '../../core/workflow/index.js';
import { HARDSHIP_PERMISSIONS as P, type ObjectionDecision } from '../../../common/hardship.js';
import type { ApplyBody, ProfileDetail, ProfileListQuery, ProfileSummary, VisitBody } from '../../../common/schemas/hardship.js';
import type { Call, WriteCall } from '../../core/call.js';
import type { Tx } from '../../core/db/database.js';
import { namedAppealsOf } from '../appeals/index.js';
import { casesOfApplicant } from '../mediation/index.js';
import { ENTITY, KIND, asOfficer, load, move, notice, officersOf, today } from './hardship.load.js';
import { HM } from './hardship.messages.js';
import { summaryOf } from './hardship.present.js';
import * as repo from './hardship.repository.js';
import { noticeDaysFor, perHead, ruleFor, tierOf } from './hardship.rules.js';
import { publishPublicityNotice, withdrawPublicityNotice } from './hardship.notice.js';
import { hdb } from './hardship.tables.js';
import { plusYear } from './hardship.clocks.js';
import { scopeOf } from '../../core/rbac/actor.js';

const conflictOn = (field: string, key: string, params?: Record<string, unknown>) =>
  new AppError(409, 'conflict', key, params, [{ field, message: key, params }]);

/** Officers only (the export): a worker's own file is read on its page, not exported. */
export function assertOfficer(call: Call): void {
  if (!hasPermission(call.actor, P.officer)) throw forbidden();
}

/** Who the list answers and its filter, as the repository takes them; null when the unit asked for is unknown. */
export async function listed(call: Call, q: ProfileListQuery): Promise<{ reach: repo.Reach; filter: repo.ProfileFilter } | null> {
  let orgPath: string | undefined;
  if (q.orgId) {
    const org = await repo.orgOf(call.db, q.orgId);
    if (!org) return null;
    orgPath = org.path;
  }
  const reach = { officer: scopeOf(call.actor, P.officer), personId: hasPermission(call.actor, P.apply) ? call.actor.personId : null };
  return { reach, filter: { ...q, orgPath } };
}

export async function list(
  call: Call,
  q: ProfileListQuery,
): Promise<{ items: ProfileSummary[]; total: number; totalCapped: boolean; nextCursor: string | null; page: number; pageSize: number }> {
  const args = await listed(call, q);
  if (!args) return { items: [], total: 0, totalCapped: false, nextCursor: null, page: q.page, pageSize: q.pageSize };
  const { rows, total, totalCapped, nextCursor } = await repo.listProfiles(call.db, args.reach, args.filter, q, today(call));
  const causes = await repo.causesOf(
    call.db,
    rows.map((r) => r.id),
  );
  return { items: rows.map((r) => summaryOf(r, causes.get(r.id) ?? [])), total, totalCapped, nextCursor, page: q.page, pageSize: q.pageSize };
}

async function detailOf(db: Tx, call: Call, row: repo.ProfileRow, officer: boolean): Promise<ProfileDetail> {
  const causes = (await repo.causesOf(db, [row.id])).get(row.id) ?? [];
  const members = await repo.membersOf(db, row.id);
  const base = {
    ...summaryOf(row, causes),
    locality: row.locality,
    year: Number(row.year),
    situation: row.situation,
    householdIncomeFen: Number(row.household_income_fen),
    members: members.map((m) => ({ name: m.name, relation: m.relation, condition: m.condition, monthlyIncomeFen: Number(m.monthly_income_fen) })),
    refusalReason: row.refusal_reason,
    noticeFrom: row.notice_from,
    officer,
  };
  const none = { visit: false, decide: false, file: false, review: false, exit: false, callback: false, assist: false };
  if (!officer)
    return {
      ...base,
      files: null,
      visits: null,
      objections: null,
      reviews: null,
      callbacks: null,
      assistance: null,
      crossCheck: null,
      events: null,
      can: none,
    };
  const visits = await repo.visitsOf(db, row.id);
  const photos = await Promise.all(visits.map((v) => filesOf(db, { kind: 'hardshipVisit', id: v.id })));
  const s = row.status;
  return {
    ...base,
    files: await filesOf(db, { kind: ENTITY, id: row.id }),
    visits: visits.map((v, i) => ({ id: v.id, staffName: v.staff_name, visitedOn: v.visited_on, notes: v.notes, photos: photos[i] })),
    objections: (await repo.objectionsOf(db, row.id)).map((o) => ({
      id: o.id,
      content: o.content,
      raisedOn: o.raised_on,
      objectorName: o.objector_name,
      anonymous: o.anonymous === 1,
      decision: o.decision as ObjectionDecision | null,
      note: o.note,
    })),
    reviews: (await repo.reviewsOf(db, row.id))
      .filter((r) => !r.cancelled)
      .map((r) => ({ dueDate: r.due_date, reviewedOn: r.reviewed_on, outcome: r.outcome, tier: r.tier as never, notes: r.notes })),
    callbacks: (await repo.callbacksOf(db, row.id)).map((c) => ({
      month: Number(c.month),
      dueDate: c.due_date,
      doneOn: c.done_on,
      relapse: Boolean(Number(c.relapse)),
      notes: c.notes,
      cancelled: Boolean(Number(c.cancelled)),
    })),
    assistance: (await repo.assistanceOf(db, row.id)).map((a) => ({
      id: a.id,
      kind: a.kind as never,
      amountFen: Number(a.amount_fen),
      givenOn: a.given_on,
      fund: a.fund,
      deliveredBy: a.delivered_by,
      note: a.note,
    })),
    crossCheck: {
      appeals: (await namedAppealsOf(db, row.worker_person_id)).map((a) => ({
        id: a.id,
        code: a.code,
        title: a.title,
        category: a.category,
        status: a.status,
        submittedDate: a.submitted_date,
      })),
      mediationCases: (await casesOfApplicant(db, row.worker_person_id)).map((c) => ({
        id: c.id,
        code: c.code,
        respondent: c.respondent,
        status: c.status,
        appliedDate: c.applied_date,
      })),
    },
    events: (await eventsOf(db, KIND, row.id)).map((e) => ({ event: e.event, from: e.from, to: e.to, actorName: e.actorName, at: e.at })),
    can: {
      visit: s === 'applied',
      decide: s === 'applied' || s === 'verified',
      file: s === 'notice' && row.notice_to !== null && row.notice_to < today(call),
      review: s === 'filed',
      exit: s === 'filed',
      callback: s === 'exited',
      assist: s === 'filed',
    },
  };
}

/** The file page; the read itself is audited, for the household's worker too. */
export async function detail(call: Call, id: string): Promise<ProfileDetail> {
  return call.db.transaction().execute(async (tx) => {
    const { row, rel } = await load(tx, call, id);
    await recordAudit(tx, call.ctx, { action: 'hardship.read', entityType: ENTITY, entityId: id, orgId: row.org_id });
    return detailOf(tx, call, row, rel.officer);
  });
}

export async function reload(call: WriteCall, id: string): Promise<ProfileDetail> {
  const { row, rel } = await load(call.tx, call, id);
  return detailOf(call.tx, call, row, rel.officer);
}

/** A file's document or a visit's photo, for its officers. */
export async function fileOfProfile(call: Call, id: string, fileId: string) {
  const { rel } = await load(call.db, call, id);
  if (!rel.officer) throw notFound();
  const own = await fileOf(call, { kind: ENTITY, id }, fileId);
  if (own) return own;
  for (const v of await repo.visitsOf(call.db, id)) {
    const photo = await fileOf(call, { kind: 'hardshipVisit', id: v.id }, fileId);
    if (photo) return photo;
  }
  return null;
}

// ── intake ────────────────────────────────────────────────────────

export async function apply(call: WriteCall, body: ApplyBody): Promise<ProfileDetail> {
  const { actor, tx } = call;
  if (!hasPermission(actor, P.apply) && !hasPermission(actor, P.officer)) throw forbidden();
  const personId = body.personId ?? actor.personId;
  if (!personId) throw invalid('body.personId', HM['hardship.workerRequired']);
  const person = await repo.personOf(tx, personId);
  const own = personId === actor.personId;
  const reach = person && (hasPermission(actor, P.officer, person.org_path) || (own && hasPermission(actor, P.apply, person.org_path)));
  // A worker out of reach is answered like one who does not exist.
  if (!person || person.kind !== 'worker' || person.archived || !reach) throw invalid('body.personId', HM['hardship.notWorker']);
  if (await repo.openFileOf(tx, person.id)) throw conflictOn('body.personId', HM['hardship.openFileExists']);
  const day = today(call);
  const year = body.year ?? Number(day.slice(0, 4));
  const rule = await ruleFor(tx, person.org_path, body.locality, year);
  if (!rule) throw invalid('body.locality', HM['hardship.noRule']);
  const size = body.members.length + 1;
  const income = body.workerMonthlyIncomeFen + body.members.reduce((s, m) => s + m.monthlyIncomeFen, 0);
  const head = perHead(income, size);
  const id = newId();
  const code = `BF${day.replace(/-/g, '')}-${id.slice(-5).toUpperCase()}`;
  await hdb(tx)
    .insertInto('hardship_profiles')
    .values({
      id,
      code,
      org_id: person.org_id,
      org_path: person.org_path,
      worker_person_id: person.id,
      locality: body.locality,
      year,
      household_size: size,
      household_income_fen: income,
      income_per_head_fen: head,
      tier: tierOf(rule, head, body.causes),
      situation: body.situation,
      status: 'applied',
      applied_at: call.iso,
      applied_date: day,
      registered_by: own ? null : actor.accountId,
      verified_on: null,
      approved_on: null,
      notice_from: null,
      notice_to: null,
      filed_on: null,
      review_due: null,
      refusal_reason: null,
      exited_on: null,
      relapsed_on: null,
      assistance_fen: 0,
      created_at: call.iso,
      updated_at: call.iso,
    })
    .execute();
  if (body.members.length) {
    await hdb(tx)
      .insertInto('hardship_members')
      .values(
        body.members.map((m, i) => ({
          id: newId(),
          profile_id: id,
          name: m.name,
          relation: m.relation,
          condition: m.condition ?? null,
          monthly_income_fen: m.monthlyIncomeFen,
          sort: i,
        })),
      )
      .execute();
  }
  await hdb(tx)
    .insertInto('hardship_causes')
    .values([...new Set(body.causes)].map((cause) => ({ profile_id: id, cause })))
    .execute();
  await claimFiles(call, body.fileIds, { kind: ENTITY, id });
  await recordEvent(call, { kind: KIND, id, event: 'applied', to: 'applied', data: own ? undefined : { recordedBy: actor.displayName } });
  await recordAudit(tx, call.ctx, {
    action: 'hardship.apply',
    entityType: ENTITY,
    entityId: id,
    orgId: person.org_id,
    changes: { causes: body.causes, householdSize: size },
  });
  await notify(tx, notice('applied', { code }, await officersOf(tx, person.org_path, actor.accountId), id));
  return reload(call, id);
}

/** A home visit; the second by a different staff member completes the verification. */
export async function visit(call: WriteCall, id: string, body: VisitBody): Promise<ProfileDetail> {
  const { row } = await asOfficer(call, id);
  if (row.status !== 'applied') throw statusConflict();
  if (body.visitedOn > today(call)) throw invalid('body.visitedOn', HM['hardship.futureDate']);
  if (body.visitedOn < row.applied_date) throw invalid('body.visitedOn', HM['hardship.visitBeforeApplication']);
  const visits = await repo.visitsOf(call.tx, id);
  if (visits.some((v) => v.account_id === call.actor.accountId)) throw conflictOn('visits', HM['hardship.secondVisitor']);
  const visitId = newId();
  await hdb(call.tx)
    .insertInto('hardship_visits')
    .values({
      id: visitId,
      profile_id: id,
      account_id: call.actor.accountId,
      staff_name: call.actor.displayName,
      visited_on: body.visitedOn,
      notes: body.notes,
      created_at: call.iso,
    })
    .execute();
  await claimFiles(call, body.fileIds, { kind: 'hardshipVisit', id: visitId });
  const audit = {
    action: 'hardship.visit',
    entityType: ENTITY,
    entityId: id,
    orgId: row.org_id,
    changes: { visitedOn: body.visitedOn, photos: body.fileIds.length },
  };
  if (visits.length + 1 >= 2) {
    await move(call, {
      id,
      from: ['applied'],
      to: 'verified',
      patch: { verified_on: today(call) },
      event: 'verified',
      data: { visitedOn: body.visitedOn },
      audit,
    });
  } else {
    await recordEvent(call, { kind: KIND, id, event: 'visited', data: { visitedOn: body.visitedOn } });
    await recordAudit(call.tx, call.ctx, audit);
  }
  return reload(call, id);
}

/** Approval: the tier the rules decided stands, and the public notice runs N working days after today. */
export async function approve(call: WriteCall, id: string, note?: string): Promise<ProfileDetail> {
  const { row } = await asOfficer(call, id);
  if (row.status !== 'verified') throw statusConflict();
  if (!row.tier) throw invalid('tier', HM['hardship.notEligible']);
  const day = today(call);
  const cal = await workCalendar(call.tx, row.org_path);
  const to = cal.addWorkingDays(day, await noticeDaysFor(call.tx, row.org_path));
  await move(call, {
    id,
    from: ['verified'],
    to: 'notice',
    patch: { approved_on: day, notice_from: day, notice_to: to },
    event: 'approved',
    data: { tier: row.tier, noticeTo: to, ...(note ? { note } : {}) },
    audit: { action: 'hardship.approve', entityType: ENTITY, entityId: id, orgId: row.org_id, changes: { tier: row.tier, noticeTo: to } },
    notify: notice('approved', { from: day, to }, await repo.accountsOfPerson(call.tx, row.worker_person_id), id, '/hardship/mine'),
  });
  await publishPublicityNotice(call, row, { from: day, to });
  return reload(call, id);
}

export async function refuse(call: WriteCall, id: string, reason: string): Promise<ProfileDetail> {
  const { row } = await asOfficer(call, id);
  await move(call, {
    id,
    from: ['applied', 'verified'],
    to: 'refused',
    patch: { refusal_reason: reason },
    event: 'refused',
    data: { reason },
    audit: { action: 'hardship.refuse', entityType: ENTITY, entityId: id, orgId: row.org_id },
    notify: notice('refused', { reason }, await repo.accountsOfPerson(call.tx, row.worker_person_id), id, '/hardship/mine'),
  });
  return reload(call, id);
}

/** Filing after the notice period, once every objection is decided. */
export async function file(call: WriteCall, id: string): Promise<ProfileDetail> {
  const { row } = await asOfficer(call, id);
  if (row.status !== 'notice' || !row.notice_to) throw statusConflict();
  const day = today(call);
  if (day <= row.notice_to) throw conflictOn('noticeTo', HM['hardship.noticeRunning'], { to: row.notice_to });
  if ((await repo.objectionsOf(call.tx, id)).some((o) => o.decision === null)) throw conflictOn('objections', HM['hardship.objectionPending']);
  const due = plusYear(day);
  await move(call, {
    id,
    from: ['notice'],
    to: 'filed',
    patch: { filed_on: day, review_due: due },
    event: 'filed',
    data: { reviewDue: due },
    audit: { action: 'hardship.file', entityType: ENTITY, entityId: id, orgId: row.org_id },
    notify: notice('filed', {}, await repo.accountsOfPerson(call.tx, row.worker_person_id), id, '/hardship/mine'),
  });
  await hdb(call.tx)
    .insertInto('hardship_reviews')
    .values({
      id: newId(),
      profile_id: id,
      due_date: due,
      reviewed_on: null,
      outcome: null,
      tier: null,
      notes: null,
      cancelled: 0,
      reviewed_by: null,
      created_at: call.iso,
    })
    .execute();
  return reload(call, id);
}

export async function decideObjection(
  call: WriteCall,
  id: string,
  objectionId: string,
  body: { decision: ObjectionDecision; note: string },
): Promise<ProfileDetail> {
  const { row } = await asOfficer(call, id);
  const o = (await repo.objectionsOf(call.tx, id)).find((x) => x.id === objectionId);
  if (!o) throw notFound();
  if (o.decision !== null) throw conflictOn('decision', HM['hardship.objectionDecided']);
  const res = await hdb(call.tx)
    .updateTable('hardship_objections')
    .set({ decision: body.decision, note: body.note, decided_by: call.actor.accountId, decided_at: call.iso })
    .where('id', '=', objectionId)
    .where('decision', 'is', null)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) === 0) throw conflictOn('decision', HM['hardship.objectionDecided']);
  const audit = { action: 'hardship.objectionDecide', entityType: ENTITY, entityId: id, orgId: row.org_id, changes: { decision: body.decision } };
  if (body.decision === 'upheld') {
    // An objection upheld during the notice ends the application: the union found the household does not qualify.
    await move(call, {
      id,
      from: ['notice'],
      to: 'refused',
      patch: { refusal_reason: body.note },
      event: 'objectionUpheld',
      data: { note: body.note },
      audit,
      notify: notice('refused', { reason: body.note }, await repo.accountsOfPerson(call.tx, row.worker_person_id), id, '/hardship/mine'),
    });
    await withdrawPublicityNotice(call, id, body.note);
  } else {
    await recordEvent(call, { kind: KIND, id, event: 'objectionDismissed', data: { note: body.note } });
    await recordAudit(call.tx, call.ctx, audit);
  }
  return reload(call, id);
}
