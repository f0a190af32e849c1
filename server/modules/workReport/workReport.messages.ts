import { messageKeys, type MessageEntry } from '../../core/i18n/messages.js';

/** Registered by the composition root from the module's declaration. */
export const workReportMessages = {
  'workReport.periodOrder': ['结束日期不能早于开始日期', 'The end date may not be before the start date'],
  'workReport.periodTooLong': ['统计期不能超过 {days} 天', 'The period may not exceed {days} days'],
  'workReport.yearPeriod': ['年度总结的统计期须为某一年的 1 月 1 日至 12 月 31 日', 'A year’s report runs from 1 January to 31 December of one year'],
  'workReport.halfYearPeriod': [
    '半年总结的统计期须为 1 月 1 日至 6 月 30 日或 7 月 1 日至 12 月 31 日',
    'A half-year runs from 1 January to 30 June or from 1 July to 31 December',
  ],
  'workReport.unknownIndicator': ['没有这个指标', 'No such indicator'],
  'workReport.rateThreshold': ['比率指标的阈值须在 0 到 1 之间（0.9 即 90%）', 'A rate’s threshold lies between 0 and 1 (0.9 = 90 %)'],
  'workReport.duplicateIndicator': ['同一指标只能设置一个阈值', 'One threshold per indicator'],
  'workReport.unknownSection': ['报告中没有这一部分', 'The report has no such section'],
  'workReport.unknownCase': ['所选典型案例不在本期的案例建议中', 'The case picked is not among this period’s suggested cases'],
  'workReport.notReady': ['报告尚未生成完毕', 'The report is not generated yet'],
  'workReport.notDraft': ['只有草稿可以印发；请先修改正文', 'Only a draft can be issued; edit the text first'],
  'workReport.noVersion': ['没有这个版本', 'No such version'],
  'workReport.unknownFigure': ['报告中没有这个数据编号', 'The report has no figure with this reference code'],
  'workReport.noLibreOffice': [
    '服务器未安装 LibreOffice，无法生成 PDF；请下载 Word 文档',
    'LibreOffice is not installed on the server, so no PDF; download the Word document',
  ],
  'workReport.pdfFailed': ['PDF 转换失败，请下载 Word 文档', 'The PDF conversion failed; download the Word document'],
} satisfies Record<string, MessageEntry>;

export const WM = messageKeys(workReportMessages);
