import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app.js';
import { systemContext } from '../../core/context.js';
import { WorkCalendar } from '../../core/calendar/calendar.js';
import { actorOf, shanghai, useAppealsWorld, wageAppeal } from './appeals.testkit.js';
import * as service from './appeals.service.js';
import { lightOf } from './deadlines.js';
import { SubmitAppealBody } from '../../../common/schemas/appeals.js';
import { workingHours } from './appeals.indicators.js';

const t = useTestApp();
const w = useAppealsWorld(t, beforeAll);

async function createAt(at: Date, over: Record<string, unknown> = {}) {
  const worker = await w.worker();
  const actor = await actorOf(t.db, worker.accountId);
  const id = await t.db.transaction().execute((tx) => service.createInTx(tx, systemContext(), actor, SubmitAppealBody.parse(wageAppeal(over)), at));
  return { id, worker };
}

describe('deadlines in working days across the 2026 National Day holiday', () => {
  it('gives an appeal accepted on Wed 30 Sep a 5-working-day deadline of Tue 13 Oct', async () => {
    // By hand: 1–7 Oct are holidays; Thu 8 (1), Fri 9 (2), Sat 10 — a make-up workday — (3), Mon 12 (4), Tue 13 (5).
    const { id } = await createAt(shanghai('2026-09-30', '09:00'));
    const staff = await actorOf(t.db, w.staff.accountId);
    const submitted = await service.get(t.db, staff, id, 'zh-CN');
    expect(submitted.acceptDeadline).toBe('2026-10-08');
    await service.accept(t.db, systemContext(), staff, id, { urgency: 'general' }, shanghai('2026-09-30', '15:00'));
    const accepted = await service.get(t.db, staff, id, 'zh-CN');
    expect(accepted.answerDeadline).toBe('2026-10-13');
    expect(accepted.deadline).toBe('2026-10-13');
  });

  it('uses the consultation and urgency columns of the table', async () => {
    const staff = await actorOf(t.db, w.staff.accountId);
    const consult = await createAt(shanghai('2026-09-30'), { nature: 'consultation' });
    await service.accept(t.db, systemContext(), staff, consult.id, {}, shanghai('2026-09-30', '16:00'));
    expect((await service.get(t.db, staff, consult.id, 'zh-CN')).answerDeadline).toBe('2026-10-09');
    const urgent = await createAt(shanghai('2026-09-30'));
    await service.accept(t.db, systemContext(), staff, urgent.id, { urgency: 'urgent' }, shanghai('2026-09-30', '16:00'));
    // Urgent requests: 3 working days → the make-up Saturday.
    expect((await service.get(t.db, staff, urgent.id, 'zh-CN')).answerDeadline).toBe('2026-10-10');
  });

  it('counts an answer late only after the end of the deadline day (Shanghai time)', async () => {
    const staff = await actorOf(t.db, w.staff.accountId);
    for (const [time, day, late] of [
      ['23:59', '2026-10-13', false],
      ['00:30', '2026-10-14', true],
    ] as const) {
      const { id } = await createAt(shanghai('2026-09-30'));
      await service.accept(t.db, systemContext(), staff, id, {}, shanghai('2026-09-30', '11:00'));
      await service.answer(t.db, systemContext(), staff, id, { answer: '已答复' }, shanghai(day, time));
      expect((await service.get(t.db, staff, id, 'zh-CN')).late).toBe(late);
    }
  });
});

describe('deadlines that rest on a year whose holidays are not published', () => {
  it('flags the deadline as provisional while it crosses into 2027, and not once the stage ends in 2026', async () => {
    const staff = await actorOf(t.db, w.staff.accountId);
    // Submitted Wed 23 Dec 2026: the accept deadline is inside 2026 (published) — not provisional.
    const early = await createAt(shanghai('2026-12-23', '09:00'));
    const before = await service.get(t.db, staff, early.id, 'zh-CN');
    expect(before.acceptDeadline < '2027-01-01').toBe(true);
    expect(before.deadlineProvisional).toBe(false);
    // Accepted Mon 28 Dec: 5 working days run through 1 Jan 2027 (元旦 by the statutory rules, not yet published).
    await service.accept(t.db, systemContext(), staff, early.id, { urgency: 'general' }, shanghai('2026-12-28', '10:00'));
    const accepted = await service.get(t.db, staff, early.id, 'zh-CN');
    expect(accepted.answerDeadline).toBe('2027-01-05');
    expect(accepted.deadlineProvisional).toBe(true);
    // Answered: no current deadline, nothing to flag.
    await service.answer(t.db, systemContext(), staff, early.id, { answer: '已答复' }, shanghai('2026-12-30', '10:00'));
    expect((await service.get(t.db, staff, early.id, 'zh-CN')).deadlineProvisional).toBe(false);
  });
});

describe('红黄灯', () => {
  const cal = new WorkCalendar([]);
  const clockAt = (today: string) => ({ today, soon: cal.addWorkingDays(today, 2) });

  it('is green with more than one working day left, yellow with one or none, red once the day has passed', () => {
    expect(lightOf('2026-10-13', clockAt('2026-10-09'))).toBe('green'); // Sat 10 and Mon 12 are still ahead
    expect(lightOf('2026-10-13', clockAt('2026-10-10'))).toBe('green'); // 12 and 13 left
    expect(lightOf('2026-10-13', clockAt('2026-10-12'))).toBe('yellow'); // only 13 left
    expect(lightOf('2026-10-13', clockAt('2026-10-13'))).toBe('yellow'); // due today
    expect(lightOf('2026-10-13', clockAt('2026-10-14'))).toBe('red');
    // Over the holiday: on 30 Sep, 8 Oct is the next working day.
    expect(lightOf('2026-10-08', clockAt('2026-09-30'))).toBe('yellow');
    expect(lightOf(null, clockAt('2026-09-30'))).toBeNull();
  });
});

describe('working hours', () => {
  const cal = new WorkCalendar([]);

  it('counts only hours that fall on working days', () => {
    // Friday 18:00 → Monday 09:00: 6 h of Friday + 9 h of Monday.
    expect(workingHours(cal, shanghai('2026-11-06', '18:00').toISOString(), shanghai('2026-11-09', '09:00').toISOString())).toBe(15);
    // Over the whole National Day holiday: 30 Sep 20:00 → 8 Oct 08:00 is 4 h + 8 h.
    expect(workingHours(cal, shanghai('2026-09-30', '20:00').toISOString(), shanghai('2026-10-08', '08:00').toISOString())).toBe(12);
    expect(workingHours(cal, shanghai('2026-10-02').toISOString(), shanghai('2026-10-03').toISOString())).toBe(0);
  });
});
