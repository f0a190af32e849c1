import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app.js';
import { useAppealsWorld } from './appeals.testkit.js';
import { adb } from './appeals.tables.js';
import { placeAnonymous } from './migrations/20261206_1200_appeals_anonymous_placement.js';

const t = useTestApp();
const w = useAppealsWorld(t, beforeAll);

const TEXTS = [
  ['三个月没发加班费', '我们队从七月份起加班费就没发过。'],
  ['加班工资拖欠了好几个月', '加班工资拖欠了好几个月了，问了也没人答复。'],
  ['加班费什么时候发', '下半年的加班费一直没有到账，家里急用钱。'],
  ['请求补发加班报酬', '节假日加班的报酬至今没有发放，请督促补发。'],
  ['加班的钱一直没给', '连续加班两个月，加班的钱到现在都没给。'],
];

describe('the anonymity migration', () => {
  it('moves anonymous appeals stored the old way to their unit, forgets the author’s category, and recounts their group alert', async () => {
    const team = await w.team();
    const x = await w.worker({ employment_category: 'migrant' }, team);
    for (const [title, description] of TEXTS.slice(0, 4)) {
      const p = await t.person(team, {});
      await w.staff.post('/api/v1/appeals', { category: 'medical', title, description, onBehalfOf: { personId: p.id, channel: 'visit' } });
    }
    const named = (await x.post('/api/v1/appeals', { category: 'medical', title: TEXTS[4][0], description: TEXTS[4][1] })).body.id;
    const anon = (await x.post('/api/v1/appeals', { category: 'medical', title: TEXTS[0][0], description: TEXTS[0][1], anonymous: true })).body.id;
    const alertId = (await w.staff.get(`/api/v1/appeals/${anon}`)).body.groupAlertId;
    expect(alertId).toBeTruthy();
    expect((await w.staff.get(`/api/v1/appeals/${named}`)).body.groupAlertId).toBe(alertId);

    // As the code before the rule stored it: at the author's team, with their category, keyed by the person.
    await adb(t.db).updateTable('appeals').set({ org_id: team.id, author_category: 'migrant' }).where('id', '=', anon).execute();
    await adb(t.db).updateTable('appeal_signatures').set({ author_key: x.person.id }).where('appeal_id', '=', anon).execute();
    await adb(t.db).updateTable('appeal_group_alerts').set({ worker_count: 5 }).where('id', '=', alertId).execute();
    const leak = await w.chair.get(`/api/v1/appeals/dashboard?orgId=${team.id}&employmentCategory=migrant&anonymous=1`);
    expect(leak.body.total.numerator).toBe(1);

    await placeAnonymous(t.db);
    const row = await adb(t.db).selectFrom('appeals').select(['org_id', 'unit_id', 'author_category']).where('id', '=', anon).executeTakeFirstOrThrow();
    expect(row).toEqual({ org_id: w.mine1.id, unit_id: w.mine1.id, author_category: null });
    for (const q of [`orgId=${team.id}&anonymous=1`, `employmentCategory=migrant&anonymous=1`]) {
      expect((await w.chair.get(`/api/v1/appeals/dashboard?${q}`)).body.total.numerator, q).toBe(0);
      expect((await w.chair.get(`/api/v1/appeals?${q}`)).body.total, q).toBe(0);
    }
    // Four visitors, the named worker, and the anonymous appeal as a worker of its own.
    expect((await w.chair.get(`/api/v1/appeals/group-alerts/${alertId}`)).body).toMatchObject({ workerCount: 6, appealCount: 6 });
    // The cells and the rows still agree: the whole period by month, cells path and rows path alike.
    const viaCells = (await w.chair.get(`/api/v1/appeals/dashboard?unitId=${w.mine1.id}&category=medical`)).body.total.numerator;
    const viaRows = (
      await w.chair.get(`/api/v1/appeals?unitId=${w.mine1.id}&category=medical&status=submitted,accepted,assigned,handling,answered,closed,declined`)
    ).body.total;
    expect(viaCells).toBe(viaRows);
  });
});
