/** 政策回应 queries and writes; shapes come from common/schemas/policies. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ArticleHit,
  DocxText,
  ExplainPrompt,
  FaqEntry,
  FaqUse,
  PolicyDetail,
  PolicySummary,
  QuestionDetail,
  QuestionSummary,
} from '@common/schemas/policies';
import { api, upload, type Query } from '../../api/client';
import type { Paged } from '../../shared/PagedList';

export type { Paged };

const KEY = 'policies';

export const usePolicies = (q: Query) =>
  useQuery({ queryKey: [KEY, 'list', q], queryFn: () => api.get<Paged<PolicySummary>>('/policies', q), placeholderData: keepPreviousData });

export const usePolicy = (id: string | undefined) =>
  useQuery({ queryKey: [KEY, 'policy', id], enabled: !!id, queryFn: () => api.get<PolicyDetail>(`/policies/${id}`) });

export const useArticleSearch = (q: string | undefined) =>
  useQuery({
    queryKey: [KEY, 'articles', q],
    enabled: !!q,
    queryFn: () => api.get<{ items: ArticleHit[] }>('/policy-articles', { q, pageSize: 20 }).then((r) => r.items),
  });

export const useFaq = (q: string | undefined) =>
  useQuery({
    queryKey: [KEY, 'faq', q],
    queryFn: () => api.get<{ items: FaqEntry[] }>('/policy-faq', { q, pageSize: q ? 5 : 20 }).then((r) => r.items),
    placeholderData: keepPreviousData,
  });

export const useQuestions = (q: Query) =>
  useQuery({
    queryKey: [KEY, 'questions', q],
    queryFn: () => api.get<Paged<QuestionSummary> & { totalCapped: boolean; nextCursor: string | null }>('/policy-questions', q),
    placeholderData: keepPreviousData,
  });

/** 政策解读 prompts, for those who answer questions. */
export const useExplainPrompts = (enabled: boolean) =>
  useQuery({
    queryKey: [KEY, 'explainPrompts'],
    enabled,
    queryFn: () => api.get<{ items: ExplainPrompt[]; windowDays: number; minAskers: number }>('/policy-questions/explain-prompts'),
  });

export const useQuestion = (id: string | undefined) =>
  useQuery({ queryKey: [KEY, 'question', id], enabled: !!id, queryFn: () => api.get<QuestionDetail>(`/policy-questions/${id}`) });

/** A write that refreshes every policies query after it lands. */
export function usePoliciesWrite<B, R>(send: (body: B) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: send, onSuccess: () => qc.invalidateQueries({ queryKey: [KEY] }) });
}

export const askQuestion = (body: { topic: string; title: string; body: string; anonymous: boolean }) => api.post<QuestionDetail>('/policy-questions', body);
export const answerQuestion = (id: string) => (body: { answer: string; articleIds: string[] }) =>
  api.post<QuestionDetail>(`/policy-questions/${id}/answer`, body);
export const publishQuestion = (id: string) => (body: { faqTitle: string; faqAnswer: string }) =>
  api.post<QuestionDetail>(`/policy-questions/${id}/publish`, body);
export const withdrawQuestion = (id: string) => () => api.post<QuestionDetail>(`/policy-questions/${id}/withdraw`, {});
export const deflect = (id: string) => api.post<{ deflections: number }>(`/policy-faq/${id}/deflect`, {});
export const viewFaq = (id: string) => api.post<{ counted: boolean }>(`/policy-faq/${id}/view`, {});

/** The FAQ's dated uses behind the figures (day, entry, unit; never who). */
export const useFaqUses = (q: Query) =>
  useQuery({
    queryKey: [KEY, 'faqUses', q],
    queryFn: () => api.get<Paged<FaqUse> & { totalCapped: boolean; nextCursor: string | null }>('/policy-faq-uses', q),
    placeholderData: keepPreviousData,
  });
export const createPolicy = (body: Record<string, unknown>) => api.post<PolicyDetail>('/policies', body);
export const newVersion = (id: string) => (body: Record<string, unknown>) => api.post<PolicyDetail>(`/policies/${id}/versions`, body);
export const repealPolicy = (id: string) => (body: { repealDate: string }) => api.post<PolicyDetail>(`/policies/${id}/repeal`, body);

/** A .docx read back as text with its articles (nothing saved). */
export function readDocx(file: File) {
  const form = new FormData();
  form.append('file', file, file.name);
  return upload<DocxText>('/policies/docx-text', form);
}
