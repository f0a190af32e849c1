/**
 * The few places where the engines differ, kept together so modules never branch on engine.
 */
import { PostgresAdapter, sql, type Kysely, type RawBuilder } from 'kysely';
import type { Engine } from './database.js';

export function engineOf(db: Kysely<any>): Engine {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}

/**
 * One object per opened database, the same for its handle and every transaction on it
 * (each transaction is a new Kysely object): the key for caches of what a database holds.
 */
export function databaseKey(db: Kysely<any>): object {
  return db.getExecutor().adapter;
}

/**
 * Column type for materialised paths. PostgreSQL's default locale collations ignore
 * punctuation when comparing, which breaks the prefix range scans subtree queries use;
 * the "C" collation compares bytes, as SQLite does.
 */
export function pathColumn(db: Kysely<any>) {
  return engineOf(db) === 'postgres' ? sql`text collate "C"` : sql`text`;
}

/** Upper bound for a prefix range scan: every path char sorts below '~'. */
export function prefixUpper(prefix: string): string {
  return prefix + '~';
}

/** Make a table refuse UPDATE and DELETE at the database level (append-only logs). */
export async function makeAppendOnly(db: Kysely<any>, table: string): Promise<void> {
  if (engineOf(db) === 'postgres') {
    await sql
      .raw(
        `create or replace function xq_append_only() returns trigger language plpgsql as $$
         begin raise exception 'append-only table'; end $$`,
      )
      .execute(db);
    await sql
      .raw(
        `create trigger ${table}_append_only before update or delete on ${table}
         for each row execute function xq_append_only()`,
      )
      .execute(db);
  } else {
    for (const op of ['update', 'delete']) {
      await sql
        .raw(
          `create trigger ${table}_no_${op} before ${op} on ${table}
           begin select raise(abort, 'append-only table'); end`,
        )
        .execute(db);
    }
  }
}

/** Case-insensitive substring match that works on both engines. */
export function containsCi(column: RawBuilder<unknown> | string, needle: string) {
  const pattern = '%' + needle.replace(/[\\%_]/g, (c) => '\\' + c).toLowerCase() + '%';
  const col = typeof column === 'string' ? sql.ref(column) : column;
  return sql<boolean>`lower(${col}) like ${pattern} escape '\\'`;
}

/** A group's non-null values of `column` joined by commas (SQLite group_concat, PostgreSQL string_agg). */
export function joinedTexts(db: Kysely<any>, column: RawBuilder<unknown> | string) {
  const col = typeof column === 'string' ? sql.ref(column) : column;
  return engineOf(db) === 'postgres' ? sql<string | null>`string_agg(${col}, ',')` : sql<string | null>`group_concat(${col}, ',')`;
}

/** A 'YYYY-MM-DD' text column plus `days` calendar days, as the same text (SQLite date(), PostgreSQL date arithmetic). */
export function datePlusDays(db: Kysely<any>, column: string, days: number) {
  const n = Math.trunc(days);
  return engineOf(db) === 'postgres'
    ? sql<string>`to_char(cast(${sql.ref(column)} as date) + ${sql.lit(n)}, 'YYYY-MM-DD')`
    : sql<string>`date(${sql.ref(column)}, ${sql.lit(`${n >= 0 ? '+' : ''}${n} days`)})`;
}
