/** Suggestion-campaign queries and writes; shapes come from common/schemas/suggestions. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CampaignStatistics, CampaignSummary, Candidate, SuggestionDetail, SuggestionSummary } from '@common/schemas/suggestions';
import { api, type Query } from '../../api/client';

export type { CampaignStatistics, CampaignSummary, Candidate, SuggestionDetail, SuggestionSummary };
export interface SuggestionPage {
  items: SuggestionSummary[];
  total: number;
  page: number;
  pageSize: number;
  /** The count stopped at the server's cap (2 000): the total shows as 「2000+」. */
  totalCapped: boolean;
  /** The page after this one, sent back as `after`: pages past the counted rows go on by it. */
  nextCursor: string | null;
}
export interface SuggestionQuery {
  page: number;
  pageSize: number;
  campaignId?: string;
  status?: string;
  mine?: '1';
  assigned?: '1';
  q?: string;
  after?: string;
  [filter: string]: string | number | undefined;
}

const KEY = 'suggestions';

export function useCampaigns() {
  return useQuery({ queryKey: [KEY, 'campaigns'], queryFn: () => api.get<{ items: CampaignSummary[] }>('/suggestion-campaigns') });
}

export function useStatistics(id: string | undefined) {
  return useQuery({ queryKey: [KEY, 'statistics', id], enabled: !!id, queryFn: () => api.get<CampaignStatistics>(`/suggestion-campaigns/${id}/statistics`) });
}

/** Start a campaign (no id) or edit one. */
export function useSaveCampaign(id: string | undefined) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: object) =>
      id ? api.put<CampaignSummary>(`/suggestion-campaigns/${id}`, body) : api.post<CampaignSummary>('/suggestion-campaigns', body),
    onSuccess: () => qc.invalidateQueries({ queryKey: [KEY] }),
  });
}

export function useSuggestions(q: SuggestionQuery) {
  return useQuery({
    queryKey: [KEY, 'list', q],
    queryFn: () => api.get<SuggestionPage>('/suggestions', q as unknown as Query),
    placeholderData: keepPreviousData,
  });
}

export function useSuggestion(id: string | undefined) {
  return useQuery({ queryKey: [KEY, 'one', id], enabled: !!id, queryFn: () => api.get<SuggestionDetail>(`/suggestions/${id}`) });
}

export function useCandidates(id: string, enabled: boolean) {
  return useQuery({
    queryKey: [KEY, 'candidates', id],
    enabled,
    queryFn: () => api.get<{ evaluators: Candidate[]; owners: Candidate[] }>(`/suggestions/${id}/candidates`),
  });
}

export function useSubmit() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: unknown) => api.post<SuggestionDetail>('/suggestions', body),
    onSuccess: () => qc.invalidateQueries({ queryKey: [KEY] }),
  });
}

export type SuggestionAction =
  'revise' | 'accept' | 'return' | 'merge' | 'evaluators' | 'scores' | 'decision' | 'implementation' | 'benefit' | 'verify' | 'reward';

export function useAction(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ action, body }: { action: SuggestionAction; body: unknown }) => api.post<SuggestionDetail>(`/suggestions/${id}/${action}`, body),
    onSuccess: (data) => {
      qc.setQueryData([KEY, 'one', id], data);
      void qc.invalidateQueries({ queryKey: [KEY, 'list'] });
    },
  });
}
