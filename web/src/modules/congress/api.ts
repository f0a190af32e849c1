/** 职代会 queries and writes; shapes come from common/schemas/congress. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { AttendanceRow, CongressSession, CongressTerm, CongressTermSummary, ProportionRules, ProposalSummary, Representative } from '@common/schemas/congress';
import type { RepresentativeCategory } from '@common/congress';
import { api } from '../../api/client';

export type Term = z.infer<typeof CongressTerm>;
export type TermSummary = z.infer<typeof CongressTermSummary>;
export type Session = z.infer<typeof CongressSession>;
export type Rep = z.infer<typeof Representative>;
export type Rules = z.infer<typeof ProportionRules>;
export type Attendance = z.infer<typeof AttendanceRow>;

export interface RosterQuery {
  page: number;
  pageSize: number;
  sort?: 'name' | 'delegation' | 'category';
  order?: 'asc' | 'desc';
  delegation?: string;
  category?: RepresentativeCategory;
  q?: string;
}

const KEY = 'congress';

export function useTerms() {
  return useQuery({ queryKey: [KEY, 'terms'], queryFn: () => api.get<{ items: TermSummary[] }>('/congress/terms').then((r) => r.items) });
}

export function useTerm(id: string | undefined) {
  return useQuery({ queryKey: [KEY, 'term', id], enabled: !!id, queryFn: () => api.get<Term>(`/congress/terms/${id}`) });
}

export function useRoster(termId: string | undefined, q: RosterQuery) {
  return useQuery({
    queryKey: [KEY, 'roster', termId, q],
    enabled: !!termId,
    queryFn: () => api.get<{ items: Rep[]; total: number }>(`/congress/terms/${termId}/representatives`, { ...q }),
    placeholderData: keepPreviousData,
  });
}

export function useSession(id: string | undefined) {
  return useQuery({ queryKey: [KEY, 'session', id], enabled: !!id, queryFn: () => api.get<Session>(`/congress/sessions/${id}`) });
}

export function useAttendance(id: string | undefined, enabled: boolean) {
  return useQuery({ queryKey: [KEY, 'attendance', id], enabled: !!id && enabled, queryFn: () => api.get<{ items: Attendance[] }>(`/congress/sessions/${id}/attendance`).then((r) => r.items) });
}

/** A write that refreshes every congress query after it lands. */
function useCongressWrite<A, R>(fn: (a: A) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: [KEY] }) });
}

export const usePutRules = (termId: string) => useCongressWrite((rules: Rules) => api.put<Term>(`/congress/terms/${termId}/rules`, rules));
export const useSignIn = (sessionId: string) => useCongressWrite(() => api.post<Session>(`/congress/sessions/${sessionId}/sign-in`));
export const useOpenSession = (sessionId: string) => useCongressWrite(() => api.post<Session>(`/congress/sessions/${sessionId}/open`));
export const useCloseSession = (sessionId: string) => useCongressWrite(() => api.post<Session>(`/congress/sessions/${sessionId}/close`));
export const usePutAttendance = (sessionId: string) =>
  useCongressWrite((body: { representativeId: string; present: boolean; absenceReason?: string }) => api.put<Session>(`/congress/sessions/${sessionId}/attendance`, body));

export type ProposalRow = z.infer<typeof ProposalSummary>;
export function useProposals(sessionId: string, page: number) {
  return useQuery({
    queryKey: [KEY, 'proposals', sessionId, page],
    queryFn: () => api.get<{ items: ProposalRow[]; total: number }>(`/congress/sessions/${sessionId}/proposals`, { page, pageSize: 20, sort: 'submittedAt', order: 'desc' }),
    placeholderData: keepPreviousData,
  });
}
export const useRaise = (sessionId: string) => useCongressWrite((body: { title: string; reasons: string; solution: string }) => api.post<ProposalRow>(`/congress/sessions/${sessionId}/proposals`, body));
export const useSecond = () => useCongressWrite((proposalId: string) => api.post<ProposalRow>(`/congress/proposals/${proposalId}/second`));
