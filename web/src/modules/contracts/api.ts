/** Contracts: queries only (the lifecycle's writes are in the API; their forms are not built yet). */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { ContractBoard, ContractDetail, ContractDiff, ContractPage, Inspection, PublishedContract } from '@common/schemas/contracts';
import { api, API_BASE } from '../../api/client';

export type Contracts = z.infer<typeof ContractPage>;
export type Contract = z.infer<typeof ContractDetail>;
export type Board = z.infer<typeof ContractBoard>;
export type Diff = z.infer<typeof ContractDiff>;
export type Report = z.infer<typeof Inspection>;
export type Published = z.infer<typeof PublishedContract>;

export interface ContractQuery {
  page: number;
  pageSize: number;
  sort?: 'requestDate' | 'endsOn' | 'title';
  order?: 'asc' | 'desc';
  status?: string;
  set?: 'inForce' | 'expiring' | 'overdueRenewal';
}

const KEY = 'contracts';
export const useContracts = (q: ContractQuery) => useQuery({ queryKey: [KEY, 'list', q], queryFn: () => api.get<Contracts>('/contracts', { ...q }), placeholderData: keepPreviousData });
export const useContract = (id: string | undefined) => useQuery({ queryKey: [KEY, 'one', id], enabled: !!id, queryFn: () => api.get<Contract>(`/contracts/${id}`) });
export const useBoard = (id: string | undefined) => useQuery({ queryKey: [KEY, 'board', id], enabled: !!id, queryFn: () => api.get<Board>(`/contracts/${id}/board`) });
export const useDiff = (id: string | undefined, from: number, to: number) =>
  useQuery({ queryKey: [KEY, 'diff', id, from, to], enabled: !!id && from > 0 && to > 0, queryFn: () => api.get<Diff>(`/contracts/${id}/diff`, { from, to }) });
export const useInspection = (id: string | undefined) => useQuery({ queryKey: [KEY, 'inspection', id], enabled: !!id, queryFn: () => api.get<Report>(`/contracts/${id}/inspection`) });
export const inspectionUrl = (id: string) => `${API_BASE}/contracts/${id}/inspection/print`;
export const usePublished = () => useQuery({ queryKey: [KEY, 'published'], queryFn: () => api.get<Contracts>('/contracts/published') });
export const usePublishedText = (id: string | undefined) => useQuery({ queryKey: [KEY, 'published', id], enabled: !!id, queryFn: () => api.get<Published>(`/contracts/published/${id}`) });
