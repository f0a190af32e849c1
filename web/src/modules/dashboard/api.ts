import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { isApiError } from '../../api/problem';

export interface PeopleStats {
  byCategory: { category: string; count: number }[];
  byKind: { kind: string; count: number }[];
}

/** null when the server has no statistics endpoint (404) or the user may not see it (403). */
export function usePeopleStats(enabled: boolean, orgId?: string) {
  return useQuery({
    queryKey: ['people', 'stats', orgId ?? null],
    enabled,
    queryFn: async () => {
      try {
        return await api.get<PeopleStats>('/people/stats', { orgId });
      } catch (err) {
        if (isApiError(err) && (err.status === 404 || err.status === 403)) return null;
        throw err;
      }
    },
  });
}
