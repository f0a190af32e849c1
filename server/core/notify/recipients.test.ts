import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app.js';
import { holdersOf, notifyOnce } from './index.js';

const t = useTestApp();

describe('holdersOf', () => {
  it('finds a chair granted at an ancestor and not one in a sibling org, nor a sysAdmin unless asked', async () => {
    const group = await t.org('集团');
    const mineA = await t.org('一矿', 'mine', group);
    const team = await t.org('综采一队', 'team', mineA);
    const mineB = await t.org('二矿', 'mine', group);
    const chairA = await t.user([{ role: 'unionChair', org: mineA }]);
    const staffTeam = await t.user([{ role: 'unionStaff', org: team }]);
    await t.user([{ role: 'unionChair', org: mineB }]);
    const admin = await t.user([{ role: 'sysAdmin', org: null }]);
    await t.user([{ role: 'worker', org: team }]);

    expect(await holdersOf(t.db, ['unionChair'], team.path)).toEqual([{ accountId: chairA.accountId, role: 'unionChair', orgPath: mineA.path }]);
    const both = await holdersOf(t.db, ['unionChair', 'unionStaff'], team.path);
    expect(both.map((h) => h.accountId).sort()).toEqual([chairA.accountId, staffTeam.accountId].sort());
    // A grant below the record's org does not reach up to it.
    expect(await holdersOf(t.db, ['unionStaff'], mineA.path)).toEqual([]);
    expect((await holdersOf(t.db, ['unionChair', 'sysAdmin'], team.path)).filter((h) => h.role === 'sysAdmin').map((h) => h.accountId)).toContain(
      admin.accountId,
    );
    expect((await holdersOf(t.db, ['unionChair'], team.path)).map((h) => h.accountId)).not.toContain(admin.accountId);
  });
});

describe('notifyOnce', () => {
  const notice = (accountIds: string[]) => ({ accountIds, kind: 'kitProbe.due', title: '事项将于 3 个工作日后到期', body: '请及时办理' });
  const inbox = async (who: Awaited<ReturnType<typeof t.user>>) => (await who.get('/api/v1/notifications')).body.items.map((n: any) => n.title);

  it('sends a key once when called twice', async () => {
    const who = await t.user([]);
    const key = `kitProbe.due:${who.accountId}:3`;
    expect(await t.db.transaction().execute((tx) => notifyOnce(tx, key, notice([who.accountId])))).toBe(true);
    expect(await t.db.transaction().execute((tx) => notifyOnce(tx, key, notice([who.accountId])))).toBe(false);
    expect(await inbox(who)).toEqual(['事项将于 3 个工作日后到期']);
    // Another key (a new deadline) is a new notice.
    expect(await t.db.transaction().execute((tx) => notifyOnce(tx, `${key}:b`, notice([who.accountId])))).toBe(true);
    expect(await inbox(who)).toHaveLength(2);
  });

  it('sends one notice from two concurrent transactions, and a claim rolled back frees its key', async () => {
    const who = await t.user([]);
    const key = `kitProbe.due:${who.accountId}:1`;
    const sent = await Promise.all([0, 1].map(() => t.db.transaction().execute((tx) => notifyOnce(tx, key, notice([who.accountId])))));
    expect(sent.sort()).toEqual([false, true]);
    expect(await inbox(who)).toHaveLength(1);

    const fresh = `kitProbe.due:${who.accountId}:0`;
    await t.db
      .transaction()
      .execute(async (tx) => {
        await notifyOnce(tx, fresh, notice([who.accountId]));
        throw new Error('the sweep failed after claiming');
      })
      .catch(() => undefined);
    expect(await t.db.transaction().execute((tx) => notifyOnce(tx, fresh, notice([who.accountId])))).toBe(true);
    expect(await inbox(who)).toHaveLength(2);
  });
});
