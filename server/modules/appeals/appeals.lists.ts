/**
 * A page of appeals as the viewer may see it: counted part by part (staff, handler, own), each
 * on its own index and capped, then read by keyset — the list stays flat as the data grows
 * (docs/architecture.md, issue #16).
 */
import { sql } from 'kysely';
import type { Tx } from '../../core/db/database.js';
import { engineOf } from '../../core/db/dialect.js';
import { searchRefs } from '../../core/search/search.js';
import { afterCursor, COUNT_CAP, encodeCursor, type Cursor } from '../../core/db/keyset.js';
import { adb } from './appeals.tables.js';
import {
  base,
  listPart,
  listParts,
  safeColumns,
  SEARCH_INDEX,
  SEARCH_NEWEST,
  SORT_COLUMNS,
  type Eb,
  type LightClock,
  type ListPart,
  type RepoFilter,
  type SortKey,
  type SummaryRow,
  type Visibility,
} from './appeals.visibility.js';

export { COUNT_CAP };

/** Sorts an index serves in order (see the 0002 migration): the page is read off the index. */
const INDEXED_SORTS: ReadonlySet<SortKey> = new Set(['submittedAt']);

/** Up to `cap` matches of one list part, counted off that part's index. */
export function countQuery(db: Tx, vis: Visibility, f: RepoFilter, clock: LightClock, part: ListPart, cap: number) {
  return adb(db)
    .selectFrom((eb) =>
      eb
        .selectFrom('appeals as a')
        .select(sql<number>`1`.as('x'))
        .where(((e: Eb) => listPart(db, e, vis, f, clock, part)) as any)
        .limit(cap)
        .as('c'),
    )
    .select((eb) => eb.fn.countAll<string | number>().as('c'));
}

/** Sorts a cursor can follow: a key that is never null, on a (key, id) index. */
export const CURSOR_SORTS: ReadonlySet<SortKey> = INDEXED_SORTS;

/**
 * The ids (and sort keys) of one part's first `limit` rows; `walk` reads them off the
 * ordering index; `after` starts after a cursor (keyset: a range on that index, no OFFSET).
 */
export function pageQuery(
  db: Tx,
  vis: Visibility,
  f: RepoFilter,
  clock: LightClock,
  part: ListPart,
  page: { limit: number; sort: SortKey; order: 'asc' | 'desc'; after?: Cursor },
  walk: boolean,
) {
  const sortCol = SORT_COLUMNS[page.sort];
  // A walk reads the ordering index and nothing else: SQLite is told so, PostgreSQL's costs choose it with the LIMIT.
  const from = walk && engineOf(db) === 'sqlite' ? sql`appeals as a indexed by appeals_submitted_at` : sql`appeals as a`;
  const after = page.after;
  return adb(db)
    .selectFrom(from as any)
    .select(['a.id', sql.ref(sortCol).as('k')])
    .where(((e: Eb) => listPart(db, e, vis, f, clock, part, walk)) as any)
    .$if(!!after, (q) => q.where(afterCursor(sortCol, 'a.id', after!, page.order) as any))
    .orderBy(sql.ref(sortCol), page.order)
    .orderBy('a.id', page.order)
    .limit(page.limit);
}

async function searchReachedBound(db: Tx, q: string): Promise<boolean> {
  const sub = searchRefs(db, SEARCH_INDEX, q, SEARCH_NEWEST);
  if (!sub) return false;
  const r = await sql<{ n: number | string }>`select count(*) as n from ${sub} as s`.execute(db);
  return Number(r.rows[0]?.n ?? 0) >= SEARCH_NEWEST;
}

export async function listAppeals(
  db: Tx,
  vis: Visibility,
  f: RepoFilter,
  clock: LightClock,
  page: { limit: number; offset: number; sort: SortKey; order: 'asc' | 'desc'; after?: Cursor },
  /** known: the (capped) count an earlier page of the same walk returned, so an export counts once; detail: the export's columns too. */
  opts: { known?: number; detail?: boolean } = {},
): Promise<{ rows: SummaryRow[]; total: number; totalCapped: boolean; searchCapped: boolean; nextCursor: string | null; counted: number }> {
  const known = opts.known;
  const parts = listParts(vis, f);
  // Each part counted once, on its own index, up to what the cap still needs: no second count.
  let n = known ?? 0;
  for (const part of known === undefined ? parts : []) {
    if (n > COUNT_CAP) break;
    const [{ c }] = await countQuery(db, vis, f, clock, part, COUNT_CAP + 1 - n).execute();
    n += Number(c);
  }
  // A search that reached its bound may have older matches beyond it: the total is then a lower bound.
  const searchBound = f.q !== undefined && known === undefined && n <= COUNT_CAP && (await searchReachedBound(db, f.q));
  // Many matches: walking the ordering index meets a page of them early. Few (the count
  // read them all off a filter's index): the same index finds them and sorting ≤ COUNT_CAP is cheap.
  const walk = INDEXED_SORTS.has(page.sort) && n > COUNT_CAP;
  // One row beyond the page says whether a next page exists.
  const want = page.offset + page.limit + 1;
  const found: { id: string; k: unknown }[] = [];
  for (const part of parts) {
    const rows = await pageQuery(db, vis, f, clock, part, { ...page, limit: want }, walk).execute();
    found.push(...(rows as { id: string; k: unknown }[]));
  }
  const dir = page.order === 'asc' ? 1 : -1;
  const cmp = (x: unknown, y: unknown) => (x === y ? 0 : x === null ? -1 : y === null ? 1 : (x as any) < (y as any) ? -1 : 1);
  if (parts.length > 1) found.sort((x, y) => dir * (cmp(x.k, y.k) || cmp(x.id, y.id)));
  const ids = found.slice(page.offset, want - 1);
  const last = ids[ids.length - 1];
  const nextCursor = CURSOR_SORTS.has(page.sort) && found.length >= want && last ? encodeCursor(last.k as string, last.id) : null;
  const rows = ids.length
    ? ((await base(db)
        .where(
          'a.id',
          'in',
          ids.map((r) => r.id),
        )
        .select((eb) => (opts.detail ? [...safeColumns(eb, vis), ...EXPORT_COLUMNS] : safeColumns(eb, vis)) as any)
        .execute()) as unknown as SummaryRow[])
    : [];
  const at = new Map(ids.map((r, i) => [r.id, i]));
  rows.sort((x, y) => at.get(x.id)! - at.get(y.id)!);
  return { rows, total: Math.min(n, COUNT_CAP), totalCapped: n > COUNT_CAP || searchBound, searchCapped: searchBound, nextCursor, counted: n };
}

export const EXPORT_COLUMNS = ['a.answer', 'a.due_date', 'a.accept_due_date', 'a.closed_at'] as const;
export type ExportRow = SummaryRow & { answer: string | null; due_date: string | null; accept_due_date: string; closed_at: string | null };
