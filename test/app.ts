/**
 * The test harness: a real app on a real database, plus factories that build each test's
 * own organisation, so tests never depend on one another.
 */
import { afterAll, beforeAll } from 'vitest';
import type { Role } from '../common/roles.js';
import { buildApp } from '../server/app.js';
import { loadConfig, type Config } from '../server/core/config.js';
import { createAccount } from '../server/core/accounts/accounts.service.js';
import { systemContext } from '../server/core/context.js';
import { newId, nowIso } from '../server/core/ids.js';
import type { App } from '../server/core/http/types.js';
import { hashPassword } from '../server/core/auth/password.js';
import { createTestDatabase, ENGINE } from './db.js';

export { ENGINE };
export const PASSWORD = 'Passw0rd!xq';
let cachedHash: Promise<string> | undefined;

export interface Response {
  status: number;
  headers: Record<string, any>;
  body: any;
  text: string;
  /** The bytes as sent (an .xlsx export, a photo). */
  raw: Buffer;
}

export class Client {
  cookie = '';
  csrf = '';
  /** The client's network address, for tests that stand in for many people behind many addresses. */
  remoteAddress?: string;
  constructor(
    readonly app: App,
    readonly lang = 'zh-CN',
  ) {}

  async request(method: string, url: string, body?: unknown, headers: Record<string, string> = {}): Promise<Response> {
    const h: Record<string, string> = { 'accept-language': this.lang, ...headers };
    if (this.cookie) h.cookie = this.cookie;
    if (this.csrf && method !== 'GET') h['x-csrf-token'] = this.csrf;
    const payload = body === undefined ? undefined : typeof body === 'string' || Buffer.isBuffer(body) ? body : JSON.stringify(body);
    if (payload !== undefined && !h['content-type']) h['content-type'] = 'application/json';
    const res = await this.app.inject({ method: method as any, url, payload, headers: h, remoteAddress: this.remoteAddress });
    const setCookie = res.headers['set-cookie'];
    for (const c of ([] as string[]).concat(setCookie ?? [])) {
      const [pair] = c.split(';');
      if (pair.startsWith('xq_sid=')) this.cookie = pair.endsWith('=') ? '' : pair;
    }
    let parsed: any = undefined;
    try {
      parsed = res.body ? JSON.parse(res.body) : undefined;
    } catch {
      parsed = undefined;
    }
    // A sign-in (the login route, or any that answers a new session) brings the session's CSRF token.
    if (typeof parsed?.csrfToken === 'string') this.csrf = parsed.csrfToken;
    return { status: res.statusCode, headers: res.headers, body: parsed, text: res.body, raw: res.rawPayload };
  }
  get(url: string, headers?: Record<string, string>) {
    return this.request('GET', url, undefined, headers);
  }
  post(url: string, body?: unknown, headers?: Record<string, string>) {
    return this.request('POST', url, body ?? {}, headers);
  }
  patch(url: string, body?: unknown) {
    return this.request('PATCH', url, body ?? {});
  }
  delete(url: string) {
    return this.request('DELETE', url);
  }
  async login(login: string, password = PASSWORD) {
    return this.post('/api/v1/auth/login', { login, password });
  }
}

export interface TestEnv {
  app: App;
  db: App['deps']['database']['db'];
  engine: 'sqlite' | 'postgres';
  client(lang?: string): Client;
  /** A new org node; `parent` null = a new root (a separate organisation). */
  org(name: string, kind?: string, parent?: { id: string; path: string } | null): Promise<{ id: string; path: string; name: string }>;
  /** A new account with the given grants, already signed in. */
  user(
    grants: { role: Role; org: { id: string } | null }[],
    opts?: { personId?: string; username?: string },
  ): Promise<Client & { accountId: string; username: string }>;
  person(
    org: { id: string },
    fields?: Partial<{ name: string; kind: string; employment_category: string; phone: string; id_number: string; employee_no: string }>,
  ): Promise<{ id: string; name: string }>;
}

/** Call at the top of a test file: one app and one database for the whole file. */
export function useTestApp(opts: { config?: Partial<Config>; routes?: (app: App) => void } = {}): TestEnv {
  const env = {} as TestEnv;
  let dispose: () => Promise<void> = async () => {};
  let seq = 0;
  beforeAll(async () => {
    const database = await createTestDatabase();
    // Test worlds sign in dozens of accounts a minute: the per-IP sign-in limit (30 a minute) is the subject of
    // login-limit.test.ts and abuse.test.ts, which set their own; elsewhere it only failed fast machines at random.
    const config = loadConfig({}, { jobs: false, webDir: '/nonexistent', logLevel: 'silent', dataDir: '/tmp', loginLimitPerIp: 1000, ...opts.config });
    const app = await buildApp({ config, database, logger: false });
    // A test's own probe routes (a core kit piece with no route of its own yet) join the real app before it starts.
    opts.routes?.(app);
    await app.ready();
    // Test accounts carry a cheaper scrypt work factor (see hashPassword): each file signs in dozens of them.
    cachedHash ??= hashPassword(PASSWORD, { log2N: 10 });
    Object.assign(env, {
      app,
      db: database.db,
      engine: database.engine,
      client: (lang?: string) => new Client(app, lang),
      async org(name: string, kind = 'group', parent: { id: string; path: string } | null = null) {
        const id = newId();
        const path = `${parent?.path ?? '/'}${id}/`;
        const now = nowIso();
        await database.db
          .insertInto('orgs')
          .values({
            id,
            parent_id: parent?.id ?? null,
            path,
            depth: path.split('/').length - 3,
            kind,
            name,
            code: null,
            sort_order: 0,
            created_at: now,
            updated_at: now,
          })
          .execute();
        return { id, path, name };
      },
      async user(grants: { role: Role; org: { id: string } | null }[], opts: { personId?: string; username?: string } = {}) {
        const username = opts.username ?? `u${++seq}_${Math.random().toString(36).slice(2, 7)}`;
        const acc = await createAccount(database.db, systemContext(), {
          username,
          password: PASSWORD,
          passwordHash: await cachedHash!,
          displayName: username,
          personId: opts.personId ?? null,
          grants: grants.map((g) => ({ role: g.role, orgId: g.org?.id ?? null })),
        });
        const c = new Client(app) as Client & { accountId: string; username: string };
        c.accountId = acc.id;
        c.username = username;
        const res = await c.login(username);
        if (res.status !== 200) throw new Error(`login failed: ${res.text}`);
        return c;
      },
      async person(org: { id: string }, fields: Record<string, string> = {}) {
        const id = newId();
        const now = nowIso();
        const name = fields.name ?? `张${++seq}`;
        await database.db
          .insertInto('persons')
          .values({
            id,
            org_id: org.id,
            kind: fields.kind ?? 'worker',
            name,
            gender: null,
            employee_no: fields.employee_no ?? null,
            employment_category: fields.employment_category ?? 'contract',
            position: null,
            union_member: 1,
            phone: fields.phone ?? null,
            id_number: fields.id_number ?? null,
            birth_date: null,
            subject: null,
            archived: 0,
            created_at: now,
            updated_at: now,
          })
          .execute();
        return { id, name };
      },
    });
    dispose = async () => {
      await app.close();
      await database.dispose();
    };
  });
  afterAll(async () => dispose());
  return env;
}
