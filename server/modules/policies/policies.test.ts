/**
 * The policy library and its questions, through the API as people use them: articles parsed
 * and found by Chinese words, versions kept and marked, questions answered citing articles
 * through their states (and refused out of them), anonymous questions that no cut can single
 * out, figures equal to the lists they drill into, reminders sent once.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { multipart } from '../../core/people/people.fixtures.js';
import { PNG } from '../../../test/authz/world.js';
import { useTestApp } from '../../../test/app.js';
import { indicator } from '../../core/indicators/indicators.registry.js';
import { remindUnanswered } from './index.js';
import { addPolicy, askQuestion, policiesWorld, usePoliciesWorld } from './policies.testkit.js';
import { parseArticles } from './policies.articles.js';
import { signOldQuestions } from './policies.jobs.js';
import { DENSE_MATCHES, searchArticles } from './policies.repository.js';
import { readReach } from './policies.policy.js';
import { loadGrants } from '../../core/auth/auth.repository.js';
import { questionSignature } from './policies.explain.js';
import { ARTICLE_INDEX, FAQ_INDEX, QUESTION_INDEX } from './policies.repository.js';
import { COUNT_CAP } from '../../core/db/keyset.js';
import { newId } from '../../core/ids.js';
import { indexText } from '../../core/search/segment.js';
import { writeCallIn } from '../../core/call.js';
import { addDays, shanghaiDate } from '../../core/calendar/calendar.js';
import { actorOf } from '../appeals/appeals.testkit.js';
import * as faqUse from './faqUse.service.js';
import { forgetViewers } from './faqUse.repository.js';

const t = useTestApp();
const w = usePoliciesWorld(t, beforeAll);

const today = () => new Date().toISOString().slice(0, 10);

describe('the library', () => {
  it('splits pasted text into 第N条 articles under their chapters, and keeps text without markers whole', () => {
    const a = parseArticles('第一章 总则\n第一条 为规范工资发放，\n制定本办法。\n第二章 支付\n第十二条　工资按月发放。');
    expect(a.map((x) => [x.label, x.chapter, x.body])).toEqual([
      ['第一条', '第一章 总则', '为规范工资发放，\n制定本办法。'],
      ['第十二条', '第二章 支付', '工资按月发放。'],
    ]);
    expect(parseArticles('关于发放防暑降温费的通知：每人300元。')).toEqual([
      { seq: 1, label: '全文', chapter: null, body: '关于发放防暑降温费的通知：每人300元。' },
    ]);
  });

  it('finds articles by two- and three-character Chinese words, for a worker of the group', async () => {
    const worker = await w.worker();
    const hits = async (q: string) =>
      (await worker.get(`/api/v1/policy-articles?q=${encodeURIComponent(q)}`)).body.items.map((h: any) => `${h.policyTitle} ${h.label}`);
    expect(await hits('年休假')).toEqual(expect.arrayContaining(['职工带薪年休假条例 第二条', '职工带薪年休假条例 第三条', '职工带薪年休假条例 第五条']));
    expect(await hits('工资')).toEqual(expect.arrayContaining(['集团公司薪酬管理办法 第十二条', '职工带薪年休假条例 第五条']));
    expect(await hits('工伤')).toEqual(['集团公司薪酬管理办法 第十三条']);
    // A common word in a large library walks it newest first (see DENSE_MATCHES): the same pages as sorting the matches.
    const reach = readReach({
      accountId: worker.accountId,
      displayName: '',
      personId: worker.person.id,
      grants: await loadGrants(t.db, worker.accountId),
      via: 'session',
    });
    for (const q of ['年休假', '工资', '工伤']) {
      for (const page of [1, 2]) {
        const ids = async (denseAbove: number) => (await searchArticles(t.db, reach, q, false, page, 2, denseAbove)).map((a) => a.id);
        expect(await ids(0)).toEqual(await ids(DENSE_MATCHES));
      }
    }
    expect(await hits('仲裁')).toEqual([]);
    const list = await worker.get(`/api/v1/policies?q=${encodeURIComponent('工伤')}`);
    expect(list.body.items.map((p: any) => p.title)).toEqual(['集团公司薪酬管理办法']);
  });

  it('keeps a superseded version readable and marked, and flags the answers that cite it', async () => {
    const p = await addPolicy(w.staff, w.group.id, { title: '井下津贴标准', level: 'company', text: '第一条 每班津贴40元。\n第二条 夜班补贴每班20元。' });
    const worker = await w.worker();
    const q = await askQuestion(worker, { topic: 'wages', title: '夜班补贴多少', body: '夜班补贴每班多少钱？' });
    expect((await w.staff.post(`/api/v1/policy-questions/${q.id}/answer`, { answer: '每班20元。', articleIds: [w.article(p, '第二条')] })).status).toBe(200);

    const v2 = await w.staff.post(`/api/v1/policies/${p.id}/versions`, {
      title: '井下津贴标准',
      issuer: '煤业集团',
      level: 'company',
      effectiveDate: '2026-01-01',
      text: '第一条 每班津贴60元。\n第二条 夜班补贴每班30元。',
    });
    expect(v2.status).toBe(201);
    expect(v2.body).toMatchObject({
      version: 2,
      status: 'effective',
      versions: [
        { version: 2, status: 'effective' },
        { version: 1, status: 'superseded' },
      ],
    });
    const old = (await worker.get(`/api/v1/policies/${p.id}`)).body;
    expect(old).toMatchObject({ status: 'superseded', supersededBy: v2.body.id });
    expect(old.articles.map((a: any) => a.body)).toContain('夜班补贴每班20元。');
    // The worker's answer still shows the text it cited, marked as an old version, and staff see it needs review.
    const seen = (await worker.get(`/api/v1/policy-questions/${q.id}`)).body;
    expect(seen.citations).toEqual([expect.objectContaining({ label: '第二条', body: '夜班补贴每班20元。', policyStatus: 'superseded' })]);
    expect(seen.reviewNeeded).toBe(true);
    const review = await w.staff.get(`/api/v1/policy-questions?reviewNeeded=1`);
    expect(review.body.items.map((x: any) => x.id)).toContain(q.id);
    // The figure of answers awaiting review counts it, as many as the list its drill opens.
    const pending = await indicator('policies.reviewPending')!.compute(t.db, {
      scope: { all: false, paths: [w.group.path] },
      from: '2000-01-01',
      to: '2999-12-31',
    });
    expect(pending.value).toBeGreaterThanOrEqual(1);
    expect((await w.staff.get(`/api/v1/policy-questions?${new URLSearchParams(pending.drill!.numerator)}`)).body.total).toBe(pending.value);
    // A superseded version can be neither amended again nor repealed.
    const again = await w.staff.post(`/api/v1/policies/${p.id}/repeal`, { repealDate: '2026-06-01' });
    expect(again.status).toBe(409);
    // Search finds only versions in force unless asked for all.
    const hit = (await worker.get(`/api/v1/policy-articles?q=${encodeURIComponent('夜班补贴')}`)).body.items.map((h: any) => h.body);
    expect(hit).toEqual(['夜班补贴每班30元。']);
  });

  /**
   * A company rule saved by LibreOffice Writer (`soffice --convert-to 'docx:MS Word 2007 XML'` from an HTML page
   * with bold and coloured runs, an escaped & and <, and a line break inside 第四条): the keeper reads it back,
   * sees its articles, and adds the policy with the text as read.
   */
  it('reads a .docx written by LibreOffice into articles, and refuses a file that is no .docx naming the file field', async () => {
    const docx = fs.readFileSync(new URL('./fixtures/rule-libreoffice.docx', import.meta.url));
    const send = (client: typeof w.staff, content: Buffer, name = '劳动保护管理办法.docx') => {
      const up = multipart({}, { name, content });
      return client.post('/api/v1/policies/docx-text', up.body, up.headers);
    };
    const read = await send(w.staff, docx);
    expect(read.status).toBe(200);
    expect(read.body.articles).toEqual([
      { label: '第一条', chapter: '第一章 总则' },
      { label: '第二条', chapter: '第一章 总则' },
      { label: '第三条', chapter: '第二章 劳动防护用品' },
      { label: '第四条', chapter: '第二章 劳动防护用品' },
      { label: '第五条', chapter: '第二章 劳动防护用品' },
    ]);
    const p = await addPolicy(w.staff, w.group.id, { title: '集团公司劳动保护管理办法', issuer: '煤业集团', level: 'company', text: read.body.text });
    const bodies = Object.fromEntries(p.articles.map((a: any) => [a.label, a.body]));
    expect(bodies['第一条']).toBe('为保障职工在生产中的安全与健康，依据《劳动法》&《安全生产法》，制定本办法。');
    expect(bodies['第四条']).toBe('高温作业岗位每月发放防暑降温费300元<含>税前。\n特殊岗位另行规定。');
    const worker = await w.worker();
    const hits = (await worker.get(`/api/v1/policy-articles?q=${encodeURIComponent('防护靴')}`)).body.items.map((h: any) => `${h.policyTitle} ${h.label}`);
    expect(hits).toEqual(['集团公司劳动保护管理办法 第三条']);

    const png = await send(w.staff, PNG, '办法.docx');
    expect([png.status, png.body.errors[0].field]).toEqual([422, 'file']);
    expect(png.body.detail).toContain('.docx');
    const empty = multipart({ note: '无文件' });
    const none = await w.staff.post('/api/v1/policies/docx-text', empty.body, empty.headers);
    expect([none.status, none.body.errors[0].field]).toEqual([422, 'file']);
    expect((await send(worker, docx)).status).toBe(403);
  });

  it("hides another organisation's library and refuses a worker who tries to keep it", async () => {
    const other = await t.org('另一集团', 'group');
    const otherStaff = await t.user([{ role: 'unionStaff', org: other }]);
    expect((await otherStaff.get(`/api/v1/policies/${w.leave.id}`)).status).toBe(404);
    expect((await otherStaff.get(`/api/v1/policies`)).body.items).toEqual([]);
    const worker = await w.worker();
    expect((await worker.post(`/api/v1/policies/${w.leave.id}/repeal`, { repealDate: '2026-06-01' })).status).toBe(403);
    const refused = await w.staff.post('/api/v1/policies', {
      orgId: other.id,
      title: '某办法',
      issuer: '某单位',
      level: 'company',
      effectiveDate: '2026-01-01',
      text: '第一条 某条。',
    });
    expect(refused.status).toBe(422);
    expect(refused.body.errors[0].field).toBe('body.orgId');
    expect(refused.body.detail).toMatch(/[\u4e00-\u9fa5]/);
  });
});

describe('questions', () => {
  it('goes asked → answered (citing articles) → published as FAQ, and the worker reads the cited text', async () => {
    const worker = await w.worker();
    const q = await askQuestion(worker);
    expect(q).toMatchObject({ status: 'submitted', mine: true, askerName: worker.person.name });
    expect(q.dueDate > today() || q.dueDate === today()).toBe(true);
    const queue = await w.staff.get('/api/v1/policy-questions?status=submitted');
    expect(queue.body.items.map((x: any) => x.id)).toContain(q.id);

    const answered = await w.staff.post(`/api/v1/policy-questions/${q.id}/answer`, {
      answer: '满10年不满20年的，年休假10天。',
      articleIds: [w.article(w.leave, '第三条')],
    });
    expect(answered.status).toBe(200);
    expect(answered.body).toMatchObject({ status: 'answered', onTime: true });
    const mine = (await worker.get(`/api/v1/policy-questions/${q.id}`)).body;
    expect(mine.answer).toBe('满10年不满20年的，年休假10天。');
    expect(mine.citations).toEqual([
      expect.objectContaining({ policyTitle: '职工带薪年休假条例', label: '第三条', body: expect.stringContaining('年休假10天') }),
    ]);
    expect(mine.events.map((e: any) => e.event)).toEqual(['asked', 'answered']);

    const published = await w.staff.post(`/api/v1/policy-questions/${q.id}/publish`, {
      faqTitle: '工作满10年年休假几天？',
      faqAnswer: '满10年不满20年的，每年10天。',
    });
    expect(published.body.status).toBe('published');
    // Another worker drafting a similar question is shown the entry first, and can say it answered them.
    const other = await w.worker({}, w.team2);
    const near = await other.get(`/api/v1/policy-faq?q=${encodeURIComponent('我工作十年了年休假有几天')}`);
    expect(near.body.items.map((f: any) => f.title)).toContain('工作满10年年休假几天？');
    const entry = near.body.items.find((f: any) => f.id === q.id);
    expect(entry.citations[0].label).toBe('第三条');
    expect(JSON.stringify(near.body)).not.toContain(worker.person.name);
    expect((await other.post(`/api/v1/policy-faq/${q.id}/deflect`, {})).body.deflections).toBe(1);
  });

  it('refuses illegal transitions with a 409 naming the status, and acts by the wrong person', async () => {
    const worker = await w.worker();
    const q = await askQuestion(worker, { title: '婚假几天' });
    const early = await w.staff.post(`/api/v1/policy-questions/${q.id}/publish`, { faqTitle: '婚假', faqAnswer: '3天' });
    expect(early.status).toBe(409);
    expect(early.body.errors[0].field).toBe('status');
    expect((await worker.post(`/api/v1/policy-questions/${q.id}/answer`, { answer: '自己答' })).status).toBe(403);
    const bystander = await w.worker();
    expect((await bystander.get(`/api/v1/policy-questions/${q.id}`)).status).toBe(404);
    expect((await bystander.post(`/api/v1/policy-questions/${q.id}/withdraw`, {})).status).toBe(404);
    const badCite = await w.staff.post(`/api/v1/policy-questions/${q.id}/answer`, { answer: '三天', articleIds: ['01900000-0000-7000-8000-000000000000'] });
    expect(badCite.status).toBe(422);
    expect(badCite.body.errors[0].field).toBe('body.articleIds');
    expect((await worker.post(`/api/v1/policy-questions/${q.id}/withdraw`, {})).body.status).toBe('withdrawn');
    expect((await w.staff.post(`/api/v1/policy-questions/${q.id}/answer`, { answer: '三天' })).status).toBe(409);
    expect((await worker.post(`/api/v1/policy-questions/${q.id}/withdraw`, {})).status).toBe(409);
  });

  it('places an anonymous question at the unit with no name or category, so no team, category or count cut finds it', async () => {
    const team = await w.team();
    const worker = await w.worker({ employment_category: 'dispatched' }, team);
    const named = await askQuestion(worker, { title: '派遣工同工同酬吗' });
    const anon = await askQuestion(worker, { title: '举报克扣工资会被报复吗', anonymous: true });
    expect(anon).toMatchObject({ anonymous: true, askerName: null, mine: true });
    expect(anon.orgName).toBe('一号矿');

    const ids = async (query: string) => {
      const r = await w.staff.get(`/api/v1/policy-questions?${query}`);
      return { ids: r.body.items.map((x: any) => x.id), total: r.body.total, text: JSON.stringify(r.body) };
    };
    for (const cut of [`orgId=${team.id}`, 'employmentCategory=dispatched', `orgId=${w.prod1.id}&employmentCategory=dispatched`]) {
      const r = await ids(cut);
      expect(r.ids, cut).toContain(named.id);
      expect(r.ids, cut).not.toContain(anon.id);
      expect(r.total, cut).toBe(1);
    }
    // The whole unit holds it, without a name anywhere in the answer.
    const unit = await ids(`orgId=${w.mine1.id}&q=${encodeURIComponent('报复')}`);
    expect(unit.ids).toEqual([anon.id]);
    expect(unit.text).not.toContain(worker.person.name);
    const detail = await w.staff.get(`/api/v1/policy-questions/${anon.id}`);
    expect(detail.body.askerName).toBeNull();
    expect(detail.body.events[0]).toMatchObject({ event: 'asked', actorName: null });
    expect(JSON.stringify(detail.body)).not.toContain(worker.person.name);
    // The team's figure does not count it either.
    const fig = await indicator('policies.questionsAnswered')!.compute(t.db, {
      scope: { all: false, paths: [team.path] },
      from: '2000-01-01',
      to: '2999-12-31',
    });
    expect(fig.numerator).toBe(0);
    // Its asker still follows it.
    expect((await worker.get('/api/v1/policy-questions?mine=1')).body.items.map((x: any) => x.id)).toEqual(expect.arrayContaining([named.id, anon.id]));
  });

  it('prompts staff to publish an explanation when three workers ask about one thing, naming none of them, until an FAQ entry explains it', async () => {
    const [a, b, c] = [await w.worker(), await w.worker({}, w.team2), await w.worker()];
    const prompts = async (client = w.staff) => (await client.get('/api/v1/policy-questions/explain-prompts')).body;
    const heat = (ids: string[]) => async () => (await prompts()).items.find((p: any) => p.questions.some((q: any) => ids.includes(q.id)));
    const first = await askQuestion(a, { topic: 'wages', title: '高温津贴什么时候发', body: '今年夏天的高温津贴什么时候发放？' });
    const again = await askQuestion(a, { topic: 'wages', title: '高温津贴还没发', body: '高温津贴到现在还没发，能问问吗？' });
    const second = await askQuestion(b, { topic: 'wages', title: '高温津贴标准', body: '井下高温津贴每月发多少钱？', anonymous: true });
    await askQuestion(c, { topic: 'wages', title: '婚假工资怎么算', body: '休婚假期间工资照发吗？' });
    // Three questions, two askers: not yet.
    expect(await heat([first.id, again.id, second.id])()).toBeUndefined();
    const third = await askQuestion(c, { topic: 'wages', title: '高温补贴还有吗', body: '听说今年高温补贴不发了，是真的吗？' });
    const prompt = await heat([first.id])();
    expect(prompt).toMatchObject({ topic: 'wages', askers: 3 });
    expect(prompt.keywords).toContain('高温补贴');
    expect(prompt.questions.map((q: any) => q.id).sort()).toEqual([first.id, again.id, second.id, third.id].sort());
    for (const who of [a, b, c]) expect(JSON.stringify(prompt)).not.toContain(who.person.name);
    // The prompt groups the signatures stored at ask time; questions asked before they were kept
    // (null) give the same prompt, before and after the job signs them.
    const ids = [first.id, again.id, second.id, third.id];
    const sigs = async () =>
      (await t.db
        .selectFrom('policy_questions' as any)
        .select(['id', 'title', 'body', 'signature'] as any)
        .where('id', 'in', ids)
        .execute()) as any[];
    for (const r of await sigs()) expect(r.signature).toBe(questionSignature(r.title, r.body));
    await t.db
      .updateTable('policy_questions' as any)
      .set({ signature: null } as any)
      .where('id', 'in', ids)
      .execute();
    expect(await heat([first.id])()).toEqual(prompt);
    expect(await signOldQuestions(t.db)).toBeGreaterThanOrEqual(4);
    for (const r of await sigs()) expect(r.signature).toBe(questionSignature(r.title, r.body));
    expect(await heat([first.id])()).toEqual(prompt);
    // Only those who answer see prompts: a worker is refused, another union's staff sees none of these.
    expect((await a.get('/api/v1/policy-questions/explain-prompts')).status).toBe(403);
    const elsewhere = await t.user([{ role: 'unionStaff', org: await t.org('另一工会', 'group') }]);
    expect((await prompts(elsewhere)).items).toEqual([]);
    // An explanation published as an FAQ entry answers the group: the prompt goes.
    await w.staff.post(`/api/v1/policy-questions/${third.id}/answer`, { answer: '高温津贴照常发放，标准见薪酬办法。' });
    expect(
      (await w.staff.post(`/api/v1/policy-questions/${third.id}/publish`, { faqTitle: '今年高温津贴怎么发？', faqAnswer: '照常按月随工资发放。' })).status,
    ).toBe(200);
    expect(await heat([first.id])()).toBeUndefined();
  });

  it('computes each figure exactly as the question list its drill opens', async () => {
    const team = await w.team();
    const worker = await w.worker({}, team);
    const qs = [];
    for (const [title, topic] of [
      ['病假工资怎么算', 'wages'],
      ['夜班能调休吗', 'leave'],
      ['防尘口罩多久换', 'leave'],
    ])
      qs.push(await askQuestion(worker, { title, topic }));
    await w.staff.post(`/api/v1/policy-questions/${qs[0].id}/answer`, { answer: '按集团规定。' });
    await w.staff.post(`/api/v1/policy-questions/${qs[1].id}/answer`, { answer: '可以。' });
    await w.staff.post(`/api/v1/policy-questions/${qs[1].id}/publish`, { faqTitle: '夜班能调休吗', faqAnswer: '可以。' });
    const q = { scope: { all: false, paths: [team.path] }, from: '2000-01-01', to: '2999-12-31' };
    // Not reused yet: the FAQ entry counts in the denominator only.
    expect(await indicator('policies.faqReuseRate')!.compute(t.db, q)).toMatchObject({ value: 0, numerator: 0, denominator: 1 });
    expect((await (await w.worker({}, team)).post(`/api/v1/policy-faq/${qs[1].id}/deflect`, {})).status).toBe(200);
    for (const key of [
      'policies.questionsAnswered',
      'policies.onTimeAnswerRate',
      'policies.faqPublished',
      'policies.reviewPending',
      'policies.faqReuseRate',
      'policies.topTopicShare',
    ]) {
      const fig = await indicator(key)!.compute(t.db, q);
      for (const side of ['numerator', 'denominator'] as const) {
        const params = new URLSearchParams({ ...fig.drill![side], orgId: team.id });
        const list = await w.staff.get(`/api/v1/policy-questions?${params}`);
        expect(list.status, key).toBe(200);
        expect(list.body.total, `${key} ${side}`).toBe(fig[side]);
      }
    }
    expect(await indicator('policies.onTimeAnswerRate')!.compute(t.db, q)).toMatchObject({ value: 1, numerator: 2, denominator: 2 });
    expect(await indicator('policies.faqPublished')!.compute(t.db, q)).toMatchObject({ value: 1 });
    expect(await indicator('policies.faqReuseRate')!.compute(t.db, q)).toMatchObject({ value: 1, numerator: 1, denominator: 1 });
    const top = await indicator('policies.topTopicShare')!.compute(t.db, q);
    expect(top).toMatchObject({ value: 0.6667, numerator: 2, denominator: 3 });
    expect(top.drill!.numerator.topic).toBe('leave');
  });

  it('counts FAQ views and deflections on the day they happen, once per worker and day, keeping no one’s identity', async () => {
    // A mine of its own, so the figures count this test's uses only.
    const mine = await t.org('三号矿', 'mine', w.group);
    const team = await t.org('综采队', 'team', mine);
    const asker = await w.worker({}, team);
    const q = await askQuestion(asker, { title: '高温津贴发多少', topic: 'wages' });
    await w.staff.post(`/api/v1/policy-questions/${q.id}/answer`, { answer: '每月300元。' });
    await w.staff.post(`/api/v1/policy-questions/${q.id}/publish`, { faqTitle: '高温津贴标准', faqAnswer: '6至9月每月300元。' });
    const reader = await w.worker({ name: '看问答的职工' }, team);
    const view = (who: typeof reader | typeof w.staff) => who.post(`/api/v1/policy-faq/${q.id}/view`, {});
    expect((await view(reader)).body).toEqual({ counted: true });
    // A refresh the same day is not a view; union staff reading the FAQ are not workers' use.
    expect((await view(reader)).body).toEqual({ counted: false });
    expect((await view(w.staff)).body).toEqual({ counted: false });
    expect((await reader.post(`/api/v1/policy-faq/${q.id}/deflect`, {})).body.deflections).toBe(1);
    expect((await reader.post(`/api/v1/policy-faq/${q.id}/deflect`, {})).body.deflections).toBe(1);
    // Another organisation's worker cannot even find the entry.
    const stranger = await t.user([{ role: 'worker', org: await t.org('另一集团', 'group') }]);
    expect((await stranger.post(`/api/v1/policy-faq/${q.id}/view`, {})).status).toBe(404);
    // The next Beijing day the same worker counts again: a view and a deflection dated that day.
    const today = shanghaiDate(new Date());
    const tomorrow = addDays(today, 1);
    const actor = await actorOf(t.db, reader.accountId);
    const atNoon = new Date(`${tomorrow}T12:00:00+08:00`);
    await t.db.transaction().execute((tx) => faqUse.deflect(writeCallIn(t.db, tx, actor, { actor, ip: null, requestId: null, locale: 'zh-CN' }, atNoon), q.id));

    const figure = (key: string, from: string, to: string) => indicator(key)!.compute(t.db, { scope: { all: false, paths: [mine.path] }, from, to });
    expect((await figure('policies.faqViews', today, today)).value).toBe(1);
    expect((await figure('policies.faqDeflections', today, today)).value).toBe(1);
    expect((await figure('policies.faqViews', tomorrow, tomorrow)).value).toBe(1);
    expect((await figure('policies.faqDeflections', today, tomorrow)).value).toBe(2);
    // Each figure's drill lists exactly the uses it counted, by day and unit, naming nobody.
    for (const key of ['policies.faqViews', 'policies.faqDeflections']) {
      const fig = await figure(key, today, tomorrow);
      expect(indicator(key)!.drillPage).toBe('/policies/faq-uses');
      const list = await w.staff.get(`/api/v1/policy-faq-uses?${new URLSearchParams({ ...fig.drill!.numerator, orgId: mine.id })}`);
      expect(list.status).toBe(200);
      expect(list.body.total, key).toBe(fig.value);
      expect(list.body.items.map((u: any) => [u.day, u.faqTitle, u.unitName])).toContainEqual([tomorrow, '高温津贴标准', '三号矿']);
      expect(JSON.stringify(list.body)).not.toMatch(new RegExp(`${reader.accountId}|${reader.person.id}|看问答的职工`));
    }
    expect((await reader.get('/api/v1/policy-faq-uses')).status).toBe(403);
    // The rows hold a day, an entry and a unit; the key that kept the day to one count is gone once the day is over.
    const rows = await t.db
      .selectFrom('policy_faq_events' as any)
      .selectAll()
      .where('faq_id', '=', q.id)
      .execute();
    expect(rows).toHaveLength(4);
    expect(JSON.stringify(rows)).not.toMatch(new RegExp(`${reader.accountId}|${reader.person.id}|${team.id}`));
    // Within the day the key is an HMAC under the server's secret: a plain hash of account, entry and day is not it.
    const plain = createHash('sha256').update(`${reader.accountId}\n${q.id}\n${today}`).digest('hex');
    const keys = rows.map((r: any) => r.viewer_key).filter(Boolean);
    expect(keys.length).toBeGreaterThan(0);
    expect(keys).not.toContain(plain);
    await forgetViewers(t.db, addDays(tomorrow, 1));
    const kept = await t.db
      .selectFrom('policy_faq_events' as any)
      .select('viewer_key')
      .where('faq_id', '=', q.id)
      .execute();
    expect(kept.map((r: any) => r.viewer_key)).toEqual([null, null, null, null]);
  });

  it('reminds staff before the deadline and the chair once it has passed, each only once', async () => {
    const team = await w.team();
    const worker = await w.worker({}, team);
    const q = await askQuestion(worker, { title: '体检要自己付钱吗' });
    const inbox = async (c: typeof w.staff) =>
      (await c.get('/api/v1/notifications?pageSize=100')).body.items.filter((n: any) => n.link === `/policies/questions/${q.id}`).map((n: any) => n.title);
    const dueDay = new Date(`${q.dueDate}T09:00:00+08:00`);
    await remindUnanswered(t.db, dueDay);
    await remindUnanswered(t.db, dueDay);
    expect((await inbox(w.staff)).filter((x: string) => x.startsWith('政策咨询即将到期'))).toHaveLength(1);
    const late = new Date(dueDay.getTime() + 3 * 86_400_000);
    await remindUnanswered(t.db, late);
    await remindUnanswered(t.db, late);
    expect((await inbox(w.chair)).filter((x: string) => x.startsWith('政策咨询已超期'))).toHaveLength(1);
  });
});

describe('appeals citing articles', () => {
  it('keeps the articles an answer and a decline cite, shows them on the appeal, and flags the answer when its policy is repealed', async () => {
    const rule = await addPolicy(w.staff, w.group.id, {
      title: '井下津贴发放办法',
      issuer: '煤业集团',
      docNumber: '集团人字〔2024〕7号',
      level: 'company',
      effectiveDate: '2024-01-01',
      text: '第一条 井下津贴按出勤天数计发。\n第二条 津贴随当月工资发放。',
    });
    const worker = await w.worker();
    const appeal = (await worker.post('/api/v1/appeals', { category: 'wages', title: '井下津贴少发', description: '十月井下津贴少发了五天。' })).body.id;
    await w.staff.post(`/api/v1/appeals/${appeal}/accept`, { urgency: 'general' });
    const unknown = await w.staff.post(`/api/v1/appeals/${appeal}/answer`, {
      answer: '按办法补发。',
      citedArticleIds: ['01900000-0000-7000-8000-000000000000'],
    });
    expect([unknown.status, unknown.body.errors[0].field]).toEqual([422, 'body.citedArticleIds']);
    expect(unknown.body.detail).toContain('citedArticleIds');
    const answered = await w.staff.post(`/api/v1/appeals/${appeal}/answer`, {
      answer: '按办法第一条补发五天津贴。',
      citedArticleIds: [w.article(rule, '第一条')],
    });
    expect(answered.status).toBe(200);
    const mine = (await worker.get(`/api/v1/appeals/${appeal}`)).body;
    expect(mine.citations.map((c: any) => [c.kind, c.policyTitle, c.label, c.review])).toEqual([['answer', '井下津贴发放办法', '第一条', false]]);
    expect(mine.citationsNeedReview).toBe(false);

    const other = (await worker.post('/api/v1/appeals', { category: 'benefits', title: '年休假怎么算', description: '工作满十一年年休假几天？' })).body.id;
    const declined = await w.staff.post(`/api/v1/appeals/${other}/decline`, {
      reason: 'outOfScope',
      explanation: '属政策咨询，依条例第三条为10天。',
      citedArticleIds: [w.article(w.leave, '第三条')],
    });
    expect(declined.body.citations.map((c: any) => [c.kind, c.label])).toEqual([['decline', '第三条']]);

    expect((await w.staff.post(`/api/v1/policies/${rule.id}/repeal`, { repealDate: today() })).status).toBe(200);
    const after = (await w.staff.get(`/api/v1/appeals/${appeal}`)).body;
    expect([after.citationsNeedReview, after.citations[0].policyStatus, after.citations[0].review]).toEqual([true, 'repealed', true]);
    expect((await w.staff.get(`/api/v1/appeals/${other}`)).body.citationsNeedReview).toBe(false);
  });
});

describe('above 2 000 matches (the newest-first walks)', () => {
  it('the question list answers a page, the capped total and the next page for each filter and sort; FAQ and article search still answer', async () => {
    const u = await policiesWorld(t);
    const worker = await u.worker();
    const n = COUNT_CAP + 30;
    // Bulk rows in one transaction: asking 2 030 questions through the API would cost the test its budget.
    const questions = Array.from({ length: n }, (_, i) => {
      const at = new Date(Date.UTC(2026, 0, 1) + Math.floor(i / 3) * 3_600_000).toISOString();
      return {
        id: newId(),
        org_id: u.team1.id,
        library_org_id: u.group.id,
        author_account_id: worker.accountId,
        author_person_id: null,
        author_name: `职工${i}`,
        author_category: 'contract',
        anonymous: 0,
        topic: 'wages',
        title: `夜班工资${i}`,
        body: '夜班工资怎么算？',
        status: 'published',
        asked_at: at,
        asked_date: at.slice(0, 10),
        due_date: '2026-12-31',
        answer: '按月发放。',
        answered_at: at,
        answered_by: null,
        on_time: 1,
        faq_title: `夜班工资${i}怎么算`,
        faq_answer: '夜班工资按月发放。',
        published_at: at,
        deflections: 0,
        review_needed: 0,
        signature: null,
        created_at: at,
        updated_at: at,
      };
    });
    const articles = Array.from({ length: n }, (_, i) => ({
      id: newId(),
      policy_id: u.pay.id,
      seq: 100 + i,
      label: `第${100 + i}条`,
      chapter: null,
      body: '夜班工资按月发放。',
    }));
    await t.db.transaction().execute(async (tx) => {
      for (let i = 0; i < n; i += 250) {
        const qs = questions.slice(i, i + 250);
        const as = articles.slice(i, i + 250);
        await tx
          .insertInto('policy_questions' as any)
          .values(qs)
          .execute();
        await tx
          .insertInto(QUESTION_INDEX as any)
          .values(qs.map((r) => ({ ref_id: r.id, body: indexText(`${r.title} ${r.body}`) })))
          .execute();
        await tx
          .insertInto(FAQ_INDEX as any)
          .values(qs.map((r) => ({ ref_id: r.id, body: indexText(`${r.faq_title} ${r.faq_answer}`) })))
          .execute();
        await tx
          .insertInto('policy_articles' as any)
          .values(as)
          .execute();
        await tx
          .insertInto(ARTICLE_INDEX as any)
          .values(as.map((a) => ({ ref_id: a.id, body: indexText(`集团公司薪酬管理办法 ${a.label} ${a.body}`) })))
          .execute();
      }
    });
    const newest = [...questions].sort((a, b) => b.asked_at.localeCompare(a.asked_at) || b.id.localeCompare(a.id)).map((r) => r.id);
    const list = async (who: typeof u.staff, query: string) => {
      const r = await who.get(`/api/v1/policy-questions?pageSize=20&${query}`);
      expect(r.status, `${query}: ${r.text}`).toBe(200);
      return r.body;
    };
    for (const query of [
      '',
      'status=published',
      'topic=wages',
      `q=${encodeURIComponent('工资')}`,
      `orgId=${u.mine1.id}`,
      'onTime=1',
      'employmentCategory=contract',
    ]) {
      const first = await list(u.staff, query);
      expect([first.total, first.totalCapped, first.items.length], query).toEqual([COUNT_CAP, true, 20]);
      // Newest first, and the next page goes on where the first stopped.
      expect(first.items.map((x: any) => x.id)).toEqual(newest.slice(0, 20));
      expect((await list(u.staff, `${query}&page=2`)).items.map((x: any) => x.id)).toEqual(newest.slice(20, 40));
    }
    for (const sort of ['sort=dueDate&order=asc', 'sort=status&order=desc', 'sort=askedAt&order=asc']) {
      const [p1, p2] = [await list(u.staff, sort), await list(u.staff, `${sort}&page=2`)];
      expect([p1.total, p1.totalCapped, p1.items.length, p2.items.length], sort).toEqual([COUNT_CAP, true, 20, 20]);
      expect(p2.items.some((x: any) => p1.items.some((y: any) => y.id === x.id))).toBe(false);
    }
    expect((await list(u.staff, 'sort=askedAt&order=asc')).items[0].id).toBe(newest[n - 1]);
    // Past the count page numbers stop with a 400 naming the page (a 500 was once seen here), and the
    // cursor goes on from the last numbered page to the last question, newest first.
    const lastPage = COUNT_CAP / 20;
    const past = await u.staff.get(`/api/v1/policy-questions?pageSize=20&page=${lastPage + 1}`);
    expect([past.status, past.body.errors?.map((e: any) => e.field)]).toEqual([400, ['query.page']]);
    const walked: string[] = [];
    for (let p = await list(u.staff, `page=${lastPage}`); ; p = await list(u.staff, `after=${p.nextCursor}`)) {
      walked.push(...p.items.map((x: any) => x.id));
      if (!p.nextCursor) break;
    }
    expect(walked).toEqual(newest.slice(COUNT_CAP - 20));
    // By deadline the cursor follows that order; the status sort has none, and a cursor there is refused by name.
    const byDue = await list(u.staff, 'sort=dueDate&order=asc');
    const nextDue = await list(u.staff, `sort=dueDate&order=asc&after=${byDue.nextCursor}`);
    expect(nextDue.items.map((x: any) => x.id)).toEqual((await list(u.staff, 'sort=dueDate&order=asc&page=2')).items.map((x: any) => x.id));
    expect((await list(u.staff, 'sort=status&order=desc')).nextCursor).toBeNull();
    const wrongSort = await u.staff.get(`/api/v1/policy-questions?sort=status&order=desc&after=${byDue.nextCursor}`);
    expect([wrongSort.status, wrongSort.body.errors?.map((e: any) => e.field)]).toEqual([400, ['query.after']]);
    // The asker's own list: over the cap too.
    expect(await list(worker, 'mine=1').then((b) => [b.total, b.totalCapped, b.items.every((x: any) => x.mine)])).toEqual([COUNT_CAP, true, true]);
    // The FAQ's nearest entries and the article search by a word in every row walk newest first too.
    const faq = await worker.get(`/api/v1/policy-faq?q=${encodeURIComponent('夜班工资怎么算')}&pageSize=5`);
    expect(faq.status, faq.text).toBe(200);
    expect(faq.body.items.map((x: any) => x.id)).toEqual(newest.slice(0, 5));
    // Entries published in the same hour: page 2 goes on from page 1 on both engines.
    expect((await worker.get(`/api/v1/policy-faq?q=${encodeURIComponent('夜班工资怎么算')}&pageSize=5&page=2`)).body.items.map((x: any) => x.id)).toEqual(
      newest.slice(5, 10),
    );
    const hits = await worker.get(`/api/v1/policy-articles?q=${encodeURIComponent('夜班工资')}&pageSize=5`);
    expect(hits.status, hits.text).toBe(200);
    expect(hits.body.items.map((x: any) => x.label)).toEqual(['第100条', '第101条', '第102条', '第103条', '第104条']);
  });
});
