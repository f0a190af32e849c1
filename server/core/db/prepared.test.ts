import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/db.js';
import type { Database } from './database.js';
import { insertRow, prepared } from './prepared.js';

let database: Database & { dispose(): Promise<void> };
const at = '2026-11-25T08:00:00.000Z';
const org = (id: string, name: string, sort = 0) => ({
  id,
  parent_id: null,
  path: `/${id}/`,
  depth: 0,
  kind: 'group',
  name,
  code: null,
  sort_order: sort,
  created_at: at,
  updated_at: at,
});

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.dispose());

describe('prepared query shapes', () => {
  it('builds a query once and answers each call with its own values, constants kept', async () => {
    const db = database.db;
    for (const [i, name] of ['甲矿', '乙矿', '丙矿'].entries())
      await db
        .insertInto('orgs')
        .values(org(`p-${i}`, name, i))
        .execute();
    let builds = 0;
    const byId = prepared((d, p: { id: string }) => {
      builds++;
      return d.selectFrom('orgs').select(['id', 'name']).where('id', '=', p.id).where('kind', '=', 'group');
    });
    expect(await byId.first(db, { id: 'p-1' })).toEqual({ id: 'p-1', name: '乙矿' });
    expect(await byId.first(db, { id: 'p-2' })).toEqual({ id: 'p-2', name: '丙矿' });
    expect(await byId.first(db, { id: 'nobody' })).toBeUndefined();
    await db.transaction().execute(async (tx) => expect(await byId.all(tx, { id: 'p-0' })).toEqual([{ id: 'p-0', name: '甲矿' }]));
    expect(builds).toBe(1);
  });

  it('runs writes with a parameter used twice, and returns the affected rows', async () => {
    const db = database.db;
    const rename = prepared((d, p: { id: string; name: string }) => d.updateTable('orgs').set({ name: p.name, code: p.name }).where('id', '=', p.id));
    const res = await rename.run(db, { id: 'p-0', name: '一号矿' });
    expect(Number(res.numAffectedRows)).toBe(1);
    expect(await db.selectFrom('orgs').select(['name', 'code']).where('id', '=', 'p-0').executeTakeFirst()).toEqual({ name: '一号矿', code: '一号矿' });
  });

  it('refuses a parameter that would shape the query, and a call that leaves one out', async () => {
    const bad = prepared((d, p: { limit: number }) =>
      d
        .selectFrom('orgs')
        .select('id')
        .limit(p.limit > 10 ? 10 : 5),
    );
    await expect(bad.all(database.db, { limit: 3 })).rejects.toThrow(/shapes the query/);
    const byId = prepared((d, p: { id: string }) => d.selectFrom('orgs').select('id').where('id', '=', p.id));
    await expect(byId.all(database.db, {} as { id: string })).rejects.toThrow(/no value for "id"/);
  });
});

describe('insertRow', () => {
  it('inserts what Kysely would, leaving out columns given as undefined so their defaults apply', async () => {
    const db = database.db;
    await insertRow(db, 'orgs', org('r-1', '三号矿', 7));
    const { sort_order: _, ...noSort } = org('r-2', '四号矿');
    // The schema types sort_order as always given; a caller may still pass undefined at run time.
    await insertRow(db, 'orgs', { ...noSort, sort_order: undefined as unknown as number });
    await insertRow(db, 'orgs', org('r-3', '五号矿', 2));
    const rows = await db.selectFrom('orgs').select(['id', 'name', 'sort_order']).where('id', 'like', 'r-%').orderBy('id').execute();
    expect(rows).toEqual([
      { id: 'r-1', name: '三号矿', sort_order: 7 },
      { id: 'r-2', name: '四号矿', sort_order: 0 },
      { id: 'r-3', name: '五号矿', sort_order: 2 },
    ]);
  });

  it('fails as the database says on a duplicate key, inside a transaction that then rolls back', async () => {
    const db = database.db;
    const twice = db.transaction().execute(async (tx) => {
      await insertRow(tx, 'orgs', org('d-1', '六号矿'));
      await insertRow(tx, 'orgs', org('d-1', '六号矿'));
    });
    await expect(twice).rejects.toThrow();
    expect(await db.selectFrom('orgs').select('id').where('id', '=', 'd-1').execute()).toEqual([]);
  });
});

describe('prepared lists', () => {
  it('binds an array as an IN list, one shape per length, in any order of calls', async () => {
    const db = database.db;
    for (const [i, name] of ['子一', '子二', '子三', '子四'].entries())
      await db
        .insertInto('orgs')
        .values(org(`l-${i}`, name, i))
        .execute();
    let builds = 0;
    const named = prepared((d, p: { ids: string[]; kind: string }) => {
      builds++;
      return d.selectFrom('orgs').select('name').where('id', 'in', p.ids).where('kind', '=', p.kind).orderBy('sort_order');
    });
    const names = async (ids: string[]) => (await named.all(db, { ids, kind: 'group' })).map((r) => r.name);
    expect(await names(['l-2', 'l-0'])).toEqual(['子一', '子三']);
    expect(await names(['l-3'])).toEqual(['子四']);
    expect(await names(['l-1', 'l-3'])).toEqual(['子二', '子四']);
    expect(await names(['l-0', 'l-1', 'l-2', 'l-3'])).toEqual(['子一', '子二', '子三', '子四']);
    expect(builds).toBe(3);
  });
});
