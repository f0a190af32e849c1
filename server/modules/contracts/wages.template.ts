/**
 * The wage data template: the headers the wage sheet reads, example rows, text-free amount
 * columns (amounts are numbers in 元), and a sheet explaining each column.
 */
import ExcelJS from 'exceljs';
import { WAGE_COLUMNS, WAGE_JOB_FAMILY_LABELS, type WageField } from '../../../common/contracts.js';
import { EMPLOYMENT_CATEGORY_LABELS } from '../../../common/enums.js';

const EXAMPLES: Record<WageField, string | number>[] = [
  { year: 2026, category: '合同制', jobFamily: '一线生产', headcount: 120, total: 10_080_000, lowestMonthly: 4200, localMinimum: 2100 },
  { year: 2026, category: '合同制', jobFamily: '经营管理', headcount: 15, total: 2_100_000, lowestMonthly: 7800, localMinimum: 2100 },
];

const HELP: Record<WageField, string> = {
  year: '必填：四位年份，如 2026',
  category: `必填：${Object.values(EMPLOYMENT_CATEGORY_LABELS)
    .map((l) => l.zh)
    .join('、')}`,
  jobFamily: `必填：${Object.values(WAGE_JOB_FAMILY_LABELS)
    .map((l) => l.zh)
    .join('、')}`,
  headcount: '必填：该组全年平均在岗人数（正整数）',
  total: '必填：该组全年应发工资总额，单位元，最多两位小数',
  lowestMonthly: '必填：该组职工中最低的月工资，单位元',
  localMinimum: '必填：当地月最低工资标准，单位元；同一年度各行应一致',
};

export async function wageTemplate(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '心桥 Xinqiao';
  const fields = Object.keys(WAGE_COLUMNS) as WageField[];
  const ws = wb.addWorksheet('工资数据');
  ws.columns = fields.map((f) => ({
    header: WAGE_COLUMNS[f],
    key: f,
    width: f === 'localMinimum' ? 26 : 16,
    style: ['total', 'lowestMonthly', 'localMinimum'].includes(f) ? { numFmt: '0.00' } : {},
  }));
  ws.getRow(1).font = { bold: true };
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  for (const e of EXAMPLES) ws.addRow(e);
  const help = wb.addWorksheet('填写说明');
  help.columns = [
    { header: '列名', width: 26 },
    { header: '说明', width: 70 },
  ];
  help.getRow(1).font = { bold: true };
  for (const f of fields) help.addRow([WAGE_COLUMNS[f], HELP[f]]);
  help.addRow([]);
  help.addRow(['提示', '每个年度、用工类别、岗位序列一行。上传后逐行检查，全部无误才写入；导入某年度会替换本单位该年度原有数据。示例行请删除。']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
