/** The rows the appeals dashboard folds into its figures. */
import type { Tx } from '../../core/db/database.js';
import { adb } from './appeals.tables.js';
import { ACCEPTED_ON_TIME, conditions, type Eb, type LightClock, type RepoFilter, type Visibility } from './appeals.visibility.js';

/**
 * Exactly what the indicators need, from `appeals` alone: with the scope as an id list and
 * every column in the appeals_indicators index, the period is read off that index without
 * touching a table row, and the dashboard folds it in one pass.
 */
export interface IndicatorRow {
  category: string;
  status: string;
  org_id: string;
  department_id: string | null;
  submitted_date: string;
  first_answered_at: string | null;
  first_answer_department_id: string | null;
  current_due: string | null;
  late: number;
  /** The latest answer's own round was late (null: never answered). */
  last_answer_late: number | null;
  rating: string | null;
  rated_department_id: string | null;
  reopen_count: number;
  accept_work_tenths: number | null;
  /** 1 when accepted by the end of its accept-deadline day, 0 otherwise (never accepted included). */
  accepted_on_time: number;
}

/** What `IndicatorRow` is made of: the dashboard's rows and the caller's own appeals outside scope (appeals.cells.ts) read the same columns. */
export const INDICATOR_COLUMNS = [
  'a.category',
  'a.status',
  'a.org_id',
  'a.department_id',
  'a.submitted_date',
  'a.first_answered_at',
  'a.first_answer_department_id',
  'a.current_due',
  'a.late',
  'a.last_answer_late',
  'a.rating',
  'a.rated_department_id',
  'a.reopen_count',
  'a.accept_work_tenths',
  ACCEPTED_ON_TIME.as('accepted_on_time'),
] as const;

export async function indicatorRows(db: Tx, vis: Visibility, f: RepoFilter, clock: LightClock): Promise<IndicatorRow[]> {
  const rows = await adb(db)
    .selectFrom('appeals as a')
    .where(((eb: Eb) => conditions(db, eb, vis, f, clock, false)) as any)
    .select(INDICATOR_COLUMNS)
    .execute();
  return rows.map((r) => ({ ...r, accepted_on_time: Number(r.accepted_on_time) })) as IndicatorRow[];
}
