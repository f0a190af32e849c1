import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app.js';
import { newId, nowIso } from '../ids.js';
import { notify } from './notify.js';
import { deliverDue } from './delivery.js';

// No allow-list: the deployment as shipped. A robot that answers on loopback stands in for an intranet service.
const t = useTestApp();

let hits = 0;
let port = 0;
const server = http.createServer((req, res) => {
  hits++;
  req.resume();
  req.on('end', () => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ errcode: 0, secret: 'internal-admin-panel' }));
  });
});
beforeAll(async () => {
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

async function chairOfMine() {
  const mine = await t.org('二号矿', 'mine');
  const chair = await t.user([{ role: 'unionChair', org: mine }]);
  return { mine, chair };
}

describe('a robot URL cannot point the server at itself or the intranet (SSRF)', () => {
  it('refuses loopback and private targets in any spelling when saved, naming the field', async () => {
    const { mine, chair } = await chairOfMine();
    const hosts = [
      '127.0.0.1',
      '2130706433',
      '0x7f.1',
      '0177.0.0.1',
      '[::ffff:127.0.0.1]',
      '[::1]',
      'localhost.',
      'LOCALHOST',
      '10.1.2.3',
      '192.168.0.10',
      '169.254.169.254',
      '100.64.1.1',
      '[fd00::1]',
      '0.0.0.0',
    ];
    for (const h of hosts) {
      const res = await chair.post('/api/v1/webhooks', { orgId: mine.id, flavor: 'wecom', url: `http://${h}:${port}/cgi-bin/webhook/send?key=k` });
      expect(res.status, h).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.body.errors[0].field).toBe('body.url');
      expect(res.body.errors[0].message).toMatch(/不允许本机、内网/);
    }
    const ok = await chair.post('/api/v1/webhooks', { orgId: mine.id, flavor: 'wecom', url: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k' });
    expect(ok.status).toBe(201);
    const moved = await chair.patch(`/api/v1/webhooks/${ok.body.id}`, { url: `http://[::ffff:7f00:1]:${port}/` });
    expect(moved.status).toBe(400);
    expect(moved.body.errors[0].field).toBe('body.url');
    expect(hits).toBe(0);
  });

  it('refuses to call a loopback robot saved before the rule, says only “refused”, and never echoes what it would answer', async () => {
    const { mine, chair } = await chairOfMine();
    const id = newId();
    // A row written straight to the database stands for a URL saved earlier, or a name whose DNS answer has since changed.
    await t.db
      .insertInto('webhooks')
      .values({ id, org_id: mine.id, flavor: 'wecom', url: `http://localhost:${port}/x?key=k`, enabled: 1, created_at: nowIso() })
      .execute();
    const res = await chair.post(`/api/v1/webhooks/${id}/test`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ ok: false, error: 'refused: address not allowed' });
    expect(res.text).not.toContain('internal-admin-panel');

    await t.db
      .transaction()
      .execute((tx) => notify(tx, { accountIds: [], kind: 'appeal.overdue', title: '诉求', body: '内容', link: null, orgPath: mine.path }));
    await deliverDue(t.db, new Date(Date.now() + 1000));
    const row = await t.db.selectFrom('webhook_outbox').select(['sent_at', 'last_error']).where('webhook_id', '=', id).executeTakeFirstOrThrow();
    expect(row).toEqual({ sent_at: null, last_error: 'refused: address not allowed' });
    expect(hits).toBe(0);
  });

  it('an open port and a closed port look the same: both refused before any connection', async () => {
    const { mine, chair } = await chairOfMine();
    const answers = [];
    for (const p of [port, 1]) {
      const id = newId();
      await t.db
        .insertInto('webhooks')
        .values({ id, org_id: mine.id, flavor: 'wecom', url: `http://127.0.0.1:${p}/`, enabled: 1, created_at: nowIso() })
        .execute();
      answers.push((await chair.post(`/api/v1/webhooks/${id}/test`)).body);
    }
    expect(answers[0]).toEqual(answers[1]);
    expect(hits).toBe(0);
  });
});
