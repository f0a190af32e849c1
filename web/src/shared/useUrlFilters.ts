/**
 * A list's filters, sort and page kept in the address, so a filtered list can be bookmarked, sent, or opened
 * from a figure's drill-down: the query is read from the URL and every change is written back to it (replacing
 * the history entry, so Back leaves the list rather than undoing a filter).
 */
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';

type Value = string | number | undefined | null;

/** The URL after a change: empty values dropped; the page back to 1 and the cursor dropped unless the change names them. */
export function paramsWith(p: URLSearchParams, patch: Record<string, Value>): URLSearchParams {
  const next = new URLSearchParams(p);
  if (!('page' in patch)) next.delete('page');
  if (!('after' in patch)) next.delete('after');
  for (const [k, v] of Object.entries(patch)) {
    if (v === undefined || v === null || v === '') next.delete(k);
    else next.set(k, String(v));
  }
  return next;
}

/**
 * A paged list's query from the URL: page and page size as numbers (1 and `pageSize` when absent), and the list's own
 * `keys` as they stand — nothing else, so a stray parameter never reaches the server's strict query.
 */
export function listQueryFrom(
  p: URLSearchParams,
  keys: readonly string[],
  pageSize = 20,
): { page: number; pageSize: number } & Record<string, string | number> {
  const q: Record<string, string | number> = {};
  for (const k of keys) if (p.get(k)) q[k] = p.get(k)!;
  return { ...q, page: Math.max(1, Number(p.get('page')) || 1), pageSize: Number(p.get('pageSize')) || pageSize };
}

/**
 * `query` is `parse(URL)` (`parse` must be a stable, module-level function); `patch` changes some keys (the page
 * back to 1 unless it is the change); `setQuery` rewrites the whole query from the current one.
 */
export function useUrlFilters<Q extends object>(parse: (p: URLSearchParams) => Q) {
  const [params, setParams] = useSearchParams();
  const query = useMemo(() => parse(params), [params, parse]);
  const patch = useCallback((p: Record<string, Value>) => setParams((cur) => paramsWith(cur, p), { replace: true }), [setParams]);
  const setQuery = useCallback(
    (next: (q: Q) => Q) =>
      setParams(
        (cur) => {
          const q = next(parse(cur)) as Record<string, Value>;
          // Page 1 stays out of the address.
          return paramsWith(new URLSearchParams(), { ...q, page: Number(q.page) > 1 ? q.page : undefined });
        },
        { replace: true },
      ),
    [setParams, parse],
  );
  return { params, query, patch, setQuery, setParams };
}

/**
 * A server-paged list's query from the address: page, page size, sort, order, the cursor and the list's own filter
 * keys (`filterKeys` a module-level constant). Returns the query, `patch` and the raw parameters.
 */
export function useUrlQuery<Q extends { page: number; pageSize: number }>(
  filterKeys: readonly string[],
  defaults: { pageSize?: number } = {},
): [Q, (patch: Record<string, Value>) => void, URLSearchParams] {
  const parse = useCallback(
    (p: URLSearchParams) => listQueryFrom(p, ['sort', 'order', 'after', ...filterKeys], defaults.pageSize) as unknown as Q,
    [filterKeys, defaults.pageSize],
  );
  const { query, patch, params } = useUrlFilters(parse);
  return [query, patch, params];
}
