/**
 * The list's filters, paging and sort live in the URL, under the server's own parameter
 * names: a dashboard drill-down is just a link, and reload, back and a shared link show
 * the same list.
 */
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { FILTER_KEYS, SORT_KEYS, type AppealFilters, type AppealQuery, type SortKey } from './api';
import { PAGE_SIZES } from '../../shared/listTable';

export function useAppealSearch(): [AppealQuery, (patch: Partial<AppealQuery>) => void, () => void] {
  const [params, setParams] = useSearchParams();

  const query = useMemo<AppealQuery>(() => {
    const filters: AppealFilters = {};
    for (const k of FILTER_KEYS) {
      const v = params.get(k);
      if (v) filters[k] = v;
    }
    const size = Number(params.get('pageSize'));
    const sort = SORT_KEYS.find((s) => s === params.get('sort')) as SortKey | undefined;
    return {
      ...filters,
      page: Math.max(1, Number(params.get('page')) || 1),
      pageSize: PAGE_SIZES.includes(size) ? size : PAGE_SIZES[0],
      sort,
      order: sort ? (params.get('order') === 'desc' ? 'desc' : 'asc') : undefined,
      after: params.get('after') ?? undefined,
    };
  }, [params]);

  const update = useCallback(
    (patch: Partial<AppealQuery>) => {
      const next: Partial<AppealQuery> = { ...query, ...patch };
      // Any change but paging starts again at page 1; the old page may be past the end.
      if (!('page' in patch)) next.page = 1;
      // A cursor belongs to the page it came from: any other change leaves cursor paging.
      if (!('after' in patch)) delete next.after;
      const out = new URLSearchParams();
      for (const [k, v] of Object.entries(next)) {
        if (v === undefined || v === null || v === '') continue;
        if (k === 'page' && v === 1) continue;
        out.set(k, String(v));
      }
      setParams(out, { replace: true });
    },
    [query, setParams],
  );

  const reset = useCallback(() => setParams(new URLSearchParams(), { replace: true }), [setParams]);

  return [query, update, reset];
}

/** Only the filters of a query: what the export sends. */
export function filtersOf(q: AppealQuery): AppealFilters {
  const out: AppealFilters = {};
  for (const k of FILTER_KEYS) if (q[k]) out[k] = q[k];
  return out;
}
