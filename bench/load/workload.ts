/**
 * The mixed workload of `npm run bench:load` and of the load smoke test: signed-in phone
 * users (guardians, teachers, workers) and office staff (union staff and chair, principals)
 * against a running server, one autocannon instance per endpoint class so each class gets
 * its own latency figures. Every response time is kept, so p50/p95/p99 are exact.
 *
 * Works on any database that holds an organisation (the generated bench data, the demo
 * seed): `preparePopulation` finds guardians, head teachers, workers and schools in it and
 * gives some of them accounts; routes a build does not have are left out of the mix.
 */
import autocannonUntyped from 'autocannon';
import type { EventEmitter } from 'node:events';
import type { Role } from '../../common/roles.js';
import { createAccount } from '../../server/core/accounts/accounts.service.js';
import { hashPassword } from '../../server/core/auth/password.js';
import { systemContext } from '../../server/core/context.js';
import type { Db } from '../../server/core/db/database.js';
import { newId, nowIso } from '../../server/core/ids.js';

export const LOAD_PASSWORD = 'Load-Passw0rd!';

export interface Member {
  username: string;
  /** The guardian's child, the teacher's class, the worker's org… */
  studentId?: string;
  classId?: string;
  schoolId?: string;
}

export interface Population {
  parents: Member[];
  teachers: Member[];
  workers: Member[];
  staff: Member[];
  chairs: Member[];
  principals: Member[];
  groupId: string;
  mineIds: string[];
  /** Workers the staff edit. */
  personIds: string[];
}

export interface PopulationSize {
  parents: number;
  teachers: number;
  workers: number;
  staff: number;
  chairs: number;
}

const dayIso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * Accounts (one password hash for all) for people already in the database, and a school
 * term around today in every school that has none, so 心桥 weeks exist to write to.
 */
export async function preparePopulation(db: Db, size: PopulationSize): Promise<Population> {
  const any = db as any;
  const hash = await hashPassword(LOAD_PASSWORD);
  const tag = Math.random().toString(36).slice(2, 6);
  let seq = 0;
  const account = async (role: Role, orgId: string, personId: string | null = null) => {
    const username = `load_${role}_${tag}_${++seq}`;
    await createAccount(db, systemContext(), {
      username,
      password: LOAD_PASSWORD,
      passwordHash: hash,
      displayName: username,
      personId,
      grants: [{ role, orgId }],
    });
    return username;
  };

  const group = await db.selectFrom('orgs').select(['id', 'path']).where('kind', '=', 'group').orderBy('path').executeTakeFirstOrThrow();
  // Staff are granted at the first group: the mines and workers they work on are under it.
  const mines = await db
    .selectFrom('orgs')
    .select('id')
    .where('kind', '=', 'mine')
    .where('path', '>=', group.path)
    .where('path', '<', `${group.path}~`)
    .orderBy('path')
    .execute();
  const schools = await db.selectFrom('orgs').select(['id', 'path']).where('kind', '=', 'school').orderBy('path').execute();
  const now = Date.now();
  for (const s of schools) {
    const today = dayIso(now);
    const has = await any
      .selectFrom('school_terms')
      .select('id')
      .where('school_id', '=', s.id)
      .where('start_date', '<=', today)
      .where('end_date', '>=', today)
      .executeTakeFirst();
    if (!has) {
      await any
        .insertInto('school_terms')
        .values({
          id: newId(),
          school_id: s.id,
          name: '负载测试学期',
          start_date: dayIso(now - 120 * 86_400_000),
          end_date: dayIso(now + 60 * 86_400_000),
          created_at: nowIso(),
          updated_at: nowIso(),
        })
        .execute();
    }
  }
  const schoolOf = (path: string) => schools.find((s) => path.startsWith(s.path))?.id;

  const guardians = await db
    .selectFrom('guardian_links as g')
    .innerJoin('persons as s', 's.id', 'g.student_id')
    .innerJoin('orgs as c', 'c.id', 's.org_id')
    .select(['g.guardian_id', 'g.student_id', 's.org_id as class_id', 'c.path'])
    .orderBy('g.student_id')
    .limit(size.parents)
    .execute();
  const heads = await db
    .selectFrom('class_teachers as t')
    .innerJoin('orgs as c', 'c.id', 't.class_id')
    .select((eb) => [
      't.teacher_id',
      't.class_id',
      'c.path',
      eb
        .selectFrom('persons as s')
        .select('s.id')
        .whereRef('s.org_id', '=', 't.class_id')
        .where('s.kind', '=', 'student')
        .orderBy('s.id')
        .limit(1)
        .as('student_id'),
    ])
    .where('t.duty', '=', 'head')
    .orderBy('t.class_id')
    .limit(size.teachers)
    .execute();
  const workers = await db
    .selectFrom('persons as p')
    .innerJoin('orgs as o', 'o.id', 'p.org_id')
    .select(['p.id', 'p.org_id'])
    .where('p.kind', '=', 'worker')
    .where('p.archived', '=', 0)
    .where('o.path', '>=', group.path)
    .where('o.path', '<', `${group.path}~`)
    .orderBy('p.id')
    .limit(size.workers + 500)
    .execute();

  const pop: Population = {
    parents: [],
    teachers: [],
    workers: [],
    staff: [],
    chairs: [],
    principals: [],
    groupId: group.id,
    mineIds: mines.map((m) => m.id),
    personIds: workers.slice(size.workers).map((w) => w.id),
  };
  for (const g of guardians)
    pop.parents.push({
      username: await account('parent', g.class_id, g.guardian_id),
      studentId: g.student_id,
      classId: g.class_id,
      schoolId: schoolOf(g.path),
    });
  for (const h of heads.filter((x) => x.student_id))
    pop.teachers.push({
      username: await account('headTeacher', h.class_id, h.teacher_id),
      classId: h.class_id,
      studentId: h.student_id!,
      schoolId: schoolOf(h.path),
    });
  for (const w of workers.slice(0, size.workers)) pop.workers.push({ username: await account('worker', w.org_id, w.id) });
  for (let i = 0; i < size.staff; i++) pop.staff.push({ username: await account('unionStaff', group.id) });
  for (let i = 0; i < size.chairs; i++) pop.chairs.push({ username: await account('unionChair', group.id) });
  for (const s of schools) pop.principals.push({ username: await account('principal', s.id), schoolId: s.id });
  if (pop.personIds.length === 0) pop.personIds = workers.map((w) => w.id);
  return pop;
}

// ---- over HTTP ----

interface Session {
  cookie: string;
  csrf: string;
}
export interface Signed<M = Member> {
  member: M;
  session: Session;
}

async function post(baseUrl: string, path: string, body: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(baseUrl + path, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  return { res, body: (await res.json().catch(() => undefined)) as any };
}

/** Signs everyone in, a few at a time (each sign-in costs the password KDF), each from its own address (the server runs with TRUST_PROXY=1). */
export async function signInAll(baseUrl: string, pop: Population) {
  let n = 0;
  const one = async (m: Member): Promise<Signed> => {
    const i = ++n;
    const { res, body } = await post(
      baseUrl,
      '/api/v1/auth/login',
      { login: m.username, password: LOAD_PASSWORD },
      { 'x-forwarded-for': `10.77.${(i >> 8) & 255}.${i & 255}` },
    );
    if (res.status !== 200) throw new Error(`sign-in ${m.username}: ${res.status} ${JSON.stringify(body)}`);
    const cookie = res.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .find((c) => c.startsWith('xq_sid='))!;
    return { member: m, session: { cookie, csrf: body.csrfToken } };
  };
  const all = async (ms: Member[]) => {
    const out: Signed[] = [];
    for (let i = 0; i < ms.length; i += 4) out.push(...(await Promise.all(ms.slice(i, i + 4).map(one))));
    return out;
  };
  return {
    parents: await all(pop.parents),
    teachers: await all(pop.teachers),
    workers: await all(pop.workers),
    staff: await all(pop.staff),
    chairs: await all(pop.chairs),
    principals: await all(pop.principals),
  };
}
export type SignedPopulation = Awaited<ReturnType<typeof signInAll>>;

export interface Req {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH';
  path: string;
  headers: Record<string, string>;
  body?: string;
}

export interface EndpointClass {
  name: string;
  label: string;
  connections: number;
  /** The requests of the class, cycled. */
  next: () => Req;
  /** The class's endpoints by name, each with its request maker (for the one-at-a-time pass). */
  makers: [string, () => Req][];
  endpoints: string[];
}

function endpointClass(name: string, label: string, connections: number, makers: [string, () => Req][]): EndpointClass {
  return { name, label, connections, makers, next: cycle(makers.map((x) => x[1])), endpoints: makers.map((x) => x[0]) };
}

function as(s: Session, method: Req['method'], path: string, body?: unknown): Req {
  const headers: Record<string, string> = { cookie: s.cookie, accept: 'application/json', 'accept-language': 'zh-CN' };
  if (method !== 'GET') headers['x-csrf-token'] = s.csrf;
  if (body !== undefined) headers['content-type'] = 'application/json';
  return { method, path, headers, body: body === undefined ? undefined : JSON.stringify(body) };
}

/** Cycles through `makers`, each taking the next member of its pool in turn. */
function cycle(makers: (() => Req)[]): () => Req {
  let i = 0;
  return () => makers[i++ % makers.length]();
}
function rotate<T>(items: T[]): () => T {
  let i = 0;
  return () => items[i++ % items.length];
}

const TITLES = [
  '食堂饭菜价格偏高',
  '井下班车发车时间调整',
  '夜班补贴发放延迟',
  '宿舍热水供应不足',
  '劳保用品更换周期',
  '加班工资核算有误',
  '体检项目希望增加',
  '子女入学咨询',
];

/**
 * The mix. `routes` holds the server's OpenAPI paths; `weeks` finished 心桥 weeks of the
 * schools. Connections are split so 50 users are 60 % phones and 40 % office screens.
 */
export function mixedWorkload(p: SignedPopulation, pop: Population, routes: Set<string>, weeks: string[], users = 50): EndpointClass[] {
  const has = (path: string) => routes.has(path);
  const parent = rotate(p.parents);
  const teacher = rotate(p.teachers);
  const worker = rotate(p.workers);
  const staff = rotate(p.staff);
  const chair = rotate(p.chairs);
  const principal = rotate(p.principals);
  const week = rotate(weeks);
  const mine = rotate(pop.mineIds);
  const person = rotate(pop.personIds);
  const surname = rotate(['王', '李', '张', '刘', '陈', '杨', '赵', '黄']);
  const page = rotate([1, 2, 3, 4, 5]);
  const title = rotate(TITLES);
  const hb = has('/api/v1/heart-bridge/students/{studentId}/weeks/{week}') && weeks.length > 0;
  const appeals = has('/api/v1/appeals');
  let n = 0;

  const phoneRead: [string, () => Req][] = [
    ['GET /api/v1/auth/me', () => as(worker().session, 'GET', '/api/v1/auth/me')],
    ['GET /api/v1/notifications', () => as(worker().session, 'GET', '/api/v1/notifications?page=1&pageSize=20')],
  ];
  if (has('/api/v1/school/me')) phoneRead.push(['GET /api/v1/school/me', () => as(parent().session, 'GET', '/api/v1/school/me')]);
  if (hb) {
    phoneRead.push([
      'GET 心桥 page (guardian)',
      () => {
        const g = parent();
        return as(g.session, 'GET', `/api/v1/heart-bridge/students/${g.member.studentId}/weeks/${week()}`);
      },
    ]);
    phoneRead.push([
      'GET 心桥 class week (teacher)',
      () => {
        const t = teacher();
        return as(t.session, 'GET', `/api/v1/heart-bridge/classes/${t.member.classId}/weeks/${week()}?page=1&pageSize=50`);
      },
    ]);
  }
  if (appeals) phoneRead.push(['GET /api/v1/appeals/mine', () => as(worker().session, 'GET', '/api/v1/appeals/mine?page=1&pageSize=20')]);

  const phoneWrite: [string, () => Req][] = [];
  if (hb) {
    phoneWrite.push([
      'PUT 心桥 home side (guardian)',
      () => {
        const g = parent();
        return as(g.session, 'PUT', `/api/v1/heart-bridge/students/${g.member.studentId}/weeks/${week()}/home`, {
          atHome: `在家按时完成作业，第 ${++n} 次记录。`,
          suggestion: '',
          encouragement: '继续加油',
        });
      },
    ]);
    phoneWrite.push([
      'PUT 心桥 school side (teacher)',
      () => {
        const t = teacher();
        return as(t.session, 'PUT', `/api/v1/heart-bridge/students/${t.member.studentId}/weeks/${week()}/school`, {
          atSchool: `上课认真，第 ${++n} 次记录。`,
          suggestion: '',
          encouragement: '',
        });
      },
    ]);
  }
  if (appeals)
    phoneWrite.push([
      'POST /api/v1/appeals',
      () =>
        as(worker().session, 'POST', '/api/v1/appeals', {
          category: 'benefits',
          title: title(),
          description: `职工反映：${title()}，请工会协调解决。（${++n}）`,
        }),
    ]);
  else phoneWrite.push(['POST /api/v1/notifications/read-all', () => as(worker().session, 'POST', '/api/v1/notifications/read-all')]);

  const staffList: [string, () => Req][] = [
    ['GET /api/v1/people (mine, page)', () => as(staff().session, 'GET', `/api/v1/people?orgId=${mine()}&page=${page()}&pageSize=20&sort=name`)],
    ['GET /api/v1/people?q= (search)', () => as(staff().session, 'GET', `/api/v1/people?q=${encodeURIComponent(surname())}&pageSize=20`)],
    ['GET /api/v1/audit', () => as(chair().session, 'GET', '/api/v1/audit?page=1&pageSize=20')],
    ['GET /api/v1/calendar/days', () => as(staff().session, 'GET', '/api/v1/calendar/days?from=2026-01-01&to=2026-12-31')],
  ];
  if (appeals) staffList.push(['GET /api/v1/appeals', () => as(staff().session, 'GET', '/api/v1/appeals?page=1&pageSize=20&sort=submittedAt&order=desc')]);

  const staffWrite: [string, () => Req][] = [
    ['PATCH /api/v1/people/:id', () => as(staff().session, 'PATCH', `/api/v1/people/${person()}`, { position: `岗位${(++n % 12) + 1}` })],
  ];

  const dashboards: [string, () => Req][] = [['GET /api/v1/people/stats', () => as(chair().session, 'GET', `/api/v1/people/stats?orgId=${pop.groupId}`)]];
  if (has('/api/v1/heart-bridge/schools/{schoolId}/dashboard')) {
    dashboards.push([
      'GET 心桥 school dashboard',
      () => {
        const s = principal();
        return as(s.session, 'GET', `/api/v1/heart-bridge/schools/${s.member.schoolId}/dashboard`);
      },
    ]);
  }
  if (has('/api/v1/moral-education/schools/{schoolId}/coverage')) {
    dashboards.push([
      'GET 十分钟思想教育 coverage',
      () => {
        const s = principal();
        return as(s.session, 'GET', `/api/v1/moral-education/schools/${s.member.schoolId}/coverage`);
      },
    ]);
  }
  if (appeals && has('/api/v1/appeals/dashboard'))
    dashboards.push(['GET /api/v1/appeals/dashboard', () => as(chair().session, 'GET', '/api/v1/appeals/dashboard')]);

  const share = (f: number) => Math.max(1, Math.round(users * f));
  return [
    endpointClass('phone-read', '手机端读 / phone reads', share(0.4), phoneRead),
    endpointClass('phone-write', '手机端写 / phone writes', share(0.2), phoneWrite),
    endpointClass('staff-list', '办公端列表与搜索 / staff lists and search', share(0.2), staffList),
    endpointClass('staff-write', '办公端写 / staff writes', share(0.06), staffWrite),
    endpointClass('dashboard', '看板 / dashboards', share(0.14), dashboards),
  ];
}

// ---- driving it ----

export interface ClassResult {
  name: string;
  label: string;
  connections: number;
  requests: number;
  ok: number;
  non2xx: number;
  errors: number;
  statusCodes: Record<string, number>;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  /** Every response time (ms), for the overall figures. */
  times: number[];
  /** The first few non-2xx answers, to say what went wrong. */
  samples: string[];
}

type Tracker = EventEmitter & PromiseLike<any>;
const autocannon = autocannonUntyped as unknown as (opts: Record<string, unknown>) => Tracker;

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

export function summarise(name: string, label: string, connections: number, times: number[], seconds: number, extra: Partial<ClassResult> = {}): ClassResult {
  const sorted = [...times].sort((a, b) => a - b);
  return {
    name,
    label,
    connections,
    requests: times.length,
    ok: 0,
    non2xx: 0,
    errors: 0,
    statusCodes: {},
    rps: times.length / seconds,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted.at(-1) ?? NaN,
    times,
    samples: [],
    ...extra,
  };
}

/**
 * Runs every class at once for `seconds`. `rate`: requests per second per connection (a
 * user's pace, think time included; whole numbers); omit it for as fast as the server answers.
 *
 * autocannon paces a connection by sending its `rate` requests at the start of each second
 * and pausing; all connections of one instance would fire in the same instant every second,
 * a burst no set of real users produces. So a paced run gives every connection its own
 * instance, started at an even offset within the second: arrivals spread over the second.
 */
export async function runMixedLoad(baseUrl: string, classes: EndpointClass[], opts: { seconds: number; rate?: number }): Promise<ClassResult[]> {
  const total = classes.reduce((s, c) => s + c.connections, 0);
  let slot = 0;
  return Promise.all(
    classes.map(async (c) => {
      const times: number[] = [];
      const samples: string[] = [];
      const ac = (r: Req) => ({ method: r.method, path: r.path, headers: r.headers, body: r.body });
      const run = (connections: number, delayMs: number) =>
        new Promise((r) => setTimeout(r, delayMs)).then(() => {
          const tracker = autocannon({
            url: baseUrl,
            connections,
            duration: opts.seconds,
            timeout: 10,
            ...(opts.rate ? { connectionRate: opts.rate } : {}),
            requests: [
              {
                ...ac(c.next()),
                setupRequest: (req: object) => ({ ...req, ...ac(c.next()) }),
                onResponse: (status: number, body: string) => {
                  if ((status < 200 || status >= 300) && samples.length < 5) samples.push(`${status} ${String(body).slice(0, 200)}`);
                },
              },
            ],
          });
          tracker.on('response', (_client: unknown, _status: number, _bytes: number, ms: number) => times.push(ms));
          return tracker as PromiseLike<any>;
        });
      const results = opts.rate
        ? await Promise.all(Array.from({ length: c.connections }, () => run(1, (slot++ * 1000) / total / opts.rate!)))
        : [await run(c.connections, 0)];
      const statusCodes: Record<string, number> = {};
      for (const r of results)
        for (const [k, v] of Object.entries(r.statusCodeStats as Record<string, { count: number }>)) statusCodes[k] = (statusCodes[k] ?? 0) + v.count;
      const sum = (f: (r: any) => number) => results.reduce((s, r) => s + f(r), 0);
      return summarise(c.name, c.label, c.connections, times, Math.max(...results.map((r) => r.duration)), {
        ok: sum((r) => r['2xx']),
        non2xx: sum((r) => r.non2xx),
        errors: sum((r) => r.errors + r.timeouts),
        statusCodes,
        samples,
      });
    }),
  );
}

/** The server's OpenAPI paths, to leave out of the mix what this build does not have. */
export async function serverRoutes(baseUrl: string): Promise<Set<string>> {
  const res = await fetch(`${baseUrl}/api/v1/openapi.json`);
  return new Set(Object.keys(((await res.json()) as { paths: object }).paths));
}

/** Finished school weeks of a teacher's class, as the server counts them (weeks with school days only). */
export async function finishedWeeks(baseUrl: string, teacher: Signed | undefined): Promise<string[]> {
  if (!teacher) return [];
  const res = await fetch(`${baseUrl}/api/v1/school/classes/${teacher.member.classId}/weeks`, { headers: { cookie: teacher.session.cookie } });
  if (res.status !== 200) return [];
  const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
  return ((await res.json()) as { items: { week: string; end: string }[] }).items
    .filter((w) => w.end < today)
    .map((w) => w.week)
    .slice(-8);
}

/** One request at a time per endpoint: what a single user waits, and which endpoint costs what. */
export async function oneAtATime(
  baseUrl: string,
  classes: EndpointClass[],
  repeat = 20,
): Promise<{ cls: string; endpoint: string; p50: number; p95: number; status: number[] }[]> {
  const out = [];
  for (const c of classes) {
    for (const [endpoint, make] of c.makers) {
      const times: number[] = [];
      const status = new Set<number>();
      for (let i = 0; i < repeat; i++) {
        const r = make();
        const t0 = performance.now();
        const res = await fetch(baseUrl + r.path, { method: r.method, headers: r.headers, body: r.body });
        await res.arrayBuffer();
        times.push(performance.now() - t0);
        status.add(res.status);
      }
      times.sort((a, b) => a - b);
      out.push({ cls: c.name, endpoint, p50: percentile(times, 50), p95: percentile(times, 95), status: [...status] });
    }
  }
  return out;
}
