/** Decided items and meetings: queries and writes; shapes come from common/schemas. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { DecidedCuts, DecidedItemDetail, DecidedItemPage, PublicDecidedItemPage } from '@common/schemas/decidedItems';
import type { MeetingDetail, MeetingPage, ProposalChoices, SeriesList } from '@common/schemas/meetings';
import { api, download } from '../../api/client';

export type DecidedPage = z.infer<typeof DecidedItemPage>;
export type DecidedRow = DecidedPage['items'][number];
export type DecidedDetail = z.infer<typeof DecidedItemDetail>;
export type PublicPage = z.infer<typeof PublicDecidedItemPage>;
export type Meetings = z.infer<typeof MeetingPage>;
export type Meeting = z.infer<typeof MeetingDetail>;
export type SeriesItems = z.infer<typeof SeriesList>['items'];
export type ProposalChoice = z.infer<typeof ProposalChoices>['items'][number];

export interface DecidedQuery {
  page: number;
  pageSize: number;
  sort?: 'dueDate' | 'progress' | 'updatedAt' | 'title';
  order?: 'asc' | 'desc';
  status?: string;
  sourceKind?: string;
  dueFrom?: string;
  dueTo?: string;
  mine?: '1';
  sourceId?: string;
  ownerAccountId?: string;
  orgId?: string;
  counted?: '1';
  onTime?: '1';
  carriedInto?: string;
}
export type Cuts = z.infer<typeof DecidedCuts>;
export type CutRow = Cuts['rows'][number];

const KEY = 'meetings';

export const useDecidedItems = (q: DecidedQuery) =>
  useQuery({ queryKey: [KEY, 'decided', q], queryFn: () => api.get<DecidedPage>('/decided-items', { ...q }), placeholderData: keepPreviousData });
export const exportDecidedItems = (q: DecidedQuery) => download('/decided-items/export.xlsx', { ...q, page: undefined, pageSize: undefined }, '督办事项.xlsx');
/** Figures per owner, source or kind of source over the items due in [from, to]; each row names its board filter. */
export const useDecidedCuts = (q: { from: string; to: string; cut: Cuts['by'] }) =>
  useQuery({ queryKey: [KEY, 'cuts', q], queryFn: () => api.get<Cuts>('/decided-items/cuts', { ...q }), placeholderData: keepPreviousData });
export const usePublicDecidedItems = () =>
  useQuery({ queryKey: [KEY, 'public'], queryFn: () => api.get<PublicPage>('/decided-items/public', { pageSize: 50 }) });
export const useDecidedItem = (id: string | undefined) =>
  useQuery({ queryKey: [KEY, 'decided', id], enabled: !!id, queryFn: () => api.get<DecidedDetail>(`/decided-items/${id}`) });

/** One action on an item (progress, start, done, drop, reopen); refreshes the board and the detail. */
export function useDecidedAction(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ action, body }: { action: 'progress' | 'start' | 'done' | 'drop' | 'reopen'; body?: unknown }) =>
      api.post(`/decided-items/${id}/${action}`, body ?? {}),
    onSuccess: () => qc.invalidateQueries({ queryKey: [KEY] }),
  });
}

export interface MeetingQuery {
  page: number;
  pageSize: number;
  sort?: 'plannedDate' | 'title';
  order?: 'asc' | 'desc';
  kind?: string;
  status?: string;
  seriesId?: string;
}
export const useMeetings = (q: MeetingQuery) =>
  useQuery({ queryKey: [KEY, 'meetings', q], queryFn: () => api.get<Meetings>('/meetings', { ...q }), placeholderData: keepPreviousData });
export const useMeeting = (id: string | undefined) =>
  useQuery({ queryKey: [KEY, 'meeting', id], enabled: !!id, queryFn: () => api.get<Meeting>(`/meetings/${id}`) });
export const useSeries = (enabled: boolean) =>
  useQuery({ queryKey: [KEY, 'series'], enabled, queryFn: () => api.get<{ items: SeriesItems }>('/meetings/series').then((r) => r.items) });

/** Adopted congress proposals a series' meetings may take up, matching `q`: the agenda editor's picker. */
export const useProposalChoices = (seriesId: string | undefined, q: string) =>
  useQuery({
    queryKey: [KEY, 'proposalChoices', seriesId, q],
    enabled: !!seriesId,
    placeholderData: keepPreviousData,
    queryFn: () => api.get<{ items: ProposalChoice[] }>(`/meetings/series/${seriesId}/proposals`, q ? { q } : {}).then((r) => r.items),
  });

/** A write on one meeting; `action: ''` with `put` replaces a planned meeting's plan. */
export function useMeetingAction(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ action, body, method }: { action: string; body?: unknown; method?: 'put' }) => {
      const path = action ? `/meetings/${id}/${action}` : `/meetings/${id}`;
      return method === 'put' ? api.put(path, body) : api.post(path, body ?? {});
    },
    onSuccess: () => qc.invalidateQueries({ queryKey: [KEY] }),
  });
}

/** 新建系列 and 安排会议: each answers with the new id and refreshes the lists. */
export function usePlanning() {
  const qc = useQueryClient();
  const done = () => qc.invalidateQueries({ queryKey: [KEY] });
  return {
    createSeries: useMutation({
      mutationFn: (body: { orgId: string; kind: string; name: string }) => api.post<{ id: string }>('/meetings/series', body),
      onSuccess: done,
    }),
    planMeeting: useMutation({ mutationFn: (body: unknown) => api.post<{ id: string }>('/meetings', body), onSuccess: done }),
  };
}
