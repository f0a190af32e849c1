import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app.js';
import { shanghaiDate } from '../../core/calendar/calendar.js';
import { toXlsx } from '../../core/excel/export.js';
import { indicator } from '../../core/indicators/indicators.registry.js';
import { newId } from '../../core/ids.js';
import { multipart } from '../../core/people/people.fixtures.js';
import { verifyNoticeChain } from '../notices/index.js';

const t = useTestApp();
const today = shanghaiDate(new Date());
const yearsFrom = (years: number) => `${Number(today.slice(0, 4)) + years}${today.slice(4, 8)}01`;
const year = Number(today.slice(0, 4));

async function ok(p: Promise<{ status: number; body: any; text: string }>, status = 200) {
  const r = await p;
  expect(r.status, r.text).toBe(status);
  return r.body;
}

/**
 * A group with three mines: mine 1 with a congress and a worker's wage-arrears appeal, mine 2
 * clean (a congress, a wages appeal of another unit's kind elsewhere), mine 3 without a congress
 * and with an arrears mediation case, a confirmed group alert and a safety accident.
 */
async function world() {
  const group = await t.org('荣誉集团', 'group');
  const mine = async (name: string) => {
    const m = await t.org(name, 'mine', group);
    const dept = await t.org(`${name}生产部`, 'department', m);
    return { m, dept, team: await t.org(`${name}综采队`, 'team', dept), team2: await t.org(`${name}掘进队`, 'team', dept) };
  };
  const [m1, m2, m3] = [await mine('甲矿'), await mine('乙矿'), await mine('丙矿')];
  const chair = await t.user([{ role: 'unionChair', org: group }]);
  const staff = await t.user([{ role: 'unionStaff', org: group }]);
  const handler1 = await t.user([{ role: 'handler', org: m1.dept }]);
  const handler2 = await t.user([{ role: 'handler', org: m2.dept }]);
  const worker = async (org: { id: string }) => t.user([{ role: 'worker', org }], { personId: (await t.person(org)).id });
  const worker1 = await worker(m1.team);
  const worker2 = await worker(m2.team);
  const other = await t.org('别的集团', 'group');
  const otherStaff = await t.user([{ role: 'unionStaff', org: other }]);
  const otherWorker = await t.user([{ role: 'worker', org: other }]);
  for (const [m, n] of [
    [m1.m, 1],
    [m2.m, 2],
  ] as const)
    await ok(staff.post('/api/v1/congress/terms', { orgId: m.id, number: n, startDate: yearsFrom(-1), endDate: yearsFrom(4) }), 201);
  // Collective contracts, written as the contracts module stores them (its bargaining loop is long):
  // mine 1's in force (published) and mine 2's (effective, its publication to follow) cover their teams;
  // mine 3 has only one that ended and one still being negotiated.
  await collective(m1.m, 'published', yearsFrom(-1), yearsFrom(2));
  await collective(m2.m, 'effective', yearsFrom(-1), yearsFrom(2));
  await collective(m3.m, 'published', yearsFrom(-4), yearsFrom(-1));
  await collective(m3.m, 'negotiating', null, null);
  return { group, m1, m2, m3, chair, staff, handler1, handler2, worker1, worker2, other, otherStaff, otherWorker };
}
async function collective(org: { id: string; path: string }, status: string, startsOn: string | null, endsOn: string | null) {
  const iso = new Date().toISOString();
  await t.db
    .insertInto('contracts' as any)
    .values({
      id: newId(),
      org_id: org.id,
      org_path: org.path,
      kind: 'collective',
      title: '集体合同',
      status,
      predecessor_id: null,
      requested_by: 'union',
      request_date: today,
      reply_due: today,
      replied_date: null,
      term_years: 3,
      current_version: 1,
      review_mode: null,
      congress_vote_id: null,
      vote_eligible: null,
      vote_for: null,
      vote_against: null,
      vote_abstain: null,
      signed_date: null,
      filing_due: null,
      received_date: null,
      objection_due: null,
      effective_date: startsOn,
      published_date: startsOn,
      starts_on: startsOn,
      ends_on: endsOn,
      created_at: iso,
      updated_at: iso,
    })
    .execute();
}
let w: Awaited<ReturnType<typeof world>>;
beforeAll(async () => {
  w = await world();
});

const H = '/api/v1/honours';
const N = '/api/v1/honour-nominations';
const honour = (name: string) => ok(w.staff.post(H, { orgId: w.group.id, kind: 'pioneerTeam', name, year, criteria: '安全生产无事故，班组管理规范' }), 201);
const nominate = (by: typeof w.staff, honourId: string, team: { id: string }) =>
  ok(by.post(`${H}/${honourId}/nominations`, { teamOrgId: team.id, record: '连续三年安全生产无事故' }), 201);

describe('disqualifiers are found in the records the platform holds', () => {
  it('an arrears appeal in the unit disqualifies its team; the same in another unit does not', async () => {
    const appeal = await ok(
      w.worker1.post('/api/v1/appeals', { category: 'wages', title: '拖欠三个月工资', description: '综采队十月起工资一直拖欠未发。' }),
      201,
    );
    // An anonymous one is placed at its mine: it never singles out a department, so it bars none of mine 2's teams.
    await ok(w.worker2.post('/api/v1/appeals', { category: 'wages', title: '工资拖欠', description: '掘进队工资拖欠两个月。', anonymous: true }), 201);
    // A wages appeal that is no arrears (a question about the rate) disqualifies nobody.
    await ok(
      w.worker2.post('/api/v1/appeals', { category: 'wages', nature: 'consultation', title: '夜班津贴标准', description: '想了解夜班津贴怎么计算。' }),
      201,
    );
    const h = await honour('2026年度工人先锋号');
    const n1 = await nominate(w.staff, h.id, w.m1.team);
    const n2 = await nominate(w.staff, h.id, w.m2.team);
    const d1 = await ok(w.staff.get(`${N}/${n1.id}`));
    expect(d1.findings).toEqual([
      { reason: 'arrearsAppeal', evidence: [{ kind: 'appeal', id: appeal.id, label: `${appeal.code} 拖欠三个月工资`, date: today }] },
    ]);
    expect((await ok(w.staff.get(`${N}/${n2.id}`))).findings).toEqual([]);
  });

  it('no congress, no collective contract in force, an arrears mediation case, a confirmed group alert and a safety accident each disqualify mine 3', async () => {
    const applicant = await t.user([{ role: 'worker', org: w.m3.team }], { personId: (await t.person(w.m3.team)).id });
    const mediation = await ok(
      applicant.post('/api/v1/mediation/cases', {
        respondent: '丙矿',
        disputeDate: today,
        summary: '工资拖欠两个月。',
        claims: [{ type: 'wagesOwed', description: '补发工资', amount: 9000 }],
      }),
      201,
    );
    // The group alert is written as the appeals module stores a confirmed one (raising one takes many similar appeals).
    const alertId = newId();
    await t.db
      .insertInto('appeal_group_alerts' as any)
      .values({
        id: alertId,
        unit_id: w.m3.m.id,
        category: 'wages',
        status: 'confirmed',
        worker_count: 12,
        appeal_count: 12,
        keywords: '欠薪 掘进队',
        raised_at: new Date().toISOString(),
        decided_by: null,
        decided_at: null,
        decision_note: null,
        answer: null,
        answered_at: null,
        updated_at: new Date().toISOString(),
      })
      .execute();
    const accident = await ok(
      w.staff.post('/api/v1/safety-accidents', { orgId: w.m3.dept.id, occurredOn: `${year - 1}-03-02`, severity: 'minor', description: '掘进工作面片帮伤人' }),
      201,
    );
    expect(
      (await w.staff.post('/api/v1/safety-accidents', { orgId: w.m3.dept.id, occurredOn: `${year + 1}-01-01`, severity: 'minor', description: '未来' })).body
        .errors[0].field,
    ).toBe('occurredOn');
    const h = await honour('2026年度红旗班组');
    const n = await nominate(w.staff, h.id, w.m3.team);
    const d = await ok(w.staff.get(`${N}/${n.id}`));
    expect(d.findings.map((f: any) => [f.reason, f.evidence.map((e: any) => e.id)])).toEqual([
      ['arrearsMediation', [mediation.id]],
      ['groupIncident', [alertId]],
      ['noCollectiveContract', []],
      ['noCongress', []],
      ['safetyAccident', [accident.id]],
    ]);
    // The review desk records the disqualification; the reasons are what the check found.
    await ok(w.staff.post(`${N}/${n.id}/disqualify`, { note: '一票否决' }));
    expect((await ok(w.staff.get(`${N}?status=disqualified&reason=noCongress&honourId=${h.id}`))).items.map((i: any) => i.teamName)).toEqual(['丙矿综采队']);
  });
});

describe('the nomination loop', () => {
  it('review → award → publish → revoke, each step by its role, an illegal step refused', async () => {
    const h = await honour('2026年度工人先锋号（二）');
    const clean = await nominate(w.handler2, h.id, w.m2.team2);
    const tainted = await nominate(w.staff, h.id, w.m1.team2);
    const weak = await nominate(w.staff, h.id, w.m2.team);

    // A tainted nomination cannot pass review: the 422 names the status; it is disqualified instead.
    const refused = await w.staff.post(`${N}/${tainted.id}/recommend`, {});
    expect([refused.status, refused.body.errors[0].field]).toEqual([422, 'status']);
    expect((await w.staff.post(`${N}/${clean.id}/disqualify`, {})).status).toBe(422);
    await ok(w.staff.post(`${N}/${tainted.id}/disqualify`, {}));
    expect((await w.staff.post(`${N}/${tainted.id}/recommend`, {})).status).toBe(409);

    await ok(w.staff.post(`${N}/${weak.id}/reject`, { reason: '事迹材料不充分' }));
    expect((await w.chair.post(`${N}/${weak.id}/award`, {})).status).toBe(409);

    await ok(w.staff.post(`${N}/${clean.id}/recommend`, { note: '符合条件' }));
    expect((await w.staff.post(`${N}/${clean.id}/award`, {})).status).toBe(403);
    expect((await w.chair.post(`${N}/${clean.id}/publish`, {})).status).toBe(409);
    await ok(w.chair.post(`${N}/${clean.id}/award`, {}));
    await ok(w.chair.post(`${N}/${clean.id}/publish`, {}));
    expect((await ok(w.worker2.get(`${H}/awards`))).items.map((a: any) => a.teamName)).toContain('乙矿掘进队');
    // The publication is also a notice to the whole group, in the hash chain, pointing back to the nomination.
    const notices = (await ok(w.worker1.get('/api/v1/notices'))).items.filter((x: any) => x.title.includes('乙矿掘进队'));
    expect(notices.map((x: any) => x.title)).toEqual(['关于授予乙矿生产部乙矿掘进队“2026年度工人先锋号（二）”称号的决定']);
    const notice = await ok(w.worker1.get(`/api/v1/notices/${notices[0].id}`));
    expect([notice.orgName, notice.source, notice.body.includes('连续三年安全生产无事故')]).toEqual([
      '荣誉集团',
      { kind: 'honours.nomination', id: clean.id, label: '2026年度工人先锋号（二） · 乙矿掘进队' },
      true,
    ]);
    expect((await ok(w.otherWorker.get('/api/v1/notices'))).items.some((x: any) => x.title.includes('乙矿掘进队'))).toBe(false);
    expect((await ok(w.otherWorker.get(`${H}/awards`))).items).toEqual([]);

    expect((await w.chair.post(`${N}/${clean.id}/revoke`, {})).status).toBe(400);
    await ok(w.chair.post(`${N}/${clean.id}/revoke`, { reason: '事迹材料失实' }));
    expect((await ok(w.worker2.get(`${H}/awards`))).items.map((a: any) => a.teamName)).not.toContain('乙矿掘进队');
    const detail = await ok(w.staff.get(`${N}/${clean.id}`));
    expect([detail.status, detail.note]).toEqual(['revoked', '事迹材料失实']);
    expect(detail.timeline.map((e: any) => e.event)).toEqual(['nominated', 'checked', 'recommended', 'awarded', 'published', 'revoked']);
    // The revoke withdrew the award's notice: workers no longer reach it; the chain keeps both the publication and the withdrawal.
    expect((await w.worker1.get(`/api/v1/notices/${notice.id}`)).status).toBe(404);
    expect((await ok(w.worker1.get('/api/v1/notices'))).items.some((x: any) => x.id === notice.id)).toBe(false);
    const hist = (await ok(w.chair.get(`/api/v1/notices/${notice.id}/history`))).items;
    expect(hist.map((e: any) => [e.action, e.reason])).toEqual([
      ['publish', null],
      ['withdraw', '撤销称号：事迹材料失实'],
    ]);
    expect((await verifyNoticeChain(t.db)).ok).toBe(true);
  });
});

describe('privacy: the evidence is the union’s', () => {
  it('a department follows its own nomination without the evidence; others see nothing', async () => {
    const h = await honour('2026年度工人先锋号（三）');
    const n = await nominate(w.handler1, h.id, w.m1.team);
    // The handler cannot nominate a team of another mine, nor see a nomination it did not make.
    expect((await w.handler1.post(`${H}/${h.id}/nominations`, { teamOrgId: w.m2.team.id, record: '越权' })).body.errors[0].field).toBe('teamOrgId');
    const own = await ok(w.handler1.get(`${N}/${n.id}`));
    expect([own.findings, own.reasons, own.checkedAt]).toEqual([null, [], null]);
    expect(own.timeline.every((e: any) => e.data === null)).toBe(true);
    expect((await w.handler2.get(`${N}/${n.id}`)).status).toBe(404);
    expect((await w.otherStaff.get(`${N}/${n.id}`)).status).toBe(404);
    expect((await w.worker1.get(`${N}/${n.id}`)).status).toBe(404);
    expect((await w.handler1.post(`${N}/${n.id}/recommend`, {})).status).toBe(403);
    // A reason filter does not tell a nominator which of its nominations the union found something on.
    expect((await ok(w.handler1.get(`${N}?reason=arrearsAppeal`))).items).toEqual([]);
    expect((await ok(w.handler1.get(`${N}?mine=1`))).items.map((i: any) => i.id)).toEqual([n.id]);
    expect((await ok(w.handler2.get(`${N}?honourId=${h.id}`))).items).toEqual([]);
    // Once disqualified, the department hears the reason, still without the records behind it.
    await ok(w.staff.post(`${N}/${n.id}/disqualify`, {}));
    const after = await ok(w.handler1.get(`${N}/${n.id}`));
    expect([after.status, after.reasons, after.findings]).toEqual(['disqualified', ['arrearsAppeal'], null]);
  });
});

describe('a labour competition', () => {
  it('scores entered and imported (a faulty sheet names its rows) make a live ranking the workers see', async () => {
    const c = await ok(
      w.staff.post('/api/v1/competitions', {
        orgId: w.m1.m.id,
        name: '安全高效劳动竞赛',
        startsOn: `${year}-01-01`,
        endsOn: `${year}-12-31`,
        teamOrgIds: [w.m1.team.id, w.m1.team2.id],
        measures: [
          { name: '安全', weight: 2 },
          { name: '产量', unit: '吨', weight: 1 },
        ],
      }),
      201,
    );
    const detail = await ok(w.staff.get(`/api/v1/competitions/${c.id}`));
    const [safety, output] = detail.measures;
    await ok(
      w.staff.request('PUT', `/api/v1/competitions/${c.id}/scores`, {
        period: `${year}-01`,
        scores: [
          { teamOrgId: w.m1.team.id, measureId: safety.id, value: 90 },
          { teamOrgId: w.m1.team2.id, measureId: safety.id, value: 80 },
        ],
      }),
    );
    const outside = await w.staff.request('PUT', `/api/v1/competitions/${c.id}/scores`, {
      period: `${year + 1}-01`,
      scores: [{ teamOrgId: w.m1.team.id, measureId: safety.id, value: 90 }],
    });
    expect([outside.status, outside.body.errors[0].field]).toEqual([422, 'period']);

    const sheet = (rows: (string | number)[][]) =>
      toXlsx(
        '得分',
        ['班组', '指标', '期间', '得分'].map((header, i) => ({ header, value: (r: (string | number)[]) => r[i] })),
        rows,
      );
    const bad = multipart(
      {},
      {
        name: '得分.xlsx',
        content: await sheet([
          ['甲矿综采队', '产量', `${year}-01`, 50],
          ['不存在的队', '产量', `${year}-01`, 120],
        ]),
      },
    );
    const refused = await w.staff.request('POST', `/api/v1/competitions/${c.id}/scores/import`, bad.body, bad.headers);
    expect(refused.status).toBe(422);
    expect(refused.body.errors.map((e: any) => e.field)).toEqual(['rows.3.班组', 'rows.3.得分']);
    const good = multipart(
      {},
      {
        name: '得分.xlsx',
        content: await sheet([
          ['甲矿综采队', '产量', `${year}-01`, 50],
          ['甲矿掘进队', '产量', `${year}-01`, 95],
        ]),
      },
    );
    expect((await ok(w.staff.request('POST', `/api/v1/competitions/${c.id}/scores/import`, good.body, good.headers))).written).toBe(2);

    // Totals: 综采 2×90 + 50 = 230; 掘进 2×80 + 95 = 255 — 掘进 leads. A worker of the mine reads it on the phone.
    const ranking = (await ok(w.worker1.get(`/api/v1/competitions/${c.id}`))).ranking;
    expect(ranking.map((r: any) => [r.rank, r.teamName, r.total])).toEqual([
      [1, '甲矿掘进队', 255],
      [2, '甲矿综采队', 230],
    ]);
    expect((await ok(w.worker1.get('/api/v1/competitions'))).items.map((i: any) => i.name)).toContain('安全高效劳动竞赛');
    expect(
      (
        await w.worker1.request('PUT', `/api/v1/competitions/${c.id}/scores`, {
          period: `${year}-02`,
          scores: [{ teamOrgId: w.m1.team.id, measureId: output.id, value: 1 }],
        })
      ).status,
    ).toBe(403);
    expect((await w.worker2.get(`/api/v1/competitions/${c.id}`)).status).toBe(404);
    expect((await w.otherWorker.get(`/api/v1/competitions/${c.id}`)).status).toBe(404);

    const led = await ok(
      w.staff.post(H, { orgId: w.m1.m.id, kind: 'competitionWinner', name: '劳动竞赛优胜班组', year, criteria: '竞赛总分第一', competitionId: c.id }),
      201,
    );
    await ok(w.staff.post(`/api/v1/competitions/${c.id}/close`, {}));
    const closed = await ok(w.staff.get(`/api/v1/competitions/${c.id}`));
    expect([closed.status, closed.honours.map((x: any) => x.id)]).toEqual(['closed', [led.id]]);
    expect(
      (
        await w.staff.request('PUT', `/api/v1/competitions/${c.id}/scores`, {
          period: `${year}-02`,
          scores: [{ teamOrgId: w.m1.team.id, measureId: output.id, value: 1 }],
        })
      ).body.errors[0].field,
    ).toBe('status');
    expect((await w.staff.post(`/api/v1/competitions/${c.id}/close`, {})).status).toBe(409);
  });
});

describe('honour indicators', () => {
  it('each figure equals the rows of its drill-down list, and the cuts add up', async () => {
    const q = { scope: { all: false, paths: [w.group.path] }, from: `${year}-01-01`, to: `${year}-12-31` };
    const count = async (f: Record<string, string>) => (await ok(w.chair.get(`${N}?${new URLSearchParams({ ...f, pageSize: '200' })}`))).total;
    const nominations = await indicator('honours.nominations')!.compute(t.db, q);
    expect(nominations.value).toBe(7);
    expect(await count(nominations.drill!.numerator)).toBe(nominations.numerator);
    const dq = await indicator('honours.disqualifiedRate')!.compute(t.db, q);
    expect([dq.numerator, dq.denominator]).toEqual([3, nominations.value]);
    expect(await count(dq.drill!.numerator)).toBe(3);
    const awards = await indicator('honours.awards')!.compute(t.db, q);
    expect(awards.value).toBe(0);
    expect(await count(awards.drill!.numerator)).toBe(0);
    const stats = await ok(w.chair.get(`${H}/stats?year=${year}`));
    expect(stats.byReason.find((r: any) => r.reason === 'arrearsAppeal').nominations).toBe(2);
    expect(stats.byUnit.reduce((s: number, u: any) => s + u.nominations, 0)).toBe(nominations.value);
    expect((await ok(w.otherStaff.get(`${H}/stats`))).byUnit).toEqual([]);
  });
});

describe('criteria that are scored and checked', () => {
  const criteriaItems = [
    { key: 'safety', label: '安全生产', kind: 'score', max: 40 },
    { key: 'innovation', label: '技术创新', kind: 'score', max: 30 },
    { key: 'training', label: '职工素质提升', kind: 'score', max: 30 },
    { key: 'noViolation', label: '全年无“三违”', kind: 'check' },
  ];
  const scored = (name: string) =>
    ok(w.staff.post(H, { orgId: w.group.id, kind: 'pioneerTeam', name, year, criteria: '按评分项打分，达标项须全部达标', criteriaItems, passScore: 75 }), 201);

  it('an honour refuses criteria it could not assess: a repeated key, a scored one without its top score, a pass mark beyond reach', async () => {
    const post = (body: object) => w.staff.post(H, { orgId: w.group.id, kind: 'pioneerTeam', name: '条件有误', year, criteria: '说明', ...body });
    const field = async (body: object) => {
      const r = await post(body);
      expect(r.status, r.text).toBe(422);
      return r.body.errors[0].field;
    };
    expect(await field({ criteriaItems: [criteriaItems[0], { ...criteriaItems[1], key: 'safety' }] })).toBe('criteriaItems');
    expect(await field({ criteriaItems: [{ key: 'safety', label: '安全', kind: 'score' }] })).toBe('criteriaItems.0.max');
    expect(await field({ criteriaItems: [{ key: 'ok', label: '达标', kind: 'check', max: 5 }] })).toBe('criteriaItems.0.max');
    expect(await field({ criteriaItems, passScore: 101 })).toBe('passScore');
    const h = await scored('条件可评');
    const listed = (await ok(w.staff.get(H))).items.find((x: any) => x.id === h.id);
    expect([listed.criteriaItems.map((c: any) => `${c.label}${c.max ?? '✓'}`), listed.passScore]).toEqual([
      ['安全生产40', '技术创新30', '职工素质提升30', '全年无“三违”✓'],
      75,
    ]);
  });

  it('the union edits the criteria until assessment starts, audited; then they are fixed (409 naming criteriaItems)', async () => {
    const h = await scored('条件可修改');
    const edit = (by: typeof w.staff, body: object) => by.request('PUT', `${H}/${h.id}/criteria`, body);
    const nominee = await nominate(w.handler2, h.id, w.m2.team);
    const next = { criteria: '安全生产权重提高', criteriaItems: [{ ...criteriaItems[0], max: 50 }, ...criteriaItems.slice(1)], passScore: 80 };
    // Someone else's honour is not there; a department may not edit; bad criteria name their field.
    expect((await edit(w.otherStaff, next)).status).toBe(404);
    expect((await edit(w.handler2, next)).status).toBe(403);
    const bad = await edit(w.staff, { ...next, criteriaItems: [{ key: 'ok', label: '达标', kind: 'check', max: 5 }] });
    expect([bad.status, bad.body.errors[0].field]).toEqual([422, 'criteriaItems.0.max']);
    await ok(edit(w.staff, next));
    const listed = (await ok(w.staff.get(H))).items.find((x: any) => x.id === h.id);
    expect([listed.criteria, listed.criteriaItems[0].max, listed.passScore]).toEqual(['安全生产权重提高', 50, 80]);
    expect((await ok(w.handler2.get(`${N}/${nominee.id}`))).criteria[0].max).toBe(50);
    const audit = await t.db.selectFrom('audit_events').select(['action', 'changes', 'actor_id']).where('entity_id', '=', h.id).execute();
    const edited = audit.find((a) => a.action === 'honours.criteriaEdit')!;
    expect(edited.actor_id).toBe(w.staff.accountId);
    expect(JSON.parse(edited.changes as string).pass_score).toEqual([75, 80]);
    // Assessed under them, they stay as they are.
    await ok(w.staff.request('PUT', `${N}/${nominee.id}/assessment`, { scores: { safety: 45, innovation: 25, training: 20 }, checks: { noViolation: true } }));
    const locked = await edit(w.staff, { ...next, passScore: 60 });
    expect([locked.status, locked.body.errors[0].field]).toEqual([409, 'criteriaItems']);
    expect(locked.body.detail).toMatch(/评选条件不能再修改/);
    expect((await ok(w.staff.get(H))).items.find((x: any) => x.id === h.id).passScore).toBe(80);
  });

  it('review passes a nomination only after it is assessed against every criterion and meets them; the department sees the assessment once decided', async () => {
    const h = await scored('评分制工人先锋号');
    const strong = await nominate(w.handler2, h.id, w.m2.team);
    const weak = await nominate(w.handler2, h.id, w.m2.team2);
    // Not assessed yet: review cannot pass it.
    const early = await w.staff.post(`${N}/${strong.id}/recommend`, {});
    expect([early.status, early.body.errors[0].field]).toEqual([422, 'assessment']);
    // An assessment names every criterion once, within its top score.
    const assess = (id: string, body: object) => w.staff.request('PUT', `${N}/${id}/assessment`, body);
    expect((await assess(strong.id, { scores: { safety: 38, innovation: 25 }, checks: { noViolation: true } })).body.errors[0].field).toBe('body.scores');
    expect((await assess(strong.id, { scores: { safety: 41, innovation: 25, training: 20 }, checks: { noViolation: true } })).body.errors[0].field).toBe(
      'body.scores.safety',
    );
    expect((await assess(strong.id, { scores: { safety: 38, innovation: 25, training: 20 }, checks: {} })).body.errors[0].field).toBe('body.checks');
    // The department cannot assess its own team.
    expect(
      (await w.handler2.request('PUT', `${N}/${strong.id}/assessment`, { scores: { safety: 40, innovation: 30, training: 30 }, checks: { noViolation: true } }))
        .status,
    ).toBe(403);
    expect(await ok(assess(strong.id, { scores: { safety: 38, innovation: 25, training: 20 }, checks: { noViolation: true } }))).toEqual({
      total: 83,
      passed: true,
    });
    // The weak team scores enough but misses a requirement; then scores too little with it met.
    expect(await ok(assess(weak.id, { scores: { safety: 35, innovation: 25, training: 20 }, checks: { noViolation: false } }))).toEqual({
      total: 80,
      passed: false,
    });
    const unmet = await w.staff.post(`${N}/${weak.id}/recommend`, {});
    expect([unmet.status, unmet.body.errors[0].field, unmet.body.detail]).toEqual([422, 'assessment', expect.stringContaining('全年无“三违”')]);
    await ok(assess(weak.id, { scores: { safety: 30, innovation: 20, training: 20 }, checks: { noViolation: true } }));
    expect((await w.staff.post(`${N}/${weak.id}/recommend`, {})).body.detail).toContain('总分 70，合格分 75');
    await ok(w.staff.post(`${N}/${strong.id}/recommend`, {}));
    // Once passed, the assessment is final.
    expect((await assess(strong.id, { scores: { safety: 40, innovation: 30, training: 30 }, checks: { noViolation: true } })).status).toBe(409);
    // The union ranks the nominees by total; the department sees its waiting team's score only once the review decided.
    const ranked = await ok(w.staff.get(`${N}?honourId=${h.id}&sort=score&order=desc`));
    expect(ranked.items.map((i: any) => [i.teamName, i.score])).toEqual([
      ['乙矿综采队', 83],
      ['乙矿掘进队', 70],
    ]);
    const own = await ok(w.handler2.get(`${N}?honourId=${h.id}&sort=score&order=desc`));
    expect(own.items.map((i: any) => [i.teamName, i.score])).toEqual([
      ['乙矿综采队', 83],
      ['乙矿掘进队', null],
    ]);
    const page = await ok(w.handler2.get(`${N}/${strong.id}`));
    expect([page.assessment.scores, page.assessment.checks, page.assessment.total, page.assessment.passed]).toEqual([
      { safety: 38, innovation: 25, training: 20 },
      { noViolation: true },
      83,
      true,
    ]);
    expect((await ok(w.handler2.get(`${N}/${weak.id}`))).assessment).toBeNull();
    // Each assessment is on the timeline.
    expect((await ok(w.staff.get(`${N}/${weak.id}`))).timeline.filter((e: any) => e.event === 'assessed').map((e: any) => e.data)).toEqual([
      { total: 80, passed: false },
      { total: 70, passed: false },
    ]);
  });

  it('an honour without criteria to assess passes review as before, and refuses an assessment', async () => {
    const h = await honour('无评分项的红旗班组');
    const n = await nominate(w.staff, h.id, w.m1.team2);
    const r = await w.staff.request('PUT', `${N}/${n.id}/assessment`, { scores: {}, checks: {} });
    expect([r.status, r.body.errors[0].field]).toEqual([422, 'body']);
  });
});

describe('the nominations list on the kit’s paged list', () => {
  it('goes on by cursor newest first without repeats, and exports the same rows as the list shows, masked for a department', async () => {
    const all = await ok(w.chair.get(`${N}?pageSize=200`));
    expect(all.total).toBeGreaterThan(3);
    expect(all.totalCapped).toBe(false);
    const walked: string[] = [];
    let page = await ok(w.chair.get(`${N}?pageSize=2`));
    walked.push(...page.items.map((r: { id: string }) => r.id));
    while (page.nextCursor) {
      page = await ok(w.chair.get(`${N}?pageSize=2&after=${page.nextCursor}`));
      walked.push(...page.items.map((r: { id: string }) => r.id));
    }
    expect(walked).toEqual(all.items.map((r: { id: string }) => r.id));
    const created = all.items.map((r: { createdAt: string }) => r.createdAt);
    expect(created).toEqual([...created].sort().reverse());
    // A cursor means the newest-first walk: with another sort it is a 400 naming it.
    const bad = await w.chair.get(`${N}?sort=teamName&after=${(await ok(w.chair.get(`${N}?pageSize=1`))).nextCursor}`);
    expect([bad.status, bad.body.errors?.[0]?.field]).toEqual([400, 'query.after']);

    const csv = async (by: typeof w.staff, qs: string) => {
      const r = await by.get(`${N}/export.csv?${qs}`);
      expect(r.status, r.text).toBe(200);
      return r.text
        .replace(/^\uFEFF/, '')
        .trim()
        .split(/\r?\n/);
    };
    const sorted = await ok(w.chair.get(`${N}?pageSize=200&sort=teamName&order=asc`));
    const lines = await csv(w.chair, 'sort=teamName&order=asc');
    expect(lines[0]).toContain('一票否决情形');
    expect(lines.slice(1).map((l) => l.split(',')[3])).toEqual(sorted.items.map((r: { teamName: string }) => r.teamName));
    const disqualified = sorted.items.filter((r: { reasons: string[] }) => r.reasons.length).length;
    expect(lines.slice(1).filter((l) => l.split(',')[5]).length).toBe(disqualified);
    // A department exports only what it nominated, with no evidence of a nomination still under review.
    const own = await ok(w.handler1.get(`${N}?pageSize=200`));
    const theirs = await csv(w.handler1, '');
    expect(theirs.length - 1).toBe(own.total);
    for (const r of own.items.filter((x: { status: string }) => x.status !== 'disqualified')) expect(r.reasons).toEqual([]);
    expect(await csv(w.otherStaff, '')).toHaveLength(1);
    // A worker may read no nomination: refused outright, not handed an empty file that reads like a real one.
    for (const format of ['csv', 'xlsx']) expect((await w.worker1.get(`${N}/export.${format}`)).status).toBe(403);
  });
});
