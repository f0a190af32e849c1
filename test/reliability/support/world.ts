/**
 * A small organisation written straight into a database before any server starts (as an
 * operator's import or `xq users create` would): a group with a mine, a school with one
 * class of students and its head teacher, a term around today, and one account per role
 * the suites drive.
 */
import { createAccount } from '../../../server/core/accounts/accounts.service.js';
import { hashPassword } from '../../../server/core/auth/password.js';
import { systemContext } from '../../../server/core/context.js';
import type { Db } from '../../../server/core/db/database.js';
import { newId, nowIso } from '../../../server/core/ids.js';
import type { Role } from '../../../common/roles.js';

export const PASSWORD = 'Reliab1lity!xq';
let hash: Promise<string> | undefined;

type Node = { id: string; path: string; name: string };
export interface Account {
  id: string;
  username: string;
  password: string;
}
export interface World {
  group: Node;
  mine: Node;
  school: Node;
  cls: Node;
  students: { id: string; name: string }[];
  accounts: { admin: Account; staff: Account; worker: Account; teacher: Account };
}

async function org(db: Db, name: string, kind: string, parent: Node | null): Promise<Node> {
  const id = newId();
  const path = `${parent?.path ?? '/'}${id}/`;
  const now = nowIso();
  await db
    .insertInto('orgs')
    .values({
      id,
      parent_id: parent?.id ?? null,
      path,
      depth: path.split('/').length - 3,
      kind,
      name,
      code: null,
      sort_order: 0,
      created_at: now,
      updated_at: now,
    })
    .execute();
  return { id, path, name };
}

async function person(db: Db, orgId: string, kind: string, name: string) {
  const id = newId();
  const now = nowIso();
  await db
    .insertInto('persons')
    .values({
      id,
      org_id: orgId,
      kind,
      name,
      gender: null,
      employee_no: null,
      employment_category: kind === 'worker' ? 'contract' : null,
      position: null,
      union_member: kind === 'worker' ? 1 : 0,
      phone: null,
      id_number: null,
      birth_date: null,
      subject: null,
      archived: 0,
      created_at: now,
      updated_at: now,
    })
    .execute();
  return { id, name };
}

async function account(db: Db, username: string, grants: { role: Role; orgId: string | null }[], personId: string | null = null): Promise<Account> {
  hash ??= hashPassword(PASSWORD, { log2N: 10 });
  const acc = await createAccount(db, systemContext(), { username, password: PASSWORD, passwordHash: await hash, displayName: username, personId, grants });
  return { id: acc.id, username, password: PASSWORD };
}

const day = (d: Date) => d.toISOString().slice(0, 10);

export async function seedWorld(db: Db, opts: { students?: number } = {}): Promise<World> {
  const group = await org(db, '可靠性测试集团', 'group', null);
  const mine = await org(db, '一号矿', 'mine', group);
  // The school is its own root, so calendar adjustments the suites write on the group never change its school days.
  const school = await org(db, '可靠性实验中学', 'school', null);
  const grade = await org(db, '初一', 'grade', school);
  const cls = await org(db, '初一（1）班', 'class', grade);
  const students = [];
  for (let i = 0; i < (opts.students ?? 40); i++) students.push(await person(db, cls.id, 'student', `学生${String(i + 1).padStart(2, '0')}`));
  const teacher = await person(db, cls.id, 'teacher', '陈老师');
  await db.insertInto('class_teachers').values({ class_id: cls.id, teacher_id: teacher.id, duty: 'head', subject: null, created_at: nowIso() }).execute();
  const worker = await person(db, mine.id, 'worker', '王师傅');
  // A term from about four months ago to two months ahead: enough finished school weeks to write to.
  const now = new Date();
  await (db as any)
    .insertInto('school_terms')
    .values({
      id: newId(),
      school_id: school.id,
      name: '可靠性测试学期',
      start_date: day(new Date(now.getTime() - 120 * 86_400_000)),
      end_date: day(new Date(now.getTime() + 60 * 86_400_000)),
      created_at: nowIso(),
      updated_at: nowIso(),
    })
    .execute();
  const tag = Math.random().toString(36).slice(2, 7);
  const accounts = {
    admin: await account(db, `rel_admin_${tag}`, [{ role: 'sysAdmin', orgId: null }]),
    staff: await account(db, `rel_staff_${tag}`, [{ role: 'unionStaff', orgId: group.id }]),
    worker: await account(db, `rel_worker_${tag}`, [{ role: 'worker', orgId: mine.id }], worker.id),
    teacher: await account(db, `rel_teacher_${tag}`, [{ role: 'headTeacher', orgId: cls.id }], teacher.id),
  };
  return { group, mine, school, cls, students, accounts };
}
