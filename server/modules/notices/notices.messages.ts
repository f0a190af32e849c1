import { messageKeys, type MessageEntry } from '../../core/i18n/messages.js';

/** Registered by the composition root from the module's declaration. */
export const noticesMessages = {
  'notices.orgOutOfScope': ['只能向您负责的组织发布公开事项', 'You may publish only to organisations in your charge'],
  'notices.scheduleNeeded': ['定期公开须选择公开周期', 'A periodic notice needs a schedule'],
  'notices.scheduleOnlyPeriodic': ['只有定期公开才有公开周期和下次公开日期', 'Only a periodic notice has a schedule and a next due date'],
  'notices.followsInvalid': [
    '接续的上一期须是同一组织、尚未接续的定期公开事项',
    'The earlier issue must be a periodic notice of the same organisation not yet followed',
  ],
  'notices.nothingChanged': [
    '更正内容与现有内容相同：请修改标题、正文或公开对象',
    'The correction changes nothing: change the title, the text or the categories',
  ],
  'notices.notRecipient': ['只有公开对象中的职工才能提问', 'Only workers the notice is addressed to may ask about it'],
  'notices.due.title': ['定期公开即将到期：{title}', 'Periodic notice due: {title}'],
  'notices.due.body': ['下一期应在 {due} 前公开。', 'The next issue is due by {due}.'],
  'notices.overdue.title': ['定期公开已逾期：{title}', 'Periodic notice overdue: {title}'],
  'notices.overdue.body': ['下一期应在 {due} 前公开，目前尚未公开。', 'The next issue was due by {due} and has not been published.'],
  'notices.asked.title': ['公开事项有新的提问：{title}', 'A new question on a notice: {title}'],
  'notices.asked.body': ['请在公开事项页面答复。', 'Answer it on the notice page.'],
  'notices.answered.title': ['您的提问已答复：{title}', 'Your question was answered: {title}'],
  'notices.answered.body': ['发布人已答复您对公开事项的提问。', 'The publisher answered your question about the notice.'],
} satisfies Record<string, MessageEntry>;

export const NM = messageKeys(noticesMessages);
