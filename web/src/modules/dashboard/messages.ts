import { defineMessages } from '../../i18n/types';

export const messages = defineMessages(
  {
    menu: '首页',
    welcome: '您好，{{name}}',
    roles: '我的角色',
    noRoles: '尚未分配角色，请联系管理员。',
    systemWide: '全系统',
    chartTitle: '按用工身份统计人员',
    chartEmpty: '暂无统计数据',
    people: '人数',
  },
  {
    menu: 'Home',
    welcome: 'Hello, {{name}}',
    roles: 'My roles',
    noRoles: 'No role yet; ask an administrator.',
    systemWide: 'System-wide',
    chartTitle: 'People by employment category',
    chartEmpty: 'No statistics yet',
    people: 'People',
  },
);
