/**
 * Benchmark data at three scales, written in bulk through Kysely with the demo seed's
 * generators (names, phones, identity numbers, mines, schools):
 *
 *   S ≈ 3 000 people,   ~200 org nodes
 *   M ≈ 10 000 people, ~2 000 org nodes
 *   L = 50 000 people, ~10 000 org nodes (groups → mines → departments → teams, unions, schools)
 *
 * Import `generate(db, scale)` from other benchmark files, or run it alone:
 *   node --import tsx bench/generate.ts L bench/.data/L.sqlite
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Role } from '../common/roles.js';
import { createAccount } from '../server/core/accounts/accounts.service.js';
import { hashPassword } from '../server/core/auth/password.js';
import { systemContext } from '../server/core/context.js';
import { openDatabase, type Db } from '../server/core/db/database.js';
import { migrateToLatest } from '../server/core/db/migrate.js';
import { house } from '../server/modules/registry.js';
import { IdentityPool } from '../server/cli/seed/identity.js';
import { buildMine, MINE_DEPARTMENTS, type DepartmentTemplate } from '../server/cli/seed/mine.js';
import { Rng } from '../server/core/random.js';
import { Roster } from '../server/cli/seed/roster.js';
import { buildSchool } from '../server/cli/seed/school.js';

export type Scale = 'S' | 'M' | 'L';
export const SCALES: readonly Scale[] = ['S', 'M', 'L'];

interface ScaleSpec {
  /** Everyone: workers fill up what the schools leave. */
  people: number;
  groups: number;
  minesPerGroup: number;
  departmentsPerMine: number;
  teamsPerDepartment: number;
  schools: number;
  classesPerGrade: number;
}

export const SCALE_SPECS: Record<Scale, ScaleSpec> = {
  S: { people: 3_000, groups: 1, minesPerGroup: 2, departmentsPerMine: 8, teamsPerDepartment: 10, schools: 1, classesPerGrade: 2 },
  M: { people: 10_000, groups: 1, minesPerGroup: 6, departmentsPerMine: 10, teamsPerDepartment: 30, schools: 1, classesPerGrade: 6 },
  L: { people: 50_000, groups: 2, minesPerGroup: 12, departmentsPerMine: 12, teamsPerDepartment: 33, schools: 4, classesPerGrade: 6 },
};

export interface Generated {
  scale: Scale;
  groups: string[];
  mines: string[];
  departments: string[];
  teams: string[];
  unionCommittees: string[];
  branchUnions: string[];
  schools: string[];
  grades: string[];
  classes: string[];
  offices: string[];
  workers: string[];
  teachers: string[];
  students: string[];
  guardians: string[];
  /** Every person id, workers first. */
  persons: string[];
  orgCount: number;
}

const GROUP_NAMES = ['华能煤业集团', '晋北能源集团', '太行矿业集团', '汾河煤电集团'];
const MINE_ORDINALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二', '十三', '十四', '十五', '十六'];
const EXTRA_DEPARTMENTS: DepartmentTemplate[] = [
  {
    name: '地测部',
    share: 0.04,
    maleShare: 0.85,
    teams: [],
    positions: [
      ['测量工', 50],
      ['地质员', 30],
      ['防治水工', 20],
    ],
  },
  {
    name: '选煤厂',
    share: 0.08,
    maleShare: 0.8,
    teams: [],
    positions: [
      ['选煤工', 60],
      ['浮选工', 20],
      ['装车工', 20],
    ],
  },
  {
    name: '综合办公室',
    share: 0.02,
    maleShare: 0.5,
    teams: [],
    positions: [
      ['文员', 60],
      ['档案员', 40],
    ],
  },
  {
    name: '人力资源部',
    share: 0.02,
    maleShare: 0.45,
    teams: [],
    positions: [
      ['人事专员', 70],
      ['培训员', 30],
    ],
  },
  {
    name: '财务部',
    share: 0.02,
    maleShare: 0.35,
    teams: [],
    positions: [
      ['会计', 60],
      ['出纳', 40],
    ],
  },
];
const SCHOOL_NAMES = ['实验中学', '矿区第一中学', '矿区第二中学', '育才中学', '光明中学', '新华中学'];

/** Departments of a benchmark mine: the demo's, then more, each with `teams` numbered teams. */
function departments(count: number, teams: number): DepartmentTemplate[] {
  const base = [...MINE_DEPARTMENTS, ...EXTRA_DEPARTMENTS];
  return Array.from({ length: count }, (_, i) => {
    const d = base[i % base.length];
    const name = i < base.length ? d.name : `${d.name}${Math.floor(i / base.length) + 1}`;
    const stem = d.name.replace(/部|室|厂|办公室$/, '');
    return {
      ...d,
      name,
      teams: Array.from({ length: teams }, (_, t) => ({ name: `${stem}${t + 1}班`, positions: d.teams[t % Math.max(1, d.teams.length)]?.positions })),
    };
  });
}

/** Writes the data set for `scale` into `db` (migrated, empty) and returns the ids it made. */
export async function generate(db: Db, scale: Scale, now = new Date()): Promise<Generated> {
  const spec = SCALE_SPECS[scale];
  const year = now.getUTCFullYear();
  const roster = new Roster(now.toISOString());
  const rng = new Rng(0x5eed + scale.charCodeAt(0));
  const pool = new IdentityPool(rng.fork(1));

  const schools = Array.from({ length: spec.schools }, (_, i) =>
    buildSchool(roster, rng.fork(100 + i), pool, null, {
      name: SCHOOL_NAMES[i % SCHOOL_NAMES.length] + (i >= SCHOOL_NAMES.length ? String(i + 1) : ''),
      code: null,
      year,
      month: now.getUTCMonth() + 1,
      classesPerGrade: spec.classesPerGrade,
      studentsPerClass: [42, 48],
      staffPrefix: `S${i + 1}T`,
    }),
  );
  const schoolPeople = roster.persons.length;
  const mineCount = spec.groups * spec.minesPerGroup;
  const perMine = Math.floor((spec.people - schoolPeople) / mineCount);
  let extra = spec.people - schoolPeople - perMine * mineCount;
  const template = departments(spec.departmentsPerMine, spec.teamsPerDepartment);

  const out: Generated = {
    scale,
    groups: [],
    mines: [],
    departments: [],
    teams: [],
    unionCommittees: [],
    branchUnions: [],
    schools: schools.map((s) => s.school.id),
    grades: schools.flatMap((s) => s.grades.map((g) => g.id)),
    classes: schools.flatMap((s) => s.classes.map((c) => c.node.id)),
    offices: schools.map((s) => s.office.id),
    workers: [],
    teachers: schools.flatMap((s) => s.teachers.map((t) => t.id)),
    students: schools.flatMap((s) => s.students.map((t) => t.id)),
    guardians: schools.flatMap((s) => s.guardians.map((t) => t.id)),
    persons: [],
    orgCount: 0,
  };

  let mineNo = 0;
  for (let g = 0; g < spec.groups; g++) {
    const group = roster.org(null, 'group', GROUP_NAMES[g % GROUP_NAMES.length] + (g >= GROUP_NAMES.length ? String(g + 1) : ''));
    out.groups.push(group.id);
    const union = roster.org(group, 'unionCommittee', '集团工会委员会');
    out.unionCommittees.push(union.id);
    for (let m = 0; m < spec.minesPerGroup; m++) {
      mineNo++;
      const workers = perMine + (extra > 0 ? 1 : 0);
      if (extra > 0) extra--;
      const name = `${MINE_ORDINALS[m] ?? String(m + 1)}号矿`;
      const mine = buildMine(roster, rng.fork(1000 + mineNo), pool, group, { name, code: null, number: mineNo, workers, year, departments: template });
      out.mines.push(mine.mine.id);
      for (const d of mine.departments) {
        out.departments.push(d.node.id);
        out.teams.push(...d.teams.map((t) => t.id));
      }
      out.workers.push(...mine.workers.map((w) => w.id));
      out.branchUnions.push(roster.org(union, 'branchUnion', `${name}分工会`).id);
    }
  }
  out.persons = [...out.workers, ...out.teachers, ...out.students, ...out.guardians];
  out.orgCount = roster.orgs.length;

  await db.transaction().execute((tx) => roster.write(tx));
  return out;
}

/** An account for driving the API in a benchmark (one password hash, no KDF per call). */
export async function benchAccount(db: Db, username: string, password: string, role: Role, orgId: string | null): Promise<string> {
  const acc = await createAccount(db, systemContext(), {
    username,
    password,
    passwordHash: await hashPassword(password),
    displayName: username,
    grants: [{ role, orgId }],
  });
  return acc.id;
}

/** A fresh, migrated SQLite file holding the data set; returns it with the ids. */
export async function generateFile(file: string, scale: Scale) {
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const database = await openDatabase({ url: file });
  try {
    await migrateToLatest(database.db, house.migrations);
    const started = Date.now();
    const generated = await generate(database.db, scale);
    return { database, generated, ms: Date.now() - started };
  } catch (err) {
    await database.close();
    throw err;
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const scale = (process.argv[2] ?? 'L').toUpperCase() as Scale;
  if (!SCALES.includes(scale)) throw new Error(`scale must be one of ${SCALES.join(', ')}`);
  const file = path.resolve(process.argv[3] ?? `bench/.data/${scale}.sqlite`);
  const { database, generated, ms } = await generateFile(file, scale);
  await database.close();
  console.log(`${file}: ${generated.orgCount} orgs, ${generated.persons.length} people (${generated.workers.length} workers) in ${ms} ms`);
}
