/**
 * Kysely's SQLite driver prepares every statement it runs, each time: compiling the SQL is a
 * real share of a short request (an appeal intake runs ~30 statements). This wraps the
 * better-sqlite3 handle so `prepare` returns the statement already compiled for the same
 * SQL text, from a bounded LRU (IN lists of varying length give distinct texts, so the
 * number of texts is open-ended).
 *
 * A statement still being iterated (Kysely's `.stream()`) is busy and cannot run twice at
 * once: the caller then gets a fresh, uncached one. Schema changes need nothing here —
 * SQLite recompiles a cached statement by itself when the schema it was built on changed.
 */
import type { SqliteDatabase, SqliteStatement } from 'kysely';
import type BetterSqlite3 from 'better-sqlite3';

export const STATEMENT_CACHE_SIZE = 512;

export interface CachingDatabase extends SqliteDatabase {
  /** How many statements are cached (for tests and diagnostics). */
  readonly cachedStatements: number;
}

export interface StatementCacheOptions {
  max?: number;
  /** Called when a statement that may write is handed out (group commit needs to know). */
  onWrite?: () => void;
}

export function withStatementCache(raw: BetterSqlite3.Database, { max = STATEMENT_CACHE_SIZE, onWrite }: StatementCacheOptions = {}): CachingDatabase {
  const cache = new Map<string, BetterSqlite3.Statement>();
  const handOut = (stmt: BetterSqlite3.Statement) => {
    if (onWrite && !stmt.readonly) onWrite();
    return stmt as unknown as SqliteStatement;
  };
  return {
    close() {
      cache.clear();
      raw.close();
    },
    prepare(sql: string): SqliteStatement {
      const hit = cache.get(sql);
      if (hit) {
        if (hit.busy) return handOut(raw.prepare(sql));
        // Map order is insertion order: re-inserting marks it most recently used.
        cache.delete(sql);
        cache.set(sql, hit);
        return handOut(hit);
      }
      const stmt = raw.prepare(sql);
      cache.set(sql, stmt);
      if (cache.size > max) cache.delete(cache.keys().next().value!);
      return handOut(stmt);
    },
    get cachedStatements() {
      return cache.size;
    },
  };
}
