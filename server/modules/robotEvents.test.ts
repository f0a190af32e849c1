/**
 * Robot events are declared by the modules (defineModule's robotEvents): a webhook takes only
 * declared ones, the robot page lists them by module, and the notices of two practices beyond
 * appeals (a congress proposal assigned, a collective contract's clock) reach a subscribed
 * robot once — with no one's name in them.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../test/app.js';
import { congressBase, useCongressWorld } from './congress/congress.testkit.js';
import { sweepContractClocks } from './contracts/index.js';

const t = useTestApp();
const w = useCongressWorld(t, beforeAll);
let admin: Awaited<ReturnType<typeof t.user>>;
beforeAll(async () => {
  admin = await t.user([{ role: 'sysAdmin', org: null }]);
});

const robot = (key: string) => `https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=${key}`;
async function ok(p: Promise<{ status: number; body: any; text: string }>, status = 200) {
  const r = await p;
  expect(r.status, r.text).toBe(status);
  return r.body;
}
/** What the robots with these ids were queued, oldest first. */
const queued = (ids: string[]) =>
  t.db
    .selectFrom('webhook_outbox')
    .select(['webhook_id', 'payload'])
    .where('webhook_id', 'in', ids)
    .orderBy('created_at')
    .orderBy('id')
    .execute()
    .then((rows) => rows.map((r) => ({ hook: r.webhook_id, ...JSON.parse(r.payload) })));

describe('robot events declared by the modules', () => {
  it('lists the declared events grouped by module, with Chinese and English labels, to those who manage robots', async () => {
    const list = await ok(w.chair.get('/api/v1/webhooks/events'));
    const byModule = Object.fromEntries(list.groups.map((g: any) => [g.module, g]));
    expect(byModule.appeals.label).toEqual({ zh: '职工诉求', en: 'Appeals' });
    expect(byModule.appeals.events.map((e: any) => e.key)).toEqual(['appeal.new', 'appeal.assigned', 'appeal.answered', 'appeal.overdue', 'appeal.groupAlert']);
    expect(byModule.congress.events).toEqual([{ key: 'congress.proposalAssigned', label: { zh: '职代会提案已交办', en: 'Congress proposal assigned' } }]);
    expect(byModule.contracts.events.map((e: any) => e.key)).toEqual(['contracts.clock']);
    // A household's hardship file and a mediation applicant are named in their notices: no robot may take them.
    expect(byModule.hardship).toBeUndefined();
    expect(byModule.mediation).toBeUndefined();
    expect((await w.handler.get('/api/v1/webhooks/events')).status).toBe(403);
  });

  it('refuses an event no module declares, naming the field in Chinese, on create and on edit', async () => {
    const bad = await w.chair.post('/api/v1/webhooks', {
      orgId: w.mine1.id,
      flavor: 'wecom',
      url: robot('unknown'),
      events: ['appeal.overdue', 'hardship.applied'],
    });
    expect(bad.status).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    expect(bad.body.errors).toEqual([{ field: 'body.events.1', message: '没有「hardship.applied」这种推送事件，请从列表中选择' }]);
    const hook = await ok(w.chair.post('/api/v1/webhooks', { orgId: w.mine1.id, flavor: 'wecom', url: robot('edit'), events: ['contracts.clock'] }), 201);
    const edit = await w.chair.request('PATCH', `/api/v1/webhooks/${hook.id}`, { events: ['contracts.clock', 'congress.voteOpened'] });
    expect(edit.status).toBe(400);
    expect(edit.body.errors).toEqual([{ field: 'body.events.1', message: '没有「congress.voteOpened」这种推送事件，请从列表中选择' }]);
    expect((await ok(w.chair.get(`/api/v1/webhooks/${hook.id}`))).events).toEqual(['contracts.clock']);
    await ok(w.chair.request('DELETE', `/api/v1/webhooks/${hook.id}`), 204);
  });

  it('sends a collective contract’s clock once to a robot set on a mine and on its group, and nothing to a robot that did not take it', async () => {
    // The same robot on the mine and on its group: one message per notice, and none again when the sweep reruns.
    const mine = await ok(w.chair.post('/api/v1/webhooks', { orgId: w.mine1.id, flavor: 'wecom', url: robot('contracts'), events: ['contracts.clock'] }), 201);
    const twin = await ok(
      admin.post('/api/v1/webhooks', { orgId: w.group.id, flavor: 'wecom', url: robot('contracts'), events: ['contracts.clock', 'appeal.overdue'] }),
      201,
    );
    const deaf = await ok(
      admin.post('/api/v1/webhooks', { orgId: w.group.id, flavor: 'dingtalk', url: robot('appealsOnly'), events: ['appeal.overdue'] }),
      201,
    );
    const contract = await ok(
      w.staff.post('/api/v1/contracts', {
        orgId: w.mine1.id,
        kind: 'collective',
        title: '一号矿2026年集体合同',
        requestedBy: 'union',
        requestDate: '2026-09-11',
        termYears: 1,
      }),
      201,
    );
    // The reply is due 2026-10-08 (20 calendar days, moved past 国庆节); the warning starts 5 days before.
    await sweepContractClocks(t.db, new Date('2026-10-07T02:00:00Z'));
    await sweepContractClocks(t.db, new Date('2026-10-07T03:00:00Z'));
    expect(await queued([mine.id, twin.id, deaf.id])).toEqual([
      { hook: mine.id, title: '协商要约即将到期', body: '「一号矿2026年集体合同」的协商要约应于 2026-10-08 前书面回应', link: `/contracts/${contract.id}` },
    ]);
  });

  it('sends a congress proposal assigned to the department’s robot once, without the proposer’s name', async () => {
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    const term = await ok(w.staff.post(`${congressBase}/terms`, { orgId: w.group.id, number: 1, startDate: '2025-03-01', endDate: '2030-02-28' }), 201);
    const [a, b, c] = [
      await w.representative(term.id, { category: 'frontLine', account: true }),
      await w.representative(term.id, { category: 'frontLine', account: true }),
      await w.representative(term.id, { category: 'frontLine', account: true }),
    ];
    const session = await ok(w.staff.post(`${congressBase}/terms/${term.id}/sessions`, { number: 1, startsOn: today }), 201);
    const dept = await t.org('安全部', 'department', w.mine1);
    await t.user([{ role: 'handler', org: dept }]);
    const hook = await ok(
      w.chair.post('/api/v1/webhooks', { orgId: w.mine1.id, flavor: 'wecom', url: robot('congress'), events: ['congress.proposalAssigned'] }),
      201,
    );
    const twin = await ok(
      admin.post('/api/v1/webhooks', { orgId: dept.id, flavor: 'wecom', url: robot('congress'), events: ['congress.proposalAssigned'] }),
      201,
    );

    const p = await ok(
      a.client!.post(`${congressBase}/sessions/${session.id}/proposals`, {
        title: '井下更衣室供暖',
        reasons: '更衣室冬季没有暖气。',
        solution: '加装暖气片。',
      }),
      201,
    );
    await ok(b.client!.post(`${congressBase}/proposals/${p.id}/second`));
    await ok(c.client!.post(`${congressBase}/proposals/${p.id}/second`));
    await ok(w.staff.post(`${congressBase}/proposals/${p.id}/screen`, { outcome: 'adopt', reason: '事关职工切身利益' }));
    const assigned = await ok(w.staff.post(`${congressBase}/proposals/${p.id}/assign`, { departmentId: dept.id }));

    const got = await queued([hook.id, twin.id]);
    expect(got).toEqual([
      { hook: hook.id, title: '职代会提案交办：井下更衣室供暖', body: `请于 ${assigned.answerDueDate} 前答复第1号提案。`, link: `/congress/proposals/${p.id}` },
    ]);
    expect(JSON.stringify(got)).not.toContain(a.person.name);
  });
});
