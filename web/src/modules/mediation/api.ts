/** Mediation queries and writes; shapes come from common/schemas/mediation. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CaseDetail, CaseSummary, MediationFigures } from '@common/schemas/mediation';
import { api, type Query } from '../../api/client';

export type { CaseDetail, CaseSummary };
export interface CasePage {
  items: CaseSummary[];
  total: number;
  /** The server stopped counting at its cap: shown as 「2000+」. */
  totalCapped: boolean;
  /** Pass as `after` for the page after this one (newest first); null on the last page. */
  nextCursor?: string | null;
  page: number;
  pageSize: number;
}
export type SortKey = 'appliedAt' | 'acceptDue' | 'mediationDue' | 'closedOn';
export interface CaseQuery {
  page: number;
  pageSize: number;
  sort?: SortKey;
  order?: 'asc' | 'desc';
  status?: string;
  light?: string;
  claimType?: string;
  q?: string;
  /** Past the counted pages the list goes on by the server's cursor (newest first only). */
  after?: string;
}

const KEY = 'mediation';

export function useCases(q: CaseQuery) {
  return useQuery({
    queryKey: [KEY, 'cases', q],
    queryFn: () => api.get<CasePage>('/mediation/cases', q as unknown as Query),
    placeholderData: keepPreviousData,
  });
}

export function useCase(id: string | undefined) {
  return useQuery({ queryKey: [KEY, 'case', id], enabled: !!id, queryFn: () => api.get<CaseDetail>(`/mediation/cases/${id}`) });
}

export function useApply() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: unknown) => api.post<CaseDetail>('/mediation/cases', body),
    onSuccess: () => qc.invalidateQueries({ queryKey: [KEY] }),
  });
}

export type CaseAction = 'accept' | 'reject' | 'sessions' | 'extend' | 'agreement' | 'fail' | 'withdraw' | 'payments' | 'evidence';

export function useCaseAction(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ action, body }: { action: CaseAction; body: unknown }) => api.post<CaseDetail>(`/mediation/cases/${id}/${action}`, body),
    onSuccess: (data) => {
      qc.setQueryData([KEY, 'case', id], data);
      void qc.invalidateQueries({ queryKey: [KEY, 'cases'] });
    },
  });
}

/** The union's mediators a new case may be assigned to (asked only by those who decide on acceptance). */
export function useMediatorOptions(id: string, enabled: boolean) {
  return useQuery({
    queryKey: [KEY, 'mediators', id],
    enabled,
    queryFn: () => api.get<{ items: { accountId: string; name: string }[] }>(`/mediation/cases/${id}/mediators`),
  });
}

/** Workers the committee may register a case for, searched by name or number (the people list scopes them). */
export function useWorkerSearch(q: string) {
  return useQuery({
    queryKey: [KEY, 'workers', q],
    enabled: q.trim().length > 0,
    queryFn: () =>
      api.get<{ items: { id: string; name: string; orgName: string; employeeNo: string | null }[] }>('/people', { kind: 'worker', q: q.trim(), pageSize: 20 }),
    placeholderData: keepPreviousData,
  });
}

export type { MediationFigures, CutRow } from '@common/schemas/mediation';

/** The committee's figures of a period cut by claim type and unit (union chair and staff only). */
export function useFigures(q: { from: string; to: string; orgId?: string }) {
  return useQuery({
    queryKey: [KEY, 'figures', q],
    queryFn: () => api.get<MediationFigures>('/mediation/figures', q as unknown as Query),
    placeholderData: keepPreviousData,
  });
}
