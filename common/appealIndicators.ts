/**
 * The appeal indicators' names and one-line definitions, zh and en: one text for the
 * dashboard (shown under each figure), the API schema (zod .describe()) and the docs
 * (docs/architecture.md, 指标口径). Free of zod so the web page can import it.
 */
export const INDICATOR_KEYS = [
  'acceptanceHours',
  'acceptedOnTimeRate',
  'answerRate',
  'onTimeAnswerRate',
  'closureRate',
  'onTimeClosureRate',
  'satisfactionRate',
  'satisfiedShare',
  'reopenRate',
  'overdueCount',
] as const;
export type IndicatorKey = (typeof INDICATOR_KEYS)[number];

/**
 * Each figure's name and one-line definition, Chinese first: the dashboard shows them on
 * hover/tap and the API schema describes each figure with the same text. "Closed" (办结) =
 * status 已办结: rated by the worker without reopening, or closed by staff; "late" = an
 * answer given after the end of its deadline day, or marked overdue while open — never
 * cleared (docs/architecture.md, 指标口径).
 */
export const INDICATOR_DEFINITIONS: Record<IndicatorKey, { zh: string; en: string; nameZh: string; nameEn: string }> = {
  acceptanceHours: { nameZh: '受理用时', nameEn: 'Time to acceptance', zh: '已受理诉求从提交到受理的工作时长中位数（小时）', en: 'Median working hours from submission to acceptance, over accepted appeals' },
  acceptedOnTimeRate: { nameZh: '按时受理率', nameEn: 'Accepted on time', zh: '在受理期限当日结束前受理的诉求 ÷ 已受理诉求', en: 'Accepted by the end of the accept-deadline day ÷ accepted' },
  answerRate: { nameZh: '答复率', nameEn: 'Answer rate', zh: '已答复或已办结 ÷ 已受理', en: 'Answered or closed ÷ accepted' },
  onTimeAnswerRate: { nameZh: '按时答复率', nameEn: 'Answered on time', zh: '每轮都在办理期限内答复的 ÷ 已答复或已办结', en: 'Answered within the deadline in every round ÷ answered or closed' },
  closureRate: { nameZh: '办结率', nameEn: 'Closure rate', zh: '已办结（职工评价未重办，或工会关闭）÷ 已受理', en: 'Closed (rated without reopening, or closed by staff) ÷ accepted' },
  onTimeClosureRate: { nameZh: '按时办结率', nameEn: 'Closed on time', zh: '已办结且每轮都按时答复的 ÷ 已办结', en: 'Closed, every answer within its deadline ÷ closed' },
  satisfactionRate: { nameZh: '满意率', nameEn: 'Satisfaction', zh: '（满意 + 基本满意）÷ 已评价（最新一次评价）', en: '(Satisfied + basically satisfied) ÷ rated (latest rating)' },
  satisfiedShare: { nameZh: '满意占比', nameEn: 'Fully satisfied', zh: '满意 ÷ 已评价（不含基本满意）', en: 'Satisfied ÷ rated (basically satisfied not included)' },
  reopenRate: { nameZh: '重办率', nameEn: 'Reopen rate', zh: '至少重办一次 ÷ 至少答复过一次', en: 'Reopened at least once ÷ answered at least once' },
  overdueCount: { nameZh: '超期未办', nameEn: 'Overdue', zh: '未办结且当前期限当日已过的诉求数（分母为全部未办结）', en: 'Open appeals past their current deadline day (out of all open ones)' },
};

