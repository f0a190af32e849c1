/**
 * A module's share of the test worlds: the authorization matrix (test/authz/world.ts), the
 * OpenAPI response check and the fuzzer (test/hostile/fixture.ts).
 *
 * A module brings one file, `server/modules/<m>/<m>.world.ts`, exporting `world` (records in
 * organisation A and B for the matrix), optionally `hostile` (records for the fuzzer) and
 * `after` (the parts whose records its own need: they are built first, and their records reach
 * it as `ctx.built`). Core's records (accounts, people, imports, tokens, notifications,
 * webhooks, calendar) come the same way from `server/core/core.world.ts`, built before every
 * module's. The harness finds these files by name, so adding a module edits no central test
 * file — before this, every module edited the same four files, and every merge conflicted there.
 * What stays central is the harness: the demo as organisation A, organisation B's orgs, people
 * and accounts, sign-in, and this loader.
 */
import { randomUUID } from 'node:crypto';
import { readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Role } from '../../common/roles.js';
import type { Client, TestEnv } from '../app.js';
import type { appealsWorld } from '../../server/modules/appeals/appeals.testkit.js';
import type { schoolWorld } from '../../server/modules/school/school.testkit.js';

/** One organisation of the matrix world: A = the demo organisation ('own'), B = a second one whose every text carries the marker ('other'). */
export interface SideContext {
  t: TestEnv;
  side: 'own' | 'other';
  /** '甲方' in A, the marker in B: every text a part writes carries it, so a B text seen by an A caller is caught as a leak. */
  label: string;
  /** The system admin (A's demo `admin`), who makes B's orgs, people and accounts too. */
  admin: Client;
  /** Signed-in clients. A: every role's demo account. B: worker, unionStaff, unionChair, handler, representative, headTeacher, parent, principal. */
  clients: Partial<Record<Role, Client>>;
  /** The accounts behind `clients`, with their person where they have one. */
  accounts: Partial<Record<Role, { id: string; personId: string | null }>>;
  /** A new account holding `role` at `orgId` (optionally a person's), signed in: for roles a side lacks. */
  account(role: Role, orgId: string, personId?: string | null): Promise<{ client: Client; id: string }>;
  /** The worker's team lies in department ⊂ mine ⊂ group; class ⊂ school. In A `department` is the demo handler's. */
  orgs: { group: string; mine: string; department: string; team: string; school: string; class: string };
  /** The `worker` account's person, the `student`, the `parent` (a guardian), the `teacher`. */
  people: { worker: string; student: string; guardian: string; teacher: string };
  /** The records the parts built before this one built on this side (`after` orders them), by kind. */
  built: Record<string, string>;
  /**
   * A only: the colleagues of the matrix's people — another mine's worker and handler (`worker2`, `handler2`) and their
   * department, a class neither the head nor the subject teacher teaches. A part's `sibling` builds their records.
   */
  colleagues?: { clients: { worker: Client; handler: Client }; orgs: { department: string; class: string } };
  /** Records that belong to one caller (a token, a notification, an import batch): the matrix probes each caller's own on 'own'. */
  owns(role: Role, kind: string, id: string): void;
}

export interface WorldPart {
  /** Path segment before `:id` → the kind of record it names. */
  ids?: Record<string, string>;
  /** Named path parameter → kind. */
  params?: Record<string, string>;
  /** Body or query field → kind, for the id fields a module's bodies carry; used on the routes that name one of the part's `ids` or `params`. */
  fields?: Record<string, string>;
  /** Builds the module's records on one side; kind → id. Called for A, then for B. */
  build(ctx: SideContext): Promise<Record<string, string>>;
  /** A's colleagues' records of the same kinds (called for A after `build`); the matrix probes them as 'sibling'. */
  sibling?(ctx: SideContext): Promise<Record<string, string>>;
  /** The collections (before `:id`) and path parameters whose routes are probed on a colleague's record too. */
  siblingNames?: string[];
  /** Kinds that name a union record for union roles and a school record for school roles: kind → the two built kinds. */
  families?: Record<string, { union: string; school: string }>;
}

/** What both worlds' clients can do: a part's helpers that serve both take this. */
export interface Caller {
  get(url: string, headers?: Record<string, string>): Promise<{ status: number; body: any; text: string }>;
  post(url: string, body?: unknown, headers?: Record<string, string>): Promise<{ status: number; body: any; text: string }>;
  request(method: string, url: string, body?: unknown, headers?: Record<string, string>): Promise<{ status: number; body: any; text: string }>;
}

type AppealsWorld = Awaited<ReturnType<typeof appealsWorld>>;

/** The fuzzer's world: an appeals world and a school world (their clients are the testkits' `Caller`s). */
export interface HostileContext {
  t: TestEnv;
  admin: AppealsWorld['staff'];
  u: AppealsWorld;
  s: Awaited<ReturnType<typeof schoolWorld>>;
  /** A worker with a person, in u.team1. */
  worker: Awaited<ReturnType<AppealsWorld['worker']>>;
  /** What the parts before this one answered (`after` orders them): their ids, params and named values merged. */
  built: { ids: Record<string, string>; params: Record<string, string>; named: Record<string, unknown> };
}

export interface HostilePart {
  /**
   * Real records for the fuzzer: collection segment → id, path parameter → id, body field → value (on the paths that
   * name this part's records), and `named`: values for body properties and required query parameters on every path.
   */
  build(
    ctx: HostileContext,
  ): Promise<{ ids?: Record<string, string>; params?: Record<string, string>; fields?: Record<string, unknown>; named?: Record<string, unknown> }>;
}

/** A 1×1 PNG. */
export const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000105fe02fea70000000049454e44ae426082',
  'hex',
);

/** Uploads a small PNG as `who` (POST /api/v1/files) and answers its id: evidence a part's records can claim. */
export async function uploadPng(who: Caller, name = 'evidence.png'): Promise<string> {
  const boundary = '----xqpart';
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: image/png\r\n\r\n`),
    PNG,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  const res = await who.request('POST', '/api/v1/files', body, { 'content-type': `multipart/form-data; boundary=${boundary}` });
  if (res.status !== 201) throw new Error(`upload ${name} → ${res.status} ${res.text.slice(0, 200)}`);
  return res.body.id as string;
}

/** A multipart/form-data body with one file `field` and plain `fields`, as a browser's form sends it. */
export function multipart(
  field: string,
  filename: string,
  type: string,
  data: Buffer,
  fields: Record<string, string> = {},
): { body: Buffer; contentType: string } {
  const boundary = `----xq${randomUUID().replace(/-/g, '')}`;
  const parts = Object.entries(fields).map(([k, v]) => Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${filename}"\r\nContent-Type: ${type}\r\n\r\n`);
  return { body: Buffer.concat([...parts, head, data, Buffer.from(`\r\n--${boundary}--\r\n`)]), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** Fails the world's build, naming the step, on any answer that is not a success. */
export async function ok(res: Promise<{ status: number; body: any; text: string }>, what: string): Promise<any> {
  const r = await res;
  if (r.status >= 300) throw new Error(`world: ${what} → ${r.status} ${r.text.slice(0, 300)}`);
  return r.body;
}

export interface LoadedPart {
  module: string;
  world?: WorldPart;
  hostile?: HostilePart;
  /** The parts built before this one. */
  after: string[];
}

const MODULES = fileURLToPath(new URL('../../server/modules', import.meta.url));
const CORE = fileURLToPath(new URL('../../server/core/core.world.ts', import.meta.url));

async function loadPart(module: string, file: string): Promise<LoadedPart> {
  const mod = (await import(pathToFileURL(file).href)) as { world?: WorldPart; hostile?: HostilePart; after?: string[] };
  if (!mod.world && !mod.hostile) throw new Error(`${module}.world.ts exports neither world nor hostile`);
  return { module, world: mod.world, hostile: mod.hostile, after: mod.after ?? [] };
}

/** Core's part, then every module's `<m>.world.ts` in module-name order, each after the parts it names in `after`. */
export async function loadParts(): Promise<LoadedPart[]> {
  const found: LoadedPart[] = [await loadPart('core', CORE)];
  for (const name of readdirSync(MODULES, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort()) {
    const file = join(MODULES, name, `${name}.world.ts`);
    if (existsSync(file)) found.push(await loadPart(name, file));
  }
  return ordered(found);
}

/** The parts in their given order, except that each waits for the parts it names: the first ready one goes next. */
export function ordered(parts: LoadedPart[]): LoadedPart[] {
  const names = new Set(parts.map((p) => p.module));
  for (const p of parts) for (const a of p.after) if (!names.has(a)) throw new Error(`${p.module}.world.ts is built after "${a}", which has no part`);
  const out: LoadedPart[] = [];
  const done = new Set<string>();
  const left = [...parts];
  while (left.length) {
    const next = left.findIndex((p) => p.after.every((a) => done.has(a)));
    if (next < 0) throw new Error(`the world parts wait on each other: ${left.map((p) => `${p.module} after ${p.after.join(', ')}`).join('; ')}`);
    const [p] = left.splice(next, 1);
    out.push(p);
    done.add(p.module);
  }
  return out;
}

/**
 * The union of the parts' maps over a central one. Two modules naming one segment or parameter
 * for different records would make the matrix probe the wrong record silently: refused here.
 */
export function mergeKinds(central: Record<string, string>, parts: LoadedPart[], key: 'ids' | 'params' | 'fields'): Record<string, string> {
  const out = { ...central };
  const owner: Record<string, string> = Object.fromEntries(Object.keys(central).map((k) => [k, 'the central world']));
  for (const p of parts) {
    for (const [name, kind] of Object.entries(p.world?.[key] ?? {})) {
      if (name in out && out[name] !== kind) throw new Error(`${key} "${name}" is claimed by ${owner[name]} (${out[name]}) and by ${p.module} (${kind})`);
      out[name] = kind;
      owner[name] = p.module;
    }
  }
  return out;
}

/**
 * The records a route path names, by the names parts use: the collection before `:id` / `{id}`, and
 * each named parameter. A part's body fields apply to a route only when it names one of its records.
 */
export function recordNames(path: string): string[] {
  const segs = path.split('/');
  return segs.map((seg, i) => (seg === ':id' || seg === '{id}' ? segs[i - 1] : seg.replace(/^:(\w+)$|^\{(\w+)\}$/, '$1$2')));
}

/** Every kind a part's maps name must be a record some side built (or a kind the harness resolves itself: `known`). */
export function checkKinds(parts: LoadedPart[], built: Record<string, unknown>, known: Iterable<string> = []): void {
  const kinds = new Set([...Object.keys(built), ...known, ...parts.flatMap((p) => Object.keys(p.world?.families ?? {}))]);
  for (const p of parts) {
    for (const key of ['ids', 'params', 'fields'] as const) {
      for (const kind of Object.values(p.world?.[key] ?? {})) {
        if (!kinds.has(kind)) throw new Error(`${p.module}.world.ts names kind "${kind}" in ${key}, but no world part built one`);
      }
    }
  }
}
