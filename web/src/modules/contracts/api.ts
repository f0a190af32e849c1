/** Contracts: the queries, the lifecycle's writes (one mutation for every action) and wage negotiation. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  ClauseCuts,
  ClauseDetail,
  ClausePage,
  ContractBoard,
  ContractDetail,
  ContractDiff,
  ContractPage,
  Inspection,
  Preparation,
  PublishedContract,
} from '@common/schemas/contracts';
import type { AgreedWageCuts, AgreedWagePage, WageFigures, WageImportResult, WageNegotiation } from '@common/schemas/contractWages';
import { api, API_BASE, upload } from '../../api/client';

export type Contracts = z.infer<typeof ContractPage>;
export type Contract = z.infer<typeof ContractDetail>;
export type Board = z.infer<typeof ContractBoard>;
export type Diff = z.infer<typeof ContractDiff>;
export type Report = z.infer<typeof Inspection>;
export type Published = z.infer<typeof PublishedContract>;
export type Clause = z.infer<typeof ClauseDetail>;
export type Figures = z.infer<typeof WageFigures>;
export type ImportResult = z.infer<typeof WageImportResult>;
export type Negotiation = z.infer<typeof WageNegotiation>;

export interface ContractQuery {
  page: number;
  pageSize: number;
  sort?: 'requestDate' | 'endsOn' | 'title';
  order?: 'asc' | 'desc';
  status?: string;
  set?: 'inForce' | 'expiring' | 'overdueRenewal';
  orgId?: string;
  kind?: string;
  asOf?: string;
  from?: string;
  to?: string;
  repliedInTime?: '0' | '1';
}

const KEY = 'contracts';
export const useContracts = (q: ContractQuery) =>
  useQuery({ queryKey: [KEY, 'list', q], queryFn: () => api.get<Contracts>('/contracts', { ...q }), placeholderData: keepPreviousData });
export const useContract = (id: string | undefined) =>
  useQuery({ queryKey: [KEY, 'one', id], enabled: !!id, queryFn: () => api.get<Contract>(`/contracts/${id}`) });
export const useBoard = (id: string | undefined) =>
  useQuery({ queryKey: [KEY, 'board', id], enabled: !!id, queryFn: () => api.get<Board>(`/contracts/${id}/board`) });
export const useDiff = (id: string | undefined, from: number, to: number) =>
  useQuery({ queryKey: [KEY, 'diff', id, from, to], enabled: !!id && from > 0 && to > 0, queryFn: () => api.get<Diff>(`/contracts/${id}/diff`, { from, to }) });
export const useInspection = (id: string | undefined) =>
  useQuery({ queryKey: [KEY, 'inspection', id], enabled: !!id, queryFn: () => api.get<Report>(`/contracts/${id}/inspection`) });
export const inspectionUrl = (id: string) => `${API_BASE}/contracts/${id}/inspection/print`;
export const usePublished = () => useQuery({ queryKey: [KEY, 'published'], queryFn: () => api.get<Contracts>('/contracts/published') });
export const usePublishedText = (id: string | undefined) =>
  useQuery({ queryKey: [KEY, 'published', id], enabled: !!id, queryFn: () => api.get<Published>(`/contracts/published/${id}`) });
export const useClause = (id: string | undefined) =>
  useQuery({ queryKey: [KEY, 'clause', id], enabled: !!id, queryFn: () => api.get<Clause>(`/contract-clauses/${id}`) });

/** Any write of the lifecycle or the monitoring: every contract query is stale afterwards. */
export function useContractWrite() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ method = 'POST', path, body }: { method?: 'POST' | 'PUT'; path: string; body: unknown }) =>
      method === 'PUT' ? api.put<unknown>(path, body) : api.post<unknown>(path, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: [KEY] }),
  });
}

export const useWageFigures = (orgId: string | undefined) =>
  useQuery({ queryKey: [KEY, 'wages', orgId], enabled: !!orgId, queryFn: () => api.get<Figures>('/contract-wages', { orgId: orgId! }) });
export const useWageNegotiation = (id: string | undefined, enabled: boolean) =>
  useQuery({ queryKey: [KEY, 'wageNegotiation', id], enabled: !!id && enabled, queryFn: () => api.get<Negotiation>(`/contracts/${id}/wage-negotiation`) });
/** `step` 'check' reads and reports; 'import' writes when every row is right. */
export function uploadWages(step: 'check' | 'import', orgId: string, file: File) {
  const form = new FormData();
  form.append('orgId', orgId);
  form.append('file', file, file.name);
  return upload<ImportResult>(`/contract-wages/${step}`, form);
}

export type Cuts = z.infer<typeof ClauseCuts>;
export type ClauseRows = z.infer<typeof ClausePage>;
/** The honoured rate over the contracts in force on `asOf`, by category and by owner department. */
export const useClauseCuts = (q: { asOf?: string; orgId?: string }) =>
  useQuery({ queryKey: [KEY, 'cuts', q], queryFn: () => api.get<Cuts>('/contract-clauses/cuts', { ...q }) });
/** The clause rows a cut counts: its drill filter, paged. */
export const useClauseList = (filter: Record<string, string>, page: number) =>
  useQuery({
    queryKey: [KEY, 'clauses', filter, page],
    queryFn: () => api.get<ClauseRows>('/contract-clauses', { ...filter, page, pageSize: 20 }),
    placeholderData: keepPreviousData,
  });

export type RaiseCuts = z.infer<typeof AgreedWageCuts>;
export type RaiseRows = z.infer<typeof AgreedWagePage>;
/** Agreed raises against the wage data, by employment category, for the agreed years [fromYear, toYear]. */
export const useRaiseCuts = (q: { fromYear: string; toYear: string }) =>
  useQuery({ queryKey: [KEY, 'raiseCuts', q], queryFn: () => api.get<RaiseCuts>('/contract-wages/agreed/cuts', { ...q }) });
/** The groups a raise figure counts: its drill filter, paged. */
export const useRaiseList = (filter: Record<string, string> | null, page: number) =>
  useQuery({
    queryKey: [KEY, 'raises', filter, page],
    enabled: !!filter,
    queryFn: () => api.get<RaiseRows>('/contract-wages/agreed', { ...filter, page, pageSize: 20 }),
    placeholderData: keepPreviousData,
  });

export type Prep = z.infer<typeof Preparation>;
/** Preparation for bargaining: negotiators, what each side supplied, linked demands surveys with their figures. */
export const usePreparation = (id: string | undefined) =>
  useQuery({ queryKey: [KEY, 'preparation', id], enabled: !!id, queryFn: () => api.get<Prep>(`/contracts/${id}/preparation`) });
export const prepFileUrl = (itemId: string, fileId: string) => `${API_BASE}/contract-prep-items/${itemId}/files/${fileId}`;
/** The surveys the office runs (any org it manages), newest first, to pick one to link; drafts have no answers yet. */
export const useOfficeSurveys = (enabled: boolean) =>
  useQuery({
    queryKey: [KEY, 'surveys'],
    enabled,
    queryFn: async () =>
      (
        await api.get<{ items: { id: string; title: string; orgName: string; status: string; answered: number }[] }>('/surveys', {
          page: 1,
          pageSize: 100,
          sort: 'createdAt',
          order: 'desc',
        })
      ).items.filter((s) => s.status !== 'draft'),
  });
