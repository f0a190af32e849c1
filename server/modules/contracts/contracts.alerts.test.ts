/**
 * A group alert touching a clause flags it at risk (issue #18, 履约监督): when an appeal cited on
 * a clause belongs to a standing group alert — five workers raising the same grievance — the
 * clause is at risk on one citation, not only after a cluster of three; a dismissed alert no
 * longer flags it.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app.js';
import { appealsWorld } from '../appeals/appeals.testkit.js';

const t = useTestApp();
let w: Awaited<ReturnType<typeof appealsWorld>>;
beforeAll(async () => {
  w = await appealsWorld(t);
});

type Res = Promise<{ status: number; body: any; text: string }>;
async function ok(p: Res, status = 200) {
  const r = await p;
  expect(r.status, r.text).toBe(status);
  return r.body;
}

/** Five ways of saying "our overtime pay is months late" (the group-alert test's paraphrases). */
const PARAPHRASES = [
  ['三个月没发加班费', '我们队从七月份起加班费就没发过。'],
  ['加班工资拖欠了好几个月', '加班工资拖欠了好几个月了，问了也没人答复。'],
  ['加班费什么时候发', '下半年的加班费一直没有到账，家里急用钱。'],
  ['请求补发加班报酬', '节假日加班的报酬至今没有发放，请督促补发。'],
  ['加班的钱一直没给', '连续加班两个月，加班的钱到现在都没给。'],
] as const;

async function publishedContract() {
  const { staff, chair } = w;
  const { id } = await ok(
    staff.post('/api/v1/contracts', {
      orgId: w.mine1.id,
      kind: 'collective',
      title: '一号矿集体合同（预警）',
      requestedBy: 'union',
      requestDate: '2026-09-11',
      termYears: 1,
    }),
    201,
  );
  const one = `/api/v1/contracts/${id}`;
  await ok(staff.post(`${one}/reply`, { repliedDate: '2026-09-18' }));
  await ok(
    staff.request('PUT', `${one}/negotiators`, {
      negotiators: [
        { side: 'union', name: '工会首席', chief: true },
        { side: 'employer', name: '行政首席', chief: true },
      ],
    }),
  );
  await ok(
    staff.post(`${one}/versions`, {
      clauses: [
        { chapter: '第二章 劳动报酬', number: 1, category: 'wages', text: '加班工资按月足额发放', promise: true, ownerOrgId: w.prod1.id },
        { chapter: '第三章 劳动安全卫生', number: 2, category: 'safety', text: '每年组织一次职业健康体检', promise: true, ownerOrgId: w.prod1.id },
      ],
    }),
    201,
  );
  await ok(staff.post(`${one}/review`, { mode: 'allWorkers' }));
  await ok(staff.post(`${one}/vote`, { eligible: 100, for: 80, against: 10, abstain: 5 }));
  await ok(chair.post(`${one}/sign`, { signedDate: '2026-09-30' }));
  await ok(staff.post(`${one}/file`, { receivedDate: '2026-10-10' }));
  await ok(staff.post(`${one}/effective`, {}));
  await ok(staff.post(`${one}/publish`, {}));
  return one;
}

describe('a group alert touching a clause', () => {
  it('flags the clause at risk on one cited member appeal, until the alert is dismissed', async () => {
    const { staff } = w;
    const one = await publishedContract();
    const [pay, health] = (await ok(staff.get(`${one}/board`))).clauses as { id: string }[];

    // Five workers of one team raise the same grievance: the fifth raises a group alert over all five.
    const team = await w.team();
    const people = await Promise.all(PARAPHRASES.map((_, i) => t.person(team, { name: `加班工人${i + 1}` })));
    const appeals: { id: string; groupAlertId: string | null }[] = [];
    for (const [i, [title, description]] of PARAPHRASES.entries()) {
      const r = await ok(
        staff.post('/api/v1/appeals', { category: 'wages', title, description, onBehalfOf: { personId: people[i].id, channel: 'visit' } }),
        201,
      );
      appeals.push(await ok(staff.get(`/api/v1/appeals/${r.id}`)));
    }
    const alertId = appeals[4].groupAlertId;
    expect(alertId).toBeTruthy();
    // A lone appeal on another matter, in no alert.
    const lone = await ok(
      staff.post('/api/v1/appeals', {
        category: 'medical',
        title: '体检一直没安排',
        description: '今年的职业健康体检还没有安排。',
        onBehalfOf: { personId: (await t.person(w.team1)).id, channel: 'visit' },
      }),
      201,
    );

    // The first appeal was raised before the alert existed; it is a member all the same.
    await ok(staff.post(`/api/v1/contract-clauses/${pay.id}/citations`, { appealId: appeals[0].id }), 201);
    await ok(staff.post(`/api/v1/contract-clauses/${health.id}/citations`, { appealId: lone.id }), 201);
    const state = async () => new Map(((await ok(staff.get(`${one}/board`))).clauses as any[]).map((c) => [c.id, c]));
    let board = await state();
    expect(board.get(pay.id)).toMatchObject({ citations: 1, groupAlerts: 1, atRisk: true, light: 'red' });
    expect(board.get(health.id)).toMatchObject({ citations: 1, groupAlerts: 0, atRisk: false, light: null });
    expect(await ok(staff.get(`/api/v1/contract-clauses/${pay.id}`))).toMatchObject({ groupAlerts: 1, atRisk: true });
    const report = await ok(staff.get(`${one}/inspection`));
    expect(JSON.stringify(report)).toContain('"atRisk":true');

    // Staff judge it no collective issue: the clause is no longer at risk.
    await ok(staff.post(`/api/v1/appeals/group-alerts/${alertId}/dismiss`, { reason: '经核实为个别班组的发放延迟，已补发' }));
    board = await state();
    expect(board.get(pay.id)).toMatchObject({ citations: 1, groupAlerts: 0, atRisk: false });
  });
});
