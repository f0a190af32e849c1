/**
 * The survey's results as an export declaration (core `sendXlsx` writes the .xlsx): one row per
 * question, group and item, the same cells as the results page, suppressed cells said in words.
 */
import type { SurveyCut } from '../../../common/surveys.js';
import type { Call } from '../../core/call.js';
import type { Column, ListExport } from '../../core/excel/export.js';
import { exportRows, results } from './surveys.results.js';

type ResultRow = ReturnType<typeof exportRows>[number];

const COLUMNS: Column<ResultRow>[] = [
  { header: '题目', width: 40, value: (x) => x.question },
  { header: '分组', width: 24, value: (x) => x.group },
  { header: '项目', width: 30, value: (x) => x.item },
  { header: '数值', width: 16, value: (x) => x.value },
];

/** `results` refuses whoever does not manage the survey, so whoever gets a declaration reads it (`readsAny`). */
export async function resultsExport(call: Call, surveyId: string, cut?: SurveyCut): Promise<ListExport<ResultRow>> {
  const r = await results(call, surveyId, cut);
  return { fileName: '调研结果', sheet: '调研结果', columns: COLUMNS, rows: exportRows(r), readsAny: true };
}
