/** Teacher-growth queries and writes; shapes come from common/schemas/teacherGrowth. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { Activity, Mentorship, PlanDetail, PlanSummary, Promotion, Roster, RubricState, Tier } from '@common/schemas/teacherGrowth';
import { api } from '../../api/client';

export type { PlanDetail, PlanSummary };
export type RosterInfo = z.infer<typeof Roster>;
export type PromotionInfo = z.infer<typeof Promotion>;
export type ActivityInfo = z.infer<typeof Activity>;
export type TierInfo = z.infer<typeof Tier>;
export type PairInfo = z.infer<typeof Mentorship>;
export type RubricInfo = z.infer<typeof RubricState>;

const KEY = 'teacherGrowth';
const B = '/teacher-growth';

export function usePlans(view: 'mine' | 'mentees' | 'school', schoolId?: string) {
  return useQuery({
    queryKey: [KEY, 'plans', view, schoolId],
    queryFn: () => api.get<{ items: PlanSummary[] }>(`${B}/plans`, schoolId ? { view, schoolId } : { view }).then((r) => r.items),
  });
}

/** How many plans a view holds (the office card's count): one row is read, the total counted. */
export function usePlanTotal(view: 'mine' | 'mentees' | 'school', schoolId?: string) {
  return useQuery({
    queryKey: [KEY, 'plans', view, schoolId, 'total'],
    queryFn: () => api.get<{ total: number }>(`${B}/plans`, { view, pageSize: 1, ...(schoolId ? { schoolId } : {}) }).then((r) => r.total),
  });
}

export function usePlan(id: string | undefined) {
  return useQuery({ queryKey: [KEY, 'plan', id], enabled: !!id, queryFn: () => api.get<PlanDetail>(`${B}/plans/${id}`) });
}

export function useTiers(schoolId: string | undefined) {
  return useQuery({
    queryKey: [KEY, 'tiers', schoolId],
    enabled: !!schoolId,
    queryFn: () => api.get<{ items: TierInfo[] }>(`${B}/schools/${schoolId}/tiers`).then((r) => r.items),
  });
}

export function useRoster(schoolId: string | undefined) {
  return useQuery({ queryKey: [KEY, 'roster', schoolId], enabled: !!schoolId, queryFn: () => api.get<RosterInfo>(`${B}/schools/${schoolId}/teachers`) });
}

export function usePromotions(schoolId: string | undefined) {
  return useQuery({
    queryKey: [KEY, 'promotions', schoolId],
    enabled: !!schoolId,
    queryFn: () => api.get<{ items: PromotionInfo[] }>(`${B}/schools/${schoolId}/promotions`).then((r) => r.items),
  });
}

export function useActivities(schoolId: string | undefined) {
  return useQuery({
    queryKey: [KEY, 'activities', schoolId],
    enabled: !!schoolId,
    queryFn: () => api.get<{ items: ActivityInfo[] }>(`${B}/schools/${schoolId}/activities`).then((r) => r.items),
  });
}

export function usePairs(schoolId: string | undefined) {
  return useQuery({
    queryKey: [KEY, 'pairs', schoolId],
    enabled: !!schoolId,
    queryFn: () => api.get<{ items: PairInfo[] }>(`${B}/schools/${schoolId}/mentorships`).then((r) => r.items),
  });
}

/** The school's observation rubric in force and its earlier versions. */
export function useRubric(schoolId: string | undefined) {
  return useQuery({ queryKey: [KEY, 'rubric', schoolId], enabled: !!schoolId, queryFn: () => api.get<RubricInfo>(`${B}/schools/${schoolId}/rubric`) });
}

/** Any write of the module: the answer replaces what it changed, the lists refetch. */
export function useGrowthWrite<T = unknown>() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ method = 'POST', path, body }: { method?: 'POST' | 'PUT'; path: string; body?: unknown }) =>
      method === 'PUT' ? api.put<T>(`${B}${path}`, body) : api.post<T>(`${B}${path}`, body ?? {}),
    onSuccess: () => qc.invalidateQueries({ queryKey: [KEY] }),
  });
}

/** The schools the caller oversees, from the school module's `/school/me` (its web internals are not imported across modules). */
export function useOverseenSchool() {
  return useQuery({
    queryKey: [KEY, 'schoolMe'],
    queryFn: () => api.get<{ schools: { id: string; name: string }[] }>('/school/me').then((r) => r.schools[0]?.id ?? null),
    staleTime: 5 * 60_000,
  });
}
