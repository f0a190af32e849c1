/** 厂务公开 queries and writes; shapes come from common/schemas/notices. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ChainDigest, HistoryEntry, NoticeDetail, NoticeQuestion, NoticeReadRates, NoticeSummary, Receipt } from '@common/schemas/notices';
import { api, type Query } from '../../api/client';
import type { Paged } from '../../shared/PagedList';

export type { Paged };

const KEY = 'notices';

export const useNotices = (q: Query) =>
  useQuery({
    queryKey: [KEY, 'list', q],
    queryFn: () => api.get<Paged<NoticeSummary> & { totalCapped?: boolean; nextCursor?: string | null }>('/notices', q),
    placeholderData: keepPreviousData,
  });
export const useNotice = (id: string) => useQuery({ queryKey: [KEY, 'notice', id], queryFn: () => api.get<NoticeDetail>(`/notices/${id}`) });
export const useHistory = (id: string) =>
  useQuery({ queryKey: [KEY, 'history', id], queryFn: () => api.get<{ items: HistoryEntry[] }>(`/notices/${id}/history`).then((r) => r.items) });
export const useReadRates = (id: string, enabled: boolean) =>
  useQuery({ queryKey: [KEY, 'rates', id], enabled, queryFn: () => api.get<NoticeReadRates>(`/notices/${id}/read-rates`) });
export const useDigest = () => useQuery({ queryKey: [KEY, 'digest'], queryFn: () => api.get<ChainDigest>('/notice-chain/digest') });
export const useQuestions = (noticeId: string) =>
  useQuery({
    queryKey: [KEY, 'questions', noticeId],
    queryFn: () => api.get<Paged<NoticeQuestion>>('/notice-questions', { noticeId, pageSize: 100 }).then((r) => r.items),
  });

/** A write that refreshes every notices query after it lands. */
export function useNoticesWrite<B, R>(send: (body: B) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: send, onSuccess: () => qc.invalidateQueries({ queryKey: [KEY] }) });
}

export const publishNotice = (body: Record<string, unknown>) => api.post<NoticeDetail>('/notices', body);
export const markRead = (id: string) => api.post<Receipt>(`/notices/${id}/read`, {});
export const correctNotice = (id: string) => (body: { title?: string; body?: string; reason: string }) =>
  api.post<NoticeDetail>(`/notices/${id}/correct`, body);
export const withdrawNotice = (id: string) => (body: { reason: string }) => api.post<NoticeDetail>(`/notices/${id}/withdraw`, body);
export const askQuestion = (id: string) => (body: { body: string; anonymous: boolean }) => api.post<NoticeQuestion>(`/notices/${id}/questions`, body);
export const answerQuestion = (id: string) => (body: { answer: string }) => api.post<NoticeQuestion>(`/notice-questions/${id}/answer`, body);
