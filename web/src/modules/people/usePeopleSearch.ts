/**
 * Filters, paging and sorting live in the URL: reload, back and a shared link all
 * show the same list.
 */
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { EMPLOYMENT_CATEGORIES, PERSON_KINDS, type EmploymentCategory, type PersonKind } from '@common/enums';
import { SORT_FIELDS, type PeopleQuery, type SortField } from './api';
import { PAGE_SIZES } from '../../shared/listTable';

const oneOf = <T extends string>(list: readonly T[], v: string | null): T | undefined => list.find((x) => x === v);

export function usePeopleSearch(): [PeopleQuery, (patch: Partial<PeopleQuery>) => void] {
  const [params, setParams] = useSearchParams();

  const query = useMemo<PeopleQuery>(() => {
    const page = Number(params.get('page')) || 1;
    const pageSize = oneOf(PAGE_SIZES.map(String), params.get('pageSize'));
    const sort = oneOf<SortField>(SORT_FIELDS, params.get('sort'));
    return {
      page: Math.max(1, page),
      pageSize: pageSize ? Number(pageSize) : PAGE_SIZES[0],
      orgId: params.get('orgId') || undefined,
      kind: oneOf<PersonKind>(PERSON_KINDS, params.get('kind')),
      category: oneOf<EmploymentCategory>(EMPLOYMENT_CATEGORIES, params.get('category')),
      q: params.get('q') || undefined,
      sort,
      order: sort ? (params.get('order') === 'desc' ? 'desc' : 'asc') : undefined,
      after: params.get('after') || undefined,
    };
  }, [params]);

  const update = useCallback(
    (patch: Partial<PeopleQuery>) => {
      // A new filter starts again at page 1; otherwise the page may be past the end.
      const filterChanged = ['orgId', 'kind', 'category', 'q', 'sort', 'order', 'pageSize'].some((k) => k in patch);
      const next: Partial<PeopleQuery> = { ...query, ...patch };
      if (filterChanged && !('page' in patch)) next.page = 1;
      // A cursor belongs to the page it was handed with: any other change leaves it.
      if (!('after' in patch)) next.after = undefined;
      const out = new URLSearchParams();
      for (const [k, v] of Object.entries(next)) {
        if (v !== undefined && v !== null && v !== '') out.set(k, String(v));
      }
      setParams(out, { replace: true });
    },
    [query, setParams],
  );

  return [query, update];
}
