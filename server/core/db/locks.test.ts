import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/db.js';
import type { Database } from './database.js';
import { lockFor } from './locks.js';

let database: Database & { dispose(): Promise<void> };
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.dispose());

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('lockFor', () => {
  it('makes a second transaction on the same key wait until the first has committed', async () => {
    const db = database.db;
    const events: string[] = [];
    let first!: () => void;
    const firstHolds = new Promise<void>((r) => (first = r));
    const a = db.transaction().execute(async (tx) => {
      await lockFor(tx, 'test:mine-1:wages');
      events.push('a locked');
      first();
      await pause(150);
      events.push('a done');
    });
    await firstHolds;
    const b = db.transaction().execute(async (tx) => {
      await lockFor(tx, 'test:mine-1:wages');
      events.push('b locked');
    });
    await Promise.all([a, b]);
    expect(events).toEqual(['a locked', 'a done', 'b locked']);
  });

  it('is released when the transaction rolls back', async () => {
    const db = database.db;
    await expect(
      db.transaction().execute(async (tx) => {
        await lockFor(tx, 'test:mine-2:wages');
        throw new Error('办理失败');
      }),
    ).rejects.toThrow('办理失败');
    const again = await db.transaction().execute(async (tx) => {
      await lockFor(tx, 'test:mine-2:wages');
      return 'locked again';
    });
    expect(again).toBe('locked again');
  });
});
