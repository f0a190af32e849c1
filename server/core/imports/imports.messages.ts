import { defineMessages } from '../i18n/messages.js';

/** Row faults of a roster import; the column is named separately, so the texts stay short. */
export const ImportMessages = defineMessages({
  'import.required': ['必填', 'Required'],
  'import.tooLong': ['最多 {max} 个字符', 'At most {max} characters'],
  'import.missingHeader': ['缺少「{column}」列，请使用导入模板', 'The column {column} is missing; use the template'],
  'import.badKind': ['应为 职工、教师、学生、家长、工作人员 之一', 'Expected one of 职工, 教师, 学生, 家长, 工作人员'],
  'import.badCategory': ['应为 全民固定工、合同制、劳务派遣、农民工、退休 之一', 'Expected one of 全民固定工, 合同制, 劳务派遣, 农民工, 退休'],
  'import.badYesNo': ['应填“是”或“否”', 'Expected 是 (yes) or 否 (no)'],
  'import.badGender': ['应填“男”或“女”', 'Expected 男 (male) or 女 (female)'],
  'import.badPhone': ['手机号应为以 1 开头的 11 位数字', 'A mobile number has 11 digits and starts with 1'],
  'import.badIdNumber': ['身份证号应为 18 位，且出生日期和校验位正确', 'An identity number has 18 characters with a valid birth date and check digit'],
  'import.unknownOrg': [
    '所选组织下找不到「{path}」（按名称逐级填写，如 生产部/采煤一队）',
    'No org "{path}" under the chosen org (names level by level, e.g. 生产部/采煤一队)',
  ],
  'import.ambiguousOrg': ['「{path}」有同名组织，无法确定是哪一个', '"{path}" matches several orgs with the same name'],
  'import.duplicateInFile': ['与第 {row} 行重复', 'Same as row {row}'],
  'import.employeeNoExists': ['该工号已有在册人员使用', 'An existing person already has this employee number'],
  'import.empty': ['文件中没有数据行', 'The file has no data rows'],
  'import.tooManyRows': ['一次最多导入 {max} 行，请拆分文件', 'At most {max} rows per import; split the file'],
  'import.noFile': ['请选择要上传的 .xlsx、.xls 或 .csv 文件', 'Choose an .xlsx, .xls or .csv file to upload'],
  'import.numericCell': [
    '该单元格是数字格式，开头的 0 或身份证号的后几位会丢失；请把此列设置为“文本”格式后重新填写',
    'The cell is a number, which loses leading zeros or the last digits of an identity number; format the column as Text and type it again',
  ],
  'import.xlsUnsupported': [
    '本服务器未安装 LibreOffice，无法读取 .xls（Excel 97-2003）文件，请在 Excel 或 WPS 中“另存为” .xlsx 或 .csv 后上传',
    'This server has no LibreOffice to read .xls (Excel 97-2003) files; save the file as .xlsx or .csv and upload that',
  ],
  'import.orgRequired': ['请选择导入到哪个组织', 'Choose the org to import into'],
  'import.staleOrg': ['导入后组织结构已变化，请重新上传文件', 'The org tree changed since the upload; upload the file again'],
});
