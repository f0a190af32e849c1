import { messageKeys, type MessageEntry } from '../../core/i18n/messages.js';

/** Registered by the composition root from the module's declaration. */
export const surveysMessages = {
  'surveys.orgOutOfScope': ['发起组织不在您的管理范围内', 'The organisation is outside what you manage'],
  'surveys.targetOutside': ['调研对象的组织必须在发起组织之内', 'The target organisations must lie inside the survey’s organisation'],
  'surveys.optionsRequired': ['选择题至少需要 2 个选项，“最关心的三件事”至少需要 3 个', 'Choice questions need at least 2 options, top-3 questions at least 3'],
  'surveys.scaleRange': ['量表的最小值必须小于最大值', 'The scale’s minimum must be below its maximum'],
  'surveys.closesInPast': ['截止日期不能早于今天', 'The closing date cannot be before today'],
  'surveys.noRecipients': ['没有符合条件的职工，请调整调研对象', 'No worker matches the target; widen it'],
  'surveys.notDraft': ['问卷已发布，不能再修改', 'The survey is open; it can no longer be changed'],
  'surveys.notOpen': ['问卷不在进行中', 'The survey is not open'],
  'surveys.alreadyAnswered': ['您已经提交过这份问卷', 'You have already answered this survey'],
  'surveys.anonymousDraft': ['匿名问卷的草稿只保存在您的手机上，服务器不保存', 'An anonymous survey’s draft stays on your phone; the server keeps none'],
  'surveys.unknownQuestion': ['第 {n} 个回答对应的题目不存在', 'Answer {n} names a question this survey does not have'],
  'surveys.answerRequired': ['请回答第 {n} 题', 'Answer question {n}'],
  'surveys.answerChoice': ['第 {n} 题的选项不正确', 'Question {n}: the choice is not one of its options'],
  'surveys.answerTop3': ['第 {n} 题请按顺序选出三项不同的内容', 'Question {n}: pick three different options in order'],
  'surveys.answerValue': ['第 {n} 题的数值超出范围', 'Question {n}: the value is out of range'],
  'surveys.remind.title': ['请填写问卷：{title}', 'Please answer the survey: {title}'],
  'surveys.remind.body': ['问卷将于 {closesOn} 截止，您还没有提交。', 'The survey closes on {closesOn}; you have not answered yet.'],
  'surveys.opened.title': ['新问卷：{title}', 'New survey: {title}'],
  'surveys.opened.body': ['请在 {closesOn} 前填写。{anonymous}', 'Please answer by {closesOn}. {anonymous}'],
  'screening.ownerUnknown': ['责任人必须是该单位的有效账号', 'The owner must be an active account of the unit'],
  'screening.orgOutOfScope': ['该单位不在您的管理范围内', 'The unit is outside what you manage'],
  'screening.assigned.title': ['排查问题请您负责：{title}', 'A screening problem for you: {title}'],
  'screening.assigned.body': ['{org} · 严重程度：{severity}', '{org} · severity: {severity}'],
} satisfies Record<string, MessageEntry>;

export const SM = messageKeys(surveysMessages);
