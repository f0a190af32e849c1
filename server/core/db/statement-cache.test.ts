import Database from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { withStatementCache } from './statement-cache.js';

function open(max?: number) {
  const raw = new Database(':memory:');
  const cached = withStatementCache(raw, { max });
  const db = new Kysely<any>({ dialect: new SqliteDialect({ database: cached }) });
  return { raw, cached, db };
}

describe('the SQLite statement cache', () => {
  it('compiles a statement once per SQL text and returns the same results as before', async () => {
    const { cached, db } = open();
    await db.schema
      .createTable('t')
      .addColumn('id', 'integer', (c) => c.primaryKey())
      .addColumn('name', 'text')
      .execute();
    for (let i = 1; i <= 5; i++)
      await db
        .insertInto('t')
        .values({ id: i, name: `第${i}个` })
        .execute();
    const first = cached.prepare('select name from t where id = ?');
    expect(cached.prepare('select name from t where id = ?')).toBe(first);
    expect(await db.selectFrom('t').select('name').where('id', '=', 3).executeTakeFirst()).toEqual({ name: '第3个' });
    expect(await db.selectFrom('t').select('name').where('id', '=', 4).executeTakeFirst()).toEqual({ name: '第4个' });
    const res = await db.updateTable('t').set({ name: '改' }).where('id', '>', 3).executeTakeFirst();
    expect(Number(res.numUpdatedRows)).toBe(2);
    await db.destroy();
  });

  it('keeps at most `max` statements, dropping the least recently used', () => {
    const { cached, raw } = open(2);
    const a = cached.prepare('select 1');
    const b = cached.prepare('select 2');
    expect(cached.prepare('select 1')).toBe(a); // now "select 2" is the oldest
    cached.prepare('select 3');
    expect(cached.cachedStatements).toBe(2);
    expect(cached.prepare('select 1')).toBe(a);
    expect(cached.prepare('select 2')).not.toBe(b);
    raw.close();
  });

  it('gives a fresh statement while the cached one is still being iterated', () => {
    const { cached, raw } = open();
    raw.exec('create table n (v integer); insert into n values (1), (2), (3);');
    const text = 'select v from n order by v';
    const first = cached.prepare(text) as unknown as Database.Statement;
    const seen: unknown[] = [];
    for (const row of first.iterate() as Iterable<{ v: number }>) {
      const again = cached.prepare(text) as unknown as Database.Statement;
      expect(again).not.toBe(first);
      expect(again.all()).toEqual([{ v: 1 }, { v: 2 }, { v: 3 }]);
      seen.push(row.v);
    }
    expect(seen).toEqual([1, 2, 3]);
    expect(cached.prepare(text)).toBe(first);
    raw.close();
  });

  it('streams through Kysely as before', async () => {
    const { db } = open();
    await db.schema.createTable('m').addColumn('v', 'integer').execute();
    await db
      .insertInto('m')
      .values([{ v: 1 }, { v: 2 }])
      .execute();
    const seen: number[] = [];
    for await (const row of db.selectFrom('m').select('v').orderBy('v').stream()) seen.push(row.v);
    for await (const row of db.selectFrom('m').select('v').orderBy('v').stream()) seen.push(row.v);
    expect(seen).toEqual([1, 2, 1, 2]);
    await db.destroy();
  });

  it('follows schema changes: a cached statement sees a column added after it was compiled', async () => {
    const { db } = open();
    await db.schema.createTable('s').addColumn('a', 'integer').execute();
    await db.insertInto('s').values({ a: 1 }).execute();
    const q = () => sql<{ a: number }>`select * from s`.execute(db);
    expect((await q()).rows).toEqual([{ a: 1 }]);
    await db.schema.alterTable('s').addColumn('b', 'text').execute();
    expect((await q()).rows).toEqual([{ a: 1, b: null }]);
    await db.transaction().execute(async (tx) => {
      await tx.insertInto('s').values({ a: 2, b: '二' }).execute();
    });
    expect((await q()).rows).toHaveLength(2);
    await db.destroy();
  });
});
