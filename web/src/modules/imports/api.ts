import { useQuery } from '@tanstack/react-query';
import { api, upload } from '../../api/client';

export type ImportStatus = 'preview' | 'importing' | 'done' | 'failed';

export interface ImportRowError {
  /** The sheet's own row number, as the user sees it in Excel. */
  row: number;
  column: string | null;
  message: string;
}

export interface ImportPreviewRow {
  row: number;
  name: string;
  employeeNo: string | null;
  kind: string | null;
  employmentCategory: string | null;
  orgPath: string | null;
  phone: string | null;
}

export interface ImportPreview {
  id: string;
  status: ImportStatus;
  fileName: string;
  totalRows: number;
  validRows: number;
  errors: ImportRowError[];
  preview: ImportPreviewRow[];
  /** Headers in the file that are not roster columns: their cells are not imported. */
  ignoredColumns: string[];
}

export interface ImportBatch {
  id: string;
  status: ImportStatus;
  totalRows: number;
  processedRows: number;
  errors: ImportRowError[];
}

export function uploadPeopleSheet(orgId: string, file: File, onProgress: (percent: number) => void) {
  const form = new FormData();
  // orgId before the file: a streaming multipart parser sees fields in order.
  form.append('orgId', orgId);
  form.append('file', file, file.name);
  return upload<ImportPreview>('/imports/people', form, onProgress);
}

export const confirmImport = (id: string) => api.post<{ id: string; status: ImportStatus }>(`/imports/${id}/confirm`);

const FINISHED: ImportStatus[] = ['done', 'failed'];

/** Polls the batch every second until the server says it is done or failed. */
export function useImportBatch(id: string | undefined) {
  return useQuery({
    queryKey: ['imports', id],
    enabled: !!id,
    queryFn: ({ signal }) => api.get<ImportBatch>(`/imports/${id}`, undefined, { signal }),
    refetchInterval: (q) => (q.state.data && FINISHED.includes(q.state.data.status) ? false : 1000),
    staleTime: 0,
  });
}
