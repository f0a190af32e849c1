/**
 * The kit's list (pagedList): a walk by cursor meets every row once in the list's order,
 * the total stops at the cap, and page numbers stop where the count does. Hardship and
 * mediation list through it; appeals keep their own multi-part reader on the same keyset.ts.
 */
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app.js';
import { AppError } from '../errors.js';
import { indexedWalk, pagedList } from './pagedList.js';

const t = useTestApp();

describe('pagedList', () => {
  it('walks a filtered list by cursor, newest first, every row once; refuses deep page numbers and a cursor on an unkeyed sort', async () => {
    const org = await t.org('综采三队', 'team');
    for (let i = 0; i < 5; i++) await t.person(org, { name: `职工${i}` });
    const expected = (
      await t.db.selectFrom('persons').select('id').where('org_id', '=', org.id).orderBy('created_at', 'desc').orderBy('id', 'desc').execute()
    ).map((r) => r.id);
    const list = (page: { page: number; pageSize: number; after?: string }, keyed = true) =>
      pagedList(t.db, {
        counted: t.db.selectFrom('persons as p').where('p.org_id', '=', org.id),
        ids: () => t.db.selectFrom('persons as p').where('p.org_id', '=', org.id),
        sort: { column: 'p.created_at', id: 'p.id', order: 'desc' },
        keyed,
        page,
        load: (ids) => t.db.selectFrom('persons').select(['id', 'name']).where('id', 'in', ids).execute(),
      });
    const seen: string[] = [];
    let after: string | undefined;
    for (let i = 0; i < 5; i++) {
      const r = await list({ page: 1, pageSize: 2, after });
      expect(r).toMatchObject({ total: 5, totalCapped: false });
      seen.push(...r.rows.map((x) => x.id));
      if (!r.nextCursor) break;
      after = r.nextCursor;
    }
    expect(seen).toEqual(expected);
    // Page numbers give the same rows as the cursor, as far as the count reaches.
    expect((await list({ page: 2, pageSize: 2 })).rows.map((x) => x.id)).toEqual(expected.slice(2, 4));
    await expect(list({ page: 101, pageSize: 20 })).rejects.toMatchObject({ status: 400, fields: [{ field: 'query.page' }] });
    const first = await list({ page: 1, pageSize: 2 }, true);
    await expect(list({ page: 1, pageSize: 2, after: first.nextCursor! }, false)).rejects.toBeInstanceOf(AppError);
  });

  it('indexedWalk names the sort index to SQLite on a walk only, and the walk reads it without sorting', async () => {
    const walk = indexedWalk(t.db, 'persons as p', 'persons_by_name', true)
      .select('p.id')
      .where('p.archived', '=', 0)
      .orderBy('p.name')
      .orderBy('p.id')
      .limit(21)
      .compile();
    const plain = indexedWalk(t.db, 'persons as p', 'persons_by_name', false).select('p.id').compile();
    expect(plain.sql).not.toMatch(/indexed by/i);
    if (t.engine === 'sqlite') {
      expect(walk.sql).toMatch(/"persons" as "p" indexed by "persons_by_name"/);
      const plan = (await sql.raw<{ detail: string }>(`explain query plan ${walk.sql.replace(/\?/g, '0')}`).execute(t.db)).rows.map((r) => r.detail).join('\n');
      expect(plan).toMatch(/persons_by_name/);
      expect(plan).not.toMatch(/TEMP B-TREE/);
    } else expect(walk.sql).not.toMatch(/indexed by/i);
    expect(() => indexedWalk(t.db, 'persons p', 'persons_by_name', true)).toThrow();
  });
});
