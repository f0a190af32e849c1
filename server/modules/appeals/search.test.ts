import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app.js';
import { useAppealsWorld } from './appeals.testkit.js';

const t = useTestApp();
const w = useAppealsWorld(t, beforeAll);

describe('full-text search over appeals', () => {
  it('finds two-character words such as 工资, 维权, 住房 — within the caller’s scope, anonymous authors hidden', async () => {
    const team = await w.team();
    const worker = await w.worker({ name: '检索测试人' }, team);
    const post = async (category: string, title: string, description: string, anonymous = false) =>
      (await worker.post('/api/v1/appeals', { category, title, description, anonymous })).body.id as string;
    const wage = await post('wages', '单位拖欠工资', '三个月没发工资，要求工会帮助维权', true);
    const housing = await post('housing', '宿舍漏雨', '职工住房条件差，屋顶漏雨');
    const rights = await post('fairness', '女职工权益', '转岗时受到歧视，请求维权');
    const other = await post('benefits', '食堂涨价', '饭菜价格上涨太快');
    const mine2Worker = await w.worker({}, w.team2);
    const elsewhere = (await mine2Worker.post('/api/v1/appeals', { category: 'wages', title: '二号矿工资', description: '工资发放推迟' })).body.id;

    const ids = async (client: typeof w.staff, q: string) =>
      (await client.get(`/api/v1/appeals?q=${encodeURIComponent(q)}&orgId=${w.group.id}&pageSize=200`)).body.items.map((a: any) => a.id).sort();
    expect(await ids(w.staff, '工资')).toEqual([wage, elsewhere].sort());
    expect(await ids(w.staff, '维权')).toEqual([wage, rights].sort());
    expect(await ids(w.staff, '住房')).toEqual([housing]);
    expect(await ids(w.staff, '工资 维权')).toEqual([wage]);
    expect(await ids(w.staff, '涨价')).toEqual([other]);
    expect(await ids(w.staff, '养老保险')).toEqual([]);
    // A search combines with every other filter.
    // (The anonymous appeal is placed at its unit: a team filter does not find it, the unit does.)
    expect((await w.staff.get(`/api/v1/appeals?q=工资&orgId=${team.id}`)).body.items.map((a: any) => a.id)).toEqual([]);
    const hit = (await w.staff.get(`/api/v1/appeals?q=维权&orgId=${w.mine1.id}&category=wages`)).body.items;
    expect(hit).toHaveLength(1);
    expect(hit[0]).toMatchObject({ id: wage, anonymous: true, author: null });
    expect(JSON.stringify(hit)).not.toContain('检索测试人');

    // Scope: a handler only finds what is assigned to their department.
    await w.staff.post(`/api/v1/appeals/${elsewhere}/accept`, {});
    await w.staff.post(`/api/v1/appeals/${elsewhere}/assign`, { departmentId: w.prod2.id });
    expect(await ids(w.handler2, '工资')).toEqual([elsewhere]);
    expect(await ids(w.handler, '工资')).toEqual([]);
    // A worker finds only their own.
    expect(await ids(mine2Worker, '工资')).toEqual([elsewhere]);
    // Nothing searchable: nothing found, not everything.
    expect((await w.staff.get(`/api/v1/appeals?q=${encodeURIComponent('，。')}`)).body.total).toBe(0);
  });
});
