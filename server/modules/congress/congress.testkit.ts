/**
 * A small union for congress tests: a group with two mines, the congress office (union chair
 * and staff at the group), another organisation's chair, and representatives made on demand —
 * a worker person with a representative account, added to a term through the API. Typed
 * structurally so it needs nothing from test/ at build time.
 */
import type { Role } from '../../../common/roles.js';
import type { RepresentativeCategory } from '../../../common/congress.js';

interface Org {
  id: string;
  path: string;
  name: string;
}
type Res = { status: number; body: any; text: string; headers: Record<string, any> };
interface Client {
  accountId: string;
  get(url: string, headers?: Record<string, string>): Promise<Res>;
  post(url: string, body?: unknown, headers?: Record<string, string>): Promise<Res>;
  request(method: string, url: string, body?: unknown, headers?: Record<string, string>): Promise<Res>;
}
interface Env {
  db: any;
  org(name: string, kind?: string, parent?: { id: string; path: string } | null): Promise<Org>;
  user(grants: { role: Role; org: { id: string } | null }[], opts?: { personId?: string }): Promise<Client>;
  person(org: { id: string }, fields?: Partial<{ name: string; employment_category: string }>): Promise<{ id: string; name: string }>;
}

export const congressBase = '/api/v1/congress';

let n = 0;

export async function congressWorld(t: Env) {
  const k = ++n;
  const group = await t.org(`煤业集团${k}`, 'group');
  const mine1 = await t.org('一号矿', 'mine', group);
  const team1 = await t.org('综采一队', 'team', mine1);
  const mine2 = await t.org('二号矿', 'mine', group);
  const team2 = await t.org('掘进一队', 'team', mine2);
  const staff = await t.user([{ role: 'unionStaff', org: group }]);
  const chair = await t.user([{ role: 'unionChair', org: group }]);
  const otherGroup = await t.org(`另一集团${k}`, 'group');
  const otherChair = await t.user([{ role: 'unionChair', org: otherGroup }]);
  const handler = await t.user([{ role: 'handler', org: mine1 }]);

  /** A worker person in `org`, with gender and employment category as asked. */
  async function worker(org: Org, fields: { gender?: 'male' | 'female'; category?: string; name?: string } = {}) {
    const p = await t.person(org, { name: fields.name, employment_category: fields.category ?? 'contract' });
    if (fields.gender) await t.db.updateTable('persons').set({ gender: fields.gender }).where('id', '=', p.id).execute();
    return p;
  }

  /** Adds a worker to the term's roster through the API; with `account`, the worker also signs in as a representative. */
  async function representative(
    termId: string,
    spec: { category: RepresentativeCategory; delegation?: string; gender?: 'male' | 'female'; employment?: string; org?: Org; account?: boolean },
  ) {
    const p = await worker(spec.org ?? team1, { gender: spec.gender ?? 'male', category: spec.employment });
    const client = spec.account ? await t.user([{ role: 'representative', org: spec.org ?? team1 }], { personId: p.id }) : null;
    const res = await staff.post(`${congressBase}/terms/${termId}/representatives`, {
      personId: p.id,
      delegation: spec.delegation ?? '一号矿代表团',
      category: spec.category,
    });
    if (res.status !== 201) throw new Error(`congress testkit: add representative → ${res.status} ${res.text}`);
    return { person: p, id: res.body.id as string, roster: res.body.roster, client };
  }

  return { group, mine1, team1, mine2, team2, staff, chair, otherGroup, otherChair, handler, worker, representative };
}

export type CongressWorld = Awaited<ReturnType<typeof congressWorld>>;

/** Builds the world once for the file (pass vitest's beforeAll); its fields are there when the tests run. */
export function useCongressWorld(t: Env, beforeAll: (fn: () => Promise<void>) => void): CongressWorld {
  const w = {} as CongressWorld;
  beforeAll(async () => {
    Object.assign(w, await congressWorld(t));
  });
  return w;
}
