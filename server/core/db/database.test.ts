import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from './database.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xq-db-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('the SQLite connection', () => {
  it('fails a root-handle query made inside a transaction as busy, instead of waiting for ever, and stays usable', async () => {
    const database = await openDatabase({ url: path.join(dir, 'x.sqlite'), acquireTimeoutMs: 300 });
    const db = database.db as any;
    await sql`create table t (id integer primary key)`.execute(db);
    const started = Date.now();
    const nested = db.transaction().execute(async (tx: any) => {
      await tx.insertInto('t').values({ id: 1 }).execute();
      // The mistake: the root handle, not `tx`. It waits for the connection this transaction holds.
      await db.selectFrom('t').selectAll().execute();
    });
    await expect(nested).rejects.toMatchObject({ code: 'SQLITE_BUSY' });
    expect(Date.now() - started).toBeLessThan(5_000);
    // The transaction rolled back and the connection came back: later work goes on.
    expect(await db.selectFrom('t').selectAll().execute()).toEqual([]);
    await db.insertInto('t').values({ id: 2 }).execute();
    expect(await db.selectFrom('t').selectAll().execute()).toEqual([{ id: 2 }]);
    await database.close();
  });
});
