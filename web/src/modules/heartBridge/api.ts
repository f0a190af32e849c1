/** 心桥 queries and writes; every shape comes from common/schemas/heartBridge. */
import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  ClassCoverageRow,
  ClassDashboard,
  ClassWeekRow,
  HeartBridgeNote,
  NoExchangeRow,
  Phrases,
  SchoolDashboard,
  StudentWeekRow,
} from '@common/schemas/heartBridge';
import { api, download } from '../../api/client';
import type { Paged } from '../../shared/school/api';
import { newIdempotencyKey } from '../../shared/idempotency';

export type Note = HeartBridgeNote;
export type WeekRow = z.infer<typeof ClassWeekRow>;
export type NoteStatus = WeekRow['status'];
export type ClassDash = z.infer<typeof ClassDashboard>;
export type SchoolDash = z.infer<typeof SchoolDashboard>;
export type CoverageRow = z.infer<typeof ClassCoverageRow>;
export type NoExchange = z.infer<typeof NoExchangeRow>;
export type PhraseList = z.infer<typeof Phrases>;
export type ClassWeek = Paged<WeekRow> & { classId: string; className: string; week: string; weekStart: string; weekEnd: string };

export interface SchoolSideInput {
  atSchool: string;
  suggestion: string;
  encouragement: string;
}

export interface HomeSideInput {
  atHome: string;
  suggestion: string;
  encouragement: string;
}

const KEY = 'heartBridge';

export function useNote(studentId: string | undefined, week: string | undefined) {
  return useQuery({
    queryKey: [KEY, 'note', studentId, week],
    enabled: !!studentId && !!week,
    queryFn: () => api.get<Note>(`/heart-bridge/students/${studentId}/weeks/${week}`),
  });
}

export function useTimeline(studentId: string | undefined) {
  return useInfiniteQuery({
    queryKey: [KEY, 'timeline', studentId],
    enabled: !!studentId,
    initialPageParam: 1,
    queryFn: ({ pageParam }) => api.get<Paged<Note>>(`/heart-bridge/students/${studentId}/timeline`, { page: pageParam, pageSize: 8 }),
    getNextPageParam: (last) => (last.page * last.pageSize < last.total ? last.page + 1 : undefined),
  });
}

/** The whole class at once (a class is well under 200): the writer walks it student by student. */
export function useClassWeek(classId: string | undefined, week: string | undefined) {
  return useQuery({
    queryKey: [KEY, 'classWeek', classId, week],
    enabled: !!classId && !!week,
    queryFn: () => api.get<ClassWeek>(`/heart-bridge/classes/${classId}/weeks/${week}`, { pageSize: 200, sort: 'name' }),
    placeholderData: keepPreviousData,
  });
}

export function useClassDashboard(classId: string | undefined) {
  return useQuery({
    queryKey: [KEY, 'classDashboard', classId],
    enabled: !!classId,
    queryFn: () => api.get<ClassDash>(`/heart-bridge/classes/${classId}/dashboard`),
  });
}

export function useSchoolDashboard(schoolId: string | undefined, week: string | undefined) {
  return useQuery({
    queryKey: [KEY, 'schoolDashboard', schoolId, week],
    enabled: !!schoolId,
    queryFn: () => api.get<SchoolDash>(`/heart-bridge/schools/${schoolId}/dashboard`, { week }),
    placeholderData: keepPreviousData,
  });
}

export type StudentWeek = z.infer<typeof StudentWeekRow>;

/** The page of a school's student-weeks that a figure's drill filters open (the school week's figures, a work report's). */
export const studentWeeksTo = (schoolId: string) => (filters: Record<string, string>) =>
  `/heart-bridge/student-weeks?${new URLSearchParams({ orgId: schoolId, ...filters })}`;

/** The student-weeks of a period behind the coverage and reply figures (a work report's drill opens them). */
export function useStudentWeeks(schoolId: string | undefined, q: Record<string, string>, page: number) {
  return useQuery({
    queryKey: [KEY, 'studentWeeks', schoolId, q, page],
    enabled: !!schoolId && !!q.from && !!q.to,
    queryFn: () => api.get<Paged<StudentWeek>>(`/heart-bridge/schools/${schoolId}/student-weeks`, { ...q, page, pageSize: 20, sort: 'week', order: 'asc' }),
    placeholderData: keepPreviousData,
  });
}

export function useNoExchange(schoolId: string | undefined, page: number) {
  return useQuery({
    queryKey: [KEY, 'noExchange', schoolId, page],
    enabled: !!schoolId,
    queryFn: () => api.get<Paged<NoExchange>>(`/heart-bridge/schools/${schoolId}/no-exchange`, { page, pageSize: 10, sort: 'weeks', order: 'desc' }),
    placeholderData: keepPreviousData,
  });
}

export function usePhrases(schoolId: string | undefined) {
  return useQuery({
    queryKey: [KEY, 'phrases', schoolId],
    enabled: !!schoolId,
    queryFn: () => api.get<PhraseList>(`/heart-bridge/schools/${schoolId}/phrases`),
    staleTime: 10 * 60_000,
  });
}

/** A write changes the page, the class list, the dashboards and the timeline alike. */
function useNoteWrite<V>(fn: (v: V) => Promise<Note>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (note) => {
      qc.setQueryData([KEY, 'note', note.studentId, note.week], note);
      void qc.invalidateQueries({
        predicate: (q) => q.queryKey[0] === KEY && !(q.queryKey[1] === 'note' && q.queryKey[2] === note.studentId && q.queryKey[3] === note.week),
      });
    },
  });
}

interface Target {
  studentId: string;
  week: string;
  /** One key per attempt to save one text: a retry sends the same key. */
  key?: string;
}

const withKey = (key: string | undefined) => ({ headers: { 'Idempotency-Key': key ?? newIdempotencyKey() } });

export const useWriteSchoolSide = () =>
  useNoteWrite(({ studentId, week, key, ...body }: Target & SchoolSideInput) =>
    api.put<Note>(`/heart-bridge/students/${studentId}/weeks/${week}/school`, body, withKey(key)),
  );

export const useWriteHomeSide = () =>
  useNoteWrite(({ studentId, week, key, ...body }: Target & HomeSideInput) =>
    api.put<Note>(`/heart-bridge/students/${studentId}/weeks/${week}/home`, body, withKey(key)),
  );

export const useMarkRead = () =>
  useNoteWrite(({ studentId, week, by }: { studentId: string; week: string; by: 'school' | 'home' }) =>
    api.post<Note>(`/heart-bridge/students/${studentId}/weeks/${week}/read`, { by }),
  );

export function usePutPhrases(schoolId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { school: string[]; home: string[] }) => api.put<PhraseList>(`/heart-bridge/schools/${schoolId}/phrases`, v),
    onSuccess: (data) => qc.setQueryData([KEY, 'phrases', schoolId], data),
  });
}

export const exportCoverage = (schoolId: string, week: string | undefined) =>
  download(`/heart-bridge/schools/${schoolId}/coverage.xlsx`, { week }, 'heart-bridge-coverage.xlsx');

/** The server renders the printable class week (HTML, escaped); the browser prints it. */
export const printUrl = (classId: string, week: string) => `/api/v1/heart-bridge/classes/${classId}/weeks/${week}/print`;
