/** Surveys and screening queries and writes; shapes come from common/schemas/surveys. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  ConcernRanking,
  MySurveys,
  ResponseRates,
  ScreeningItem,
  ScreeningUnits,
  SurveyDetail,
  SurveyForm,
  SurveyResults,
  SurveySummary,
  AnswerInput,
} from '@common/schemas/surveys';
import type { SurveyCut } from '@common/surveys';
import { api, type Query } from '../../api/client';

export type { ConcernRanking, SurveyDetail, SurveyForm, SurveyResults, SurveySummary, ScreeningItem, AnswerInput };
export type Page<T> = { items: T[]; total: number; page: number; pageSize: number };

const KEY = 'surveys';

export function useSurveys(q: { page: number; pageSize: number; status?: string }) {
  return useQuery({
    queryKey: [KEY, 'list', q],
    queryFn: () => api.get<Page<SurveySummary>>('/surveys', q as unknown as Query),
    placeholderData: keepPreviousData,
  });
}

export function useSurvey(id: string | undefined) {
  return useQuery({ queryKey: [KEY, 'one', id], enabled: !!id, queryFn: () => api.get<SurveyDetail>(`/surveys/${id}`) });
}

export function useResults(id: string, cut: SurveyCut | undefined, enabled: boolean) {
  return useQuery({
    queryKey: [KEY, 'results', id, cut],
    enabled,
    queryFn: () => api.get<SurveyResults>(`/surveys/${id}/results`, cut ? { cut } : undefined),
    placeholderData: keepPreviousData,
  });
}

export function useRates(id: string, cut: SurveyCut, enabled: boolean) {
  return useQuery({ queryKey: [KEY, 'rates', id, cut], enabled, queryFn: () => api.get<z.infer<typeof ResponseRates>>(`/surveys/${id}/rates`, { cut }) });
}

export function useConcerns(q: { from: string; to: string; orgId?: string; concern?: string }) {
  return useQuery({
    queryKey: [KEY, 'concerns', q],
    queryFn: () => api.get<ConcernRanking>('/surveys/concerns', q as unknown as Query),
    placeholderData: keepPreviousData,
  });
}

export function useCreateSurvey() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: (body: unknown) => api.post<SurveyDetail>('/surveys', body), onSuccess: () => qc.invalidateQueries({ queryKey: [KEY] }) });
}

export function useSurveyAction(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (action: 'open' | 'close') => api.post<SurveyDetail>(`/surveys/${id}/${action}`),
    onSuccess: (d) => {
      qc.setQueryData([KEY, 'one', id], d);
      void qc.invalidateQueries({ queryKey: [KEY] });
    },
  });
}

export function useMySurveys() {
  return useQuery({ queryKey: [KEY, 'mine'], queryFn: () => api.get<z.infer<typeof MySurveys>>('/surveys/mine') });
}

export function useForm(id: string | undefined) {
  return useQuery({ queryKey: [KEY, 'form', id], enabled: !!id, queryFn: () => api.get<SurveyForm>(`/surveys/${id}/form`) });
}

export function useSaveDraft(id: string) {
  return useMutation({ mutationFn: (answers: AnswerInput[]) => api.put<SurveyForm>(`/surveys/${id}/draft`, { answers }) });
}

export function useSubmit(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ answers, key }: { answers: AnswerInput[]; key: string }) =>
      api.post(`/surveys/${id}/responses`, { answers }, { headers: { 'Idempotency-Key': key } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: [KEY] }),
  });
}

export function useScreening(q: Record<string, unknown>) {
  return useQuery({
    queryKey: [KEY, 'screening', q],
    queryFn: () => api.get<Page<ScreeningItem>>('/screening-items', q as Query),
    placeholderData: keepPreviousData,
  });
}

export function useScreeningUnits(enabled: boolean) {
  return useQuery({ queryKey: [KEY, 'screening-units'], enabled, queryFn: () => api.get<z.infer<typeof ScreeningUnits>>('/screening-items/units') });
}

export function useScreeningAction() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, action, body }: { id: string; action: 'start' | 'resolve' | 'drop' | 'decide'; body: unknown }) =>
      api.post<ScreeningItem>(`/screening-items/${id}/${action}`, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: [KEY] }),
  });
}

export function useCreateScreening() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: unknown) => api.post<ScreeningItem>('/screening-items', body),
    onSuccess: () => qc.invalidateQueries({ queryKey: [KEY] }),
  });
}
