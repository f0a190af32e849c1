/**
 * Hostile input, for every route the app publishes in its OpenAPI document (a new route is
 * fuzzed without anyone adding it here). Each case breaks one thing in a valid request;
 * every answer must be < 500, and every 4xx must be problem+json in Chinese naming the
 * field at fault. Invalid requests must write nothing; the server must stay healthy.
 *
 * Each case runs as a sysAdmin and as one of union staff / parent / head teacher in turn,
 * with path parameters naming real records of the fixture, so handlers run past 401/403/404.
 * Deterministic: a seeded RNG picks the hostile values. The summary of the run is written to
 * test-results/hostile-<engine>.json (docs/reliability.md, "Hostile input").
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD, useTestApp } from '../app.js';
import { casesFor, operations, type FuzzCase, type Operation } from './generators.js';
import { hostileWorld, tableCounts, type HostileWorld } from './fixture.js';
import { judge, send, signIn, type Caller } from './runner.js';
import { rng } from './strings.js';

// The fuzzer sends thousands of writes a minute from a few accounts; the write limit
// (abuse.test.ts covers it) would turn most of them into 429s before any handler ran.
// The fixture's robot sits at a closed loopback port, which only an admin's allow-list opens to robots.
const t = useTestApp({ config: { writeLimits: { perAccount: 0, perIp: 0 }, webhookAllowHosts: ['127.0.0.1'] } });
const SEED = 20261125;
/**
 * Validation runs before any query, so a request refused on SQLite is refused the same way on
 * PostgreSQL: every case runs on SQLite, and on PostgreSQL a fixed third of the invalid cases
 * (at least two per route) and every injection case — what differs by engine is what reaches SQL.
 * Each case is sent once, by one caller in turn: sysAdmin for every other case (its requests run
 * the handlers past authorization), union staff / parent / head teacher in turn for the rest.
 * XQ_FUZZ_FULL=1 runs the deep plan: every case on both engines, as sysAdmin and as a role each
 * (twice the requests of the SQLite run — ~5 CPU-minutes, so not in CI; docs/reliability.md).
 */
// The engine from the project's environment: `t.engine` is only known once the app has started.
const DEEP = process.env.XQ_FUZZ_FULL === '1';
const FULL = DEEP || process.env.XQ_TEST_ENGINE !== 'postgres';
const METHOD_ORDER: Record<string, number> = { GET: 0, POST: 1, PUT: 1, PATCH: 1, DELETE: 2 };

let w: HostileWorld;
let ops: Operation[];
let callers: Caller[];
const plan = new Map<Operation, FuzzCase[]>();
const stats = {
  routes: 0,
  cases: 0,
  requests: 0,
  byStatus: {} as Record<string, number>,
  failures: [] as string[],
  ms: { reject: 0, any: 0 },
  slowest: [] as [string, number][],
};
const rejectedIds: string[] = [];
/** One line per request: route, case, caller, status, problem code and fields (test-results/hostile-<engine>-cases.jsonl). */
const log: string[] = [];

beforeAll(async () => {
  w = await hostileWorld(t);
  const caller = (name: string, c: unknown): Caller => {
    const client = c as { username: string; cookie: string; csrf: string };
    return { name, login: client.username, password: PASSWORD, cookie: client.cookie, csrf: client.csrf };
  };
  callers = [caller('sysAdmin', w.admin), caller('unionStaff', w.staff), caller('parent', w.parent), caller('headTeacher', w.head)];
  const doc = (await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json();
  // Reads first, writes next, deletions last: the fixture's records stay there while other routes use them.
  ops = operations(doc).sort((a, b) => METHOD_ORDER[a.method] - METHOD_ORDER[b.method] || a.path.localeCompare(b.path));
  const r = rng(SEED);
  for (const op of ops) plan.set(op, casesFor(op, { rng: r, pathValue: (o, name) => w.pathValue(o.path, name), named: w.named(op.path) }));
}, 120_000);

async function run(phase: 'reject' | 'any') {
  const started = Date.now();
  for (const op of ops) {
    const all = plan.get(op)!.filter((c) => c.expect === phase);
    const cases = FULL || phase === 'any' ? all : all.filter((_, i) => i % 3 === 0 || i === 1);
    const t0 = Date.now();
    const signedOut = new Set<Caller>();
    for (const [i, c] of cases.entries()) {
      const role = callers[1 + (Math.floor(i / 2) % 3)];
      const as = DEEP ? [callers[0], callers[1 + (i % 3)]] : [i % 2 === 0 ? callers[0] : role];
      for (const who of as) {
        const sent = performance.now();
        const a = await send(t.app, c, who);
        const ms = Math.round(performance.now() - sent);
        stats.requests++;
        const bucket = `${Math.floor(a.status / 100)}xx`;
        stats.byStatus[a.status] = (stats.byStatus[a.status] ?? 0) + 1;
        stats.byStatus[bucket] = (stats.byStatus[bucket] ?? 0) + 1;
        if (a.status >= 400 && a.body?.requestId) rejectedIds.push(a.body.requestId);
        if (a.status === 401) signedOut.add(who);
        log.push(
          JSON.stringify({
            route: `${op.method} ${op.path}`,
            case: c.label,
            as: who.name,
            status: a.status,
            code: a.body?.code,
            fields: a.body?.errors?.map((e: { field: string }) => e.field),
            ms,
          }),
        );
        for (const problem of judge(c, a)) stats.failures.push(`${op.method} ${op.path} [${c.label}] as ${who.name}: ${problem}`);
      }
    }
    stats.cases += cases.length;
    stats.slowest.push([`${op.method} ${op.path} (${phase})`, Date.now() - t0]);
    // POST /auth/logout with a valid request ends the caller's session: sign in again.
    for (const who of signedOut) {
      const me = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: who.cookie } });
      if (me.statusCode === 401) await signIn(t.app, who);
    }
  }
  stats.ms[phase] = Date.now() - started;
  if (stats.failures.length) {
    fs.mkdirSync(path.resolve('test-results'), { recursive: true });
    fs.writeFileSync(path.resolve(`test-results/hostile-${t.engine}-failures.txt`), stats.failures.join('\n'));
  }
}

describe('hostile input against every route of the OpenAPI document', () => {
  it('finds every route of the app in its own document and plans cases for each', () => {
    stats.routes = ops.length;
    expect(ops.length).toBeGreaterThan(100);
    for (const path of [
      '/api/v1/appeals',
      '/api/v1/appeals/attachments',
      '/api/v1/imports/people',
      '/api/v1/heart-bridge/students/{studentId}/weeks/{week}/school',
    ]) {
      expect(ops.map((o) => o.path)).toContain(path);
    }
    // The upload routes are known as uploads even though the document has no body for them.
    expect(
      ops
        .filter((o) => o.upload)
        .map((o) => o.path)
        .sort(),
    ).toEqual([
      '/api/v1/appeals/attachments',
      '/api/v1/competitions/{competitionId}/scores/import',
      '/api/v1/contract-wages/check',
      '/api/v1/contract-wages/import',
      '/api/v1/files',
      '/api/v1/imports/people',
      '/api/v1/moral-education/classes/{classId}/sessions',
      '/api/v1/policies/docx-text',
      '/api/v1/timetable/schools/{schoolId}/import',
    ]);
    for (const op of ops) expect(plan.get(op)!.length, `${op.method} ${op.path}`).toBeGreaterThan(3);
  });

  it('refuses every invalid request with a Chinese problem+json naming the field, and writes nothing', async () => {
    const before = await tableCounts(t, ['sessions']);
    await run('reject');
    const after = await tableCounts(t, ['sessions']);
    expect(stats.failures.slice(0, 40), `${stats.failures.length} failures`).toEqual([]);
    // Not one row anywhere (audit log, notifications, attachments, idempotency keys …) from an invalid request.
    expect(after).toEqual(before);
  }, 600_000);

  it('survives injection, unicode and odd headers in otherwise valid requests: never a 5xx, errors in Chinese', async () => {
    await run('any');
    expect(stats.failures.slice(0, 40), `${stats.failures.length} failures`).toEqual([]);
  }, 600_000);

  it('left no audit row behind any refused request', async () => {
    expect(rejectedIds.length).toBeGreaterThan(FULL ? 1000 : 300);
    for (let i = 0; i < rejectedIds.length; i += 500) {
      const rows = await t.db
        .selectFrom('audit_events')
        .select(['action', 'request_id'])
        .where('request_id', 'in', rejectedIds.slice(i, i + 500))
        .execute();
      expect(rows).toEqual([]);
    }
  });

  it('is healthy afterwards: health check ok, a fresh sign-in works, the fixture appeal reads back intact', async () => {
    const health = await t.client().get('/api/v1/health');
    expect(health.status).toBe(200);
    expect(health.body.status).toBe('ok');
    const staff = callers[1];
    await signIn(t.app, staff);
    const appeal = await t.app.inject({ method: 'GET', url: `/api/v1/appeals/${w.appealId}`, headers: { cookie: staff.cookie } });
    expect(appeal.statusCode).toBe(200);
    expect(appeal.json().title).toBe('加班费没有按时发放');

    stats.slowest = stats.slowest.sort((a, b) => b[1] - a[1]).slice(0, 8);
    const summary = { engine: t.engine, seed: SEED, at: new Date().toISOString(), ...stats, failures: stats.failures.length };
    fs.mkdirSync(path.resolve('test-results'), { recursive: true });
    fs.writeFileSync(path.resolve(`test-results/hostile-${t.engine}.json`), JSON.stringify(summary, null, 2));
    fs.writeFileSync(path.resolve(`test-results/hostile-${t.engine}-cases.jsonl`), log.join('\n'));
    console.log(
      `hostile input (${t.engine}): ${stats.routes} routes, ${stats.cases} cases, ${stats.requests} requests, ${JSON.stringify(stats.byStatus)}, ${stats.ms.reject + stats.ms.any} ms`,
    );
    expect(stats.byStatus['5xx'] ?? 0).toBe(0);
  });
});
