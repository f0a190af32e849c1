/**
 * Test support (used by the *.test.ts files of the school modules only): a small school
 * with two classes, their teachers, students and guardians, each with an account, and a
 * second school for "wrong school" checks. Built through the test harness factories.
 */
import type { Db } from '../../core/db/database.js';
import { newId, nowIso } from '../../core/ids.js';
import { invalidateSchoolCalendar } from './school.calendar.js';
import type { Role } from '../../../common/roles.js';

type OrgNode = { id: string; path: string; name: string };
interface SignedIn {
  accountId: string;
  cookie: string;
  username: string;
  get(url: string, headers?: Record<string, string>): Promise<{ status: number; body: any; text: string; headers: Record<string, any> }>;
  post(url: string, body?: unknown, headers?: Record<string, string>): Promise<{ status: number; body: any; text: string; headers: Record<string, any> }>;
  request(
    method: string,
    url: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<{ status: number; body: any; text: string; headers: Record<string, any> }>;
  patch(url: string, body?: unknown): Promise<{ status: number; body: any; text: string; headers: Record<string, any> }>;
  delete(url: string): Promise<{ status: number; body: any; text: string; headers: Record<string, any> }>;
}
export interface Harness<C extends SignedIn = SignedIn> {
  db: Db;
  org(name: string, kind?: string, parent?: { id: string; path: string } | null): Promise<OrgNode>;
  user(grants: { role: Role; org: { id: string } | null }[], opts?: { personId?: string; username?: string }): Promise<C>;
  person(org: { id: string }, fields?: Partial<{ name: string; kind: string }>): Promise<{ id: string; name: string }>;
}

export async function linkGuardian(db: Db, guardianId: string, studentId: string, relation = '母亲') {
  await db.insertInto('guardian_links').values({ guardian_id: guardianId, student_id: studentId, relation, created_at: nowIso() }).execute();
}

export async function linkTeacher(db: Db, classId: string, teacherId: string, duty: 'head' | 'subject', subject: string | null = null) {
  await db.insertInto('class_teachers').values({ class_id: classId, teacher_id: teacherId, duty, subject, created_at: nowIso() }).execute();
}

export async function addTerm(db: Db, schoolId: string, name: string, start: string, end: string) {
  const now = nowIso();
  await (db as any)
    .insertInto('school_terms')
    .values({ id: newId(), school_id: schoolId, name, start_date: start, end_date: end, created_at: now, updated_at: now })
    .execute();
  invalidateSchoolCalendar(db);
}

/**
 * 实验中学 → 初一 → (1)班 with students a1–a4, (2)班 with b1–b2; 初二 → (1)班 with c1.
 * Guardians: gA1 and gA1b of a1; gB1 of b1; gTwo of a2 and b2 (two children in two classes).
 * Teachers: headA (head of A), subjA (subject teacher of A and of C), headB (head of B).
 * Another school 育才中学 with class X, its head teacher, guardian and principal.
 * Term: 2026-09-01 … 2027-01-22 in both schools.
 */
export type SchoolWorld = Awaited<ReturnType<typeof schoolWorld>>;

export async function schoolWorld<C extends SignedIn>(t: Harness<C>) {
  const school = await t.org('实验中学', 'school');
  const grade1 = await t.org('初一', 'grade', school);
  const grade2 = await t.org('初二', 'grade', school);
  const classA = await t.org('初一（1）班', 'class', grade1);
  const classB = await t.org('初一（2）班', 'class', grade1);
  const classC = await t.org('初二（1）班', 'class', grade2);
  const student = (org: OrgNode, name: string) => t.person(org, { kind: 'student', name });
  const a1 = await student(classA, '王小明');
  const a2 = await student(classA, '李小红');
  const a3 = await student(classA, '张小刚');
  const a4 = await student(classA, '赵小丽');
  const b1 = await student(classB, '钱小兵');
  const b2 = await student(classB, '孙小梅');
  const c1 = await student(classC, '周小军');
  const person = (org: OrgNode, kind: string, name: string) => t.person(org, { kind, name });

  const pHeadA = await person(classA, 'teacher', '陈老师');
  const pSubjA = await person(classA, 'teacher', '刘老师');
  const pHeadB = await person(classB, 'teacher', '杨老师');
  await linkTeacher(t.db, classA.id, pHeadA.id, 'head');
  await linkTeacher(t.db, classA.id, pSubjA.id, 'subject', '数学');
  await linkTeacher(t.db, classC.id, pSubjA.id, 'subject', '数学');
  await linkTeacher(t.db, classB.id, pHeadB.id, 'head');

  const pgA1 = await person(classA, 'guardian', '王爸爸');
  const pgA1b = await person(classA, 'guardian', '王妈妈');
  const pgB1 = await person(classB, 'guardian', '钱妈妈');
  const pgTwo = await person(classA, 'guardian', '李妈妈');
  await linkGuardian(t.db, pgA1.id, a1.id, '父亲');
  await linkGuardian(t.db, pgA1b.id, a1.id, '母亲');
  await linkGuardian(t.db, pgB1.id, b1.id);
  await linkGuardian(t.db, pgTwo.id, a2.id);
  await linkGuardian(t.db, pgTwo.id, b2.id);

  const other = await t.org('育才中学', 'school');
  const otherGrade = await t.org('初一', 'grade', other);
  const classX = await t.org('初一（1）班', 'class', otherGrade);
  const x1 = await student(classX, '吴小东');
  const pHeadX = await person(classX, 'teacher', '郑老师');
  const pgX1 = await person(classX, 'guardian', '吴妈妈');
  await linkTeacher(t.db, classX.id, pHeadX.id, 'head');
  await linkGuardian(t.db, pgX1.id, x1.id);

  const users = {
    principal: await t.user([{ role: 'principal', org: school }]),
    academic: await t.user([{ role: 'academicOffice', org: school }]),
    headA: await t.user([{ role: 'headTeacher', org: classA }], { personId: pHeadA.id }),
    subjA: await t.user(
      [
        { role: 'subjectTeacher', org: classA },
        { role: 'subjectTeacher', org: classC },
      ],
      { personId: pSubjA.id },
    ),
    headB: await t.user([{ role: 'headTeacher', org: classB }], { personId: pHeadB.id }),
    gA1: await t.user([{ role: 'parent', org: classA }], { personId: pgA1.id }),
    gA1b: await t.user([{ role: 'parent', org: classA }], { personId: pgA1b.id }),
    gB1: await t.user([{ role: 'parent', org: classB }], { personId: pgB1.id }),
    gTwo: await t.user(
      [
        { role: 'parent', org: classA },
        { role: 'parent', org: classB },
      ],
      { personId: pgTwo.id },
    ),
    otherPrincipal: await t.user([{ role: 'principal', org: other }]),
    headX: await t.user([{ role: 'headTeacher', org: classX }], { personId: pHeadX.id }),
    gX1: await t.user([{ role: 'parent', org: classX }], { personId: pgX1.id }),
  };
  await addTerm(t.db, school.id, '2026—2027 学年第一学期', '2026-09-01', '2027-01-22');
  await addTerm(t.db, other.id, '2026—2027 学年第一学期', '2026-09-01', '2027-01-22');
  return { school, grade1, grade2, classA, classB, classC, a1, a2, a3, a4, b1, b2, c1, other, classX, x1, users };
}

/** Builds the world once for the file (pass vitest's beforeAll); its fields are there when the tests run. */
export function useSchoolWorld<C extends SignedIn>(t: Harness<C>, beforeAll: (fn: () => Promise<void>) => void): SchoolWorld {
  const w = {} as SchoolWorld;
  beforeAll(async () => {
    Object.assign(w, await schoolWorld(t));
  });
  return w;
}
