import type { Db } from '../../core/db/database.js';
import { AppError, forbidden, invalid, notFound } from '../../core/errors.js';
import { newId, nowIso } from '../../core/ids.js';
import { recordAudit, diff } from '../../core/audit/audit.js';
import type { CallContext } from '../../core/context.js';
import type { Actor } from '../../core/rbac/actor.js';
import { addDays, shanghaiDate } from '../../core/calendar/calendar.js';
import { compareNames, weekEnd, weekStart } from '../../../common/school.js';
import { HEART_BRIDGE_PERMISSIONS } from '../../../common/heartBridge.js';
import { MORAL_EDUCATION_PERMISSIONS } from '../../../common/moralEducation.js';
import type { SchoolSettings } from '../../../common/schemas/school.js';
import * as repo from './school.repository.js';
import { describeClasses, loadClass, loadSchool, managesSchool, reachOf, readsSchool, type ClassInfo } from './school.policy.js';
import { invalidateSchoolCalendar, loadSchoolCalendar } from './school.calendar.js';
import { settingsFromRow } from './school.reminders.js';

const DAY_MS = 86_400_000;

export const presentTerm = (t: repo.SchoolTermTable) => ({ id: t.id, schoolId: t.school_id, name: t.name, startDate: t.start_date, endDate: t.end_date });

async function readableSchool(db: Db, actor: Actor, schoolId: string) {
  const school = await loadSchool(db, schoolId);
  if (!school || !readsSchool(actor, school.path)) throw notFound();
  return school;
}

async function manageableSchool(db: Db, actor: Actor, schoolId: string) {
  const school = await readableSchool(db, actor, schoolId);
  if (!managesSchool(actor, school.path)) throw forbidden();
  return school;
}

// ── terms ─────────────────────────────────────────────────────────

export async function listTerms(db: Db, actor: Actor, schoolId: string) {
  await readableSchool(db, actor, schoolId);
  return (await repo.termsOf(db, schoolId)).map(presentTerm);
}

async function checkTerm(db: Db, schoolId: string, start: string, end: string, exceptId?: string) {
  if (end < start) throw invalid('body.endDate', 'school.termOrder');
  if ((Date.parse(end) - Date.parse(start)) / DAY_MS > 250) throw invalid('body.endDate', 'school.termTooLong');
  const clash = (await repo.termsOf(db, schoolId)).find((t) => t.id !== exceptId && t.start_date <= end && start <= t.end_date);
  if (clash) throw invalid('body.startDate', 'school.termOverlap', { name: clash.name });
}

export async function createTerm(db: Db, ctx: CallContext, actor: Actor, schoolId: string, input: { name: string; startDate: string; endDate: string }) {
  await manageableSchool(db, actor, schoolId);
  await checkTerm(db, schoolId, input.startDate, input.endDate);
  const now = nowIso();
  const row: repo.SchoolTermTable = {
    id: newId(),
    school_id: schoolId,
    name: input.name,
    start_date: input.startDate,
    end_date: input.endDate,
    created_at: now,
    updated_at: now,
  };
  await db.transaction().execute(async (tx) => {
    await repo.insertTerm(tx, row);
    await recordAudit(tx, ctx, {
      action: 'school.termCreate',
      entityType: 'schoolTerm',
      entityId: row.id,
      orgId: schoolId,
      changes: { name: row.name, startDate: row.start_date, endDate: row.end_date },
    });
  });
  invalidateSchoolCalendar(db);
  return presentTerm(row);
}

export async function updateTerm(db: Db, ctx: CallContext, actor: Actor, id: string, input: { name?: string; startDate?: string; endDate?: string }) {
  const term = await repo.findTerm(db, id);
  if (!term) throw notFound();
  await manageableSchool(db, actor, term.school_id);
  const start = input.startDate ?? term.start_date;
  const end = input.endDate ?? term.end_date;
  await checkTerm(db, term.school_id, start, end, id);
  const patch = { name: input.name, start_date: input.startDate, end_date: input.endDate };
  await db.transaction().execute(async (tx) => {
    await repo.updateTerm(tx, id, { ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)), updated_at: nowIso() });
    await recordAudit(tx, ctx, {
      action: 'school.termUpdate',
      entityType: 'schoolTerm',
      entityId: id,
      orgId: term.school_id,
      changes: diff(term as any, patch),
    });
  });
  invalidateSchoolCalendar(db);
  return presentTerm((await repo.findTerm(db, id))!);
}

export async function deleteTerm(db: Db, ctx: CallContext, actor: Actor, id: string) {
  const term = await repo.findTerm(db, id);
  if (!term) throw notFound();
  await manageableSchool(db, actor, term.school_id);
  await db.transaction().execute(async (tx) => {
    await repo.deleteTerm(tx, id);
    await recordAudit(tx, ctx, {
      action: 'school.termDelete',
      entityType: 'schoolTerm',
      entityId: id,
      orgId: term.school_id,
      changes: { name: term.name, startDate: term.start_date, endDate: term.end_date },
    });
  });
  invalidateSchoolCalendar(db);
}

// ── closures ──────────────────────────────────────────────────────

export async function listClosures(
  db: Db,
  actor: Actor,
  schoolId: string,
  q: { page: number; pageSize: number; order: 'asc' | 'desc'; from?: string; to?: string },
) {
  await readableSchool(db, actor, schoolId);
  const [rows, count] = await repo.listClosures(db, schoolId, { from: q.from, to: q.to, order: q.order, limit: q.pageSize, offset: (q.page - 1) * q.pageSize });
  return {
    items: rows.map((r) => ({ id: r.id, schoolId: r.school_id, orgId: r.org_id, orgName: r.org_name, date: r.date, reason: r.reason })),
    total: Number(count.n),
    page: q.page,
    pageSize: q.pageSize,
  };
}

export async function createClosure(db: Db, ctx: CallContext, actor: Actor, schoolId: string, input: { date: string; reason: string; orgId?: string }) {
  const school = await manageableSchool(db, actor, schoolId);
  const org = input.orgId ? await repo.findOrg(db, input.orgId) : school;
  if (!org || !org.path.startsWith(school.path) || !['school', 'grade', 'class'].includes(org.kind)) throw invalid('body.orgId', 'school.closureOrg');
  const row: repo.SchoolClosureTable = { id: newId(), school_id: schoolId, org_id: org.id, date: input.date, reason: input.reason, created_at: nowIso() };
  await db.transaction().execute(async (tx) => {
    const clash = (await repo.closuresOf(tx as Db, schoolId)).find((c) => c.org_id === org.id && c.date === input.date);
    if (clash) throw new AppError(409, 'conflict', 'school.closureExists');
    await repo.insertClosure(tx, row);
    await recordAudit(tx, ctx, {
      action: 'school.closureCreate',
      entityType: 'schoolClosure',
      entityId: row.id,
      orgId: org.id,
      changes: { date: row.date, reason: row.reason },
    });
  });
  invalidateSchoolCalendar(db);
  return { id: row.id, schoolId, orgId: org.id, orgName: org.name, date: row.date, reason: row.reason };
}

export async function deleteClosure(db: Db, ctx: CallContext, actor: Actor, id: string) {
  const row = await repo.findClosure(db, id);
  if (!row) throw notFound();
  await manageableSchool(db, actor, row.school_id);
  await db.transaction().execute(async (tx) => {
    await repo.deleteClosure(tx, id);
    await recordAudit(tx, ctx, {
      action: 'school.closureDelete',
      entityType: 'schoolClosure',
      entityId: id,
      orgId: row.org_id,
      changes: { date: row.date, reason: row.reason },
    });
  });
  invalidateSchoolCalendar(db);
}

// ── settings ──────────────────────────────────────────────────────

export async function getSettings(db: Db, actor: Actor, schoolId: string): Promise<SchoolSettings> {
  await readableSchool(db, actor, schoolId);
  return settingsFromRow(await repo.findSettings(db, schoolId));
}

export async function updateSettings(db: Db, ctx: CallContext, actor: Actor, schoolId: string, input: Partial<SchoolSettings>) {
  await manageableSchool(db, actor, schoolId);
  const before = settingsFromRow(await repo.findSettings(db, schoolId));
  const after: SchoolSettings = { ...before, ...Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) };
  await db.transaction().execute(async (tx) => {
    await repo.upsertSettings(tx, {
      school_id: schoolId,
      quiet_start: after.quietStart,
      quiet_end: after.quietEnd,
      teacher_reminder_at: after.teacherReminderAt,
      guardian_reminder_at: after.guardianReminderAt,
      moral_reminder_at: after.moralReminderAt,
      lesson_reminder_at: after.lessonReminderAt,
      updated_at: nowIso(),
    });
    await recordAudit(tx, ctx, {
      action: 'school.settingsUpdate',
      entityType: 'schoolSettings',
      entityId: schoolId,
      orgId: schoolId,
      changes: diff(before as any, input),
    });
  });
  return after;
}

// ── school days and weeks ─────────────────────────────────────────

function checkRange(from: string, to: string) {
  if (to < from || (Date.parse(to) - Date.parse(from)) / DAY_MS > 400) throw invalid('query.to', 'school.rangeTooLong');
}

async function readableClass(db: Db, actor: Actor, classId: string): Promise<ClassInfo> {
  const cls = await loadClass(db, classId);
  if (!cls || !readsSchool(actor, cls.schoolPath)) throw notFound();
  // Within the school, a grant on one class does not open another class's calendar view.
  const reach = await reachOf(db, actor, {
    oversee: 'school.read',
    teach: HEART_BRIDGE_PERMISSIONS.writeSchool,
    home: HEART_BRIDGE_PERMISSIONS.writeHome,
    own: HEART_BRIDGE_PERMISSIONS.readOwn,
  });
  if (!reach.seesClass(cls) && !reach.hasChildIn(cls.id)) throw notFound();
  return cls;
}

export async function schoolDays(db: Db, actor: Actor, schoolId: string, q: { from: string; to: string }) {
  const school = await readableSchool(db, actor, schoolId);
  checkRange(q.from, q.to);
  const cal = await loadSchoolCalendar(db, school.id, school.path);
  const out = [];
  for (let d = q.from; d <= q.to; d = addDays(d, 1)) out.push(cal.day(d));
  return out;
}

export async function classDays(db: Db, actor: Actor, classId: string, q: { from: string; to: string }) {
  const cls = await readableClass(db, actor, classId);
  checkRange(q.from, q.to);
  const cal = await loadSchoolCalendar(db, cls.schoolId, cls.path);
  const out = [];
  for (let d = q.from; d <= q.to; d = addDays(d, 1)) out.push(cal.day(d));
  return out;
}

export async function classWeeks(db: Db, actor: Actor, classId: string, q: { termId?: string }, now = new Date()) {
  const cls = await readableClass(db, actor, classId);
  const cal = await loadSchoolCalendar(db, cls.schoolId, cls.path);
  const term = q.termId ? cal.terms.find((t) => t.id === q.termId) : cal.currentOrLastTerm(shanghaiDate(now));
  if (!term) throw notFound();
  return {
    term: presentTerm({ ...term, school_id: cls.schoolId } as repo.SchoolTermTable),
    items: cal.weeksOfTerm(term).map((w) => ({ week: w, start: weekStart(w), end: weekEnd(w), schoolDays: cal.weekSchoolDays(w) })),
  };
}

// ── the caller's own school world ─────────────────────────────────

/** The caller as a student: their own record and class, for their read-only book. */
async function selfOf(db: Db, self: { studentId: string; classId: string } | null, infos: Map<string, ClassInfo>) {
  const info = self && infos.get(self.classId);
  const s = self && info ? await repo.findStudent(db, self.studentId) : undefined;
  return s && info ? { id: s.id, name: s.name, classId: info.id, className: info.name, schoolId: info.schoolId } : null;
}

export async function mine(db: Db, actor: Actor) {
  const reach = await reachOf(db, actor, {
    oversee: 'school.manage',
    teach: HEART_BRIDGE_PERMISSIONS.writeSchool,
    home: HEART_BRIDGE_PERMISSIONS.writeHome,
    own: HEART_BRIDGE_PERMISSIONS.readOwn,
  });
  const moral = await reachOf(db, actor, { oversee: MORAL_EDUCATION_PERMISSIONS.oversee, teach: MORAL_EDUCATION_PERMISSIONS.read });
  const taught = new Map(reach.classes);
  for (const [id, c] of moral.classes) taught.set(id, { duties: new Set([...(taught.get(id)?.duties ?? []), ...c.duties]), path: c.path });
  const classOrgs = await repo.findOrgs(db, [
    ...new Set([...taught.keys(), ...[...reach.children.values()].map((c) => c.classId), ...(reach.self ? [reach.self.classId] : [])]),
  ]);
  const infos = new Map((await describeClasses(db, classOrgs)).map((c) => [c.id, c]));
  const students = (await Promise.all([...reach.children.keys()].map((id) => repo.findStudent(db, id)))).filter((s) => !!s);
  const schools = (await repo.schools(db)).filter((s) => reach.oversees(s.path) || moral.oversees(s.path));
  return {
    classes: [...taught.entries()]
      .map(([id, c]) => ({ info: infos.get(id), duties: [...c.duties].sort() }))
      .filter((x) => !!x.info)
      .map((x) => ({ id: x.info!.id, name: x.info!.name, schoolId: x.info!.schoolId, schoolName: x.info!.schoolName, duties: x.duties }))
      .sort((a, b) => compareNames(a.name, b.name)),
    children: students
      .map((s) => ({
        id: s!.id,
        name: s!.name,
        classId: s!.org_id,
        className: infos.get(s!.org_id)?.name ?? '',
        schoolId: infos.get(s!.org_id)?.schoolId ?? '',
      }))
      .filter((c) => c.schoolId),
    schools: schools.map((s) => ({ id: s.id, name: s.name })),
    self: await selfOf(db, reach.self, infos),
  };
}
