/** 十分钟思想教育 queries and writes; shapes come from common/schemas/moralEducation. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  ClassDayRow,
  ClassIndicators,
  ClassPlanDay,
  MissedRow,
  MoralSession,
  MyClassPlan,
  SchoolCoverage,
  SchoolPlanDay,
} from '@common/schemas/moralEducation';
import { api, download } from '../../api/client';
import type { Paged } from '../../shared/school/api';

export type Session = MoralSession;
export type PlanDay = z.infer<typeof ClassPlanDay>;
export type SchoolDay = z.infer<typeof SchoolPlanDay>;
export type Indicators = z.infer<typeof ClassIndicators>;
export type Coverage = z.infer<typeof SchoolCoverage>;
export type Missed = z.infer<typeof MissedRow>;
export type ClassDay = z.infer<typeof ClassDayRow>;
export type MyPlan = z.infer<typeof MyClassPlan>;

const KEY = 'moralEducation';

export function useClassPlan(classId: string | undefined, from: string, to: string) {
  return useQuery({
    queryKey: [KEY, 'classPlan', classId, from, to],
    enabled: !!classId,
    queryFn: () => api.get<{ items: PlanDay[] }>(`/moral-education/classes/${classId}/plan`, { from, to }).then((r) => r.items),
  });
}

/** A student's own class's plan (the server finds the class from the student's record). */
export function useMyClassPlan(from: string, to: string) {
  return useQuery({
    queryKey: [KEY, 'myClassPlan', from, to],
    queryFn: () => api.get<MyPlan>('/moral-education/my-class/plan', { from, to }),
  });
}

export function useSession(id: string | undefined) {
  return useQuery({
    queryKey: [KEY, 'session', id],
    enabled: !!id,
    queryFn: () => api.get<Session>(`/moral-education/sessions/${id}`),
  });
}

export function useSessions(classId: string | undefined, page: number) {
  return useQuery({
    queryKey: [KEY, 'sessions', classId, page],
    enabled: !!classId,
    queryFn: () => api.get<Paged<Session>>(`/moral-education/classes/${classId}/sessions`, { page, pageSize: 10 }),
    placeholderData: keepPreviousData,
  });
}

export function useClassIndicators(classId: string | undefined) {
  return useQuery({
    queryKey: [KEY, 'indicators', classId],
    enabled: !!classId,
    queryFn: () => api.get<Indicators>(`/moral-education/classes/${classId}/indicators`),
  });
}

export function useSchoolPlan(schoolId: string | undefined, from: string, to: string) {
  return useQuery({
    queryKey: [KEY, 'schoolPlan', schoolId, from, to],
    enabled: !!schoolId,
    queryFn: () => api.get<{ items: SchoolDay[] }>(`/moral-education/schools/${schoolId}/plan`, { from, to }).then((r) => r.items),
  });
}

export interface CoverageQuery {
  termId?: string;
}

export function useSchoolCoverage(schoolId: string | undefined, q: CoverageQuery) {
  return useQuery({
    queryKey: [KEY, 'coverage', schoolId, q],
    enabled: !!schoolId,
    queryFn: () => api.get<Coverage>(`/moral-education/schools/${schoolId}/coverage`, { ...q, pageSize: 200 }),
    placeholderData: keepPreviousData,
  });
}

export interface MissedQuery {
  termId?: string;
  gradeId?: string;
  classId?: string;
  kind?: 'skipped' | 'unrecorded';
}

export function useMissed(schoolId: string | undefined, q: MissedQuery, page: number) {
  return useQuery({
    queryKey: [KEY, 'missed', schoolId, q, page],
    enabled: !!schoolId,
    queryFn: () => api.get<Paged<Missed>>(`/moral-education/schools/${schoolId}/missed`, { ...q, page, pageSize: 10, sort: 'date', order: 'desc' }),
    placeholderData: keepPreviousData,
  });
}

/** The page of a school's class-days that a coverage figure's drill filters open (the school's term so far, a work report's). */
export const classDaysTo = (schoolId: string) => (filters: Record<string, string>) =>
  `/moral-education/class-days?${new URLSearchParams({ orgId: schoolId, ...filters })}`;

/** The class-days of a period behind the coverage figure (a work report's drill opens them); `held: '1'` keeps those held. */
export function useClassDays(schoolId: string | undefined, q: { from: string; to: string; held?: string }, page: number) {
  return useQuery({
    queryKey: [KEY, 'classDays', schoolId, q, page],
    enabled: !!schoolId && !!q.from && !!q.to,
    queryFn: () => api.get<Paged<ClassDay>>(`/moral-education/schools/${schoolId}/class-days`, { ...q, page, pageSize: 20, sort: 'date', order: 'asc' }),
    placeholderData: keepPreviousData,
  });
}

function useMoralMutation<V, R>(fn: (v: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: [KEY] }) });
}

export interface RecordInput {
  date: string;
  status: 'held' | 'skipped';
  skipReason?: string;
  topic?: string;
  presenterIds: string[];
  reflection: string;
}

/**
 * One request records the whole session. With a photo it goes as multipart (the JSON in
 * `data`, the image in `photo`), otherwise as JSON; both carry the Idempotency-Key.
 */
export const useRecordSession = (classId: string) =>
  useMoralMutation(({ input, photo, key }: { input: RecordInput; photo: Blob | null; key: string }) => {
    const headers = { 'Idempotency-Key': key };
    if (!photo) return api.post<Session>(`/moral-education/classes/${classId}/sessions`, input, { headers });
    const form = new FormData();
    form.append('data', JSON.stringify(input));
    form.append('photo', photo, 'photo.jpg');
    return api.post<Session>(`/moral-education/classes/${classId}/sessions`, form, { headers });
  });

export interface UpdateInput {
  status?: 'held' | 'skipped';
  skipReason?: string;
  topic?: string;
  presenterIds?: string[];
  reflection?: string;
  removePhoto?: boolean;
}

export const useUpdateSession = () =>
  useMoralMutation(({ id, ...patch }: UpdateInput & { id: string }) => api.patch<Session>(`/moral-education/sessions/${id}`, patch));

export const useReplaceTopic = (classId: string) =>
  useMoralMutation(({ date, topic }: { date: string; topic: string }) => api.put<PlanDay>(`/moral-education/classes/${classId}/days/${date}/topic`, { topic }));

export const useRevertTopic = (classId: string) => useMoralMutation((date: string) => api.delete(`/moral-education/classes/${classId}/days/${date}/topic`));

export const usePutPlan = (schoolId: string) =>
  useMoralMutation((body: { weeks: { week: string; theme: string }[]; days: { date: string; topic: string }[] }) =>
    api.put<{ updated: number }>(`/moral-education/schools/${schoolId}/plan`, body),
  );

export const exportCoverage = (schoolId: string, q: CoverageQuery) =>
  download(`/moral-education/schools/${schoolId}/coverage.xlsx`, { ...q }, 'moral-coverage.xlsx');
export const exportMissed = (schoolId: string, q: MissedQuery) => download(`/moral-education/schools/${schoolId}/missed.xlsx`, { ...q }, 'moral-missed.xlsx');
