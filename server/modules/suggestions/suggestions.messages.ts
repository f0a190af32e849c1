import { messageKeys, type MessageEntry } from '../../core/i18n/messages.js';

/** Registered by the composition root from the module's declaration. */
export const suggestionsMessages = {
  'validation.suggestionCents': ['金额最多保留两位小数', 'Amounts have at most two decimals'],
  'suggestions.orgOutOfReach': ['只能为本人所辖组织发起活动', 'You can start a campaign only for an organisation you oversee'],
  'suggestions.periodOrder': ['结束日期不能早于开始日期', 'The end date cannot be before the start date'],
  'suggestions.criteriaKeys': ['评审标准的代码不能重复', 'Criterion keys must be unique'],
  'suggestions.criteriaScored': ['已有专家按现行评审标准打分，评审标准不能再修改', 'Evaluators have scored against the criteria; they can no longer change'],
  'suggestions.campaignUnknown': ['活动不存在或不面向您所在单位', 'No such campaign for your unit'],
  'suggestions.campaignClosed': ['活动不在征集期内（{startsOn} 至 {endsOn}）', 'The campaign is not collecting now ({startsOn} to {endsOn})'],
  'suggestions.coAuthorUnknown': ['合作者必须是本活动范围内的职工', 'Co-authors must be workers within the campaign'],
  'suggestions.teamNameRequired': ['有合作者时请填写集体（班组）名称', 'Name the team when the suggestion has co-authors'],
  'suggestions.mergeTarget': [
    '只能合并到同一活动中另一条未合并、未退回的建议',
    'Merge only into another suggestion of the same campaign that is neither merged nor returned',
  ],
  'suggestions.evaluatorsDistinct': ['请至少指定两名不同的评审专家', 'Name at least two different evaluators'],
  'suggestions.evaluatorUnknown': [
    '评审专家须为本单位的承办人、职工代表或工会干部，且不能是建议人',
    'Evaluators must be handlers, representatives or union officers of the unit, and not the authors',
  ],
  'suggestions.alreadyScored': ['您已评分，评分提交后不能修改', 'You have scored; a score cannot be changed'],
  'suggestions.scoreCriteria': ['请按活动的每项评审标准打分', 'Score every criterion of the campaign'],
  'suggestions.scoreMax': ['{label} 最高 {max} 分', '{label} is at most {max} points'],
  'suggestions.ownerUnknown': ['落实负责人须为该单位的承办人或工会干部', 'The owner must be a handler or union officer of the unit'],
  'suggestions.dueInPast': ['完成期限不能早于今天', 'The due date cannot be before today'],
  'suggestions.verifierSame': ['效益须由记录人以外的另一人核实', 'The benefit must be verified by someone other than who recorded it'],
  'suggestions.paidInFuture': ['发放日期不能晚于今天', 'The paid date cannot be later than today'],
  'suggestions.notice.returned.title': ['您的建议被退回：{code}', 'Your suggestion was returned: {code}'],
  'suggestions.notice.returned.body': ['原因：{reason}。您可以修改后重新提交。', 'Reason: {reason}. You may revise and resubmit it.'],
  'suggestions.notice.assigned.title': ['请评审合理化建议：{code}', 'A suggestion for you to evaluate: {code}'],
  'suggestions.notice.assigned.body': [
    '「{title}」请按评审标准打分；其他专家的评分在全部提交后才可见。',
    'Score “{title}” against the criteria; other evaluators’ scores show once all are in.',
  ],
  'suggestions.notice.decided.title': ['您的建议评审结果：{code}', 'The decision on your suggestion: {code}'],
  'suggestions.notice.decided.body': ['「{title}」：{decision}。{note}', '“{title}”: {decision}. {note}'],
  'suggestions.notice.rewarded.title': ['您的建议获得奖励：{code}', 'Your suggestion was rewarded: {code}'],
  'suggestions.notice.rewarded.body': ['奖励 {amount} 元已于 {paidOn} 发放。', 'A reward of {amount} yuan was paid on {paidOn}.'],
} satisfies Record<string, MessageEntry>;

export const SM = messageKeys(suggestionsMessages);
