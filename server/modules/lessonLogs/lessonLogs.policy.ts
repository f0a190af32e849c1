/**
 * Who reaches a lessonLog. A teacher reads their own logs only — not a colleague's, even in a
 * class they share; the academic office and principal read every log of the classes under
 * their grant. Out of reach is 404; a write the caller may not make is 403.
 */
import type { Db } from '../../core/db/database.js';
import { forbidden, notFound } from '../../core/errors.js';
import { hasPermission, type Actor } from '../../core/rbac/actor.js';
import { LESSON_LOG_PERMISSIONS as P } from '../../../common/lessonLogs.js';
import { loadClass, loadSchool, reachOf, type ClassInfo, type Reach } from '../school/index.js';
import * as repo from './lessonLogs.repository.js';

export function lessonReach(db: Db, actor: Actor): Promise<Reach> {
  return reachOf(db, actor, { oversee: P.oversee, teach: P.log });
}

export function isAuthor(actor: Actor, row: { teacher_id: string }): boolean {
  return !!actor.personId && actor.personId === row.teacher_id && hasPermission(actor, P.log);
}

export async function logFor(db: Db, actor: Actor, logId: string, action: 'read' | 'complete'): Promise<repo.LogRow> {
  const row = await repo.findLog(db, logId);
  if (!row) throw notFound();
  const author = isAuthor(actor, row);
  if (!author && !(await lessonReach(db, actor)).oversees(row.class_path)) throw notFound();
  if (action === 'complete' && !author) throw forbidden();
  return row;
}

/** A class the caller teaches or oversees. */
export async function classFor(db: Db, actor: Actor, classId: string): Promise<{ reach: Reach; cls: ClassInfo }> {
  const reach = await lessonReach(db, actor);
  const cls = await loadClass(db, classId);
  if (!cls || !reach.seesClass(cls)) throw notFound();
  return { reach, cls };
}

/** 'oversee': the office's views; 'own': anyone of the school, who then sees only their own lessons unless they oversee it. */
export async function schoolFor(db: Db, actor: Actor, schoolId: string, action: 'oversee' | 'own') {
  const reach = await lessonReach(db, actor);
  const school = await loadSchool(db, schoolId);
  if (!school || !reach.touchesSchool(school.path)) throw notFound();
  const oversees = reach.oversees(school.path);
  if (action === 'oversee' && !oversees) throw forbidden();
  return { reach, school, oversees };
}
