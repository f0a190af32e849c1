/**
 * School links: which guardians belong to a student, which teachers to a class. They
 * decide what parents and teachers may later see, so linking takes people.manage over the
 * class and every change is audited.
 */
import type { Db, Tx } from '../db/database.js';
import { AppError, conflict, forbidden, notFound } from '../errors.js';
import { newId, nowIso } from '../ids.js';
import { recordAudit } from '../audit/audit.js';
import type { CallContext } from '../context.js';
import { hasPermission, inScope, type Actor } from '../rbac/actor.js';
import { findOrg } from '../org/org.repository.js';
import { maskPhone, type AddClassTeacherBody, type LinkGuardianBody } from '../../../common/schemas/people.js';
import { canManage, canSee, contactScope, orgVisible } from './people.policy.js';
import * as people from './people.repository.js';
import * as repo from './links.repository.js';
import './people.messages.js';

const unprocessable = (field: string, key: string) => new AppError(422, 'invalid', key, {}, [{ field, message: key }]);

async function visiblePerson(db: Tx, actor: Actor, id: string) {
  const row = await people.findWithOrg(db, id);
  if (!row || !canSee(actor, row.org_path)) throw notFound();
  return row;
}

async function student(db: Tx, actor: Actor, id: string, manage: boolean) {
  const row = await visiblePerson(db, actor, id);
  if (manage && !canManage(actor, row.org_path)) throw forbidden();
  if (row.kind !== 'student') throw unprocessable('params.studentId', 'people.notStudent');
  return row;
}

export async function listGuardians(db: Db, actor: Actor, studentId: string) {
  await student(db, actor, studentId, false);
  const contacts = contactScope(actor);
  return (await repo.guardiansOf(db, studentId)).map((g) => ({
    guardianId: g.guardian_id,
    name: g.name,
    relation: g.relation,
    phone: inScope(contacts, g.org_path) ? g.phone : maskPhone(g.phone),
    createdAt: g.created_at,
  }));
}

export async function linkGuardian(db: Db, ctx: CallContext, actor: Actor, studentId: string, body: LinkGuardianBody) {
  await db.transaction().execute(async (tx) => {
    const s = await student(tx, actor, studentId, true);
    let guardianId: string;
    let created = false;
    if ('guardianId' in body) {
      const g = await visiblePerson(tx, actor, body.guardianId);
      if (g.kind !== 'guardian') throw unprocessable('body.guardianId', 'people.notGuardian');
      guardianId = g.id;
    } else {
      guardianId = newId();
      created = true;
      const now = nowIso();
      await people.insertPerson(tx, {
        id: guardianId,
        org_id: s.org_id,
        org_path: s.org_path,
        kind: 'guardian',
        name: body.guardian.name,
        ...people.BLANK_PERSON,
        gender: body.guardian.gender ?? null,
        phone: body.guardian.phone ?? null,
        created_at: now,
        updated_at: now,
      });
    }
    if (await repo.findGuardianLink(tx, studentId, guardianId)) throw conflict('people.guardianExists');
    await repo.insertGuardianLink(tx, { guardian_id: guardianId, student_id: studentId, relation: body.relation, created_at: nowIso() });
    await recordAudit(tx, ctx, {
      action: 'person.guardianLinked',
      entityType: 'person',
      entityId: studentId,
      orgId: s.org_id,
      changes: { guardianId, relation: body.relation, guardianCreated: created },
    });
  });
  return listGuardians(db, actor, studentId);
}

export async function unlinkGuardian(db: Db, ctx: CallContext, actor: Actor, studentId: string, guardianId: string) {
  await db.transaction().execute(async (tx) => {
    const s = await student(tx, actor, studentId, true);
    const link = await repo.findGuardianLink(tx, studentId, guardianId);
    if (!link) throw notFound();
    await repo.deleteGuardianLink(tx, studentId, guardianId);
    await recordAudit(tx, ctx, {
      action: 'person.guardianUnlinked',
      entityType: 'person',
      entityId: studentId,
      orgId: s.org_id,
      changes: { guardianId, relation: link.relation },
    });
  });
}

async function schoolClass(db: Tx, actor: Actor, classId: string, need: 'read' | 'manage') {
  const org = await findOrg(db, classId);
  if (!org || !orgVisible(actor, org.path)) throw notFound();
  const allowed = need === 'manage' ? canManage(actor, org.path) : hasPermission(actor, 'people.read', org.path) || canManage(actor, org.path);
  if (!allowed) throw forbidden();
  if (org.kind !== 'class') throw unprocessable('params.classId', 'people.notClass');
  return org;
}

export async function listTeachers(db: Db, actor: Actor, classId: string) {
  await schoolClass(db, actor, classId, 'read');
  const contacts = contactScope(actor);
  return (await repo.teachersOf(db, classId)).map((t) => ({
    teacherId: t.teacher_id,
    name: t.name,
    duty: t.duty,
    subject: t.subject,
    phone: inScope(contacts, t.org_path) ? t.phone : maskPhone(t.phone),
    createdAt: t.created_at,
  }));
}

export async function addTeacher(db: Db, ctx: CallContext, actor: Actor, classId: string, body: AddClassTeacherBody) {
  await db.transaction().execute(async (tx) => {
    const org = await schoolClass(tx, actor, classId, 'manage');
    const teacher = await visiblePerson(tx, actor, body.teacherId);
    if (teacher.kind !== 'teacher') throw unprocessable('body.teacherId', 'people.notTeacher');
    const duties = await repo.dutiesIn(tx, classId);
    if (duties.some((d) => d.teacher_id === teacher.id && d.duty === body.duty)) throw conflict('people.teacherExists');
    // One head teacher per class: the head is who parents and the school hold to account.
    if (body.duty === 'head' && duties.some((d) => d.duty === 'head')) throw conflict('people.classHasHead');
    const subject = body.duty === 'subject' ? (body.subject ?? null) : (body.subject ?? teacher.subject ?? null);
    await repo.insertClassTeacher(tx, { class_id: classId, teacher_id: teacher.id, duty: body.duty, subject, created_at: nowIso() });
    await recordAudit(tx, ctx, {
      action: 'class.teacherAdded',
      entityType: 'org',
      entityId: classId,
      orgId: org.id,
      changes: { teacherId: teacher.id, duty: body.duty, subject },
    });
  });
  return listTeachers(db, actor, classId);
}

export async function removeTeacher(db: Db, ctx: CallContext, actor: Actor, classId: string, teacherId: string, duty?: string) {
  await db.transaction().execute(async (tx) => {
    const org = await schoolClass(tx, actor, classId, 'manage');
    const removed = await repo.deleteClassTeacher(tx, classId, teacherId, duty);
    if (removed === 0) throw notFound();
    await recordAudit(tx, ctx, {
      action: 'class.teacherRemoved',
      entityType: 'org',
      entityId: classId,
      orgId: org.id,
      changes: { teacherId, duty: duty ?? 'all' },
    });
  });
}
