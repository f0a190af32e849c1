/**
 * The notices world for tests: a group with two mines, a 区队 and two 班组 under the first,
 * union staff and chair at the group, a mine's own union staff; workers (with a person and an
 * employment category) on demand. Other folders' tests (the authorization matrix, the
 * fuzzer) may build on it.
 */
import type { Role } from '../../../common/roles.js';

interface Org {
  id: string;
  path: string;
  name: string;
}
type Res = Promise<{ status: number; body: any; text: string; headers: Record<string, any> }>;
export interface Client {
  accountId: string;
  username: string;
  get(url: string, headers?: Record<string, string>): Res;
  post(url: string, body?: unknown, headers?: Record<string, string>): Res;
}
interface Env {
  org(name: string, kind?: string, parent?: { id: string; path: string } | null): Promise<Org>;
  user(grants: { role: Role; org: { id: string } | null }[], opts?: { personId?: string; username?: string }): Promise<Client>;
  person(org: { id: string }, fields?: Partial<{ name: string; kind: string; employment_category: string }>): Promise<{ id: string; name: string }>;
}

let n = 0;

export async function noticesWorld(t: Env) {
  const group = await t.org(`煤业集团${++n}`, 'group');
  const mine1 = await t.org('一号矿', 'mine', group);
  const district = await t.org('综采区队', 'department', mine1);
  const team1 = await t.org('综采一班', 'team', district);
  const team2 = await t.org('综采二班', 'team', district);
  const mine2 = await t.org('二号矿', 'mine', group);
  const team3 = await t.org('掘进一班', 'team', mine2);
  const staff = await t.user([{ role: 'unionStaff', org: group }]);
  const chair = await t.user([{ role: 'unionChair', org: group }]);
  const mineStaff = await t.user([{ role: 'unionStaff', org: mine1 }]);
  /** A worker whose grant sits at the mine (as the demo's) and whose person sits in `org`. */
  async function worker(org: Org = team1, category = 'contract', mine: Org = mine1) {
    const person = await t.person(org, { employment_category: category });
    const client = await t.user([{ role: 'worker', org: mine }], { personId: person.id });
    return Object.assign(client, { person });
  }
  return { group, mine1, district, team1, team2, mine2, team3, staff, chair, mineStaff, worker };
}
export type NoticesWorld = Awaited<ReturnType<typeof noticesWorld>>;

/** Builds the world once for the file (pass vitest's beforeAll); its fields are there when the tests run. */
export function useNoticesWorld(t: Env, beforeAll: (fn: () => Promise<void>) => void): NoticesWorld {
  const w = {} as NoticesWorld;
  beforeAll(async () => {
    Object.assign(w, await noticesWorld(t));
  });
  return w;
}

let k = 0;
/** Publishes through the API and returns the detail; fails the test on anything but 201. */
export async function publish(by: Client, body: Record<string, unknown>) {
  const res = await by.post('/api/v1/notices', { title: `公开事项${++k}`, body: '第一段。\n第二段。', kind: 'adHoc', ...body });
  if (res.status !== 201) throw new Error(`publish failed: ${res.status} ${res.text}`);
  return res.body;
}
