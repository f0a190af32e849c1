/**
 * A server-paged list whose query lives in the address, so a filtered list can be bookmarked, sent, or
 * opened from a figure's drill-down (the figure's `drill` is exactly these list filters). Paging, sorting
 * and the cursor are read beside the list's own filter keys; a change writes the address back (replacing
 * the entry), and any change but the page's own starts again from page 1 and drops the cursor.
 */
import { useMemo } from 'react';
import { useSearchParams } from 'react-router';

type Patch = Record<string, string | number | undefined | null>;

/** The address after a change: empty values dropped; page and cursor start over unless the change names them. */
export function paramsWith(p: URLSearchParams, patch: Patch): URLSearchParams {
  const next = new URLSearchParams(p);
  if (!('page' in patch)) next.delete('page');
  if (!('after' in patch)) next.delete('after');
  for (const [k, v] of Object.entries(patch)) {
    if (v === undefined || v === null || v === '') next.delete(k);
    else next.set(k, String(v));
  }
  return next;
}

export function useUrlQuery<Q extends { page: number; pageSize: number }>(
  filterKeys: readonly string[],
  defaults: { pageSize?: number } = {},
): [Q, (patch: Patch) => void, URLSearchParams] {
  const [params, setParams] = useSearchParams();
  const query = useMemo(() => {
    const q: Record<string, unknown> = {
      page: Math.max(1, Number(params.get('page')) || 1),
      pageSize: Number(params.get('pageSize')) || defaults.pageSize || 20,
    };
    for (const k of ['sort', 'order', 'after', ...filterKeys]) if (params.get(k)) q[k] = params.get(k);
    return q as Q;
  }, [params, filterKeys, defaults.pageSize]);
  const patch = (p: Patch) => setParams((cur) => paramsWith(cur, p), { replace: true });
  return [query, patch, params];
}
