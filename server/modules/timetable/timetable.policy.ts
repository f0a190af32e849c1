/**
 * Who reaches a class's timetable: the principal and academic office over every class of
 * their grant, a teacher over the classes they teach (class_teachers). Out of reach is 404;
 * editing needs `timetable.manage` over the class (教务处), otherwise 403.
 */
import type { Db } from '../../core/db/database.js';
import { forbidden, notFound } from '../../core/errors.js';
import { hasPermission, type Actor } from '../../core/rbac/actor.js';
import { TIMETABLE_PERMISSIONS as P } from '../../../common/timetable.js';
import { loadClass, loadSchool, reachOf, type ClassInfo } from '../school/index.js';

export async function classFor(db: Db, actor: Actor, classId: string, action: 'read' | 'manage'): Promise<ClassInfo> {
  const reach = await reachOf(db, actor, { oversee: P.oversee, teach: P.read });
  const cls = await loadClass(db, classId);
  if (!cls || !reach.seesClass(cls)) throw notFound();
  if (action === 'manage' && !hasPermission(actor, P.manage, cls.path)) throw forbidden();
  return cls;
}

export async function schoolToManage(db: Db, actor: Actor, schoolId: string) {
  const reach = await reachOf(db, actor, { oversee: P.oversee, teach: P.read });
  const school = await loadSchool(db, schoolId);
  if (!school || !reach.touchesSchool(school.path)) throw notFound();
  if (!hasPermission(actor, P.manage, school.path)) throw forbidden();
  return school;
}
