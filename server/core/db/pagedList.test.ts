/**
 * The kit's list (pagedList): a walk by cursor meets every row once in the list's order,
 * the total stops at the cap, and page numbers stop where the count does. Hardship and
 * mediation list through it; appeals keep their own multi-part reader on the same keyset.ts.
 */
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app.js';
import { AppError } from '../errors.js';
import { pagedList } from './pagedList.js';

const t = useTestApp();

describe('pagedList', () => {
  it('walks a filtered list by cursor, newest first, every row once; refuses deep page numbers and a cursor on an unkeyed sort', async () => {
    const org = await t.org('综采三队', 'team');
    for (let i = 0; i < 5; i++) await t.person(org, { name: `职工${i}` });
    const expected = (await t.db.selectFrom('persons').select('id').where('org_id', '=', org.id).orderBy('created_at', 'desc').orderBy('id', 'desc').execute()).map((r) => r.id);
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
});
