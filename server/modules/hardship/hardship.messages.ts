import { messageKeys, type MessageEntry } from '../../core/i18n/messages.js';

/** Registered by the composition root from the module's declaration. */
export const hardshipMessages = {
  'validation.hardshipPctOrder': ['比例须满足：深度困难 ≤ 相对困难 ≤ 意外致困', 'Shares must rise: deep ≤ relative ≤ sudden'],
  'hardship.workerRequired': ['请选择申请的职工', 'Choose the worker who applies'],
  'hardship.notWorker': ['申请人必须是本工会的在册职工', 'The applicant must be a worker of this union'],
  'hardship.openFileExists': ['该职工家庭已有在办或在档的困难档案（一户一档）', 'This household already has an open file (one household, one file)'],
  'hardship.noRule': [
    '该地区该年度尚未设置困难认定标准（低保线），请先由工会设置',
    'No rule (minimum living standard) is set for this locality and year; the union must set one first',
  ],
  'hardship.notEligible': [
    '按本地区认定标准，人均收入高于困难线，不符合困难职工条件',
    'Income per head is above the locality’s lines: the household does not qualify',
  ],
  'hardship.secondVisitor': [
    '入户核实须由两名不同的工作人员分别完成，您已记录过一次',
    'Two different staff must each visit; you have already recorded a visit',
  ],
  'hardship.futureDate': ['日期不能晚于今天', 'The date cannot be later than today'],
  'hardship.visitBeforeApplication': ['入户日期不能早于申请日期', 'A visit cannot be before the application'],
  'hardship.noticeRunning': ['公示期至 {to} 结束，公示期满后才能归档', 'The public notice runs until {to}; the file can be filed only after it'],
  'hardship.objectionPending': ['尚有未处理的异议，处理后才能归档', 'An objection is undecided; decide it before filing'],
  'hardship.objectionDecided': ['该异议已处理', 'This objection has been decided'],
  'hardship.callbackUnknown': ['该回访不存在或已完成', 'No such callback is pending'],
  'hardship.stillEligible': ['按当年标准已不符合困难条件，请选择“脱困”', 'By this year’s rule the household no longer qualifies; choose exit'],
  'hardship.orgOutOfScope': ['所选组织不在您的管理范围内', 'The organisation is outside your scope'],
  'hardship.ruleExists': ['该组织该地区该年度已有认定标准，请修改原标准', 'A rule for this organisation, locality and year exists; edit it instead'],
  'hardship.notice.applied.title': ['新的困难职工帮扶申请：{code}', 'New hardship application: {code}'],
  'hardship.notice.applied.body': ['请安排两名工作人员入户核实。', 'Arrange a home visit by two staff.'],
  'hardship.notice.approved.title': ['您的困难帮扶申请已通过审核，正在公示', 'Your hardship application was approved and is on public notice'],
  'hardship.notice.approved.body': [
    '公示期 {from} 至 {to}，公示期满无异议后归档。',
    'Public notice from {from} to {to}; filed afterwards if no objection is upheld.',
  ],
  'hardship.notice.refused.title': ['您的困难帮扶申请未通过', 'Your hardship application was not approved'],
  'hardship.notice.refused.body': ['原因：{reason}', 'Reason: {reason}'],
  'hardship.notice.filed.title': ['您家庭的困难档案已建立', 'Your household’s hardship file is open'],
  'hardship.notice.filed.body': ['工会将按年度复核并开展帮扶。', 'The union reviews it yearly and gives assistance.'],
  'hardship.notice.reviewDue.title': ['困难档案年度复核：{code}', 'Yearly review due: {code}'],
  'hardship.notice.reviewDue.body': ['请在 {due} 前完成复核。', 'Review it by {due}.'],
  'hardship.notice.callbackDue.title': ['脱困回访：{code}（{month} 个月）', 'Callback after exit: {code} ({month} months)'],
  'hardship.notice.callbackDue.body': ['请在 {due} 前完成回访。', 'Call back by {due}.'],
} satisfies Record<string, MessageEntry>;

export const HM = messageKeys(hardshipMessages);
