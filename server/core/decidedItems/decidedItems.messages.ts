import { defineMessages } from '../i18n/messages.js';

/** Faults and notices of decided items (督办事项). */
export const DecidedItemMessages = defineMessages({
  'decidedItem.orgUnknown': ['所属组织不存在', 'The owning org does not exist'],
  'decidedItem.ownerUnknown': ['责任人账号不存在或已停用', 'The owner account does not exist or is disabled'],
  'decidedItem.coOwnerUnknown': ['协办人账号不存在或已停用', 'A co-owner account does not exist or is disabled'],
  'decidedItem.parentUnknown': ['上级督办事项不存在', 'The parent decided item does not exist'],
  'decidedItem.parentClosed': ['上级督办事项已完成或已撤销，不能再添加子事项', 'The parent item is done or dropped; no child may be added'],
  'decidedItem.titleEmpty': ['事项内容不能为空', 'The title must not be empty'],
  'decidedItem.dueDate': ['完成期限应为 YYYY-MM-DD 格式的有效日期', 'The due date must be a valid YYYY-MM-DD date'],
  'decidedItem.weight': ['权重应为 1–100 的整数', 'The weight must be a whole number from 1 to 100'],
  'decidedItem.progressRolledUp': ['该事项的进度由子事项汇总，请更新子事项', 'This item’s progress rolls up from its children; update those'],
  'decidedItem.progressBack': ['进度不能低于已报告的 {progress}%', 'Progress cannot go below the {progress}% already reported'],
  'decidedItem.closed': ['事项已完成或已撤销，不能再报告进度', 'The item is done or dropped; progress can no longer be reported'],
  'decidedItem.dueSoonTitle': ['督办事项 {days} 个工作日后到期', 'Decided item due in {days} working day(s)'],
  'decidedItem.dueTodayTitle': ['督办事项今天到期', 'Decided item due today'],
  'decidedItem.overdueTitle': ['督办事项已逾期', 'Decided item overdue'],
});
