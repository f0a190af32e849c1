import { beforeAll, describe, expect, it } from 'vitest';
import { sql, type Kysely } from 'kysely';
import { useTestApp } from '../../../test/app.js';
import { systemContext } from '../../core/context.js';
import { invalidateCalendar } from '../../core/calendar/calendar.js';
import { SubmitAppealBody } from '../../../common/schemas/appeals.js';
import { actorOf, shanghai, useAppealsWorld, wageAppeal } from './appeals.testkit.js';
import * as service from './appeals.service.js';
import { dashboard } from './appeals.dashboard.js';
import { adb } from './appeals.tables.js';
import * as migration from './migrations/20261126_0900_appeal_cells.js';
import * as attribution from './migrations/20261207_0430_appeals_attribution.js';
import * as closure from './migrations/20261207_0900_appeals_cells_closure.js';
import * as answerLate from './migrations/20261207_1210_appeals_answer_late.js';
import * as eventsToCore from './migrations/20261208_1151_appeals_events_to_core.js';

const t = useTestApp();
const w = useAppealsWorld(t, beforeAll);
const ctx = systemContext();
const NOW = shanghai('2026-10-20');

/** The recorded times and every cell table's rows holding something (the triggers leave emptied cells at zero; a rebuild makes none). */
const snapshot = async () => {
  const out: Record<string, unknown[]> = {
    tenths: await adb(t.db)
      .selectFrom('appeals')
      .select(['id', 'accept_work_tenths', 'first_answer_department_id', 'rated_department_id', 'last_answer_late'])
      .orderBy('id')
      .execute(),
  };
  for (const { table, key } of [...migration.COUNT_TABLES, ...migration.ACCEPTANCE_TABLES]) {
    out[table] = await (t.db as Kysely<any>)
      .selectFrom(table)
      .selectAll()
      .where(table.startsWith('appeal_acceptance') ? 'n' : 'total', '>', 0)
      .orderBy(key)
      .execute();
  }
  return out;
};

describe('the appeal cells migration', () => {
  it('fills the cells and the recorded acceptance times of a database that already holds appeals, and keeps them after', async () => {
    const staff = await actorOf(t.db, w.staff.accountId);
    const handler = await actorOf(t.db, w.handler.accountId);
    const workers = [await w.worker(), await w.worker({ employment_category: 'migrant' }, w.team2)];
    const ids: string[] = [];
    for (const [i, [day, time]] of (
      [
        ['2026-09-11', '18:00'],
        ['2026-09-14', '10:00'],
        ['2026-09-15', '11:00'],
        ['2026-10-09', '09:00'],
        ['2026-10-10', '09:00'],
      ] as const
    ).entries()) {
      const author = await actorOf(t.db, workers[i % 2].accountId);
      ids.push(
        await t.db
          .transaction()
          .execute((tx) =>
            service.createInTx(tx, ctx, author, SubmitAppealBody.parse(wageAppeal({ title: `诉求${i}`, description: `情况${i}` })), shanghai(day, time)),
          ),
      );
    }
    // Fri 18:00 → Mon 09:00: 6 + 9 working hours.
    await service.accept(t.db, ctx, staff, ids[0], {}, shanghai('2026-09-14', '09:00'));
    await service.assign(t.db, ctx, staff, ids[0], { departmentId: w.prod1.id }, shanghai('2026-09-14', '10:00'));
    await service.answer(t.db, ctx, handler, ids[0], { answer: '已补发' }, shanghai('2026-09-15', '10:00'));
    await service.rate(t.db, ctx, await actorOf(t.db, workers[0].accountId), ids[0], { rating: 'satisfied', reopen: false }, shanghai('2026-09-16', '10:00'));
    await service.accept(t.db, ctx, staff, ids[1], {}, shanghai('2026-09-14', '12:30'));
    await service.accept(t.db, ctx, staff, ids[2], {}, shanghai('2026-09-15', '11:06'));
    await service.merge(t.db, ctx, staff, ids[1], { duplicateIds: [ids[2]] }, shanghai('2026-09-16'));
    await service.decline(t.db, ctx, staff, ids[3], { reason: 'outOfScope', explanation: '不属于受理范围' }, shanghai('2026-10-09', '10:00'));
    // Answered by 生产部, reopened, reassigned to 机电部: the backfill finds 生产部 in the history.
    const worker0 = await actorOf(t.db, workers[0].accountId);
    const reopened = await t.db
      .transaction()
      .execute((tx) =>
        service.createInTx(tx, ctx, worker0, SubmitAppealBody.parse(wageAppeal({ title: '补贴', description: '补贴少发' })), shanghai('2026-10-12', '09:00')),
      );
    await service.accept(t.db, ctx, staff, reopened, {}, shanghai('2026-10-12', '10:00'));
    await service.assign(t.db, ctx, staff, reopened, { departmentId: w.prod1.id }, shanghai('2026-10-12', '11:00'));
    // 生产部 answers after its deadline; after the reopen, the next round is answered on time.
    await adb(t.db).updateTable('appeals').set({ due_date: '2026-10-12' }).where('id', '=', reopened).execute();
    await service.answer(t.db, ctx, handler, reopened, { answer: '已核实' }, shanghai('2026-10-13', '10:00'));
    await service.rate(t.db, ctx, worker0, reopened, { rating: 'unsatisfied', reopen: true }, shanghai('2026-10-14', '10:00'));
    await service.assign(t.db, ctx, staff, reopened, { departmentId: w.elec1.id }, shanghai('2026-10-14', '11:00'));
    await service.answer(t.db, ctx, staff, reopened, { answer: '已补发' }, shanghai('2026-10-15', '10:00'));

    const before = await snapshot();
    const tenths = new Map((before.tenths as { id: string; accept_work_tenths: number | null }[]).map((r) => [r.id, r.accept_work_tenths]));
    expect(tenths.get(ids[0])).toBe(150);
    expect(tenths.get(ids[2])).toBe(1); // 6 minutes
    expect(tenths.get(ids[3])).toBeNull(); // declined, never accepted
    expect((before.tenths as any[]).find((r) => r.id === reopened)).toMatchObject({
      first_answer_department_id: w.prod1.id,
      rated_department_id: w.prod1.id,
      last_answer_late: 0,
    });
    // The backfill must read the latest round from the history: the appeal itself stays late.
    expect(await adb(t.db).selectFrom('appeals').select('late').where('id', '=', reopened).executeTakeFirst()).toEqual({ late: 1 });
    expect(before.appeal_cells.length).toBeGreaterThan(0);
    expect(before.appeal_acceptance_hours).toHaveLength(3); // hours 2 and 15 in September, 1 in October; the merged one is left out
    const dash = await dashboard(t.db, staff, { orgId: w.group.id, from: '2026-09-01', to: '2026-10-31' }, NOW, 'cells');
    expect(dash.indicators.acceptanceHours).toMatchObject({ value: 2.5, numerator: 3 }); // 10, 25, 150 tenths: the middle one; the merged one is left out

    // Each down() leaves the cells of the migration before it: the other columns as they were, its own gone.
    const without = (rows: unknown[], added: string[]) =>
      (rows as Record<string, unknown>[]).map((r) => Object.fromEntries(Object.entries(r).filter(([k]) => !added.includes(k))));
    // The backfills below read the history from appeals' own events table, as it was when they were written.
    await eventsToCore.down(t.db as Kysely<any>);
    await answerLate.down(t.db as Kysely<any>);
    const lastAdded = answerLate.ADDED.map(([column]) => column);
    let down = await snapshot().catch((e) => e);
    // The appeal's column is gone with its cells.
    expect(String(down)).toMatch(/last_answer_late/);
    const cellsOnly = async () => {
      const out: Record<string, unknown[]> = {};
      for (const { table, key } of migration.COUNT_TABLES)
        out[table] = await (t.db as Kysely<any>).selectFrom(table).selectAll().where('total', '>', 0).orderBy(key).execute();
      return out;
    };
    down = await cellsOnly();
    for (const { table } of answerLate.COUNT_TABLES) {
      expect(Object.keys((down[table] as object[])[0])).not.toContain('closed_last_on_time');
      expect(down[table]).toEqual(without(before[table], lastAdded));
    }
    await closure.down(t.db as Kysely<any>);
    const added = [...lastAdded, ...closure.ADDED.map(([column]) => column)];
    down = await cellsOnly();
    for (const { table } of closure.COUNT_TABLES) {
      expect(Object.keys((down[table] as object[])[0])).not.toContain('closed');
      expect(down[table]).toEqual(without(before[table], added));
    }
    await attribution.down(t.db as Kysely<any>);
    await migration.down(t.db as Kysely<any>);
    expect(await adb(t.db).selectFrom('appeals').select('id').where('id', 'in', ids).execute()).toHaveLength(ids.length);
    // As at a server's start: no calendar in memory yet, so the backfill has to read it.
    invalidateCalendar(t.db);
    await migration.up(t.db as Kysely<any>);
    await attribution.up(t.db as Kysely<any>);
    await closure.up(t.db as Kysely<any>);
    await answerLate.up(t.db as Kysely<any>);
    await eventsToCore.up(t.db as Kysely<any>);

    expect(await snapshot()).toEqual(before);
    expect(await dashboard(t.db, staff, { orgId: w.group.id, from: '2026-09-01', to: '2026-10-31' }, NOW, 'cells')).toEqual(dash);

    // The triggers are back: the next acceptance reaches the cells.
    await service.accept(t.db, ctx, staff, ids[4], {}, shanghai('2026-10-12', '09:00'));
    const after = await dashboard(t.db, staff, { orgId: w.group.id, from: '2026-09-01', to: '2026-10-31' }, NOW, 'cells');
    expect(after.indicators.acceptanceHours.numerator).toBe(4);
    expect(after).toEqual(await dashboard(t.db, staff, { orgId: w.group.id, from: '2026-09-01', to: '2026-10-31' }, NOW, 'rows'));
    // Four migrations down and up again, each recounting the cells: more than the default 30 s on a loaded 2-core machine.
  }, 120_000);
});

describe('the move of the appeal timeline into core (20261208_1151)', () => {
  const any = () => t.db as Kysely<any>;
  const appealEventsExist = async () => (await t.db.introspection.getTables()).some((x) => x.name === 'appeal_events');

  it('moves appeal_events rows into entity_events: the same timeline for staff and the author, still no actor for an anonymous author, once', async () => {
    const staff = await actorOf(t.db, w.staff.accountId);
    const handler = await actorOf(t.db, w.handler.accountId);
    const author = await actorOf(t.db, (await w.worker()).accountId);
    const id = await t.db
      .transaction()
      .execute((tx) =>
        service.createInTx(tx, ctx, author, SubmitAppealBody.parse(wageAppeal({ title: '匿名反映', anonymous: true })), shanghai('2026-10-19', '09:00')),
      );
    await service.accept(t.db, ctx, staff, id, { note: '受理' }, shanghai('2026-10-19', '10:00'));
    await service.assign(t.db, ctx, staff, id, { departmentId: w.prod1.id }, shanghai('2026-10-19', '11:00'));
    await service.requestExtension(t.db, ctx, handler, id, { days: 2, reason: '需要核实' }, shanghai('2026-10-19', '12:00'));
    await service.answer(t.db, ctx, handler, id, { answer: '已核实补发' }, shanghai('2026-10-20', '10:00'));
    await service.rate(t.db, ctx, author, id, { rating: 'satisfied', comment: '谢谢', reopen: false }, shanghai('2026-10-20', '11:00'));
    const views = async () => Promise.all([staff, author].map(async (a) => (await service.get(t.db, a, id, 'zh-CN')).timeline));
    const before = await views();
    expect(before[0].map((e) => e.kind)).toEqual(['submitted', 'accepted', 'assigned', 'extensionRequested', 'answered', 'rated', 'closed']);
    expect(before[1].map((e) => e.kind)).not.toContain('extensionRequested');

    // Back to the old table: the rows as the appeals module wrote them before, the author's without an account.
    await eventsToCore.down(any());
    const old = await any().selectFrom('appeal_events').selectAll().where('appeal_id', '=', id).orderBy('at').orderBy('id').execute();
    expect(old.map((r) => [r.kind, r.actor_label, r.actor_account_id === null])).toEqual([
      ['submitted', 'author', true],
      ['accepted', 'staff', false],
      ['assigned', 'staff', false],
      ['extensionRequested', 'handler', false],
      ['answered', 'handler', false],
      ['rated', 'author', true],
      ['closed', 'author', true],
    ]);
    expect(await t.db.selectFrom('entity_events').select('id').where('kind', '=', 'appeals.appeal').execute()).toEqual([]);

    // A move cut short after copying one row: running it again copies each row once and drops the old table.
    await sql`insert into entity_events (id, kind, entity_id, event, actor_account_id, data, at, note, internal, actor_role)
      select id, 'appeals.appeal', appeal_id, kind, actor_account_id, data, at, note, internal, actor_label from appeal_events where id = ${old[0].id}`.execute(
      t.db,
    );
    await eventsToCore.up(any());
    expect(await appealEventsExist()).toBe(false);
    const moved = await t.db
      .selectFrom('entity_events')
      .select(['id', 'actor_account_id'])
      .where('kind', '=', 'appeals.appeal')
      .where('entity_id', '=', id)
      .execute();
    expect(moved.map((r) => r.id).sort()).toEqual(old.map((r) => r.id).sort());
    expect(moved.filter((r) => r.actor_account_id !== null)).toHaveLength(4);
    expect(await views()).toEqual(before);
    // Nothing left to move: a second run is a no-op.
    await eventsToCore.up(any());
    expect(await views()).toEqual(before);
  });
});
