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
  /** The year has no published schedule: counted by the statutory rules alone, may change. */
  provisional: boolean;
}

/** notice: imported State Council notice; package: built-in data; statutory: the law alone (provisional). */
export type YearSource = 'notice' | 'package' | 'statutory';

export interface CalendarYear {
  year: number;
  source: YearSource;
  provisional: boolean;
}

export interface CalendarStatus {
  today: string;
  years: CalendarYear[];
  /** For admins and union staff: next year's schedule still has to be imported. */
  warning: { year: number; message: string } | null;
}

export interface NoticeDay {
  date: string;
  working: boolean;
  name: string;
}

export interface NoticePreview {
  year: number;
  currentSource: YearSource;
  holidays: NoticeDay[];
  workdays: NoticeDay[];
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
    queryFn: () => api.get<{ items: CalendarDay[]; years: CalendarYear[] }>('/calendar/days', { from, to }),
  });
}

export function useCalendarStatus() {
  return useQuery({ queryKey: ['calendar', 'status'], queryFn: () => api.get<CalendarStatus>('/calendar/status') });
}

/** Reading the notice changes nothing, so it is a mutation only in that it is asked for on demand. */
export const usePreviewNotice = () => useMutation({ mutationFn: (text: string) => api.post<NoticePreview>('/calendar/notices/preview', { text }) });

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
export const useConfirmNotice = () => useCalendarMutation((text: string) => api.post<NoticePreview>('/calendar/notices', { text }));
export const useDeleteOverride = () => useCalendarMutation((id: string) => api.delete(`/calendar/overrides/${id}`));
