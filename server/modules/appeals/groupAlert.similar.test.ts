import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app.js';
import { useAppealsWorld } from './appeals.testkit.js';

const t = useTestApp();
const w = useAppealsWorld(t, beforeAll);

async function register(personId: string, [title, description]: readonly [string, string], category = 'other', anonymous = false) {
  const res = await w.staff.post('/api/v1/appeals', { category, title, description, anonymous, onBehalfOf: { personId, channel: 'visit' } });
  expect(res.status).toBe(201);
  return res.body.id as string;
}

describe('similar appeals and linking by hand', () => {
  it('lists the unit’s similar appeals first, with what they share, and never who wrote them', async () => {
    const team = await w.team();
    const named = await t.person(team, { name: '道口甲' });
    const a = await register(named.id, ['18号道口没人看守', '厂门口的18号道口没有栏杆也没人看守，运煤车来了才知道。'], 'other', true);
    const b = await register((await t.person(team, { name: '道口乙' })).id, ['过铁路道口太危险', '下夜班天黑，十八号道口火车鸣笛才发现，差点被撞。']);
    const c = await register((await t.person(team)).id, ['铁道口无人值守', '运煤专线18号道口调车的时候也不停，吓人。'], 'fairness');
    const other = await register((await t.person(team)).id, ['更衣室柜子不够', '更衣室的柜子两个人合用一个，衣服放不下。']);
    // A question is never the same issue as a complaint for the alert, but it shares the place: listed after the others.
    const question = await register((await t.person(team)).id, ['道口旁边的路灯', '请问18号道口边上的路灯能不能修一下？']);
    const res = await w.staff.get(`/api/v1/appeals/${b}/similar`);
    expect(res.status).toBe(200);
    const ids = res.body.items.map((i: any) => i.id);
    // Another category of the same unit is listed too: the list is for a person to judge.
    expect(ids.slice(0, 2).sort()).toEqual([a, c].sort());
    expect(ids.indexOf(question)).toBeGreaterThan(1);
    const scores = res.body.items.map((i: any) => i.score);
    expect(scores).toEqual([...scores].sort((x: number, y: number) => y - x));
    expect(ids).not.toContain(other);
    expect(res.body.items[0].shared).toEqual(expect.arrayContaining(['18号']));
    expect(res.body.items.find((i: any) => i.id === a).shared.join(' ')).toContain('道口');
    // The anonymous author stays anonymous here too.
    expect(res.text).not.toContain('道口甲');
    expect(Object.keys(res.body.items[0]).sort()).toEqual(['category', 'code', 'groupAlertId', 'id', 'score', 'shared', 'status', 'submittedAt', 'title']);
  });

  it('is for the unit’s staff: a handler or the author is refused, an unknown id is 404', async () => {
    const worker = await w.worker();
    const mine = (await worker.post('/api/v1/appeals', { category: 'other', title: '道口太危险', description: '18号道口没人看守。' })).body.id;
    expect((await worker.get(`/api/v1/appeals/${mine}/similar`)).status).toBe(403);
    expect((await w.handler.get(`/api/v1/appeals/${mine}/similar`)).status).toBe(404);
    expect((await w.staff.get('/api/v1/appeals/00000000-0000-7000-8000-000000000000/similar')).status).toBe(404);
    expect((await w.handler.post(`/api/v1/appeals/${mine}/link`, { appealIds: [mine] })).status).toBe(404);
  });

  it('links appeals by hand into a confirmed group case, and a later link joins it', async () => {
    const team = await w.team();
    const texts: [string, string][] = [
      ['宿舍晚上十一点锁门', '我们中班十二点才下，回到宿舍大门锁了，只能在外面等。'],
      ['下夜班进不了宿舍', '门卫说十一点后一律不开门，冬天冻死了。'],
      ['中班下来回不了宿舍', '宿管把大门锁了，只好去网吧过夜。'],
      ['宿舍关门太早', '上次在门口蹲到早上六点才进去。'],
    ];
    const ids: string[] = [];
    for (const text of texts) ids.push(await register((await t.person(team)).id, text, 'housing'));
    // Four workers: below the alert's five, so nothing was raised.
    expect((await w.staff.get(`/api/v1/appeals/${ids[0]}`)).body.groupAlertId).toBeNull();
    const linked = await w.staff.post(`/api/v1/appeals/${ids[0]}/link`, { appealIds: [ids[1], ids[2]] });
    expect(linked.status).toBe(200);
    expect(linked.body).toMatchObject({ status: 'confirmed', appealCount: 3, workerCount: 3 });
    expect(linked.body.members.map((m: any) => m.id).sort()).toEqual(ids.slice(0, 3).sort());
    // As when an alert is confirmed: waiting members are accepted, and their timeline says so.
    expect(linked.body.members.every((m: any) => m.status === 'accepted')).toBe(true);
    const detail = (await w.staff.get(`/api/v1/appeals/${ids[1]}`)).body;
    expect(detail.groupAlertId).toBe(linked.body.id);
    expect(detail.timeline.map((e: any) => e.kind)).toContain('groupConfirmed');
    const joined = await w.staff.post(`/api/v1/appeals/${ids[3]}/link`, { appealIds: [ids[0]] });
    expect(joined.body).toMatchObject({ id: linked.body.id, appealCount: 4, workerCount: 4 });
    expect((await w.staff.get(`/api/v1/appeals/${ids[3]}`)).body.status).toBe('accepted');
  });

  it('refuses to link an appeal with itself or across units, naming the field in Chinese', async () => {
    const a = await register((await t.person(await w.team())).id, ['道口没有栏杆', '18号道口没有栏杆。']);
    const b = await register((await t.person(w.team2)).id, ['道口没有栏杆', '二号矿的道口也没有栏杆。']);
    const self = await w.staff.post(`/api/v1/appeals/${a}/link`, { appealIds: [a] });
    expect(self.status).toBe(422);
    expect(self.headers['content-type']).toContain('application/problem+json');
    expect(JSON.stringify(self.body)).toContain('appealIds');
    const unknown = await w.staff.post(`/api/v1/appeals/${a}/link`, { appealIds: ['00000000-0000-7000-8000-000000000000'] });
    expect(unknown.status).toBe(422);
    expect(unknown.body.detail ?? unknown.body.title).toMatch(/appealIds/);
    const across = await w.staff.post(`/api/v1/appeals/${a}/link`, { appealIds: [b] });
    expect(across.status).toBe(422);
    expect(across.body.detail ?? across.body.title).toMatch(/同一单位/);
  });
});
