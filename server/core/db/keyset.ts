/**
 * How every list reads a page so that it stays flat as its table grows (issue #16, the
 * module kit's list rules; docs/architecture.md 「列表」):
 * - the count stops at COUNT_CAP + 1 matches (shown as 「2000+」), never a second count;
 * - a page is a handful of ids read off an index in the list's order, then the rows of
 *   those ids alone are joined;
 * - deep pages go by an opaque cursor (`after`): the next page starts after the last row
 *   shown, on the (sort key, id) index, instead of an OFFSET that reads every row before it.
 */
import { sql, type Expression, type SqlBool } from 'kysely';
import { AppError } from '../errors.js';

/** Lists count at most this many matches: beyond it a page says 「2000+」 instead of scanning on. */
export const COUNT_CAP = 2_000;

/** Where the next page starts: the last row's sort key and id. */
export interface Cursor {
  k: string | number;
  id: string;
}

/** Opaque to the client (base64url of the key pair): it is handed back, never built. */
export function encodeCursor(k: string | number, id: string): string {
  return Buffer.from(JSON.stringify([k, id]), 'utf8').toString('base64url');
}

const badCursor = (message = 'validation.cursor') => new AppError(400, 'validation', 'error.validation', {}, [{ field: 'query.after', message }]);

/** A cursor follows the order it was written in: with another sort it is refused, naming `after`. */
export function checkCursorSort(followsSort: boolean) {
  if (!followsSort) throw badCursor('validation.cursorSort');
}

/** The cursor a client sent back; a 400 naming `after` when it is not one this server wrote. */
export function decodeCursor(s: string): Cursor {
  let v: unknown;
  try {
    v = JSON.parse(Buffer.from(s, 'base64url').toString('utf8'));
  } catch {
    throw badCursor();
  }
  if (!Array.isArray(v) || v.length !== 2 || !['string', 'number'].includes(typeof v[0]) || typeof v[1] !== 'string' || v[1].length > 64) throw badCursor();
  return { k: v[0] as string | number, id: v[1] };
}

/**
 * Rows after the cursor in (key, id) order: one row-value comparison, which both engines
 * read as a range on a (key, id) index — an OR of the two halves would not be.
 */
export function afterCursor(keyCol: string, idCol: string, c: Cursor, order: 'asc' | 'desc'): Expression<SqlBool> {
  return order === 'desc'
    ? sql<SqlBool>`(${sql.ref(keyCol)}, ${sql.ref(idCol)}) < (${c.k}, ${c.id})`
    : sql<SqlBool>`(${sql.ref(keyCol)}, ${sql.ref(idCol)}) > (${c.k}, ${c.id})`;
}

/**
 * Page numbers reach as far as the count does; past it the list goes on by cursor. A 400
 * naming `page` rather than an OFFSET that reads every row before the page.
 */
export function checkPageReach(page: number, pageSize: number) {
  if ((page - 1) * pageSize >= COUNT_CAP) {
    throw new AppError(400, 'validation', 'error.validation', {}, [{ field: 'query.page', message: 'validation.pageBeyondCount', params: { cap: COUNT_CAP } }]);
  }
}
