import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app.js';

// A school behind one NAT signs everybody in from one address: the limit is set per deployment.
const t = useTestApp({ config: { loginLimitPerIp: 3 } });

describe('sign-in attempts per address (XQ_LOGIN_LIMIT_IP)', () => {
  it('refuses the attempt after the configured number within a minute, in words, with Retry-After', async () => {
    const u = await t.user([]);
    const c = t.client();
    c.remoteAddress = '203.0.113.7';
    for (let i = 0; i < 3; i++) expect((await c.login(u.username, `wrong-pass-${i}`)).status).toBe(401);
    const res = await c.login(u.username, 'wrong-pass-x');
    expect(res.status).toBe(429);
    expect(res.body.detail).toBe('操作过于频繁，请稍后再试');
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    // Another address is not held back.
    const other = t.client();
    other.remoteAddress = '203.0.113.8';
    expect((await other.login(u.username, 'wrong-pass-y')).status).toBe(401);
  });
});
