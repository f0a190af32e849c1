import { createHmac } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app.js';
import { openDatabase, type Database } from '../db/database.js';
import { notify } from './notify.js';
import { deliverDue, type DeliverOptions } from './delivery.js';

// The stand-in robots listen on loopback, which only an admin's allow-list opens (target.ts).
const LOCAL = ['127.0.0.1'];
// The scheduled job reads the allow-list from the environment, as it reads PUBLIC_URL. Put back
// afterwards: test files share a process (vitest.config.ts), and another file's loopback robot must stay refused.
const allowHostsBefore = process.env.XQ_WEBHOOK_ALLOW_HOSTS;
process.env.XQ_WEBHOOK_ALLOW_HOSTS = LOCAL.join(',');
afterAll(() => {
  if (allowHostsBefore === undefined) delete process.env.XQ_WEBHOOK_ALLOW_HOSTS;
  else process.env.XQ_WEBHOOK_ALLOW_HOSTS = allowHostsBefore;
});
const t = useTestApp({ config: { webhookAllowHosts: LOCAL } });
const deliver = (db: Parameters<typeof deliverDue>[0], now: Date, opts: DeliverOptions = {}) => deliverDue(db, now, { allowHosts: LOCAL, ...opts });

interface Answer {
  status?: number;
  body?: unknown;
  /** Never answer (to exercise the timeout). */
  hang?: boolean;
  delayMs?: number;
}

/** A stand-in for the WeCom / DingTalk robot endpoint: records what it got, answers as told. */
class Receiver {
  readonly got: { path: string; contentType: string | undefined; body: any }[] = [];
  private readonly answers = new Map<string, Answer[]>();
  fallback: Answer = { status: 200, body: { errcode: 0, errmsg: 'ok' } };
  private server = http.createServer((req, res) => {
    let raw = '';
    req.setEncoding('utf8');
    req.on('data', (c) => (raw += c));
    req.on('end', () => {
      this.got.push({ path: req.url ?? '', contentType: req.headers['content-type'], body: JSON.parse(raw) });
      const key = new URL(req.url ?? '/', 'http://x').searchParams.get('key') ?? '';
      const a = this.answers.get(key)?.shift() ?? this.fallback;
      if (a.hang) return;
      setTimeout(() => {
        res.writeHead(a.status ?? 200, { 'content-type': 'application/json' });
        res.end(JSON.stringify(a.body ?? { errcode: 0, errmsg: 'ok' }));
      }, a.delayMs ?? 0);
    });
  });
  /** The next answers this robot gives, in order; after them it accepts everything. */
  answer(key: string, ...answers: Answer[]) {
    this.answers.set(key, [...(this.answers.get(key) ?? []), ...answers]);
  }
  port = 0;
  async start() {
    await new Promise<void>((r) => this.server.listen(0, '127.0.0.1', r));
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }
  url(key: string) {
    return `http://127.0.0.1:${this.port}/cgi-bin/webhook/send?key=${key}`;
  }
  /** What one robot (told apart by its key) received. */
  for(key: string) {
    return this.got.filter((g) => new URL(g.path, 'http://x').searchParams.get('key') === key);
  }
  async stop() {
    this.server.closeAllConnections();
    await new Promise((r) => this.server.close(r));
  }
}

let rx: Receiver;
beforeAll(async () => {
  rx = await new Receiver().start();
});
afterAll(async () => rx?.stop());

let keySeq = 0;
async function setup(flavor: 'wecom' | 'dingtalk' = 'wecom', key = `k${++keySeq}-${Math.random().toString(36).slice(2, 10)}`) {
  const group = await t.org('华能煤业', 'group');
  const mine = await t.org('一号矿', 'mine', group);
  const dept = await t.org('生产部', 'department', mine);
  const chair = await t.user([{ role: 'unionChair', org: mine }]);
  // The notices these tests tell are of kind appeal.assigned, which a robot receives only when chosen.
  const created = await chair.post('/api/v1/webhooks', { orgId: mine.id, flavor, url: rx.url(key), enabled: true, events: ['appeal.assigned'] });
  expect(created.status).toBe(201);
  return { group, mine, dept, chair, hook: created.body, key, got: () => rx.for(key) };
}

async function tell(orgPath: string, title = '诉求已交办', body = '张三的工资诉求已交办生产部，请在 5 个工作日内答复。') {
  await t.db.transaction().execute((tx) => notify(tx, { accountIds: [], kind: 'appeal.assigned', title, body, link: '/appeals/0190', orgPath }));
}

const outboxOf = (webhookId: string) => t.db.selectFrom('webhook_outbox').selectAll().where('webhook_id', '=', webhookId).execute();
const at = (base: Date, ms: number) => new Date(base.getTime() + ms);

describe('webhook administration', () => {
  it('lets a union chair manage the robots of their mine, masks the key, and audits each change', async () => {
    const { mine, chair, hook } = await setup('wecom', '693axxx6-7aoc-4bc4-97a0-0ec2sifa5aaa');
    expect(hook).toMatchObject({ orgId: mine.id, orgName: '一号矿', flavor: 'wecom', enabled: true, pending: 0, failed: 0 });
    expect(hook.url).toBe(`http://127.0.0.1:${rx.port}/cgi-bin/webhook/send?key=693a****`);

    const list = await chair.get('/api/v1/webhooks');
    expect(list.body.items.map((h: any) => h.id)).toEqual([hook.id]);

    const patched = await chair.patch(`/api/v1/webhooks/${hook.id}`, { flavor: 'dingtalk', enabled: false });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ flavor: 'dingtalk', enabled: false });

    expect((await chair.delete(`/api/v1/webhooks/${hook.id}`)).status).toBe(204);
    expect((await chair.get('/api/v1/webhooks')).body.items).toEqual([]);
    const audit = await t.db.selectFrom('audit_events').select(['action', 'org_id', 'changes']).where('entity_id', '=', hook.id).orderBy('id').execute();
    expect(audit.map((a) => a.action)).toEqual(['webhook.create', 'webhook.update', 'webhook.delete']);
    expect(audit.every((a) => a.org_id === mine.id)).toBe(true);
    // The robot key never lands in the audit log in full.
    expect(audit.some((a) => a.changes!.includes('693axxx6'))).toBe(false);
  });

  it('answers 404 for another mine, 403 for a role that may not manage robots, and 400 for a non-http URL', async () => {
    const { mine, hook } = await setup();
    const other = await t.org('二号矿', 'mine');
    const chairB = await t.user([{ role: 'unionChair', org: other }]);
    expect((await chairB.post('/api/v1/webhooks', { orgId: mine.id, flavor: 'wecom', url: rx.url('x') })).status).toBe(404);
    expect((await chairB.patch(`/api/v1/webhooks/${hook.id}`, { enabled: false })).status).toBe(404);
    expect((await chairB.post(`/api/v1/webhooks/${hook.id}/test`)).status).toBe(404);
    expect((await chairB.get('/api/v1/webhooks')).body.items).toEqual([]);

    const handler = await t.user([{ role: 'handler', org: mine }]);
    expect((await handler.post('/api/v1/webhooks', { orgId: mine.id, flavor: 'wecom', url: rx.url('x') })).status).toBe(403);
    expect((await handler.get('/api/v1/webhooks')).status).toBe(403);

    const chair = await t.user([{ role: 'unionChair', org: mine }]);
    const bad = await chair.post('/api/v1/webhooks', { orgId: mine.id, flavor: 'wecom', url: 'file:///etc/passwd' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([{ field: 'body.url', message: '请输入以 http:// 或 https:// 开头的完整网址' }]);
    expect((await chair.post('/api/v1/webhooks', { orgId: mine.id, flavor: 'feishu', url: rx.url('x') })).status).toBe(400);
  });
});

describe('webhook delivery job', () => {
  // Every test has its own robot (key); assertions look at that robot and its outbox rows
  // only, since one delivery run also sends whatever earlier tests left due.

  it('sends a WeCom markdown message for a notice in the subtree, exactly once, through the scheduled job', async () => {
    const { dept, hook, key, got } = await setup('wecom');
    await tell(dept.path);
    const now = new Date();
    expect(await t.app.deps.scheduler.runOnce('webhooks.deliver', now)).toBe(true);

    expect(got()).toHaveLength(1);
    expect(got()[0].path).toBe(`/cgi-bin/webhook/send?key=${key}`);
    expect(got()[0].contentType).toContain('application/json');
    // No PUBLIC_URL in tests: an in-app path is no use in a chat, so it is left out.
    expect(got()[0].body).toEqual({ msgtype: 'markdown', markdown: { content: '**诉求已交办**\n\n张三的工资诉求已交办生产部，请在 5 个工作日内答复。' } });
    const [row] = await outboxOf(hook.id);
    expect(row.sent_at).not.toBeNull();
    expect(row.attempts).toBe(1);

    // Later ticks of the job find nothing more to send to this robot.
    expect(await t.app.deps.scheduler.runOnce('webhooks.deliver', at(now, 15_000))).toBe(true);
    expect(await t.app.deps.scheduler.runOnce('webhooks.deliver', at(now, 3_600_000))).toBe(true);
    expect(got()).toHaveLength(1);
  });

  it('sends the DingTalk shape with title and text, and a clickable link when the public address is known', async () => {
    const { mine, hook, got } = await setup('dingtalk');
    await tell(mine.path, '职代会提案已立案', '您的提案《井下班中餐改善》已立案。');
    await deliver(t.db, new Date(Date.now() + 1000), { baseUrl: 'https://xq.example.cn/' });
    expect(got().map((g) => g.body)).toEqual([
      {
        msgtype: 'markdown',
        markdown: {
          title: '职代会提案已立案',
          text: '#### 职代会提案已立案\n\n您的提案《井下班中餐改善》已立案。\n\n[查看详情](https://xq.example.cn/appeals/0190)',
        },
      },
    ]);
    expect((await outboxOf(hook.id))[0].sent_at).not.toBeNull();
  });

  it('retries after an HTTP 500 with backoff, records the error, and never resends a delivered message', async () => {
    const { mine, chair, hook, key, got } = await setup('wecom');
    await tell(mine.path);
    rx.answer(key, { status: 500, body: { message: 'upstream down' } });
    const t0 = new Date(Date.now() + 1000);

    await deliver(t.db, t0);
    let [row] = await outboxOf(hook.id);
    expect(row).toMatchObject({ attempts: 1, sent_at: null });
    expect(row.last_error).toContain('HTTP 500');
    expect(row.next_attempt_at).toBe(at(t0, 30_000).toISOString());
    const shown = (await chair.get(`/api/v1/webhooks/${hook.id}`)).body;
    expect(shown).toMatchObject({ pending: 1, failed: 0 });
    expect(shown.lastError).toContain('HTTP 500');

    // Not yet due: nothing is sent.
    await deliver(t.db, at(t0, 10_000));
    expect(got()).toHaveLength(1);

    await deliver(t.db, at(t0, 31_000));
    [row] = await outboxOf(hook.id);
    expect(row.attempts).toBe(2);
    expect(row.sent_at).toBe(at(t0, 31_000).toISOString());
    expect(got()).toHaveLength(2);
    expect(got()[1].body).toEqual(got()[0].body);

    // The job running again, much later, leaves the delivered row alone.
    for (const ms of [60_000, 600_000, 86_400_000]) await deliver(t.db, at(t0, ms));
    expect(got()).toHaveLength(2);
    expect((await chair.get(`/api/v1/webhooks/${hook.id}`)).body).toMatchObject({ pending: 0, failed: 0, lastError: null });
  });

  it('treats HTTP 200 with a non-zero errcode as a failure', async () => {
    const { mine, hook, key, got } = await setup('dingtalk');
    await tell(mine.path);
    rx.answer(key, { status: 200, body: { errcode: 310000, errmsg: 'keywords not in content' } });
    await deliver(t.db, new Date(Date.now() + 1000));
    expect(got()).toHaveLength(1);
    const [row] = await outboxOf(hook.id);
    expect(row.sent_at).toBeNull();
    expect(row.last_error).toBe('errcode 310000');
  });

  it('gives up after eight attempts and reports the message as failed', async () => {
    const { mine, chair, hook, key, got } = await setup('wecom');
    await tell(mine.path);
    rx.answer(key, ...Array.from({ length: 10 }, () => ({ status: 502 })));
    let now = new Date(Date.now() + 1000);
    for (let i = 0; i < 10; i++) {
      await deliver(t.db, now);
      now = at(now, 2 * 3_600_000);
    }
    expect(got()).toHaveLength(8);
    const [row] = await outboxOf(hook.id);
    expect(row).toMatchObject({ attempts: 8, sent_at: null });
    expect((await chair.get(`/api/v1/webhooks/${hook.id}`)).body).toMatchObject({ pending: 0, failed: 1 });
  });

  it('times out on a robot that does not answer and tries again later', async () => {
    const { mine, hook, key, got } = await setup('wecom');
    await tell(mine.path);
    rx.answer(key, { hang: true });
    const t0 = new Date(Date.now() + 1000);
    const started = Date.now();
    await deliver(t.db, t0, { timeoutMs: 300 });
    expect(Date.now() - started).toBeLessThan(5000);
    let [row] = await outboxOf(hook.id);
    expect(row.last_error).toBe('timeout after 300 ms');
    expect(row.sent_at).toBeNull();
    await deliver(t.db, at(t0, 31_000));
    [row] = await outboxOf(hook.id);
    expect(row.sent_at).not.toBeNull();
    expect(got()).toHaveLength(2);
  });

  it('sends each message once even when two instances deliver at the same moment', async () => {
    const { mine, hook, key, got } = await setup('wecom');
    for (let i = 0; i < 3; i++) await tell(mine.path, `通知${i}`);
    // Slow answers keep both runs busy at the same time.
    rx.answer(key, { delayMs: 80 }, { delayMs: 80 }, { delayMs: 80 });
    const other: Database = await openDatabase({ url: (t.app.deps.database as unknown as { url: string }).url, poolSize: 3 });
    try {
      const now = new Date(Date.now() + 1000);
      await Promise.all([deliver(t.db, now), deliver(other.db, now)]);
    } finally {
      await other.close();
    }
    const titles = got().map((g) => g.body.markdown.content.split('\n')[0]);
    expect(titles.sort()).toEqual(['**通知0**', '**通知1**', '**通知2**']);
    expect((await outboxOf(hook.id)).every((r) => r.sent_at !== null && r.attempts === 1)).toBe(true);
  });

  it('holds messages of a disabled robot and queues none for it', async () => {
    const { mine, chair, hook, got } = await setup('wecom');
    await tell(mine.path, '停用前');
    await chair.patch(`/api/v1/webhooks/${hook.id}`, { enabled: false });
    await tell(mine.path, '停用后');
    await deliver(t.db, new Date(Date.now() + 1000));
    expect(got()).toHaveLength(0);
    expect(await outboxOf(hook.id)).toHaveLength(1);
    await chair.patch(`/api/v1/webhooks/${hook.id}`, { enabled: true });
    await deliver(t.db, new Date(Date.now() + 1000));
    expect(got().map((g) => g.body.markdown.content.split('\n')[0])).toEqual(['**停用前**']);
  });
});

describe('webhook test message', () => {
  it('sends a test message at once and reports the robot’s verdict', async () => {
    const { chair, hook, key, got } = await setup('dingtalk');
    const ok = await chair.post(`/api/v1/webhooks/${hook.id}/test`);
    expect(ok.status).toBe(200);
    expect(ok.body).toEqual({ ok: true, error: null });
    expect(got().map((g) => g.body)).toEqual([
      { msgtype: 'markdown', markdown: { title: '心桥测试消息', text: '#### 心桥测试消息\n\n这是一条来自心桥的测试消息。收到它，说明群机器人已配置正确。' } },
    ]);
    rx.answer(key, { status: 200, body: { errcode: 300001, errmsg: 'token is not exist' } });
    const bad = await chair.post(`/api/v1/webhooks/${hook.id}/test`);
    expect(bad.body).toEqual({ ok: false, error: 'errcode 300001' });
    // A test is not a notice: nothing waits in the outbox afterwards.
    expect(await outboxOf(hook.id)).toHaveLength(0);
  });

  it('an allowed intranet robot: reports only the status or error code, never the body, and follows no redirect', async () => {
    const { chair, hook, key, got } = await setup('wecom');
    rx.answer(key, { status: 500, body: { leaked: 'db-password=hunter2' } });
    const failed = await chair.post(`/api/v1/webhooks/${hook.id}/test`);
    expect(failed.body).toEqual({ ok: false, error: 'HTTP 500' });
    rx.answer(key, { status: 200, body: { errcode: 93000, errmsg: 'db-password=hunter2' } });
    expect((await chair.post(`/api/v1/webhooks/${hook.id}/test`)).body).toEqual({ ok: false, error: 'errcode 93000' });
    rx.answer(key, { status: 200, body: ['not', 'a', 'robot', 'db-password=hunter2'] });
    expect((await chair.post(`/api/v1/webhooks/${hook.id}/test`)).body).toEqual({ ok: false, error: 'robot error: not a robot answer' });
    rx.answer(key, { status: 302, body: {} });
    expect((await chair.post(`/api/v1/webhooks/${hook.id}/test`)).body).toEqual({ ok: false, error: 'HTTP 302' });
    expect(got()).toHaveLength(4);
  });
});

describe('robots as their operators configure them', () => {
  it('signs every DingTalk message (加签) with a secret that is stored sealed and never shown', async () => {
    const { mine, chair, hook, key, got } = await setup('dingtalk');
    const secret = 'SECd1f0c5f2a9e84b7a1e2f3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2d3e4f';
    const saved = await chair.patch(`/api/v1/webhooks/${hook.id}`, { secret });
    expect(saved.status).toBe(200);
    expect(saved.body.hasSecret).toBe(true);
    expect(JSON.stringify(saved.body)).not.toContain(secret.slice(3, 20));
    const raw = await t.db.selectFrom('webhooks').select('secret_sealed').where('id', '=', hook.id).executeTakeFirstOrThrow();
    expect(raw.secret_sealed).not.toContain(secret.slice(3, 20));
    const audit = await t.db.selectFrom('audit_events').select('changes').where('entity_id', '=', hook.id).execute();
    expect(audit.some((a) => a.changes?.includes(secret.slice(3, 20)))).toBe(false);

    await tell(mine.path);
    const now = new Date(Date.now() + 1000);
    await deliver(t.db, now);
    const test = await chair.post(`/api/v1/webhooks/${hook.id}/test`);
    expect(test.body).toEqual({ ok: true, error: null });
    expect(got()).toHaveLength(2);
    for (const g of got()) {
      // What a DingTalk robot checks: the timestamp is fresh and the sign is HmacSHA256(secret, timestamp + "\n" + secret).
      const q = new URL(g.path, 'http://x').searchParams;
      const ts = Number(q.get('timestamp'));
      expect(Math.abs(ts - Date.now())).toBeLessThan(3_600_000);
      expect(q.get('sign')).toBe(createHmac('sha256', secret).update(`${ts}\n${secret}`).digest('base64'));
    }

    // Removing the secret sends plain URLs again.
    expect((await chair.patch(`/api/v1/webhooks/${hook.id}`, { secret: null })).body.hasSecret).toBe(false);
    await tell(mine.path);
    await deliver(t.db, new Date(Date.now() + 2000));
    expect(new URL(got()[2].path, 'http://x').searchParams.has('sign')).toBe(false);
    expect(got()[2].path).toContain(`key=${key}`);
  });

  it('puts the DingTalk keyword (关键词) into real messages and the test message alike', async () => {
    const { mine, chair, hook, got } = await setup('dingtalk');
    expect((await chair.patch(`/api/v1/webhooks/${hook.id}`, { keyword: '工会' })).body.keyword).toBe('工会');
    await tell(mine.path, '诉求已交办', '生产部请答复。');
    await deliver(t.db, new Date(Date.now() + 1000));
    await chair.post(`/api/v1/webhooks/${hook.id}/test`);
    expect(got().map((g) => g.body.markdown.title)).toEqual(['【工会】诉求已交办', '【工会】心桥测试消息']);
    expect(got().every((g) => g.body.markdown.text.includes('工会'))).toBe(true);
  });

  it('sends a notice once to a robot set on a unit and on its parent, and only the kinds each robot takes', async () => {
    const { group, mine, chair, hook, key, got } = await setup('wecom');
    const admin = await t.user([{ role: 'sysAdmin', org: null }]);
    // The same robot again, on the parent, taking every appeal event: still one message per notice.
    const twin = await admin.post('/api/v1/webhooks', { orgId: group.id, flavor: 'wecom', url: rx.url(key), events: ['appeal.assigned', 'appeal.overdue'] });
    expect(twin.status).toBe(201);
    await tell(mine.path);
    await t.db
      .transaction()
      .execute((tx) => notify(tx, { accountIds: [], kind: 'appeal.overdue', title: '诉求已超期', body: '请督办', link: null, orgPath: mine.path }));
    await t.db
      .transaction()
      .execute((tx) => notify(tx, { accountIds: [], kind: 'appeal.groupAlert', title: '群体诉求预警', body: '5 名职工', link: null, orgPath: mine.path }));
    await deliver(t.db, new Date(Date.now() + 1000));
    expect(
      got()
        .map((g) => g.body.markdown.content.split('\n')[0])
        .sort(),
    ).toEqual(['**诉求已交办**', '**诉求已超期**']);
    expect((await chair.get(`/api/v1/webhooks/${hook.id}`)).body.events).toEqual(['appeal.assigned']);
    const bad = await chair.patch(`/api/v1/webhooks/${hook.id}`, { events: ['overdue'] });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0]).toEqual({ field: 'body.events.0', message: '事件名须形如 appeal.overdue（模块.事件）' });
  });

  it('keeps the 20-a-minute limit per robot URL over a sliding minute, across webhooks sharing the robot', async () => {
    const { group, mine, key, got } = await setup('wecom');
    const admin = await t.user([{ role: 'sysAdmin', org: null }]);
    const other = await t.org('三号矿', 'mine', group);
    await admin.post('/api/v1/webhooks', { orgId: other.id, flavor: 'wecom', url: rx.url(key), events: ['appeal.assigned'] });
    for (let i = 0; i < 15; i++) await tell(mine.path, `一号矿 ${i}`);
    for (let i = 0; i < 10; i++) await tell(other.path, `三号矿 ${i}`);
    const start = new Date(Date.now() + 1000);
    await deliver(t.db, start);
    expect(got()).toHaveLength(20);
    await deliver(t.db, at(start, 30_000));
    expect(got()).toHaveLength(20);
    await deliver(t.db, at(start, 61_000));
    expect(got()).toHaveLength(25);
  });

  it('says what to do when a signing secret cannot be read with this server’s key', async () => {
    const { mine, hook } = await setup('dingtalk');
    await t.db
      .updateTable('webhooks')
      .set({ secret_sealed: 'v1:' + Buffer.alloc(40, 7).toString('base64') })
      .where('id', '=', hook.id)
      .execute();
    await tell(mine.path);
    await deliver(t.db, new Date(Date.now() + 1000));
    const [row] = await outboxOf(hook.id);
    expect(row.sent_at).toBeNull();
    expect(row.last_error).toContain('加签密钥无法解密');
  });
});
