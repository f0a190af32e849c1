import { messageKeys, type MessageEntry } from '../../core/i18n/messages.js';

/** Registered by the composition root from the module's declaration. */
export const heartBridgeMessages = {
  'heartBridge.nothingToRead': ['对方还没有填写，暂无可阅读的内容', 'The other side has not written anything to read yet'],
  'heartBridge.noTerm': ['该周不在任何学期内', 'That week is outside every term'],
  'heartBridge.teacherReminder.title': ['心桥：本周还有 {count} 名学生的学校留言未填写', 'Heart Bridge: {count} students still have no school note this week'],
  'heartBridge.teacherReminder.body': [
    '{className} {week}还有 {count} 名学生的学校一栏为空，请在放学前完成。',
    '{className}, {week}: {count} students still have an empty school side.',
  ],
  'heartBridge.guardianReminder.title': ['心桥：老师给 {studentName} 写了本周留言', 'Heart Bridge: the teacher wrote this week’s note for {studentName}'],
  'heartBridge.guardianReminder.body': [
    '老师已填写 {studentName} {week} 的在校情况，请抽空阅读并写下孩子在家的情况和对孩子的鼓励。',
    'The school side of {studentName}’s note for {week} is written; please read it and add the home side.',
  ],
} satisfies Record<string, MessageEntry>;

export const HM = messageKeys(heartBridgeMessages);

/** Encouraging words offered as one-tap phrases until a school edits its own list. */
export const DEFAULT_PHRASES = {
  school: [
    '你这周进步很大，继续加油！',
    '课堂上积极发言，老师为你点赞。',
    '作业认真工整，值得表扬。',
    '乐于助人，是同学们的好榜样。',
    '相信你下周会做得更好！',
    '坚持就是胜利，老师看到了你的努力。',
  ],
  home: [
    '孩子，爸爸妈妈为你骄傲！',
    '这周在家很自觉，继续保持。',
    '主动帮忙做家务，真懂事。',
    '遇到困难不放弃，我们一直支持你。',
    '多读书、多运动，健康快乐成长。',
    '谢谢老师的用心，我们会配合学校。',
  ],
};
