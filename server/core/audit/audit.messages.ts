import { defineMessages } from '../i18n/messages.js';

export const AM = defineMessages({
  'validation.dateOrInstant': ['应为日期（YYYY-MM-DD）或完整时间（ISO 8601）', 'Expected a date (YYYY-MM-DD) or an ISO 8601 time'],
  'audit.fileName': ['审计日志', 'audit-log'],
  'audit.sheetName': ['审计日志', 'Audit log'],
  'audit.col.at': ['时间（北京时间）', 'Time (Beijing)'],
  'audit.col.actor': ['操作人', 'Actor'],
  'audit.col.action': ['操作', 'Action'],
  'audit.col.entityType': ['对象类型', 'Entity type'],
  'audit.col.entityId': ['对象编号', 'Entity id'],
  'audit.col.org': ['所属组织', 'Org'],
  'audit.col.changes': ['变更内容', 'Changes'],
  'audit.col.ip': ['IP 地址', 'IP address'],
});
