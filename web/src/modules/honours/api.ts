/** Honours and labour competitions: queries and writes; shapes come from common/schemas. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  AwardList,
  CompetitionDetail,
  CompetitionList,
  CreateHonourBody,
  EditCriteriaBody,
  HonourList,
  HonourStats,
  NominationDetail,
  NominationPage,
} from '@common/schemas/honours';
import { api } from '../../api/client';

export type Honours = z.infer<typeof HonourList>['items'];
export type Nominations = z.infer<typeof NominationPage>;
export type Nomination = z.infer<typeof NominationDetail>;
export type Stats = z.infer<typeof HonourStats>;
export type Awards = z.infer<typeof AwardList>['items'];
export type Competitions = z.infer<typeof CompetitionList>['items'];
export type Competition = z.infer<typeof CompetitionDetail>;

export interface NominationQuery {
  page: number;
  pageSize: number;
  sort?: 'createdAt' | 'teamName' | 'score';
  order?: 'asc' | 'desc';
  honourId?: string;
  status?: string;
  reason?: string;
  mine?: '1';
  year?: string;
  unitId?: string;
  from?: string;
  to?: string;
  awarded?: '1';
  /** Past the counted pages the list goes on by the server's cursor (newest first only). */
  after?: string;
}

const KEY = 'honours';
export const useHonours = () => useQuery({ queryKey: [KEY, 'honours'], queryFn: () => api.get<{ items: Honours }>('/honours').then((r) => r.items) });
export const useNominations = (q: NominationQuery) =>
  useQuery({ queryKey: [KEY, 'nominations', q], queryFn: () => api.get<Nominations>('/honour-nominations', { ...q }), placeholderData: keepPreviousData });
export const useNomination = (id: string) => useQuery({ queryKey: [KEY, 'nomination', id], queryFn: () => api.get<Nomination>(`/honour-nominations/${id}`) });
export const useStats = (enabled: boolean) => useQuery({ queryKey: [KEY, 'stats'], enabled, queryFn: () => api.get<Stats>('/honours/stats') });
export const useAwards = () => useQuery({ queryKey: [KEY, 'awards'], queryFn: () => api.get<{ items: Awards }>('/honours/awards').then((r) => r.items) });
export const useCompetitions = () =>
  useQuery({ queryKey: [KEY, 'competitions'], queryFn: () => api.get<{ items: Competitions }>('/competitions').then((r) => r.items) });
export const useCompetition = (id: string | undefined) =>
  useQuery({ queryKey: [KEY, 'competition', id], enabled: !!id, queryFn: () => api.get<Competition>(`/competitions/${id}`) });

export function useNominate() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ honourId, teamOrgId, record }: { honourId: string; teamOrgId: string; record: string }) =>
      api.post<{ id: string }>(`/honours/${honourId}/nominations`, { teamOrgId, record }),
    onSuccess: () => qc.invalidateQueries({ queryKey: [KEY] }),
  });
}

export type NominationAction = 'check' | 'recommend' | 'disqualify' | 'reject' | 'award' | 'publish' | 'revoke';
export function useNominationAction(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ action, body }: { action: NominationAction; body?: unknown }) => api.post(`/honour-nominations/${id}/${action}`, body ?? {}),
    onSuccess: () => qc.invalidateQueries({ queryKey: [KEY] }),
  });
}

/** The union changes an honour's criteria until assessment starts (then 409). */
export function useEditCriteria(honourId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: z.input<typeof EditCriteriaBody>) => api.put<{ id: string }>(`/honours/${honourId}/criteria`, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: [KEY] }),
  });
}

export type NewHonour = z.input<typeof CreateHonourBody>;
export function useCreateHonour() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: NewHonour) => api.post<{ id: string }>('/honours', body),
    onSuccess: () => qc.invalidateQueries({ queryKey: [KEY] }),
  });
}

/** The union's points and checks against the honour's criteria. */
export function useAssess(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { scores: Record<string, number>; checks: Record<string, boolean> }) =>
      api.put<{ total: number; passed: boolean }>(`/honour-nominations/${id}/assessment`, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: [KEY] }),
  });
}
