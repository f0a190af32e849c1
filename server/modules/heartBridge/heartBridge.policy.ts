/**
 * Who may do what with the 心桥 book. Out of reach answers 404 (ids reveal nothing);
 * within reach but not allowed answers 403.
 *  - a guardian reaches only their own children, and writes only the home side;
 *  - a teacher reaches the classes they teach (head or subject), and writes only the school side;
 *  - the principal and academic office reach every class of their school and write nothing;
 *  - a student reaches only their own pages, and writes nothing.
 */
import type { Db } from '../../core/db/database.js';
import { forbidden, notFound } from '../../core/errors.js';
import type { Actor } from '../../core/rbac/actor.js';
import { HEART_BRIDGE_PERMISSIONS as P } from '../../../common/heartBridge.js';
import { loadClass, loadSchool, loadStudent, reachOf, type ClassInfo, type Reach, type StudentInfo } from '../school/index.js';

export type Action = 'read' | 'writeSchool' | 'writeHome' | 'readAsSchool' | 'readAsHome';

export function heartBridgeReach(db: Db, actor: Actor): Promise<Reach> {
  return reachOf(db, actor, { oversee: P.oversee, teach: P.writeSchool, home: P.writeHome, own: P.readOwn });
}

export function can(reach: Reach, action: Action, s: StudentInfo): boolean {
  switch (action) {
    case 'read':
      return reach.seesStudent(s);
    case 'writeSchool':
    case 'readAsSchool':
      return reach.teaches(s.cls.id);
    case 'writeHome':
    case 'readAsHome':
      return reach.isGuardianOf(s.id);
  }
}

/** The student, if the caller may see them; else 404. Then 403 if the action is not theirs. */
export async function studentFor(db: Db, actor: Actor, studentId: string, action: Action) {
  const reach = await heartBridgeReach(db, actor);
  const student = await loadStudent(db, studentId);
  if (!student || !reach.seesStudent(student)) throw notFound();
  if (!can(reach, action, student)) throw forbidden();
  return { reach, student };
}

/** Class views (whole class lists, print, dashboard): teachers of the class and overseers. */
export async function classFor(db: Db, actor: Actor, classId: string): Promise<{ reach: Reach; cls: ClassInfo }> {
  const reach = await heartBridgeReach(db, actor);
  const cls = await loadClass(db, classId);
  if (!cls) throw notFound();
  if (!reach.seesClass(cls)) throw reach.hasChildIn(cls.id) ? forbidden() : notFound();
  return { reach, cls };
}

/** School-wide views: overseers only; a teacher or guardian of that school gets 403, anyone else 404. */
export async function schoolFor(db: Db, actor: Actor, schoolId: string, mode: 'oversee' | 'touch' = 'oversee') {
  const reach = await heartBridgeReach(db, actor);
  const school = await loadSchool(db, schoolId);
  if (!school || !reach.touchesSchool(school.path)) throw notFound();
  if (mode === 'oversee' && !reach.oversees(school.path)) throw forbidden();
  return { reach, school };
}
