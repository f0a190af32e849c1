/**
 * Labour-dispute mediation on both engines: every transition and refused ones, the clocks on
 * a holiday boundary, confidentiality (another union's mediator or staff, another worker, a handler:
 * 404; every read audited), each indicator against the rows of its drill-down, the overdue
 * notice sent once.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp, type Response } from '../../../test/app.js';
import { indicator } from '../../core/indicators/indicators.registry.js';
import { actorOf, useAppealsWorld, wageAppeal } from '../appeals/appeals.testkit.js';
import type { Figure } from '../../../common/figure.js';
import { clocksOf } from './mediation.clocks.js';
import { writeCallIn } from '../../core/call.js';
import { acceptMediation, applyForMediation, disputeBody } from './mediation.testkit.js';
import { tellOverdue } from './mediation.service.js';
import { tellPaymentOrder } from './mediation.performance.js';
import { sweepDecidedItems } from '../../core/decidedItems/decidedItems.jobs.js';
import { uploadPng } from '../../../test/authz/part.js';
import { COUNT_CAP } from '../../core/db/keyset.js';
import { newId } from '../../core/ids.js';

const t = useTestApp();
const w = useAppealsWorld(t, beforeAll);
let mediator: Awaited<ReturnType<typeof t.user>>;
let mediator2: Awaited<ReturnType<typeof t.user>>;
let outsider: Awaited<ReturnType<typeof t.user>>;
let outsideStaff: Awaited<ReturnType<typeof t.user>>;
beforeAll(async () => {
  mediator = await t.user([{ role: 'mediator', org: w.group }]);
  mediator2 = await t.user([{ role: 'mediator', org: w.group }]);
  const other = await t.org('另一集团', 'group');
  outsider = await t.user([{ role: 'mediator', org: other }]);
  outsideStaff = await t.user([{ role: 'unionStaff', org: other }]);
});

const today = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
const agreement = (amount = 3000) => ({
  terms: '被申请人于协议签订后十日内支付加班费。',
  agreedAmount: amount,
  performanceDue: today(),
  applicantSignedOn: today(),
  respondentSigner: '人力资源部 王经理',
  respondentSignedOn: today(),
});
const session = {
  date: '',
  attendees: '申请人、单位代表、调解员',
  applicantSaid: '要求补发三个月加班费',
  respondentSaid: '同意核对考勤',
  nextStep: '下周再谈',
};

describe('a case from application to a performed agreement', () => {
  it('walks every step, shows the worker each, and refuses a step out of order with 409 naming status', async () => {
    const worker = await w.worker({ name: '李矿工' });
    const applied = await worker.post(
      '/api/v1/mediation/cases',
      disputeBody({
        claims: [
          { type: 'overtime', description: '补发加班费', amount: 3200.5 },
          { type: 'socialInsurance', description: '补缴社保' },
        ],
      }),
    );
    expect(applied.status).toBe(201);
    expect(applied.body).toMatchObject({ status: 'applied', applicantName: '李矿工', claimedAmount: 3200.5, claimTypes: ['overtime', 'socialInsurance'] });
    expect(applied.body.clocks.light).not.toBe('none');
    const id = applied.body.id;

    // A session before acceptance is out of order.
    const early = await w.chair.post(`/api/v1/mediation/cases/${id}/sessions`, { ...session, date: today() });
    expect(early.status).toBe(409);
    expect(early.body.errors[0].field).toBe('status');

    const accepted = await mediator.post(`/api/v1/mediation/cases/${id}/accept`, {});
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ status: 'accepted', acceptedOn: today(), mediators: [{ accountId: mediator.accountId }] });
    const again = await mediator.post(`/api/v1/mediation/cases/${id}/accept`, {});
    expect(again.status).toBe(409);

    const s = await mediator.post(`/api/v1/mediation/cases/${id}/sessions`, { ...session, date: today() });
    expect(s.status).toBe(200);
    expect(s.body.sessions).toHaveLength(1);

    const agreed = await mediator.post(`/api/v1/mediation/cases/${id}/agreement`, agreement(3000));
    expect(agreed.status).toBe(200);
    expect(agreed.body).toMatchObject({ status: 'agreed', agreedAmount: 3000, closedOn: today() });
    expect((await mediator.post(`/api/v1/mediation/cases/${id}/fail`, { reason: '反悔' })).status).toBe(409);

    const tooMuch = await mediator.post(`/api/v1/mediation/cases/${id}/payments`, { paidAmount: 3000.01, paidOn: today() });
    expect(tooMuch.status).toBe(422);
    expect(tooMuch.body.errors[0].field).toBe('body.paidAmount');
    const part = await mediator.post(`/api/v1/mediation/cases/${id}/payments`, { paidAmount: 1000, paidOn: today() });
    expect(part.body).toMatchObject({ status: 'agreed', paidAmount: 1000 });
    const rest = await mediator.post(`/api/v1/mediation/cases/${id}/payments`, { paidAmount: 2000, paidOn: today() });
    expect(rest.body).toMatchObject({ status: 'performed', paidAmount: 3000 });

    // The worker sees their case, its timeline, and the printable agreement with parties and amounts.
    const seen = await worker.get(`/api/v1/mediation/cases/${id}`);
    expect(seen.status).toBe(200);
    expect(seen.body.events.map((e: { event: string }) => e.event)).toEqual(['applied', 'accepted', 'session', 'agreed', 'paid', 'performed']);
    expect(seen.body.can).toEqual({ accept: false, conduct: false, withdraw: false, addEvidence: false });
    const doc = await worker.get(`/api/v1/mediation/cases/${id}/agreement`);
    expect(doc.status).toBe(200);
    expect(doc.text).toContain('调解协议书');
    expect(doc.text).toContain('李矿工');
    expect(doc.text).toContain('3000.00 元');
    expect(doc.text).toContain('人力资源部 王经理');
    const inbox = await worker.get('/api/v1/notifications');
    expect(JSON.stringify(inbox.body)).toContain('调解协议已达成');
  });

  it('writes the 调解协议书 as a .docx that LibreOffice reads back with the parties, claims, amounts and signatures', async () => {
    const worker = await w.worker({ name: '赵采煤' });
    const claims = [
      { type: 'wagesOwed', description: '补发十月工资', amount: 6800 },
      { type: 'overtime', description: '补发国庆加班费', amount: 1250.5 },
    ];
    const id = (await worker.post('/api/v1/mediation/cases', disputeBody({ respondent: '华能煤业集团二号矿', claims }))).body.id;
    expect((await worker.get(`/api/v1/mediation/cases/${id}/agreement.docx`)).status).toBe(404);
    await mediator.post(`/api/v1/mediation/cases/${id}/accept`, {});
    await mediator.post(`/api/v1/mediation/cases/${id}/agreement`, { ...agreement(7500.5), respondentSigner: '二号矿 孙矿长' });
    const res = await worker.get(`/api/v1/mediation/cases/${id}/agreement.docx`);
    expect([res.status, res.headers['content-type']]).toEqual([200, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document']);
    expect(res.headers['content-disposition']).toContain(encodeURIComponent('调解协议书'));
    expect((await outsider.get(`/api/v1/mediation/cases/${id}/agreement.docx`)).status).toBe(404);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xq-mediation-test-'));
    try {
      fs.writeFileSync(path.join(dir, 'a.docx'), (res as Response).raw);
      execFileSync(
        'soffice',
        [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'txt:Text (encoded):UTF8', '--outdir', dir, path.join(dir, 'a.docx')],
        { stdio: 'pipe', timeout: 120_000 },
      );
      const text = fs.readFileSync(path.join(dir, 'a.txt'), 'utf8');
      for (const words of [
        '调解协议书',
        '申请人：赵采煤',
        '被申请人：华能煤业集团二号矿',
        '补发十月工资',
        '6800.00 元',
        '补发国庆加班费',
        '1250.50 元',
        '请求金额合计：8050.50 元',
        '协议金额：7500.50 元',
        `履行期限：${today().slice(0, 4)} 年`,
        '二号矿 孙矿长',
        mediator.username,
      ]) {
        expect(text, words).toContain(words);
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
    const prints = await t.db.selectFrom('audit_events').select('actor_id').where('action', '=', 'mediation.print').where('entity_id', '=', id).execute();
    expect(prints.map((p) => p.actor_id)).toEqual([worker.accountId]);
    // LibreOffice's first start builds its profile: tens of seconds on a loaded machine.
  }, 180_000);

  it('ends in a referral to arbitration, a refusal or a withdrawal, each with its dates', async () => {
    const worker = await w.worker();
    const a = (await worker.post('/api/v1/mediation/cases', disputeBody())).body.id;
    await mediator.post(`/api/v1/mediation/cases/${a}/accept`, {});
    const failed = await mediator.post(`/api/v1/mediation/cases/${a}/fail`, { reason: '单位不同意补发' });
    expect(failed.body).toMatchObject({ status: 'failed', outcomeReason: '单位不同意补发', clocks: { arbitrationFrom: today(), light: 'none' } });
    expect(failed.body.clocks.limitationEnds.slice(5)).toBe(today().slice(5));

    const b = (await worker.post('/api/v1/mediation/cases', disputeBody())).body.id;
    const rejected = await w.staff.post(`/api/v1/mediation/cases/${b}/reject`, { reason: '已申请仲裁' });
    expect(rejected.body.status).toBe('rejected');

    const c = (await worker.post('/api/v1/mediation/cases', disputeBody())).body.id;
    expect((await worker.post(`/api/v1/mediation/cases/${c}/accept`, {})).status).toBe(403);
    const withdrawn = await worker.post(`/api/v1/mediation/cases/${c}/withdraw`, { reason: '已与单位协商解决' });
    expect(withdrawn.body.status).toBe('withdrawn');
    expect((await worker.post(`/api/v1/mediation/cases/${c}/withdraw`, { reason: '再撤' })).status).toBe(409);
  });

  it('extends mediation by agreement up to 15 more days, and no further', async () => {
    const worker = await w.worker();
    const id = (await worker.post('/api/v1/mediation/cases', disputeBody())).body.id;
    // Union staff accept and name the mediator; staff cannot accept without naming one.
    expect((await w.staff.post(`/api/v1/mediation/cases/${id}/accept`, {})).body.errors[0].field).toBe('body.mediatorAccountId');
    const acc = await w.staff.post(`/api/v1/mediation/cases/${id}/accept`, { mediatorAccountId: mediator2.accountId });
    expect(acc.body.mediators[0].accountId).toBe(mediator2.accountId);
    const ext = await mediator2.post(`/api/v1/mediation/cases/${id}/extend`, { days: 10, reason: '双方同意等待社保核定' });
    expect(ext.body).toMatchObject({ extensionDays: 10 });
    expect(ext.body.clocks.mediationDue > acc.body.clocks.mediationDue).toBe(true);
    const over = await mediator2.post(`/api/v1/mediation/cases/${id}/extend`, { days: 6, reason: '再延' });
    expect(over.status).toBe(422);
    expect(over.body.errors[0].field).toBe('body.days');
    expect(over.body.detail).toContain('15');
  });
});

describe('the agreement’s performance (督办) and the payment order route', () => {
  const daysFromToday = (n: number) => new Date(Date.now() + 8 * 3_600_000 + n * 86_400_000).toISOString().slice(0, 10);

  it('becomes a decided item of the paying department, moved by payments and back on the case page', async () => {
    const worker = await w.worker({ name: '钱掘进' });
    const id = (await worker.post('/api/v1/mediation/cases', disputeBody())).body.id;
    await mediator.post(`/api/v1/mediation/cases/${id}/accept`, {});
    const elsewhere = await t.org('外单位财务部', 'department', await t.org('外集团', 'group'));
    const wrong = await mediator.post(`/api/v1/mediation/cases/${id}/agreement`, { ...agreement(3000), respondentOrgId: elsewhere.id });
    expect([wrong.status, wrong.body.errors[0].field]).toEqual([422, 'body.respondentOrgId']);
    expect(wrong.body.detail).toContain('履行部门');
    const due = daysFromToday(10);
    const agreed = await mediator.post(`/api/v1/mediation/cases/${id}/agreement`, { ...agreement(3000), performanceDue: due, respondentOrgId: w.prod1.id });
    expect(agreed.body.performance).toMatchObject({ status: 'planned', progress: 0, dueDate: due, ownerName: w.handler.username });

    // The department's handler carries the item on the decided-item board, and still does not see the confidential case.
    const item = await w.handler.get(`/api/v1/decided-items/${agreed.body.performance.itemId}`);
    expect(item.status).toBe(200);
    expect(item.body).toMatchObject({ dueDate: due, ownerAccountId: w.handler.accountId, source: { kind: 'mediation.agreement', public: false } });
    expect(item.body.title).toContain('3000');
    expect(item.body.title).not.toContain('钱掘进');
    expect((await w.handler.get(`/api/v1/mediation/cases/${id}`)).status).toBe(404);
    expect(JSON.stringify((await w.handler.get('/api/v1/notifications')).body)).toContain(agreed.body.code);

    const part = await mediator.post(`/api/v1/mediation/cases/${id}/payments`, { paidAmount: 1000, paidOn: today() });
    expect(part.body.performance).toMatchObject({ status: 'inProgress', progress: 33 });
    const rest = await mediator.post(`/api/v1/mediation/cases/${id}/payments`, { paidAmount: 2000, paidOn: today() });
    expect(rest.body).toMatchObject({ status: 'performed', performance: { status: 'done', progress: 100 } });
    expect((await w.handler.get(`/api/v1/decided-items/${agreed.body.performance.itemId}`)).body.timeline.map((e: { event: string }) => e.event)).toEqual([
      'created',
      'progress',
      'done',
    ]);
  });

  it('without a department is the union side’s; past its deadline unpaid it shows overdue on the case', async () => {
    const worker = await w.worker();
    const id = (await worker.post('/api/v1/mediation/cases', disputeBody())).body.id;
    await mediator.post(`/api/v1/mediation/cases/${id}/accept`, {});
    const agreed = await mediator.post(`/api/v1/mediation/cases/${id}/agreement`, agreement(800));
    expect(agreed.body.performance.ownerName).toBe(w.chair.username);
    await sweepDecidedItems(t.db, new Date(Date.now() + 3 * 86_400_000));
    const seen = await worker.get(`/api/v1/mediation/cases/${id}`);
    expect(seen.body.performance).toMatchObject({ status: 'overdue', progress: 0 });
  });

  it('reminds the worker of an unpaid wage agreement once, with the 支付令 route on the case page', async () => {
    const worker = await w.worker();
    const wages = disputeBody({ claims: [{ type: 'wagesOwed', description: '补发十月工资', amount: 5000 }] });
    const make = async (body: Record<string, unknown>, pay?: number) => {
      const id = (await worker.post('/api/v1/mediation/cases', body)).body.id;
      await mediator.post(`/api/v1/mediation/cases/${id}/accept`, {});
      const agreed = await mediator.post(`/api/v1/mediation/cases/${id}/agreement`, { ...agreement(5000), performanceDue: daysFromToday(-2) });
      if (pay) await mediator.post(`/api/v1/mediation/cases/${id}/payments`, { paidAmount: pay, paidOn: today() });
      return { id, code: agreed.body.code as string };
    };
    const unpaid = await make(wages, 1500);
    const paid = await make(wages, 5000);
    const insurance = await make(disputeBody({ claims: [{ type: 'socialInsurance', description: '补缴社保' }] }));
    expect((await worker.get(`/api/v1/mediation/cases/${unpaid.id}`)).body.paymentOrderHint).toBe(true);
    expect((await worker.get(`/api/v1/mediation/cases/${paid.id}`)).body.paymentOrderHint).toBe(false);

    expect(await tellPaymentOrder(t.db, new Date())).toBeGreaterThanOrEqual(1);
    expect(await tellPaymentOrder(t.db, new Date())).toBe(0);
    const inbox = JSON.stringify((await worker.get('/api/v1/notifications')).body);
    expect(inbox).toContain(`调解协议逾期未履行：${unpaid.code}`);
    expect(inbox).toContain('支付令');
    expect(inbox).toContain('3500');
    for (const other of [paid, insurance]) expect(inbox).not.toContain(`逾期未履行：${other.code}`);
  });
});

describe('the clocks', () => {
  it('counts acceptance in working days across the National Day holiday and its make-up Saturday', async () => {
    const worker = await w.worker();
    const staff = await actorOf(t.db, w.staff.accountId);
    const ctx = { actor: staff, ip: null, requestId: null, locale: 'zh-CN' as const };
    // Applied on Wednesday 30 September 2026: 1–7 October are holidays, Saturday 10 October is worked.
    const c = await t.db.transaction().execute((tx) =>
      applyForMediation(writeCallIn(t.db, tx, staff, ctx, new Date('2026-09-30T02:00:00Z')), {
        ...disputeBody({ disputeDate: '2026-09-01' }),
        applicantPersonId: worker.person.id,
        applicantKind: 'worker',
      } as any),
    );
    expect(c.clocks.acceptDue).toBe('2026-10-10');
    expect(c.clocks.light).toBe('green');
    const row = {
      ...c,
      status: 'applied',
      applied_date: '2026-09-30',
      accept_due: c.clocks.acceptDue,
      accepted_on: null,
      mediation_due: null,
      closed_on: null,
      dispute_date: '2026-09-01',
      performance_due: null,
    };
    expect(clocksOf(row, '2026-10-08').light).toBe('green');
    expect(clocksOf(row, '2026-10-09').light).toBe('yellow');
    expect(clocksOf(row, '2026-10-10').light).toBe('yellow');
    expect(clocksOf(row, '2026-10-11').light).toBe('red');

    // Accepted on 9 October: mediation runs 15 calendar days, to the 24th; arbitration is open from the 25th.
    const mediatorActor = await actorOf(t.db, mediator.accountId);
    const a = await t.db
      .transaction()
      .execute((tx) => acceptMediation(writeCallIn(t.db, tx, mediatorActor, { ...ctx, actor: mediatorActor }, new Date('2026-10-09T02:00:00Z')), c.id, {}));
    expect(a.clocks).toMatchObject({ mediationDue: '2026-10-24', arbitrationFrom: '2026-10-25', limitationEnds: '2027-10-24' });

    // Past the period without agreement the worker is told once that arbitration is open (§14).
    const accounts = await t.db.selectFrom('accounts').select('id').where('person_id', '=', worker.person.id).execute();
    const count = async () =>
      (await t.db.selectFrom('notifications').select('id').where('account_id', '=', accounts[0].id).where('kind', '=', 'mediation.overdue').execute()).length;
    expect(await tellOverdue(t.db, new Date('2026-10-25T02:00:00Z'))).toBeGreaterThanOrEqual(1);
    expect(await tellOverdue(t.db, new Date('2026-10-26T02:00:00Z'))).toBe(0);
    expect(await count()).toBe(1);
  });
});

describe('confidentiality', () => {
  it('hides a case from another union’s mediator and staff, another worker and a handler, and audits every read', async () => {
    const worker = await w.worker();
    const other = await w.worker();
    const id = (await worker.post('/api/v1/mediation/cases', disputeBody({ summary: '机密争议内容' }))).body.id;
    // A mediator of the union sees the new application (to accept it).
    expect((await mediator2.get(`/api/v1/mediation/cases/${id}`)).status).toBe(200);
    for (const c of [outsider, outsideStaff, other, w.handler]) {
      expect((await c.get(`/api/v1/mediation/cases/${id}`)).status).toBe(404);
      expect((await c.post(`/api/v1/mediation/cases/${id}/withdraw`, { reason: '试探' })).status).toBe(404);
      const list = await c.get('/api/v1/mediation/cases?pageSize=200');
      expect(JSON.stringify(list.body)).not.toContain(id);
    }
    await mediator.post(`/api/v1/mediation/cases/${id}/accept`, {});
    // Once accepted by a colleague, the other mediator no longer sees it; the chair still does.
    expect((await mediator2.get(`/api/v1/mediation/cases/${id}`)).status).toBe(404);
    expect((await w.chair.get(`/api/v1/mediation/cases/${id}`)).status).toBe(200);
    const reads = await t.db.selectFrom('audit_events').select(['actor_id']).where('action', '=', 'mediation.read').where('entity_id', '=', id).execute();
    expect(reads.map((r) => r.actor_id).sort()).toEqual([mediator2.accountId, w.chair.accountId].sort());
  });

  it('keeps evidence files on the case: the parties and the committee download them (audited), nobody else, and only while open', async () => {
    const worker = await w.worker();
    const slip = await uploadPng(worker, '工资条.png');
    const applied = await worker.post('/api/v1/mediation/cases', disputeBody({ fileIds: [slip] }));
    expect(applied.status).toBe(201);
    const id = applied.body.id;
    expect(applied.body.files.map((f: { name: string }) => f.name)).toEqual(['工资条.png']);
    await mediator.post(`/api/v1/mediation/cases/${id}/accept`, {});
    const card = await uploadPng(mediator, '考勤记录.png');
    const added = await mediator.post(`/api/v1/mediation/cases/${id}/evidence`, { fileIds: [card] });
    expect(added.body.files.map((f: { name: string }) => f.name)).toEqual(['工资条.png', '考勤记录.png']);
    expect(added.body.events.filter((e: { event: string }) => e.event === 'evidence')).toHaveLength(2);
    for (const who of [worker, mediator, w.chair]) {
      const got = await who.get(`/api/v1/mediation/cases/${id}/files/${card}`);
      expect([got.status, got.headers['content-type']]).toEqual([200, 'image/png']);
    }
    for (const who of [outsider, mediator2, await w.worker(), w.handler])
      expect((await who.get(`/api/v1/mediation/cases/${id}/files/${slip}`)).status).toBe(404);
    // Another case does not serve this case's file; a file is claimed once; a stranger's upload is refused.
    const other = (await worker.post('/api/v1/mediation/cases', disputeBody())).body.id;
    expect((await worker.get(`/api/v1/mediation/cases/${other}/files/${slip}`)).status).toBe(404);
    const reused = await worker.post(`/api/v1/mediation/cases/${other}/evidence`, { fileIds: [slip] });
    expect([reused.status, reused.body.errors[0].field]).toEqual([422, 'fileIds']);
    const downloads = await t.db.selectFrom('audit_events').select('actor_id').where('action', '=', 'mediation.file').where('entity_id', '=', id).execute();
    expect(downloads.map((r) => r.actor_id).sort()).toEqual([worker.accountId, mediator.accountId, w.chair.accountId].sort());
    await mediator.post(`/api/v1/mediation/cases/${id}/fail`, { reason: '不成' });
    const late = await worker.post(`/api/v1/mediation/cases/${id}/evidence`, { fileIds: [await uploadPng(worker, '迟到的材料.png')] });
    expect(late.status).toBe(409);
  });

  it('lets a worker apply only for themself, and staff only for a worker of their union', async () => {
    const worker = await w.worker();
    const stranger = await t.person(await t.org('外单位', 'group'), { name: '外单位职工' });
    const forOther = await worker.post('/api/v1/mediation/cases', disputeBody({ applicantPersonId: (await w.worker()).person.id }));
    expect(forOther.status).toBe(422);
    expect(forOther.body.errors[0].field).toBe('body.applicantPersonId');
    expect((await w.staff.post('/api/v1/mediation/cases', disputeBody({ applicantPersonId: stranger.id }))).status).toBe(422);
    expect((await w.handler.post('/api/v1/mediation/cases', disputeBody())).status).toBe(403);
  });

  it('keeps the link both ways: the case names its appeal, the appeal’s timeline names the case to the union and the author only', async () => {
    const worker = await w.worker();
    const appeal = (await worker.post('/api/v1/appeals', wageAppeal())).body.id;
    await w.staff.post(`/api/v1/appeals/${appeal}/accept`, { urgency: 'general' });
    await w.staff.post(`/api/v1/appeals/${appeal}/assign`, { departmentId: w.prod1.id });
    const res = await w.staff.post('/api/v1/mediation/cases', disputeBody({ applicantPersonId: worker.person.id, appealId: appeal }));
    expect(res.status).toBe(201);
    expect(res.body.appealId).toBe(appeal);
    const referral = (who: typeof w.staff) =>
      who.get(`/api/v1/appeals/${appeal}`).then((r) => r.body.timeline.find((e: { kind: string }) => e.kind === 'mediation'));
    for (const who of [w.staff, worker]) expect((await referral(who))?.data).toEqual({ mediationCaseId: res.body.id, mediationCaseCode: res.body.code });
    // The department handling the appeal does not learn that a confidential case exists.
    const handlerView = await w.handler.get(`/api/v1/appeals/${appeal}`);
    expect(handlerView.status).toBe(200);
    expect(handlerView.text).not.toContain(res.body.code);
    const wrong = await w.staff.post('/api/v1/mediation/cases', disputeBody({ applicantPersonId: (await w.worker()).person.id, appealId: appeal }));
    expect(wrong.body.errors[0].field).toBe('body.appealId');
  });

  it('registers a referred appeal in its author’s name when staff name no applicant, and offers the union’s mediators to accept it', async () => {
    const worker = await w.worker({ name: '孙转介' });
    const appeal = (await worker.post('/api/v1/appeals', wageAppeal())).body.id;
    const res = await w.staff.post('/api/v1/mediation/cases', disputeBody({ appealId: appeal }));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ applicantName: '孙转介', appealId: appeal });
    const options = await w.staff.get(`/api/v1/mediation/cases/${res.body.id}/mediators`);
    expect(options.body.items.map((m: { accountId: string }) => m.accountId)).toEqual(expect.arrayContaining([mediator.accountId, mediator2.accountId]));
    expect(options.body.items.map((m: { accountId: string }) => m.accountId)).not.toContain(outsider.accountId);
    expect((await outsider.get(`/api/v1/mediation/cases/${res.body.id}/mediators`)).status).toBe(404);
    expect((await worker.get(`/api/v1/mediation/cases/${res.body.id}/mediators`)).status).toBe(403);
    const list = await w.staff.get('/api/v1/mediation/cases?pageSize=5');
    expect(list.body).toMatchObject({ totalCapped: false });
    expect(list.body.total).toBeGreaterThanOrEqual(1);
  });

  it('does not refer an anonymous appeal in anyone’s name, so its author stays unknown to the committee', async () => {
    const worker = await w.worker();
    const appeal = (await worker.post('/api/v1/appeals', wageAppeal({ anonymous: true }))).body.id;
    for (const applicantPersonId of [worker.person.id, (await w.worker()).person.id]) {
      const res = await w.staff.post('/api/v1/mediation/cases', disputeBody({ applicantPersonId, appealId: appeal }));
      expect([res.status, res.body.errors?.[0].field]).toEqual([422, 'body.appealId']);
      // The refusal reads the same whether or not the named worker wrote it.
      expect(res.body.detail).toBe(
        (await w.staff.post('/api/v1/mediation/cases', disputeBody({ applicantPersonId, appealId: '01900000-0000-7000-8000-000000000000' }))).body.detail,
      );
    }
    // Without a named applicant the referral has nobody to name either.
    const unnamed = await w.staff.post('/api/v1/mediation/cases', disputeBody({ appealId: appeal }));
    expect([unnamed.status, unnamed.body.errors?.[0].field]).toEqual([422, 'body.appealId']);
    const seen = await w.staff.get(`/api/v1/appeals/${appeal}`);
    expect(seen.body.author).toBeNull();
    expect(seen.body.timeline.map((e: { kind: string }) => e.kind)).not.toContain('mediation');
    expect(
      (
        await t.db
          .selectFrom('mediation_cases' as any)
          .select('id')
          .where('appeal_id', '=', appeal)
          .execute()
      ).length,
    ).toBe(0);
  });
});

describe('indicators', () => {
  it('equal the rows of their drill-down lists', async () => {
    const team = await w.team();
    const made: string[] = [];
    for (const [i, end] of (['agree', 'agree', 'fail', 'open'] as const).entries()) {
      const worker = await w.worker({}, team);
      const id = (await worker.post('/api/v1/mediation/cases', disputeBody())).body.id;
      made.push(id);
      if (end === 'open') continue;
      await mediator.post(`/api/v1/mediation/cases/${id}/accept`, {});
      if (end === 'fail') await mediator.post(`/api/v1/mediation/cases/${id}/fail`, { reason: '不成' });
      else {
        await mediator.post(`/api/v1/mediation/cases/${id}/agreement`, agreement(1000 + i * 500));
        if (i === 0) await mediator.post(`/api/v1/mediation/cases/${id}/payments`, { paidAmount: 400, paidOn: today() });
      }
    }
    const q = { scope: { all: false, paths: [team.path] }, from: today(), to: today() };
    const figures: Record<string, Figure> = Object.fromEntries(
      await Promise.all(
        ['mediation.cases', 'mediation.successRate', 'mediation.onTimeRate', 'mediation.referred', 'mediation.amountAgreed', 'mediation.amountPaid'].map(
          async (k) => [k, await indicator(k)!.compute(t.db, q)],
        ),
      ),
    );
    expect(figures['mediation.cases']).toMatchObject({ value: 4 });
    expect(figures['mediation.successRate']).toMatchObject({ value: 0.6667, numerator: 2, denominator: 3 });
    expect(figures['mediation.onTimeRate']).toMatchObject({ value: 1, numerator: 3, denominator: 3 });
    expect(figures['mediation.referred']).toMatchObject({ value: 1 });
    expect(figures['mediation.amountAgreed']).toMatchObject({ value: 2500, unit: 'yuan', numerator: 2 });
    expect(figures['mediation.amountPaid']).toMatchObject({ value: 400 });
    for (const [key, f] of Object.entries(figures)) {
      for (const side of ['numerator', 'denominator'] as const) {
        const qs = new URLSearchParams({ ...f.drill![side], orgId: team.id, pageSize: '200' });
        const rows = (await w.chair.get(`/api/v1/mediation/cases?${qs}`)).body;
        expect(rows.total, `${key} ${side}`).toBe(f[side]);
        if (f.unit === 'yuan' && side === 'numerator') {
          const field = key === 'mediation.amountPaid' ? 'paidAmount' : 'agreedAmount';
          expect(rows.items.reduce((s: number, r: any) => s + r[field], 0)).toBe(f.value);
        }
      }
    }
  });
});

describe('time to outcome and the cuts by claim type and unit', () => {
  it('count working days across the National Day holiday, and every row opens exactly its cases in the list', async () => {
    const dept = await t.org('调解统计区队', 'department', w.prod1);
    const teamA = await t.org('统计一班', 'team', dept);
    const teamB = await t.org('统计二班', 'team', dept);
    const wages = { claims: [{ type: 'wagesOwed', description: '补发工资', amount: 5000 }] };
    const open = async (team: typeof teamA, over = {}) =>
      (await (await w.worker({}, team)).post('/api/v1/mediation/cases', disputeBody(over))).body.id as string;
    const agreed = await open(teamA);
    const pending = await open(teamA);
    const failed = await open(teamB, wages);
    const withdrawn = await open(teamB, wages);
    for (const id of [agreed, failed]) await mediator.post(`/api/v1/mediation/cases/${id}/accept`, {});
    await mediator.post(`/api/v1/mediation/cases/${agreed}/agreement`, agreement(2000));
    await mediator.post(`/api/v1/mediation/cases/${failed}/fail`, { reason: '不成' });
    await w.staff.post(`/api/v1/mediation/cases/${withdrawn}/withdraw`, { reason: '已自行协商' });
    // The dates of a past autumn, as if the cases had run then: 1–7 October are holidays, Saturday 10 October is worked.
    const dated = async (id: string, d: Record<string, string | null>) =>
      t.db
        .updateTable('mediation_cases' as any)
        .set(d)
        .where('id', '=', id)
        .execute();
    // Applied 30 Sep, closed 12 Oct: working days 8, 9, 10 (make-up), 12 Oct = 4; within 15 days of acceptance on 9 Oct.
    await dated(agreed, { applied_date: '2026-09-30', accepted_on: '2026-10-09', closed_on: '2026-10-12' });
    // Applied 28 Sep, accepted 29 Sep, failed 20 Oct (past 14 Oct): 29, 30 Sep, 8, 9, 10, 12–16, 19, 20 Oct = 12 working days.
    await dated(failed, { applied_date: '2026-09-28', accepted_on: '2026-09-29', closed_on: '2026-10-20' });
    await dated(withdrawn, { applied_date: '2026-09-29', closed_on: '2026-10-05' });
    await dated(pending, { applied_date: '2026-10-15' });
    const period = { from: '2026-09-28', to: '2026-10-31' };

    const q = { scope: { all: false, paths: [dept.path] }, ...period };
    const time = await indicator('mediation.timeToOutcome')!.compute(t.db, q);
    expect(time).toMatchObject({ value: 8, numerator: 2, denominator: 2, unit: 'workingDays' });
    const within = await indicator('mediation.within15Days')!.compute(t.db, q);
    expect(within).toMatchObject({ value: 0.5, numerator: 1, denominator: 2 });
    const listed = async (drill: Record<string, string>) => {
      const r = await w.chair.get(`/api/v1/mediation/cases?${new URLSearchParams({ orgId: dept.id, ...drill, pageSize: '200' })}`);
      expect(r.status, r.text).toBe(200);
      return r.body.items.map((c: { id: string }) => c.id).sort();
    };
    for (const f of [time, within]) for (const side of ['numerator', 'denominator'] as const) expect((await listed(f.drill![side])).length).toBe(f[side]);
    expect(await listed(within.drill!.numerator)).toEqual([agreed]);

    const r = await w.chair.get(`/api/v1/mediation/figures?from=${period.from}&to=${period.to}&orgId=${dept.id}`);
    expect(r.status, r.text).toBe(200);
    const unit = (id: string) => r.body.byUnit.find((u: { key: string }) => u.key === id);
    expect(unit(teamA.id)).toMatchObject({ label: '统计一班', cases: 2, outcomes: 1, agreed: 1, successRate: 1, within15: 1, medianWorkingDays: 4 });
    expect(unit(teamB.id)).toMatchObject({ label: '统计二班', cases: 2, outcomes: 1, agreed: 0, successRate: 0, within15: 0, medianWorkingDays: 12 });
    // The org's own row is the page's headline: the same figures as the two indicators.
    expect(r.body.total).toMatchObject({ label: '调解统计区队', cases: 4, outcomes: 2, within15: within.numerator, medianWorkingDays: time.value });
    const claim = (k: string) => r.body.byClaimType.find((c: { key: string }) => c.key === k);
    expect(claim('wagesOwed')).toMatchObject({ label: '拖欠工资', cases: 2, outcomes: 1, agreed: 0, medianWorkingDays: 12 });
    expect(claim('overtime')).toMatchObject({ label: '加班费', cases: 2, outcomes: 1, agreed: 1, medianWorkingDays: 4 });
    expect(claim('dismissal')).toMatchObject({ cases: 0, outcomes: 0, successRate: null, medianWorkingDays: null });
    for (const row of [r.body.total, ...r.body.byUnit, ...r.body.byClaimType])
      for (const k of ['cases', 'outcomes', 'agreed', 'within15'] as const) expect((await listed(row.drill[k])).length, `${row.label} ${k}`).toBe(row[k]);

    // The union side of another group, a mediator of this one and a worker learn nothing.
    expect((await outsideStaff.get(`/api/v1/mediation/figures?from=${period.from}&to=${period.to}&orgId=${dept.id}`)).status).toBe(404);
    expect((await mediator.get(`/api/v1/mediation/figures?from=${period.from}&to=${period.to}`)).status).toBe(403);
    const backwards = await w.staff.get(`/api/v1/mediation/figures?from=${period.to}&to=${period.from}`);
    expect([backwards.status, backwards.body.errors[0].field]).toEqual([422, 'query.to']);
  });
});

describe('the case list above 2 000 matches', () => {
  it('walks newest first off the applied-at index: the capped total, a page, and the cursor’s next page', async () => {
    const seed = (await w.staff.post('/api/v1/mediation/cases', disputeBody({ applicantPersonId: (await t.person(w.team1)).id }))).body.id;
    const row = await t.db
      .selectFrom('mediation_cases' as any)
      .selectAll()
      .where('id', '=', seed)
      .executeTakeFirstOrThrow();
    // Copies of one case in bulk, each a millisecond newer, so they lead the list whatever else this file wrote: registering 2 001 through the API would cost the test its budget.
    const copies = Array.from({ length: COUNT_CAP + 1 }, (_, i) => ({
      ...row,
      id: newId(),
      code: `${row.code}-${i}`,
      applied_at: new Date(Date.parse(row.applied_at) + i + 1).toISOString(),
    }));
    await t.db.transaction().execute(async (tx) => {
      for (let i = 0; i < copies.length; i += 250)
        await tx
          .insertInto('mediation_cases' as any)
          .values(copies.slice(i, i + 250))
          .execute();
    });
    const first = await w.staff.get('/api/v1/mediation/cases?pageSize=20');
    expect(first.status, first.text).toBe(200);
    expect([first.body.total, first.body.totalCapped, first.body.items.length]).toEqual([COUNT_CAP, true, 20]);
    const next = await w.staff.get(`/api/v1/mediation/cases?pageSize=20&after=${first.body.nextCursor}`);
    expect(next.status, next.text).toBe(200);
    const ids = [...first.body.items, ...next.body.items].map((c: { id: string }) => c.id);
    expect(ids).toEqual(
      copies
        .slice(-40)
        .reverse()
        .map((c) => c.id),
    );
  });
});
