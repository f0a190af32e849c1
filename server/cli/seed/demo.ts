/**
 * The demo organisation: a mining group with two mines, its union committee, about two
 * thousand workers, and a middle school with eighteen classes — then one account per role
 * and every module's own demo records. Runs only on an empty database.
 */
import type { Db } from '../../core/db/database.js';
import type { PersonTable } from '../../core/db/schema.js';
import { createAccount } from '../../core/accounts/accounts.service.js';
import { hashPassword } from '../../core/auth/password.js';
import { recordAudit } from '../../core/audit/audit.js';
import { systemContext } from '../../core/context.js';
import type { ModuleDeclaration } from '../../modules/module.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, type DemoOrg, type DemoPerson } from './demo-accounts.js';
import { fullName, IdentityPool } from './identity.js';
import { buildMine, type BuiltMine } from './mine.js';
import { Rng } from '../../core/random.js';
import { Roster, type OrgNode } from './roster.js';
import { buildSchool } from './school.js';

/** kv key written in the same transaction as the demo; it makes a second run a no-op. */
export const DEMO_MARKER = 'seed.demo';
/** Fixed, so every run yields the same names, numbers and proportions. */
export const DEMO_SEED = 20261124;

export interface DemoCounts {
  orgs: number;
  workers: number;
  teachers: number;
  students: number;
  guardians: number;
  accounts: number;
}

export type DemoResult = { status: 'seeded'; counts: DemoCounts; ms: number } | { status: 'alreadySeeded' } | { status: 'notEmpty' };

export interface DemoOptions {
  now?: Date;
  modules?: readonly Pick<ModuleDeclaration, 'name' | 'seedDemo'>[];
}

export async function seedDemoData(db: Db, opts: DemoOptions = {}): Promise<DemoResult> {
  const started = Date.now();
  const now = opts.now ?? new Date();
  if (await hasMarker(db)) return { status: 'alreadySeeded' };
  if (await db.selectFrom('orgs').select('id').limit(1).executeTakeFirst()) return { status: 'notEmpty' };

  const demo = buildDemo(now);
  const counts: DemoCounts = {
    orgs: demo.roster.orgs.length,
    workers: demo.mines.reduce((n, m) => n + m.workers.length, 0),
    teachers: demo.school.teachers.length,
    students: demo.school.students.length,
    guardians: demo.school.guardians.length,
    accounts: DEMO_ACCOUNTS.length,
  };
  try {
    await db.transaction().execute(async (tx) => {
      // The marker goes first: a second instance seeding at the same moment fails on its
      // primary key and rolls back instead of writing a second demo.
      await tx
        .insertInto('kv')
        .values({ key: DEMO_MARKER, value: JSON.stringify(counts), updated_at: now.toISOString() })
        .execute();
      await demo.roster.write(tx);
      await recordAudit(tx, systemContext(), {
        action: 'demo.seed',
        entityType: 'org',
        entityId: demo.orgs.group.id,
        orgId: demo.orgs.group.id,
        changes: counts,
      });
    });
  } catch (err) {
    if (await hasMarker(db)) return { status: 'alreadySeeded' };
    throw err;
  }

  // One hash for all accounts: the KDF is deliberately slow.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const names = new Rng(DEMO_SEED + 7);
  for (const a of DEMO_ACCOUNTS) {
    const person = a.person ? demo.people[a.person] : null;
    await createAccount(db, systemContext(), {
      username: a.username,
      password: DEMO_PASSWORD,
      passwordHash,
      displayName: person?.name ?? (a.role === 'sysAdmin' ? '系统管理员' : fullName(names, names.chance(0.7) ? 'male' : 'female', 'adult')),
      phone: person?.phone ?? null,
      personId: person?.id ?? null,
      grants: [{ role: a.role, orgId: a.org ? demo.orgs[a.org].id : null }],
    });
  }

  for (const mod of opts.modules ?? []) {
    if (mod.seedDemo) await mod.seedDemo(db, now);
  }
  return { status: 'seeded', counts, ms: Date.now() - started };
}

async function hasMarker(db: Db) {
  return !!(await db.selectFrom('kv').select('key').where('key', '=', DEMO_MARKER).executeTakeFirst());
}

export function buildDemo(now: Date) {
  const year = now.getUTCFullYear();
  const roster = new Roster(now.toISOString());
  const pool = new IdentityPool(new Rng(DEMO_SEED + 1));

  const group = roster.org(null, 'group', '华能煤业集团', 'HNMY');
  const mines: BuiltMine[] = [
    buildMine(roster, new Rng(DEMO_SEED + 2), pool, group, { name: '一号矿', code: 'HNMY-01', number: 1, workers: 1040, year }),
    buildMine(roster, new Rng(DEMO_SEED + 3), pool, group, { name: '二号矿', code: 'HNMY-02', number: 2, workers: 960, year }),
  ];
  const union = roster.org(group, 'unionCommittee', '集团工会委员会');
  for (const m of mines) roster.org(union, 'branchUnion', `${m.mine.name}分工会`);

  const school = buildSchool(roster, new Rng(DEMO_SEED + 4), pool, null, {
    name: '实验中学',
    code: 'SYZX',
    year,
    month: now.getUTCMonth() + 1,
    classesPerGrade: 6,
    studentsPerClass: [42, 48],
    staffPrefix: 'T',
  });
  const [class1, class2] = school.classes;

  const production = (m: BuiltMine) => m.departments.find((d) => d.node.name === '生产部')!;
  const orgs: Record<Exclude<DemoOrg, null>, OrgNode> = {
    group,
    mine1: mines[0].mine,
    mine2: mines[1].mine,
    mine1Production: production(mines[0]).node,
    mine2Production: production(mines[1]).node,
    school: school.school,
    class1: class1.node,
    class2: class2.node,
  };

  // Demo people a visitor would recognise: an ordinary contract worker at the coal face,
  // a migrant worker at the other mine, a teacher who is no head teacher anywhere.
  const inTeam = (m: BuiltMine, team: string) => {
    const id = production(m).teams.find((t) => t.name === team)!.id;
    return m.workers.filter((w) => w.org_id === id && w.position !== '班组长');
  };
  const mine1Worker = inTeam(mines[0], '综采一队').find((w) => w.employment_category === 'contract' && w.union_member === 1)!;
  const mine2Team = inTeam(mines[1], '掘进一队');
  const mine2Worker = mine2Team.find((w) => w.employment_category === 'migrant' && w.union_member === 1) ?? mine2Team[0];
  const heads = new Set(school.classes.map((c) => c.head.id));
  const class1Teacher = [...class1.subjectTeachers.values()].find((t) => !heads.has(t.id))!;
  const class1Student = class1.students[0];
  const people: Record<DemoPerson, PersonTable> = {
    mine1Worker,
    mine2Worker,
    class1Head: class1.head,
    class1Teacher,
    class1Student,
    class1Parent: class1.guardians.get(class1Student.id)![0].person,
    class2Parent: class2.guardians.get(class2.students[0].id)![0].person,
  };
  return { roster, mines, school, orgs, people };
}
