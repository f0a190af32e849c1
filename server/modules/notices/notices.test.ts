/**
 * Transparent notices through the API as people use them: a notice reaches its scope and
 * categories and no one else; read receipts are stamped once and counted per unit and
 * category; questions stay anonymous when asked so; corrections show what changed; and the
 * history chain detects an edited, a deleted and a moved entry, holds under concurrent
 * appends, and is what `xq notices verify` reports.
 */
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { sql } from 'kysely';
import { useTestApp } from '../../../test/app.js';
import { multipart } from '../../core/people/people.fixtures.js';
import { indicator } from '../../core/indicators/indicators.registry.js';
import { writeCallIn } from '../../core/call.js';
import { systemContext } from '../../core/context.js';
import type { Database } from '../../core/db/database.js';
import { noticesModule, publishNotice, remindNoticesDue, verifyNoticeChain } from './index.js';
import { publish, useNoticesWorld } from './notices.testkit.js';

const t = useTestApp();
const w = useNoticesWorld(t, beforeAll);

const today = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
const ids = (res: { body: any }) => res.body.items.map((x: any) => x.id);

describe('scope and categories', () => {
  it('reaches the workers of its subtree and categories, hides itself from everyone else, and freezes its recipients', async () => {
    const reader = await w.worker(w.team1, 'dispatched');
    const otherCategory = await w.worker(w.team2, 'contract');
    const otherMine = await w.worker(w.team3, 'dispatched', w.mine2);
    const n = await publish(w.mineStaff, { orgId: w.mine1.id, title: '劳务派遣工工资发放情况', categories: ['dispatched'] });
    expect(n).toMatchObject({ status: 'published', version: 1, categories: ['dispatched'], canPublish: true, readAt: null });
    expect(n.recipients).toBeGreaterThanOrEqual(1);

    expect((await reader.get(`/api/v1/notices/${n.id}`)).body).toMatchObject({
      title: '劳务派遣工工资发放情况',
      recipients: null,
      reads: null,
      canPublish: false,
      canAsk: true,
    });
    expect(ids(await reader.get('/api/v1/notices?unread=1'))).toContain(n.id);
    for (const c of [otherCategory, otherMine]) {
      expect((await c.get(`/api/v1/notices/${n.id}`)).status).toBe(404);
      expect(ids(await c.get('/api/v1/notices'))).not.toContain(n.id);
    }
    // A 班组 notice does not reach the next 班组, though both workers' grants sit at the mine.
    const teamNotice = await publish(w.staff, { orgId: w.team1.id, title: '一班安全奖分配' });
    expect((await reader.get(`/api/v1/notices/${teamNotice.id}`)).status).toBe(200);
    expect((await otherCategory.get(`/api/v1/notices/${teamNotice.id}`)).status).toBe(404);
    // A mine's union staff publishes only inside the mine, naming the field in Chinese.
    const refused = await w.mineStaff.post('/api/v1/notices', { orgId: w.mine2.id, title: '越权', body: '内容', kind: 'adHoc' });
    expect(refused.status).toBe(422);
    expect(refused.body.errors[0].field).toBe('body.orgId');
    expect(refused.body.detail).toMatch(/[\u4e00-\u9fa5]/);
    const noSchedule = await w.staff.post('/api/v1/notices', { orgId: w.mine1.id, title: '月度', body: '内容', kind: 'periodic' });
    expect(noSchedule.body.errors[0].field).toBe('body.schedule');
    expect((await reader.post('/api/v1/notices', { orgId: w.team1.id, title: '职工发布', body: '内容', kind: 'adHoc' })).status).toBe(403);
  });
});

describe('a worker’s list', () => {
  it('merges the notices of their team and every org above it newest first, page after page, and leaves out what they read', async () => {
    const reader = await w.worker(w.team1, 'contract');
    const sibling = await publish(w.staff, { orgId: w.team2.id, title: '二班内部事项' });
    // Published in turn to each org on the reader's way up, so every page mixes orgs.
    const mine: string[] = [];
    for (const [i, org] of [w.group, w.team1, w.mine1, w.district, w.team1, w.group, w.district, w.mine1].entries())
      mine.push((await publish(w.staff, { orgId: org.id, title: `逐级公开${i}` })).id);
    const newest = [...mine].reverse();
    const page = async (n: number, extra = '') => {
      const r = await reader.get(`/api/v1/notices?page=${n}&pageSize=3${extra}`);
      expect(r.status, r.text).toBe(200);
      return r.body;
    };
    const [p1, p2, p3] = [await page(1), await page(2), await page(3)];
    expect([...ids({ body: p1 }), ...ids({ body: p2 }), ...ids({ body: p3 }).slice(0, 2)]).toEqual(newest);
    expect(ids({ body: p1 })).not.toContain(sibling.id);
    const all = await reader.get('/api/v1/notices?pageSize=100');
    expect(all.body.total).toBe(all.body.items.length);
    expect(p1.total).toBe(all.body.total);
    expect(all.body.items.map((x: any) => x.id)).not.toContain(sibling.id);
    // Oldest first is the same walk the other way.
    const oldest = (await reader.get('/api/v1/notices?pageSize=100&sort=publishedAt&order=asc')).body.items.map((x: any) => x.id);
    expect(oldest).toEqual([...all.body.items.map((x: any) => x.id)].reverse());

    await reader.post(`/api/v1/notices/${newest[0]}/read`);
    await reader.post(`/api/v1/notices/${newest[3]}/read`);
    const unread = await page(1, '&unread=1');
    expect(ids({ body: unread })).toEqual([newest[1], newest[2], newest[4]]);
    expect(unread.total).toBe(all.body.total - 2);
  });
});

describe('a day filter', () => {
  it('lists a notice on its Beijing day on either side of midnight, for the desk and the worker alike', async () => {
    const staff = { accountId: w.staff.accountId, displayName: 'staff', personId: null, grants: [], via: 'session' as const };
    // 23:59:59.999 on 1 March and 00:00 on 2 March, Beijing time (UTC+8): the day filter bounds the walked index by these instants.
    const at = async (iso: string, title: string) =>
      (
        await t.db
          .transaction()
          .execute((tx) =>
            publishNotice(writeCallIn(t.db, tx, staff, systemContext(), new Date(iso)), { orgId: w.district.id, title, body: '正文', kind: 'adHoc' }),
          )
      ).id;
    const late = await at('2026-03-01T15:59:59.999Z', '三月一日深夜发布');
    const early = await at('2026-03-01T16:00:00.000Z', '三月二日零点发布');
    const titles = async (who: typeof w.staff, q: string) => (await who.get(`/api/v1/notices?${q}`)).body.items.map((n: any) => n.id);
    expect(await titles(w.staff, 'desk=1&from=2026-03-01&to=2026-03-01')).toEqual([late]);
    expect(await titles(w.staff, 'desk=1&from=2026-03-02&to=2026-03-02')).toEqual([early]);
    expect(await titles(w.staff, 'desk=1&from=2026-03-01&to=2026-03-02')).toEqual([early, late]);
    const worker = await w.worker(w.team1, 'contract');
    expect(await titles(worker, 'from=2026-03-02&to=2026-03-31')).toEqual([early]);
  });
});

describe('read receipts', () => {
  it('stamps a recipient once, however often they open it, and counts reads by unit and category', async () => {
    const a = await w.worker(w.team1, 'contract');
    const b = await w.worker(w.team2, 'permanent');
    const n = await publish(w.staff, { orgId: w.district.id, title: '区队考核结果' });
    const first = await a.post(`/api/v1/notices/${n.id}/read`);
    expect(first.body).toEqual({ recipient: true, readAt: expect.any(String) });
    const again = await a.post(`/api/v1/notices/${n.id}/read`);
    expect(again.body.readAt).toBe(first.body.readAt);
    await b.post(`/api/v1/notices/${n.id}/read`);
    // Staff reading it are no recipients and leave the rate alone.
    expect((await w.staff.post(`/api/v1/notices/${n.id}/read`)).body).toEqual({ recipient: false, readAt: null });

    const rates = (await w.staff.get(`/api/v1/notices/${n.id}/read-rates`)).body;
    expect(rates.read).toBe(2);
    expect(rates.recipients).toBe(n.recipients);
    const unit = (name: string) => rates.byUnit.find((u: any) => u.orgName === name);
    expect(unit('综采一班').read).toBe(1);
    expect(unit('综采二班').read).toBe(1);
    expect(rates.byCategory.find((c: any) => c.category === 'permanent')).toMatchObject({ read: 1 });
    expect((await w.staff.get(`/api/v1/notices/${n.id}`)).body.reads).toBe(2);
    expect((await a.get(`/api/v1/notices/${n.id}/read-rates`)).status).toBe(403);
    expect((await a.get(`/api/v1/notices/${n.id}`)).body.readAt).toBe(first.body.readAt);
    expect(ids(await a.get('/api/v1/notices?unread=1'))).not.toContain(n.id);

    const fig = await indicator('notices.readRate')!.compute(t.db, { scope: { all: false, paths: [w.district.path] }, from: today(), to: today() });
    const desk = await w.staff.get(`/api/v1/notices?desk=1&orgId=${w.district.id}&from=${today()}&to=${today()}`);
    const listed = desk.body.items.reduce((s: { r: number; n: number }, x: any) => ({ r: s.r + x.reads, n: s.n + x.recipients }), { r: 0, n: 0 });
    expect([fig.numerator, fig.denominator]).toEqual([listed.r, listed.n]);

    // Across the listed notices: the counts kept with the receipts equal the receipts themselves, per category too.
    const across = (await w.staff.get(`/api/v1/notice-read-rates?orgId=${w.district.id}&from=${today()}&to=${today()}`)).body;
    const receipts = await (t.db as any)
      .selectFrom('notice_receipts')
      .select(['category', (eb: any) => eb.fn.countAll().as('n')])
      .where(
        'notice_id',
        'in',
        desk.body.items.map((x: any) => x.id),
      )
      .groupBy('category')
      .execute();
    expect(across).toMatchObject({ notices: desk.body.total, read: listed.r, recipients: listed.n });
    expect(Object.fromEntries(across.byCategory.filter((c: any) => c.read).map((c: any) => [c.category, c.read]))).toEqual(
      Object.fromEntries(receipts.map((r: any) => [r.category, Number(r.n)])),
    );
    expect((await a.get(`/api/v1/notice-read-rates`)).status).toBe(403);
  });
});

describe('questions', () => {
  it('keeps an anonymous asker unnamed in every list, and shows answered questions to other readers without names', async () => {
    const asker = await w.worker(w.team1);
    const other = await w.worker(w.team1);
    const n = await publish(w.staff, { orgId: w.mine1.id, title: '食堂承包费用公开' });
    const named = await asker.post(`/api/v1/notices/${n.id}/questions`, { body: '早餐价格为什么涨了？' });
    const anon = await asker.post(`/api/v1/notices/${n.id}/questions`, { body: '承包合同能公开吗？', anonymous: true });
    expect(anon.status).toBe(201);
    expect(anon.body).toMatchObject({ anonymous: true, askerName: null, mine: true });

    const queue = (await w.staff.get(`/api/v1/notice-questions?noticeId=${n.id}`)).body.items;
    expect(queue.find((q: any) => q.id === named.body.id).askerName).toBe(asker.person.name);
    expect(queue.find((q: any) => q.id === anon.body.id).askerName).toBeNull();
    expect(JSON.stringify(queue.find((q: any) => q.id === anon.body.id))).not.toContain(asker.person.name);

    expect((await other.get(`/api/v1/notice-questions?noticeId=${n.id}`)).body.items).toEqual([]);
    expect((await asker.post(`/api/v1/notice-questions/${anon.body.id}/answer`, { answer: '自己答' })).status).toBe(403);
    expect((await other.post(`/api/v1/notice-questions/${anon.body.id}/answer`, { answer: '代答' })).status).toBe(404);
    const answered = await w.staff.post(`/api/v1/notice-questions/${anon.body.id}/answer`, { answer: '合同摘要已作为附件公开。' });
    expect(answered.body).toMatchObject({ status: 'answered', askerName: null });
    expect((await w.staff.post(`/api/v1/notice-questions/${anon.body.id}/answer`, { answer: '再答' })).body.errors[0].field).toBe('status');
    const seen = (await other.get(`/api/v1/notice-questions?noticeId=${n.id}`)).body.items;
    expect(seen).toEqual([expect.objectContaining({ id: anon.body.id, answer: '合同摘要已作为附件公开。', askerName: null, mine: false })]);
    const inbox = (await asker.get('/api/v1/notifications?pageSize=50')).body.items.map((x: any) => x.title);
    expect(inbox).toContain('您的提问已答复：食堂承包费用公开');
    // The audit row of the anonymous ask carries no account.
    const audit = await t.db
      .selectFrom('audit_events')
      .select(['actor_id', 'actor_name'])
      .where('entity_id', '=', anon.body.id)
      .where('action', '=', 'noticeQuestion.ask')
      .executeTakeFirst();
    expect(audit).toEqual({ actor_id: null, actor_name: null });

    const fig = await indicator('notices.questionsAnswered')!.compute(t.db, { scope: { all: false, paths: [w.mine1.path] }, from: today(), to: today() });
    const all = await w.staff.get(`/api/v1/notice-questions?from=${today()}&to=${today()}&pageSize=200`);
    const done = await w.staff.get(`/api/v1/notice-questions?from=${today()}&to=${today()}&status=answered&pageSize=200`);
    expect([fig.numerator, fig.denominator]).toEqual([done.body.total, all.body.total]);
  });
});

describe('corrections, withdrawal and attachments', () => {
  it('shows what a correction changed, refuses acts out of state or by readers, and serves attachments to readers', async () => {
    const reader = await w.worker(w.team1);
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(32, 1)]);
    const m = multipart({}, { name: '考勤表.png', content: png });
    const file = (await w.staff.post('/api/v1/files', m.body, m.headers)).body;
    const n = await publish(w.staff, { orgId: w.mine1.id, title: '十月加班费', body: '综采一班 3200 元\n综采二班 2800 元', fileIds: [file.id] });
    expect(n.files.map((f: any) => f.name)).toEqual(['考勤表.png']);
    const got = await reader.get(`/api/v1/notices/${n.id}/files/${file.id}`);
    expect(got.status).toBe(200);
    expect(got.headers['content-type']).toBe('image/png');

    expect((await reader.post(`/api/v1/notices/${n.id}/correct`, { body: 'x', reason: '改' })).status).toBe(403);
    const fixed = await w.staff.post(`/api/v1/notices/${n.id}/correct`, { body: '综采一班 3200 元\n综采二班 2900 元', reason: '二班数额录入有误' });
    expect(fixed.body).toMatchObject({ version: 2, correctedAt: expect.any(String) });
    expect((await w.staff.post(`/api/v1/notices/${n.id}/correct`, { reason: '无改动' })).body.errors[0].field).toBe('body');
    const hist = (await reader.get(`/api/v1/notices/${n.id}/history`)).body.items;
    expect(hist.map((e: any) => e.action)).toEqual(['publish', 'correct']);
    expect(hist[1]).toMatchObject({ reason: '二班数额录入有误', prevHash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(hist[1].bodyDiff).toEqual([
      { op: 'same', text: '综采一班 3200 元' },
      { op: 'del', text: '综采二班 2800 元' },
      { op: 'add', text: '综采二班 2900 元' },
    ]);
    expect((await reader.get(`/api/v1/notices/${n.id}`)).body.chain).toEqual({ seq: hist[1].seq, hash: hist[1].hash });

    const gone = await w.staff.post(`/api/v1/notices/${n.id}/withdraw`, { reason: '并入年度公开' });
    expect(gone.body.status).toBe('withdrawn');
    expect((await reader.get(`/api/v1/notices/${n.id}`)).status).toBe(404);
    const late = await w.staff.post(`/api/v1/notices/${n.id}/correct`, { title: '改标题', reason: '晚了' });
    expect(late.status).toBe(409);
    expect(late.body.errors[0].field).toBe('status');
  });
});

describe('periodic notices', () => {
  it('reminds the publisher once before the next issue is due, and counts an issue followed in time as on schedule', async () => {
    const team = await t.org('财务公开组', 'team', w.mine2);
    const n = await publish(w.staff, { orgId: team.id, title: '十一月财务公开', kind: 'periodic', schedule: 'monthly', nextDueDate: today() });
    await remindNoticesDue(t.db, new Date());
    await remindNoticesDue(t.db, new Date());
    const inbox = (await w.staff.get('/api/v1/notifications?pageSize=100')).body.items.filter((x: any) => x.link === `/notices/${n.id}`);
    expect(inbox.map((x: any) => x.title)).toEqual(['定期公开即将到期：十一月财务公开']);

    const next = await publish(w.staff, { orgId: team.id, title: '十二月财务公开', kind: 'periodic', schedule: 'monthly', follows: n.id });
    expect(next.nextDueDate > today()).toBe(true);
    expect((await w.staff.get(`/api/v1/notices/${n.id}`)).body.followedAt).not.toBeNull();
    expect(
      (await w.staff.post('/api/v1/notices', { orgId: team.id, title: '重复接续', body: '内容', kind: 'periodic', schedule: 'monthly', follows: n.id })).body
        .errors[0].field,
    ).toBe('body.follows');
    const fig = await indicator('notices.onSchedule')!.compute(t.db, { scope: { all: false, paths: [team.path] }, from: today(), to: today() });
    expect(fig).toMatchObject({ value: 1, numerator: 1, denominator: 1 });
    const drilled = await w.staff.get(`/api/v1/notices?${new URLSearchParams({ ...fig.drill!.numerator, orgId: team.id })}`);
    expect(ids(drilled)).toEqual([n.id]);
  });
});

describe('the history chain', () => {
  it('lets another practice publish with its source, and two publishers at once append without forking the chain', async () => {
    const other = await t.user([{ role: 'unionChair', org: w.group }]);
    const res = await Promise.all(Array.from({ length: 6 }, (_, i) => publish(i % 2 ? other : w.staff, { orgId: w.mine1.id, title: `并发公开${i}` })));
    const seqs = res.map((r) => r.chain.seq).sort((a, b) => a - b);
    expect(new Set(seqs).size).toBe(6);
    const viaKit = await t.db.transaction().execute((tx) =>
      publishNotice(
        writeCallIn(t.db, tx, { accountId: w.staff.accountId, displayName: 'staff', personId: null, grants: [], via: 'session' }, systemContext()),
        {
          orgId: w.group.id,
          title: '第五届职代会第三次会议提案处理结果',
          body: '立案 12 件，均已交办。',
          kind: 'adHoc',
          source: { kind: 'congress.session', id: 'S3', label: '第五届第三次会议' },
        },
      ),
    );
    expect((await w.staff.get(`/api/v1/notices/${viaKit.id}`)).body.source).toEqual({ kind: 'congress.session', id: 'S3', label: '第五届第三次会议' });
    const v = await verifyNoticeChain(t.db);
    expect(v).toMatchObject({ ok: true, broken: null });
    const digest = (await w.staff.get('/api/v1/notice-chain/digest')).body;
    expect(digest).toEqual({ entries: v.entries, headSeq: v.entries, headHash: v.headHash, headAt: expect.any(String) });
  });

  it('names the first broken entry when a row is edited, deleted or moved, or a notice is rewritten behind the chain', async () => {
    const a = await publish(w.staff, { orgId: w.mine1.id, title: '篡改检测甲' });
    const b = await publish(w.staff, { orgId: w.mine1.id, title: '篡改检测乙' });
    const rowA = (await t.db
      .selectFrom('notice_chain' as any)
      .selectAll()
      .where('seq' as any, '=', a.chain.seq)
      .executeTakeFirstOrThrow()) as any;
    const rowB = (await t.db
      .selectFrom('notice_chain' as any)
      .selectAll()
      .where('seq' as any, '=', b.chain.seq)
      .executeTakeFirstOrThrow()) as any;
    const broken = async () => (await verifyNoticeChain(t.db)).broken;

    await sql`update notice_chain set content = ${rowA.content.replace('篡改检测甲', '篡改检测丙')} where seq = ${rowA.seq}`.execute(t.db);
    expect(await broken()).toEqual({ seq: rowA.seq, noticeId: a.id, reason: 'hash' });
    await sql`update notice_chain set content = ${rowA.content} where seq = ${rowA.seq}`.execute(t.db);

    await sql`delete from notice_chain where seq = ${rowA.seq}`.execute(t.db);
    expect(await broken()).toEqual({ seq: rowA.seq, noticeId: null, reason: 'missing' });
    await t.db
      .insertInto('notice_chain' as any)
      .values(rowA)
      .execute();

    // Swap the two entries' places: the first out of place is named.
    await sql`update notice_chain set seq = -1 where seq = ${rowA.seq}`.execute(t.db);
    await sql`update notice_chain set seq = ${rowA.seq} where seq = ${rowB.seq}`.execute(t.db);
    await sql`update notice_chain set seq = ${rowB.seq} where seq = -1`.execute(t.db);
    expect(await broken()).toEqual({ seq: rowA.seq, noticeId: b.id, reason: 'moved' });
    await sql`update notice_chain set seq = -1 where seq = ${rowA.seq}`.execute(t.db);
    await sql`update notice_chain set seq = ${rowA.seq} where seq = ${rowB.seq}`.execute(t.db);
    await sql`update notice_chain set seq = ${rowB.seq} where seq = -1`.execute(t.db);

    await sql`update notices set title = ${'悄悄改过的标题'} where id = ${b.id}`.execute(t.db);
    expect(await broken()).toEqual({ seq: rowB.seq, noticeId: b.id, reason: 'notice' });

    // The CLI says the same and fails; restored, it passes and prints the head.
    const out: string[] = [];
    const log = vi.spyOn(console, 'log').mockImplementation((s: string) => void out.push(s));
    const err = vi.spyOn(console, 'error').mockImplementation((s: string) => void out.push(s));
    const run = noticesModule.commands!.notices;
    const db = { db: t.db } as unknown as Database;
    try {
      await run(db, ['verify']);
      expect(process.exitCode).toBe(1);
      await sql`update notices set title = ${'篡改检测乙'} where id = ${b.id}`.execute(t.db);
      process.exitCode = 0;
      await run(db, ['verify']);
      expect(process.exitCode).toBe(0);
    } finally {
      log.mockRestore();
      err.mockRestore();
      process.exitCode = 0;
    }
    expect(out[0]).toContain(`chain broken at entry ${rowB.seq}`);
    expect(out[1]).toMatch(/^记录链完整 \/ chain intact: \d+ 条/);
  });
});
