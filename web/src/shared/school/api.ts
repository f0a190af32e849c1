/**
 * The school calendar as the web sees it: who I am at school (classes I teach, my
 * children, schools I oversee), terms, closures, reminder settings and the teaching weeks
 * of a class. Both school practices (心桥, 十分钟思想教育) build on these queries.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { Closure, MySchool, SchoolSettings, SchoolWeek, Term } from '@common/schemas/school';
import { api } from '../../api/client';
import type { Paged } from '../PagedList';

export type MySchoolInfo = z.infer<typeof MySchool>;
export type TeachingClass = MySchoolInfo['classes'][number];
export type Child = MySchoolInfo['children'][number];
export type TermInfo = z.infer<typeof Term>;
export type ClosureInfo = z.infer<typeof Closure>;
export type Settings = z.infer<typeof SchoolSettings>;
export type SchoolWeekInfo = z.infer<typeof SchoolWeek>;

export type { Paged };

export const SCHOOL_KEY = ['school'] as const;

export function useMySchool() {
  return useQuery({
    queryKey: [...SCHOOL_KEY, 'me'],
    queryFn: () => api.get<MySchoolInfo>('/school/me'),
    staleTime: 5 * 60_000,
  });
}

export function useTerms(schoolId: string | undefined) {
  return useQuery({
    queryKey: [...SCHOOL_KEY, 'terms', schoolId],
    enabled: !!schoolId,
    queryFn: () => api.get<{ items: TermInfo[] }>(`/school/schools/${schoolId}/terms`).then((r) => r.items),
  });
}

export function useClassWeeks(classId: string | undefined) {
  return useQuery({
    queryKey: [...SCHOOL_KEY, 'weeks', classId],
    enabled: !!classId,
    queryFn: () => api.get<{ term: TermInfo; items: SchoolWeekInfo[] }>(`/school/classes/${classId}/weeks`),
    staleTime: 5 * 60_000,
  });
}

export function useClosures(schoolId: string | undefined, page: number) {
  return useQuery({
    queryKey: [...SCHOOL_KEY, 'closures', schoolId, page],
    enabled: !!schoolId,
    queryFn: () => api.get<Paged<ClosureInfo>>(`/school/schools/${schoolId}/closures`, { page, pageSize: 10, order: 'desc' }),
  });
}

export function useSettings(schoolId: string | undefined) {
  return useQuery({
    queryKey: [...SCHOOL_KEY, 'settings', schoolId],
    enabled: !!schoolId,
    queryFn: () => api.get<Settings>(`/school/schools/${schoolId}/settings`),
  });
}

/** Terms and closures change which days are school days: every school view refreshes. */
function useSchoolMutation<V>(fn: (v: V) => Promise<unknown>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => qc.invalidateQueries({ predicate: (q) => ['school', 'heartBridge', 'moralEducation'].includes(String(q.queryKey[0])) }),
  });
}

export interface TermInput {
  name: string;
  startDate: string;
  endDate: string;
}

export const useCreateTerm = (schoolId: string) => useSchoolMutation((v: TermInput) => api.post<TermInfo>(`/school/schools/${schoolId}/terms`, v));
export const useUpdateTerm = () => useSchoolMutation(({ id, ...v }: TermInput & { id: string }) => api.patch<TermInfo>(`/school/terms/${id}`, v));
export const useDeleteTerm = () => useSchoolMutation((id: string) => api.delete(`/school/terms/${id}`));
export const useCreateClosure = (schoolId: string) =>
  useSchoolMutation((v: { date: string; reason: string; orgId?: string }) => api.post<ClosureInfo>(`/school/schools/${schoolId}/closures`, v));
export const useDeleteClosure = () => useSchoolMutation((id: string) => api.delete(`/school/closures/${id}`));
export const useUpdateSettings = (schoolId: string) =>
  useSchoolMutation((v: Partial<Settings>) => api.patch<Settings>(`/school/schools/${schoolId}/settings`, v));
