/**
 * Full-text search over Chinese text on both engines. A search index is a table of
 * documents (ref_id → segmented body) that a module keeps in step with its records:
 * - SQLite: an FTS5 table over the documents (external content, kept in sync by triggers);
 * - PostgreSQL: a `tsvector` column ('simple' configuration: no stemming, no stop words)
 *   generated from the same body, with a GIN index.
 * Both see the same body — bigrams from `indexText` — so a query finds the same records
 * on either engine. The only dialect-specific SQL of search lives in this file.
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import { engineOf } from '../db/dialect.js';
import { prepared, type Prepared } from '../db/prepared.js';
import { indexText, queryTerms } from './segment.js';

const NAME = /^[a-z][a-z0-9_]{0,40}$/;

function checkName(name: string) {
  if (!NAME.test(name)) throw new Error(`bad search index name: ${name}`);
}

/** Creates the index's tables; call from a migration. */
export async function createSearchIndex(db: Kysely<any>, name: string): Promise<void> {
  checkName(name);
  if (engineOf(db) === 'postgres') {
    await db.schema
      .createTable(name)
      .addColumn('ref_id', 'text', (c) => c.primaryKey())
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('tsv', sql`tsvector`, (c) => c.generatedAlwaysAs(sql`to_tsvector('simple'::regconfig, body)`).stored())
      .execute();
    await sql`create index ${sql.id(`${name}_tsv`)} on ${sql.table(name)} using gin (tsv)`.execute(db);
    return;
  }
  // The integer key is the FTS5 rowid; ref_id is the record's own (UUID) id.
  await db.schema
    .createTable(name)
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('ref_id', 'text', (c) => c.notNull().unique())
    .addColumn('body', 'text', (c) => c.notNull())
    .execute();
  const fts = `${name}_fts`;
  await sql.raw(`create virtual table ${fts} using fts5(body, content='${name}', content_rowid='id', tokenize='unicode61')`).execute(db);
  await sql.raw(`create trigger ${name}_ai after insert on ${name} begin insert into ${fts}(rowid, body) values (new.id, new.body); end`).execute(db);
  await sql
    .raw(`create trigger ${name}_ad after delete on ${name} begin insert into ${fts}(${fts}, rowid, body) values ('delete', old.id, old.body); end`)
    .execute(db);
  await sql
    .raw(
      `create trigger ${name}_au after update on ${name} begin
         insert into ${fts}(${fts}, rowid, body) values ('delete', old.id, old.body);
         insert into ${fts}(rowid, body) values (new.id, new.body);
       end`,
    )
    .execute(db);
}

export async function dropSearchIndex(db: Kysely<any>, name: string): Promise<void> {
  checkName(name);
  if (engineOf(db) === 'sqlite') await sql.raw(`drop table if exists ${name}_fts`).execute(db);
  await db.schema.dropTable(name).ifExists().execute();
}

// One prepared upsert per index (its table name is part of the shape).
const upserts = new Map<string, Prepared<{ refId: string; body: string }, unknown>>();

/** Adds or replaces the document of one record. `text` is raw text; segmentation happens here. */
export async function upsertSearchDoc(db: Kysely<any>, name: string, refId: string, text: string): Promise<void> {
  let upsert = upserts.get(name);
  if (!upsert) {
    checkName(name);
    upsert = prepared((d: Kysely<any>, p: { refId: string; body: string }) =>
      d
        .insertInto(name)
        .values({ ref_id: p.refId, body: p.body })
        .onConflict((oc) => oc.column('ref_id').doUpdateSet({ body: p.body })),
    );
    upserts.set(name, upsert);
  }
  await upsert.run(db, { refId, body: indexText(text) });
}

export async function deleteSearchDoc(db: Kysely<any>, name: string, refId: string): Promise<void> {
  checkName(name);
  await db.deleteFrom(name).where('ref_id', '=', refId).execute();
}

/**
 * A subquery of the ref_ids whose text contains every word of `query`, for
 * `where(id, 'in', searchRefs(...))`, so search composes with the caller's scope and filters.
 * Null when the query has nothing searchable (the caller then matches nothing).
 * `newest`: only the newest so many matches (documents in the order they were first
 * written), so a common word costs a bounded read — the index must keep that order: on
 * SQLite its rowid does, on PostgreSQL a `seq` column the module's migration adds.
 */
export function searchRefs(db: Kysely<any>, name: string, query: string, newest?: number): RawBuilder<string> | null {
  const m = matchOf(db, name, query);
  if (!m) return null;
  if (m.pg) {
    const bound = newest === undefined ? sql`` : sql` order by seq desc limit ${newest}`;
    return sql<string>`(select ref_id from ${sql.table(name)} where tsv @@ to_tsquery('simple'::regconfig, ${m.q})${bound})`;
  }
  const fts = sql.table(`${name}_fts`);
  const bound = newest === undefined ? sql`` : sql` order by rowid desc limit ${newest}`;
  return sql<string>`(select ref_id from ${sql.table(name)} where id in (select rowid from ${fts} where ${fts} match ${m.q}${bound}))`;
}

/** The engine's query text for `query`'s terms; null when nothing in it is searchable. */
function matchOf(db: Kysely<any>, name: string, query: string): { pg: boolean; q: string } | null {
  checkName(name);
  const terms = queryTerms(query);
  if (!terms) return null;
  // Tokens hold only letters, digits and Han characters (see segment.ts), so quoting them is safe.
  if (engineOf(db) === 'postgres')
    return { pg: true, q: terms.map((t) => (t.prefix ? `'${t.tokens[0]}':*` : t.tokens.map((x) => `'${x}'`).join(' <-> '))).join(' & ') };
  return { pg: false, q: terms.map((t) => (t.prefix ? `"${t.tokens[0]}"*` : `"${t.tokens.join(' ')}"`)).join(' AND ') };
}

/** How many records match `query`, counted no further than `cap + 1`: a caller picks its plan by it. */
export async function countMatchesUpTo(db: Kysely<any>, name: string, query: string, cap: number): Promise<number> {
  const m = matchOf(db, name, query);
  if (!m) return 0;
  const inner = m.pg
    ? sql`select 1 from ${sql.table(name)} where tsv @@ to_tsquery('simple'::regconfig, ${m.q}) limit ${cap + 1}`
    : sql`select rowid from ${sql.table(`${name}_fts`)} where ${sql.table(`${name}_fts`)} match ${m.q} limit ${cap + 1}`;
  const r = await sql<{ n: number | string }>`select count(*) as n from (${inner}) c`.execute(db);
  return Number(r.rows[0]?.n ?? 0);
}

/**
 * True for the row whose `refColumn` is a matching record: for a walk in another order (newest
 * first) that stops at its page, where `in (searchRefs)` would first gather every match. Worth it
 * only when matches are many (see `countMatchesUpTo`): with few, the walk would visit every row.
 */
export function matchesRef(db: Kysely<any>, name: string, query: string, refColumn: string): RawBuilder<boolean> | null {
  const m = matchOf(db, name, query);
  if (!m) return null;
  const doc = sql.table(name);
  if (m.pg) return sql<boolean>`exists (select 1 from ${doc} s where s.ref_id = ${sql.ref(refColumn)} and s.tsv @@ to_tsquery('simple'::regconfig, ${m.q}))`;
  const fts = sql.table(`${name}_fts`);
  return sql<boolean>`exists (select 1 from ${doc} s where s.ref_id = ${sql.ref(refColumn)} and s.id in (select rowid from ${fts} where ${fts} match ${m.q}))`;
}
