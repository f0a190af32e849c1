/**
 * The side channels an outside review used to name the author of an anonymous appeal
 * without a reveal (issue #11), one test each: filters and cuts, the group alert's worker
 * count, the audit log, and who may reveal. Each failed on the code before the anonymity rule.
 * The same rule for an anonymous objection to a hardship public notice (公示异议).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { useTestApp } from '../../../test/app.js';
import { useAppealsWorld, wageAppeal } from './appeals.testkit.js';
import { householdBody, ruleBody } from '../hardship/hardship.testkit.js';

const t = useTestApp();
const w = useAppealsWorld(t, beforeAll);

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(40, 7)]);

function multipart(filename: string, content: Buffer) {
  const boundary = '----xqchan' + Math.random().toString(16).slice(2);
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: image/png\r\n\r\n`);
  return {
    body: Buffer.concat([head, content, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

async function exportCodes(client: { get(url: string): Promise<{ status: number; body: any }> } & { cookie: string }, query: string) {
  const res = await t.app.inject({ method: 'GET', url: `/api/v1/appeals/export.xlsx?${query}`, headers: { cookie: client.cookie } });
  expect(res.statusCode).toBe(200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as any);
  const cells: string[] = [];
  wb.worksheets[0].eachRow((row) => row.eachCell((c) => cells.push(String(c.value))));
  return cells.join('\n');
}

describe('anonymous appeals and their side channels', () => {
  it('a team or employment-category filter never narrows anonymous appeals below their unit — list, count, search, export, dashboard', async () => {
    // A team of two, one of them the only dispatched worker: "team × category × anonymous" would be one person.
    const team = await w.team();
    const author = await w.worker({ employment_category: 'dispatched' }, team);
    await w.worker({ employment_category: 'contract' }, team);
    const id = (await author.post('/api/v1/appeals', wageAppeal({ anonymous: true, title: '派遣工加班费没发' }))).body.id as string;
    const code = (await w.staff.get(`/api/v1/appeals/${id}`)).body.code as string;
    await w.staff.post(`/api/v1/appeals/${id}/accept`, {});
    await w.staff.post(`/api/v1/appeals/${id}/assign`, { departmentId: w.prod1.id });

    for (const viewer of [w.chair, w.staff, w.handler]) {
      for (const cut of [`orgId=${team.id}`, 'employmentCategory=dispatched', `orgId=${team.id}&employmentCategory=dispatched`]) {
        const list = await viewer.get(`/api/v1/appeals?${cut}&anonymous=1&pageSize=200`);
        expect(list.status).toBe(200);
        expect(
          list.body.items.map((a: any) => a.id),
          cut,
        ).not.toContain(id);
        expect((await viewer.get(`/api/v1/appeals?${cut}&q=${encodeURIComponent('派遣工')}`)).body.total, `search ${cut}`).toBe(0);
        expect((await viewer.get(`/api/v1/appeals/dashboard?${cut}&anonymous=1`)).body.total.numerator, `dashboard ${cut}`).toBe(0);
        expect(await exportCodes(viewer, `${cut}&anonymous=1`), `export ${cut}`).not.toContain(code);
      }
      // At its unit it is there, as the unit's.
      const atUnit = await viewer.get(`/api/v1/appeals?orgId=${w.mine1.id}&anonymous=1&pageSize=200`);
      expect(atUnit.body.items.find((a: any) => a.id === id)).toMatchObject({ org: { id: w.mine1.id }, author: null });
    }
    // The author still finds it among their own.
    expect((await author.get('/api/v1/appeals?mine=1')).body.items.map((a: any) => a.id)).toContain(id);
  });

  it('a group alert counts each anonymous member as a worker of its own: a named appeal of the same person moves the count like anyone else’s', async () => {
    const team = await w.team();
    const texts = [
      ['三个月没发加班费', '我们队从七月份起加班费就没发过。'],
      ['加班工资拖欠了好几个月', '加班工资拖欠了好几个月了，问了也没人答复。'],
      ['加班费什么时候发', '下半年的加班费一直没有到账，家里急用钱。'],
      ['请求补发加班报酬', '节假日加班的报酬至今没有发放，请督促补发。'],
      ['加班的钱一直没给', '连续加班两个月，加班的钱到现在都没给。'],
    ];
    for (const [title, description] of texts.slice(0, 4)) {
      const p = await t.person(team, {});
      expect(
        (await w.staff.post('/api/v1/appeals', { category: 'benefits', title, description, onBehalfOf: { personId: p.id, channel: 'visit' } })).status,
      ).toBe(201);
    }
    const x = await w.worker({}, team);
    const anon = (await x.post('/api/v1/appeals', { category: 'benefits', title: texts[4][0], description: texts[4][1], anonymous: true })).body.id;
    const alertId = (await w.staff.get(`/api/v1/appeals/${anon}`)).body.groupAlertId as string;
    expect(alertId).toBeTruthy();
    const before = (await w.chair.get(`/api/v1/appeals/group-alerts/${alertId}`)).body;
    expect(before).toMatchObject({ workerCount: 5, appealCount: 5 });

    // The same worker now writes under their name: one more appeal, one more worker, as for a newcomer.
    const named = (await x.post('/api/v1/appeals', { category: 'benefits', title: texts[0][0], description: texts[0][1] })).body.id;
    expect((await w.staff.get(`/api/v1/appeals/${named}`)).body.groupAlertId).toBe(alertId);
    const after = (await w.chair.get(`/api/v1/appeals/group-alerts/${alertId}`)).body;
    expect(after).toMatchObject({ workerCount: before.workerCount + 1, appealCount: before.appealCount + 1 });
    const listed = (await w.chair.get(`/api/v1/appeals/group-alerts?unitId=${w.mine1.id}&pageSize=50`)).body.items.find((a: any) => a.id === alertId);
    expect(listed.workerCount).toBe(after.workerCount);

    // Merging the named and the anonymous appeal: the master shows two workers, not one.
    await w.staff.post(`/api/v1/appeals/${named}/merge`, { duplicateIds: [anon] });
    expect((await w.staff.get(`/api/v1/appeals/${named}`)).body.affectedWorkers).toBe(2);
  });

  it('the audit log names nobody behind an anonymous appeal: no uploader of its attachment, no address on its author’s acts', async () => {
    const admin = await t.user([{ role: 'sysAdmin', org: null }]);
    const x = await w.worker({ name: '审计隐名人' });
    x.remoteAddress = '10.9.8.7';
    const file = multipart('工资条.png', PNG);
    const upload = await x.post('/api/v1/appeals/attachments', file.body, file.headers);
    expect(upload.status).toBe(201);
    const id = (await x.post('/api/v1/appeals', wageAppeal({ anonymous: true, attachmentIds: [upload.body.id] }))).body.id;
    await w.staff.post(`/api/v1/appeals/${id}/accept`, {});
    await w.staff.post(`/api/v1/appeals/${id}/answer`, { answer: '已补发' });
    expect((await x.post(`/api/v1/appeals/${id}/rate`, { rating: 'unsatisfied', reopen: true })).status).toBe(200);
    // The same person's named act, from the same address, for contrast.
    const named = (await x.post('/api/v1/appeals', wageAppeal())).body.id;

    const ofAttachment = (await admin.get(`/api/v1/audit?entityId=${upload.body.id}`)).body.items;
    expect(ofAttachment.length).toBeGreaterThan(0);
    const ofAppeal = (await admin.get(`/api/v1/audit?entityId=${id}&pageSize=100`)).body.items;
    const authorActs = [...ofAttachment, ...ofAppeal.filter((e: any) => ['appeal.submit', 'appeal.reopen', 'appeal.rate'].includes(e.action))];
    expect(authorActs.length).toBeGreaterThanOrEqual(3);
    for (const e of authorActs) expect(e, e.action).toMatchObject({ actorId: null, actorName: null, ip: null });
    expect(JSON.stringify([ofAttachment, ofAppeal])).not.toContain(x.accountId);
    expect(JSON.stringify([ofAttachment, ofAppeal])).not.toContain('10.9.8.7');
    const namedSubmit = (await admin.get(`/api/v1/audit?entityId=${named}`)).body.items.find((e: any) => e.action === 'appeal.submit');
    expect(namedSubmit).toMatchObject({ actorId: x.accountId, ip: '10.9.8.7' });
  });

  it('only union staff may reveal — not the system admin, the chair only where the org allows it — and the author is told why', async () => {
    const admin = await t.user([{ role: 'sysAdmin', org: null }]);
    const x = await w.worker({ name: '被查看的职工' });
    const id = (await x.post('/api/v1/appeals', wageAppeal({ anonymous: true }))).body.id;
    const reason = { reason: '反映人身安全受威胁，需联系本人' };

    expect((await admin.post(`/api/v1/appeals/${id}/reveal`, reason)).status).toBe(403);
    expect((await admin.get(`/api/v1/appeals/${id}`)).body.abilities).not.toContain('reveal');
    expect((await w.chair.post(`/api/v1/appeals/${id}/reveal`, reason)).status).toBe(403);
    expect((await w.chair.get(`/api/v1/appeals/${id}`)).body.abilities).not.toContain('reveal');
    expect((await x.get('/api/v1/notifications?pageSize=100')).body.items.some((n: any) => n.kind === 'appeal.revealed')).toBe(false);

    const revealed = await w.staff.post(`/api/v1/appeals/${id}/reveal`, reason);
    expect(revealed.status).toBe(200);
    expect(revealed.body.name).toBe('被查看的职工');
    const notices = (await x.get('/api/v1/notifications?pageSize=100')).body.items.filter((n: any) => n.kind === 'appeal.revealed');
    expect(notices).toHaveLength(1);
    expect(notices[0].body).toContain(reason.reason);
    expect(notices[0].link).toBe(`/appeals/${id}`);

    // An org may let its chair reveal too; each reveal is audited with its reason.
    const put = await w.chair.request('PUT', '/api/v1/appeals/settings', { orgId: w.group.id, chairMayReveal: true });
    expect(put.status).toBe(200);
    expect(put.body.chairMayReveal).toBe(true);
    expect((await w.chair.get(`/api/v1/appeals/${id}`)).body.abilities).toContain('reveal');
    expect((await w.chair.post(`/api/v1/appeals/${id}/reveal`, { reason: '主席复核' })).status).toBe(200);
    expect((await admin.post(`/api/v1/appeals/${id}/reveal`, reason)).status).toBe(403);
    const audit = await t.db
      .selectFrom('audit_events')
      .select(['actor_id', 'changes'])
      .where('entity_id', '=', id)
      .where('action', '=', 'appeal.reveal')
      .execute();
    expect(audit.map((a) => [a.actor_id, JSON.parse(a.changes!).reason]).sort()).toEqual(
      [
        [w.staff.accountId, reason.reason],
        [w.chair.accountId, '主席复核'],
      ].sort(),
    );
    await w.chair.request('PUT', '/api/v1/appeals/settings', { orgId: w.group.id, chairMayReveal: false });
  });
});

describe('an anonymous objection to a hardship public notice', () => {
  it('names nobody — not the file’s objections, its timeline, the audit log nor the stored row — and the officers still decide it', async () => {
    const H = '/api/v1/hardship/households';
    const year = Number(new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 4));
    expect((await w.chair.post('/api/v1/hardship/rules', ruleBody(w.group.id, year))).status).toBe(201);
    const household = await w.worker();
    const id = (await household.post(H, householdBody(70_000))).body.id;
    const day = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    for (const officer of [w.staff, w.chair]) await officer.post(`${H}/${id}/visits`, { visitedOn: day, notes: '入户核实' });
    expect((await w.chair.post(`${H}/${id}/approve`, {})).body.status).toBe('notice');

    const hidden = await w.worker({ name: '匿名异议人' });
    hidden.remoteAddress = '10.7.7.7';
    const named = await w.worker({ name: '实名异议人' });
    const anon = await hidden.post(`/api/v1/hardship/publicity/${id}/objections`, { content: '其家属另有经营收入', anonymous: true });
    expect(anon.status, JSON.stringify(anon.body)).toBe(201);
    expect((await named.post(`/api/v1/hardship/publicity/${id}/objections`, { content: '请再核实收入' })).status).toBe(201);

    const file = await w.staff.get(`${H}/${id}`);
    expect(file.body.objections).toMatchObject([
      { content: '其家属另有经营收入', anonymous: true, objectorName: null },
      { content: '请再核实收入', anonymous: false, objectorName: named.username },
    ]);
    const steps = file.body.events.filter((e: any) => e.event === 'objection').map((e: any) => e.actorName);
    expect(steps).toEqual([null, named.username]);
    expect(file.text).not.toContain('匿名异议人');
    expect(file.text).not.toContain(hidden.username);

    const admin = await t.user([{ role: 'sysAdmin', org: null }]);
    const audit = (await admin.get(`/api/v1/audit?entityId=${id}&pageSize=100`)).body.items.filter((e: any) => e.action === 'hardship.object');
    expect(audit.map((e: any) => e.actorId)).toEqual(expect.arrayContaining([null, named.accountId]));
    expect(JSON.stringify(audit)).not.toContain(hidden.accountId);
    expect(JSON.stringify(audit)).not.toContain('10.7.7.7');
    const stored = await t.db
      .selectFrom('hardship_objections' as any)
      .select(['account_id', 'anonymous'])
      .where('id', '=', anon.body.id)
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({ account_id: null, anonymous: 1 });
    // The officers' notice of it carries what was said, not who said it.
    const told = await t.db.selectFrom('notifications').select(['title', 'body']).where('kind', '=', 'hardship.objection').execute();
    expect(JSON.stringify(told)).not.toContain(hidden.username);

    const decided = await w.chair.post(`${H}/${id}/objections/${anon.body.id}/decide`, { decision: 'dismissed', note: '核实无经营收入' });
    expect(decided.status, decided.text).toBe(200);
    expect(decided.body.objections[0]).toMatchObject({ decision: 'dismissed', objectorName: null });
  });
});
