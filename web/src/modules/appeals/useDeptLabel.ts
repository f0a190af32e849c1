import { useCallback, useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { useAuth } from '../../app/auth/AuthContext';
import { ORGS_KEY, type Org } from '../../shared/orgs';

/**
 * "一号矿 生产部" rather than "生产部": every mine has one, and the server names a department
 * by itself. Uses the org list the pickers already load (same cache entry); workers, who
 * may not read the tree, get the plain name.
 */
export function useDeptLabel(): (dept: { id: string; name: string } | null | undefined) => string {
  const { can } = useAuth();
  const { data } = useQuery({
    queryKey: ORGS_KEY,
    queryFn: () => api.get<{ items: Org[] }>('/orgs').then((r) => r.items),
    staleTime: 5 * 60_000,
    enabled: can('org.read'),
  });
  const byId = useMemo(() => new Map((data ?? []).map((o) => [o.id, o])), [data]);
  return useCallback(
    (dept) => {
      if (!dept) return '';
      const parent = byId.get(byId.get(dept.id)?.parentId ?? '');
      return parent ? `${parent.name} ${dept.name}` : dept.name;
    },
    [byId],
  );
}
