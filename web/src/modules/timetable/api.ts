/** The class timetable: read and save the whole week; shapes from common/schemas/timetable. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ClassTimetable, Slot } from '@common/schemas/timetable';
import { api } from '../../api/client';

export type { ClassTimetable, Slot };
const KEY = 'timetable';

export function useClassTimetable(classId: string | undefined) {
  return useQuery({ queryKey: [KEY, classId], enabled: !!classId, queryFn: () => api.get<ClassTimetable>(`/timetable/classes/${classId}`) });
}

export function useSaveTimetable(classId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (slots: Slot[]) => api.put<ClassTimetable>(`/timetable/classes/${classId}`, { slots }),
    onSuccess: () => qc.invalidateQueries({ queryKey: [KEY] }),
  });
}
