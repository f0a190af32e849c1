import { describe, expect, it } from 'vitest';
import { PASSWORD, useTestApp } from '../../../test/app.js';

const t = useTestApp();

describe('sign-in', () => {
  it('signs in by username, returns roles and a CSRF token, and /me knows the user', async () => {
    const org = await t.org('甲矿');
    const u = await t.user([{ role: 'unionStaff', org }]);
    const me = await u.get('/api/v1/auth/me');
    expect(me.status).toBe(200);
    expect(me.body.account.username).toBe(u.username);
    expect(me.body.roles).toEqual([{ role: 'unionStaff', orgId: org.id, orgName: '甲矿' }]);
    expect(me.body.permissions).toContain('people.read');
    expect(me.body.csrfToken).toBe(u.csrf);
  });

  it('answers a wrong password with a Chinese problem+json and no session', async () => {
    const u = await t.user([]);
    const c = t.client();
    const res = await c.login(u.username, 'wrong-password1');
    expect(res.status).toBe(401);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.body.detail).toBe('用户名或密码错误');
    expect(c.cookie).toBe('');
    expect((await c.get('/api/v1/auth/me')).status).toBe(401);
  });

  it('gives English errors when asked', async () => {
    const c = t.client('en');
    const res = await c.login('nobody-here', 'x');
    expect(res.status).toBe(401);
    expect(res.body.detail).toBe('Wrong username or password');
  });

  it('locks the account after five failures, even for the right password, and audits it', async () => {
    const u = await t.user([]);
    const c = t.client();
    for (let i = 0; i < 4; i++) expect((await c.login(u.username, 'bad' + i)).status).toBe(401);
    const fifth = await c.login(u.username, 'bad5');
    expect(fifth.status).toBe(423);
    expect(fifth.body.detail).toMatch(/已锁定/);
    const right = await c.login(u.username, PASSWORD);
    expect(right.status).toBe(423);
    const audit = await t.db.selectFrom('audit_events').select('action').where('entity_id', '=', u.accountId).execute();
    expect(audit.map((a) => a.action)).toContain('auth.locked');
  });

  it('rotates the session at login: the old cookie stops working', async () => {
    const u = await t.user([]);
    const oldCookie = u.cookie;
    await u.login(u.username);
    expect(u.cookie).not.toBe(oldCookie);
    const stale = t.client();
    stale.cookie = oldCookie;
    expect((await stale.get('/api/v1/auth/me')).status).toBe(401);
    expect((await u.get('/api/v1/auth/me')).status).toBe(200);
  });

  it('logs out: the cookie no longer authenticates', async () => {
    const u = await t.user([]);
    const cookie = u.cookie;
    expect((await u.post('/api/v1/auth/logout')).status).toBe(204);
    const c = t.client();
    c.cookie = cookie;
    expect((await c.get('/api/v1/auth/me')).status).toBe(401);
  });

  it('refuses a cookie-authenticated write without the CSRF token', async () => {
    const root = await t.org('集团');
    const u = await t.user([{ role: 'sysAdmin', org: null }]);
    const csrf = u.csrf;
    u.csrf = '';
    const res = await u.post('/api/v1/orgs', { parentId: root.id, kind: 'mine', name: '无令牌' });
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('csrf');
    u.csrf = csrf;
    expect((await u.post('/api/v1/orgs', { parentId: root.id, kind: 'mine', name: '有令牌' })).status).toBe(201);
  });

  it('changes the password: old password fails, other sessions end, weak passwords are refused', async () => {
    const u = await t.user([]);
    const other = t.client();
    await other.login(u.username);
    const weak = await u.post('/api/v1/auth/password', { currentPassword: PASSWORD, newPassword: 'short' });
    expect(weak.status).toBe(422);
    expect(weak.body.errors[0].field).toBe('body.newPassword');
    expect((await u.post('/api/v1/auth/password', { currentPassword: PASSWORD, newPassword: 'NewPassw0rd' })).status).toBe(204);
    expect((await other.get('/api/v1/auth/me')).status).toBe(401);
    expect((await u.get('/api/v1/auth/me')).status).toBe(200);
    expect((await t.client().login(u.username, PASSWORD)).status).toBe(401);
    expect((await t.client().login(u.username, 'NewPassw0rd')).status).toBe(200);
  });

  it('issues API tokens that authenticate without cookies or CSRF, until revoked', async () => {
    const root = await t.org('令牌集团');
    const u = await t.user([{ role: 'sysAdmin', org: null }]);
    const created = await u.post('/api/v1/auth/tokens', { name: '集成' });
    expect(created.status).toBe(200);
    const bearer = { authorization: `Bearer ${created.body.token}` };
    const api = t.client();
    expect((await api.get('/api/v1/auth/me', bearer)).status).toBe(200);
    expect((await api.request('POST', '/api/v1/orgs', { parentId: root.id, kind: 'mine', name: '集成建' }, bearer)).status).toBe(201);
    expect((await u.delete(`/api/v1/auth/tokens/${created.body.id}`)).status).toBe(204);
    expect((await api.get('/api/v1/auth/me', bearer)).status).toBe(401);
  });

  it('revokes every API token of the account when its password changes: the bearer gets 401 afterwards', async () => {
    const u = await t.user([]);
    const a = await u.post('/api/v1/auth/tokens', { name: '同步脚本' });
    const b = await u.post('/api/v1/auth/tokens', { name: '报表' });
    const api = t.client();
    for (const tok of [a, b]) expect((await api.get('/api/v1/auth/me', { authorization: `Bearer ${tok.body.token}` })).status).toBe(200);
    expect((await u.post('/api/v1/auth/password', { currentPassword: PASSWORD, newPassword: 'NewPassw0rd' })).status).toBe(204);
    for (const tok of [a, b]) {
      const res = await api.get('/api/v1/auth/me', { authorization: `Bearer ${tok.body.token}` });
      expect(res.status).toBe(401);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
    expect((await u.get('/api/v1/auth/tokens')).body.items).toEqual([]);
    const audit = await t.db
      .selectFrom('audit_events')
      .select(['action', 'changes'])
      .where('entity_id', '=', u.accountId)
      .where('action', '=', 'auth.passwordChanged')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(audit.changes!)).toEqual({ tokensRevoked: 2 });
  });
});
