import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, download } from '../../api/client';
import type { Paged } from '../../shared/PagedList';

export interface AuditEvent {
  id: string;
  /** UTC ISO instant. */
  at: string;
  actorId: string | null;
  actorName: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  orgId: string | null;
  /** Whatever the writer recorded, typically {field: [before, after]} or {before, after}. */
  changes: unknown;
}

export interface AuditFilters {
  action?: string;
  entityType?: string;
  actorId?: string;
  /** UTC ISO instants bounding the range (both inclusive). */
  from?: string;
  to?: string;
}

export interface AuditQuery extends AuditFilters {
  page: number;
  pageSize: number;
}

export type { Paged };

export function useAuditEvents(query: AuditQuery) {
  return useQuery({
    queryKey: ['audit', query],
    queryFn: ({ signal }) => api.get<Paged<AuditEvent>>('/audit', { ...query }, { signal }),
    placeholderData: keepPreviousData,
  });
}

export const exportAudit = (filters: AuditFilters) => download('/audit/export.xlsx', { ...filters }, 'audit.xlsx');
