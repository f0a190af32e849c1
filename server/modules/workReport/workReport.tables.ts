/** Table types of the work report, in the storage conventions of core/db/schema.ts. */
import type { Kysely } from 'kysely';
import type { DB } from '../../core/db/schema.js';
import type { Tx } from '../../core/db/database.js';

export interface WorkReportTable {
  id: string;
  org_id: string;
  org_path: string;
  kind: string;
  from_date: string;
  to_date: string;
  title: string;
  status: string;
  progress: number;
  version: number;
  /** JSON SnapshotFigure[]; null until generated. */
  figures: string | null;
  /** JSON Narrative. */
  narrative: string;
  created_by: string | null;
  created_by_name: string | null;
  created_at: string;
  updated_at: string;
  generated_at: string | null;
}

export interface WorkReportVersionTable {
  id: string;
  report_id: string;
  version: number;
  narrative: string;
  issued_at: string;
  issued_by: string | null;
  issued_by_name: string | null;
}

export interface WorkReportThresholdTable {
  id: string;
  org_id: string;
  indicator: string;
  direction: string;
  value: number;
  /** Consecutive whole weeks on the wrong side before it alerts; null: the period's figure alone. */
  weeks: number | null;
  updated_at: string;
}

/** One practice's records of a report: `ids` and `subsets` are gzip + base64 (workReport.records.ts). */
export interface WorkReportRecordsTable {
  report_id: string;
  module: string;
  /** Distinct records of the practice the report's figures counted. */
  count: number;
  ids: string;
  subsets: string;
}

export type WDb = Kysely<
  DB & {
    work_reports: WorkReportTable;
    work_report_versions: WorkReportVersionTable;
    work_report_thresholds: WorkReportThresholdTable;
    work_report_records: WorkReportRecordsTable;
  }
>;

/** The module's view of a core handle (same connection, same transaction). */
export const wdb = (db: Tx): WDb => db as unknown as WDb;
