import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app.js';
import { useAppealsWorld, wageAppeal, type World } from './appeals.testkit.js';
import ExcelJS from 'exceljs';
import { APPEAL_TRANSITIONS } from '../../../common/appeals.js';
import { COUNT_CAP } from '../../core/db/keyset.js';
import { newId } from '../../core/ids.js';

const t = useTestApp();
const w = useAppealsWorld(t, beforeAll);

const noticesOf = (accountId: string) =>
  t.db.selectFrom('notifications').select(['kind', 'title', 'body', 'link']).where('account_id', '=', accountId).execute();

async function submitted(w: World, over: Record<string, unknown> = {}, team?: { id: string; path: string; name: string }) {
  const worker = await w.worker({}, team);
  const res = await worker.post('/api/v1/appeals', wageAppeal(over));
  expect(res.status).toBe(201);
  const appeal = (await worker.get(res.headers.location)).body;
  return { worker, appeal, receipt: res.body };
}

describe('the closed loop', () => {
  it('walks an appeal from submission to rating, every step dated on the worker’s timeline', async () => {
    const { worker, appeal, receipt } = await submitted(w);
    // The submission answers with a receipt; Location leads to the detail read above.
    expect(receipt).toEqual({
      id: appeal.id,
      code: appeal.code,
      status: 'submitted',
      category: 'wages',
      anonymous: false,
      submittedAt: appeal.submittedAt,
      acceptDeadline: appeal.acceptDeadline,
    });
    expect(appeal).toMatchObject({ status: 'submitted', mine: true, anonymous: false, category: 'wages', unit: { name: '一号矿' } });
    expect(appeal.code).toMatch(/^SQ\d{8}-\d{4}$/);
    expect(appeal.deadline).toBe(appeal.acceptDeadline);
    expect(appeal.light).toBeNull(); // lights are for staff (appeals.lights.test.ts)

    const inbox = await w.staff.get('/api/v1/appeals?status=submitted');
    expect(inbox.body.items.map((a: any) => a.id)).toContain(appeal.id);
    expect(inbox.body.items.find((a: any) => a.id === appeal.id).author.name).toBe(worker.person.name);

    const accepted = await w.staff.post(`/api/v1/appeals/${appeal.id}/accept`, { urgency: 'general' });
    expect(accepted.status).toBe(200);
    expect(accepted.body.status).toBe('accepted');
    expect(accepted.body.answerDeadline).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(accepted.body.deadline).toBe(accepted.body.answerDeadline);

    const assigned = await w.staff.post(`/api/v1/appeals/${appeal.id}/assign`, { departmentId: w.prod1.id });
    expect(assigned.body).toMatchObject({ status: 'assigned', department: { id: w.prod1.id, name: '生产部' } });
    expect((await noticesOf(w.handler.accountId)).map((n) => n.kind)).toContain('appeal.assigned');

    expect((await w.handler.post(`/api/v1/appeals/${appeal.id}/notes`, { note: '已联系劳资科核对考勤' })).body.status).toBe('handling');
    const answered = await w.handler.post(`/api/v1/appeals/${appeal.id}/answer`, { answer: '加班费已核实，随十月工资补发。' });
    expect(answered.body).toMatchObject({ status: 'answered', answer: '加班费已核实，随十月工资补发。', late: false });
    expect((await noticesOf(worker.accountId)).map((n) => n.kind)).toEqual(expect.arrayContaining(['appeal.accepted', 'appeal.answered']));

    const rated = await worker.post(`/api/v1/appeals/${appeal.id}/rate`, { rating: 'satisfied', comment: '解决得很及时' });
    expect(rated.body).toMatchObject({ status: 'closed', rating: 'satisfied', ratingComment: '解决得很及时' });

    const mine = await worker.get('/api/v1/appeals/mine');
    expect(mine.body.items.map((a: any) => a.id)).toEqual([appeal.id]);
    const detail = await worker.get(`/api/v1/appeals/${appeal.id}`);
    expect(detail.body.timeline.map((e: any) => e.kind)).toEqual(['submitted', 'accepted', 'assigned', 'progress', 'answered', 'rated', 'closed']);
    for (const e of detail.body.timeline) expect(Date.parse(e.at)).toBeGreaterThan(0);
    // The worker sees roles, not the names of union staff or handlers.
    expect(detail.body.timeline.map((e: any) => e.actor)).toEqual(['本人', '工会', '工会', '承办部门', '承办部门', '本人', '本人']);
    expect(detail.body.answer).toBe('加班费已核实，随十月工资补发。');
    expect(detail.body.answerDeadline).toBe(accepted.body.answerDeadline);
    expect(detail.body.abilities).toEqual([]);
  });

  it('tells the answering department’s group robot that an appeal was answered, never who asked or what was said', async () => {
    const admin = await t.user([{ role: 'sysAdmin', org: null }]);
    const robot = (events?: string[]) =>
      admin.post('/api/v1/webhooks', {
        orgId: w.prod1.id,
        flavor: 'wecom',
        url: `https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=${events ? 'answered' : 'default'}`,
        ...(events ? { events } : {}),
      });
    const takesAnswers = await robot(['appeal.answered']);
    const takesDefaults = await robot();
    expect([takesAnswers.status, takesDefaults.status]).toEqual([201, 201]);
    const { worker, appeal } = await submitted(w);
    await w.staff.post(`/api/v1/appeals/${appeal.id}/accept`, {});
    await w.staff.post(`/api/v1/appeals/${appeal.id}/assign`, { departmentId: w.prod1.id });
    expect((await w.handler.post(`/api/v1/appeals/${appeal.id}/answer`, { answer: '随十月工资补发。' })).status).toBe(200);
    const outbox = (id: string) => t.db.selectFrom('webhook_outbox').select('payload').where('webhook_id', '=', id).execute();
    const sent = (await outbox(takesAnswers.body.id)).map((r) => JSON.parse(r.payload));
    expect(sent).toEqual([{ title: `诉求已答复：${appeal.code}`, body: '生产部已答复，等待职工评价', link: `/appeals/${appeal.id}` }]);
    expect(JSON.stringify(sent)).not.toContain(worker.person.name);
    // A robot left on the default events (overdue, group alerts) hears nothing of answers.
    expect(await outbox(takesDefaults.body.id)).toEqual([]);
    // The worker's own notice still says what to do.
    expect((await noticesOf(worker.accountId)).find((n) => n.kind === 'appeal.answered')).toMatchObject({ title: `您的诉求已答复：${appeal.code}` });
  });

  it('refuses transitions the state does not allow with 409', async () => {
    const { worker, appeal } = await submitted(w);
    const answerEarly = await w.staff.post(`/api/v1/appeals/${appeal.id}/answer`, { answer: '提前答复' });
    expect(answerEarly.status).toBe(409);
    expect(answerEarly.body.code).toBe('illegal_transition');
    expect(answerEarly.body.detail).toContain('待受理');
    expect((await worker.post(`/api/v1/appeals/${appeal.id}/rate`, { rating: 'satisfied' })).status).toBe(409);
    expect((await w.staff.post(`/api/v1/appeals/${appeal.id}/close`, {})).status).toBe(409);
    expect((await w.staff.post(`/api/v1/appeals/${appeal.id}/assign`, { departmentId: w.prod1.id })).status).toBe(409);
    expect((await w.staff.post(`/api/v1/appeals/${appeal.id}/accept`, {})).status).toBe(200);
    expect((await w.staff.post(`/api/v1/appeals/${appeal.id}/accept`, {})).status).toBe(409);
    expect((await w.staff.post(`/api/v1/appeals/${appeal.id}/decline`, { reason: 'other', explanation: '已受理不能再拒' })).status).toBe(409);
    expect((await w.staff.get(`/api/v1/appeals/${appeal.id}`)).body.status).toBe('accepted');
  });

  it('refuses every action in every state that does not allow it, leaving the appeal as it was', async () => {
    const worker = await w.worker();
    const make = async () => (await worker.post('/api/v1/appeals', wageAppeal())).body.id as string;
    const s = w.staff;
    const states: Record<string, string> = {};
    states.submitted = await make();
    states.accepted = await make();
    await s.post(`/api/v1/appeals/${states.accepted}/accept`, {});
    states.assigned = await make();
    await s.post(`/api/v1/appeals/${states.assigned}/accept`, {});
    await s.post(`/api/v1/appeals/${states.assigned}/assign`, { departmentId: w.prod1.id });
    states.handling = await make();
    await s.post(`/api/v1/appeals/${states.handling}/accept`, {});
    await s.post(`/api/v1/appeals/${states.handling}/assign`, { departmentId: w.prod1.id });
    await w.handler.post(`/api/v1/appeals/${states.handling}/notes`, { note: '进行中' });
    states.answered = await make();
    await s.post(`/api/v1/appeals/${states.answered}/accept`, {});
    await s.post(`/api/v1/appeals/${states.answered}/answer`, { answer: '已答复' });
    states.closed = await make();
    await s.post(`/api/v1/appeals/${states.closed}/accept`, {});
    await s.post(`/api/v1/appeals/${states.closed}/answer`, { answer: '已答复' });
    await worker.post(`/api/v1/appeals/${states.closed}/rate`, { rating: 'satisfied' });
    states.declined = await make();
    await s.post(`/api/v1/appeals/${states.declined}/decline`, { reason: 'other', explanation: '不予受理' });
    states.merged = await make();
    const master = await make();
    await s.post(`/api/v1/appeals/${master}/merge`, { duplicateIds: [states.merged] });
    const spare = await make();
    for (const [status, id] of Object.entries(states)) expect((await s.get(`/api/v1/appeals/${id}`)).body.status).toBe(status);

    const attempts: [keyof typeof APPEAL_TRANSITIONS, typeof s, string, unknown][] = [
      ['accept', s, 'accept', {}],
      ['decline', s, 'decline', { reason: 'other', explanation: '说明' }],
      ['setUrgency', s, 'urgency', { urgency: 'urgent' }],
      ['assign', s, 'assign', { departmentId: w.prod1.id }],
      ['note', s, 'notes', { note: '进展' }],
      ['answer', s, 'answer', { answer: '答复' }],
      ['close', s, 'close', {}],
      ['merge', s, 'merge', { duplicateIds: [spare] }],
      ['supervise', s, 'supervise', { note: '督办' }],
      ['rate', worker as typeof s, 'rate', { rating: 'satisfied' }],
    ];
    let refused = 0;
    for (const [status, id] of Object.entries(states)) {
      for (const [action, client, path, body] of attempts) {
        if ((APPEAL_TRANSITIONS[action] as readonly string[]).includes(status)) continue;
        const res = await client.post(`/api/v1/appeals/${id}/${path}`, body);
        expect([res.status, res.body.code], `${action} on ${status}`).toEqual([409, 'illegal_transition']);
        refused++;
      }
      expect((await s.get(`/api/v1/appeals/${id}`)).body.status).toBe(status);
    }
    expect(refused).toBeGreaterThan(40);
    expect((await s.get(`/api/v1/appeals/${spare}`)).body.status).toBe('submitted');
  });

  it('answers 404 for appeals outside the caller’s reach and 403 for actions their role may not take', async () => {
    const team = await w.team();
    const { worker, appeal } = await submitted(w, {}, team);
    const other = await w.worker();
    expect((await other.get(`/api/v1/appeals/${appeal.id}`)).status).toBe(404);
    expect((await other.post(`/api/v1/appeals/${appeal.id}/rate`, { rating: 'unsatisfied' })).status).toBe(404);
    // Not yet assigned: no handler can see it.
    expect((await w.handler.get(`/api/v1/appeals/${appeal.id}`)).status).toBe(404);
    await w.staff.post(`/api/v1/appeals/${appeal.id}/accept`, {});
    await w.staff.post(`/api/v1/appeals/${appeal.id}/assign`, { departmentId: w.prod1.id });
    // Another department's handler: the appeal does not exist for them.
    for (const [path, body] of [
      ['notes', { note: '越权' }],
      ['answer', { answer: '越权答复' }],
      ['extensions', { days: 2, reason: '越权' }],
    ] as const) {
      expect((await w.handler2.post(`/api/v1/appeals/${appeal.id}/${path}`, body)).status).toBe(404);
    }
    expect((await w.handler2.get(`/api/v1/appeals/${appeal.id}`)).status).toBe(404);
    // In reach, but not theirs to do.
    expect((await worker.post(`/api/v1/appeals/${appeal.id}/answer`, { answer: '自问自答' })).status).toBe(403);
    expect((await w.handler.post(`/api/v1/appeals/${appeal.id}/close`, {})).status).toBe(403);
    expect((await w.handler.post(`/api/v1/appeals/${appeal.id}/assign`, { departmentId: w.elec1.id })).status).toBe(403);
    expect((await w.staff.post(`/api/v1/appeals/${appeal.id}/rate`, { rating: 'satisfied' })).status).toBe(403);
    const list2 = await w.handler2.get('/api/v1/appeals');
    expect(list2.body.items.map((a: any) => a.id)).not.toContain(appeal.id);
    const list1 = await w.handler.get(`/api/v1/appeals?orgId=${team.id}`);
    expect(list1.body.items.map((a: any) => a.id)).toEqual([appeal.id]);
    expect((await other.get('/api/v1/appeals')).body.total).toBe(0);
  });

  it('declines an out-of-scope appeal with a policy explanation the worker can read', async () => {
    const { worker, appeal } = await submitted(w, { category: 'other', title: '邻居装修噪音', description: '楼上邻居天天装修' });
    const res = await w.staff.post(`/api/v1/appeals/${appeal.id}/decline`, { reason: 'outOfScope', explanation: '属于邻里纠纷，请向社区调解委员会反映。' });
    expect(res.body).toMatchObject({ status: 'declined', declineReason: 'outOfScope', deadline: null, light: null });
    const seen = await worker.get(`/api/v1/appeals/${appeal.id}`);
    expect(seen.body.answer).toBe('属于邻里纠纷，请向社区调解委员会反映。');
    expect((await noticesOf(worker.accountId)).find((n) => n.kind === 'appeal.declined')?.body).toBe('不属于工会受理范围');
  });

  it('reopens on an unsatisfied rating up to the org’s limit, which staff can raise', async () => {
    const { worker, appeal } = await submitted(w);
    await w.staff.post(`/api/v1/appeals/${appeal.id}/accept`, {});
    await w.staff.post(`/api/v1/appeals/${appeal.id}/assign`, { departmentId: w.prod1.id });
    await w.handler.post(`/api/v1/appeals/${appeal.id}/answer`, { answer: '第一次答复' });
    const reopened = await worker.post(`/api/v1/appeals/${appeal.id}/rate`, { rating: 'unsatisfied', comment: '没解决', reopen: true });
    expect(reopened.body).toMatchObject({ status: 'assigned', reopenCount: 1, rating: 'unsatisfied' });
    expect(reopened.body.deadline).toBeTruthy();
    expect((await noticesOf(w.handler.accountId)).map((n) => n.kind)).toContain('appeal.reopened');
    await w.handler.post(`/api/v1/appeals/${appeal.id}/answer`, { answer: '第二次答复' });
    const refused = await worker.post(`/api/v1/appeals/${appeal.id}/rate`, { rating: 'unsatisfied', reopen: true });
    expect(refused.status).toBe(409);
    expect(refused.body.detail).toBe('该诉求已重新办理 1 次，不能再次重办');
    // A reopen asked with a satisfied rating is a field error.
    expect((await worker.post(`/api/v1/appeals/${appeal.id}/rate`, { rating: 'satisfied', reopen: true })).status).toBe(400);

    const put = await w.staff.request('PUT', '/api/v1/appeals/settings', { orgId: w.mine1.id, reopenLimit: 2 });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ reopenLimit: 2, groupMinWorkers: 5, definedAt: w.mine1.id });
    const again = await worker.post(`/api/v1/appeals/${appeal.id}/rate`, { rating: 'unsatisfied', reopen: true });
    expect(again.body).toMatchObject({ status: 'assigned', reopenCount: 2 });
    expect((await worker.request('PUT', '/api/v1/appeals/settings', { orgId: w.mine1.id, reopenLimit: 5 })).status).toBe(403);
  });
});

describe('appeals registered by union staff', () => {
  it('records a walk-in or phone appeal for a worker, and the rating the worker gives on the follow-up call', async () => {
    const team = await w.team();
    const person = await t.person(team, { name: '来访职工' });
    const res = await w.staff.post('/api/v1/appeals', wageAppeal({ onBehalfOf: { personId: person.id, channel: 'phone' } }));
    expect(res.status).toBe(201);
    expect((await w.staff.get(res.headers.location)).body).toMatchObject({ channel: 'phone', author: { name: '来访职工' }, org: { id: team.id } });
    const worker = await w.worker();
    expect((await worker.post('/api/v1/appeals', wageAppeal({ onBehalfOf: { personId: person.id, channel: 'visit' } }))).status).toBe(403);
    await w.staff.post(`/api/v1/appeals/${res.body.id}/accept`, {});
    await w.staff.post(`/api/v1/appeals/${res.body.id}/answer`, { answer: '已电话答复' });
    const rated = await w.staff.post(`/api/v1/appeals/${res.body.id}/rate`, { rating: 'basicallySatisfied', comment: '回访：基本满意' });
    expect(rated.body).toMatchObject({ status: 'closed', rating: 'basicallySatisfied' });
    expect(rated.body.timeline.find((e: any) => e.kind === 'rated').actor).toBe(w.staff.username);
  });
});

describe('idempotent submission', () => {
  it('returns the first response for a retried key and refuses the key for another body', async () => {
    const worker = await w.worker();
    const key = { 'idempotency-key': 'mine-network-retry-0001' };
    const first = await worker.post('/api/v1/appeals', wageAppeal(), key);
    const second = await worker.post('/api/v1/appeals', wageAppeal(), key);
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.headers['idempotent-replay']).toBe('true');
    expect(second.body).toEqual(first.body);
    expect((await worker.get('/api/v1/appeals/mine')).body.total).toBe(1);
    const other = await worker.post('/api/v1/appeals', wageAppeal({ title: '另一件事' }), key);
    expect(other.status).toBe(422);
    expect(other.body.code).toBe('idempotency_mismatch');
    expect((await worker.get('/api/v1/appeals/mine')).body.total).toBe(1);
  });

  it('answers a retried action (受理 on a mine network) with the same appeal instead of a conflict, and records it once', async () => {
    const { appeal } = await submitted(w);
    const key = { 'idempotency-key': `accept-retry-${appeal.id}` };
    const first = await w.staff.post(`/api/v1/appeals/${appeal.id}/accept`, {}, key);
    const retry = await w.staff.post(`/api/v1/appeals/${appeal.id}/accept`, {}, key);
    expect(first.status).toBe(200);
    expect(first.body.status).toBe('accepted');
    expect(retry.status).toBe(200);
    expect(retry.headers['idempotent-replay']).toBe('true');
    expect(retry.body).toEqual(first.body);
    const now = await w.staff.get(`/api/v1/appeals/${appeal.id}`);
    expect(now.body.timeline.map((e: any) => e.kind)).toEqual(['submitted', 'accepted']);
    // Without the key a second 受理 is still the conflict it always was.
    expect((await w.staff.post(`/api/v1/appeals/${appeal.id}/accept`, {})).status).toBe(409);
  });
});

describe('merging duplicates', () => {
  it('merges duplicates into one master that counts the distinct workers and tells each of them the answer', async () => {
    const a = await w.worker();
    const b = await w.worker();
    const a1 = (await a.post('/api/v1/appeals', wageAppeal())).body;
    const a2 = (await a.post('/api/v1/appeals', wageAppeal({ title: '再次反映加班费' }))).body;
    const b1 = (await b.post('/api/v1/appeals', wageAppeal({ title: '加班费拖欠' }))).body;
    expect((await w.staff.post(`/api/v1/appeals/${a1.id}/merge`, { duplicateIds: [a1.id] })).status).toBe(422);
    const merged = await w.staff.post(`/api/v1/appeals/${a1.id}/merge`, { duplicateIds: [a2.id, b1.id] });
    expect(merged.body.affectedWorkers).toBe(2);
    expect(merged.body.duplicates.map((d: any) => d.id).sort()).toEqual([a2.id, b1.id].sort());
    const dup = await b.get(`/api/v1/appeals/${b1.id}`);
    expect(dup.body).toMatchObject({ status: 'merged', mergedInto: { id: a1.id, status: 'submitted' } });
    expect((await w.staff.post(`/api/v1/appeals/${b1.id}/accept`, {})).status).toBe(409);
    await w.staff.post(`/api/v1/appeals/${a1.id}/accept`, {});
    await w.staff.post(`/api/v1/appeals/${a1.id}/answer`, { answer: '统一答复：下月补发。' });
    expect((await b.get(`/api/v1/appeals/${b1.id}`)).body.mergedInto).toMatchObject({ status: 'answered', answer: '统一答复：下月补发。' });
    expect((await noticesOf(b.accountId)).map((n) => n.kind)).toEqual(expect.arrayContaining(['appeal.merged', 'appeal.answered']));
  });
});

describe('extensions and supervision', () => {
  it('extends a deadline only on the handler’s reasoned request approved by staff', async () => {
    const { worker, appeal } = await submitted(w);
    await w.staff.post(`/api/v1/appeals/${appeal.id}/accept`, {});
    const assigned = (await w.staff.post(`/api/v1/appeals/${appeal.id}/assign`, { departmentId: w.prod1.id })).body;
    expect((await w.handler.post(`/api/v1/appeals/${appeal.id}/extensions`, { days: 2 })).status).toBe(400);
    expect((await worker.post(`/api/v1/appeals/${appeal.id}/extensions`, { days: 2, reason: '我也想延期' })).status).toBe(403);
    const asked = await w.handler.post(`/api/v1/appeals/${appeal.id}/extensions`, { days: 2, reason: '需财务部门提供半年考勤数据' });
    expect(asked.body.extensions).toMatchObject([{ status: 'pending', days: 2 }]);
    expect((await w.handler.post(`/api/v1/appeals/${appeal.id}/extensions`, { days: 1, reason: '再延' })).status).toBe(409);
    expect((await worker.get(`/api/v1/appeals/${appeal.id}`)).body.extensions).toEqual([]);
    const extId = asked.body.extensions[0].id;
    expect((await w.handler.post(`/api/v1/appeals/${appeal.id}/extensions/${extId}/approve`, {})).status).toBe(403);
    const approved = await w.staff.post(`/api/v1/appeals/${appeal.id}/extensions/${extId}/approve`, { note: '同意' });
    const expected = (await w.staff.get(`/api/v1/calendar/add-working-days?start=${assigned.answerDeadline}&days=2`)).body.date;
    expect(approved.body.answerDeadline).toBe(expected);
    expect(approved.body.extensions[0]).toMatchObject({ status: 'approved', newDeadline: expected });
    expect((await w.staff.post(`/api/v1/appeals/${appeal.id}/extensions/${extId}/reject`, {})).status).toBe(409);
    expect((await noticesOf(w.handler.accountId)).map((n) => n.kind)).toContain('appeal.extensionApproved');
  });

  it('supervises only overdue appeals, records the note internally and notifies the handler', async () => {
    const { worker, appeal } = await submitted(w);
    await w.staff.post(`/api/v1/appeals/${appeal.id}/accept`, {});
    await w.staff.post(`/api/v1/appeals/${appeal.id}/assign`, { departmentId: w.prod1.id });
    // Not overdue: 督办 is neither offered nor allowed — the offer and the rule agree.
    expect((await w.staff.get(`/api/v1/appeals/${appeal.id}`)).body.abilities).not.toContain('supervise');
    const early = await w.staff.post(`/api/v1/appeals/${appeal.id}/supervise`, { note: '请加快' });
    expect(early.status).toBe(409);
    expect(early.body.detail).toBe('只有已超期的诉求才能督办');
    await t.db
      .updateTable('appeals' as any)
      .set({ current_due: '2020-01-06', due_date: '2020-01-06' })
      .where('id', '=', appeal.id)
      .execute();
    expect((await w.staff.get(`/api/v1/appeals/${appeal.id}`)).body.abilities).toContain('supervise');
    expect((await w.staff.get(`/api/v1/appeals?light=red`)).body.items.map((a: any) => a.id)).toContain(appeal.id);
    const res = await w.staff.post(`/api/v1/appeals/${appeal.id}/supervise`, { note: '已超期，请三日内答复' });
    expect(res.status).toBe(200);
    expect(res.body.timeline.at(-1)).toMatchObject({ kind: 'supervised', note: '已超期，请三日内答复' });
    const n = (await noticesOf(w.handler.accountId)).find((x) => x.kind === 'appeal.supervised');
    expect(n?.body).toBe('已超期，请三日内答复');
    expect((await worker.get(`/api/v1/appeals/${appeal.id}`)).body.timeline.map((e: any) => e.kind)).not.toContain('supervised');
    // Past the deadline it is a 督办 matter: no extension, and nothing offers one.
    expect((await w.handler.get(`/api/v1/appeals/${appeal.id}`)).body.abilities).not.toContain('requestExtension');
    const ext = await w.handler.post(`/api/v1/appeals/${appeal.id}/extensions`, { days: 2, reason: '来不及了' });
    expect(ext.status).toBe(409);
    expect(ext.headers['content-type']).toContain('application/problem+json');
    expect(ext.body.detail).toBe('办理期限已过，不能再申请或批准延期，已转为督办事项');
    // Answered after its deadline: counted late.
    expect((await w.handler.post(`/api/v1/appeals/${appeal.id}/answer`, { answer: '已处理' })).body.late).toBe(true);
  });
});

describe('what the API offers and shows', () => {
  it('offers 督办 only for overdue appeals, whatever the open state, and staff only', async () => {
    const { appeal } = await submitted(w);
    const abilities = async (c = w.staff) => (await c.get(`/api/v1/appeals/${appeal.id}`)).body.abilities as string[];
    expect(await abilities()).toEqual(expect.arrayContaining(['accept', 'decline']));
    expect(await abilities()).not.toContain('supervise');
    await t.db
      .updateTable('appeals' as any)
      .set({ current_due: '2020-01-06' })
      .where('id', '=', appeal.id)
      .execute();
    expect(await abilities()).toContain('supervise');
    await w.staff.post(`/api/v1/appeals/${appeal.id}/accept`, {});
    await w.staff.post(`/api/v1/appeals/${appeal.id}/assign`, { departmentId: w.prod1.id });
    expect(await abilities()).not.toContain('supervise');
    await t.db
      .updateTable('appeals' as any)
      .set({ current_due: '2020-01-06' })
      .where('id', '=', appeal.id)
      .execute();
    expect(await abilities()).toContain('supervise');
    expect(await abilities(w.handler)).not.toContain('supervise');
    expect((await w.staff.post(`/api/v1/appeals/${appeal.id}/supervise`, { note: '请尽快答复' })).status).toBe(200);
  });

  it('names a department with its mine — 「一号矿 / 生产部」 — in lists, detail, export and the dashboard', async () => {
    const team = await w.team();
    const one = await submitted(w, { title: '一号矿生产部的诉求' }, team);
    const two = await submitted(w, { title: '二号矿生产部的诉求' }, w.team2);
    for (const [a, dept] of [
      [one.appeal, w.prod1],
      [two.appeal, w.prod2],
    ] as const) {
      await w.staff.post(`/api/v1/appeals/${a.id}/accept`, {});
      await w.staff.post(`/api/v1/appeals/${a.id}/assign`, { departmentId: dept.id });
    }
    const list = (await w.staff.get('/api/v1/appeals?status=assigned&pageSize=200')).body.items;
    const dept = (id: string) => list.find((a: any) => a.id === id).department;
    expect(dept(one.appeal.id)).toEqual({ id: w.prod1.id, name: '生产部', label: '一号矿 / 生产部' });
    expect(dept(two.appeal.id)).toEqual({ id: w.prod2.id, name: '生产部', label: '二号矿 / 生产部' });

    expect((await w.handler2.get(`/api/v1/appeals/${two.appeal.id}`)).body.department.label).toBe('二号矿 / 生产部');
    const seen = (await two.worker.get(`/api/v1/appeals/${two.appeal.id}`)).body;
    expect(seen.department.label).toBe('二号矿 / 生产部');
    expect(seen.timeline.find((e: any) => e.kind === 'assigned').data).toMatchObject({ departmentName: '生产部', departmentLabel: '二号矿 / 生产部' });

    const board = (await w.staff.get('/api/v1/appeals/dashboard')).body;
    const labels = board.byDepartment.map((d: any) => d.department.label);
    expect(labels).toEqual(expect.arrayContaining(['一号矿 / 生产部', '二号矿 / 生产部']));
    expect(board.byDepartment.find((d: any) => d.department.id === w.prod2.id).assigned.numerator).toBeGreaterThanOrEqual(1);

    const xlsx = await t.app.inject({ method: 'GET', url: `/api/v1/appeals/export.xlsx?orgId=${w.team2.id}`, headers: { cookie: w.staff.cookie } });
    expect(xlsx.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as any);
    const sheet = book.worksheets[0];
    const header = (sheet.getRow(1).values as unknown[]).indexOf('承办部门');
    const cells = sheet.getColumn(header).values.slice(2);
    expect(cells).toContain('二号矿 / 生产部');
  });

  it('counts a long list only up to 2000 and says so, newest first', async () => {
    const page = (await w.staff.get('/api/v1/appeals?page=1&pageSize=5')).body;
    expect(page.totalCapped).toBe(false);
    expect(page.total).toBeGreaterThan(0);
    const times = page.items.map((a: any) => a.submittedAt);
    expect([...times].sort().reverse()).toEqual(times);
  });
});

describe('the list above 2 000 matches', () => {
  it('walks newest first off the submitted-at index: the capped total, a page, and the cursor’s next page', async () => {
    const person = await t.person(await w.team(), { name: '来访职工' });
    const seed = (await w.staff.post('/api/v1/appeals', wageAppeal({ onBehalfOf: { personId: person.id, channel: 'phone' } }))).body.id;
    const row = await t.db
      .selectFrom('appeals' as any)
      .selectAll()
      .where('id', '=', seed)
      .executeTakeFirstOrThrow();
    // Copies of one appeal in bulk, each a millisecond newer, so they lead the list whatever else this file wrote.
    const copies = Array.from({ length: COUNT_CAP + 1 }, (_, i) => ({
      ...row,
      id: newId(),
      code: `${row.code}-${i}`,
      submitted_at: new Date(Date.parse(row.submitted_at) + i + 1).toISOString(),
    }));
    await t.db.transaction().execute(async (tx) => {
      for (let i = 0; i < copies.length; i += 100)
        await tx
          .insertInto('appeals' as any)
          .values(copies.slice(i, i + 100))
          .execute();
    });
    const first = await w.staff.get('/api/v1/appeals?pageSize=20');
    expect(first.status, first.text).toBe(200);
    expect([first.body.total, first.body.totalCapped, first.body.items.length]).toEqual([COUNT_CAP, true, 20]);
    const next = await w.staff.get(`/api/v1/appeals?pageSize=20&after=${first.body.nextCursor}`);
    expect(next.status, next.text).toBe(200);
    const ids = [...first.body.items, ...next.body.items].map((a: { id: string }) => a.id);
    expect(ids).toEqual(
      copies
        .slice(-40)
        .reverse()
        .map((c) => c.id),
    );
  });
});
