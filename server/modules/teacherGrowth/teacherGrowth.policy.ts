/**
 * Who reaches a teacher's growth record. A teacher reaches their own; a mentor the teachers
 * they mentor now (师徒结对); the school's office (academic / research office, principal)
 * every teacher of the schools under its grant. Nobody else learns the record exists (404),
 * and no list ever ranks teachers against each other.
 */
import { hasPermission, type Actor } from '../../core/rbac/actor.js';
import { forbidden, notFound } from '../../core/errors.js';
import type { Db, Tx } from '../../core/db/database.js';
import { TEACHER_GROWTH_PERMISSIONS as P } from '../../../common/teacherGrowth.js';
import * as repo from './teacherGrowth.repository.js';

export type Relation = 'own' | 'mentor' | 'office';

export interface Reach {
  own: boolean;
  mentor: boolean;
  office: boolean;
}

/** How the caller stands to `teacherId` of the school at `schoolPath`. */
export async function reachOf(db: Db | Tx, actor: Actor, teacherId: string, schoolPath: string): Promise<Reach> {
  const teacher = actor.personId !== null && hasPermission(actor, P.own);
  const own = teacher && actor.personId === teacherId;
  const mentor = teacher && !own && (await repo.mentors(db, actor.personId!, teacherId));
  return { own, mentor, office: hasPermission(actor, P.oversee, schoolPath) };
}

export const sees = (r: Reach) => r.own || r.mentor || r.office;
export const relationOf = (r: Reach): Relation => (r.own ? 'own' : r.mentor ? 'mentor' : 'office');
/** Review and yearly review: a mentor or the office, never the plan's own teacher. */
export const mayReview = (r: Reach) => !r.own && (r.mentor || r.office);

/** The school the caller oversees: 404 when it is not a school under their grant. */
export async function overseenSchool(db: Db | Tx, actor: Actor, schoolId: string, permission: string = P.oversee) {
  const school = await repo.schoolOrg(db, schoolId);
  if (!school || !hasPermission(actor, P.oversee, school.path)) throw notFound();
  if (!hasPermission(actor, permission, school.path)) throw forbidden();
  return school;
}

/** A school the caller works in (a teacher of it) or oversees; 404 otherwise. */
export async function memberSchool(db: Db | Tx, actor: Actor, schoolId: string) {
  const school = await repo.schoolOrg(db, schoolId);
  if (!school) throw notFound();
  if (hasPermission(actor, P.oversee, school.path)) return { school, teacher: null };
  const me = actor.personId !== null && hasPermission(actor, P.own) ? await repo.teacherOf(db, actor.personId) : undefined;
  if (!me || me.schoolId !== school.id) throw notFound();
  return { school, teacher: me };
}

export function demand(ok: boolean): void {
  if (!ok) throw forbidden();
}
