/**
 * The world the authorization matrix probes: the harness.
 *
 * Organisation A is the demo organisation (group, two mines, the union, a school), with one
 * demo account per role; organisation B is a second group and school, made here through the
 * API, with B's own people and accounts; every text in B carries MARKER, so a response to
 * anyone in A that contains it has leaked. A's colleagues (another mine's worker and handler,
 * a class nobody in the matrix teaches) are the "sibling" targets.
 *
 * The records on top — appeals, terms, sessions, pages, work reports, and core's accounts,
 * tokens, notifications, imports, webhooks — come from the parts (test/authz/part.ts): each
 * module's `<m>.world.ts` and `server/core/core.world.ts`, built on A and then on B.
 */
import type { Role } from '../../common/roles.js';
import { seedDemoData } from '../../server/cli/seed/demo.js';
import { DEMO_PASSWORD } from '../../server/cli/seed/demo-accounts.js';
import { modules } from '../../server/modules/registry.js';
import { Client, type TestEnv } from '../app.js';
import { checkKinds, loadParts, ok, type LoadedPart, type SideContext } from './part.js';

export { multipart, PNG } from './part.js';
export const MARKER = '乙方机密';

/** The demo account of each role in A. */
export const DEMO_USER: Record<Role, string> = {
  sysAdmin: 'admin',
  unionChair: 'chair',
  unionStaff: 'staff',
  handler: 'handler',
  representative: 'rep',
  worker: 'worker',
  mediator: 'mediator',
  principal: 'principal',
  academicOffice: 'academic',
  headTeacher: 'head',
  subjectTeacher: 'teacher',
  parent: 'parent',
  student: 'student',
};

/** Ids of one organisation's records of every kind a route can name. */
export interface Side {
  unionOrg: string; // a team: the worker's own, inside every union role's grant
  schoolOrg: string; // a class: the head teacher's own
  school: string;
  group: string;
  department: string;
  worker: string; // person
  student: string; // person
  guardian: string; // person
  teacher: string; // person
  /** The parts' records (core's and the modules' `<m>.world.ts`), by kind. */
  [kind: string]: string;
}

export interface World {
  clients: Record<Role, Client>;
  own: Side;
  /** A's colleagues' records: another mine's appeal, another class. Only ids that differ from `own`. */
  sibling: Partial<Side>;
  other: Side;
  /** Per kind, the record each of A's callers owns (its token, notification, import batch: `SideContext.owns`). */
  owned: Record<string, Map<Client, string>>;
  /** The parts that built records here; tests merge their segment, parameter and field kinds. */
  parts: LoadedPart[];
}

let address = 0;
/** A client with its own network address, so per-address limits don't conflate the people of the matrix. */
function newClient(t: TestEnv): Client {
  const c = t.client();
  c.remoteAddress = `10.9.${Math.floor(++address / 250)}.${(address % 250) + 1}`;
  return c;
}

async function signIn(t: TestEnv, username: string, password: string): Promise<Client> {
  const c = newClient(t);
  const res = await c.login(username, password);
  if (res.status !== 200) throw new Error(`world: login ${username} → ${res.status} ${res.text}`);
  return c;
}

const one = async (q: Promise<{ id: string } | undefined>, what: string) => {
  const row = await q;
  if (!row) throw new Error(`world: no ${what}`);
  return row.id;
};

async function accountIdOf(t: TestEnv, username: string): Promise<{ id: string; person_id: string | null }> {
  const row = await (t.db as any).selectFrom('accounts').select(['id', 'person_id']).where('username', '=', username).executeTakeFirst();
  if (!row) throw new Error(`world: no account ${username}`);
  return row;
}

/** Builds A (the demo and its people) and B (through the API), then the parts' records on each. Takes a few seconds. */
export async function buildWorld(t: TestEnv): Promise<World> {
  const seeded = await seedDemoData(t.db, { modules });
  if (seeded.status !== 'seeded') throw new Error(`world: demo seed ${seeded.status}`);

  const clients = {} as Record<Role, Client>;
  for (const [role, username] of Object.entries(DEMO_USER) as [Role, string][]) clients[role] = await signIn(t, username, DEMO_PASSWORD);
  const worker2 = await signIn(t, 'worker2', DEMO_PASSWORD);
  const handler2 = await signIn(t, 'handler2', DEMO_PASSWORD);
  const db = t.db as any;

  // ---- A: the demo's orgs and people each role is related to ----
  const grantOrg = async (username: string) =>
    (await db
      .selectFrom('role_grants')
      .innerJoin('accounts', 'accounts.id', 'role_grants.account_id')
      .select('role_grants.org_id as id')
      .where('accounts.username', '=', username)
      .executeTakeFirst())!.id as string;
  const workerAcc = await accountIdOf(t, 'worker');
  const studentAcc = await accountIdOf(t, 'student');
  const parentAcc = await accountIdOf(t, 'parent');
  const teacherAcc = await accountIdOf(t, 'teacher');
  const department = await grantOrg('handler');
  const department2 = await grantOrg('handler2');
  const classId = await grantOrg('head');
  const taught = (
    await db
      .selectFrom('class_teachers')
      .innerJoin('accounts', 'accounts.person_id', 'class_teachers.teacher_id')
      .select('class_teachers.class_id')
      .where('accounts.username', 'in', ['head', 'teacher'])
      .execute()
  ).map((r: { class_id: string }) => r.class_id);
  // A colleague's class: in the same school, taught by neither the head teacher nor the subject teacher of the matrix.
  const class2 = await one(
    db.selectFrom('orgs').select('id').where('kind', '=', 'class').where('id', 'not in', taught).orderBy('name').executeTakeFirst(),
    'untaught class',
  );
  const schoolA = await one(db.selectFrom('orgs').select('id').where('kind', '=', 'school').executeTakeFirst(), 'school');
  const groupA = await one(db.selectFrom('orgs').select('id').where('kind', '=', 'group').executeTakeFirst(), 'group');
  const workerOrg = (await db.selectFrom('persons').select('org_id').where('id', '=', workerAcc.person_id).executeTakeFirst()).org_id as string;
  const child2 = await one(
    db.selectFrom('persons').select('id').where('org_id', '=', class2).where('kind', '=', 'student').orderBy('name').executeTakeFirst(),
    'student of the untaught class',
  );
  const mineA = await one(db.selectFrom('orgs').select('id').where('kind', '=', 'mine').where('name', '=', '一号矿').executeTakeFirst(), 'mine');

  const own: Side = {
    unionOrg: workerOrg,
    schoolOrg: classId,
    school: schoolA,
    group: groupA,
    department,
    worker: workerAcc.person_id!,
    student: studentAcc.person_id!,
    guardian: parentAcc.person_id!,
    teacher: teacherAcc.person_id!,
  };
  const sibling: Partial<Side> = { department: department2, student: child2, schoolOrg: class2 };

  // ---- B: a second organisation, built by its own people ----
  const admin = clients.sysAdmin;
  const orgB = async (name: string, kind: string, parentId: string | null) =>
    (await ok(admin.post('/api/v1/orgs', { name: `${MARKER}${name}`, kind, parentId }), `org ${name}`)).id as string;
  const groupB = await orgB('集团', 'group', null);
  const mineB = await orgB('矿', 'mine', groupB);
  const deptB = await orgB('生产部', 'department', mineB);
  const teamB = await orgB('综采队', 'team', deptB);
  const schoolB = await orgB('中学', 'school', null);
  const gradeB = await orgB('初一', 'grade', schoolB);
  const classB = await orgB('初一（1）班', 'class', gradeB);
  const personB = async (orgId: string, kind: string, name: string) =>
    (
      await ok(
        admin.post('/api/v1/people', { orgId, kind, name: `${MARKER}${name}`, ...(kind === 'worker' ? { employmentCategory: 'contract' } : {}) }),
        `person ${name}`,
      )
    ).id as string;
  const workerB = await personB(teamB, 'worker', '职工');
  const studentB = await personB(classB, 'student', '学生');
  const teacherB = await personB(schoolB, 'teacher', '老师');
  const guardianLink = await ok(admin.post(`/api/v1/people/${studentB}/guardians`, { guardian: { name: `${MARKER}家长` }, relation: 'mother' }), 'guardian B');
  const guardianB = guardianLink.items[0].guardianId as string;
  await ok(admin.post(`/api/v1/orgs/${classB}/teachers`, { teacherId: teacherB, duty: 'head' }), 'head teacher B');

  const accountB = async (username: string, role: Role, orgId: string, personId: string | null) => {
    await ok(
      admin.post('/api/v1/accounts', { username, displayName: `${MARKER}${role}`, password: 'Passw0rd-B1', personId, grants: [{ role, orgId }] }),
      `account ${username}`,
    );
    return signIn(t, username, 'Passw0rd-B1');
  };
  const bClients: Partial<Record<Role, Client>> = {
    worker: await accountB('b.worker', 'worker', mineB, workerB),
    unionStaff: await accountB('b.staff', 'unionStaff', groupB, null),
    unionChair: await accountB('b.chair', 'unionChair', groupB, null),
    handler: await accountB('b.handler', 'handler', deptB, null),
    headTeacher: await accountB('b.head', 'headTeacher', classB, teacherB),
    parent: await accountB('b.parent', 'parent', classB, guardianB),
    principal: await accountB('b.principal', 'principal', schoolB, null),
  };
  bClients.representative = await accountB('b.rep', 'representative', teamB, await personB(teamB, 'worker', '代表'));
  const other: Side = {
    unionOrg: teamB,
    schoolOrg: classB,
    school: schoolB,
    group: groupB,
    department: deptB,
    worker: workerB,
    student: studentB,
    guardian: guardianB,
    teacher: teacherB,
  };

  // ---- the parts' records (core.world.ts and each module's <m>.world.ts), in A and in B ----
  const parts = (await loadParts()).filter((p) => p.world);
  const accountsOf = async (names: Partial<Record<Role, string>>) => {
    const out: SideContext['accounts'] = {};
    for (const [role, username] of Object.entries(names) as [Role, string][]) {
      const a = await accountIdOf(t, username);
      out[role] = { id: a.id, personId: a.person_id };
    }
    return out;
  };
  let extra = 0;
  const account =
    (prefix: string) =>
    async (role: Role, orgId: string, personId: string | null = null) => {
      const username = `${prefix}.part${++extra}`;
      const created = await ok(
        admin.post('/api/v1/accounts', {
          username,
          displayName: `${prefix === 'b' ? MARKER : '甲方'}${role}`,
          password: 'Passw0rd-P1',
          personId,
          grants: [{ role, orgId }],
        }),
        `account ${username}`,
      );
      return { client: await signIn(t, username, 'Passw0rd-P1'), id: created.id as string };
    };
  const owned: World['owned'] = {};
  const sideA: SideContext = {
    t,
    side: 'own',
    label: '甲方',
    admin,
    clients,
    accounts: await accountsOf(DEMO_USER),
    account: account('a'),
    orgs: { group: groupA, mine: mineA, department, team: workerOrg, school: schoolA, class: classId },
    people: { worker: workerAcc.person_id!, student: studentAcc.person_id!, guardian: parentAcc.person_id!, teacher: teacherAcc.person_id! },
    built: own,
    colleagues: { clients: { worker: worker2, handler: handler2 }, orgs: { department: department2, class: class2 } },
    owns: (role, kind, id) => (owned[kind] ??= new Map()).set(clients[role], id),
  };
  const sideB: SideContext = {
    t,
    side: 'other',
    label: MARKER,
    admin,
    clients: bClients,
    accounts: await accountsOf({
      worker: 'b.worker',
      unionStaff: 'b.staff',
      unionChair: 'b.chair',
      handler: 'b.handler',
      representative: 'b.rep',
      headTeacher: 'b.head',
      parent: 'b.parent',
      principal: 'b.principal',
    }),
    account: account('b'),
    orgs: { group: groupB, mine: mineB, department: deptB, team: teamB, school: schoolB, class: classB },
    people: { worker: workerB, student: studentB, guardian: guardianB, teacher: teacherB },
    built: other,
    // B's records belong to B's side as a whole: the matrix never probes B as a caller.
    owns: () => undefined,
  };
  for (const p of parts) {
    Object.assign(own, await p.world!.build(sideA));
    if (p.world!.sibling) Object.assign(sibling, await p.world!.sibling(sideA));
    Object.assign(other, await p.world!.build(sideB));
  }
  checkKinds(parts, own, Object.keys(owned));
  return { clients, own, sibling, other, owned, parts };
}
