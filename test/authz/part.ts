/**
 * A module's share of the test worlds: the authorization matrix (test/authz/world.ts), the
 * OpenAPI response check and the fuzzer (test/hostile/fixture.ts).
 *
 * A module brings one file, `server/modules/<m>/<m>.world.ts`, exporting `world` (records in
 * organisation A and B for the matrix) and optionally `hostile` (records for the fuzzer). The
 * harness finds these files by name, so adding a module edits no central test file — before
 * this, every module edited the same four files, and every merge conflicted there.
 */
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
}

export interface HostilePart {
  /** Real records for the fuzzer: collection segment → id, path parameter → id, body field → value. */
  build(ctx: HostileContext): Promise<{ ids?: Record<string, string>; params?: Record<string, string>; fields?: Record<string, unknown> }>;
}

/** A 1×1 PNG. */
const PNG = Buffer.from(
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

export interface LoadedPart {
  module: string;
  world?: WorldPart;
  hostile?: HostilePart;
}

const MODULES = fileURLToPath(new URL('../../server/modules', import.meta.url));

/** Every module's `<m>.world.ts`, in module-name order. */
export async function loadParts(): Promise<LoadedPart[]> {
  const parts: LoadedPart[] = [];
  for (const name of readdirSync(MODULES, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort()) {
    const file = join(MODULES, name, `${name}.world.ts`);
    if (!existsSync(file)) continue;
    const mod = (await import(pathToFileURL(file).href)) as { world?: WorldPart; hostile?: HostilePart };
    if (!mod.world && !mod.hostile) throw new Error(`${name}.world.ts exports neither world nor hostile`);
    parts.push({ module: name, world: mod.world, hostile: mod.hostile });
  }
  return parts;
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

/** Every kind a part's maps name must be a record some side built. */
export function checkKinds(parts: LoadedPart[], built: Record<string, unknown>): void {
  for (const p of parts) {
    for (const key of ['ids', 'params', 'fields'] as const) {
      for (const kind of Object.values(p.world?.[key] ?? {})) {
        if (!(kind in built)) throw new Error(`${p.module}.world.ts names kind "${kind}" in ${key}, but no world part built one`);
      }
    }
  }
}
