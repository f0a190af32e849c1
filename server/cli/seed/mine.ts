/**
 * A coal mine as it is organised: departments, their teams (班组), and the workers of each,
 * with positions, employment categories and union membership in realistic proportions.
 */
import type { EmploymentCategory } from '../../../common/enums.js';
import type { PersonTable } from '../../core/db/schema.js';
import { fullName, randomBirthDate, type Gender, type IdentityPool } from './identity.js';
import type { Rng } from '../../core/random.js';
import type { OrgNode, Roster } from './roster.js';

type Weighted<T> = readonly (readonly [T, number])[];

export interface TeamTemplate {
  name: string;
  /** Overrides the department's positions (e.g. the canteen inside logistics). */
  positions?: Weighted<string>;
}

export interface DepartmentTemplate {
  name: string;
  /** Share of the mine's workers. */
  share: number;
  teams: TeamTemplate[];
  positions: Weighted<string>;
  categories?: Weighted<EmploymentCategory>;
  maleShare: number;
}

// State-owned mines: a core of permanent staff, many contract workers, agency and migrant
// labour at the coal face and in logistics, and retirees who stay union members.
export const CATEGORY_WEIGHTS: Weighted<EmploymentCategory> = [
  ['permanent', 38],
  ['contract', 37],
  ['dispatched', 12],
  ['migrant', 8],
  ['retired', 5],
];

/** Membership differs by category; overall it comes to about 92 %. */
export const UNION_SHARE: Record<EmploymentCategory, number> = {
  permanent: 0.98,
  contract: 0.95,
  dispatched: 0.85,
  migrant: 0.8,
  retired: 0.9,
};

const COAL_FACE: Weighted<string> = [
  ['采煤工', 55],
  ['液压支架工', 20],
  ['采煤机司机', 15],
  ['支护工', 10],
];
const ROADWAY: Weighted<string> = [
  ['掘进工', 60],
  ['掘进机司机', 15],
  ['支护工', 15],
  ['爆破工', 10],
];

export const MINE_DEPARTMENTS: DepartmentTemplate[] = [
  {
    name: '生产部',
    share: 0.38,
    maleShare: 0.99,
    // A coal-face crew mines and supports the face; a roadway crew drives the roadways ahead of it.
    teams: [
      { name: '综采一队', positions: COAL_FACE },
      { name: '综采二队', positions: COAL_FACE },
      { name: '掘进一队', positions: ROADWAY },
      { name: '掘进二队', positions: ROADWAY },
      {
        name: '准备队',
        positions: [
          ['支护工', 50],
          ['液压支架工', 30],
          ['爆破工', 20],
        ],
      },
    ],
    positions: [
      ['采煤工', 34],
      ['掘进工', 28],
      ['支护工', 12],
      ['液压支架工', 9],
      ['采煤机司机', 6],
      ['掘进机司机', 6],
      ['爆破工', 3],
    ],
    categories: [
      ['permanent', 30],
      ['contract', 38],
      ['dispatched', 14],
      ['migrant', 14],
      ['retired', 4],
    ],
  },
  {
    name: '机电部',
    share: 0.15,
    maleShare: 0.93,
    teams: [{ name: '机电一队' }, { name: '机电二队' }, { name: '供电队' }, { name: '维修车间' }],
    positions: [
      ['电工', 40],
      ['维修钳工', 24],
      ['焊工', 10],
      ['泵工', 10],
      ['绞车司机', 10],
      ['机电技术员', 6],
    ],
  },
  {
    name: '通风部',
    share: 0.1,
    maleShare: 0.95,
    teams: [{ name: '通风队' }, { name: '瓦斯检查队' }, { name: '防尘队' }],
    positions: [
      ['通风工', 35],
      ['瓦斯检查工', 35],
      ['安全监测工', 15],
      ['防尘工', 15],
    ],
  },
  {
    name: '运输部',
    share: 0.12,
    maleShare: 0.92,
    teams: [{ name: '运输一队' }, { name: '运输二队' }, { name: '皮带队' }],
    positions: [
      ['皮带司机', 30],
      ['电机车司机', 25],
      ['信号工', 15],
      ['把钩工', 15],
      ['运输工', 15],
    ],
  },
  {
    name: '安全部',
    share: 0.07,
    maleShare: 0.85,
    teams: [{ name: '安检一队' }, { name: '安检二队' }],
    positions: [
      ['安全员', 70],
      ['安全检查工', 30],
    ],
    categories: [
      ['permanent', 55],
      ['contract', 38],
      ['dispatched', 2],
      ['retired', 5],
    ],
  },
  {
    name: '调度室',
    share: 0.04,
    maleShare: 0.7,
    teams: [{ name: '调度一班' }, { name: '调度二班' }],
    positions: [
      ['调度员', 80],
      ['信息员', 20],
    ],
    categories: [
      ['permanent', 55],
      ['contract', 40],
      ['retired', 5],
    ],
  },
  {
    name: '后勤部',
    share: 0.14,
    maleShare: 0.45,
    teams: [
      {
        name: '职工食堂',
        positions: [
          ['食堂员工', 75],
          ['厨师', 25],
        ],
      },
      { name: '洗衣房', positions: [['洗衣工', 100]] },
      { name: '公寓管理组', positions: [['宿舍管理员', 100]] },
      { name: '保洁组', positions: [['保洁员', 100]] },
    ],
    positions: [['后勤服务员', 100]],
    categories: [
      ['permanent', 20],
      ['contract', 30],
      ['dispatched', 30],
      ['migrant', 12],
      ['retired', 8],
    ],
  },
];

const DEPARTMENT_STAFF = ['部长', '副部长', '技术员'];

export interface BuiltDepartment {
  node: OrgNode;
  teams: OrgNode[];
}

export interface BuiltMine {
  mine: OrgNode;
  departments: BuiltDepartment[];
  workers: PersonTable[];
}

export interface MineOptions {
  name: string;
  code: string | null;
  /** Leading digit(s) of employee numbers, so numbers stay unique across mines. */
  number: number;
  workers: number;
  /** The year "now" is in; ages are counted from it. */
  year: number;
  departments?: DepartmentTemplate[];
}

export function buildMine(roster: Roster, rng: Rng, pool: IdentityPool, parent: OrgNode, opts: MineOptions): BuiltMine {
  const mine = roster.org(parent, 'mine', opts.name, opts.code);
  const templates = opts.departments ?? MINE_DEPARTMENTS;
  const shares = templates.reduce((s, d) => s + d.share, 0);
  const workers: PersonTable[] = [];
  const departments: BuiltDepartment[] = [];
  let seq = 0;
  let remaining = opts.workers;

  /** Leaders and department staff are in post, never retirees. */
  const worker = (org: OrgNode, dept: DepartmentTemplate, position: string, inPost = false) => {
    let category = rng.weighted(dept.categories ?? CATEGORY_WEIGHTS);
    if (inPost && category === 'retired') category = 'permanent';
    const gender: Gender = rng.chance(dept.maleShare) ? 'male' : 'female';
    const retired = category === 'retired';
    const birth = retired ? randomBirthDate(rng, opts.year - 75, opts.year - 61) : randomBirthDate(rng, opts.year - 58, opts.year - 20);
    const row = roster.person(org, {
      kind: 'worker',
      name: fullName(rng, gender, retired ? 'elder' : 'adult'),
      gender,
      employee_no: `${opts.number}${String(++seq).padStart(5, '0')}`,
      employment_category: category,
      position,
      union_member: rng.chance(UNION_SHARE[category]) ? 1 : 0,
      phone: pool.phone(),
      id_number: pool.idNumber(birth, gender, category === 'migrant'),
      birth_date: birth,
    });
    workers.push(row);
    return row;
  };

  templates.forEach((dept, di) => {
    const node = roster.org(mine, 'department', dept.name);
    const teams = dept.teams.map((t) => roster.org(node, 'team', t.name));
    departments.push({ node, teams });
    const size = di === templates.length - 1 ? remaining : Math.round((opts.workers * dept.share) / shares);
    remaining -= size;
    const staff = Math.min(DEPARTMENT_STAFF.length, size);
    for (let i = 0; i < staff; i++) worker(node, dept, DEPARTMENT_STAFF[i], true);
    const crew = size - staff;
    dept.teams.forEach((team, ti) => {
      const n = Math.floor(crew / teams.length) + (ti < crew % teams.length ? 1 : 0);
      for (let i = 0; i < n; i++) {
        if (i === 0) worker(teams[ti], dept, '班组长', true);
        else worker(teams[ti], dept, rng.weighted(team.positions ?? dept.positions));
      }
    });
  });
  return { mine, departments, workers };
}
