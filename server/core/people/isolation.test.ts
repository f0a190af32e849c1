/**
 * One mine must never see or change anything of another: every people, school-link,
 * import and org route, asked by people of mine A about things of mine B.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp, type Client, type Response } from '../../../test/app.js';
import type { Role } from '../../../common/roles.js';
import { rolePermissions } from '../rbac/permissions.js';
import { multipart, readXlsx, rosterXlsx } from './people.fixtures.js';

const t = useTestApp();

async function mine(group: { id: string; path: string }, tag: 'A' | 'B') {
  const m = await t.org(`${tag}矿`, 'mine', group);
  const dept = await t.org(`${tag}矿生产部`, 'department', m);
  const school = await t.org(`${tag}矿子弟学校`, 'school', m);
  const klass = await t.org(`${tag}矿初一（1）班`, 'class', school);
  // Mine B's people are all 'retired', mine A's never: a leak shows in any statistic.
  const category = tag === 'B' ? 'retired' : 'contract';
  const worker = await t.person(dept, { name: `${tag}-职工`, employment_category: category, phone: '13800000000', employee_no: `${tag}001` });
  const student = await t.person(klass, { name: `${tag}-学生`, kind: 'student', employment_category: category });
  const guardian = await t.person(klass, { name: `${tag}-家长`, kind: 'guardian', employment_category: category });
  const teacher = await t.person(school, { name: `${tag}-教师`, kind: 'teacher', employment_category: category });
  const teacher2 = await t.person(school, { name: `${tag}-教师二`, kind: 'teacher', employment_category: category });
  return { mine: m, dept, school, klass, worker, student, guardian, teacher, teacher2 };
}

type World = { A: Awaited<ReturnType<typeof mine>>; B: Awaited<ReturnType<typeof mine>>; batchB: string };

interface Case {
  name: string;
  send(c: Client, w: World): Promise<Response>;
  /**
   * A status, or what the answer must (not) contain. 'refusedA' is for acting on one's own
   * mine's record with a target in B: 404 (B does not exist) for a role that may act on A,
   * and 403 or 404 for a role that may not even do that.
   */
  expect: number | 'refusedA' | ((res: Response, w: World, role: Role) => void | Promise<void>);
  /** Permission needed for the A side of a 'refusedA' case. */
  needs?: 'people.manage' | 'org.manage';
}

const get = (url: (w: World) => string) => (c: Client, w: World) => c.get(url(w));
const post =
  (url: (w: World) => string, body: (w: World) => unknown = () => ({})) =>
  (c: Client, w: World) =>
    c.post(url(w), body(w));
const patch = (url: (w: World) => string, body: (w: World) => unknown) => (c: Client, w: World) => c.patch(url(w), body(w));
const del = (url: (w: World) => string) => (c: Client, w: World) => c.delete(url(w));
/** A file download: the bytes stand in the body, as the checks below read them. */
const download =
  (url: (w: World) => string) =>
  async (c: Client, w: World): Promise<Response> => {
    const res = await c.get(url(w));
    return { ...res, body: res.raw, text: '' };
  };
const uploadTo = (orgId: (w: World) => string) => async (c: Client, w: World) => {
  const { body, headers } = multipart(
    { orgId: orgId(w) },
    { name: 'b.xlsx', content: await rosterXlsx([['潜入者', 'Z1', '职工', null, null, null, null, null, null, null]]) },
  );
  return c.request('POST', '/api/v1/imports/people', body, headers);
};

const bIds = (w: World) => [w.B.worker.id, w.B.student.id, w.B.guardian.id, w.B.teacher.id, w.B.teacher2.id];
const bOrgIds = (w: World) => [w.B.mine.id, w.B.dept.id, w.B.school.id, w.B.klass.id];
const NOT_FOUND = 404;
const roleOf = (label: string) => label.split('@')[0] as Role;

const cases: Case[] = [
  // people: reads
  {
    name: 'GET /people',
    send: get(() => '/api/v1/people?pageSize=200'),
    expect: (r, w) => expect(r.body.items.map((p: any) => p.id).filter((id: string) => bIds(w).includes(id))).toEqual([]),
  },
  { name: 'GET /people?orgId=B', send: get((w) => `/api/v1/people?orgId=${w.B.mine.id}`), expect: NOT_FOUND },
  { name: 'GET /people?q=B name', send: get(() => `/api/v1/people?q=${encodeURIComponent('B-')}`), expect: (r) => expect(r.body.total).toBe(0) },
  { name: 'GET /people?category=retired', send: get(() => '/api/v1/people?category=retired'), expect: (r) => expect(r.body.total).toBe(0) },
  { name: 'GET /people/:B', send: get((w) => `/api/v1/people/${w.B.worker.id}`), expect: NOT_FOUND },
  {
    name: 'GET /people/stats',
    send: get(() => '/api/v1/people/stats'),
    expect: (r) => expect(r.body.byCategory.map((c: any) => c.category)).not.toContain('retired'),
  },
  { name: 'GET /people/stats?orgId=B', send: get((w) => `/api/v1/people/stats?orgId=${w.B.mine.id}`), expect: NOT_FOUND },
  {
    name: 'GET /people/export.xlsx',
    send: download(() => '/api/v1/people/export.xlsx'),
    expect: async (r, _w, role) => {
      // One who may read no one (the worker) is refused rather than sent a file of nothing (core sendXlsx); the others get A only.
      expect(r.status).toBe(rolePermissions()[role].has('people.read') ? 200 : 403);
      if (r.status === 200) expect((await readXlsx(r.body)).flat().filter((cell) => cell.startsWith('B-') || cell.startsWith('B矿'))).toEqual([]);
    },
  },
  { name: 'GET /people/export.xlsx?orgId=B', send: download((w) => `/api/v1/people/export.xlsx?orgId=${w.B.mine.id}`), expect: NOT_FOUND },
  // people: writes
  {
    name: 'POST /people into B',
    send: post(
      () => '/api/v1/people',
      (w) => ({ orgId: w.B.dept.id, kind: 'worker', name: '潜入者' }),
    ),
    expect: NOT_FOUND,
  },
  {
    name: 'PATCH /people/:B',
    send: patch(
      (w) => `/api/v1/people/${w.B.worker.id}`,
      () => ({ name: '改名' }),
    ),
    expect: NOT_FOUND,
  },
  {
    name: 'PATCH /people/:A → move into B',
    send: patch(
      (w) => `/api/v1/people/${w.A.worker.id}`,
      (w) => ({ orgId: w.B.dept.id }),
    ),
    expect: 'refusedA',
    needs: 'people.manage',
  },
  { name: 'POST /people/:B/archive', send: post((w) => `/api/v1/people/${w.B.worker.id}/archive`), expect: NOT_FOUND },
  // school links
  { name: 'GET /people/:B/guardians', send: get((w) => `/api/v1/people/${w.B.student.id}/guardians`), expect: NOT_FOUND },
  {
    name: 'POST /people/:B/guardians (new)',
    send: post(
      (w) => `/api/v1/people/${w.B.student.id}/guardians`,
      () => ({ guardian: { name: '潜入者' }, relation: 'other' }),
    ),
    expect: NOT_FOUND,
  },
  {
    name: 'POST /people/:B/guardians (B guardian)',
    send: post(
      (w) => `/api/v1/people/${w.B.student.id}/guardians`,
      (w) => ({ guardianId: w.B.guardian.id, relation: 'mother' }),
    ),
    expect: NOT_FOUND,
  },
  {
    name: 'POST /people/:A/guardians (B guardian)',
    send: post(
      (w) => `/api/v1/people/${w.A.student.id}/guardians`,
      (w) => ({ guardianId: w.B.guardian.id, relation: 'mother' }),
    ),
    expect: 'refusedA',
    needs: 'people.manage',
  },
  { name: 'DELETE /people/:B/guardians/:B', send: del((w) => `/api/v1/people/${w.B.student.id}/guardians/${w.B.guardian.id}`), expect: NOT_FOUND },
  { name: 'GET /orgs/:B/teachers', send: get((w) => `/api/v1/orgs/${w.B.klass.id}/teachers`), expect: NOT_FOUND },
  {
    name: 'POST /orgs/:B/teachers',
    send: post(
      (w) => `/api/v1/orgs/${w.B.klass.id}/teachers`,
      (w) => ({ teacherId: w.B.teacher2.id, duty: 'subject', subject: '数学' }),
    ),
    expect: NOT_FOUND,
  },
  {
    name: 'POST /orgs/:A/teachers (B teacher)',
    send: post(
      (w) => `/api/v1/orgs/${w.A.klass.id}/teachers`,
      (w) => ({ teacherId: w.B.teacher.id, duty: 'subject', subject: '语文' }),
    ),
    expect: 'refusedA',
    needs: 'people.manage',
  },
  { name: 'DELETE /orgs/:B/teachers/:B', send: del((w) => `/api/v1/orgs/${w.B.klass.id}/teachers/${w.B.teacher.id}`), expect: NOT_FOUND },
  // imports
  { name: 'POST /imports/people into B', send: uploadTo((w) => w.B.mine.id), expect: NOT_FOUND },
  { name: 'POST /imports/people into B dept', send: uploadTo((w) => w.B.dept.id), expect: NOT_FOUND },
  { name: 'GET /imports/:B batch', send: get((w) => `/api/v1/imports/${w.batchB}`), expect: NOT_FOUND },
  { name: 'POST /imports/:B batch/confirm', send: post((w) => `/api/v1/imports/${w.batchB}/confirm`), expect: NOT_FOUND },
  // orgs (core/org)
  {
    name: 'GET /orgs',
    send: get(() => '/api/v1/orgs'),
    expect: (r, w) => expect(r.body.items.map((o: any) => o.id).filter((id: string) => bOrgIds(w).includes(id))).toEqual([]),
  },
  { name: 'GET /orgs?under=B', send: get((w) => `/api/v1/orgs?under=${w.B.mine.id}`), expect: (r) => expect(r.body.items ?? []).toEqual([]) },
  { name: 'GET /orgs/:B', send: get((w) => `/api/v1/orgs/${w.B.mine.id}`), expect: NOT_FOUND },
  {
    name: 'POST /orgs under B',
    send: post(
      () => '/api/v1/orgs',
      (w) => ({ parentId: w.B.mine.id, kind: 'department', name: '潜入部' }),
    ),
    expect: NOT_FOUND,
  },
  {
    name: 'PATCH /orgs/:B',
    send: patch(
      (w) => `/api/v1/orgs/${w.B.dept.id}`,
      () => ({ name: '改名' }),
    ),
    expect: NOT_FOUND,
  },
  {
    name: 'PATCH /orgs/:B → move into A',
    send: patch(
      (w) => `/api/v1/orgs/${w.B.dept.id}`,
      (w) => ({ parentId: w.A.mine.id }),
    ),
    expect: NOT_FOUND,
  },
  {
    name: 'PATCH /orgs/:A → move under B',
    send: patch(
      (w) => `/api/v1/orgs/${w.A.dept.id}`,
      (w) => ({ parentId: w.B.mine.id }),
    ),
    expect: 'refusedA',
    needs: 'org.manage',
  },
  { name: 'DELETE /orgs/:B', send: del((w) => `/api/v1/orgs/${w.B.klass.id}`), expect: NOT_FOUND },
];

/** Everything of mine B a leak or a write could touch, as plain rows. */
async function snapshotB(w: World) {
  const db = t.db;
  const orgIds = bOrgIds(w);
  return {
    orgs: await db.selectFrom('orgs').selectAll().where('path', 'like', `${w.B.mine.path}%`).orderBy('id').execute(),
    persons: await db.selectFrom('persons').selectAll().where('org_id', 'in', orgIds).orderBy('id').execute(),
    guardians: await db.selectFrom('guardian_links').selectAll().where('student_id', '=', w.B.student.id).execute(),
    teachers: await db.selectFrom('class_teachers').selectAll().where('class_id', '=', w.B.klass.id).orderBy('teacher_id').execute(),
    batches: await db.selectFrom('import_batches').selectAll().where('org_id', 'in', orgIds).orderBy('id').execute(),
  };
}

describe('mine A never sees or changes mine B', () => {
  const w = {} as World;
  const actors: Record<string, Client> = {};
  let before: Awaited<ReturnType<typeof snapshotB>>;

  beforeAll(async () => {
    const group = await t.org('集团');
    Object.assign(w, { A: await mine(group, 'A'), B: await mine(group, 'B') });
    const staffB = await t.user([{ role: 'unionStaff', org: w.B.mine }]);
    await staffB.post(`/api/v1/orgs/${w.B.klass.id}/teachers`, { teacherId: w.B.teacher.id, duty: 'head' });
    await staffB.post(`/api/v1/people/${w.B.student.id}/guardians`, { guardianId: w.B.guardian.id, relation: 'mother' });
    const { body, headers } = multipart(
      { orgId: w.B.mine.id },
      { name: 'b.xlsx', content: await rosterXlsx([['B-待导入', 'B9', '职工', '退休', null, null, null, null, null, null]]) },
    );
    w.batchB = (await staffB.request('POST', '/api/v1/imports/people', body, headers)).body.id;
    expect(w.batchB).toBeTruthy();
    const roles: [string, Role][] = [
      ['sysAdmin@A', 'sysAdmin'],
      ['unionChair@A', 'unionChair'],
      ['unionStaff@A', 'unionStaff'],
      ['academicOffice@A', 'academicOffice'],
      ['mediator@A', 'mediator'],
      ['worker@A', 'worker'],
    ];
    for (const [label, role] of roles) actors[label] = await t.user([{ role, org: w.A.mine }], role === 'worker' ? { personId: w.A.worker.id } : {});
    before = await snapshotB(w);
  });

  for (const label of ['sysAdmin@A', 'unionChair@A', 'unionStaff@A', 'academicOffice@A', 'mediator@A', 'worker@A']) {
    describe(label, () => {
      it.each(cases.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
        const res = await c.send(actors[label], w);
        if (typeof c.expect === 'number') expect(res.status).toBe(c.expect);
        else if (c.expect === 'refusedA') expect(rolePermissions()[roleOf(label)].has(c.needs!) ? [404] : [403, 404]).toContain(res.status);
        else await c.expect(res, w, roleOf(label));
      });
    });
  }

  it('left every record of mine B exactly as it was', async () => {
    expect(await snapshotB(w)).toEqual(before);
    expect(before.persons).toHaveLength(5);
    expect(before.guardians).toHaveLength(1);
    expect(before.teachers).toHaveLength(1);
    expect(before.batches.map((b) => b.status)).toEqual(['preview']);
  });

  it('still lets each actor reach mine A where the role allows (the table is not vacuous)', async () => {
    expect((await actors['unionStaff@A'].get(`/api/v1/people/${w.A.worker.id}`)).status).toBe(200);
    expect((await actors['unionStaff@A'].get(`/api/v1/people?orgId=${w.A.mine.id}`)).body.total).toBe(5);
    expect((await actors['sysAdmin@A'].get(`/api/v1/orgs/${w.A.dept.id}`)).status).toBe(200);
    expect((await actors['academicOffice@A'].get(`/api/v1/orgs/${w.A.klass.id}/teachers`)).status).toBe(200);
    expect((await actors['mediator@A'].get('/api/v1/people/stats')).body.total).toBe(5);
  });
});
