/**
 * A small union for the appeals tests: a group with two mines, departments and teams,
 * union staff and chair at the group, a handler per mine's 生产部, and workers made on
 * demand. Typed structurally so it needs nothing from test/ at build time.
 *
 * One world per test file (sign-ins are rate-limited per address); a test that counts
 * list rows makes its own team with `team()` and filters by it.
 */
import type { Role } from '../../../common/roles.js';
import type { Db } from '../../core/db/database.js';
import type { Actor } from '../../core/rbac/actor.js';
import { loadGrants } from '../../core/auth/auth.repository.js';

interface Org {
  id: string;
  path: string;
  name: string;
}
interface Client {
  accountId: string;
  username: string;
  cookie: string;
  /** The client's network address (the audit log records it). */
  remoteAddress?: string;
  get(url: string, headers?: Record<string, string>): Promise<{ status: number; body: any; text: string; headers: Record<string, any> }>;
  post(url: string, body?: unknown, headers?: Record<string, string>): Promise<{ status: number; body: any; text: string; headers: Record<string, any> }>;
  request(
    method: string,
    url: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<{ status: number; body: any; text: string; headers: Record<string, any> }>;
}
interface Env {
  org(name: string, kind?: string, parent?: { id: string; path: string } | null): Promise<Org>;
  user(grants: { role: Role; org: { id: string } | null }[], opts?: { personId?: string; username?: string }): Promise<Client>;
  person(
    org: { id: string },
    fields?: Partial<{ name: string; kind: string; employment_category: string; phone: string }>,
  ): Promise<{ id: string; name: string }>;
}

let n = 0;

export async function appealsWorld(t: Env) {
  const k = ++n;
  const group = await t.org(`煤业集团${k}`, 'group');
  const mine1 = await t.org('一号矿', 'mine', group);
  const prod1 = await t.org('生产部', 'department', mine1);
  const team1 = await t.org('综采一队', 'team', prod1);
  const elec1 = await t.org('机电部', 'department', mine1);
  const mine2 = await t.org('二号矿', 'mine', group);
  const prod2 = await t.org('生产部', 'department', mine2);
  const team2 = await t.org('掘进一队', 'team', prod2);
  const staff = await t.user([{ role: 'unionStaff', org: group }]);
  const chair = await t.user([{ role: 'unionChair', org: group }]);
  const handler = await t.user([{ role: 'handler', org: prod1 }]);
  const handler2 = await t.user([{ role: 'handler', org: prod2 }]);

  /** A fresh team under 一号矿/生产部, so a test can count only its own appeals. */
  let teams = 0;
  const team = () => t.org(`综采${++teams}队`, 'team', prod1);

  /** A worker person with an account, in a team of mine 1 unless told otherwise. */
  async function worker(fields: Partial<{ name: string; employment_category: string; phone: string }> = {}, org: Org = team1) {
    const person = await t.person(org, fields);
    const client = await t.user([{ role: 'worker', org }], { personId: person.id });
    return Object.assign(client, { person });
  }

  return { group, mine1, prod1, team1, elec1, mine2, prod2, team2, staff, chair, handler, handler2, worker, team };
}

export type World = Awaited<ReturnType<typeof appealsWorld>>;

/** Builds the world once for the file (pass vitest's beforeAll); its fields are there when the tests run. */
export function useAppealsWorld(t: Env, beforeAll: (fn: () => Promise<void>) => void): World {
  const w = {} as World;
  beforeAll(async () => {
    Object.assign(w, await appealsWorld(t));
  });
  return w;
}

export const wageAppeal = (over: Record<string, unknown> = {}) => ({
  category: 'wages',
  title: '三个月没发加班费',
  description: '综采一队从七月起加班费没有发放，请工会帮助协调。',
  ...over,
});

/** The Actor a signed-in client would be, for service calls that take a clock. */
export async function actorOf(db: Db, accountId: string): Promise<Actor> {
  const acc = await db.selectFrom('accounts').select(['id', 'display_name', 'person_id']).where('id', '=', accountId).executeTakeFirstOrThrow();
  return { accountId: acc.id, displayName: acc.display_name, personId: acc.person_id, grants: await loadGrants(db, acc.id), via: 'session' };
}

/** A Shanghai wall-clock instant. */
export const shanghai = (date: string, time = '10:00') => new Date(`${date}T${time}:00+08:00`);
