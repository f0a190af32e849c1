import { z } from 'zod';

/** 'expired': a batch left unconfirmed so long that its rows were forgotten (see imports.jobs). */
export const IMPORT_STATUSES = ['preview', 'importing', 'done', 'failed', 'expired'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

/**
 * Roster columns, in template order. The header cell must start with the label, so a
 * header such as 「人员类别(职工/教师/学生/家长)」 is read as 人员类别.
 */
export const ROSTER_COLUMNS = {
  name: '姓名',
  employeeNo: '工号',
  kind: '人员类别',
  employmentCategory: '用工身份',
  position: '岗位',
  unionMember: '工会会员',
  phone: '手机号',
  idNumber: '身份证号',
  gender: '性别',
  org: '所属组织',
} as const;
export type RosterField = keyof typeof ROSTER_COLUMNS;

export const ImportError = z.object({
  /** Excel row number (the header is row 1). */
  row: z.number().int(),
  /** The Chinese column header the fault is in. */
  column: z.string(),
  message: z.string(),
});
export type ImportError = z.infer<typeof ImportError>;

export const RosterRow = z.object({
  row: z.number().int(),
  name: z.string(),
  employeeNo: z.string().nullable(),
  kind: z.string().nullable(),
  employmentCategory: z.string().nullable(),
  position: z.string().nullable(),
  unionMember: z.boolean(),
  phone: z.string().nullable(),
  idNumber: z.string().nullable(),
  gender: z.string().nullable(),
  /** The 所属组织 text as written; empty = the chosen org. */
  orgPath: z.string(),
  orgId: z.string().nullable(),
});
export type RosterRow = z.infer<typeof RosterRow>;

/** A file whose every row is wrong should not answer with a 10 MB list. */
export const MAX_LISTED_ERRORS = 1000;

export const ImportBatch = z.object({
  id: z.string(),
  status: z.enum(IMPORT_STATUSES),
  fileName: z.string(),
  orgId: z.string(),
  totalRows: z.number().int(),
  validRows: z.number().int(),
  processedRows: z.number().int(),
  /** All faults found; `errors` lists the first MAX_LISTED_ERRORS of them. */
  errorCount: z.number().int(),
  errors: z.array(ImportError),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type ImportBatch = z.infer<typeof ImportBatch>;

export const ImportPreview = ImportBatch.extend({
  preview: z.array(RosterRow),
  /** Headers in the file that are not roster columns: their cells are not imported. */
  ignoredColumns: z.array(z.string()),
});
export type ImportPreview = z.infer<typeof ImportPreview>;
