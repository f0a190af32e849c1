import { defineMessages } from '../i18n/messages.js';

export const WM = defineMessages({
  'workflow.statusChanged': ['状态（status）已变化，当前状态不允许此操作，请刷新后重试', 'The status changed and no longer allows this; reload and try again'],
});
