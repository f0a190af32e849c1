import { defineMessages } from '../i18n/messages.js';

export const NM = defineMessages({
  'validation.httpUrl': ['请输入以 http:// 或 https:// 开头的完整网址', 'Enter a full http:// or https:// address'],
  'notify.testTitle': ['心桥测试消息', 'Xinqiao test message'],
  'notify.testBody': ['这是一条来自心桥的测试消息。收到它，说明群机器人已配置正确。', 'A test message from Xinqiao. If you can read it, the group robot is set up correctly.'],
});
