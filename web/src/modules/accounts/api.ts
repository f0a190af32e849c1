/** The admin's accounts API (/api/v1/accounts), typed from the server's own schemas. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { AccountItem as AccountItemSchema, AccountListQuery, GrantInput } from '@common/schemas/accounts';
import { api } from '../../api/client';

export type AccountItem = z.infer<typeof AccountItemSchema>;
export type AccountQuery = Partial<z.input<typeof AccountListQuery>> & { page: number; pageSize: number };
export type AccountSort = 'username' | 'displayName' | 'createdAt';

export interface NewAccount {
  username: string;
  displayName: string;
  phone?: string | null;
  password: string;
  grants: GrantInput[];
}

interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

const KEY = ['accounts'] as const;

export function useAccounts(query: AccountQuery) {
  return useQuery({
    queryKey: [...KEY, 'list', query],
    queryFn: ({ signal }) => api.get<Page<AccountItem>>('/accounts', { ...query }, { signal }),
    placeholderData: keepPreviousData,
  });
}

/**
 * Every change answers with the account as it now is (or nothing); the list refetches so
 * the row shows the change and a filter by role stays true.
 */
function useAccountMutation<V>(fn: (v: V) => Promise<unknown>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: KEY }) });
}

export const useCreateAccount = () => useAccountMutation((body: NewAccount) => api.post<AccountItem>('/accounts', body));
export const useGrant = () => useAccountMutation(({ id, grant }: { id: string; grant: GrantInput }) => api.post<AccountItem>(`/accounts/${id}/grants`, grant));
export const useRevoke = () => useAccountMutation(({ id, grantId }: { id: string; grantId: string }) => api.delete(`/accounts/${id}/grants/${grantId}`));
export const useSetDisabled = () =>
  useAccountMutation(({ id, disabled }: { id: string; disabled: boolean }) => api.post<AccountItem>(`/accounts/${id}/${disabled ? 'disable' : 'enable'}`, {}));
export const useResetPassword = () =>
  useAccountMutation(({ id, password }: { id: string; password: string }) => api.post(`/accounts/${id}/reset-password`, { password }));
