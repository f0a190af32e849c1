/**
 * Surveys and screening through the API as people use them: a survey frozen to its recipients
 * when it opens, answered on the phone with save and resume, reminders once a day and never at
 * night, anonymous results that no cut, list or export can tie to a person and that hide cells
 * under 5, and the screening list whose problems become decided items — with figures equal to
 * the lists they drill into.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app.js';
import { indicator } from '../../core/indicators/indicators.registry.js';
import { decidedItemsOf } from '../../core/decidedItems/index.js';
import { remindNonRespondents, surveysBulk } from './index.js';
import { answer, answersFor, buildSurvey, openSurvey, type SurveysWorld, useSurveysWorld } from './surveys.testkit.js';

// The file signs in some forty workers within a minute, over the per-address sign-in limit.
const t = useTestApp();
const w = useSurveysWorld(t, beforeAll);

const today = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
const scopeOf = (path: string) => ({ scope: { all: false, paths: [path] }, from: today(), to: today() });

describe('a named survey', () => {
  it('freezes its recipients when it opens: a worker added later is neither asked nor counted', async () => {
    const team = await t.org('frozen队', 'team', w.prod1);
    const contract = [await w.worker(team), await w.worker(team), await w.worker(team)];
    await w.worker(team, 'dispatched'); // outside the target's categories
    const s = await buildSurvey(w.staff, w.group.id, [team.id], { target: { orgIds: [team.id], categories: ['contract'] } });
    expect(s.status).toBe('draft');
    const opened = await openSurvey(w.staff, s.id);
    expect(opened).toMatchObject({ status: 'open', recipients: 3, answered: 0 });

    const late = await w.worker(team);
    expect((await late.get(`/api/v1/surveys/${s.id}/form`)).status).toBe(404);
    expect((await late.get('/api/v1/surveys/mine')).body.items).toEqual([]);
    await answer(contract[0], s.id);
    const rates = (await w.staff.get(`/api/v1/surveys/${s.id}/rates?cut=org`)).body.rows;
    expect(rates).toEqual([{ group: team.id, label: 'frozen队', recipients: 3, answered: 1, rate: 1 / 3 }]);
    // Opening twice is refused by state; a draft cannot be answered.
    expect((await w.staff.post(`/api/v1/surveys/${s.id}/open`)).status).toBe(409);
  });

  it('saves and resumes a draft, takes one submission, and names the faulty answer in Chinese', async () => {
    const team = await t.org('draft队', 'team', w.prod1);
    const worker = await w.worker(team);
    const s = await buildSurvey(w.staff, w.group.id, [team.id]);
    await openSurvey(w.staff, s.id);
    const mine = (await worker.get('/api/v1/surveys/mine')).body.items;
    expect(mine).toEqual([expect.objectContaining({ id: s.id, answered: false, hasDraft: false })]);

    const form = (await worker.get(`/api/v1/surveys/${s.id}/form`)).body;
    const first = { answers: [answersFor(form).answers[0]] };
    expect((await worker.request('PUT', `/api/v1/surveys/${s.id}/draft`, first)).status).toBe(200);
    const resumed = (await worker.get(`/api/v1/surveys/${s.id}/form`)).body;
    expect(resumed.draft).toEqual(first.answers);
    expect((await worker.get('/api/v1/surveys/mine')).body.items[0].hasDraft).toBe(true);

    const bad = answersFor(form);
    bad.answers[4] = { questionId: form.questions[4].id, choices: [0, 0, 1] };
    const refused = await worker.post(`/api/v1/surveys/${s.id}/responses`, bad);
    expect(refused.status).toBe(422);
    expect(refused.headers['content-type']).toMatch(/problem\+json/);
    expect(refused.body.errors[0].field).toBe('body.answers.4.choices');
    expect(refused.body.detail).toContain('第 5 题');

    expect((await worker.post(`/api/v1/surveys/${s.id}/responses`, answersFor(form))).status).toBe(201);
    expect((await worker.post(`/api/v1/surveys/${s.id}/responses`, answersFor(form))).status).toBe(409);
    const after = (await worker.get(`/api/v1/surveys/${s.id}/form`)).body;
    expect(after).toMatchObject({ answered: true, draft: null });
  });

  it('is reached only by the office over its org: another mine’s staff and a worker who was not asked get 404', async () => {
    const s = await buildSurvey(w.staff, w.mine1.id, [w.teamA.id]);
    expect((await w.mineStaff.get(`/api/v1/surveys/${s.id}`)).status).toBe(404);
    expect((await w.mineStaff.get(`/api/v1/surveys/${s.id}/results`)).status).toBe(404);
    expect((await w.mineStaff.get('/api/v1/surveys')).body.items.map((x: any) => x.id)).not.toContain(s.id);
    const outsider = await w.worker(w.team2);
    expect((await outsider.get(`/api/v1/surveys/${s.id}/form`)).status).toBe(404);
    const refused = await w.mineStaff.post('/api/v1/surveys', {
      orgId: w.mine1.id,
      title: '越权问卷',
      closesOn: today(),
      target: { orgIds: [w.teamA.id] },
      questions: [{ kind: 'text', text: '意见' }],
    });
    expect(refused.status).toBe(422);
    expect(refused.body.errors[0].field).toBe('body.orgId');
  });
});

describe('an anonymous survey', () => {
  let s: any;
  let team1: { id: string; path: string; name: string };
  let team2: { id: string; path: string; name: string };
  let workers: Awaited<ReturnType<SurveysWorld['worker']>>[];
  beforeAll(async () => {
    team1 = await t.org('匿名一队', 'team', w.prod1);
    team2 = await t.org('匿名二队', 'team', w.prod1);
    workers = [];
    for (let i = 0; i < 7; i++) workers.push(await w.worker(team1));
    for (let i = 0; i < 3; i++) workers.push(await w.worker(team2, 'dispatched'));
    s = await buildSurvey(w.staff, w.group.id, [team1.id, team2.id], { anonymous: true, title: '匿名关切调查' });
    await openSurvey(w.staff, s.id);
    const texts = [
      '夜班食堂没有热饭',
      '夜班食堂饭菜是凉的',
      '希望夜班食堂有热饭菜',
      '井口浴室热水不够',
      '浴室热水经常不够用',
      '夜班食堂饭菜太凉',
      '浴室热水不足',
      '食堂夜班饭凉',
      '希望增加浴室热水',
      '夜班没有热饭吃',
    ];
    for (const [i, c] of workers.entries()) await answer(c, s.id, i, texts[i]);
  });

  it('hides every cell under 5 respondents, and the cell that would give it away by subtraction', async () => {
    const byOrg = (await w.staff.get(`/api/v1/surveys/${s.id}/results?cut=org`)).body;
    expect(byOrg).toMatchObject({ anonymous: true, recipients: 10, respondents: 10, minCell: 5 });
    const q1 = byOrg.questions[0];
    expect(q1.overall).toMatchObject({ suppressed: false, respondents: 10, counts: [4, 3, 3] });
    // 匿名二队 has 3: hidden; 匿名一队 (7) would then be 10 − 3 away from it, so it is hidden too.
    expect(q1.cells.map((c: any) => [c.label, c.suppressed, c.respondents, c.counts])).toEqual(
      expect.arrayContaining([
        ['匿名一队', true, null, null],
        ['匿名二队', true, null, null],
      ]),
    );
    const byCategory = (await w.staff.get(`/api/v1/surveys/${s.id}/results?cut=category`)).body.questions[2];
    expect(byCategory.cells.every((c: any) => c.suppressed && c.mean === null)).toBe(true);
    const byUnit = (await w.staff.get(`/api/v1/surveys/${s.id}/results?cut=unit`)).body.questions[4];
    expect(byUnit.cells).toEqual([expect.objectContaining({ label: '一号矿', suppressed: false, respondents: 10 })]);
    expect(byUnit.cells[0].scores.reduce((a: number, b: number) => a + b, 0)).toBe(60);
  });

  it('keeps running totals that equal a fresh count of the answers, so the page reads totals, not every answer', async () => {
    const tallies = () =>
      (t.db as any).selectFrom('survey_tallies').selectAll().where('survey_id', '=', s.id).orderBy(['cut', 'question_id', 'grp', 'choice']).execute();
    const kept = await tallies();
    expect(kept.find((r: any) => r.cut === 'all' && r.question_id === '')).toMatchObject({ n: 10 });
    await surveysBulk.recountTallies(t.db, s.id);
    expect(await tallies()).toEqual(kept);
  });

  it('groups similar free-text answers', async () => {
    const text = (await w.staff.get(`/api/v1/surveys/${s.id}/results`)).body.questions[5];
    const sizes = text.textGroups.map((g: any) => g.size);
    expect(sizes.reduce((a: number, b: number) => a + b, 0)).toBe(10);
    expect(text.textGroups.length).toBeLessThan(10);
    const canteen = text.textGroups.find((g: any) => g.sample.includes('夜班食堂没有热饭'));
    expect(canteen.sample.every((x: string) => /食堂|热饭|饭/.test(x))).toBe(true);
  });

  it('keeps no link from an answer to a person: no person, time or time-ordered id, no account in the audit, no draft', async () => {
    const responses = await (t.db as any).selectFrom('survey_responses').selectAll().where('survey_id', '=', s.id).execute();
    expect(responses).toHaveLength(10);
    for (const r of responses) {
      expect(r.person_id).toBeNull();
      expect(r.submitted_at).toBeNull();
      expect(r.id[14]).toBe('4'); // a random UUID, not a UUIDv7 carrying the instant
    }
    const audit = await (t.db as any).selectFrom('audit_events').selectAll().where('action', '=', 'survey.answer').where('entity_id', '=', s.id).execute();
    expect(audit).toHaveLength(10);
    expect(audit.every((a: any) => a.actor_id === null && a.ip === null && a.request_id === null)).toBe(true);
    const draft = await workers[0].request('PUT', `/api/v1/surveys/${s.id}/draft`, { answers: [] });
    expect(draft.status).toBe(409);

    // No read the office has carries a respondent's name or id next to an answer.
    const names = workers.map((c) => c.person.name);
    const ids = workers.map((c) => c.person.id);
    for (const cut of ['', 'unit', 'org', 'category', 'gender', 'unionMember']) {
      const body = JSON.stringify((await w.staff.get(`/api/v1/surveys/${s.id}/results${cut ? `?cut=${cut}` : ''}`)).body);
      for (const x of [...names, ...ids]) expect(body).not.toContain(x);
    }
    const xlsx = await w.staff.get(`/api/v1/surveys/${s.id}/results.xlsx?cut=org`);
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    // The recipients list says who answered, never what.
    const listed = (await w.staff.get(`/api/v1/surveys/recipients?surveyId=${s.id}&pageSize=50`)).body;
    expect(listed.total).toBe(10);
    expect(Object.keys(listed.items[0]).sort()).toEqual(['answered', 'category', 'name', 'orgName', 'personId', 'surveyId', 'surveyTitle']);
  });
});

describe('reminders', () => {
  it('reach non-respondents once a day, never in quiet hours', async () => {
    const team = await t.org('提醒队', 'team', w.prod1);
    const [a, b] = [await w.worker(team), await w.worker(team)];
    const s = await buildSurvey(w.staff, w.group.id, [team.id], { title: '提醒测试问卷' });
    await openSurvey(w.staff, s.id);
    await answer(a, s.id);
    const tomorrow = new Date(Date.parse(today() + 'T00:00:00Z') + 86_400_000).toISOString().slice(0, 10);
    const tomorrowNoon = new Date(`${tomorrow}T03:00:00Z`); // 11:00 in Beijing
    const night = new Date(`${tomorrow}T14:30:00Z`); // 22:30 in Beijing
    const inbox = async (c: { accountId: string }) =>
      (
        await (t.db as any).selectFrom('notifications').select('title').where('account_id', '=', c.accountId).where('kind', '=', 'surveys.remind').execute()
      ).map((n: any) => n.title);
    await remindNonRespondents(t.db, night);
    expect(await inbox(b)).toEqual([]);
    await remindNonRespondents(t.db, tomorrowNoon);
    await remindNonRespondents(t.db, new Date(tomorrowNoon.getTime() + 3_600_000));
    expect(await inbox(b)).toEqual(['请填写问卷：提醒测试问卷']);
    expect(await inbox(a)).toEqual([]);
  });
});

describe('screening and the figures', () => {
  it('lists open problems per unit, turns one into a decided item, and each figure equals its drill list', async () => {
    const mine = await t.org('排查矿', 'mine', w.group);
    const owner = await t.user([{ role: 'handler', org: mine }]);
    const make = (title: string, severity: string) =>
      w.staff.post('/api/v1/screening-items', {
        orgId: mine.id,
        title,
        source: 'surveyAnswer',
        sourceRef: '职工关心的问题调查',
        severity,
        ownerAccountId: owner.accountId,
      });
    const a = (await make('夜班食堂无热饭', 'high')).body;
    const b = (await make('浴室热水不足', 'medium')).body;
    expect(a).toMatchObject({ status: 'open', orgName: '排查矿', ownerName: owner.username, ageDays: 0 });
    expect((await owner.post(`/api/v1/screening-items/${b.id}/start`, { note: '已联系后勤' })).body.status).toBe('inProgress');
    const decided = await w.chair.post(`/api/v1/screening-items/${a.id}/decide`, { dueDate: '2099-01-31' });
    expect(decided.status).toBe(200);
    expect(decided.body.status).toBe('decided');
    const items = await decidedItemsOf(t.db, { kind: 'surveys.screeningItem', id: a.id });
    expect(items).toEqual([expect.objectContaining({ title: '夜班食堂无热饭', status: 'planned', dueDate: '2099-01-31' })]);
    expect((await owner.post(`/api/v1/screening-items/${b.id}/drop`, { note: '不需要' })).status).toBe(403);

    const units = (await w.chair.get('/api/v1/screening-items/units')).body.rows;
    expect(units.find((r: any) => r.orgId === mine.id)).toMatchObject({ open: 1, high: 0, oldestDays: 0 });

    const q = scopeOf(mine.path);
    const open = await indicator('surveys.openProblems')!.compute(t.db, q);
    const listed = await w.chair.get(`/api/v1/screening-items?orgId=${mine.id}&${new URLSearchParams(open.drill!.numerator)}`);
    expect(open.value).toBe(1);
    expect(listed.body.total).toBe(open.value);
  });

  it('counts the response rate over the frozen lists of the period, as the recipients list does', async () => {
    const mine = await t.org('回复率矿', 'mine', w.group);
    const team = await t.org('回复率队', 'team', mine);
    const ws = [await w.worker(team), await w.worker(team), await w.worker(team), await w.worker(team)];
    const s = await buildSurvey(w.staff, w.group.id, [team.id]);
    await openSurvey(w.staff, s.id);
    await answer(ws[0], s.id);
    await answer(ws[1], s.id);
    await answer(ws[2], s.id);
    await w.worker(team); // after opening: not in the denominator
    const f = await indicator('surveys.responseRate')!.compute(t.db, scopeOf(mine.path));
    expect(f).toMatchObject({ numerator: 3, denominator: 4, value: 0.75 });
    const num = await w.staff.get(`/api/v1/surveys/recipients?orgId=${mine.id}&${new URLSearchParams(f.drill!.numerator)}`);
    const den = await w.staff.get(`/api/v1/surveys/recipients?orgId=${mine.id}&${new URLSearchParams(f.drill!.denominator)}`);
    expect([num.body.total, den.body.total]).toEqual([3, 4]);
  });

  it('ranks the top concerns by unit: an anonymous survey’s hidden units never count, and the figure equals its drill list', async () => {
    const unit = async (name: string, n: number) => {
      const m = await t.org(name, 'mine', w.group);
      const team = await t.org(`${name}一队`, 'team', m);
      const ws = [];
      for (let i = 0; i < n; i++) ws.push(await w.worker(team));
      return { m, team, ws };
    };
    const [m1, m2, m3] = [await unit('关切甲矿', 6), await unit('关切乙矿', 3), await unit('关切丙矿', 5)];
    const anon = await buildSurvey(w.staff, w.group.id, [m1.team.id, m2.team.id, m3.team.id], { anonymous: true, title: '匿名关切排行' });
    await openSurvey(w.staff, anon.id);
    // 甲矿 (6) shows; 乙矿 (3) is under 5 and 丙矿 (5) would give it away: both stay out, though they all name 子女就学.
    for (const [i, c] of m1.ws.entries()) await answer(c, anon.id, i < 4 ? 0 : 2);
    for (const c of [...m2.ws, ...m3.ws]) await answer(c, anon.id, 3);
    // A named survey counts every unit, however small.
    const named = await buildSurvey(w.staff, w.group.id, [m2.team.id], { title: '实名关切排行' });
    await openSurvey(w.staff, named.id);
    for (const c of m2.ws) await answer(c, named.id, 3);

    const all = { scope: { all: false, paths: [m1.m.path, m2.m.path, m3.m.path] }, from: today(), to: today() };
    const f = await indicator('surveys.topConcern')!.compute(t.db, all);
    // 工资收入: 4 in 甲矿 + 3 in 乙矿's named survey, of 6 + 3 answers.
    expect(f).toMatchObject({ numerator: 7, denominator: 9, value: 0.7778 });
    expect(f.drill!.numerator).toEqual({ from: today(), to: today(), concern: '工资收入' });

    const one = await indicator('surveys.topConcern')!.compute(t.db, scopeOf(m1.m.path));
    const list = (await w.staff.get(`/api/v1/surveys/concerns?orgId=${m1.m.id}&${new URLSearchParams(one.drill!.numerator)}`)).body;
    expect(list.rows).toEqual([{ concern: '住房', mentions: one.numerator, share: one.value }]);
    expect(list.answers).toBe(one.denominator);
    const den = (await w.staff.get(`/api/v1/surveys/concerns?orgId=${m1.m.id}&${new URLSearchParams(one.drill!.denominator)}`)).body;
    expect(den.rows.map((r: any) => [r.concern, r.mentions])).toEqual(
      [
        ['住房', 6],
        ['安全生产', 4],
        ['工资收入', 4],
        ['医疗保障', 2],
        ['子女就学', 2],
      ].sort((a, b) => (b[1] as number) - (a[1] as number) || (a[0] as string).localeCompare(b[0] as string, 'zh')),
    );
    expect(den.units).toEqual([{ unitId: m1.m.id, unitName: '关切甲矿', answers: 6, top: den.rows.slice(0, 3) }]);
    const small = (await w.staff.get(`/api/v1/surveys/concerns?orgId=${m2.m.id}&from=${today()}&to=${today()}`)).body;
    expect([small.answers, small.hiddenCells]).toEqual([3, 1]);

    // Another mine's office sees none of these units; a worker is refused; a bad date is named.
    const other = (await w.mineStaff.get(`/api/v1/surveys/concerns?from=${today()}&to=${today()}`)).body;
    expect(other.units.map((u: any) => u.unitId)).not.toContain(m1.m.id);
    expect((await m1.ws[0].get(`/api/v1/surveys/concerns?from=${today()}&to=${today()}`)).status).toBe(403);
    const bad = await w.staff.get(`/api/v1/surveys/concerns?from=2026-13-01&to=${today()}`);
    expect([bad.status, bad.body.errors[0].field]).toEqual([400, 'query.from']);
    expect(bad.headers['content-type']).toMatch(/problem\+json/);
  });
});
