import { describe, expect, it } from 'vitest';
import { PASSWORD, useTestApp, type Client } from '../../../test/app.js';
import { GLOBAL_FREE_FAILURES, MAX_BACKOFF_MS, backoffMs } from './login-limit.js';

const t = useTestApp();
let net = 0;
/** A caller at an address of its own, so one test's attempts never count against another's. */
function from(address = `198.18.${Math.floor(++net / 250)}.${net % 250}`): Client {
  const c = t.client();
  c.remoteAddress = address;
  return c;
}
/** What a caller can compare between two answers: everything but the request id. */
const seen = (r: { status: number; body: any; headers: Record<string, any> }) => ({
  status: r.status,
  body: { ...r.body, requestId: undefined },
  retryAfter: r.headers['retry-after'],
});

describe('sign-in lockout that names no one and locks out no owner (OWASP ASVS 2.2)', () => {
  it('answers a real user name and one nobody has in exactly the same way, attempt by attempt, up to and through the lock', async () => {
    const u = await t.user([]);
    const ghost = `nobody_${Date.now()}`;
    const a = from();
    const b = from();
    for (let i = 0; i < 7; i++) {
      const real = await a.login(u.username, `wrong-${i}`);
      const none = await b.login(ghost, `wrong-${i}`);
      expect(seen(none), `attempt ${i + 1}`).toEqual(seen(real));
    }
    // Locked or unknown: the right password changes nothing in the answer either.
    expect(seen(await b.login(ghost, PASSWORD))).toEqual(seen(await a.login(u.username, PASSWORD)));
    expect((await a.login(u.username, PASSWORD)).status).toBe(423);
  });

  it('a stranger who locks an account from their address does not lock the owner out of theirs', async () => {
    const u = await t.user([]);
    const owner = from();
    expect((await owner.login(u.username)).status).toBe(200);
    const stranger = from();
    for (let i = 0; i < 5; i++) await stranger.login(u.username, `guess-${i}`);
    expect((await stranger.login(u.username)).status).toBe(423);
    expect((await owner.login(u.username)).status).toBe(200);
    // Also from an address the owner never used: five failures elsewhere are no lock here.
    expect((await from().login(u.username)).status).toBe(200);
  });

  it('the admin account cannot be locked by anyone from anywhere but their own address', async () => {
    const admin = await t.user([{ role: 'sysAdmin', org: null }]);
    const attackers = Array.from({ length: 4 }, () => from());
    for (const c of attackers) for (let i = 0; i < 5; i++) await c.login(admin.username, `x-${i}`);
    expect((await admin.login(admin.username)).status).toBe(200);
  });

  it('slows a guesser spread over many addresses with a growing pause, but never the owner at an address they signed in from', async () => {
    const u = await t.user([]);
    const home = from();
    expect((await home.login(u.username)).status).toBe(200);
    for (let i = 0; i < GLOBAL_FREE_FAILURES; i++) expect((await from().login(u.username, `spread-${i}`)).status).toBe(401);
    const next = await from().login(u.username, PASSWORD);
    expect(next.status).toBe(429);
    expect(next.body.detail).toBe('操作过于频繁，请稍后再试');
    expect(Number(next.headers['retry-after'])).toBeGreaterThan(0);
    expect((await home.login(u.username)).status).toBe(200);
    // A name nobody has is slowed just the same: the pause does not tell that a name is real.
    const ghost = `ghost_${Date.now()}`;
    for (let i = 0; i < GLOBAL_FREE_FAILURES; i++) await from().login(ghost, `spread-${i}`);
    expect(seen(await from().login(ghost, 'x'))).toMatchObject({ status: 429, body: { code: 'rate_limited' } });
  });

  it('the pause grows with each failure and stops at a minute', () => {
    expect(backoffMs(GLOBAL_FREE_FAILURES - 1)).toBe(0);
    expect(backoffMs(GLOBAL_FREE_FAILURES)).toBe(1000);
    expect(backoffMs(GLOBAL_FREE_FAILURES + 3)).toBe(8000);
    expect(backoffMs(GLOBAL_FREE_FAILURES + 40)).toBe(MAX_BACKOFF_MS);
  });

  it('a disabled account does not confirm its password: the same answer as a wrong one', async () => {
    const org = await t.org('停用矿');
    const admin = await t.user([{ role: 'sysAdmin', org: null }]);
    const u = await t.user([{ role: 'worker', org }]);
    expect((await admin.post(`/api/v1/accounts/${u.accountId}/disable`)).status).toBe(200);
    const c = from();
    const right = await c.login(u.username, PASSWORD);
    const wrong = await c.login(u.username, 'not-the-password1');
    expect(right.status).toBe(401);
    expect(seen(right)).toEqual(seen(wrong));
    expect(c.cookie).toBe('');
  });
});
