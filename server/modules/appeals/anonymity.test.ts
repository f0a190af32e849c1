import { beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { useTestApp } from '../../../test/app.js';
import { useAppealsWorld, wageAppeal } from './appeals.testkit.js';

const t = useTestApp();
const w = useAppealsWorld(t, beforeAll);

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(32, 1)]);

function multipart(filename: string, content: Buffer) {
  const boundary = '----xqanon' + Math.random().toString(16).slice(2);
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: image/png\r\n\r\n`);
  return {
    body: Buffer.concat([head, content, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

/** Every cell of the first sheet, as one text. */
async function xlsxText(cookie: string, query = '') {
  const res = await t.app.inject({ method: 'GET', url: `/api/v1/appeals/export.xlsx${query}`, headers: { cookie } });
  expect(res.statusCode).toBe(200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as any);
  const cells: string[] = [];
  wb.worksheets[0].eachRow((row) => row.eachCell((c) => cells.push(String(c.value))));
  return cells.join('\n');
}

describe('anonymous appeals', () => {
  it('never show the author to a handler — on any route the handler can call', async () => {
    const team = await w.team();
    const worker = await w.worker({ name: '隐名职工甲', phone: '13700001111', employment_category: 'migrant' }, team);
    const secrets = [worker.person.name, worker.person.id, worker.accountId, '13700001111', worker.username, team.name, team.id];

    const file = multipart(`${worker.person.name}的工资条.png`, PNG);
    const upload = await worker.post('/api/v1/appeals/attachments', file.body, file.headers);
    const submitted = await worker.post('/api/v1/appeals', wageAppeal({ anonymous: true, attachmentIds: [upload.body.id] }));
    expect(submitted.status).toBe(201);
    // The receipt names nobody, not even to the author.
    for (const secret of secrets) expect(submitted.text).not.toContain(secret);
    // The author still sees their own appeal as theirs.
    const created = await worker.get(submitted.headers.location);
    expect(created.body).toMatchObject({ anonymous: true, mine: true, author: null });
    expect(created.body.attachments[0].fileName).toBe(`${worker.person.name}的工资条.png`);
    const id = created.body.id;
    await w.staff.post(`/api/v1/appeals/${id}/accept`, {});
    await w.staff.post(`/api/v1/appeals/${id}/assign`, { departmentId: w.prod1.id });

    const h = w.handler;
    const seen: [string, string][] = [];
    const look = async (label: string, res: { status: number; text: string; headers: Record<string, any> }, status = 200) => {
      expect(res.status, label).toBe(status);
      seen.push([label, res.text + JSON.stringify(res.headers)]);
    };
    await look('list', await h.get('/api/v1/appeals'));
    await look('list filtered', await h.get(`/api/v1/appeals?anonymous=1&category=wages&sort=dueDate`));
    await look('search', await h.get('/api/v1/appeals?q=加班费'));
    await look('mine', await h.get('/api/v1/appeals/mine'));
    await look('detail', await h.get(`/api/v1/appeals/${id}`));
    const detail = await h.get(`/api/v1/appeals/${id}`);
    expect(detail.body).toMatchObject({ author: null, anonymous: true, mine: false, org: { name: '一号矿' } });
    expect(detail.body.timeline[0]).toMatchObject({ kind: 'submitted', actor: '职工' });
    await look('attachment', await h.get(detail.body.attachments[0].url));
    expect(detail.body.attachments[0].fileName).toBe('附件1.png');
    await look('dashboard', await h.get('/api/v1/appeals/dashboard'));
    await look('notes', await h.post(`/api/v1/appeals/${id}/notes`, { note: '正在核实' }));
    await look('extension', await h.post(`/api/v1/appeals/${id}/extensions`, { days: 1, reason: '核实考勤' }));
    await look('answer', await h.post(`/api/v1/appeals/${id}/answer`, { answer: '已补发' }));
    await look('group alerts', await h.get('/api/v1/appeals/group-alerts'), 403);
    await look('reveal', await h.post(`/api/v1/appeals/${id}/reveal`, { reason: '想知道' }), 403);
    await look('notifications', await h.get('/api/v1/notifications?pageSize=100'));
    seen.push(['export', await xlsxText(h.cookie)]);
    // The worker rates anonymously; the handler's view stays clean afterwards too.
    expect((await worker.post(`/api/v1/appeals/${id}/rate`, { rating: 'basicallySatisfied' })).status).toBe(200);
    await look('detail after rating', await h.get(`/api/v1/appeals/${id}`));

    for (const [label, text] of seen) for (const s of secrets) expect(text.includes(s), `${label} contains ${s}`).toBe(false);
    expect(JSON.stringify(seen)).toContain(id);
  });

  it('stay anonymous to union staff too, until one of them reveals the author with a reason, which is audited', async () => {
    const team = await w.team();
    const worker = await w.worker({ name: '隐名职工乙', phone: '13700002222' }, team);
    const secrets = [worker.person.name, worker.person.id, worker.accountId, '13700002222', worker.username];
    const id = (await worker.post('/api/v1/appeals', wageAppeal({ anonymous: true }))).body.id;

    const texts = [
      (await w.staff.get('/api/v1/appeals')).text,
      (await w.staff.get(`/api/v1/appeals/${id}`)).text,
      (await w.staff.get('/api/v1/appeals?q=加班费')).text,
      await xlsxText(w.staff.cookie),
    ];
    for (const text of texts) for (const s of secrets) expect(text.includes(s)).toBe(false);
    expect(await xlsxText(w.staff.cookie, `?orgId=${w.mine1.id}&anonymous=1`)).toContain('匿名');

    expect((await w.staff.post(`/api/v1/appeals/${id}/reveal`, {})).status).toBe(400);
    const revealed = await w.staff.post(`/api/v1/appeals/${id}/reveal`, { reason: '职工反映人身安全受威胁，需联系本人' });
    expect(revealed.status).toBe(200);
    expect(revealed.body).toMatchObject({ name: '隐名职工乙', personId: worker.person.id, accountId: worker.accountId, phone: '13700002222' });
    const audit = await t.db.selectFrom('audit_events').select(['action', 'actor_id', 'changes']).where('entity_id', '=', id).execute();
    const reveal = audit.filter((a) => a.action === 'appeal.reveal');
    expect(reveal).toHaveLength(1);
    expect(reveal[0].actor_id).toBe(w.staff.accountId);
    expect(JSON.parse(reveal[0].changes!)).toEqual({ reason: '职工反映人身安全受威胁，需联系本人' });
    // The audit trail itself does not name the author of the submission.
    expect(audit.find((a) => a.action === 'appeal.submit')!.actor_id).toBeNull();
    expect(audit.some((a) => a.actor_id === worker.accountId)).toBe(false);

    // A named appeal has nothing to reveal; a stranger cannot even find it.
    const named = (await worker.post('/api/v1/appeals', wageAppeal())).body.id;
    expect((await w.staff.post(`/api/v1/appeals/${named}/reveal`, { reason: '试试' })).status).toBe(409);
    const stranger = await w.worker();
    expect((await stranger.post(`/api/v1/appeals/${id}/reveal`, { reason: '好奇' })).status).toBe(404);
  });
});
