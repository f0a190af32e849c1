/**
 * School activities (the basic-skills competition, showcase days, salons): the office creates
 * one, teachers of the school sign up, the office records attendance and results — and each
 * attended entry becomes evidence on the teacher's record at once (on their open plan when
 * they have one), so nobody types it twice.
 */
import { shanghaiDate } from '../../core/calendar/calendar.js';
import { recordAudit } from '../../core/audit/audit.js';
import { conflict, forbidden, invalid, notFound } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import type { Call, WriteCall } from '../../core/call.js';
import { ACTIVITY_EVIDENCE, ACTIVITY_KIND_LABELS, type ActivityKind, type TierKey } from '../../../common/teacherGrowth.js';
import type { ResultsBody } from '../../../common/schemas/teacherGrowth.js';
import * as repo from './teacherGrowth.repository.js';
import { memberSchool, overseenSchool } from './teacherGrowth.policy.js';

type ActivityRow = NonNullable<Awaited<ReturnType<typeof repo.loadActivity>>>;
type EntryRow = Awaited<ReturnType<typeof repo.entriesOf>>[number];

function activityOf(a: ActivityRow, entries: EntryRow[], me: string | null) {
  const mine = me ? entries.find((e) => e.teacher_id === me) : undefined;
  return {
    id: a.id,
    kind: a.kind as ActivityKind,
    title: a.title,
    date: a.date,
    tier: a.tier as TierKey | null,
    resultsOn: a.results_on,
    signedUp: entries.filter((e) => e.signed_up_at !== null).length,
    // A teacher sees their own entry only: results of colleagues are not a public ranking.
    mine: me
      ? {
          signedUp: !!mine?.signed_up_at,
          attended: mine?.attended === null || mine?.attended === undefined ? null : mine.attended === 1,
          result: mine?.result ?? null,
        }
      : null,
  };
}

export async function list(call: Call, schoolId: string) {
  const { school, teacher } = await memberSchool(call.db, call.actor, schoolId);
  const rows = await repo.activities(call.db, school.path);
  const entries = await repo.entriesOf(
    call.db,
    rows.map((r) => r.id),
  );
  return {
    items: rows.map((a) =>
      activityOf(
        a,
        entries.filter((e) => e.activity_id === a.id),
        teacher?.id ?? null,
      ),
    ),
  };
}

export async function create(call: WriteCall, schoolId: string, body: { kind: ActivityKind; title: string; date: string; tier?: TierKey }) {
  const school = await overseenSchool(call.tx, call.actor, schoolId);
  const id = newId();
  await repo.insertActivity(call.tx, {
    id,
    school_id: schoolId,
    school_path: school.path,
    kind: body.kind,
    title: body.title,
    date: body.date,
    tier: body.tier ?? null,
    results_on: null,
    created_at: call.iso,
  });
  await recordAudit(call.tx, call.ctx, { action: 'teacherGrowth.activityCreate', entityType: 'growthActivity', entityId: id, orgId: schoolId });
  return activityOf((await repo.loadActivity(call.tx, id))!, [], null);
}

async function loadFor(call: Call, id: string) {
  const a = await repo.loadActivity(call.db, id);
  if (!a) throw notFound();
  return { a, ...(await memberSchool(call.db, call.actor, a.school_id)) };
}

/** A teacher of the school signs themself up. */
export async function signUp(call: WriteCall, id: string) {
  const { a, teacher } = await loadFor({ ...call, db: call.tx as unknown as Call['db'] }, id);
  if (!teacher) throw forbidden();
  if (a.results_on !== null) throw conflict('teacherGrowth.resultsIn');
  const entries = await repo.entriesOf(call.tx, [id]);
  const mine = entries.find((e) => e.teacher_id === teacher.id);
  if (!mine?.signed_up_at) {
    await repo.upsertEntry(call.tx, {
      activity_id: id,
      teacher_id: teacher.id,
      signed_up_at: call.iso,
      attended: mine?.attended ?? null,
      result: mine?.result ?? null,
      evidence_id: mine?.evidence_id ?? null,
    });
    await recordAudit(call.tx, call.ctx, { action: 'teacherGrowth.signUp', entityType: 'growthActivity', entityId: id, orgId: a.school_id });
  }
  return activityOf(a, await repo.entriesOf(call.tx, [id]), teacher.id);
}

/** Attendance and results; each attended entry becomes (or updates) the teacher's evidence. */
export async function results(call: WriteCall, id: string, body: ResultsBody) {
  const a = await repo.loadActivity(call.tx, id);
  if (!a) throw notFound();
  const school = await overseenSchool(call.tx, call.actor, a.school_id);
  const entries = await repo.entriesOf(call.tx, [id]);
  const label = ACTIVITY_KIND_LABELS[a.kind as ActivityKind].zh;
  for (const [i, e] of body.entries.entries()) {
    const teacher = await repo.teacherOf(call.tx, e.teacherPersonId);
    if (!teacher || teacher.schoolId !== a.school_id) throw invalid(`body.entries.${i}.teacherPersonId`, 'teacherGrowth.otherSchool');
    const before = entries.find((x) => x.teacher_id === teacher.id);
    let evidenceId = before?.evidence_id ?? null;
    const title = e.result ? `${a.title}：${e.result}` : a.title;
    if (e.attended && evidenceId) await repo.updateEvidence(call.tx, evidenceId, { title, note: label, date: a.date });
    else if (e.attended) {
      evidenceId = newId();
      const plan = await repo.openPlanOf(call.tx, teacher.id);
      await repo.insertEvidence(call.tx, {
        id: evidenceId,
        teacher_id: teacher.id,
        school_path: school.path,
        plan_id: plan?.id ?? null,
        goal_id: null,
        duty: null,
        kind: ACTIVITY_EVIDENCE[a.kind as ActivityKind],
        title,
        note: label,
        date: a.date,
        rubric: null,
        rubric_id: null,
        score: null,
        rubric_met: null,
        observer_id: null,
        activity_id: id,
        created_by: call.actor.accountId,
        created_at: call.iso,
      });
    }
    await repo.upsertEntry(call.tx, {
      activity_id: id,
      teacher_id: teacher.id,
      signed_up_at: before?.signed_up_at ?? null,
      attended: e.attended ? 1 : 0,
      result: e.result ?? null,
      evidence_id: e.attended ? evidenceId : (before?.evidence_id ?? null),
    });
  }
  await repo.setResultsOn(call.tx, id, shanghaiDate(call.now));
  await recordAudit(call.tx, call.ctx, {
    action: 'teacherGrowth.results',
    entityType: 'growthActivity',
    entityId: id,
    orgId: a.school_id,
    changes: { entries: body.entries.length },
  });
  return activityOf((await repo.loadActivity(call.tx, id))!, await repo.entriesOf(call.tx, [id]), null);
}
