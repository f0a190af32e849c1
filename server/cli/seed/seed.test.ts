import { afterEach, describe, expect, it, vi } from 'vitest';
import { useTestApp } from '../../../test/app.js';
import { isValidIdNumber, PHONE_RE } from '../../../common/schemas/people.js';
import type { ModuleDeclaration } from '../../modules/module.js';
import { buildDemo, DEMO_MARKER, seedDemoData } from './demo.js';
import { DEMO_ACCOUNTS, DEMO_ORG_NAMES, DEMO_PASSWORD } from './demo-accounts.js';
import { seedCommand } from './index.js';

const t = useTestApp();
const NOW = new Date('2026-11-24T08:00:00Z');

async function tableCounts() {
  const tables = ['orgs', 'persons', 'guardian_links', 'class_teachers', 'accounts', 'role_grants', 'audit_events'] as const;
  const out: Record<string, number> = {};
  for (const table of tables) {
    const row = await t.db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    out[table] = Number(row.n);
  }
  return out;
}

afterEach(() => vi.restoreAllMocks());

describe('demo seed', () => {
  // The tests below share this one seeded database, in order.
  let seenByModule: { orgs: number; accounts: number; now: Date } | undefined;
  const probe: Pick<ModuleDeclaration, 'name' | 'seedDemo'> = {
    name: 'probe',
    async seedDemo(db, now) {
      const orgs = await db
        .selectFrom('orgs')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      const accounts = await db
        .selectFrom('accounts')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      seenByModule = { orgs: Number(orgs.n), accounts: Number(accounts.n), now };
    },
  };

  it('writes the demo organisation: a group with two mines and its union, a school with 18 classes', async () => {
    const res = await seedDemoData(t.db, { now: NOW, modules: [probe] });
    expect(res.status).toBe('seeded');

    const orgs = await t.db.selectFrom('orgs').select(['id', 'parent_id', 'kind', 'name', 'depth']).execute();
    const byKind = (k: string) => orgs.filter((o) => o.kind === k);
    const [group] = byKind('group');
    expect(byKind('group').map((o) => o.name)).toEqual(['华能煤业集团']);
    expect(
      byKind('mine')
        .map((o) => o.name)
        .sort(),
    ).toEqual(['一号矿', '二号矿']);
    expect(byKind('mine').every((m) => m.parent_id === group.id)).toBe(true);
    const mineDepts = orgs.filter((o) => o.kind === 'department' && o.parent_id === byKind('mine')[0].id).map((o) => o.name);
    expect(mineDepts).toEqual(expect.arrayContaining(['生产部', '机电部', '安全部', '后勤部']));
    expect(byKind('team').length).toBeGreaterThanOrEqual(20);
    const [union] = byKind('unionCommittee');
    expect(union).toMatchObject({ name: '集团工会委员会', parent_id: group.id });
    expect(
      byKind('branchUnion')
        .map((o) => [o.name, o.parent_id])
        .sort(),
    ).toEqual([
      ['一号矿分工会', union.id],
      ['二号矿分工会', union.id],
    ]);

    const [school] = byKind('school');
    expect(school).toMatchObject({ name: '实验中学' });
    expect(
      byKind('grade')
        .map((o) => o.name)
        .sort(),
    ).toEqual(['初一', '初三', '初二'].sort());
    expect(byKind('office').map((o) => o.name)).toContain('教务处');
    const classes = byKind('class');
    expect(classes).toHaveLength(18);
    expect(classes.map((c) => c.name)).toEqual(expect.arrayContaining(['初一（1）班', '初二（6）班', '初三（4）班']));

    // The module hook ran after orgs and accounts existed, with the seed's clock.
    expect(seenByModule).toEqual({ orgs: orgs.length, accounts: DEMO_ACCOUNTS.length, now: NOW });
  });

  it('gives the mines about two thousand workers across all employment categories, ~92 % in the union', async () => {
    const workers = await t.db.selectFrom('persons').selectAll().where('kind', '=', 'worker').execute();
    expect(workers.length).toBeGreaterThanOrEqual(1900);
    expect(workers.length).toBeLessThanOrEqual(2100);
    const cats = new Map<string, number>();
    for (const w of workers) cats.set(w.employment_category!, (cats.get(w.employment_category!) ?? 0) + 1);
    expect([...cats.keys()].sort()).toEqual(['contract', 'dispatched', 'migrant', 'permanent', 'retired']);
    expect(cats.get('permanent')! + cats.get('contract')!).toBeGreaterThan(workers.length / 2);
    const members = workers.filter((w) => w.union_member === 1).length / workers.length;
    expect(members).toBeGreaterThan(0.88);
    expect(members).toBeLessThan(0.96);
    const positions = new Set(workers.map((w) => w.position));
    for (const p of ['采煤工', '掘进工', '电工', '安全员', '调度员', '食堂员工', '班组长']) expect(positions).toContain(p);

    // Well-formed and unique, as a real roster's would be.
    expect(workers.every((w) => PHONE_RE.test(w.phone!) && isValidIdNumber(w.id_number!))).toBe(true);
    expect(new Set(workers.map((w) => w.phone)).size).toBe(workers.length);
    expect(new Set(workers.map((w) => w.employee_no)).size).toBe(workers.length);
    expect(workers.every((w) => /^[\u4e00-\u9fa5]{2,4}$/.test(w.name))).toBe(true);
  });

  it('staffs every class with one head teacher and six subject teachers, ~45 students with 1–2 guardians each', async () => {
    const classes = await t.db.selectFrom('orgs').select(['id', 'name']).where('kind', '=', 'class').execute();
    const duties = await t.db.selectFrom('class_teachers').select(['class_id', 'teacher_id', 'duty', 'subject']).execute();
    const teachers = await t.db.selectFrom('persons').select(['id', 'subject']).where('kind', '=', 'teacher').execute();
    expect(teachers.length).toBeGreaterThanOrEqual(70);
    expect(teachers.length).toBeLessThanOrEqual(90);
    const subjects = new Set(teachers.map((x) => x.subject));
    for (const s of ['语文', '数学', '英语', '物理', '化学', '道德与法治', '历史', '地理', '生物', '体育', '音乐', '美术', '信息技术'])
      expect(subjects).toContain(s);
    for (const c of classes) {
      const mine = duties.filter((d) => d.class_id === c.id);
      expect(mine.filter((d) => d.duty === 'head')).toHaveLength(1);
      expect(mine.filter((d) => d.duty === 'subject')).toHaveLength(6);
    }
    // No teacher is head teacher of two classes.
    const heads = duties.filter((d) => d.duty === 'head').map((d) => d.teacher_id);
    expect(new Set(heads).size).toBe(18);

    const students = await t.db.selectFrom('persons').select(['id', 'org_id']).where('kind', '=', 'student').execute();
    for (const c of classes) {
      const n = students.filter((s) => s.org_id === c.id).length;
      expect(n).toBeGreaterThanOrEqual(42);
      expect(n).toBeLessThanOrEqual(48);
    }
    const links = await t.db.selectFrom('guardian_links').select(['student_id', 'relation']).execute();
    const perStudent = new Map<string, number>();
    for (const l of links) perStudent.set(l.student_id, (perStudent.get(l.student_id) ?? 0) + 1);
    expect(perStudent.size).toBe(students.length);
    expect([...perStudent.values()].every((n) => n === 1 || n === 2)).toBe(true);
    expect(new Set(links.map((l) => l.relation))).toEqual(new Set(['father', 'mother', 'grandfather', 'grandmother']));
  });

  it('lets every demo account sign in with demo1234, with the role and org the docs list', async () => {
    for (const a of DEMO_ACCOUNTS) {
      const c = t.client();
      const res = await c.login(a.username, DEMO_PASSWORD);
      expect(res.status, a.username).toBe(200);
      const me = await c.get('/api/v1/auth/me');
      expect(
        me.body.roles.map((r: any) => [r.role, r.orgName]),
        a.username,
      ).toEqual([[a.role, a.org ? DEMO_ORG_NAMES[a.org] : null]]);
      expect(me.body.account.personId === null, a.username).toBe(!a.person);
    }
  });

  it('links the school accounts to the right people: the head teacher heads 初一（1）班, the parent is the student’s guardian', async () => {
    const person = async (username: string) =>
      await t.db
        .selectFrom('accounts as a')
        .innerJoin('persons as p', 'p.id', 'a.person_id')
        .select(['p.id', 'p.kind', 'p.org_id', 'p.name'])
        .where('a.username', '=', username)
        .executeTakeFirstOrThrow();
    const class1 = await t.db.selectFrom('orgs').select('id').where('name', '=', '初一（1）班').executeTakeFirstOrThrow();
    const head = await person('head');
    const headDuty = await t.db.selectFrom('class_teachers').select('class_id').where('teacher_id', '=', head.id).where('duty', '=', 'head').execute();
    expect(headDuty.map((d) => d.class_id)).toEqual([class1.id]);

    const teacher = await person('teacher');
    const teacherDuties = await t.db.selectFrom('class_teachers').select(['class_id', 'duty']).where('teacher_id', '=', teacher.id).execute();
    expect(teacherDuties).toContainEqual({ class_id: class1.id, duty: 'subject' });
    expect(teacherDuties.some((d) => d.duty === 'head')).toBe(false);

    const student = await person('student');
    const parent = await person('parent');
    expect(student).toMatchObject({ kind: 'student', org_id: class1.id });
    const link = await t.db
      .selectFrom('guardian_links')
      .selectAll()
      .where('guardian_id', '=', parent.id)
      .where('student_id', '=', student.id)
      .executeTakeFirst();
    expect(link).toBeDefined();

    const parent2 = await person('parent2');
    const child2 = await t.db
      .selectFrom('guardian_links as l')
      .innerJoin('persons as s', 's.id', 'l.student_id')
      .innerJoin('orgs as o', 'o.id', 's.org_id')
      .select('o.name')
      .where('l.guardian_id', '=', parent2.id)
      .executeTakeFirstOrThrow();
    expect(child2.name).toBe('初一（2）班');

    const worker = await person('worker');
    expect(worker.kind).toBe('worker');
  });

  it('does nothing on a second run and says so', async () => {
    const before = await tableCounts();
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    await seedCommand(t.app.deps.database, ['--demo']);
    expect(log.mock.calls.flat().join('\n')).toMatch(/演示数据已存在，未做任何更改/);
    expect(await tableCounts()).toEqual(before);
  });

  it('leaves a database that already holds other organisations alone', async () => {
    await t.db.deleteFrom('kv').where('key', '=', DEMO_MARKER).execute();
    const before = await tableCounts();
    expect((await seedDemoData(t.db, { now: NOW })).status).toBe('notEmpty');
    expect(await tableCounts()).toEqual(before);
  });

  it('generates the same people on every run', () => {
    const a = buildDemo(NOW).roster.persons;
    const b = buildDemo(NOW).roster.persons;
    const fields = (p: (typeof a)[number]) =>
      [p.name, p.gender, p.employee_no, p.employment_category, p.position, p.phone, p.id_number, p.birth_date, p.subject].join('|');
    expect(b.map(fields)).toEqual(a.map(fields));
  });
});
