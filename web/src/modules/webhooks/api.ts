import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { Webhook, WebhookFlavor } from '@common/schemas/notify';

export type { Webhook, WebhookFlavor };

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

export function useSaveWebhook() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id?: string; input: WebhookInput }) => (id ? api.patch<Webhook>(`/webhooks/${id}`, input) : api.post<Webhook>('/webhooks', input)),
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
