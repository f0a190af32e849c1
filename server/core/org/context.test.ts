import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app.js';
import { orgContext, resolveAlong } from './context.js';

const t = useTestApp();

describe('orgContext', () => {
  it('gives the chain root first, the nearest node of a kind, and the ancestors from the same read', async () => {
    const group = await t.org('集团');
    const mine = await t.org('一矿', 'mine', group);
    const team = await t.org('综采一队', 'team', mine);
    await t.db.transaction().execute(async (tx) => {
      const c = (await orgContext(tx, team.path))!;
      expect(c.chain.map((o) => o.name)).toEqual(['集团', '一矿', '综采一队']);
      expect(c.nearest((o) => o.kind === 'mine')?.id).toBe(mine.id);
      // The mine's context is a prefix of the team's: the same transaction asks again and gets it without a second read.
      const m = (await orgContext(tx, mine.path))!;
      expect(m.org.id).toBe(mine.id);
      expect(m.chain.map((o) => o.id)).toEqual([group.id, mine.id]);
      expect(await orgContext(tx, team.path)).toBe(c);
    });
    expect(await orgContext(t.db, `${team.path}missing/`)).toBeUndefined();
  });

  it('memoises a value within one transaction and reads it afresh in the next', async () => {
    const group = await t.org('集团');
    const mine = await t.org('二矿', 'mine', group);
    let loads = 0;
    const load = async (ids: string[]) => (loads++, ids.length);
    await t.db.transaction().execute(async (tx) => {
      expect(await resolveAlong(tx, mine.path, 'kitProbe.depth', load)).toBe(2);
      expect(await resolveAlong(tx, mine.path, 'kitProbe.depth', load)).toBe(2);
    });
    expect(loads).toBe(1);
    await t.db.transaction().execute((tx) => resolveAlong(tx, mine.path, 'kitProbe.depth', load));
    // Outside a transaction nothing is kept: another request's change is seen at once.
    await resolveAlong(t.db, mine.path, 'kitProbe.depth', load);
    await resolveAlong(t.db, mine.path, 'kitProbe.depth', load);
    expect(loads).toBe(4);
  });
});
