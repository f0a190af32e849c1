/**
 * How a figure names the records it counted (issue #22: "the snapshot says which records were
 * counted"), by its own definition rather than a second one. Two ways, one per kind of count:
 * - a figure folded from rows in JS is additive over them (a count, or a ratio of counts), so a row
 *   is in the numerator exactly when the figure of that row alone has numerator 1: `foldRecords`
 *   counts each row alone with the figure's own function;
 * - a figure counted in SQL declares in its drill the list filters that select its records:
 *   `recordsByDrill` reads the ids of the list's own filter, once per distinct filter set and batch.
 */
import type { Db } from '../db/database.js';
import type { Figure } from '../../../common/figure.js';
import { sharedRead, type CountedRecords, type IndicatorQuery } from './indicator.js';

/**
 * Sorted, distinct. A list already strictly ascending (rows read or sorted by id once, then folded
 * figure by figure) is returned as it is: at scale L a group's year is ~300 000 appeals and eleven
 * figures, and sorting each figure's two parts again was most of the records' Node time.
 */
export function sortedIds(ids: Iterable<string>): string[] {
  const list = Array.isArray(ids) ? (ids as string[]) : [...ids];
  let ascending = true;
  for (let i = 1; i < list.length && ascending; i++) ascending = list[i - 1] < list[i];
  return ascending ? list : [...new Set(list)].sort();
}

/**
 * The rows a folded figure counted: each row counted alone by `figureOf` (the function that counts
 * the figure from rows) lands in the numerator when that count is non-zero, likewise the denominator.
 * `kindOf` (optional) names rows the figure cannot tell apart (the same flags), so each kind is
 * counted once, not each row: a year of a group's appeals is a few hundred thousand rows, a few dozen kinds.
 */
export function foldRecords<R>(
  rows: readonly R[],
  idOf: (r: R) => string,
  figureOf: (one: R) => Pick<Figure, 'numerator' | 'denominator'>,
  kindOf?: (r: R) => string,
): CountedRecords {
  const memo = new Map<string, readonly [boolean, boolean]>();
  const numerator: string[] = [];
  const denominator: string[] = [];
  for (const r of rows) {
    const k = kindOf?.(r);
    let parts = k === undefined ? undefined : memo.get(k);
    if (!parts) {
      const f = figureOf(r);
      parts = [f.numerator > 0, f.denominator > 0];
      if (k !== undefined) memo.set(k, parts);
    }
    if (parts[0]) numerator.push(idOf(r));
    if (parts[1]) denominator.push(idOf(r));
  }
  return { numerator: sortedIds(numerator), denominator: sortedIds(denominator) };
}

type DrillIds = (db: Db, q: IndicatorQuery, filters: Record<string, string>) => Promise<string[]>;

const filterKey = (filters: Record<string, string>) =>
  Object.entries(filters)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, v]) => `${k}=${v}`)
    .join('&');

/**
 * `records` for figures counted by a list's filter: the ids `ids` selects for the drill's numerator
 * and denominator filters; figures of a batch sharing a filter set (three rates over the same
 * households) read it once. `name`: the module's read, keying the batch.
 */
export function recordsByDrill(name: string, ids: DrillIds) {
  const read = (db: Db, q: IndicatorQuery, filters: Record<string, string>) =>
    sharedRead(q, `${name}?${filterKey(filters)}`, async () => sortedIds(await ids(db, q, filters)));
  return async (db: Db, q: IndicatorQuery, figure: Figure): Promise<CountedRecords | null> => {
    if (!figure.drill) return null;
    const [numerator, denominator] = await Promise.all([read(db, q, figure.drill.numerator), read(db, q, figure.drill.denominator)]);
    return { numerator, denominator };
  };
}
