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
 * cleared (docs/architecture.md, 指标口径). Each text ends with the figure's attribution
 * rule in a department cut (the department whose work it judges); the on-time rates judge a
 * department on its own round (its latest answer), not on an earlier department's lateness.
 */
export const INDICATOR_DEFINITIONS: Record<IndicatorKey, { zh: string; en: string; nameZh: string; nameEn: string }> = {
  acceptanceHours: {
    nameZh: '受理用时',
    nameEn: 'Time to acceptance',
    zh: '已受理诉求从提交到受理的工作时长中位数（小时）；分部门时计入当前承办部门',
    en: 'Median working hours from submission to acceptance, over accepted appeals; per department: the current department',
  },
  acceptedOnTimeRate: {
    nameZh: '按时受理率',
    nameEn: 'Accepted on time',
    zh: '在受理期限当日结束前受理的诉求 ÷ 已受理诉求；分部门时计入当前承办部门',
    en: 'Accepted by the end of the accept-deadline day ÷ accepted; per department: the current department',
  },
  answerRate: {
    nameZh: '答复率',
    nameEn: 'Answer rate',
    zh: '已答复或已办结 ÷ 已受理；分部门时计入当前承办部门（已答复、已办结的诉求不能转办，即最后答复的部门）',
    en: 'Answered or closed ÷ accepted; per department: the current department (an answered or closed appeal cannot be reassigned, so the one that gave the latest answer)',
  },
  onTimeAnswerRate: {
    nameZh: '按时答复率',
    nameEn: 'Answered on time',
    zh: '每轮都在办理期限内答复的 ÷ 已答复或已办结；分部门时计入最后答复的部门（当前承办部门），只看它那一轮的答复是否按时，此前其他部门的超期不计入',
    en: "Answered within the deadline in every round ÷ answered or closed; per department: the department that gave the latest answer (the current one), judged on its own round only — an earlier department's lateness is not counted against it",
  },
  closureRate: {
    nameZh: '办结率',
    nameEn: 'Closure rate',
    zh: '已办结（职工评价未重办，或工会关闭）÷ 已受理；分部门时计入当前承办部门（已答复、已办结的诉求不能转办，即最后答复的部门）',
    en: 'Closed (rated without reopening, or closed by staff) ÷ accepted; per department: the current department (an answered or closed appeal cannot be reassigned, so the one that gave the latest answer)',
  },
  onTimeClosureRate: {
    nameZh: '按时办结率',
    nameEn: 'Closed on time',
    zh: '已办结且每轮都按时答复的 ÷ 已办结；分部门时计入办结时的承办部门（最后答复的部门），只看它那一轮的答复是否按时，此前其他部门的超期不计入',
    en: "Closed, every answer within its deadline ÷ closed; per department: the department that closed it (gave the latest answer), judged on its own round only — an earlier department's lateness is not counted against it",
  },
  satisfactionRate: {
    nameZh: '满意率',
    nameEn: 'Satisfaction',
    zh: '（满意 + 基本满意）÷ 已评价（最新一次评价）；分部门时计入被评价答复的部门，重办、转办后不变',
    en: '(Satisfied + basically satisfied) ÷ rated (latest rating); per department: the department whose answer was rated, kept after a reopen or reassignment',
  },
  satisfiedShare: {
    nameZh: '满意占比',
    nameEn: 'Fully satisfied',
    zh: '满意 ÷ 已评价（不含基本满意）；分部门时计入被评价答复的部门，重办、转办后不变',
    en: 'Satisfied ÷ rated (basically satisfied not included); per department: the department whose answer was rated, kept after a reopen or reassignment',
  },
  reopenRate: {
    nameZh: '重办率',
    nameEn: 'Reopen rate',
    zh: '至少重办一次 ÷ 至少答复过一次；分部门时计入首次答复的部门',
    en: 'Reopened at least once ÷ answered at least once; per department: the department that gave the first answer',
  },
  overdueCount: {
    nameZh: '超期未办',
    nameEn: 'Overdue',
    zh: '未办结且当前期限当日已过的诉求数（分母为全部未办结）；分部门时计入当前承办部门',
    en: 'Open appeals past their current deadline day (out of all open ones); per department: the current department',
  },
};
