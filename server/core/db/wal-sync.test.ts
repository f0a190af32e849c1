import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from './database.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

async function fresh() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xq-wal-'));
  dirs.push(dir);
  const file = path.join(dir, 'x.sqlite');
  const database = await openDatabase({ url: file });
  await sql`create table t (id integer primary key, note text not null)`.execute(database.db);
  return { file, database, db: database.db as any };
}

describe('group commit on SQLite', () => {
  it('answers every concurrent write after a flush that covers it, with far fewer flushes than writes', async () => {
    const { file, database, db } = await fresh();
    const before = database.wal!.flushes;
    await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        db
          .insertInto('t')
          .values({ id: i + 1, note: `第${i + 1}条` })
          .execute(),
      ),
    );
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        db.transaction().execute(async (tx: any) => {
          await tx
            .insertInto('t')
            .values({ id: 100 + i, note: '事务' })
            .execute();
          await tx
            .updateTable('t')
            .set({ note: '已改' })
            .where('id', '=', i + 1)
            .execute();
        }),
      ),
    );
    const flushes = database.wal!.flushes - before;
    expect(flushes).toBeGreaterThan(0);
    expect(flushes).toBeLessThan(70);
    // Reads flush nothing.
    const mid = database.wal!.flushes;
    await Promise.all(Array.from({ length: 20 }, () => db.selectFrom('t').selectAll().execute()));
    expect(database.wal!.flushes).toBe(mid);
    await database.close();
    const raw = new Database(file, { readonly: true });
    expect(raw.prepare('select count(*) n from t').get()).toEqual({ n: 70 });
    expect(raw.prepare(`select count(*) n from t where note = '已改'`).get()).toEqual({ n: 20 });
    raw.close();
  });

  it('does not answer a write whose flush failed as if it were durable', async () => {
    const { database, db } = await fresh();
    await db.insertInto('t').values({ id: 1, note: 'a' }).execute();
    // The WAL's file handle is gone: the next flush fails, and the write says so.
    await (database.wal as any).close();
    (database.wal as any).handle = Promise.resolve({ datasync: () => Promise.reject(Object.assign(new Error('EIO'), { code: 'EIO' })) });
    await expect(db.insertInto('t').values({ id: 2, note: 'b' }).execute()).rejects.toThrow('EIO');
    // The next write opens the WAL afresh and succeeds.
    await db.insertInto('t').values({ id: 3, note: 'c' }).execute();
    await database.close();
  });
});
