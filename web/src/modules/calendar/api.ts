import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';

export type DayKind = 'workday' | 'weekend' | 'holiday' | 'makeupWorkday';

export interface CalendarDay {
  /** YYYY-MM-DD, a Beijing calendar day (no time zone to convert). */
  date: string;
  working: boolean;
  kind: DayKind;
  /** Holiday name such as 春节, in the request's language. */
  name?: string;
  /** True when an admin override decided this day. */
  override?: boolean;
}

export interface CalendarOverride {
  id: string;
  date: string;
  working: boolean;
  note: string | null;
  /** null: applies everywhere. */
  orgId: string | null;
}

export interface NewOverride {
  date: string;
  working: boolean;
  note: string;
  orgId?: string;
}

export function useCalendarDays(from: string, to: string) {
  return useQuery({
    queryKey: ['calendar', 'days', from, to],
    queryFn: () => api.get<{ items: CalendarDay[] }>('/calendar/days', { from, to }).then((r) => r.items),
  });
}

export function useOverrides(enabled: boolean) {
  return useQuery({
    queryKey: ['calendar', 'overrides'],
    enabled,
    queryFn: () => api.get<{ items: CalendarOverride[] }>('/calendar/overrides').then((r) => r.items),
  });
}

/** An override changes both the list and the days it covers: refresh all calendar data. */
function useCalendarMutation<V>(fn: (v: V) => Promise<unknown>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: ['calendar'] }) });
}

export const useCreateOverride = () => useCalendarMutation((input: NewOverride) => api.post('/calendar/overrides', input));
export const useDeleteOverride = () => useCalendarMutation((id: string) => api.delete(`/calendar/overrides/${id}`));
