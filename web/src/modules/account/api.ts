import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';

export interface ApiToken {
  id: string;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
}

/** Only the create answer carries the secret; the server keeps a hash. */
export interface CreatedToken {
  id: string;
  name: string;
  token: string;
}

const TOKENS_KEY = ['auth', 'tokens'] as const;

export const changePassword = (currentPassword: string, newPassword: string) => api.post('/auth/password', { currentPassword, newPassword });

export function useTokens() {
  return useQuery({
    queryKey: TOKENS_KEY,
    queryFn: () => api.get<{ items: ApiToken[] }>('/auth/tokens').then((r) => r.items),
  });
}

export function useCreateToken() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (name: string) => api.post<CreatedToken>('/auth/tokens', { name }),
    onSuccess: () => qc.invalidateQueries({ queryKey: TOKENS_KEY }),
  });
}

export function useRevokeToken() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete(`/auth/tokens/${id}`),
    onSuccess: () => qc.invalidateQueries({ queryKey: TOKENS_KEY }),
  });
}
