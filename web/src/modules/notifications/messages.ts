import { defineMessages } from '../../i18n/types';

export const messages = defineMessages(
  {
    title: '通知',
    bell: '通知（{{count}} 条未读）',
    unreadOnly: '只看未读',
    markRead: '标为已读',
    markAllRead: '全部已读',
    open: '查看',
    empty: '暂无通知',
    unread: '未读',
    home: { title: '未读通知（{{count}}）', empty: '没有未读通知' },
  },
  {
    title: 'Notifications',
    bell: 'Notifications ({{count}} unread)',
    unreadOnly: 'Unread only',
    markRead: 'Mark read',
    markAllRead: 'Mark all read',
    open: 'Open',
    empty: 'No notifications',
    unread: 'Unread',
    home: { title: 'Unread notices ({{count}})', empty: 'No unread notices' },
  },
);
