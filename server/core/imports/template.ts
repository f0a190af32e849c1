/**
 * The roster template people fill in: the headers the importer reads, one example row,
 * text format on number-like columns (so Excel keeps identity numbers whole), and a sheet
 * explaining each column.
 */
import ExcelJS from 'exceljs';
import { EMPLOYMENT_CATEGORY_LABELS, PERSON_KIND_LABELS } from '../../../common/enums.js';
import { ROSTER_COLUMNS, type RosterField } from '../../../common/schemas/imports.js';

const EXAMPLE: Record<RosterField, string> = {
  name: '张三',
  employeeNo: '100001',
  kind: '职工',
  employmentCategory: '合同制',
  position: '采煤工',
  unionMember: '是',
  phone: '13800138000',
  idNumber: '11010519491231002X',
  gender: '男',
  org: '生产部/采煤一队',
};

const HELP: Record<RosterField, string> = {
  name: '必填，最多 40 个字',
  employeeNo: '选填；同一单位内不能重复',
  kind: `必填：${Object.values(PERSON_KIND_LABELS)
    .map((l) => l.zh)
    .join('、')}`,
  employmentCategory: `选填：${Object.values(EMPLOYMENT_CATEGORY_LABELS)
    .map((l) => l.zh)
    .join('、')}`,
  position: '选填',
  unionMember: '是 / 否，空白视为否',
  phone: '选填：以 1 开头的 11 位手机号',
  idNumber: '选填：18 位身份证号（校验位须正确）；出生日期和性别可由此自动填写',
  gender: '选填：男 / 女',
  org: '选填：导入时所选组织之下的名称路径，逐级用 / 分隔；空白 = 所选组织本身',
};

const TEXT_COLUMNS: RosterField[] = ['employeeNo', 'phone', 'idNumber'];

export async function rosterTemplate(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '心桥 Xinqiao';
  const fields = Object.keys(ROSTER_COLUMNS) as RosterField[];
  const ws = wb.addWorksheet('人员名单');
  ws.columns = fields.map((f) => ({
    header: ROSTER_COLUMNS[f],
    key: f,
    width: f === 'idNumber' ? 22 : f === 'org' ? 20 : 12,
    style: TEXT_COLUMNS.includes(f) ? { numFmt: '@' } : {},
  }));
  ws.getRow(1).font = { bold: true };
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  ws.addRow(EXAMPLE);
  const help = wb.addWorksheet('填写说明');
  help.columns = [
    { header: '列名', width: 12 },
    { header: '说明', width: 70 },
  ];
  help.getRow(1).font = { bold: true };
  for (const f of fields) help.addRow([ROSTER_COLUMNS[f], HELP[f]]);
  help.addRow([]);
  help.addRow(['提示', '上传后系统会逐行检查，全部无误后才能确认导入；有错误时请按提示修改文件后重新上传。示例行请删除。']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
