import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app.js';
import { idNumber } from './people.fixtures.js';

const t = useTestApp();

/** A group with two mines; each mine has a production department with a team. */
async function tree() {
  const group = await t.org('华能煤业集团');
  const mineA = await t.org('一号矿', 'mine', group);
  const prodA = await t.org('生产部', 'department', mineA);
  const teamA = await t.org('采煤一队', 'team', prodA);
  const mineB = await t.org('二号矿', 'mine', group);
  const prodB = await t.org('生产部', 'department', mineB);
  return { group, mineA, prodA, teamA, mineB, prodB };
}

const audits = (entityId: string) => t.db.selectFrom('audit_events').selectAll().where('entity_id', '=', entityId).orderBy('at').execute();

describe('people list', () => {
  it('shows a union chair the whole subtree of the grant and nothing of the other mine', async () => {
    const w = await tree();
    const a1 = await t.person(w.teamA, { name: '赵一', employment_category: 'contract' });
    const a2 = await t.person(w.mineA, { name: '钱二', employment_category: 'permanent' });
    await t.person(w.prodB, { name: '孙三' });
    const chair = await t.user([{ role: 'unionChair', org: w.mineA }]);
    const res = await chair.get('/api/v1/people');
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(2);
    expect(res.body.items.map((p: any) => p.id).sort()).toEqual([a1.id, a2.id].sort());
    expect(res.body.items.find((p: any) => p.id === a1.id)).toMatchObject({
      orgId: w.teamA.id,
      orgName: '采煤一队',
      employmentCategory: 'contract',
      unionMember: true,
    });
    // The other mine as a filter: not visible, so "not found" rather than an empty list.
    expect((await chair.get(`/api/v1/people?orgId=${w.mineB.id}`)).status).toBe(404);
    // A subtree inside the grant narrows the list to it.
    const team = await chair.get(`/api/v1/people?orgId=${w.prodA.id}`);
    expect(team.body.items.map((p: any) => p.name)).toEqual(['赵一']);
  });

  it('filters by kind, category, union membership and q (name or employee number), pages and sorts', async () => {
    const w = await tree();
    const names = ['甲', '乙', '丙', '丁', '戊'];
    for (let i = 0; i < names.length; i++) {
      await t.person(w.teamA, { name: `王${names[i]}`, employment_category: i % 2 ? 'dispatched' : 'contract', employee_no: `A${100 + i}` });
    }
    await t.person(w.teamA, { name: '李老师', kind: 'teacher' });
    const staff = await t.user([{ role: 'unionStaff', org: w.mineA }]);
    const dispatched = await staff.get(`/api/v1/people?category=dispatched&kind=worker`);
    expect(dispatched.body.items.map((p: any) => p.name).sort()).toEqual(['王丁', '王乙'].sort());
    expect((await staff.get('/api/v1/people?kind=teacher')).body.items.map((p: any) => p.name)).toEqual(['李老师']);
    expect((await staff.get('/api/v1/people?q=A102')).body.items.map((p: any) => p.employeeNo)).toEqual(['A102']);
    expect((await staff.get(`/api/v1/people?q=${encodeURIComponent('王丙')}`)).body.total).toBe(1);
    // All factory people are union members.
    expect((await staff.get('/api/v1/people?unionMember=0')).body.total).toBe(0);
    const page2 = await staff.get('/api/v1/people?kind=worker&sort=employeeNo&order=desc&page=2&pageSize=2');
    expect(page2.body).toMatchObject({ total: 5, page: 2, pageSize: 2 });
    expect(page2.body.items.map((p: any) => p.employeeNo)).toEqual(['A102', 'A101']);
    const bad = await staff.get('/api/v1/people?sort=phone');
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('query.sort');
  });

  it('hides archived people unless asked for them', async () => {
    const w = await tree();
    const p = await t.person(w.teamA, { name: '离职者' });
    const staff = await t.user([{ role: 'unionStaff', org: w.mineA }]);
    expect((await staff.post(`/api/v1/people/${p.id}/archive`)).status).toBe(200);
    expect((await staff.get('/api/v1/people')).body.items.map((x: any) => x.id)).not.toContain(p.id);
    expect((await staff.get('/api/v1/people?archived=1')).body.items.map((x: any) => x.id)).toEqual([p.id]);
  });

  it('follows an org when it moves to another mine', async () => {
    const w = await tree();
    const p = await t.person(w.teamA, { name: '随队调动' });
    const admin = await t.user([{ role: 'sysAdmin', org: null }]);
    expect((await admin.patch(`/api/v1/orgs/${w.prodA.id}`, { parentId: w.mineB.id })).status).toBe(200);
    const inB = await admin.get(`/api/v1/people?orgId=${w.mineB.id}`);
    expect(inB.body.items.map((x: any) => x.id)).toEqual([p.id]);
    expect((await admin.get(`/api/v1/people?orgId=${w.mineA.id}`)).body.total).toBe(0);
    // And the reach of a grant follows too: mine B's chair now sees the person, mine A's does not.
    const chairB = await t.user([{ role: 'unionChair', org: w.mineB }]);
    const chairA = await t.user([{ role: 'unionChair', org: w.mineA }]);
    expect((await chairB.get(`/api/v1/people/${p.id}`)).status).toBe(200);
    expect((await chairA.get(`/api/v1/people/${p.id}`)).status).toBe(404);
  });

  it('lets people without people.read see nobody', async () => {
    const w = await tree();
    await t.person(w.teamA);
    const worker = await t.user([{ role: 'worker', org: w.mineA }]);
    const res = await worker.get('/api/v1/people');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ total: 0, items: [] });
    expect((await t.client().get('/api/v1/people')).status).toBe(401);
  });
});

describe('contact masking', () => {
  it('masks phones for roles without people.readContact, per org, and identity numbers in every list', async () => {
    const w = await tree();
    const id = idNumber('19800101', 17);
    const a = await t.person(w.teamA, { name: '联系人甲', phone: '13812341234', id_number: id });
    const b = await t.person(w.prodB, { name: '联系人乙', phone: '13912345678', id_number: idNumber('19790505', 3) });
    const chair = await t.user([{ role: 'unionChair', org: w.group }]);
    const mediator = await t.user([{ role: 'mediator', org: w.group }]);
    // Mediator across the group, union chair only over mine A: contacts of A in full, B masked.
    const mixed = await t.user([
      { role: 'mediator', org: w.group },
      { role: 'unionChair', org: w.mineA },
    ]);
    const find = async (c: typeof chair, pid: string) => (await c.get(`/api/v1/people?orgId=${w.group.id}`)).body.items.find((p: any) => p.id === pid);
    const masked = `${id.slice(0, 3)}***********${id.slice(-4)}`;
    expect(await find(chair, a.id)).toMatchObject({ phone: '13812341234', idNumber: masked });
    expect(await find(mediator, a.id)).toMatchObject({ phone: '138****1234', idNumber: masked });
    expect(await find(mixed, a.id)).toMatchObject({ phone: '13812341234', idNumber: masked });
    expect((await chair.get(`/api/v1/people/${a.id}`)).body.idNumber).toBe(id);
    expect((await find(mixed, b.id)).phone).toBe('139****5678');
    const detail = await mediator.get(`/api/v1/people/${a.id}`);
    expect(detail.body).toMatchObject({ phone: '138****1234', contactVisible: false });
    expect(detail.body.idNumber).not.toContain('19800101');
  });

  it('does not let a phone search find people whose numbers the caller may not read', async () => {
    const w = await tree();
    await t.person(w.teamA, { name: '号码主人', phone: '13700001111' });
    const mediator = await t.user([{ role: 'mediator', org: w.group }]);
    const chair = await t.user([{ role: 'unionChair', org: w.group }]);
    expect((await mediator.get('/api/v1/people?q=13700001111')).body.total).toBe(0);
    expect((await chair.get('/api/v1/people?q=13700001111')).body.items.map((p: any) => p.name)).toEqual(['号码主人']);
  });

  it('audits a detail read that shows contacts in full, and not a masked one', async () => {
    const w = await tree();
    const p = await t.person(w.teamA, { phone: '13812340000' });
    const mediator = await t.user([{ role: 'mediator', org: w.group }]);
    const chair = await t.user([{ role: 'unionChair', org: w.group }]);
    await mediator.get(`/api/v1/people/${p.id}`);
    expect((await audits(p.id)).filter((e) => e.action === 'person.readSensitive')).toHaveLength(0);
    const res = await chair.get(`/api/v1/people/${p.id}`);
    expect(res.body).toMatchObject({ phone: '13812340000', contactVisible: true });
    const events = (await audits(p.id)).filter((e) => e.action === 'person.readSensitive');
    expect(events).toHaveLength(1);
    expect(events[0].actor_id).toBe(chair.accountId);
    expect(JSON.parse(events[0].changes!)).toEqual({ fields: ['phone'] });
  });
});

describe('people writes', () => {
  it('creates a person in a managed org, derives birth date and sex from the identity number, and audits it with masked contacts', async () => {
    const w = await tree();
    const staff = await t.user([{ role: 'unionStaff', org: w.mineA }]);
    const id = idNumber('19900215', 13);
    const res = await staff.post('/api/v1/people', {
      orgId: w.teamA.id,
      kind: 'worker',
      name: '新职工',
      employeeNo: 'N001',
      employmentCategory: 'migrant',
      phone: '13600001234',
      idNumber: id,
      unionMember: true,
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ name: '新职工', orgName: '采煤一队', birthDate: '1990-02-15', gender: 'male', unionMember: true, phone: '13600001234' });
    const list = await staff.get(`/api/v1/people?orgId=${w.teamA.id}`);
    expect(list.body.items.map((p: any) => p.id)).toContain(res.body.id);
    const [event] = await audits(res.body.id);
    expect(event.action).toBe('person.create');
    const changes = JSON.parse(event.changes!);
    expect(changes.name).toEqual([null, '新职工']);
    expect(changes.phone).toEqual([null, '136****1234']);
    expect(JSON.stringify(changes)).not.toContain('13600001234');
  });

  it('answers 404 for an org out of reach and 403 where the role may see but not manage', async () => {
    const w = await tree();
    const staffA = await t.user([{ role: 'unionStaff', org: w.mineA }]);
    const chair = await t.user([{ role: 'unionChair', org: w.group }]);
    expect((await staffA.post('/api/v1/people', { orgId: w.prodB.id, kind: 'worker', name: '越界' })).status).toBe(404);
    const denied = await chair.post('/api/v1/people', { orgId: w.prodA.id, kind: 'worker', name: '无权' });
    expect(denied.status).toBe(403);
    expect(denied.body.detail).toBe('您没有执行此操作的权限');
    const count = await t.db
      .selectFrom('persons')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('name', 'in', ['越界', '无权'])
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(0);
  });

  it('rejects a bad phone or identity number with Chinese field errors', async () => {
    const w = await tree();
    const staff = await t.user([{ role: 'unionStaff', org: w.mineA }]);
    const good = idNumber('19900215', 13);
    const badCheck = good.slice(0, 17) + (good[17] === '1' ? '2' : '1');
    const res = await staff.post('/api/v1/people', { orgId: w.teamA.id, kind: 'worker', name: '错号', phone: '23600001234', idNumber: badCheck });
    expect(res.status).toBe(400);
    const byField = Object.fromEntries(res.body.errors.map((e: any) => [e.field, e.message]));
    expect(byField['body.phone']).toBe('手机号应为以 1 开头的 11 位数字');
    expect(byField['body.idNumber']).toMatch(/校验位/);
  });

  it('refuses an employee number another active person of the organisation holds', async () => {
    const w = await tree();
    await t.person(w.prodB, { employee_no: 'D-9' });
    const staff = await t.user([{ role: 'unionStaff', org: w.mineA }]);
    const res = await staff.post('/api/v1/people', { orgId: w.teamA.id, kind: 'worker', name: '重号', employeeNo: 'D-9' });
    expect(res.status).toBe(409);
    expect(res.body.detail).toContain('D-9');
  });

  it('updates with an audited diff, and moving someone needs people.manage on both orgs', async () => {
    const w = await tree();
    const p = await t.person(w.teamA, { name: '调动者', employment_category: 'contract' });
    const staffA = await t.user([{ role: 'unionStaff', org: w.mineA }]);
    const res = await staffA.patch(`/api/v1/people/${p.id}`, { position: '班长', employmentCategory: 'permanent' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ position: '班长', employmentCategory: 'permanent' });
    const [, event] = await audits(p.id).then((e) => [null, e.find((x) => x.action === 'person.update')!]);
    expect(JSON.parse(event!.changes!)).toEqual({ position: [null, '班长'], employment_category: ['contract', 'permanent'] });
    // Mine B is out of reach: 404, and the person stays where they were.
    expect((await staffA.patch(`/api/v1/people/${p.id}`, { orgId: w.prodB.id })).status).toBe(404);
    // Seen but not managed (chair of the group reads mine B but manages nothing): 403.
    const both = await t.user([
      { role: 'unionStaff', org: w.mineA },
      { role: 'unionChair', org: w.group },
    ]);
    expect((await both.patch(`/api/v1/people/${p.id}`, { orgId: w.prodB.id })).status).toBe(403);
    const staffBoth = await t.user([
      { role: 'unionStaff', org: w.mineA },
      { role: 'unionStaff', org: w.mineB },
    ]);
    const moved = await staffBoth.patch(`/api/v1/people/${p.id}`, { orgId: w.prodB.id });
    expect(moved.status).toBe(200);
    expect(moved.body.orgId).toBe(w.prodB.id);
    const staffB = await t.user([{ role: 'unionStaff', org: w.mineB }]);
    expect((await staffB.get(`/api/v1/people/${p.id}`)).status).toBe(200);
    expect((await staffA.get(`/api/v1/people/${p.id}`)).status).toBe(404);
  });

  it('archives once, audited, only with people.manage', async () => {
    const w = await tree();
    const p = await t.person(w.teamA);
    const chair = await t.user([{ role: 'unionChair', org: w.mineA }]);
    const staff = await t.user([{ role: 'unionStaff', org: w.mineA }]);
    expect((await chair.post(`/api/v1/people/${p.id}/archive`)).status).toBe(403);
    const res = await staff.post(`/api/v1/people/${p.id}/archive`);
    expect(res.body.archived).toBe(true);
    await staff.post(`/api/v1/people/${p.id}/archive`);
    expect((await audits(p.id)).filter((e) => e.action === 'person.archive')).toHaveLength(1);
  });
});

describe('people stats', () => {
  it('counts active people by category and kind within reach', async () => {
    const w = await tree();
    await t.person(w.teamA, { employment_category: 'contract' });
    await t.person(w.teamA, { employment_category: 'contract' });
    await t.person(w.mineA, { employment_category: 'retired' });
    await t.person(w.mineA, { kind: 'teacher', employment_category: 'permanent' });
    await t.person(w.prodB, { employment_category: 'contract' });
    const chair = await t.user([{ role: 'unionChair', org: w.mineA }]);
    const res = await chair.get('/api/v1/people/stats');
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(4);
    expect(res.body.byCategory).toEqual([
      { category: 'permanent', count: 1 },
      { category: 'contract', count: 2 },
      { category: 'retired', count: 1 },
    ]);
    expect(res.body.byKind).toEqual([
      { kind: 'worker', count: 3 },
      { kind: 'teacher', count: 1 },
    ]);
    expect((await chair.get(`/api/v1/people/stats?orgId=${w.teamA.id}`)).body.total).toBe(2);
    expect((await chair.get(`/api/v1/people/stats?orgId=${w.mineB.id}`)).status).toBe(404);
  });
});
