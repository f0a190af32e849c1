import { describe, expect, it } from 'vitest';
import { PASSWORD, useTestApp } from '../../../test/app.js';

const t = useTestApp();

const NEW_PASSWORD = 'Kuangshan2026';

/** Group → mine A (with a department) and mine B; a system admin of mine A only. */
async function mines() {
  const group = await t.org('华能煤业集团', 'group');
  const mineA = await t.org('一号矿', 'mine', group);
  const deptA = await t.org('生产部', 'department', mineA);
  const mineB = await t.org('二号矿', 'mine', group);
  const adminA = await t.user([{ role: 'sysAdmin', org: mineA }]);
  const admin = await t.user([{ role: 'sysAdmin', org: null }]);
  return { group, mineA, deptA, mineB, adminA, admin };
}

const auditOf = (entityId: string) =>
  t.db.selectFrom('audit_events').select(['action', 'org_id', 'changes', 'actor_id']).where('entity_id', '=', entityId).orderBy('id').execute();

describe('account administration', () => {
  it('creates an account with grants, masks the phone in lists, audits it, and the person can sign in by phone', async () => {
    const { mineA, admin } = await mines();
    const username = `zhangsan${Date.now() % 100000}`;
    const phone = `139${String(Date.now()).slice(-8)}`;
    const res = await admin.post('/api/v1/accounts', {
      username,
      displayName: '张三',
      phone,
      password: NEW_PASSWORD,
      grants: [{ role: 'unionStaff', orgId: mineA.id }],
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ username, displayName: '张三', phone: `139****${phone.slice(-4)}`, disabled: false, manageable: true });
    expect(res.body.grants).toEqual([{ id: expect.any(String), role: 'unionStaff', orgId: mineA.id, orgName: '一号矿' }]);

    const list = await admin.get(`/api/v1/accounts?q=${encodeURIComponent('张三')}&orgId=${mineA.id}`);
    expect(list.status).toBe(200);
    expect(list.body.items.map((a: any) => a.username)).toEqual([username]);
    expect(list.text).not.toContain(phone);

    const c = t.client();
    expect((await c.login(phone, NEW_PASSWORD)).status).toBe(200);
    expect((await c.get('/api/v1/auth/me')).body.roles).toEqual([{ role: 'unionStaff', orgId: mineA.id, orgName: '一号矿' }]);

    const audit = await auditOf(res.body.id);
    expect(audit[0]).toMatchObject({ action: 'account.create', org_id: mineA.id, actor_id: admin.accountId });
    expect(audit[0].changes).not.toContain(NEW_PASSWORD);
  });

  it('shows a mine admin only accounts with a grant in that mine, and only the grants there', async () => {
    const { mineA, deptA, mineB, adminA } = await mines();
    const a1 = await t.user([{ role: 'handler', org: deptA }]);
    const b1 = await t.user([{ role: 'handler', org: mineB }]);
    const both = await t.user([
      { role: 'worker', org: mineA },
      { role: 'representative', org: mineB },
    ]);

    const list = await adminA.get('/api/v1/accounts?pageSize=200');
    expect(list.status).toBe(200);
    const names = list.body.items.map((a: any) => a.username);
    expect(names).toEqual(expect.arrayContaining([a1.username, both.username, adminA.username]));
    expect(names).not.toContain(b1.username);
    expect(list.body.total).toBe(3);
    const shared = list.body.items.find((a: any) => a.username === both.username);
    // The grant at mine B is neither named nor manageable from mine A.
    expect(shared.grants.map((g: any) => [g.role, g.orgName])).toEqual([['worker', '一号矿']]);
    expect(shared.manageable).toBe(false);
    expect(list.body.items.find((a: any) => a.username === a1.username).manageable).toBe(true);

    expect((await adminA.get('/api/v1/accounts?role=handler')).body.items.map((a: any) => a.username)).toEqual([a1.username]);
    // mine B's representative grant is outside the scope, so the role filter does not find it either.
    expect((await adminA.get('/api/v1/accounts?role=representative')).body.total).toBe(0);
    expect((await adminA.get(`/api/v1/accounts?orgId=${deptA.id}`)).body.items.map((a: any) => a.username)).toEqual([a1.username]);
    expect((await adminA.get(`/api/v1/accounts?orgId=${mineB.id}`)).status).toBe(404);
    expect((await adminA.get(`/api/v1/accounts/${b1.accountId}`)).status).toBe(404);
    expect((await adminA.get(`/api/v1/accounts?sort=username&order=desc&pageSize=2`)).body.items).toHaveLength(2);

    const chair = await t.user([{ role: 'unionChair', org: mineA }]);
    expect((await chair.get('/api/v1/accounts')).status).toBe(403);
  });

  it('stops the wrong admin: no grants at another mine, no system admin, no deployment-wide grants', async () => {
    const { mineA, deptA, mineB, adminA } = await mines();
    const body = (grants: unknown[]) => ({ username: `wrong${Math.random().toString(36).slice(2, 8)}`, displayName: '李四', password: NEW_PASSWORD, grants });

    const atB = await adminA.post('/api/v1/accounts', body([{ role: 'worker', orgId: mineB.id }]));
    expect(atB.status).toBe(404);
    const sysAdmin = await adminA.post('/api/v1/accounts', body([{ role: 'sysAdmin', orgId: mineA.id }]));
    expect(sysAdmin.status).toBe(403);
    expect(sysAdmin.body.detail).toBe('只有全局系统管理员可以授予系统管理员角色');
    const global = await adminA.post('/api/v1/accounts', body([{ role: 'unionChair', orgId: null }]));
    expect(global.status).toBe(403);
    expect(global.body.detail).toBe('只有全局系统管理员可以授予不限组织的角色');
    const none = await adminA.post('/api/v1/accounts', body([]));
    expect(none.status).toBe(422);
    expect(none.body.errors[0].field).toBe('body.grants');
    expect(await t.db.selectFrom('accounts').select('id').where('username', 'like', 'wrong%').execute()).toEqual([]);

    const a1 = await t.user([{ role: 'worker', org: deptA }]);
    expect((await adminA.post(`/api/v1/accounts/${a1.accountId}/grants`, { role: 'worker', orgId: mineB.id })).status).toBe(404);
    expect((await adminA.post(`/api/v1/accounts/${a1.accountId}/grants`, { role: 'sysAdmin', orgId: deptA.id })).status).toBe(403);
    expect((await a1.get('/api/v1/auth/me')).body.roles).toHaveLength(1);

    // An account that also holds a role at mine B is beyond mine A's admin as a whole.
    const both = await t.user([
      { role: 'worker', org: mineA },
      { role: 'representative', org: mineB },
    ]);
    const disable = await adminA.post(`/api/v1/accounts/${both.accountId}/disable`);
    expect(disable.status).toBe(403);
    expect(disable.body.detail).toBe('该账号在您的管理范围之外还有其他角色，只能由上级管理员操作');
    expect((await adminA.post(`/api/v1/accounts/${both.accountId}/reset-password`, { password: NEW_PASSWORD })).status).toBe(403);
    expect((await both.get('/api/v1/auth/me')).status).toBe(200);
    const grants = await t.db.selectFrom('role_grants').select(['id', 'org_id']).where('account_id', '=', both.accountId).execute();
    const grantB = grants.find((g) => g.org_id === mineB.id)!;
    const grantA = grants.find((g) => g.org_id === mineA.id)!;
    expect((await adminA.delete(`/api/v1/accounts/${both.accountId}/grants/${grantB.id}`)).status).toBe(404);
    // Its own mine's grant it may take back.
    expect((await adminA.delete(`/api/v1/accounts/${both.accountId}/grants/${grantA.id}`)).status).toBe(204);
    expect((await both.get('/api/v1/auth/me')).body.roles.map((r: any) => r.role)).toEqual(['representative']);

    // A global admin's account is not a mine admin's to touch, even with a grant in the mine.
    const bigBoss = await t.user([
      { role: 'sysAdmin', org: null },
      { role: 'worker', org: mineA },
    ]);
    expect((await adminA.post(`/api/v1/accounts/${bigBoss.accountId}/reset-password`, { password: NEW_PASSWORD })).status).toBe(403);
  });

  it('disabling ends the account’s sessions at once; enabling lets it sign in again; both audited', async () => {
    const { mineA, adminA } = await mines();
    const u = await t.user([{ role: 'worker', org: mineA }]);
    const disabled = await adminA.post(`/api/v1/accounts/${u.accountId}/disable`);
    expect(disabled.status).toBe(200);
    expect(disabled.body.disabled).toBe(true);
    expect((await u.get('/api/v1/auth/me')).status).toBe(401);
    expect(await t.db.selectFrom('sessions').select('id').where('account_id', '=', u.accountId).execute()).toEqual([]);
    const refused = await t.client().login(u.username);
    // A disabled account does not confirm its password: the answer is that of a wrong one.
    expect(refused.status).toBe(401);
    expect(refused.body.detail).toBe('用户名或密码错误');

    expect((await adminA.post(`/api/v1/accounts/${u.accountId}/enable`)).body.disabled).toBe(false);
    expect((await t.client().login(u.username)).status).toBe(200);
    const audit = await auditOf(u.accountId);
    expect(audit.filter((a) => a.action.startsWith('account.')).map((a) => [a.action, a.org_id])).toEqual([
      ['account.create', mineA.id],
      ['account.disabled', mineA.id],
      ['account.enabled', mineA.id],
    ]);

    const self = await adminA.post(`/api/v1/accounts/${adminA.accountId}/disable`);
    expect(self.status).toBe(422);
    expect(self.body.detail).toBe('不能对自己的账号执行此操作');
  });

  it('resets a password: weak ones refused, sessions and API tokens ended, lockout lifted, old password dead', async () => {
    const { mineA, adminA } = await mines();
    const u = await t.user([{ role: 'worker', org: mineA }]);
    const weak = await adminA.post(`/api/v1/accounts/${u.accountId}/reset-password`, { password: '123456' });
    expect(weak.status).toBe(422);
    expect(weak.body.errors).toEqual([{ field: 'body.password', message: '新密码至少 8 位，且须同时包含字母和数字' }]);

    const token = (await u.post('/api/v1/auth/tokens', { name: '脚本' })).body.token;
    const bearer = { authorization: `Bearer ${token}` };
    expect((await t.client().get('/api/v1/auth/me', bearer)).status).toBe(200);
    const guesser = t.client();
    guesser.remoteAddress = '198.51.100.20';
    for (let i = 0; i < 5; i++) await guesser.login(u.username, `wrong-${i}`);
    expect((await adminA.get(`/api/v1/accounts/${u.accountId}`)).body.lockedUntil).not.toBeNull();
    expect((await adminA.post(`/api/v1/accounts/${u.accountId}/reset-password`, { password: NEW_PASSWORD })).status).toBe(204);
    expect((await u.get('/api/v1/auth/me')).status).toBe(401);
    // The reset also ends the programs that held a token minted with the old password.
    expect((await t.client().get('/api/v1/auth/me', bearer)).status).toBe(401);
    expect((await t.client().login(u.username, PASSWORD)).status).toBe(401);
    expect((await t.client().login(u.username, NEW_PASSWORD)).status).toBe(200);
    expect((await guesser.login(u.username, NEW_PASSWORD)).status).toBe(200);
    const audit = (await auditOf(u.accountId)).find((a) => a.action === 'account.passwordReset');
    expect(audit).toMatchObject({ org_id: mineA.id, actor_id: adminA.accountId, changes: JSON.stringify({ tokensRevoked: 1 }) });
  });

  it('adds and removes grants with immediate effect on what the person may do', async () => {
    const { mineA, adminA } = await mines();
    const u = await t.user([{ role: 'worker', org: mineA }]);
    expect((await u.get('/api/v1/audit')).status).toBe(403);
    const added = await adminA.post(`/api/v1/accounts/${u.accountId}/grants`, { role: 'unionChair', orgId: mineA.id });
    expect(added.status).toBe(201);
    expect(added.body.grants.map((g: any) => g.role)).toEqual(['worker', 'unionChair']);
    expect((await u.get('/api/v1/audit')).status).toBe(200);
    expect((await adminA.post(`/api/v1/accounts/${u.accountId}/grants`, { role: 'unionChair', orgId: mineA.id })).status).toBe(409);

    const grantId = added.body.grants.find((g: any) => g.role === 'unionChair').id;
    expect((await adminA.delete(`/api/v1/accounts/${u.accountId}/grants/${grantId}`)).status).toBe(204);
    expect((await u.get('/api/v1/audit')).status).toBe(403);
    const actions = (await auditOf(u.accountId)).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['account.grantAdded', 'account.grantRemoved']));
  });

  it('refuses a taken username, a badly formed one, and a person who already has an account or lies elsewhere', async () => {
    const { mineA, mineB, adminA } = await mines();
    const existing = await t.user([{ role: 'worker', org: mineA }]);
    const grants = [{ role: 'worker', orgId: mineA.id }];
    const taken = await adminA.post('/api/v1/accounts', { username: existing.username, displayName: '重名', password: NEW_PASSWORD, grants });
    expect(taken.status).toBe(409);
    expect(taken.body.detail).toBe('用户名或手机号已被使用');
    const bad = await adminA.post('/api/v1/accounts', { username: '张 三', displayName: '张三', password: NEW_PASSWORD, grants });
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([{ field: 'body.username', message: '用户名为 2–32 位字母、数字或 _ . @ -' }]);

    const worker = await t.person(mineA, { name: '王五' });
    const elsewhere = await t.person(mineB, { name: '赵六' });
    const linked = await adminA.post('/api/v1/accounts', {
      username: `wangwu${Date.now() % 10000}`,
      displayName: '王五',
      password: NEW_PASSWORD,
      personId: worker.id,
      grants,
    });
    expect(linked.status).toBe(201);
    expect(linked.body.personId).toBe(worker.id);
    const again = await adminA.post('/api/v1/accounts', {
      username: `wangwu2${Date.now() % 10000}`,
      displayName: '王五',
      password: NEW_PASSWORD,
      personId: worker.id,
      grants,
    });
    expect(again.status).toBe(409);
    expect(again.body.detail).toBe('该人员已关联其他账号');
    expect(
      (
        await adminA.post('/api/v1/accounts', {
          username: `zhaoliu${Date.now() % 10000}`,
          displayName: '赵六',
          password: NEW_PASSWORD,
          personId: elsewhere.id,
          grants,
        })
      ).status,
    ).toBe(404);
  });
});
