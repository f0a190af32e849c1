/** Hardship queries and writes; shapes come from common/schemas/hardship. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ProfileDetail, ProfileSummary } from '@common/schemas/hardship';
import { api, type Query } from '../../api/client';
import type { Paged } from '../../shared/PagedList';

export type { ProfileDetail, ProfileSummary };
export type { Paged };
export type SortKey = 'appliedAt' | 'code' | 'reviewDue' | 'incomePerHead';
export interface HouseholdQuery {
  page: number;
  pageSize: number;
  sort?: SortKey;
  order?: 'asc' | 'desc';
  status?: string;
  tier?: string;
  cause?: string;
  q?: string;
  /** Past the counted pages the list goes on by the server's cursor (newest first only). */
  after?: string;
}
export interface PublicNotice {
  id: string;
  code: string;
  maskedName: string;
  orgName: string;
  tier: string | null;
  noticeFrom: string;
  noticeTo: string;
}

const KEY = 'hardship';
export const H = '/hardship/households';

export function useHouseholds(q: HouseholdQuery) {
  return useQuery({ queryKey: [KEY, 'list', q], queryFn: () => api.get<Paged<ProfileSummary>>(H, q as unknown as Query), placeholderData: keepPreviousData });
}

export function useHousehold(id: string | undefined) {
  return useQuery({ queryKey: [KEY, 'one', id], enabled: !!id, queryFn: () => api.get<ProfileDetail>(`${H}/${id}`) });
}

export function usePublicity(page: number) {
  return useQuery({ queryKey: [KEY, 'publicity', page], queryFn: () => api.get<Paged<PublicNotice>>('/hardship/publicity', { page, pageSize: 20 }) });
}

export function useCounts() {
  return useQuery({
    queryKey: [KEY, 'counts'],
    queryFn: () => api.get<{ byTier: { tier: string; count: number }[]; byStatus: { status: string; count: number }[] }>('/hardship/counts'),
  });
}

export function useApply() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: (body: unknown) => api.post<ProfileDetail>(H, body), onSuccess: () => qc.invalidateQueries({ queryKey: [KEY] }) });
}

export function useObject(id: string) {
  return useMutation({
    mutationFn: (body: { content: string; anonymous: boolean }) => api.post<{ id: string }>(`/hardship/publicity/${id}/objections`, body),
  });
}

export type HouseholdAction = 'visits' | 'approve' | 'refuse' | 'file' | 'reviews' | 'exit' | 'callbacks' | 'assistance';

export function useHouseholdAction(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ action, body }: { action: HouseholdAction | string; body: unknown }) => api.post<ProfileDetail>(`${H}/${id}/${action}`, body),
    onSuccess: (data) => {
      qc.setQueryData([KEY, 'one', id], data);
      void qc.invalidateQueries({ queryKey: [KEY, 'list'] });
    },
  });
}
