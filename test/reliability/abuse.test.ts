/**
 * Hostile traffic against the built server behind a proxy (TRUST_PROXY=1, so the client
 * address comes from X-Forwarded-For): sign-in guessing is slowed per address and locks
 * the account however many addresses it comes from; writes are limited per account and,
 * without an account, per address; every answer carries the security headers; the session
 * cookie is HttpOnly, SameSite=Lax and, behind HTTPS, Secure.
 * (Five wrong passwords lock an account: server/core/auth/auth.test.ts.)
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../app.js';
import { ENGINE, freshServerDb, type ServerDb } from './support/databases.js';
import { Http, signIn, type HttpResponse } from './support/http.js';
import { ROOT, requireBuild, startXq, type XqServer } from './support/process.js';
import { seedWorld, type World } from './support/world.js';

const PER_ACCOUNT = 10;
const PER_IP = 40;
const LOGIN_PER_IP = 30; // the sign-in route's own limit (server/core/auth/auth.routes.ts)

let sdb: ServerDb;
let world: World;
let server: XqServer;
beforeAll(async () => {
  requireBuild();
  sdb = await freshServerDb();
  const database = await sdb.open();
  world = await seedWorld(database.db, { students: 2 });
  await database.close();
  server = await startXq({ ...sdb.env, TRUST_PROXY: '1', SECURE_COOKIES: '1', XQ_WRITE_LIMIT_ACCOUNT: String(PER_ACCOUNT), XQ_WRITE_LIMIT_IP: String(PER_IP) });
});
afterAll(async () => {
  await server?.kill9();
  await sdb?.dispose();
});

const from = (ip: string) => ({ 'x-forwarded-for': ip });

function expectRateLimited(res: HttpResponse) {
  expect(res.status, res.text).toBe(429);
  expect(res.headers.get('content-type')).toContain('application/problem+json');
  expect(res.body.code).toBe('rate_limited');
  expect(res.body.detail).toBe('操作过于频繁，请稍后再试');
  const wait = Number(res.headers.get('retry-after'));
  expect(wait).toBeGreaterThan(0);
  expect(wait).toBeLessThanOrEqual(60);
}

describe(`abuse on ${ENGINE}: sign-in guessing`, () => {
  it(`slows guessing from one address after ${LOGIN_PER_IP} attempts a minute, even with the right password, but not other addresses`, async () => {
    const guesser = new Http(server.url, from('198.51.100.30'));
    for (let i = 0; i < LOGIN_PER_IP; i++) expect((await guesser.login(`nobody-${i}`, 'guess-123456')).status).toBe(401);
    expectRateLimited(await guesser.login(`nobody-x`, 'guess-123456'));
    expectRateLimited(await guesser.login(world.accounts.staff.username, world.accounts.staff.password));
    // The office next door is not punished for it.
    expect((await new Http(server.url, from('198.51.100.31')).login(world.accounts.staff.username, world.accounts.staff.password)).status).toBe(200);
  });

  it('slows guesses spread over many addresses, and never locks the owner out of the address they sign in from (ASVS 2.2)', async () => {
    const target = world.accounts.teacher;
    const home = from('203.0.113.99');
    expect((await new Http(server.url, home).login(target.username, target.password)).status).toBe(200);
    for (let i = 0; i < 10; i++) {
      const res = await new Http(server.url, from(`203.0.113.${10 + i}`)).login(target.username, `wrong-${i}-pass`);
      expect(res.status).toBe(401);
    }
    expectRateLimited(await new Http(server.url, from('203.0.113.50')).login(target.username, target.password));
    expect((await new Http(server.url, home).login(target.username, target.password)).status).toBe(200);
  });
});

describe(`abuse on ${ENGINE}: write rate limits`, () => {
  it(`stops an account after ${PER_ACCOUNT} writes a minute with 429 and Retry-After; its reads and other accounts go on`, async () => {
    const admin = await signIn(server.url, world.accounts.admin, from('192.0.2.1'));
    for (let i = 0; i < PER_ACCOUNT; i++)
      expect((await admin.post('/api/v1/orgs', { parentId: world.group.id, kind: 'department', name: `限流-${i}` })).status).toBe(201);
    const over = await admin.post('/api/v1/orgs', { parentId: world.group.id, kind: 'department', name: '限流-超出' });
    expectRateLimited(over);
    // A new address does not reset an account's allowance.
    expectRateLimited(
      await admin.on(server.url).post('/api/v1/orgs', { parentId: world.group.id, kind: 'department', name: '限流-换地址' }, from('192.0.2.2')),
    );
    const list = await admin.get('/api/v1/orgs');
    expect(list.status).toBe(200);
    const names = list.body.items.map((o: { name: string }) => o.name);
    expect(names).toContain(`限流-${PER_ACCOUNT - 1}`);
    expect(names).not.toContain('限流-超出');
    // Same address, another account: not limited (a whole mine may share one NAT address).
    const staff = await signIn(server.url, world.accounts.staff, from('192.0.2.1'));
    expect((await staff.post('/api/v1/people', { orgId: world.mine.id, kind: 'worker', name: '限流同址' })).status).toBe(201);
  });

  it(`stops anonymous writes from one address after ${PER_IP} a minute`, async () => {
    const bot = new Http(server.url, from('198.51.100.20'));
    for (let i = 0; i < PER_IP; i++) expect((await bot.post('/api/v1/auth/logout')).status).toBe(401);
    expectRateLimited(await bot.post('/api/v1/auth/logout'));
    expect((await new Http(server.url, from('198.51.100.21')).post('/api/v1/auth/logout')).status).toBe(401);
  });
});

describe(`abuse on ${ENGINE}: headers and cookies`, () => {
  function expectSecurityHeaders(res: HttpResponse, where: string) {
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp, where).toContain("default-src 'self'");
    expect(csp, where).toContain("script-src 'self'");
    expect(csp, where).toContain("object-src 'none'");
    expect(csp, where).toContain("frame-ancestors 'none'");
    expect(res.headers.get('x-content-type-options'), where).toBe('nosniff');
    expect(res.headers.get('referrer-policy'), where).toBe('no-referrer');
    expect(res.headers.get('x-frame-options'), where).toBe('SAMEORIGIN');
    expect(res.headers.get('strict-transport-security'), where).toMatch(/max-age=\d+/);
    expect(res.headers.get('x-powered-by'), where).toBeNull();
  }

  it('sends CSP with frame-ancestors, nosniff and Referrer-Policy on API answers, errors and the web app', async () => {
    const anon = new Http(server.url);
    expectSecurityHeaders(await anon.get('/api/v1/health'), 'health');
    expectSecurityHeaders(await anon.get('/api/v1/orgs'), '401 problem');
    expectSecurityHeaders(await anon.get('/api/v1/no-such-route'), '404 problem');
    const page = await anon.get('/login');
    expectSecurityHeaders(page, 'web app');
    // With the web app built, client-side routes get index.html (the not-found handler is the app's own).
    if (fs.existsSync(path.join(ROOT, 'dist/web/index.html'))) {
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toContain('text/html');
    }
  });

  it('behind HTTPS (SECURE_COOKIES=1) the session cookie is HttpOnly, SameSite=Lax and Secure', async () => {
    const res = await fetch(`${server.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...from('198.51.100.40') },
      body: JSON.stringify({ login: world.accounts.worker.username, password: world.accounts.worker.password }),
    });
    expect(res.status).toBe(200);
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('xq_sid='))!;
    expect(cookie).toMatch(/; HttpOnly/i);
    expect(cookie).toMatch(/; SameSite=Lax/i);
    expect(cookie).toMatch(/; Secure/i);
    expect(cookie).toMatch(/; Path=\//i);
  });
});

describe(`abuse on ${ENGINE}: cookies without HTTPS`, () => {
  const t = useTestApp();
  it('without SECURE_COOKIES the cookie still is HttpOnly and SameSite=Lax, but not Secure (plain http on a LAN works)', async () => {
    const u = await t.user([]);
    const res = await t.client().login(u.username);
    const cookie = ([] as string[]).concat(res.headers['set-cookie']).find((c) => c.startsWith('xq_sid='))!;
    expect(cookie).toMatch(/; HttpOnly/i);
    expect(cookie).toMatch(/; SameSite=Lax/i);
    expect(cookie).not.toMatch(/; Secure/i);
  });
});
