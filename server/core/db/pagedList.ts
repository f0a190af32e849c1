/**
 * The module kit's list: one page and a bounded total, by the rules of keyset.ts — count at
 * most COUNT_CAP + 1 matches off the filtered table alone, read the page's ids in the list's
 * order (walking the sort's (key, id) index when matches are many, so the read stops after
 * the page), go on by cursor past the counted pages, and join the rows of those ids only.
 * A module gives its filtered queries and how to load rows; docs/architecture.md 「列表」.
 */
import { sql, type Kysely, type RawBuilder, type SelectQueryBuilder } from 'kysely';
import { engineOf } from './dialect.js';
import { afterCursor, checkCursorSort, checkPageReach, COUNT_CAP, decodeCursor, encodeCursor } from './keyset.js';

export interface PagedListSpec<R> {
  /** The filtered table alone, for the count: no join a filter does not need. */
  counted: SelectQueryBuilder<any, any, any>;
  /** The filtered table for the page's ids; `walk`: matches are many, read the sort's own index (SQLite needs telling). */
  ids(walk: boolean): SelectQueryBuilder<any, any, any>;
  /** The sort column (or, for a sort that is not keyed, an expression) and the id column, qualified as in `ids`. */
  sort: { column: string | RawBuilder<unknown>; id: string; order: 'asc' | 'desc' };
  /** The sort has a (key, id) index and a key that is never null: it may walk and follow a cursor. */
  keyed: boolean;
  page: { page: number; pageSize: number; after?: string };
  /** The rows of the page's ids, in any order. */
  load(ids: string[]): Promise<R[]>;
}

export interface PagedList<R> {
  rows: R[];
  total: number;
  totalCapped: boolean;
  /** Pass back as `after` for the next page; null on the last page or when the sort is not keyed. */
  nextCursor: string | null;
}

export async function pagedList<R extends { id: string }>(db: Kysely<any>, spec: PagedListSpec<R>): Promise<PagedList<R>> {
  const { page, pageSize, after } = spec.page;
  const { column, id, order } = spec.sort;
  if (after) checkCursorSort(spec.keyed && typeof column === 'string');
  else checkPageReach(page, pageSize);
  const cursor = after ? decodeCursor(after) : undefined;
  const capped = spec.counted
    .select(sql<number>`1`.as('x'))
    .limit(COUNT_CAP + 1)
    .as('k');
  const n = Number(
    (
      await db
        .selectFrom(capped)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirst()
    )?.n ?? 0,
  );
  const found = (await spec
    .ids(spec.keyed && n > COUNT_CAP)
    .select([sql.ref(id).as('id'), sortKey(column).as('k')])
    .$if(!!cursor, (q) => q.where(afterCursor(column as string, id, cursor!, order)))
    .orderBy(sortKey(column), order)
    .orderBy(sql.ref(id), order)
    // One row beyond the page says whether a next page exists.
    .limit(pageSize + 1)
    .offset(cursor ? 0 : (page - 1) * pageSize)
    .execute()) as { id: string; k: string | number }[];
  const picked = found.slice(0, pageSize);
  const last = picked[picked.length - 1];
  const rows = picked.length ? await spec.load(picked.map((r) => r.id)) : [];
  const at = new Map(picked.map((r, i) => [r.id, i]));
  rows.sort((x, y) => at.get(x.id)! - at.get(y.id)!);
  return {
    rows,
    total: Math.min(n, COUNT_CAP),
    totalCapped: n > COUNT_CAP,
    nextCursor: spec.keyed && found.length > pageSize && last ? encodeCursor(last.k, last.id) : null,
  };
}

/** A sort key as SQL: a column name is a reference, an expression stays as it is. */
export const sortKey = (column: string | RawBuilder<unknown>) => (typeof column === 'string' ? sql.ref(column) : column);

/**
 * The table a page's ids are read from (`'table as alias'`). On a walk SQLite is told the
 * sort's (key, id) index: it plans without statistics and would read the filter's range and
 * sort all of it. PostgreSQL's costs choose that index with the LIMIT, so it is never told.
 */
export function indexedWalk(db: Kysely<any>, table: string, index: string, walk: boolean): SelectQueryBuilder<any, any, object> {
  const m = /^(\w+) as (\w+)$/.exec(table);
  if (!m) throw new Error(`indexedWalk: '${table}' is not 'table as alias'`);
  const from = sql`${sql.table(m[1])} as ${sql.id(m[2])}${walk && engineOf(db) === 'sqlite' ? sql` indexed by ${sql.id(index)}` : sql``}`;
  return db.selectFrom(from as unknown as string);
}
