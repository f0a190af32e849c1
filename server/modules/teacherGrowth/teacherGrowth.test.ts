/**
 * Teacher growth on both engines: a plan's whole workflow and the steps refused out of order;
 * who reaches a plan (own, mentor, the school's office — nobody else, and no ranking); a
 * promotion proposed by the research office and approved by the principal; an activity's
 * results becoming evidence; the figures against the records.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { comparePinyin } from '../../../common/school.js';
import { useTestApp } from '../../../test/app.js';
import { useSchoolWorld } from '../school/school.testkit.js';
import { indicator } from '../../core/indicators/indicators.registry.js';
import { multipart } from '../../core/people/people.fixtures.js';
import { observationBody, planBody } from './teacherGrowth.testkit.js';

const t = useTestApp();
const w = useSchoolWorld(t, beforeAll);
const B = '/api/v1/teacher-growth';
let ids: { subjA: string; headA: string; headB: string; headX: string };

beforeAll(async () => {
  const personOf = async (accountId: string) =>
    (await t.db.selectFrom('accounts').select('person_id').where('id', '=', accountId).executeTakeFirstOrThrow()).person_id!;
  ids = {
    subjA: await personOf(w.users.subjA.accountId),
    headA: await personOf(w.users.headA.accountId),
    headB: await personOf(w.users.headB.accountId),
    headX: await personOf(w.users.headX.accountId),
  };
  const place = async (id: string, tier: string) =>
    expect((await w.users.academic.request('PUT', `${B}/teachers/${id}/placement`, { tier, since: '2026-09-01' })).status).toBe(200);
  await place(ids.subjA, 'new');
  await place(ids.headA, 'experienced');
  await place(ids.headB, 'young');
  const pair = await w.users.academic.post(`${B}/schools/${w.school.id}/mentorships`, { mentorId: ids.headA, menteeId: ids.subjA, startedOn: '2026-09-01' });
  expect(pair.status).toBe(201);
});

describe('a three-year plan from draft to its second year', () => {
  let planId: string;

  it('refuses to submit a plan without a goal in every year, then walks draft → submitted → reviewed → active → yearReview → active', async () => {
    const { subjA, headA, academic } = w.users;
    const made = await subjA.post(`${B}/plans`, planBody({ goals: [{ year: 1, area: 'teaching', title: '规范上好每一节课' }] }));
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({ status: 'draft', tier: 'new', relation: 'own', can: { submit: true, review: false } });
    // The weight comes from the tier: a new teacher's teaching counts 35.
    expect(made.body.goals[0]).toMatchObject({ area: 'teaching', weight: 35 });
    planId = made.body.id;

    const early = await subjA.post(`${B}/plans/${planId}/submit`);
    expect(early.status).toBe(422);
    expect(early.body.errors[0]).toMatchObject({ field: 'goals' });
    expect(early.body.errors[0].message).toContain('每一年');

    expect((await subjA.post(`${B}/plans`, planBody())).status).toBe(409);
    expect((await subjA.request('PUT', `${B}/plans/${planId}`, planBody())).status).toBe(200);
    const submitted = await subjA.post(`${B}/plans/${planId}/submit`);
    expect(submitted.body.status).toBe('submitted');
    const inbox = await headA.get('/api/v1/notifications');
    expect(JSON.stringify(inbox.body)).toContain('提交了三年成长规划');

    // The teacher cannot review their own plan; the mentor can.
    expect((await subjA.post(`${B}/plans/${planId}/review`, { decision: 'approve', comment: '自己审' })).status).toBe(403);
    const reviewed = await headA.post(`${B}/plans/${planId}/review`, { decision: 'approve', comment: '目标清晰，第二年可加一项课题。' });
    expect(reviewed.status).toBe(200);
    expect(reviewed.body).toMatchObject({ status: 'reviewed', reviewComment: '目标清晰，第二年可加一项课题。', relation: 'mentor' });

    // An illegal transition: a reviewed plan cannot be reviewed again, nor reflected on before it is active.
    const again = await headA.post(`${B}/plans/${planId}/review`, { decision: 'approve', comment: '再审' });
    expect(again.status).toBe(409);
    expect(again.body.errors[0].field).toBe('status');
    expect((await subjA.post(`${B}/plans/${planId}/self-review`, { reflection: '太早' })).status).toBe(409);

    const active = await subjA.post(`${B}/plans/${planId}/activate`);
    expect(active.body).toMatchObject({ status: 'active', currentYear: 1, yearProgress: 0 });
    const teaching = active.body.goals.find((g: { year: number; area: string }) => g.year === 1 && g.area === 'teaching');
    const done = await subjA.post(`${B}/plans/${planId}/goals/${teaching.id}/complete`);
    // Teaching (35) of teaching + ethics (35 + 25) this year.
    expect(done.body.yearProgress).toBeCloseTo(35 / 60, 3);

    const observed = await headA.post(`${B}/plans/${planId}/evidence`, observationBody({ duty: 'observed' }));
    expect(observed.status).toBe(200);
    expect(observed.body.evidence[0]).toMatchObject({
      kind: 'observation',
      observerName: '陈老师',
      rubric: { inClassChecking: 3 },
      observation: { version: 0, total: 72, met: false },
    });
    const unscored = await headA.post(`${B}/plans/${planId}/evidence`, observationBody({ rubric: undefined }));
    expect(unscored.status).toBe(422);
    expect(unscored.body.errors[0]).toMatchObject({ field: 'body.rubric', message: '听课评课记录须按评课量表逐项打分（每项 1—5 分）' });

    const reflected = await subjA.post(`${B}/plans/${planId}/self-review`, { reflection: '课堂检测时间仍不足 10 分钟。' });
    expect(reflected.body.status).toBe('yearReview');
    const rated = await academic.post(`${B}/plans/${planId}/year-review`, { rating: 'met', comment: '第一年目标达成。' });
    expect(rated.body).toMatchObject({
      status: 'active',
      currentYear: 2,
      yearReviews: [{ year: 1, rating: 'met', reflection: '课堂检测时间仍不足 10 分钟。' }],
    });
    expect(rated.body.events.map((e: { event: string }) => e.event)).toEqual([
      'created',
      'edited',
      'submitted',
      'reviewed',
      'activated',
      'goalDone',
      'evidence',
      'selfReviewed',
      'yearReviewed',
    ]);
  });

  it('shows a plan to its teacher, their mentor and the school office only, and ranks nobody', async () => {
    const { subjA, headA, headB, principal, otherPrincipal, headX, gA1 } = w.users;
    for (const c of [subjA, headA, principal]) expect((await c.get(`${B}/plans/${planId}`)).status).toBe(200);
    for (const c of [headB, otherPrincipal, headX, gA1]) expect((await c.get(`${B}/plans/${planId}`)).status).toBe(404);
    expect((await headB.post(`${B}/plans/${planId}/evidence`, observationBody())).status).toBe(404);
    expect((await headB.get(`${B}/teachers/${ids.subjA}`)).status).toBe(404);

    expect((await headA.get(`${B}/plans?view=mentees`)).body.items.map((p: { id: string }) => p.id)).toEqual([planId]);
    expect((await headB.get(`${B}/plans?view=mentees`)).body.items).toEqual([]);
    // A teacher asking for the whole school gets nothing; the roster (tier dashboard) is the office's.
    expect((await headB.get(`${B}/plans?view=school`)).body.items).toEqual([]);
    // The office reads the school's plans a page at a time, by name, with the count of them all.
    const school = (await w.users.academic.get(`${B}/plans?view=school`)).body;
    expect(school.total).toBe(school.items.length);
    expect(school.items.map((p: { id: string }) => p.id)).toContain(planId);
    const pages = await Promise.all(school.items.map((_: unknown, i: number) => w.users.academic.get(`${B}/plans?view=school&pageSize=1&page=${i + 1}`)));
    expect(pages.map((r) => r.body.items[0].id)).toEqual(school.items.map((p: { id: string }) => p.id));
    expect(pages.map((r) => r.body.total)).toEqual(school.items.map(() => school.total));
    expect([403, 404]).toContain((await headB.get(`${B}/schools/${w.school.id}/teachers`)).status);
    expect((await otherPrincipal.get(`${B}/schools/${w.school.id}/teachers`)).status).toBe(404);

    const roster = await principal.get(`${B}/schools/${w.school.id}/teachers`);
    expect(roster.status).toBe(200);
    const names = roster.body.items.map((i: { name: string }) => i.name);
    // In pinyin order (陈 chen before 刘 liu), not by code point as SQL's order by would give.
    expect(names).toEqual([...names].sort(comparePinyin));
    expect(names).not.toEqual([...names].sort());
    expect(roster.body.items.find((i: { teacherId: string }) => i.teacherId === ids.subjA)).toMatchObject({
      tier: 'new',
      planStatus: 'active',
      mentors: ['陈老师'],
    });
    expect(roster.body.perTier).toMatchObject({ new: 1, young: 1, experienced: 1, top: 0 });
    // Summaries carry no score to sort by beyond one's own year progress.
    expect(Object.keys(roster.body.items[0]).sort()).toEqual(['mentors', 'milestone', 'name', 'planId', 'planStatus', 'subject', 'teacherId', 'tier']);
  });
});

describe('evidence files', () => {
  it('attaches an upload to a piece of evidence and serves it to whoever sees the plan, and to no one else', async () => {
    const { subjA, headA, principal, headB, headX } = w.users;
    const plan = (await subjA.get(`${B}/plans?view=mine`)).body.items[0];
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(40, 7)]);
    const m = multipart({}, { name: '第三周教案.png', content: png });
    const file = await subjA.post('/api/v1/files', m.body, m.headers);
    expect(file.status, file.text).toBe(201);
    const added = await subjA.post(`${B}/plans/${plan.id}/evidence`, { kind: 'lessonPlan', title: '第三周教案', date: '2026-11-18', fileIds: [file.body.id] });
    expect(added.status, added.text).toBe(200);
    const evidence = added.body.evidence.find((e: { title: string }) => e.title === '第三周教案');
    expect(evidence.files).toEqual([{ id: file.body.id, name: '第三周教案.png', type: 'image/png', size: png.length }]);
    const url = `${B}/plans/${plan.id}/evidence/${evidence.id}/files/${file.body.id}`;
    for (const who of [subjA, headA, principal]) {
      const got = await who.get(url);
      expect(got.status).toBe(200);
      expect(got.headers['content-type']).toBe('image/png');
    }
    expect((await headB.get(url)).status).toBe(404);
    expect((await headX.get(url)).status).toBe(404);
    // A file is claimed once: the same upload cannot be attached again.
    const again = await subjA.post(`${B}/plans/${plan.id}/evidence`, { kind: 'lessonPlan', title: '再交一次', date: '2026-11-18', fileIds: [file.body.id] });
    expect(again.status).toBe(422);
    expect(again.body.errors[0].field).toBe('fileIds');
  });
});

describe('tiers, promotion and activities', () => {
  it('lets the office redefine a tier, with weights adding up to 100, and keeps the defaults for the others', async () => {
    const { academic, headB } = w.users;
    const tier = {
      name: '青年教师（35 岁以下）',
      milestones: [],
      duties: [{ key: 'competition', name: '参加基本功大赛', evidenceKind: 'competitionResult', perTerm: 1 }],
      criteria: '大赛获奖',
      weights: { ethics: 10, teaching: 50, research: 20, classManagement: 10, leadership: 5 },
    };
    const bad = await academic.request('PUT', `${B}/schools/${w.school.id}/tiers/young`, tier);
    expect(bad.status).toBe(422);
    expect(bad.body.errors[0]).toMatchObject({ field: 'body.weights', message: '各方面权重之和必须为 100' });
    expect((await headB.request('PUT', `${B}/schools/${w.school.id}/tiers/young`, { ...tier, weights: { ...tier.weights, leadership: 10 } })).status).toBe(404);
    const saved = await academic.request('PUT', `${B}/schools/${w.school.id}/tiers/young`, { ...tier, weights: { ...tier.weights, leadership: 10 } });
    expect(saved.status).toBe(200);
    const seen = await headB.get(`${B}/schools/${w.school.id}/tiers`);
    expect(seen.body.items.map((x: { key: string; custom: boolean }) => [x.key, x.custom])).toEqual([
      ['new', false],
      ['young', true],
      ['experienced', false],
      ['top', false],
    ]);
    expect((await w.users.headX.get(`${B}/schools/${w.school.id}/tiers`)).status).toBe(404);
  });

  it('the research office proposes, the principal approves, the tier moves and the history keeps it', async () => {
    const { academic, principal, headB } = w.users;
    expect((await academic.post(`${B}/schools/${w.school.id}/promotions`, { teacherPersonId: ids.headB, toTier: 'new', reason: '降级' })).status).toBe(422);
    expect(
      (await principal.post(`${B}/schools/${w.school.id}/promotions`, { teacherPersonId: ids.headB, toTier: 'experienced', reason: '基本功大赛一等奖' }))
        .status,
    ).toBe(403);
    const proposed = await academic.post(`${B}/schools/${w.school.id}/promotions`, {
      teacherPersonId: ids.headB,
      toTier: 'experienced',
      reason: '基本功大赛一等奖',
    });
    expect(proposed.status).toBe(201);
    expect((await academic.post(`${B}/promotions/${proposed.body.id}/approve`, {})).status).toBe(403);
    const approved = await principal.post(`${B}/promotions/${proposed.body.id}/approve`, { note: '同意' });
    expect(approved.body).toMatchObject({ status: 'approved', fromTier: 'young', toTier: 'experienced' });
    expect((await principal.post(`${B}/promotions/${proposed.body.id}/reject`, {})).status).toBe(409);
    const mine = await headB.get(`${B}/teachers/${ids.headB}`);
    expect(mine.body).toMatchObject({ tier: 'experienced', promotions: [{ status: 'approved', fromTier: 'young', toTier: 'experienced' }] });
  });

  it("turns an activity's attended results into evidence, and shows a teacher only their own entry", async () => {
    const { academic, headB, subjA, headX } = w.users;
    const made = await academic.post(`${B}/schools/${w.school.id}/activities`, { kind: 'competition', title: '课堂教学基本功大赛', date: '2026-11-25' });
    expect(made.status).toBe(201);
    expect((await headB.post(`${B}/activities/${made.body.id}/sign-up`)).body.mine).toMatchObject({ signedUp: true });
    expect((await headX.post(`${B}/activities/${made.body.id}/sign-up`)).status).toBe(404);
    const res = await academic.post(`${B}/activities/${made.body.id}/results`, {
      entries: [
        { teacherPersonId: ids.headB, attended: true, result: '一等奖' },
        { teacherPersonId: ids.subjA, attended: true, result: '三等奖' },
      ],
    });
    expect(res.status).toBe(200);
    expect(
      (await academic.post(`${B}/activities/${made.body.id}/results`, { entries: [{ teacherPersonId: ids.headX, attended: true }] })).body.errors[0].field,
    ).toBe('body.entries.0.teacherPersonId');
    expect((await headB.post(`${B}/activities/${made.body.id}/sign-up`)).status).toBe(409);

    const list = await headB.get(`${B}/schools/${w.school.id}/activities`);
    expect(list.body.items[0].mine).toEqual({ signedUp: true, attended: true, result: '一等奖' });
    expect(list.text).not.toContain('三等奖');
    const plan = (await subjA.get(`${B}/plans?view=mine`)).body.items[0];
    const detail = await subjA.get(`${B}/plans/${plan.id}`);
    expect(detail.body.evidence.find((e: { kind: string }) => e.kind === 'competitionResult')).toMatchObject({
      title: '课堂教学基本功大赛：三等奖',
      activityId: made.body.id,
    });
  });

  it('counts the figures from the records', async () => {
    const scope = { all: false, paths: [w.school.path] };
    const q = { scope, from: '2026-01-01', to: '2099-12-31' };
    expect((await indicator('teacherGrowth.placed')!.compute(t.db, q)).value).toBe(3);
    expect((await indicator('teacherGrowth.promotions')!.compute(t.db, q)).value).toBe(1);
    expect((await indicator('teacherGrowth.observations')!.compute(t.db, q)).value).toBe(1);
    // subjA's active plan has evidence and its year was met.
    expect(await indicator('teacherGrowth.plansOnTrack')!.compute(t.db, q)).toMatchObject({ numerator: 1, denominator: 1 });
    expect((await indicator('teacherGrowth.placed')!.compute(t.db, { ...q, scope: { all: false, paths: [w.other.path] } })).value).toBe(0);
  });

  it('drills each figure down to the office list whose rows are exactly the figure', async () => {
    const { principal } = w.users;
    const q = { scope: { all: false, paths: [w.school.path] }, from: '2026-01-01', to: '2099-12-31' };
    const S = `${B}/schools/${w.school.id}`;
    const rows = async (path: string, f: Record<string, string>) => {
      const res = await principal.get(`${path}?${new URLSearchParams(f)}`);
      expect(res.status, res.text).toBe(200);
      return res.body.items as { teacherId?: string }[];
    };
    const placed = await indicator('teacherGrowth.placed')!.compute(t.db, q);
    expect((await rows(`${S}/teachers`, placed.drill!.numerator)).length).toBe(placed.numerator);
    const observations = await indicator('teacherGrowth.observations')!.compute(t.db, q);
    expect((await rows(`${S}/evidence`, observations.drill!.numerator)).length).toBe(observations.numerator);
    expect((await rows(`${S}/evidence`, { ...observations.drill!.numerator, from: '2099-01-01' })).length).toBe(0);
    const promotions = await indicator('teacherGrowth.promotions')!.compute(t.db, q);
    expect((await rows(`${S}/promotions`, promotions.drill!.numerator)).map((p) => p.teacherId)).toEqual([ids.headB]);
    const onTrack = await indicator('teacherGrowth.plansOnTrack')!.compute(t.db, q);
    const plans = (f: Record<string, string>) => rows(`${B}/plans`, { ...f, schoolId: w.school.id });
    expect((await plans(onTrack.drill!.numerator)).length).toBe(onTrack.numerator);
    expect((await plans(onTrack.drill!.denominator)).length).toBe(onTrack.denominator);
    // A period without evidence: the plan is under way but not on track, in the figure and in the list.
    const quiet = await indicator('teacherGrowth.plansOnTrack')!.compute(t.db, { ...q, from: '2030-01-01', to: '2030-12-31' });
    expect([quiet.numerator, (await plans(quiet.drill!.numerator)).length]).toEqual([0, 0]);
    // The evidence list is the office's: a teacher does not reach it.
    expect((await w.users.headB.get(`${S}/evidence`)).status).toBe(404);
  });

  it('counts teachers who did every duty of their tier in the period, and drills to exactly them on the roster, by tier too', async () => {
    const { academic, principal, subjA } = w.users;
    const S = `${B}/schools/${w.school.id}/teachers`;
    const place = (tier: string) => academic.request('PUT', `${B}/teachers/${ids.subjA}/placement`, { tier, since: '2026-09-01' });
    // A top teacher owes one exhibition a term; subjA gives one in October.
    expect((await place('top')).status).toBe(200);
    const plan = (await subjA.get(`${B}/plans?view=mine`)).body.items[0];
    const added = await subjA.post(`${B}/plans/${plan.id}/evidence`, { kind: 'exhibition', title: '个人教学风格展示', date: '2026-10-15' });
    expect(added.status, added.text).toBe(200);
    const scope = { all: false, paths: [w.school.path] };
    const october = await indicator('teacherGrowth.dutiesDone')!.compute(t.db, { scope, from: '2026-10-01', to: '2026-10-31' });
    const placed = await indicator('teacherGrowth.placed')!.compute(t.db, { scope, from: '2026-10-01', to: '2026-10-31' });
    expect([october.numerator, october.denominator]).toEqual([1, placed.numerator]);
    const roster = async (f: Record<string, string>) => {
      const res = await principal.get(`${S}?${new URLSearchParams(f)}`);
      expect(res.status, res.text).toBe(200);
      return res.body.items.map((i: { teacherId: string }) => i.teacherId);
    };
    expect(await roster(october.drill!.numerator)).toEqual([ids.subjA]);
    expect((await roster(october.drill!.denominator)).length).toBe(october.denominator);
    // Narrowed by tier on the roster: the top tier has subjA, the new tier nobody who did all its duties.
    expect(await roster({ ...october.drill!.numerator, tier: 'top' })).toEqual([ids.subjA]);
    expect(await roster({ ...october.drill!.numerator, tier: 'new' })).toEqual([]);
    // November has no exhibition: nobody, in the figure and in the list.
    const november = await indicator('teacherGrowth.dutiesDone')!.compute(t.db, { scope, from: '2026-11-01', to: '2026-11-30' });
    expect([november.numerator, (await roster(november.drill!.numerator)).length]).toEqual([0, 0]);
    expect((await place('new')).status).toBe(200);
  });
});

describe("the school's observation rubric (听课评课量表)", () => {
  const R = () => `${B}/schools/${w.school.id}/rubric`;
  const own = {
    title: '本校 35+10 课堂评价表',
    scaleMax: 4,
    passMark: 75,
    items: [
      { name: '当堂检测不少于 10 分钟', weight: 50 },
      { name: '教学目标', weight: 25 },
      { name: '学生参与', weight: 25 },
    ],
  };
  let planId: string;

  it('is defined by the office, weights adding up to 100, and changed in place only while no observation was scored on it', async () => {
    const { academic, headB, headX } = w.users;
    const start = await headB.get(R());
    expect(start.status).toBe(200);
    expect(start.body.current).toMatchObject({ id: null, version: 0, scaleMax: 5, passMark: 80 });
    expect(start.body.current.items.map((i: { name: string }) => i.name)).toEqual(['教学目标', '教学过程', '当堂检测', '学生参与', '教学效果']);
    expect((await headX.get(R())).status).toBe(404);
    expect([403, 404]).toContain((await headB.request('PUT', R(), own)).status);

    const bad = await academic.request('PUT', R(), { ...own, items: [...own.items, { name: '板书', weight: 10 }] });
    expect(bad.status).toBe(422);
    expect(bad.body.errors[0]).toMatchObject({ field: 'body.items', message: '评课量表各项权重之和必须为 100' });

    const v1 = await academic.request('PUT', R(), own);
    expect(v1.status, v1.text).toBe(200);
    expect(v1.body.current).toMatchObject({ version: 1, used: 0, scaleMax: 4, items: [{ key: 'item1', weight: 50 }, { key: 'item2' }, { key: 'item3' }] });
    const renamed = await academic.request('PUT', R(), { ...own, title: '35+10 课堂评价表（试行）', items: v1.body.current.items });
    expect(renamed.body.current).toMatchObject({ id: v1.body.current.id, version: 1, title: '35+10 课堂评价表（试行）' });
    expect(renamed.body.versions).toHaveLength(1);
  });

  it('scores an observation on the version in force, keeps that version on the record when the office makes the next, and refuses a stale form', async () => {
    const { academic, headA, subjA } = w.users;
    planId = (await subjA.get(`${B}/plans?view=mine`)).body.items[0].id;
    const v1 = (await headA.get(R())).body.current;
    const body = (scores: Record<string, number>, rubricId: string | null = v1.id) => ({
      kind: 'observation',
      title: '师傅听课（新量表）',
      date: '2026-12-01',
      rubricId,
      rubric: scores,
    });

    const partial = await headA.post(`${B}/plans/${planId}/evidence`, body({ item1: 4, item2: 3 }));
    expect(partial.status).toBe(422);
    expect(partial.body.errors[0]).toMatchObject({ field: 'body.rubric', message: '听课评课记录须按评课量表逐项打分（每项 1—4 分）' });
    expect((await headA.post(`${B}/plans/${planId}/evidence`, body({ item1: 5, item2: 3, item3: 2 }))).status).toBe(422);

    const scored = await headA.post(`${B}/plans/${planId}/evidence`, body({ item1: 4, item2: 3, item3: 2 }));
    expect(scored.status, scored.text).toBe(200);
    // (50 × 4 + 25 × 3 + 25 × 2) ÷ 4 = 81.25 of 100: at or above the pass mark of 75.
    const mine = () => (scored.body.evidence as { title: string; observation: any }[]).find((e) => e.title === '师傅听课（新量表）')!.observation;
    expect(mine()).toMatchObject({ version: 1, total: 81.3, met: true, items: [{ name: '当堂检测不少于 10 分钟', score: 4 }, { score: 3 }, { score: 2 }] });

    const next = await academic.request('PUT', R(), {
      ...own,
      items: [
        { key: 'item1', name: '当堂检测不少于 10 分钟', weight: 40 },
        { name: '六个十落实', weight: 60 },
      ],
    });
    expect(next.body.current).toMatchObject({ version: 2, used: 0, items: [{ key: 'item1' }, { key: 'item2', name: '六个十落实' }] });
    expect(next.body.versions.map((v: { version: number; used: number }) => [v.version, v.used])).toEqual([
      [2, 0],
      [1, 1],
    ]);
    expect(next.body.versions[1].items).toHaveLength(3);

    // The record still reads on version 1; a form still showing version 1 is refused.
    const detail = await subjA.get(`${B}/plans/${planId}`);
    expect(detail.body.evidence.find((e: { title: string }) => e.title === '师傅听课（新量表）').observation).toMatchObject({
      version: 1,
      total: 81.3,
      items: [{}, {}, { name: '学生参与', score: 2 }],
    });
    const stale = await headA.post(`${B}/plans/${planId}/evidence`, body({ item1: 4, item2: 3, item3: 2 }));
    expect(stale.status).toBe(409);
    expect(stale.body.detail).toContain('重新打分');
    const low = await headA.post(`${B}/plans/${planId}/evidence`, { ...body({ item1: 2, item2: 3 }, next.body.current.id), title: '师傅听课（第二版量表）' });
    expect(low.body.evidence.find((e: { title: string }) => e.title === '师傅听课（第二版量表）').observation).toMatchObject({
      version: 2,
      total: 65,
      met: false,
    });
  });

  it('counts observations meeting their own version of the rubric, and drills to exactly those records', async () => {
    const { principal } = w.users;
    const q = { scope: { all: false, paths: [w.school.path] }, from: '2026-01-01', to: '2099-12-31' };
    // The first observation on the default rubric (72 < 80), 81.3 on version 1 (met), 65 on version 2.
    const f = await indicator('teacherGrowth.observationsMet')!.compute(t.db, q);
    expect(f).toMatchObject({ numerator: 1, denominator: 3, unit: 'rate' });
    const list = async (filters: Record<string, string>) =>
      (await principal.get(`${B}/schools/${w.school.id}/evidence?${new URLSearchParams(filters)}`)).body.items as { title: string; score: number }[];
    expect((await list(f.drill!.numerator)).map((e) => [e.title, e.score])).toEqual([['师傅听课（新量表）', 81.3]]);
    expect(await list(f.drill!.denominator)).toHaveLength(3);
  });
});

describe('a plan through its third year review is complete', () => {
  it('completes on the third year review by the office, then takes no step, shows complete to the office, and frees the teacher to start the next', async () => {
    const { headB, academic, principal, subjA } = w.users;
    const S = `${B}/schools/${w.school.id}`;
    const underWayBefore = (await academic.get(`${B}/plans?view=school&underWay=1&schoolId=${w.school.id}`)).body.total;
    const made = await headB.post(`${B}/plans`, planBody({ title: '三年成长规划（骨干）' }));
    expect(made.status, made.text).toBe(201);
    const planId = made.body.id as string;
    expect((await headB.post(`${B}/plans/${planId}/submit`)).body.status).toBe('submitted');
    // No mentor: the office reviews.
    expect((await academic.post(`${B}/plans/${planId}/review`, { decision: 'approve', comment: '同意' })).body.status).toBe('reviewed');
    expect((await headB.post(`${B}/plans/${planId}/activate`)).body).toMatchObject({ status: 'active', currentYear: 1 });

    for (const year of [1, 2, 3]) {
      expect((await headB.post(`${B}/plans/${planId}/self-review`, { reflection: `第 ${year} 年小结` })).body).toMatchObject({
        status: 'yearReview',
        currentYear: year,
      });
      if (year === 3) {
        // Who may close it: not the teacher (403), not another teacher (404, the plan is out of their reach).
        expect((await headB.post(`${B}/plans/${planId}/year-review`, { rating: 'met', comment: '自评' })).status).toBe(403);
        expect((await subjA.post(`${B}/plans/${planId}/year-review`, { rating: 'met', comment: '代评' })).status).toBe(404);
      }
      const rated = await academic.post(`${B}/plans/${planId}/year-review`, { rating: year === 2 ? 'partly' : 'met', comment: `第 ${year} 年评估` });
      expect(rated.status, rated.text).toBe(200);
      expect(rated.body).toMatchObject(year < 3 ? { status: 'active', currentYear: year + 1 } : { status: 'complete', currentYear: 3 });
    }

    const done = (await headB.get(`${B}/plans/${planId}`)).body;
    expect(done.events.at(-1)).toMatchObject({ event: 'completed', from: 'yearReview', to: 'complete' });
    expect(done.yearReviews.map((r: { year: number; rating: string }) => [r.year, r.rating])).toEqual([
      [1, 'met'],
      [2, 'partly'],
      [3, 'met'],
    ]);
    // A complete plan takes no further step, from anyone.
    expect(Object.values(done.can).every((v) => v === false)).toBe(true);
    for (const [who, path, body] of [
      [headB, 'self-review', { reflection: '再写一年' }],
      [academic, 'year-review', { rating: 'met', comment: '再评' }],
      [headB, 'evidence', { kind: 'selfReflection', title: '迟到的反思', date: '2026-12-01' }],
    ] as const) {
      const r = await who.post(`${B}/plans/${planId}/${path}`, body);
      expect(r.status, `${path}: ${r.text}`).toBe(409);
    }

    // The office sees it complete: on the roster, in the school's list, and no longer among the plans under way.
    const roster = (await principal.get(`${S}/teachers`)).body.items.find((i: { teacherId: string }) => i.teacherId === ids.headB);
    expect(roster).toMatchObject({ planId, planStatus: 'complete' });
    const school = (await academic.get(`${B}/plans?view=school`)).body.items.find((p: { id: string }) => p.id === planId);
    expect(school).toMatchObject({ status: 'complete', currentYear: 3 });
    expect((await academic.get(`${B}/plans?view=school&underWay=1&schoolId=${w.school.id}`)).body.total).toBe(underWayBefore);

    // The teacher may now start the next three years; the complete plan stays readable.
    const next = await headB.post(`${B}/plans`, planBody({ title: '下一个三年' }));
    expect(next.status, next.text).toBe(201);
    expect((await headB.get(`${B}/plans/${planId}`)).body.status).toBe('complete');
  });
});
