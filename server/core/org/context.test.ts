import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app.js';
import { z } from 'zod';
import { orgContext, resolveAlong } from './context.js';
import { orgSettings, type DefinedAt } from './settings.js';

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

describe('orgSettings', () => {
  it('resolves each key at its nearest definition on the chain, never a sibling’s, else the default; reads once per transaction', async () => {
    const group = await t.org('集团');
    const mine = await t.org('三矿', 'mine', group);
    const team = await t.org('掘进一队', 'team', mine);
    const sibling = await t.org('掘进二队', 'team', mine);
    const schema = z.object({
      reopenLimit: z.number().int().min(0).default(1),
      windowDays: z.number().int().min(1).default(30),
      notify: z.boolean().default(false),
    });
    type S = z.infer<typeof schema>;
    // The module's table, as its read gives it: the group sets two keys, the mine overrides one, a sibling team sets all.
    const table: DefinedAt<S>[] = [
      { org_id: group.id, reopenLimit: 3, windowDays: 60 },
      { org_id: mine.id, reopenLimit: 2, windowDays: null },
      { org_id: sibling.id, reopenLimit: 0, windowDays: 7, notify: true },
    ];
    let reads = 0;
    const settings = orgSettings('kitProbe.settings', schema, async (_db, ids) => (reads++, table.filter((r) => ids.includes(r.org_id))));
    // The team defines nothing itself: the mine's reopen limit, the group's window, the default switch — not its sibling's.
    expect(await settings.at(t.db, team.path)).toEqual({ reopenLimit: 2, windowDays: 60, notify: false, definedAt: mine.id });
    expect(await settings.at(t.db, group.path)).toEqual({ reopenLimit: 3, windowDays: 60, notify: false, definedAt: group.id });
    expect(await settings.at(t.db, sibling.path)).toEqual({ reopenLimit: 0, windowDays: 7, notify: true, definedAt: sibling.id });
    const other = await t.org('另一集团');
    expect(await settings.at(t.db, other.path)).toEqual({ reopenLimit: 1, windowDays: 30, notify: false, definedAt: null });
    reads = 0;
    await t.db.transaction().execute(async (tx) => {
      await settings.at(tx, team.path);
      await settings.at(tx, team.path);
    });
    expect(reads).toBe(1);
    // A stored value the schema refuses is an error, not a silent default.
    table.push({ org_id: team.id, windowDays: 0 });
    await expect(settings.at(t.db, team.path)).rejects.toThrow();
  });
});
