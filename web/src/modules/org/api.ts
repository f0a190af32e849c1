import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { OrgKind } from '@common/enums';
import { api } from '../../api/client';
import { ORGS_KEY, type Org } from '../../shared/orgs';

export interface CreateOrgInput {
  parentId: string | null;
  kind: OrgKind;
  name: string;
  code?: string;
}

export interface UpdateOrgInput {
  name?: string;
  code?: string | null;
  parentId?: string | null;
}

/** Every change refreshes the shared org list, which all pickers read. */
function useOrgMutation<V, R>(fn: (v: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: ORGS_KEY }) });
}

export const useCreateOrg = () => useOrgMutation((input: CreateOrgInput) => api.post<Org>('/orgs', input));

export const useUpdateOrg = () => useOrgMutation(({ id, ...patch }: UpdateOrgInput & { id: string }) => api.patch<Org>(`/orgs/${id}`, patch));

export const useDeleteOrg = () => useOrgMutation((id: string) => api.delete(`/orgs/${id}`));
