/**
 * Transaction-scoped locks by name: transactions that lock the same key run one after
 * another from that point to their end.
 *
 * - SQLite: every write transaction already holds the database's one write lock (the
 *   driver begins them IMMEDIATE), so there is nothing more to take — and nothing to write.
 * - PostgreSQL: an advisory lock on a 64-bit hash of the key, released at COMMIT or
 *   ROLLBACK. Two keys sharing a hash only wait for each other needlessly.
 *
 * Call it inside a transaction: outside one, the PostgreSQL lock ends with the statement.
 */
import { sql, type Kysely } from 'kysely';
import type { Tx } from './database.js';
import { engineOf } from './dialect.js';

export async function lockFor(tx: Tx, key: string): Promise<void> {
  if (engineOf(tx as Kysely<any>) === 'sqlite') return;
  await sql`select pg_advisory_xact_lock(hashtextextended(${key}, 0))`.execute(tx);
}
