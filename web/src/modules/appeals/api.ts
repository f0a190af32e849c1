/**
 * Everything the appeals pages ask the server. Response shapes come straight from the
 * server's schemas (common/schemas/appeals.ts), so a changed field fails the type check.
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  AppealDetail as AppealDetailSchema,
  AppealReceipt as AppealReceiptSchema,
  AppealSummary as AppealSummarySchema,
  Dashboard as DashboardSchema,
  DeadlineRulesResponse,
  EffectiveSettings,
  Figure as FigureSchema,
  GroupAlert as GroupAlertSchema,
  GroupAlertPage,
  RevealResult as RevealResultSchema,
  UploadedAttachment as UploadedAttachmentSchema,
} from '@common/schemas/appeals';
import type { AppealCategory, AppealNature } from '@common/appeals';
import { api, download, upload } from '../../api/client';
import type { Paged as SharedPaged } from '../../shared/PagedList';

export type AppealSummary = z.infer<typeof AppealSummarySchema>;
export type AppealDetail = z.infer<typeof AppealDetailSchema>;
export type AppealReceipt = z.infer<typeof AppealReceiptSchema>;
export type AppealEvent = AppealDetail['timeline'][number];
export type AppealExtension = AppealDetail['extensions'][number];
export type GroupAlert = z.infer<typeof GroupAlertSchema>;
export type GroupAlertItem = z.infer<typeof GroupAlertPage>['items'][number];
export type Dashboard = z.infer<typeof DashboardSchema>;
export type Figure = z.infer<typeof FigureSchema>;
export type RevealResult = z.infer<typeof RevealResultSchema>;
export type UploadedAttachment = z.infer<typeof UploadedAttachmentSchema>;
export type DeadlineRules = z.infer<typeof DeadlineRulesResponse>;
export type DeadlineRuleCell = DeadlineRules['rules'][number];
export type AppealSettings = z.infer<typeof EffectiveSettings>;

/** A page of appeals; `searchCapped`: a text search looked at its first matches only. */
export interface Paged<T> extends SharedPaged<T> {
  searchCapped?: boolean;
}

/**
 * The list filters exactly as the server's AppealFilterQuery names them; multi-value ones
 * are comma lists. The dashboard's drill-downs are maps of these same keys.
 */
export const FILTER_KEYS = [
  'q',
  'status',
  'category',
  'urgency',
  'rating',
  'light',
  'employmentCategory',
  'orgId',
  'departmentId',
  'ratedDepartmentId',
  'firstAnswerDepartmentId',
  'unitId',
  'groupAlertId',
  'from',
  'to',
  'anonymous',
  'rated',
  'reopened',
  'late',
  'lastAnswerLate',
  'answered',
  'accepted',
  'acceptedLate',
] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];
export type AppealFilters = Partial<Record<FilterKey, string>>;

export const SORT_KEYS = ['submittedAt', 'dueDate', 'code', 'status', 'category', 'urgency', 'updatedAt'] as const;
export type SortKey = (typeof SORT_KEYS)[number];

export interface AppealQuery extends AppealFilters {
  page: number;
  pageSize: number;
  sort?: SortKey;
  order?: 'asc' | 'desc';
  /** Past the counted pages the list goes on by the server's cursor (newest first only). */
  after?: string;
}

export const appealKeys = {
  all: ['appeals'] as const,
  list: (scope: string, q: object) => ['appeals', 'list', scope, q] as const,
  detail: (id: string) => ['appeals', 'detail', id] as const,
  alerts: (q: object) => ['appeals', 'alerts', q] as const,
  alert: (id: string) => ['appeals', 'alert', id] as const,
  dashboard: (q: object) => ['appeals', 'dashboard', q] as const,
  rules: (orgId: string) => ['appeals', 'rules', orgId] as const,
  settings: (orgId: string) => ['appeals', 'settings', orgId] as const,
};

/** `mine` lists the caller's own appeals; `all` everything in their scope (staff, handlers). */
export function useAppeals(query: AppealQuery, scope: 'all' | 'mine' = 'all') {
  return useQuery({
    queryKey: appealKeys.list(scope, query),
    queryFn: ({ signal }) => api.get<Paged<AppealSummary>>(scope === 'mine' ? '/appeals/mine' : '/appeals', { ...query }, { signal }),
    placeholderData: keepPreviousData,
  });
}

/** The same filters as the list, so the sheet holds exactly what the user sees. */
/** The same filters as the list, as .xlsx or as .csv (UTF-8 with BOM: the same columns and masking). */
export function exportAppeals(filters: AppealFilters, format: 'xlsx' | 'csv' = 'xlsx'): Promise<void> {
  return download(`/appeals/export.${format}`, { ...filters }, `职工诉求.${format}`);
}

export function useAppeal(id: string | undefined) {
  return useQuery({
    queryKey: appealKeys.detail(id ?? ''),
    enabled: !!id,
    queryFn: ({ signal }) => api.get<AppealDetail>(`/appeals/${id}`, undefined, { signal }),
    staleTime: 0,
  });
}

// ---- intake ----

export interface SubmitBody {
  category: AppealCategory;
  nature: AppealNature;
  title: string;
  description: string;
  anonymous: boolean;
  attachmentIds: string[];
}

/**
 * The key is made once per draft and sent with every attempt, so a retry after a lost
 * answer returns the appeal the first attempt created instead of creating a second one.
 */
export function submitAppeal(body: SubmitBody, idempotencyKey: string): Promise<AppealReceipt> {
  return api.post<AppealReceipt>('/appeals', body, { headers: { 'Idempotency-Key': idempotencyKey } });
}

export function uploadAttachment(file: File, onProgress: (percent: number) => void): Promise<UploadedAttachment> {
  const form = new FormData();
  form.append('file', file, file.name);
  return upload<UploadedAttachment>('/appeals/attachments', form, onProgress);
}

// ---- actions on one appeal ----

/**
 * Every action answers with the appeal as the caller now sees it: put it straight into the
 * cache (no second request) and let the lists refresh.
 */
export function useAppealAction(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ path, body }: { path: string; body?: object }) => api.post<AppealDetail>(`/appeals/${id}/${path}`, body ?? {}),
    onSuccess: (detail) => {
      qc.setQueryData(appealKeys.detail(id), detail);
      void qc.invalidateQueries({ queryKey: ['appeals', 'list'] });
      void qc.invalidateQueries({ queryKey: ['appeals', 'dashboard'] });
    },
  });
}

export const revealAuthor = (id: string, reason: string) => api.post<RevealResult>(`/appeals/${id}/reveal`, { reason });

// ---- group alerts ----

export interface AlertQuery {
  status?: string;
  unitId?: string;
  page: number;
  pageSize: number;
  sort?: 'raisedAt' | 'workerCount';
  order?: 'asc' | 'desc';
}

export function useGroupAlerts(query: AlertQuery) {
  return useQuery({
    queryKey: appealKeys.alerts(query),
    queryFn: ({ signal }) => api.get<Paged<GroupAlertItem>>('/appeals/group-alerts', { ...query }, { signal }),
    placeholderData: keepPreviousData,
  });
}

export function useGroupAlert(id: string | undefined) {
  return useQuery({
    queryKey: appealKeys.alert(id ?? ''),
    enabled: !!id,
    queryFn: ({ signal }) => api.get<GroupAlert>(`/appeals/group-alerts/${id}`, undefined, { signal }),
    staleTime: 0,
  });
}

export function useGroupAlertAction(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ path, body }: { path: 'confirm' | 'dismiss' | 'assign' | 'answer'; body: object }) =>
      api.post<GroupAlert>(`/appeals/group-alerts/${id}/${path}`, body),
    onSuccess: (alert) => {
      qc.setQueryData(appealKeys.alert(id), alert);
      void qc.invalidateQueries({ queryKey: ['appeals', 'alerts'] });
      void qc.invalidateQueries({ queryKey: ['appeals', 'list'] });
      void qc.invalidateQueries({ queryKey: ['appeals', 'detail'] });
    },
  });
}

// ---- dashboard ----

export type DashboardQuery = Partial<Record<'from' | 'to' | 'category' | 'departmentId' | 'employmentCategory' | 'orgId', string>>;

export function useDashboard(query: DashboardQuery) {
  return useQuery({
    queryKey: appealKeys.dashboard(query),
    queryFn: ({ signal }) => api.get<Dashboard>('/appeals/dashboard', { ...query }, { signal }),
    placeholderData: keepPreviousData,
  });
}

// ---- configuration ----

export function useDeadlineRules(orgId: string | undefined) {
  return useQuery({
    queryKey: appealKeys.rules(orgId ?? ''),
    enabled: !!orgId,
    queryFn: () => api.get<DeadlineRules>('/appeals/deadline-rules', { orgId }),
  });
}

export function useSaveDeadlineRules() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { orgId: string; rules: Omit<DeadlineRuleCell, 'definedAt'>[] }) => api.put<DeadlineRules>('/appeals/deadline-rules', body),
    onSuccess: (res) => qc.setQueryData(appealKeys.rules(res.orgId), res),
  });
}

export function useAppealSettings(orgId: string | undefined) {
  return useQuery({
    queryKey: appealKeys.settings(orgId ?? ''),
    enabled: !!orgId,
    queryFn: () => api.get<AppealSettings>('/appeals/settings', { orgId }),
  });
}

export function useSaveAppealSettings() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: Partial<Omit<AppealSettings, 'definedAt'>> & { orgId: string }) => api.put<AppealSettings>('/appeals/settings', body),
    onSuccess: (res) => qc.setQueryData(appealKeys.settings(res.orgId), res),
  });
}
