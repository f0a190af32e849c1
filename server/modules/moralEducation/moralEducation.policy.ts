/**
 * Who may do what with the ten-minute sessions. The class's teachers (head or subject)
 * see its sessions; only its head teacher records them and replaces its topic; the
 * principal and academic office (the moral-education office) see every class of their
 * school and plan the school-wide topic calendar. Out of reach is 404, in reach but not
 * allowed is 403.
 */
import type { Db } from '../../core/db/database.js';
import { forbidden, notFound } from '../../core/errors.js';
import { hasPermission, type Actor } from '../../core/rbac/actor.js';
import { MORAL_EDUCATION_PERMISSIONS as P } from '../../../common/moralEducation.js';
import { loadClass, loadSchool, loadStudent, reachOf, type ClassInfo, type Reach } from '../school/index.js';

export function moralReach(db: Db, actor: Actor): Promise<Reach> {
  return reachOf(db, actor, { oversee: P.oversee, teach: P.read });
}

export function mayRecord(actor: Actor, reach: Reach, cls: ClassInfo): boolean {
  return reach.teaches(cls.id, 'head') && hasPermission(actor, P.record);
}

export async function classFor(db: Db, actor: Actor, classId: string, action: 'read' | 'record' = 'read'): Promise<{ reach: Reach; cls: ClassInfo }> {
  const reach = await moralReach(db, actor);
  const cls = await loadClass(db, classId);
  if (!cls || !reach.seesClass(cls)) throw notFound();
  if (action === 'record' && !mayRecord(actor, reach, cls)) throw forbidden();
  return { reach, cls };
}

/** 'plan' and 'oversee' need the office's rights on the school; 'read' is anyone teaching there. */
export async function schoolFor(db: Db, actor: Actor, schoolId: string, action: 'read' | 'plan' | 'oversee') {
  const reach = await moralReach(db, actor);
  const school = await loadSchool(db, schoolId);
  if (!school || !reach.touchesSchool(school.path)) throw notFound();
  if (action === 'plan' && !hasPermission(actor, P.plan, school.path)) throw forbidden();
  if (action === 'oversee' && !reach.oversees(school.path)) throw forbidden();
  return { reach, school };
}

/**
 * The class of the calling student, found from their own student record — never from a request parameter, so a
 * student reaches no other class. A caller without the permission is refused (403); one with it but no student
 * record behind the account (a sysAdmin, a student account not linked to a pupil) reaches nothing (404).
 */
export async function ownClassFor(db: Db, actor: Actor): Promise<ClassInfo> {
  if (!hasPermission(actor, P.readOwnClass)) throw forbidden();
  const reach = await reachOf(db, actor, { oversee: P.oversee, own: P.readOwnClass });
  const student = reach.self ? await loadStudent(db, reach.self.studentId) : undefined;
  if (!student) throw notFound();
  return student.cls;
}
