/**
 * Multi-row inserts in chunks. One statement per row would make the seed and the benchmark
 * generator slow; one statement for everything would break the bind-parameter limits
 * (PostgreSQL 65 535 per statement, SQLite 32 766), so rows go in chunks under both.
 */
import type { Insertable } from 'kysely';
import type { Tx } from '../../core/db/database.js';
import type { DB } from '../../core/db/schema.js';

const MAX_PARAMS = 30_000;

export async function insertChunked<T extends keyof DB & string>(db: Tx, table: T, rows: Insertable<DB[T]>[]): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0] as object).length;
  const size = Math.max(1, Math.floor(MAX_PARAMS / columns));
  for (let i = 0; i < rows.length; i += size) {
    await db
      .insertInto(table)
      .values(rows.slice(i, i + size) as any)
      .execute();
  }
}
