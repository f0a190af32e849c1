/**
 * The writes the durability and idempotency suites drive. Adding a writer is one entry in
 * WRITERS: how to make its n-th distinct request, and how to find it in the database.
 * A writer whose route the running server does not have (a module not registered yet) is
 * left out by `available()`, so the suites cover whatever the build contains.
 */
import type { Db } from '../../../server/core/db/database.js';
import { signIn, type Http } from './http.js';
import type { World } from './world.js';

export interface WriterContext {
  world: World;
  /** Marks this run's rows, so a suite finds exactly what it wrote. */
  tag: string;
  /** Finished school weeks of the world's class (for the 心桥 writer). */
  weeks: string[];
}

export interface Ack {
  writer: string;
  n: number;
  url: string;
  sent: any;
  /** The 2xx response body. */
  got: any;
}

export interface Writer {
  name: string;
  method: 'POST' | 'PUT';
  /** The route as the OpenAPI document names it. */
  route: string;
  as: keyof World['accounts'];
  /** Honours Idempotency-Key (the storm suite uses these). */
  idempotent: boolean;
  /** The n-th distinct write, or undefined when the writer has no distinct target left. */
  make(ctx: WriterContext, n: number): { url: string; body: unknown } | undefined;
  /** null when the acknowledged write is in the database, intact, with its audit row; otherwise what is wrong. */
  verify(db: Db, ack: Ack): Promise<string | null>;
  /** Every row this writer made in the run, acknowledged or not: each must have its audit row. */
  made(db: Db, tag: string): Promise<string[]>;
  auditActions: string[];
}

export async function auditCount(db: Db, entityId: string, actions: string[]): Promise<number> {
  const row = await db
    .selectFrom('audit_events')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('entity_id', '=', entityId)
    .where('action', 'in', actions)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

function mismatch(what: string, expected: Record<string, unknown>, row: Record<string, unknown> | undefined): string | null {
  if (!row) return `${what}: row missing`;
  for (const [k, v] of Object.entries(expected)) if (row[k] !== v) return `${what}: ${k} is ${JSON.stringify(row[k])}, expected ${JSON.stringify(v)}`;
  return null;
}

async function withAudit(db: Db, what: string, id: string, actions: string[], fault: string | null) {
  if (fault) return fault;
  const n = await auditCount(db, id, actions);
  return n === 1 ? null : `${what}: ${n} audit rows (${actions.join('/')}), expected 1`;
}

const addDays = (iso: string, n: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

export const WRITERS: Writer[] = [
  {
    name: 'org',
    method: 'POST',
    route: '/api/v1/orgs',
    as: 'admin',
    idempotent: false,
    auditActions: ['org.create'],
    make: ({ world, tag }, n) => ({ url: '/api/v1/orgs', body: { parentId: world.group.id, kind: 'department', name: `部门-${tag}-${n}` } }),
    async verify(db, ack) {
      const row = await db.selectFrom('orgs').selectAll().where('id', '=', ack.got.id).executeTakeFirst();
      return withAudit(
        db,
        `org ${ack.got.id}`,
        ack.got.id,
        this.auditActions,
        mismatch(`org ${ack.got.id}`, { name: ack.sent.name, kind: 'department', parent_id: ack.sent.parentId }, row),
      );
    },
    made: async (db, tag) => (await db.selectFrom('orgs').select('id').where('name', 'like', `部门-${tag}-%`).execute()).map((r) => r.id),
  },
  {
    name: 'calendarOverride',
    method: 'POST',
    route: '/api/v1/calendar/overrides',
    as: 'admin',
    idempotent: false,
    auditActions: ['calendar.override'],
    // Dates years ahead: the adjustments never touch a deadline the other writers compute.
    make: ({ world, tag }, n) => ({
      url: '/api/v1/calendar/overrides',
      body: { date: addDays('2031-01-01', n), working: n % 2 === 0, note: `调整-${tag}-${n}`, orgId: world.group.id },
    }),
    async verify(db, ack) {
      const row = await db.selectFrom('calendar_overrides').selectAll().where('id', '=', ack.got.id).executeTakeFirst();
      return withAudit(
        db,
        `override ${ack.got.id}`,
        ack.got.id,
        this.auditActions,
        mismatch(`override ${ack.got.id}`, { date: ack.sent.date, working: ack.sent.working ? 1 : 0, note: ack.sent.note, org_id: ack.sent.orgId }, row),
      );
    },
    made: async (db, tag) => (await db.selectFrom('calendar_overrides').select('id').where('note', 'like', `调整-${tag}-%`).execute()).map((r) => r.id),
  },
  {
    name: 'person',
    method: 'POST',
    route: '/api/v1/people',
    as: 'staff',
    idempotent: false,
    auditActions: ['person.create'],
    make: ({ world, tag }, n) => ({
      url: '/api/v1/people',
      body: { orgId: world.mine.id, kind: 'worker', name: `职工${n}`, employeeNo: `R-${tag}-${n}`, employmentCategory: 'contract' },
    }),
    async verify(db, ack) {
      const row = await db.selectFrom('persons').selectAll().where('id', '=', ack.got.id).executeTakeFirst();
      return withAudit(
        db,
        `person ${ack.got.id}`,
        ack.got.id,
        this.auditActions,
        mismatch(`person ${ack.got.id}`, { name: ack.sent.name, employee_no: ack.sent.employeeNo, org_id: ack.sent.orgId }, row),
      );
    },
    made: async (db, tag) => (await db.selectFrom('persons').select('id').where('employee_no', 'like', `R-${tag}-%`).execute()).map((r) => r.id),
  },
  {
    name: 'appeal',
    method: 'POST',
    route: '/api/v1/appeals',
    as: 'worker',
    idempotent: true,
    auditActions: ['appeal.submit'],
    make: ({ tag }, n) => ({
      url: '/api/v1/appeals',
      body: { category: 'wages', title: `工资核对 ${tag}-${n}`, description: `第 ${n} 号：请核对本月加班工资 ${tag}-${n}` },
    }),
    async verify(db, ack) {
      const row = await (db as any).selectFrom('appeals').selectAll().where('id', '=', ack.got.id).executeTakeFirst();
      return withAudit(
        db,
        `appeal ${ack.got.id}`,
        ack.got.id,
        this.auditActions,
        mismatch(`appeal ${ack.got.id}`, { title: ack.sent.title, description: ack.sent.description }, row),
      );
    },
    made: async (db, tag) =>
      ((await (db as any).selectFrom('appeals').select('id').where('title', 'like', `工资核对 ${tag}-%`).execute()) as { id: string }[]).map((r) => r.id),
  },
  {
    name: 'heartBridgeSchoolSide',
    method: 'PUT',
    route: '/api/v1/heart-bridge/students/{studentId}/weeks/{week}/school',
    as: 'teacher',
    idempotent: true,
    auditActions: ['heartBridge.schoolSideWrite', 'heartBridge.schoolSideUpdate'],
    // One page per (student, week), each written once, so "the acknowledged text" is unambiguous.
    make({ world, tag, weeks }, n) {
      const s = world.students.length;
      if (n >= s * weeks.length) return undefined;
      const student = world.students[n % s];
      return {
        url: `/api/v1/heart-bridge/students/${student.id}/weeks/${weeks[Math.floor(n / s)]}/school`,
        body: { atSchool: `在校表现 ${tag}-${n}`, suggestion: '', encouragement: '继续加油' },
      };
    },
    async verify(db, ack) {
      const [, studentId, week] = /students\/([^/]+)\/weeks\/([^/]+)\//.exec(ack.url)!;
      const row = await (db as any)
        .selectFrom('heart_bridge_notes')
        .selectAll()
        .where('student_id', '=', studentId)
        .where('week', '=', week)
        .executeTakeFirst();
      const what = `心桥 ${studentId} ${week}`;
      return withAudit(db, what, row?.id ?? '-', this.auditActions, mismatch(what, { school_at_school: ack.sent.atSchool, id: ack.got.id }, row));
    },
    made: async (db, tag) =>
      (
        (await (db as any).selectFrom('heart_bridge_notes').select('id').where('school_at_school', 'like', `在校表现 ${tag}-%`).execute()) as { id: string }[]
      ).map((r) => r.id),
  },
];

/** The writers whose routes this server has. */
export async function available(admin: Http): Promise<Writer[]> {
  const res = await admin.get('/api/v1/openapi.json');
  if (res.status !== 200) throw new Error(`openapi.json answered ${res.status}`);
  const paths = res.body.paths as Record<string, Record<string, unknown>>;
  return WRITERS.filter((w) => paths[w.route]?.[w.method.toLowerCase()]);
}

/** Finished school weeks of the world's class, from the server (so the 心桥 writer only writes where writing is allowed). */
export async function finishedWeeks(teacher: Http, classId: string): Promise<string[]> {
  const res = await teacher.get(`/api/v1/school/classes/${classId}/weeks`);
  if (res.status === 404) return [];
  if (res.status !== 200) throw new Error(`weeks answered ${res.status}: ${res.text.slice(0, 200)}`);
  const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
  return (res.body.items as { week: string; end: string }[]).filter((w) => w.end < today).map((w) => w.week);
}

export type Sessions = Record<keyof World['accounts'], Http>;

/**
 * Keeps `concurrency` writers busy, round-robin over `writers`, until stop(). Every
 * acknowledged write is recorded; any other answer is kept as refused.
 */
export function pump(sessions: Sessions, writers: Writer[], ctx: WriterContext, concurrency = 4) {
  const counters = new Map<string, number>(writers.map((w) => [w.name, 0]));
  const exhausted = new Set<string>();
  const acks: Ack[] = [];
  const refused: string[] = [];
  let stopped = false;
  let turn = 0;
  const loops = Array.from({ length: concurrency }, async () => {
    while (!stopped && exhausted.size < writers.length) {
      const w = writers[turn++ % writers.length];
      if (exhausted.has(w.name)) continue;
      const n = counters.get(w.name)!;
      counters.set(w.name, n + 1);
      const req = w.make(ctx, n);
      if (!req) {
        exhausted.add(w.name);
        continue;
      }
      const res = await sessions[w.as].request(w.method, req.url, req.body);
      if (res.status >= 200 && res.status < 300) acks.push({ writer: w.name, n, url: req.url, sent: req.body, got: res.body });
      else refused.push(`${w.name} #${n}: ${res.status} ${res.text.slice(0, 200)}`);
    }
  });
  return {
    acks,
    refused,
    async stop() {
      stopped = true;
      await Promise.all(loops);
    },
  };
}

export async function signInAll(base: string, world: World): Promise<Sessions> {
  const out = {} as Sessions;
  for (const [role, acc] of Object.entries(world.accounts)) out[role as keyof World['accounts']] = await signIn(base, acc);
  return out;
}
