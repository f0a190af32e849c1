import { defineMessages } from '../i18n/messages.js';

export const NM = defineMessages({
  'validation.httpUrl': ['请输入以 http:// 或 https:// 开头的完整网址', 'Enter a full http:// or https:// address'],
  'validation.privateTarget': [
    '群机器人须是互联网上的地址：不允许本机、内网、链路本地或保留地址（内网机器人须由系统管理员在 XQ_WEBHOOK_ALLOW_HOSTS 中放行）',
    'A group robot must be on the internet: loopback, private, link-local and reserved addresses are refused (an admin may allow an intranet host in XQ_WEBHOOK_ALLOW_HOSTS)',
  ],
  'validation.robotEvent': ['事件名须形如 appeal.overdue（模块.事件）', 'An event is named like appeal.overdue (module.event)'],
  'validation.robotEventUnknown': ['没有「{event}」这种推送事件，请从列表中选择', 'There is no robot event “{event}”; choose one from the list'],
  'notify.testTitle': ['心桥测试消息', 'Xinqiao test message'],
  'notify.testBody': [
    '这是一条来自心桥的测试消息。收到它，说明群机器人已配置正确。',
    'A test message from Xinqiao. If you can read it, the group robot is set up correctly.',
  ],
});
