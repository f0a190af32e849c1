/** 35+10 lesson log queries and writes; shapes come from common/schemas/lessonLogs. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ComplianceCut, TallyKind } from '@common/lessonLogs';
import type { Compliance, LessonLog, MyWeek, NotLogged } from '@common/schemas/lessonLogs';
import { api, download } from '../../api/client';

export type { Compliance, LessonLog, MyWeek };
export interface ClassStudents {
  classId: string;
  className: string;
  from: string;
  to: string;
  schoolDays: number;
  roster: number;
  students: { id: string; name: string; lastReached: string | null }[];
}

const KEY = 'lessonLogs';

export function useMyWeek(week: string | undefined) {
  return useQuery({
    queryKey: [KEY, 'week', week],
    queryFn: () => api.get<MyWeek>('/lesson-logs/my-week', week ? { week } : undefined),
    placeholderData: keepPreviousData,
  });
}

export function useLog(id: string | undefined) {
  return useQuery({ queryKey: [KEY, 'log', id], enabled: !!id, queryFn: () => api.get<LessonLog>(`/lesson-logs/${id}`) });
}

export function useClassStudents(classId: string | undefined) {
  return useQuery({
    queryKey: [KEY, 'students', classId],
    enabled: !!classId,
    queryFn: () => api.get<ClassStudents>(`/lesson-logs/classes/${classId}/students`),
  });
}

export function useCompliance(schoolId: string | undefined, q: { from: string; to: string; cut: ComplianceCut }) {
  return useQuery({
    queryKey: [KEY, 'compliance', schoolId, q],
    enabled: !!schoolId,
    queryFn: () => api.get<Compliance>(`/lesson-logs/schools/${schoolId}/compliance`, q),
    placeholderData: keepPreviousData,
  });
}

export const exportCompliance = (schoolId: string, q: { from: string; to: string; cut: ComplianceCut }) =>
  download(`/lesson-logs/schools/${schoolId}/compliance.xlsx`, q, `35+10落实情况-${q.from}-${q.to}.xlsx`);

export function useNotLogged(schoolId: string | undefined, q: { from: string; to: string }, enabled: boolean) {
  return useQuery({
    queryKey: [KEY, 'notLogged', schoolId, q],
    enabled: !!schoolId && enabled,
    queryFn: () => api.get<NotLogged>(`/lesson-logs/schools/${schoolId}/not-logged`, q),
  });
}

export interface LogInput {
  classId: string;
  date: string;
  period: number;
  minutesTaught: number;
  minutesChecking: number;
  questioned: number;
  homeworkChecked: number;
  demonstrations: number;
  practiceMinutes: number;
  corrections?: number;
  tutoring?: number;
  students: Partial<Record<TallyKind, string[]>>;
}

function useLessonMutation<V, R>(fn: (v: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: [KEY] }) });
}

export const useLogLesson = () =>
  useLessonMutation(({ input, key }: { input: LogInput; key: string }) => api.post<LessonLog>('/lesson-logs', input, { headers: { 'Idempotency-Key': key } }));

export const useCompleteAfterClass = (id: string) =>
  useLessonMutation((body: { corrections: number; tutoring: number; students: { corrections: string[]; tutoring: string[] } }) =>
    api.put<LessonLog>(`/lesson-logs/${id}/after-class`, body),
  );
