import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app.js';
import { systemContext } from '../../core/context.js';
import { SubmitAppealBody } from '../../../common/schemas/appeals.js';
import { actorOf, shanghai, useAppealsWorld, wageAppeal } from './appeals.testkit.js';
import * as service from './appeals.service.js';
import { sweepDeadlines } from './appeals.jobs.js';

const t = useTestApp();
const w = useAppealsWorld(t, beforeAll);

/** An appeal accepted on Wed 30 Sep 2026 and assigned to 一号矿/生产部: due Tue 13 Oct. */
async function assignedAppeal() {
  return (await assignedAppealOf()).id;
}

async function assignedAppealOf() {
  const worker = await w.worker();
  const staff = await actorOf(t.db, w.staff.accountId);
  const author = await actorOf(t.db, worker.accountId);
  const id = await t.db
    .transaction()
    .execute((tx) => service.createInTx(tx, systemContext(), author, SubmitAppealBody.parse(wageAppeal()), shanghai('2026-09-30', '09:00')));
  await service.accept(t.db, systemContext(), staff, id, {}, shanghai('2026-09-30', '10:00'));
  await service.assign(t.db, systemContext(), staff, id, { departmentId: w.prod1.id }, shanghai('2026-09-30', '11:00'));
  return { id, author, staff, handler: await actorOf(t.db, w.handler.accountId) };
}

const notices = (accountId: string, id: string) =>
  t.db
    .selectFrom('notifications')
    .select(['kind', 'body'])
    .where('account_id', '=', accountId)
    .where('link', '=', `/appeals/${id}`)
    .orderBy('created_at')
    .execute();

describe('the deadline sweep', () => {
  it('reminds the handler 3, 1 and 0 working days ahead, once each, across the make-up Saturday', async () => {
    const id = await assignedAppeal();
    const kinds = async () => (await notices(w.handler.accountId, id)).map((n) => n.kind).filter((k) => k !== 'appeal.assigned');
    await sweepDeadlines(t.db, shanghai('2026-10-08', '08:00')); // 4 working days left: nothing yet
    expect(await kinds()).toEqual([]);
    await sweepDeadlines(t.db, shanghai('2026-10-09', '08:00')); // Sat 10, Mon 12, Tue 13 left
    await sweepDeadlines(t.db, shanghai('2026-10-09', '16:00'));
    await sweepDeadlines(t.db, shanghai('2026-10-10', '08:00')); // two left: the 3-day reminder is already out
    expect(await kinds()).toEqual(['appeal.reminder']);
    expect((await notices(w.handler.accountId, id)).at(-1)!.body).toBe('距办理期限 2026-10-13 还有 3 个工作日');
    await sweepDeadlines(t.db, shanghai('2026-10-12', '08:00'));
    await sweepDeadlines(t.db, shanghai('2026-10-13', '08:00'));
    await sweepDeadlines(t.db, shanghai('2026-10-13', '17:00'));
    expect(await kinds()).toEqual(['appeal.reminder', 'appeal.reminder', 'appeal.dueToday']);
  });

  it('marks an overdue appeal and escalates it to the chair exactly once, however often and wherever it runs', async () => {
    const id = await assignedAppeal();
    const after = shanghai('2026-10-14', '00:10');
    // Two instances at the same moment, then a later tick.
    await Promise.all([sweepDeadlines(t.db, after), sweepDeadlines(t.db, after)]);
    await sweepDeadlines(t.db, shanghai('2026-10-14', '09:00'));
    const chair = (await notices(w.chair.accountId, id)).filter((n) => n.kind === 'appeal.overdue');
    expect(chair).toHaveLength(1);
    expect(chair[0].body).toBe('办理期限 2026-10-13 已过，请督办');
    expect((await notices(w.handler.accountId, id)).filter((n) => n.kind === 'appeal.overdue')).toHaveLength(1);
    const staff = await actorOf(t.db, w.staff.accountId);
    const seen = await service.get(t.db, staff, id, 'zh-CN');
    expect(seen.late).toBe(true);
    expect(seen.timeline.filter((e) => e.kind === 'overdue')).toHaveLength(1);
  });

  it('runs once per tick through the scheduler, and a second tick sends nothing new', async () => {
    const id = await assignedAppeal();
    const scheduler = t.app.deps.scheduler;
    const at = shanghai('2026-10-20', '09:00');
    expect(await scheduler.runOnce('appeals.deadlines', at)).toBe(true);
    expect(await scheduler.runOnce('appeals.deadlines', at)).toBe(false);
    expect(await scheduler.runOnce('appeals.deadlines', new Date(at.getTime() + 20 * 60_000))).toBe(true);
    expect((await notices(w.chair.accountId, id)).filter((n) => n.kind === 'appeal.overdue')).toHaveLength(1);
  });

  it('warns handlers again for a new deadline after an approved extension', async () => {
    const id = await assignedAppeal();
    await sweepDeadlines(t.db, shanghai('2026-10-13', '08:00'));
    const handler = await actorOf(t.db, w.handler.accountId);
    const staff = await actorOf(t.db, w.staff.accountId);
    await service.requestExtension(t.db, systemContext(), handler, id, { days: 3, reason: '等待财务数据' }, shanghai('2026-10-13', '09:00'));
    const ext = (await service.get(t.db, staff, id, 'zh-CN')).extensions[0];
    await service.decideExtension(t.db, systemContext(), staff, id, ext.id, true, {}, shanghai('2026-10-13', '10:00'));
    expect((await service.get(t.db, staff, id, 'zh-CN')).answerDeadline).toBe('2026-10-16');
    await sweepDeadlines(t.db, shanghai('2026-10-14', '08:00')); // no longer overdue: 3 left
    await sweepDeadlines(t.db, shanghai('2026-10-16', '08:00'));
    const kinds = (await notices(w.handler.accountId, id)).map((n) => n.kind);
    expect(kinds.filter((k) => k === 'appeal.dueToday')).toHaveLength(2);
    expect(kinds).not.toContain('appeal.overdue');
  });
});

describe('lateness once incurred', () => {
  it('refuses an extension requested or approved after the deadline, and the late answer stays late', async () => {
    const { id, staff, handler } = await assignedAppealOf();
    // Asked for on the deadline day, in time; not decided until the day after.
    await service.requestExtension(t.db, systemContext(), handler, id, { days: 3, reason: '等待财务数据' }, shanghai('2026-10-13', '09:00'));
    await sweepDeadlines(t.db, shanghai('2026-10-14', '08:00'));
    const ext = (await service.get(t.db, staff, id, 'zh-CN')).extensions[0];
    const approve = service.decideExtension(t.db, systemContext(), staff, id, ext.id, true, {}, shanghai('2026-10-14', '10:00'));
    await expect(approve).rejects.toMatchObject({ status: 409, messageKey: 'appeals.pastDeadline' });
    const late = service.requestExtension(t.db, systemContext(), handler, id, { days: 3, reason: '再等等' }, shanghai('2026-10-14', '10:00'));
    await expect(late).rejects.toMatchObject({ status: 409 });
    // Rejecting is still possible; the deadline stands and the answer counts late.
    await service.decideExtension(t.db, systemContext(), staff, id, ext.id, false, {}, shanghai('2026-10-14', '10:30'));
    await service.answer(t.db, systemContext(), handler, id, { answer: '已补发' }, shanghai('2026-10-15', '09:00'));
    const seen = await service.get(t.db, staff, id, 'zh-CN');
    expect(seen.answerDeadline).toBe('2026-10-13');
    expect(seen.late).toBe(true);
  });

  it('keeps the first round’s lateness after a reopen answered in time', async () => {
    const { id, author, staff, handler } = await assignedAppealOf();
    await service.answer(t.db, systemContext(), handler, id, { answer: '已核实' }, shanghai('2026-10-15', '09:00'));
    await service.rate(t.db, systemContext(), author, id, { rating: 'unsatisfied', reopen: true }, shanghai('2026-10-15', '12:00'));
    const reopened = await service.get(t.db, staff, id, 'zh-CN');
    expect(reopened.late).toBe(true);
    await service.answer(t.db, systemContext(), handler, id, { answer: '已补发差额' }, shanghai('2026-10-16', '09:00'));
    const seen = await service.get(t.db, staff, id, 'zh-CN');
    expect(seen.late).toBe(true);
    // The history keeps each round's own lateness: the first round late, the reopened round answered in time.
    expect(seen.timeline.filter((e) => e.kind === 'answered').map((e) => e.data)).toEqual([{ late: true }, { late: false, round: 2 }]);
  });

  it('marks late only the round that missed its deadline when a reopened round is answered late', async () => {
    const { id, author, staff, handler } = await assignedAppealOf();
    await service.answer(t.db, systemContext(), handler, id, { answer: '已核实' }, shanghai('2026-10-12', '09:00'));
    expect((await service.get(t.db, staff, id, 'zh-CN')).late).toBe(false);
    await service.rate(t.db, systemContext(), author, id, { rating: 'unsatisfied', reopen: true }, shanghai('2026-10-12', '12:00'));
    const reopened = await service.get(t.db, staff, id, 'zh-CN');
    await service.answer(t.db, systemContext(), handler, id, { answer: '已补发差额' }, shanghai('2026-12-31', '09:00'));
    const seen = await service.get(t.db, staff, id, 'zh-CN');
    expect(reopened.answerDeadline! < '2026-12-31').toBe(true);
    expect(seen.late).toBe(true);
    expect(seen.timeline.filter((e) => e.kind === 'answered').map((e) => e.data)).toEqual([{ late: false }, { late: true, round: 2 }]);
  });
});
