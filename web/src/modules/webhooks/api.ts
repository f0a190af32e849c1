import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { RobotEventGroup, Webhook, WebhookFlavor } from '@common/schemas/notify';

export type { RobotEventGroup, Webhook, WebhookFlavor };

export interface WebhookInput {
  orgId?: string;
  flavor?: WebhookFlavor;
  url?: string;
  enabled?: boolean;
  /** Write-only; null removes it, omitted keeps it. */
  secret?: string | null;
  keyword?: string | null;
  events?: string[];
}

const KEY = ['webhooks'];

export function useWebhooks() {
  return useQuery({ queryKey: KEY, queryFn: () => api.get<{ items: Webhook[] }>('/webhooks') });
}

/** The events robots may take, grouped by the module that sends them (declared on the server). */
export function useRobotEvents() {
  return useQuery({ queryKey: [...KEY, 'events'], queryFn: () => api.get<{ groups: RobotEventGroup[] }>('/webhooks/events'), staleTime: Infinity });
}

/** key → its label in the current language; an event no module declares any more shows its key. */
export function useRobotEventLabel(en: boolean): (key: string) => string {
  const { data } = useRobotEvents();
  const labels = new Map((data?.groups ?? []).flatMap((g) => g.events.map((e) => [e.key, en ? e.label.en : e.label.zh] as const)));
  return (key) => labels.get(key) ?? key;
}

export function useSaveWebhook() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id?: string; input: WebhookInput }) =>
      id ? api.patch<Webhook>(`/webhooks/${id}`, input) : api.post<Webhook>('/webhooks', input),
    onSuccess: () => qc.invalidateQueries({ queryKey: KEY }),
  });
}

export function useDeleteWebhook() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: (id: string) => api.delete(`/webhooks/${id}`), onSuccess: () => qc.invalidateQueries({ queryKey: KEY }) });
}

export function useTestWebhook() {
  return useMutation({ mutationFn: (id: string) => api.post<{ ok: boolean; error: string | null }>(`/webhooks/${id}/test`) });
}
