/**
 * The world the authorization matrix probes.
 *
 * Organisation A is the demo organisation (group, two mines, the union, a school), with one
 * demo account per role; on top of it the records each role is related to: the worker's own
 * appeal assigned to the handler's department, the parent's child in the head teacher's class.
 * Colleagues' records in A (another mine's worker, another class's child) are the "sibling"
 * targets. Organisation B is a second group and school, built here through the API by B's
 * own people, with the same kinds of records; every text in B carries MARKER, so a response
 * to anyone in A that contains it has leaked.
 */
import { expect } from 'vitest';
import type { Role } from '../../common/roles.js';
import { weekOf } from '../../common/school.js';
import { seedDemoData } from '../../server/cli/seed/demo.js';
import { DEMO_PASSWORD } from '../../server/cli/seed/demo-accounts.js';
import { modules } from '../../server/modules/registry.js';
import { newId, nowIso } from '../../server/core/ids.js';
import { Client, type TestEnv, type Response } from '../app.js';
import { checkKinds, loadParts, type LoadedPart, type SideContext } from './part.js';

export const MARKER = '乙方机密';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

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
  appeal: string;
  attachment: string;
  extension: string;
  groupAlert: string;
  term: string;
  closure: string;
  session: string;
  webhook: string;
  calendarOverride: string;
  /** A work report of the group (union roles) and of the school (school roles), left queued. */
  unionWorkReport: string;
  schoolWorkReport: string;
  import: string;
  account: string;
  grant: string;
  week: string;
  schoolDay: string;
  /** People nobody in the matrix is related to: what the routes that change, move or unlink people act on. */
  bystanderWorker: string;
  bystanderStudent: string;
  bystanderGuardian: string;
  bystanderTeacher: string;
  /** The modules' records (their `<m>.world.ts`), by kind. */
  [kind: string]: string;
}

export interface World {
  clients: Record<Role, Client>;
  own: Side;
  /** A's colleagues' records: another mine's appeal, another class. Only ids that differ from `own`. */
  sibling: Partial<Side>;
  other: Side;
  /** Per caller: its own token, notification and import batch; another account's for the rest. */
  tokenOf: Map<Client, string>;
  notificationOf: Map<Client, string>;
  importOf: Map<Client, string>;
  foreignToken: string;
  foreignNotification: string;
  /** The modules' parts that built records here; tests merge their segment, parameter and field kinds. */
  parts: LoadedPart[];
}

let address = 0;
/** A client with its own network address, so per-address limits don't conflate the people of the matrix. */
function newClient(t: TestEnv): Client {
  const c = t.client();
  c.remoteAddress = `10.9.${Math.floor(++address / 250)}.${(address % 250) + 1}`;
  return c;
}

async function ok(res: Promise<Response>, what: string): Promise<any> {
  const r = await res;
  if (r.status >= 300) throw new Error(`world: ${what} → ${r.status} ${r.text.slice(0, 300)}`);
  return r.body;
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

/** The most recent working day up to today that the school counts, so a session can be recorded on it. */
async function lastSchoolDay(c: Client, classId: string): Promise<string> {
  const today = new Date();
  const from = new Date(today.getTime() - 20 * 86_400_000).toISOString().slice(0, 10);
  const to = today.toISOString().slice(0, 10);
  const days = await ok(c.get(`/api/v1/school/classes/${classId}/days?from=${from}&to=${to}`), 'school days');
  const school = (days.items as { date: string; schoolDay: boolean }[]).filter((d) => d.schoolDay).map((d) => d.date);
  if (!school.length) throw new Error(`world: no school day in ${from}..${to}: ${JSON.stringify(days).slice(0, 300)}`);
  return school[school.length - 1];
}

async function xlsxTemplate(c: Client): Promise<Buffer> {
  const res = await c.get('/api/v1/imports/template.xlsx');
  expect(res.status).toBe(200);
  return res.raw;
}

export function multipart(
  field: string,
  filename: string,
  type: string,
  data: Buffer,
  fields: Record<string, string> = {},
): { body: Buffer; contentType: string } {
  const boundary = `----xq${newId().replace(/-/g, '')}`;
  const parts = Object.entries(fields).map(([k, v]) => Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${filename}"\r\nContent-Type: ${type}\r\n\r\n`);
  return { body: Buffer.concat([...parts, head, data, Buffer.from(`\r\n--${boundary}--\r\n`)]), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** A 1×1 PNG. */
export const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000105fe02fea70000000049454e44ae426082',
  'hex',
);

async function upload(c: Client, url: string, field: string, filename: string, type: string, data: Buffer, fields: Record<string, string> = {}): Promise<any> {
  const { body, contentType } = multipart(field, filename, type, data, fields);
  return ok(c.request('POST', url, body, { 'content-type': contentType }), `upload ${url}`);
}

/** An appeal by `author`, accepted and assigned to `department` by `staff`, with an attachment and an extension asked by `handler`. */
async function appealChain(author: Client, staff: Client, handler: Client, department: string, title: string) {
  const file = await upload(author, '/api/v1/appeals/attachments', 'file', 'photo.png', 'image/png', PNG);
  const appeal = await ok(
    author.post('/api/v1/appeals', { category: 'wages', title, description: `${title}：加班工资三个月没有发放`, attachmentIds: [file.id] }),
    'submit appeal',
  );
  await ok(staff.post(`/api/v1/appeals/${appeal.id}/accept`, {}), 'accept');
  await ok(staff.post(`/api/v1/appeals/${appeal.id}/assign`, { departmentId: department }), 'assign');
  await ok(handler.post(`/api/v1/appeals/${appeal.id}/extensions`, { days: 2, reason: `${title}：需要核对考勤` }), 'extension');
  const detail = await ok(staff.get(`/api/v1/appeals/${appeal.id}`), 'appeal detail');
  return { appeal: appeal.id as string, attachment: detail.attachments[0].id as string, extension: detail.extensions[0].id as string };
}

async function groupAlert(t: TestEnv, unitId: string, keywords: string): Promise<string> {
  const id = newId();
  const now = nowIso();
  await (t.db as any)
    .insertInto('appeal_group_alerts')
    .values({
      id,
      unit_id: unitId,
      category: 'wages',
      status: 'open',
      worker_count: 5,
      appeal_count: 5,
      keywords: JSON.stringify([keywords]),
      raised_at: now,
      decided_by: null,
      decided_at: null,
      decision_note: null,
      answer: null,
      answered_at: null,
      updated_at: now,
    })
    .execute();
  return id;
}

/** A queued work report, written directly: never generated here, so no probe waits on LibreOffice or a count. */
async function workReport(t: TestEnv, orgId: string, title: string): Promise<string> {
  const id = newId();
  const now = nowIso();
  const org = await (t.db as any).selectFrom('orgs').select('path').where('id', '=', orgId).executeTakeFirstOrThrow();
  await (t.db as any)
    .insertInto('work_reports')
    .values({
      id,
      org_id: orgId,
      org_path: org.path,
      kind: 'term',
      from_date: '2026-09-01',
      to_date: '2026-12-31',
      title,
      status: 'queued',
      progress: 0,
      version: 0,
      figures: null,
      narrative: JSON.stringify({ summary: title, sections: {}, plan: '' }),
      created_by: null,
      created_by_name: null,
      created_at: now,
      updated_at: now,
      generated_at: null,
    })
    .execute();
  return id;
}

async function notification(t: TestEnv, accountId: string, title: string): Promise<string> {
  const id = newId();
  await (t.db as any)
    .insertInto('notifications')
    .values({ id, account_id: accountId, kind: 'test', title, body: title, link: null, created_at: nowIso(), read_at: null })
    .execute();
  return id;
}

async function accountIdOf(t: TestEnv, username: string): Promise<{ id: string; person_id: string | null }> {
  const row = await (t.db as any).selectFrom('accounts').select(['id', 'person_id']).where('username', '=', username).executeTakeFirst();
  if (!row) throw new Error(`world: no account ${username}`);
  return row;
}

/** A school-side and a home-side write on `student`'s page for `week`, by the head teacher and the guardian. */
async function pageChain(head: Client, parent: Client, student: string, week: string, words: string) {
  await ok(head.request('PUT', `/api/v1/heart-bridge/students/${student}/weeks/${week}/school`, { atSchool: `${words}：在校表现很好` }), 'school side');
  await ok(parent.request('PUT', `/api/v1/heart-bridge/students/${student}/weeks/${week}/home`, { atHome: `${words}：在家认真完成作业` }), 'home side');
}

async function schoolRecords(admin: Client, head: Client, schoolId: string, classId: string, label: string) {
  const terms = await ok(admin.get(`/api/v1/school/schools/${schoolId}/terms`), 'terms');
  const today = new Date().toISOString().slice(0, 10);
  let term = (terms.items ?? terms).find((x: { startDate: string; endDate: string }) => x.startDate <= today && today <= x.endDate);
  if (!term) {
    const shift = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
    term = await ok(admin.post(`/api/v1/school/schools/${schoolId}/terms`, { name: `${label}学期`, startDate: shift(-90), endDate: shift(120) }), 'term');
  }
  const closure = await ok(
    admin.post(`/api/v1/school/schools/${schoolId}/closures`, {
      date: new Date(Date.now() + 100 * 86_400_000).toISOString().slice(0, 10),
      reason: `${label}停课`,
    }),
    'closure',
  );
  const day = await lastSchoolDay(head, classId);
  const existing = await ok(head.get(`/api/v1/moral-education/classes/${classId}/sessions?from=${day}&to=${day}`), 'sessions');
  const session =
    existing.items?.[0] ??
    (await ok(
      head.post(`/api/v1/moral-education/classes/${classId}/sessions`, { date: day, status: 'held', topic: `${label}话题`, reflection: `${label}感想` }),
      'session',
    ));
  // A class topic replaced for the day, so reverting it has something to revert.
  await ok(head.request('PUT', `/api/v1/moral-education/classes/${classId}/days/${day}/topic`, { topic: `${label}班会话题` }), 'replace topic');
  return { term: term.id as string, closure: closure.id as string, session: session.id as string, schoolDay: day };
}

async function bystanders(admin: Client, unionOrg: string, classId: string, schoolId: string, label: string) {
  const person = async (orgId: string, kind: string, name: string) =>
    (
      await ok(
        admin.post('/api/v1/people', { orgId, kind, name: `${label}${name}`, ...(kind === 'worker' ? { employmentCategory: 'contract' } : {}) }),
        `bystander ${name}`,
      )
    ).id as string;
  return {
    bystanderWorker: await person(unionOrg, 'worker', '旁观职工'),
    bystanderStudent: await person(classId, 'student', '旁观学生'),
    bystanderGuardian: await person(classId, 'guardian', '旁观家长'),
    bystanderTeacher: await person(schoolId, 'teacher', '旁观老师'),
  };
}

/** Builds A (the demo plus its related records) and B (through the API). Takes a few seconds. */
export async function buildWorld(t: TestEnv): Promise<World> {
  const seeded = await seedDemoData(t.db, { modules });
  if (seeded.status !== 'seeded') throw new Error(`world: demo seed ${seeded.status}`);

  const clients = {} as Record<Role, Client>;
  for (const [role, username] of Object.entries(DEMO_USER) as [Role, string][]) clients[role] = await signIn(t, username, DEMO_PASSWORD);
  const worker2 = await signIn(t, 'worker2', DEMO_PASSWORD);
  const handler2 = await signIn(t, 'handler2', DEMO_PASSWORD);
  const db = t.db as any;

  // ---- A: the records each role is related to ----
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

  const a1 = await appealChain(clients.worker, clients.unionStaff, clients.handler, department, '食堂饭菜涨价');
  const a2 = await appealChain(worker2, clients.unionStaff, handler2, department2, '宿舍热水不足');
  const mineA = await one(db.selectFrom('orgs').select('id').where('kind', '=', 'mine').where('name', '=', '一号矿').executeTakeFirst(), 'mine');
  const alertA = await groupAlert(t, mineA, '加班费');
  const week = weekOf(new Date().toISOString().slice(0, 10));
  const sA = await schoolRecords(clients.academicOffice, clients.headTeacher, schoolA, classId, '甲校');
  const session2 = (await db.selectFrom('moral_sessions').select('id').where('class_id', '=', class2).executeTakeFirst())?.id as string | undefined;
  const webhookA = await ok(clients.unionChair.post('/api/v1/webhooks', { orgId: groupA, flavor: 'wecom', url: 'http://127.0.0.1:9/hook-a' }), 'webhook A');
  const overrideA = await ok(
    clients.unionChair.post('/api/v1/calendar/overrides', { date: '2027-01-04', working: false, note: '甲方调休', orgId: groupA }),
    'override A',
  );
  const importOf = new Map<Client, string>();
  for (const [role, orgId] of [
    ['unionStaff', groupA],
    ['academicOffice', schoolA],
    ['sysAdmin', groupA],
  ] as [Role, string][]) {
    importOf.set(
      clients[role],
      (await upload(clients[role], '/api/v1/imports/people', 'file', 'roster.xlsx', XLSX, await xlsxTemplate(clients[role]), { orgId })).id,
    );
  }
  const importA = { id: importOf.get(clients.unionStaff)! };
  const bystanderA = await ok(
    clients.sysAdmin.post('/api/v1/accounts', {
      username: 'bystander.a',
      displayName: '甲方旁观者',
      password: 'Bystander-1a',
      grants: [{ role: 'worker', orgId: mineA }],
    }),
    'bystander A',
  );

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
    ...a1,
    groupAlert: alertA,
    ...sA,
    webhook: webhookA.id,
    calendarOverride: overrideA.id,
    unionWorkReport: await workReport(t, groupA, '甲方工作总结'),
    schoolWorkReport: await workReport(t, schoolA, '甲校工作总结'),
    import: importA.id,
    account: bystanderA.id,
    grant: bystanderA.grants?.[0]?.id,
    week,
    ...(await bystanders(clients.sysAdmin, workerOrg, classId, schoolA, '')),
  };
  const sibling: Partial<Side> = { ...a2, department: department2, student: child2, schoolOrg: class2, ...(session2 ? { session: session2 } : {}) };

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
  const bWorker = await accountB('b.worker', 'worker', mineB, workerB);
  const bStaff = await accountB('b.staff', 'unionStaff', groupB, null);
  const bChair = await accountB('b.chair', 'unionChair', groupB, null);
  const bHandler = await accountB('b.handler', 'handler', deptB, null);
  const bHead = await accountB('b.head', 'headTeacher', classB, teacherB);
  const bParent = await accountB('b.parent', 'parent', classB, guardianB);
  const bPrincipal = await accountB('b.principal', 'principal', schoolB, null);

  const aB = await appealChain(bWorker, bStaff, bHandler, deptB, `${MARKER}工资拖欠`);
  const alertB = await groupAlert(t, mineB, MARKER);
  const sB = await schoolRecords(bPrincipal, bHead, schoolB, classB, MARKER);
  await pageChain(bHead, bParent, studentB, week, MARKER);
  const webhookB = await ok(bChair.post('/api/v1/webhooks', { orgId: groupB, flavor: 'wecom', url: 'http://127.0.0.1:9/hook-b' }), 'webhook B');
  const overrideB = await ok(
    bChair.post('/api/v1/calendar/overrides', { date: '2027-01-05', working: false, note: `${MARKER}调休`, orgId: groupB }),
    'override B',
  );
  const importB = await upload(bStaff, '/api/v1/imports/people', 'file', 'roster.xlsx', XLSX, await xlsxTemplate(bStaff), { orgId: groupB });
  const bystanderB = await ok(
    admin.post('/api/v1/accounts', {
      username: 'bystander.b',
      displayName: `${MARKER}旁观者`,
      password: 'Bystander-1b',
      grants: [{ role: 'worker', orgId: mineB }],
    }),
    'bystander B',
  );
  const bRep = await accountB('b.rep', 'representative', teamB, await personB(teamB, 'worker', '代表'));
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
    ...aB,
    groupAlert: alertB,
    ...sB,
    webhook: webhookB.id,
    calendarOverride: overrideB.id,
    unionWorkReport: await workReport(t, groupB, `${MARKER}工作总结`),
    schoolWorkReport: await workReport(t, schoolB, `${MARKER}学校工作总结`),
    import: importB.id,
    account: bystanderB.id,
    grant: bystanderB.grants?.[0]?.id,
    week,
    ...(await bystanders(admin, teamB, classB, schoolB, MARKER)),
  };

  // ---- the modules' records (their <m>.world.ts), in A and in B ----
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
  const bClients: Partial<Record<Role, Client>> = {
    worker: bWorker,
    unionStaff: bStaff,
    unionChair: bChair,
    handler: bHandler,
    representative: bRep,
    headTeacher: bHead,
    parent: bParent,
    principal: bPrincipal,
  };
  const sideA: SideContext = {
    t,
    side: 'own',
    label: '甲方',
    clients,
    accounts: await accountsOf(DEMO_USER),
    account: account('a'),
    orgs: { group: groupA, mine: mineA, department, team: workerOrg, school: schoolA, class: classId },
    people: { worker: workerAcc.person_id!, student: studentAcc.person_id!, guardian: parentAcc.person_id!, teacher: teacherAcc.person_id! },
  };
  const sideB: SideContext = {
    t,
    side: 'other',
    label: MARKER,
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
  };
  for (const p of parts) {
    Object.assign(own, await p.world!.build(sideA));
    Object.assign(other, await p.world!.build(sideB));
  }
  checkKinds(parts, own);

  // ---- per caller: its own token and notification ----
  const tokenOf = new Map<Client, string>();
  const notificationOf = new Map<Client, string>();
  for (const [role, c] of Object.entries(clients) as [Role, Client][]) {
    tokenOf.set(c, (await ok(c.post('/api/v1/auth/tokens', { name: `${role} 的令牌` }), 'token')).id);
    notificationOf.set(c, await notification(t, (await accountIdOf(t, DEMO_USER[role])).id, `${role} 的通知`));
  }
  const foreignToken = (await ok(bWorker.post('/api/v1/auth/tokens', { name: `${MARKER}令牌` }), 'token B')).id;
  const foreignNotification = await notification(t, (await accountIdOf(t, 'b.worker')).id, `${MARKER}通知`);
  return { clients, own, sibling, other, tokenOf, notificationOf, importOf, foreignToken, foreignNotification, parts };
}
