/**
 * The wage sheet's rules: which column is which and what each cell may hold. Pure: reads a
 * sheet (core/excel) and returns the rows it accepts and a fault per bad cell, in the form the
 * roster import stores (core/imports' RowFault), so both render their faults the same way.
 */
import { WAGE_COLUMNS, WAGE_JOB_FAMILIES, WAGE_JOB_FAMILY_LABELS, type WageField, type WageJobFamily } from '../../../common/contracts.js';
import { categoryFromLabel, type EmploymentCategory } from '../../../common/enums.js';
import type { Sheet } from '../../core/excel/import.js';
import type { RowFault } from '../../core/imports/roster.js';
import { fenOf } from './wages.exact.js';

export interface WageRow {
  row: number;
  year: number;
  category: EmploymentCategory;
  jobFamily: WageJobFamily;
  headcount: number;
  totalFen: number;
  lowestMonthlyFen: number;
  localMinimumFen: number;
}

export const MAX_WAGE_ROWS = 5_000;
const FIELDS = Object.keys(WAGE_COLUMNS) as WageField[];
const normal = (h: string) =>
  h
    .replace(/^[*＊\s]+/, '')
    .replace(/\s/g, '')
    .replace(/\(/g, '（')
    .replace(/\)/g, '）');

function familyOf(text: string): WageJobFamily | undefined {
  return WAGE_JOB_FAMILIES.find((f) => f === text || WAGE_JOB_FAMILY_LABELS[f].zh === text);
}

export function parseWageSheet(sheet: Sheet): { rows: WageRow[]; faults: RowFault[]; totalRows: number } {
  const at = Math.max(
    0,
    sheet.rows.slice(0, 5).findIndex((r) => r.cells.some((c) => normal(c) === WAGE_COLUMNS.year)),
  );
  const header = sheet.rows[at];
  const faults: RowFault[] = [];
  const index = new Map<WageField, number>();
  for (const f of FIELDS) {
    const i = header ? header.cells.findIndex((c) => normal(c) === WAGE_COLUMNS[f]) : -1;
    if (i < 0) faults.push({ row: header?.row ?? 1, column: WAGE_COLUMNS[f], key: 'contracts.wageColumnMissing' });
    else index.set(f, i);
  }
  const data = sheet.rows.slice(at + 1);
  if (faults.length) return { rows: [], faults, totalRows: data.length };

  const rows: WageRow[] = [];
  const groups = new Map<string, number>();
  const minimumOfYear = new Map<number, bigint>();
  for (const r of data) {
    const cell = (f: WageField) => r.cells[index.get(f)!] ?? '';
    const bad = (f: WageField, key: string, params?: Record<string, unknown>) =>
      faults.push({ row: r.row, column: WAGE_COLUMNS[f], key, ...(params ? { params } : {}) });
    const before = faults.length;
    const yearText = cell('year').replace(/年$/, '');
    const year = /^\d{4}$/.test(yearText) ? Number(yearText) : NaN;
    if (!(year >= 1990 && year <= 2100)) bad('year', 'contracts.wageYear');
    const category = categoryFromLabel(cell('category'));
    if (!category) bad('category', 'contracts.wageCategory');
    const jobFamily = familyOf(cell('jobFamily'));
    if (!jobFamily) bad('jobFamily', 'contracts.wageJobFamily');
    const headcount = /^\d{1,7}$/.test(cell('headcount')) ? Number(cell('headcount')) : 0;
    if (headcount < 1) bad('headcount', 'contracts.wageHeadcount');
    const money = (f: WageField) => {
      const fen = fenOf(cell(f));
      if (fen === undefined || fen <= 0n) bad(f, 'contracts.wageAmount');
      return fen ?? 0n;
    };
    const total = money('total');
    const lowest = money('lowestMonthly');
    const minimum = money('localMinimum');
    if (faults.length > before) continue;
    const known = minimumOfYear.get(year);
    if (known !== undefined && known !== minimum) bad('localMinimum', 'contracts.wageMinimumDiffers', { year });
    const key = `${year}|${category}|${jobFamily}`;
    if (groups.has(key)) bad('jobFamily', 'contracts.wageGroupTwice', { row: groups.get(key) });
    if (faults.length > before) continue;
    minimumOfYear.set(year, minimum);
    groups.set(key, r.row);
    rows.push({
      row: r.row,
      year,
      category: category!,
      jobFamily: jobFamily!,
      headcount,
      totalFen: Number(total),
      lowestMonthlyFen: Number(lowest),
      localMinimumFen: Number(minimum),
    });
  }
  return { rows, faults, totalRows: data.length };
}
