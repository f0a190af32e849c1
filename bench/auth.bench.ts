/**
 * POST /api/v1/auth/login: dominated by the password KDF (scrypt, ~40 ms of CPU by design),
 * so it is measured for capacity, not compared with a target.
 */
import { measure, type Bench } from './harness.js';

const bench: Bench = {
  name: 'auth',
  needsApp: true,
  async run(ctx) {
    const { username, password } = ctx.accounts.staff;
    const body = JSON.stringify({ login: username, password });
    // Every request from its own client address: the route allows 30 sign-ins per minute
    // per address, and a benchmark from one address would measure the limiter instead.
    let n = 0;
    const request = () => {
      const i = ++n;
      return {
        method: 'POST' as const,
        path: '/api/v1/auth/login',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}` },
        body,
      };
    };
    ctx.results.add(await measure('POST /api/v1/auth/login', { baseUrl: ctx.appUrl, serverPid: ctx.appPid, requests: request, sequential: 100 }));
  },
};
export default bench;
