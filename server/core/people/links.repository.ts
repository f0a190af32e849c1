/** SQL of the school links: guardians of a student, teachers of a class. */
import type { Kysely } from 'kysely';
import type { Tx } from '../db/database.js';
import type { PeopleDB } from './people.repository.js';

const q = (db: Tx) => db as unknown as Kysely<PeopleDB>;

export function guardiansOf(db: Tx, studentId: string) {
  return q(db)
    .selectFrom('guardian_links as g')
    .innerJoin('persons as p', 'p.id', 'g.guardian_id')
    .select(['g.guardian_id', 'g.relation', 'g.created_at', 'p.name', 'p.phone', 'p.org_path'])
    .where('g.student_id', '=', studentId)
    .orderBy('g.created_at')
    .orderBy('p.name')
    .execute();
}

export function findGuardianLink(db: Tx, studentId: string, guardianId: string) {
  return q(db).selectFrom('guardian_links').selectAll().where('student_id', '=', studentId).where('guardian_id', '=', guardianId).executeTakeFirst();
}

export async function insertGuardianLink(db: Tx, row: { guardian_id: string; student_id: string; relation: string; created_at: string }) {
  await q(db).insertInto('guardian_links').values(row).execute();
}

export async function deleteGuardianLink(db: Tx, studentId: string, guardianId: string) {
  await q(db).deleteFrom('guardian_links').where('student_id', '=', studentId).where('guardian_id', '=', guardianId).execute();
}

export function teachersOf(db: Tx, classId: string) {
  return q(db)
    .selectFrom('class_teachers as ct')
    .innerJoin('persons as p', 'p.id', 'ct.teacher_id')
    .select(['ct.teacher_id', 'ct.duty', 'ct.subject', 'ct.created_at', 'p.name', 'p.phone', 'p.org_path'])
    .where('ct.class_id', '=', classId)
    .orderBy('ct.duty')
    .orderBy('ct.subject')
    .orderBy('p.name')
    .execute();
}

export function dutiesIn(db: Tx, classId: string) {
  return q(db).selectFrom('class_teachers').select(['teacher_id', 'duty', 'subject']).where('class_id', '=', classId).execute();
}

export async function insertClassTeacher(db: Tx, row: { class_id: string; teacher_id: string; duty: string; subject: string | null; created_at: string }) {
  await q(db).insertInto('class_teachers').values(row).execute();
}

export async function deleteClassTeacher(db: Tx, classId: string, teacherId: string, duty?: string) {
  const res = await q(db)
    .deleteFrom('class_teachers')
    .where('class_id', '=', classId)
    .where('teacher_id', '=', teacherId)
    .$if(!!duty, (qb) => qb.where('duty', '=', duty!))
    .executeTakeFirst();
  return Number(res.numDeletedRows);
}
