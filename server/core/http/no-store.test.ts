import { describe, expect, it } from 'vitest';
import { PASSWORD, useTestApp } from '../../../test/app.js';

const t = useTestApp();

describe('answers that carry personal data are never cached', () => {
  it('sends Cache-Control: no-store on every /api answer: sign-in, reads, exports, errors, and routes that set their own', async () => {
    const mine = await t.org('缓存矿');
    await t.person(mine, { name: '周九', phone: '13800001111', id_number: '110101199003070011' });
    const chair = await t.user([{ role: 'unionChair', org: mine }]);
    const answers = {
      login: await t.client().login(chair.username, PASSWORD),
      me: await chair.get('/api/v1/auth/me'),
      people: await chair.get('/api/v1/people'),
      export: await chair.get('/api/v1/people/export.xlsx'),
      tokens: await chair.get('/api/v1/auth/tokens'),
      unauthenticated: await t.client().get('/api/v1/people'),
      notFound: await chair.get('/api/v1/people/0190f3a0-dead-7bad-8bad-0000000c0de0'),
      noRoute: await chair.get('/api/v1/no-such-thing'),
      badRequest: await chair.get('/api/v1/people?page=-1'),
      health: await t.client().get('/api/v1/health'),
    };
    expect(answers.people.body.items[0].name).toBe('周九');
    const cache = Object.fromEntries(Object.entries(answers).map(([k, r]) => [k, r.headers['cache-control']]));
    expect(cache).toEqual(Object.fromEntries(Object.keys(answers).map((k) => [k, 'no-store'])));
  });
});
