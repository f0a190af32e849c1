import type { Call, WriteCall } from '../../core/call.js';
import type { Db, Tx } from '../../core/db/database.js';
import { AppError, conflict, invalid, notFound } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import { recordAudit } from '../../core/audit/audit.js';
import type { Actor } from '../../core/rbac/actor.js';
import { addDays, shanghaiDate } from '../../core/calendar/calendar.js';
import { compareNames, weekOf } from '../../../common/school.js';
import { exactRate } from '../../../common/figure.js';
import type { MoralSession } from '../../../common/schemas/moralEducation.js';
import { loadSchoolCalendar, pickTerm, schoolClasses, studentsOfClass, type ClassInfo, type SchoolCalendar } from '../school/index.js';
import * as repo from './moralEducation.repository.js';
import { classFor, mayRecord, ownClassFor, schoolFor } from './moralEducation.policy.js';
import { loadPlan } from './moralEducation.plan.js';
import { claimPhoto, photoOf, PHOTO_KIND, releasePhoto } from './moralEducation.photos.js';
import { ownersWithFiles, type FileRef } from '../../core/files/index.js';
import {
  classCoverage,
  defaultAsOf,
  gradeCoverage,
  missedSessions,
  presenterShare,
  topicsCovered,
  totalCoverage,
  type ClassRef,
} from './moralEducation.indicators.js';

const DAY_MS = 86_400_000;
const photoUrl = (sessionId: string) => `/api/v1/moral-education/sessions/${sessionId}/photo`;

function checkRange(from: string, to: string) {
  if (to < from || (Date.parse(to) - Date.parse(from)) / DAY_MS > 400) throw invalid('query.to', 'school.rangeTooLong');
}

export async function present(db: Tx, row: repo.SessionRow, className: string): Promise<MoralSession> {
  const [presenters, photo] = await Promise.all([repo.presentersOf(db, [row.id]), photoOf(db, row.id)]);
  return {
    id: row.id,
    classId: row.class_id,
    className,
    date: row.date,
    status: row.status as MoralSession['status'],
    skipReason: row.skip_reason,
    topic: row.topic,
    plannedTopic: row.planned_topic,
    presenters: presenters.map((p) => ({ id: p.student_id, name: p.name })),
    reflection: row.reflection ?? '',
    photoUrl: photo ? photoUrl(row.id) : null,
    recordedByName: row.recorded_by_name,
    recordedAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

// ── topic calendar ────────────────────────────────────────────────

export async function schoolPlan(call: Call, schoolId: string, q: { from: string; to: string }) {
  const { db, actor } = call;
  const { school } = await schoolFor(db, actor, schoolId, 'read');
  checkRange(q.from, q.to);
  const cal = await loadSchoolCalendar(db, school.id, school.path);
  const plan = await loadPlan(db, school.id, [], q.from, q.to);
  const out = [];
  for (let d = q.from; d <= q.to; d = addDays(d, 1))
    out.push({ date: d, week: weekOf(d), schoolDay: cal.isSchoolDay(d), theme: plan.theme(d), topic: plan.schoolTopic(d) });
  return out;
}

export async function putPlan(call: WriteCall, schoolId: string, input: { weeks: { week: string; theme: string }[]; days: { date: string; topic: string }[] }) {
  const { tx, ctx, actor, iso: at } = call;
  const { school } = await schoolFor(tx, actor, schoolId, 'plan');
  const cal = await loadSchoolCalendar(tx, school.id, school.path);
  input.days.forEach((d, i) => {
    if (d.topic && !cal.isSchoolDay(d.date)) throw invalid(`body.days.${i}.date`, 'school.notSchoolDay', { date: d.date });
  });
  for (const w of input.weeks) {
    if (w.theme) await repo.upsertWeekTheme(tx, { id: newId(), school_id: school.id, week: w.week, theme: w.theme, created_at: at, updated_at: at });
    else await repo.deleteWeekTheme(tx, school.id, w.week);
  }
  for (const d of input.days) {
    if (d.topic) await repo.upsertDayTopic(tx, { id: newId(), school_id: school.id, date: d.date, topic: d.topic, created_at: at, updated_at: at });
    else await repo.deleteDayTopic(tx, school.id, d.date);
  }
  await recordAudit(tx, ctx, { action: 'moralEducation.planUpdate', entityType: 'moralTopicPlan', entityId: school.id, orgId: school.id, changes: input });
  const dates = [...input.days.map((d) => d.date), ...input.weeks.map((w) => w.week)];
  return { updated: dates.length };
}

export async function classPlan(call: Call, classId: string, q: { from: string; to: string }) {
  const { db, actor } = call;
  const { cls } = await classFor(db, actor, classId);
  checkRange(q.from, q.to);
  const cal = await loadSchoolCalendar(db, cls.schoolId, cls.path);
  const plan = await loadPlan(db, cls.schoolId, [cls.id], q.from, q.to);
  const sessions = new Map((await repo.sessionsOf(db, [cls.id], q.from, q.to)).map((s) => [s.date, s]));
  const out = [];
  for (let d = q.from; d <= q.to; d = addDays(d, 1)) {
    const s = sessions.get(d);
    const replaced = plan.replaced(cls.id, d);
    out.push({
      date: d,
      week: weekOf(d),
      schoolDay: cal.isSchoolDay(d),
      theme: plan.theme(d),
      topic: plan.topicFor(cls.id, d),
      schoolTopic: replaced ? plan.schoolTopic(d) : null,
      replaced,
      session: s ? { id: s.id, status: s.status as 'held' | 'skipped', topic: s.topic } : null,
    });
  }
  return out;
}

/** The student's own class's plan: the planned theme and topic of each day, without the sessions' records. */
export async function myClassPlan(call: Call, q: { from: string; to: string }) {
  const { db, actor } = call;
  const cls = await ownClassFor(db, actor);
  checkRange(q.from, q.to);
  const cal = await loadSchoolCalendar(db, cls.schoolId, cls.path);
  const plan = await loadPlan(db, cls.schoolId, [cls.id], q.from, q.to);
  const items = [];
  for (let d = q.from; d <= q.to; d = addDays(d, 1)) {
    items.push({ date: d, week: weekOf(d), schoolDay: cal.isSchoolDay(d), theme: plan.theme(d), topic: plan.topicFor(cls.id, d) });
  }
  return { classId: cls.id, className: cls.name, items };
}

async function schoolDayOf(db: Db, cls: ClassInfo, date: string, field: string): Promise<SchoolCalendar> {
  const cal = await loadSchoolCalendar(db, cls.schoolId, cls.path);
  if (!cal.isSchoolDay(date)) throw invalid(field, 'school.notSchoolDay', { date });
  return cal;
}

export async function replaceTopic(call: WriteCall, classId: string, date: string, topic: string) {
  const { tx, ctx, actor, iso: at } = call;
  const { cls } = await classFor(tx, actor, classId, 'record');
  await schoolDayOf(tx, cls, date, 'params.date');
  await repo.upsertOverride(tx, {
    id: newId(),
    school_id: cls.schoolId,
    class_id: cls.id,
    date,
    topic,
    author_id: actor.accountId,
    created_at: at,
    updated_at: at,
  });
  await recordAudit(tx, ctx, {
    action: 'moralEducation.topicReplace',
    entityType: 'moralTopicOverride',
    entityId: `${cls.id}:${date}`,
    orgId: cls.id,
    changes: { date, topic },
  });
  // Read back in the same transaction: the answer is the plan as written.
  return (await classPlan({ ...call, db: tx as Db }, classId, { from: date, to: date }))[0];
}

export async function revertTopic(call: WriteCall, classId: string, date: string) {
  const { tx, ctx, actor } = call;
  const { cls } = await classFor(tx, actor, classId, 'record');
  if (!(await repo.deleteOverride(tx, cls.id, date))) throw notFound();
  await recordAudit(tx, ctx, {
    action: 'moralEducation.topicRevert',
    entityType: 'moralTopicOverride',
    entityId: `${cls.id}:${date}`,
    orgId: cls.id,
    changes: { date },
  });
}

// ── sessions ──────────────────────────────────────────────────────

async function checkPresenters(db: Db, cls: ClassInfo, ids: string[], field: string): Promise<string[]> {
  const unique = [...new Set(ids)];
  if (!unique.length) return [];
  const roster = new Set((await studentsOfClass(db, cls.id)).map((s) => s.id));
  if (unique.some((id) => !roster.has(id))) throw invalid(field, 'moralEducation.presenterNotInClass');
  return unique;
}

export interface RecordInput {
  date?: string;
  status: 'held' | 'skipped';
  skipReason?: string;
  topic?: string;
  presenterIds: string[];
  reflection: string;
}

/** One call records the whole session (held or skipped, topic, presenters, reflection, photo). */
export async function recordSession(call: WriteCall, classId: string, input: RecordInput, photo: FileRef | null) {
  const { tx, ctx, actor, now, iso: at } = call;
  const { cls } = await classFor(tx, actor, classId, 'record');
  const date = input.date ?? shanghaiDate(now);
  if (date > shanghaiDate(now)) throw invalid('body.date', 'moralEducation.futureDate');
  await schoolDayOf(tx, cls, date, 'body.date');
  const plannedTopic = (await loadPlan(tx, cls.schoolId, [cls.id], date, date)).topicFor(cls.id, date);
  const held = input.status === 'held';
  const topic = input.topic || (held ? plannedTopic : null) || null;
  if (held && !topic) throw invalid('body.topic', 'moralEducation.topicRequired');
  const presenters = held ? await checkPresenters(tx, cls, input.presenterIds, 'body.presenterIds') : [];
  if (await repo.sessionOn(tx, cls.id, date)) throw conflict('moralEducation.alreadyRecorded');
  const row: repo.SessionRow = {
    id: newId(),
    school_id: cls.schoolId,
    class_id: cls.id,
    date,
    status: input.status,
    skip_reason: held ? null : (input.skipReason ?? null),
    topic,
    planned_topic: plannedTopic,
    reflection: input.reflection,
    recorded_by: actor.accountId,
    recorded_by_name: actor.displayName,
    created_at: at,
    updated_at: at,
  };
  await repo.insertSession(tx, row, presenters);
  if (photo) await claimPhoto(call, row.id, photo);
  await recordAudit(tx, ctx, {
    action: 'moralEducation.record',
    entityType: 'moralSession',
    entityId: row.id,
    orgId: cls.id,
    changes: { date, status: row.status, topic, skipReason: row.skip_reason, presenters, photo: !!photo },
  });
  return present(tx, row, cls.name);
}

async function sessionFor(db: Db, actor: Actor, id: string, action: 'read' | 'record') {
  const row = await repo.findSession(db, id);
  if (!row) throw notFound();
  const { cls, reach } = await classFor(db, actor, row.class_id, 'read');
  if (action === 'record' && !mayRecord(actor, reach, cls)) throw new AppError(403, 'forbidden', 'error.forbidden');
  return { row, cls };
}

export async function getSession(call: Call, id: string) {
  const { db, actor } = call;
  const { row, cls } = await sessionFor(db, actor, id, 'read');
  return present(db, row, cls.name);
}

export async function sessionPhoto(call: Call, id: string) {
  const { db, actor } = call;
  await sessionFor(db, actor, id, 'read');
  const photo = await photoOf(db, id);
  if (!photo) throw new AppError(404, 'no_photo', 'moralEducation.noPhoto');
  return photo;
}

export async function updateSession(
  call: WriteCall,
  id: string,
  input: { status?: 'held' | 'skipped'; skipReason?: string; topic?: string; presenterIds?: string[]; reflection?: string; removePhoto?: boolean },
) {
  const { tx, ctx, actor, iso } = call;
  const { row, cls } = await sessionFor(tx, actor, id, 'record');
  const status = input.status ?? (row.status as 'held' | 'skipped');
  const held = status === 'held';
  const skipReason = held ? null : (input.skipReason ?? row.skip_reason);
  if (!held && !skipReason) throw invalid('body.skipReason', 'validation.skipReason');
  const topic = input.topic !== undefined ? input.topic || row.planned_topic : row.topic;
  if (held && !topic) throw invalid('body.topic', 'moralEducation.topicRequired');
  const presenters = !held ? [] : input.presenterIds ? await checkPresenters(tx, cls, input.presenterIds, 'body.presenterIds') : undefined;
  const patch: Partial<repo.SessionRow> = { status, skip_reason: skipReason, topic, updated_at: iso };
  if (input.reflection !== undefined) patch.reflection = input.reflection;
  await repo.updateSession(tx, id, patch);
  if (input.removePhoto) await releasePhoto(call, id);
  if (presenters) await repo.setPresenters(tx, id, presenters);
  await recordAudit(tx, ctx, {
    action: 'moralEducation.update',
    entityType: 'moralSession',
    entityId: id,
    orgId: cls.id,
    changes: {
      status: [row.status, status],
      topic: [row.topic, topic],
      skipReason: [row.skip_reason, skipReason],
      presenters,
      removePhoto: !!input.removePhoto,
    },
  });
  return present(tx, (await repo.findSession(tx, id))!, cls.name);
}

export async function listSessions(
  call: Call,
  classId: string,
  q: { page: number; pageSize: number; order: 'asc' | 'desc'; sort?: 'date'; from?: string; to?: string; status?: string },
) {
  const { db, actor } = call;
  const { cls } = await classFor(db, actor, classId);
  // Newest first unless a sort is asked for.
  const order = q.sort ? q.order : 'desc';
  const [rows, count] = await repo.listSessions(db, cls.id, {
    from: q.from,
    to: q.to,
    status: q.status,
    order,
    limit: q.pageSize,
    offset: (q.page - 1) * q.pageSize,
  });
  const ids = rows.map((r) => r.id);
  const [presenters, withPhoto] = await Promise.all([repo.presentersOf(db, ids), ownersWithFiles(db, PHOTO_KIND, ids)]);
  return {
    items: rows.map((r) => ({
      id: r.id,
      classId: r.class_id,
      className: cls.name,
      date: r.date,
      status: r.status as 'held' | 'skipped',
      skipReason: r.skip_reason,
      topic: r.topic,
      plannedTopic: r.planned_topic,
      presenters: presenters.filter((p) => p.session_id === r.id).map((p) => ({ id: p.student_id, name: p.name })),
      reflection: r.reflection ?? '',
      photoUrl: withPhoto.has(r.id) ? photoUrl(r.id) : null,
      recordedByName: r.recorded_by_name,
      recordedAt: r.created_at,
      updatedAt: r.updated_at,
    })),
    total: Number(count.n),
    page: q.page,
    pageSize: q.pageSize,
  };
}

// ── indicators ────────────────────────────────────────────────────

export async function classIndicators(call: Call, classId: string, q: { termId?: string; asOf?: string }) {
  const { db, actor, now } = call;
  const { cls } = await classFor(db, actor, classId);
  const asOf = q.asOf ?? defaultAsOf(now);
  const cal = await loadSchoolCalendar(db, cls.schoolId, cls.path);
  const term = pickTerm(cal, q.termId, asOf);
  const ref: ClassRef = { id: cls.id, name: cls.name, gradeId: cls.gradeId, gradeName: cls.gradeName, cal };
  const sessions = await repo.sessionsOf(db, [cls.id], term.start_date, term.end_date);
  const plan = await loadPlan(db, cls.schoolId, [cls.id], term.start_date, term.end_date);
  const end = asOf < term.end_date ? asOf : term.end_date;
  const students = await studentsOfClass(db, cls.id);
  const counts = await repo.presenterCounts(db, cls.id, term.start_date, end);
  return {
    termId: term.id,
    termName: term.name,
    asOf,
    coverage: classCoverage(ref, term, asOf, sessions),
    topics: topicsCovered(ref, term, asOf, plan, sessions),
    presenters: presenterShare(students, counts),
  };
}

async function schoolSessions(db: Db, school: { id: string; path: string }, termId: string | undefined, asOf: string) {
  const { term, classes: infos } = await schoolClasses(db, school, termId, asOf);
  const classes: ClassRef[] = infos.map((c) => ({ id: c.id, name: c.name, gradeId: c.gradeId, gradeName: c.gradeName, cal: c.cal }));
  const sessions = await repo.sessionsOf(
    db,
    classes.map((c) => c.id),
    term.start_date,
    term.end_date,
  );
  return { term, classes, sessions };
}

export type SchoolCoverageQuery = { termId?: string; asOf?: string; gradeId?: string; sort?: 'className' | 'coverage'; order: 'asc' | 'desc' };

/** Every class's coverage of a term up to a day, filtered and sorted, with the grades' and the school's: what the page and the export show. */
export async function coverageRows(call: Call, schoolId: string, q: SchoolCoverageQuery) {
  const { db, actor, now } = call;
  const { school } = await schoolFor(db, actor, schoolId, 'oversee');
  const asOf = q.asOf ?? defaultAsOf(now);
  const { term, classes, sessions } = await schoolSessions(db, school, q.termId, asOf);
  const all = classes.map((c) => classCoverage(c, term, asOf, sessions));
  let rows = q.gradeId ? all.filter((r) => r.gradeId === q.gradeId) : all;
  const dir = q.order === 'desc' ? -1 : 1;
  rows = [...rows].sort((a, b) =>
    q.sort === 'coverage'
      ? dir * ((exactRate(a.coverage) ?? -1) - (exactRate(b.coverage) ?? -1)) || compareNames(a.className, b.className)
      : dir * compareNames(a.className, b.className),
  );
  // The school's figure drills into its class-days of the term so far.
  const end = asOf < term.end_date ? asOf : term.end_date;
  const period = end < term.start_date ? undefined : { from: term.start_date, to: end };
  return { term, asOf, schoolName: school.name, rows, grades: gradeCoverage(all), school: totalCoverage(all, period) };
}

export async function schoolCoverage(call: Call, schoolId: string, q: SchoolCoverageQuery & { page: number; pageSize: number }) {
  const { term, asOf, rows, grades, school } = await coverageRows(call, schoolId, q);
  const start = (q.page - 1) * q.pageSize;
  return {
    termId: term.id,
    termName: term.name,
    asOf,
    total: rows.length,
    page: q.page,
    pageSize: q.pageSize,
    items: rows.slice(start, start + q.pageSize),
    grades,
    school,
  };
}

export type MissedQuery = {
  termId?: string;
  asOf?: string;
  gradeId?: string;
  classId?: string;
  kind?: 'skipped' | 'unrecorded';
  sort?: 'date' | 'className';
  order: 'asc' | 'desc';
};

/** The school days a class did not hold (or did not record) its ten minutes, filtered and sorted: what the list pages and the export writes. */
export async function missedRows(call: Call, schoolId: string, q: MissedQuery) {
  const { db, actor, now } = call;
  const { school } = await schoolFor(db, actor, schoolId, 'oversee');
  const asOf = q.asOf ?? defaultAsOf(now);
  const { term, classes, sessions } = await schoolSessions(db, school, q.termId, asOf);
  const picked = classes.filter((c) => (!q.gradeId || c.gradeId === q.gradeId) && (!q.classId || c.id === q.classId));
  const plan = await loadPlan(
    db,
    school.id,
    picked.map((c) => c.id),
    term.start_date,
    term.end_date,
  );
  let rows = missedSessions(picked, term, asOf, sessions, plan);
  if (q.kind) rows = rows.filter((r) => r.kind === q.kind);
  const dir = q.order === 'desc' ? -1 : 1;
  rows.sort((a, b) =>
    q.sort === 'className'
      ? dir * compareNames(a.className, b.className) || a.date.localeCompare(b.date)
      : dir * a.date.localeCompare(b.date) || compareNames(a.className, b.className),
  );
  return { asOf, schoolName: school.name, rows };
}

export async function missedList(call: Call, schoolId: string, q: MissedQuery & { page: number; pageSize: number }) {
  const { rows } = await missedRows(call, schoolId, q);
  const start = (q.page - 1) * q.pageSize;
  return { items: rows.slice(start, start + q.pageSize), total: rows.length, page: q.page, pageSize: q.pageSize };
}
