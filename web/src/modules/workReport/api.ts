/** Work report and cross-practice dashboard queries and writes; shapes come from common/schemas/workReport. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CreateReportBody,
  Dashboard,
  FigureRecords,
  Narrative,
  NotableCaseSuggestions,
  Report,
  ReportSummary,
  Threshold,
} from '@common/schemas/workReport';
import type { ReportStatus } from '@common/workReport';
import { api, download } from '../../api/client';
import type { Paged } from '../../shared/PagedList';

export type { Dashboard, FigureRecords, Narrative, Report, ReportSummary, Threshold };
export type RecordsPart = FigureRecords['part'];
export type ReportDetail = Report & { pdfAvailable: boolean };
export type { Paged };

const KEY = 'workReport';

export function useDashboard(orgId: string | undefined, from: string, to: string) {
  return useQuery({
    queryKey: [KEY, 'dashboard', orgId, from, to],
    enabled: !!orgId,
    queryFn: () => api.get<Dashboard>('/work-report/dashboard', { orgId, from, to }),
    placeholderData: keepPreviousData,
  });
}

export function useThresholds(orgId: string | undefined) {
  return useQuery({
    queryKey: [KEY, 'thresholds', orgId],
    enabled: !!orgId,
    queryFn: () => api.get<{ orgId: string; items: Threshold[] }>('/work-report/thresholds', { orgId }),
  });
}

export function usePutThresholds() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { orgId: string; items: Threshold[] }) => api.put<{ orgId: string; items: Threshold[] }>('/work-report/thresholds', body),
    onSuccess: () => qc.invalidateQueries({ queryKey: [KEY] }),
  });
}

export interface ReportListQuery {
  orgId?: string;
  status?: ReportStatus;
  sort?: 'createdAt' | 'from';
  order?: 'asc' | 'desc';
  page: number;
}

export function useReports(q: ReportListQuery) {
  return useQuery({
    queryKey: [KEY, 'reports', q],
    queryFn: () => api.get<Paged<ReportSummary>>('/work-reports', { ...q, pageSize: 20 }),
    placeholderData: keepPreviousData,
  });
}

export function useCreateReport() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateReportBody) => api.post<ReportSummary>('/work-reports', body),
    onSuccess: (r) => {
      // The queued report is known from the answer: its page opens on the progress card at once
      // instead of a spinner until the first poll (which follows a second later).
      const queued: ReportDetail = {
        ...r,
        createdBy: null,
        generatedAt: null,
        figures: [],
        narrative: { summary: '', sections: {}, plan: '' },
        versions: [],
        pdfAvailable: false,
      };
      qc.setQueryData([KEY, 'report', r.id], queued);
      // Not awaited: the caller's onSuccess (opening the report's page) waits for this one, and a list
      // refetch first let a fast generation finish unseen — the page then skipped its progress card.
      void qc.invalidateQueries({ queryKey: [KEY, 'reports'] });
    },
  });
}

const generating = (r: ReportSummary) => r.status === 'queued' || r.status === 'generating';

/** Polls while the report is being generated, so the progress bar moves. */
export function useReport(id: string | undefined) {
  return useQuery({
    queryKey: [KEY, 'report', id],
    enabled: !!id,
    queryFn: () => api.get<ReportDetail>(`/work-reports/${id}`),
    // While it generates, the page polls every second (a fresh report's first poll included).
    staleTime: (q) => (q.state.data && generating(q.state.data) ? 1000 : 0),
    refetchInterval: (q) => (q.state.data && generating(q.state.data) ? 1000 : false),
  });
}

export function useSaveNarrative(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: Narrative) => api.put<Report>(`/work-reports/${id}/narrative`, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: [KEY] }),
  });
}

/** The practices' case suggestions for the report's org and period; only an author asks. */
export function useNotableCases(id: string, enabled: boolean) {
  return useQuery({ queryKey: [KEY, 'cases', id], enabled, queryFn: () => api.get<NotableCaseSuggestions>(`/work-reports/${id}/notable-cases`) });
}

export function useIssue(id: string) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: () => api.post<Report>(`/work-reports/${id}/issue`, {}), onSuccess: () => qc.invalidateQueries({ queryKey: [KEY] }) });
}

export const downloadReport = (id: string, format: 'docx' | 'pdf', version?: number) =>
  download(`/work-reports/${id}/report.${format}`, { version }, `report.${format}`);

/** The ids a figure counted at generation (the snapshot's records), a page at a time. */
export function useFigureRecords(reportId: string, ref: string, part: RecordsPart, page: number) {
  return useQuery({
    queryKey: [KEY, 'records', reportId, ref, part, page],
    queryFn: () => api.get<FigureRecords>(`/work-reports/${reportId}/records`, { ref, part, page }),
    placeholderData: keepPreviousData,
  });
}
