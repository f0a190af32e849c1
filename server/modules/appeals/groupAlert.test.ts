import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app.js';
import { useAppealsWorld } from './appeals.testkit.js';

const t = useTestApp();
const w = useAppealsWorld(t, beforeAll);

/** Six ways of saying "our overtime pay is months late". */
const PARAPHRASES = [
  ['三个月没发加班费', '我们队从七月份起加班费就没发过。'],
  ['加班工资拖欠了好几个月', '加班工资拖欠了好几个月了，问了也没人答复。'],
  ['加班费什么时候发', '下半年的加班费一直没有到账，家里急用钱。'],
  ['请求补发加班报酬', '节假日加班的报酬至今没有发放，请督促补发。'],
  ['加班的钱一直没给', '连续加班两个月，加班的钱到现在都没给。'],
  ['加班费被压着不发', '矿上把加班费压着不发，说年底再算。'],
] as const;

async function register(personId: string, [title, description]: readonly [string, string], category = 'wages') {
  const res = await w.staff.post('/api/v1/appeals', { category, title, description, onBehalfOf: { personId, channel: 'visit' } });
  expect(res.status).toBe(201);
  // The receipt confirms the submission; whether it joined or raised an alert is on the appeal.
  return (await w.staff.get(`/api/v1/appeals/${res.body.id}`)).body as { id: string; groupAlertId: string | null };
}

const alertsOf = async (unitId: string) => (await w.staff.get(`/api/v1/appeals/group-alerts?unitId=${unitId}&pageSize=50`)).body.items as any[];

describe('group-dispute early warning', () => {
  it('raises an alert at the fifth distinct worker — not at the fifth appeal of fewer workers', async () => {
    const team = await w.team();
    const people = await Promise.all([1, 2, 3, 4, 5].map((i) => t.person(team, { name: `加班工人${i}` })));
    const before = (await alertsOf(w.mine1.id)).length;
    for (let i = 0; i < 4; i++) expect((await register(people[i].id, PARAPHRASES[i])).groupAlertId).toBeNull();
    // The first worker again: five appeals, still four workers.
    expect((await register(people[0].id, PARAPHRASES[4])).groupAlertId).toBeNull();
    expect(await alertsOf(w.mine1.id)).toHaveLength(before);
    const fifth = await register(people[4].id, PARAPHRASES[5]);
    const alerts = await alertsOf(w.mine1.id);
    expect(alerts).toHaveLength(before + 1);
    const alert = (await w.staff.get(`/api/v1/appeals/group-alerts/${alerts[0].id}`)).body;
    expect(alert).toMatchObject({ status: 'open', workerCount: 5, appealCount: 6, category: 'wages', unit: { name: '一号矿' } });
    expect(alert.keywords).toContain('加班费');
    expect(alert.members.map((m: any) => m.id)).toContain(fifth.id);
    expect((await w.staff.get(`/api/v1/appeals/${fifth.id}`)).body.groupAlertId).toBe(alert.id);
    const notice = await t.db
      .selectFrom('notifications')
      .select(['title', 'body'])
      .where('account_id', '=', w.chair.accountId)
      .where('kind', '=', 'appeal.groupAlert')
      .execute();
    expect(notice.map((n) => n.body)).toContain('5 名职工反映同类问题（' + alert.keywords.join('、') + '），请研判');
    // A sixth worker joins the same alert instead of raising another.
    const sixth = await t.person(team, { name: '加班工人6' });
    expect((await register(sixth.id, ['加班费拖着不给', '加班费拖了一个季度还没给。'])).groupAlertId).toBe(alert.id);
    expect((await w.staff.get(`/api/v1/appeals/group-alerts/${alert.id}`)).body.workerCount).toBe(6);
  });

  it('does not count a near miss — same pay item, another grievance — towards the five workers', async () => {
    const team = await w.team();
    const before = (await alertsOf(w.mine1.id)).length;
    for (const [title, d] of [
      ['夜班津贴三个月没发', '七月以来的夜班津贴一直没有发放。'],
      ['夜班补贴拖欠', '夜班补贴拖了好几个月了。'],
      ['夜班费一直没给', '上夜班的钱到现在都没给。'],
      ['夜班补助没到账', '这几个月的夜班补助一直没到账。'],
    ]) {
      expect((await register((await t.person(team)).id, [title, d])).groupAlertId).toBeNull();
    }
    // A fifth worker on 夜班津贴, but about how it is calculated: not the same complaint.
    const near = await register((await t.person(team)).id, ['夜班津贴计算标准不对', '夜班津贴按六小时算，我们实际下井八小时，算少了。']);
    expect(near.groupAlertId).toBeNull();
    expect(await alertsOf(w.mine1.id)).toHaveLength(before);
    // A fifth worker with the same complaint in other words raises it, without the near miss.
    const fifth = await register((await t.person(team)).id, ['请补发夜班津贴', '夜班津贴欠了一个季度，请尽快补发。']);
    expect(fifth.groupAlertId).toBeTruthy();
    const alert = (await w.staff.get(`/api/v1/appeals/group-alerts/${fifth.groupAlertId}`)).body;
    expect(alert).toMatchObject({ workerCount: 5, appealCount: 5 });
    expect(alert.members.map((m: any) => m.id)).not.toContain(near.id);
  });

  it('keeps units apart, and five appeals from one worker raise nothing', async () => {
    const team1 = await w.team();
    const before1 = (await alertsOf(w.mine1.id)).length;
    const before2 = (await alertsOf(w.mine2.id)).length;
    // Three workers in mine 1 and two in mine 2: five workers, but no unit has five.
    for (let i = 0; i < 3; i++) await register((await t.person(team1)).id, ['宿舍漏水没人修', `宿舍一下雨就漏水，报修${i + 1}次没人修。`], 'housing');
    for (let i = 0; i < 2; i++) await register((await t.person(w.team2)).id, ['宿舍漏水没人修', `宿舍屋顶渗水，墙上全是水印${i}。`], 'housing');
    const lonely = await t.person(w.team2);
    for (const [title, d] of PARAPHRASES.slice(0, 5)) await register(lonely.id, [title, d]);
    expect(await alertsOf(w.mine1.id)).toHaveLength(before1);
    expect(await alertsOf(w.mine2.id)).toHaveLength(before2);
  });

  it('handles a confirmed group as one case: one answer answers every member once, each worker can rate', async () => {
    const team = await w.team();
    const worker = await w.worker({}, team);
    const mine = (await worker.post('/api/v1/appeals', { category: 'benefits', title: '食堂饭菜涨价', description: '职工食堂每份菜涨了两块钱，分量还少了。' }))
      .body;
    for (const [title, description] of [
      ['食堂价格上涨太快', '食堂伙食价格最近上涨明显，工资没涨饭钱先涨了。'],
      ['班中餐变贵了', '班中餐价格提高了，饭菜质量却没有提高。'],
      ['职工餐涨价没公示', '职工餐从十元涨到十三元，没有提前公示。'],
      ['吃饭越来越贵', '在食堂吃饭越来越贵，一天要花五六十块。'],
    ]) {
      await register((await t.person(team)).id, [title, description], 'benefits');
    }
    const alertId = (await w.staff.get(`/api/v1/appeals/${mine.id}`)).body.groupAlertId;
    expect(alertId).toBeTruthy();
    expect((await w.staff.post(`/api/v1/appeals/group-alerts/${alertId}/answer`, { answer: '先答' })).status).toBe(409);
    const confirmed = await w.staff.post(`/api/v1/appeals/group-alerts/${alertId}/confirm`, { note: '确认为群体诉求' });
    expect(confirmed.body.status).toBe('confirmed');
    expect(confirmed.body.members.every((m: any) => m.status === 'accepted')).toBe(true);
    const assigned = await w.staff.post(`/api/v1/appeals/group-alerts/${alertId}/assign`, { departmentId: w.elec1.id });
    expect(assigned.body.members.every((m: any) => m.status === 'assigned')).toBe(true);
    const answered = await w.staff.post(`/api/v1/appeals/group-alerts/${alertId}/answer`, { answer: '食堂价格恢复原标准，多收部分下月退还。' });
    expect(answered.body).toMatchObject({ status: 'answered', answer: '食堂价格恢复原标准，多收部分下月退还。' });
    expect(answered.body.members.every((m: any) => m.status === 'answered')).toBe(true);
    expect((await w.staff.post(`/api/v1/appeals/group-alerts/${alertId}/answer`, { answer: '再答一次' })).status).toBe(409);
    const seen = await worker.get(`/api/v1/appeals/${mine.id}`);
    expect(seen.body).toMatchObject({ status: 'answered', answer: '食堂价格恢复原标准，多收部分下月退还。' });
    expect(seen.body.timeline.filter((e: any) => e.kind === 'answered')).toHaveLength(1);
    expect(seen.body.timeline.map((e: any) => e.kind)).toContain('groupConfirmed');
    expect((await worker.post(`/api/v1/appeals/${mine.id}/rate`, { rating: 'satisfied' })).body.status).toBe('closed');
    // The group is settled: a new similar appeal starts counting afresh.
    const late = await register((await t.person(team)).id, ['食堂又涨价了', '食堂饭菜价格又上涨了。'], 'benefits');
    expect(late.groupAlertId).toBeNull();
  });

  it('lets staff dismiss an alert with a reason; later appeals of the same cluster are filed under it and raise no new alert', async () => {
    const team = await w.team();
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await register((await t.person(team)).id, ['宿舍暖气不热', `宿舍暖气一直不热，晚上冻得睡不着${i}。`], 'housing')).id);
    const alertId = (await w.staff.get(`/api/v1/appeals/${ids[4]}`)).body.groupAlertId;
    expect(alertId).toBeTruthy();
    expect((await w.handler.post(`/api/v1/appeals/group-alerts/${alertId}/dismiss`, { reason: '越权' })).status).toBe(404);
    const dismissed = await w.staff.post(`/api/v1/appeals/group-alerts/${alertId}/dismiss`, { reason: '供暖季刚开始，属于正常调试，已个别答复' });
    expect(dismissed.body).toMatchObject({ status: 'dismissed', decisionNote: '供暖季刚开始，属于正常调试，已个别答复' });
    expect((await w.staff.post(`/api/v1/appeals/group-alerts/${alertId}/confirm`, {})).status).toBe(409);
    // Five more workers with the same complaint: filed under the dismissal, no new alert, no new notice.
    const before = (await alertsOf(w.mine1.id)).length;
    const notices = async () =>
      (await t.db.selectFrom('notifications').select('id').where('account_id', '=', w.chair.accountId).where('kind', '=', 'appeal.groupAlert').execute())
        .length;
    const noticed = await notices();
    for (const [title, d] of [
      ['暖气还是不热', '宿舍暖气还是不热。'],
      ['宿舍太冷了', '宿舍暖气不热，屋里冷得睡不着。'],
      ['暖气片是凉的', '宿舍的暖气片摸着是凉的，暖气不热。'],
      ['宿舍暖气不热', '晚上宿舍暖气不热，冻醒好几次。'],
      ['暖气温度太低', '宿舍暖气不热，温度只有十几度。'],
    ]) {
      const late = await register((await t.person(team)).id, [title, d], 'housing');
      expect(late.groupAlertId).toBe(alertId);
    }
    expect(await alertsOf(w.mine1.id)).toHaveLength(before);
    expect(await notices()).toBe(noticed);
    const alert = (await w.staff.get(`/api/v1/appeals/group-alerts/${alertId}`)).body;
    expect(alert).toMatchObject({ status: 'dismissed', decisionNote: '供暖季刚开始，属于正常调试，已个别答复', appealCount: 10 });
  });

  it('catches a grievance the lexicon has no word for, and the alert names the facts its appeals share', async () => {
    const before = (await alertsOf(w.mine2.id)).length;
    const team2 = await t.org(`掘进${Date.now() % 1000}队`, 'team', w.prod2);
    const texts = [
      ['18号道口没人看守', '厂门口的18号道口没有栏杆也没人看守，运煤车来了才知道。'],
      ['过铁路道口太危险', '下夜班天黑，十八号道口火车鸣笛才发现，差点被撞。'],
      ['道口需要装栏杆', '每天上下班都要过18号道口，推着车抢着过铁道，没人管。'],
      ['铁道口无人值守', '运煤专线18号道口调车的时候也不停，吓人。'],
      ['道口没人看守太吓人', '18号道口一直没人看守，上个月就有工友差点出事。'],
    ];
    let last: { groupAlertId: string | null } = { groupAlertId: null };
    for (const text of texts) last = await register((await t.person(team2)).id, text as [string, string], 'other');
    expect(last.groupAlertId).toBeTruthy();
    expect(await alertsOf(w.mine2.id)).toHaveLength(before + 1);
    const alert = (await w.staff.get(`/api/v1/appeals/group-alerts/${last.groupAlertId}`)).body;
    expect(alert.keywords).toEqual(expect.arrayContaining(['18号', '道口']));
  });

  it('raises exactly one alert when the fifth and sixth workers submit at the same moment', async () => {
    const team = await w.team();
    for (let i = 0; i < 4; i++) await register((await t.person(team)).id, ['井下津贴降低了', `井下津贴从每天五十降到三十${i}。`]);
    const [a, b] = await Promise.all([t.person(team), t.person(team)]);
    const [ra, rb] = await Promise.all([
      register(a.id, ['下井补贴减少', '下井补贴减少了，钱少了。']),
      register(b.id, ['入井津贴下调', '入井津贴标准下调了。']),
    ]);
    expect(ra.groupAlertId ?? rb.groupAlertId).toBeTruthy();
    const alertId = (await w.staff.get(`/api/v1/appeals/${ra.id}`)).body.groupAlertId;
    expect((await w.staff.get(`/api/v1/appeals/${rb.id}`)).body.groupAlertId).toBe(alertId);
    expect((await w.staff.get(`/api/v1/appeals/group-alerts/${alertId}`)).body.workerCount).toBe(6);
  });
});
