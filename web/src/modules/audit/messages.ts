import { defineMessages } from '../../i18n/types';

export const messages = defineMessages(
  {
    menu: '审计日志',
    title: '审计日志',
    filters: {
      action: '操作（如 people.update）',
      entityType: '对象类型（如 person）',
      actor: '操作人 ID',
      dates: '日期范围',
      from: '开始日期',
      to: '结束日期',
    },
    fields: {
      at: '时间',
      actor: '操作人',
      action: '操作',
      entityType: '对象类型',
      entityId: '对象 ID',
      org: '组织',
      changes: '变更内容',
    },
    filterByActor: '只看此人的操作',
    noChanges: '无变更明细',
    system: '系统',
  },
  {
    menu: 'Audit log',
    title: 'Audit log',
    filters: {
      action: 'Action (e.g. people.update)',
      entityType: 'Entity type (e.g. person)',
      actor: 'Actor ID',
      dates: 'Dates',
      from: 'From',
      to: 'To',
    },
    fields: {
      at: 'Time',
      actor: 'Actor',
      action: 'Action',
      entityType: 'Entity type',
      entityId: 'Entity ID',
      org: 'Organisation',
      changes: 'Changes',
    },
    filterByActor: 'Only this actor',
    noChanges: 'No change details',
    system: 'System',
  },
);
