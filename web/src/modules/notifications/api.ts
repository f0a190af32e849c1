import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';

export interface Notification {
  id: string;
  kind: string;
  title: string;
  body: string | null;
  /** An in-app path such as /appeals/123, or an absolute URL. */
  link: string | null;
  createdAt: string;
  readAt: string | null;
}

export interface NotificationList {
  items: Notification[];
  unreadCount: number;
}

const KEY = ['notifications'] as const;

/** Polled once a minute: new items come from jobs and other users, not from this tab. */
export function useNotifications(unreadOnly: boolean) {
  return useQuery({
    queryKey: [...KEY, { unreadOnly }],
    queryFn: ({ signal }) => api.get<NotificationList>('/notifications', { unreadOnly: unreadOnly || undefined }, { signal }),
    refetchInterval: 60_000,
    staleTime: 0,
  });
}

function useNotificationMutation<V>(fn: (v: V) => Promise<unknown>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: KEY }) });
}

export const useMarkRead = () => useNotificationMutation((id: string) => api.post(`/notifications/${id}/read`));
export const useMarkAllRead = () => useNotificationMutation((_: void) => api.post('/notifications/read-all'));
