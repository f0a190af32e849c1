import { messageKeys, type MessageEntry } from '../../core/i18n/messages.js';

/** Registered by the composition root from the module's declaration. */
export const lessonLogsMessages = {
  'lessonLogs.futureDate': ['上课日期不能晚于今天', 'The lesson date cannot be later than today'],
  'lessonLogs.notSchoolDay': ['{date} 不是该班的上课日', '{date} is not a school day of this class'],
  'lessonLogs.notYourLesson': ['课表上第 {period} 节不是您在该班的课', 'Period {period} is not your lesson in this class on the timetable'],
  'lessonLogs.alreadyLogged': ['这节课已经记录过了', 'This lesson is already logged'],
  'lessonLogs.notInClass': ['该学生不在本班名单中', 'That student is not on the class roster'],
  'lessonLogs.countRequired': ['已点选学生，请填写人数', 'Students are tapped; give the count'],
  'lessonLogs.moreStudentsThanCount': ['点选的学生（{n} 人）多于填写的数（{count}）', 'More students tapped ({n}) than the count ({count})'],
  'lessonLogs.afterClassClosed': [
    '课后面批与辅导只能在当天或下一个上课日（{until}）内补记',
    'After-class items can be completed until the next school day ({until})',
  ],
  'lessonLogs.rangeReversed': ['结束日期不能早于开始日期', 'The end date cannot be before the start'],
  'lessonLogs.rangeTooLong': ['查询区间不能超过 {days} 天', 'The period cannot exceed {days} days'],
  'lessonLogs.reminder.title': ['今天还有 {count} 节课未记录', '{count} of today’s lessons are not logged yet'],
  'lessonLogs.reminder.body': ['{lessons}。花一分钟在手机上记录「35+10」和「六个十」吧。', '{lessons}. Take a minute to log the 35+10 and the six tens.'],
} satisfies Record<string, MessageEntry>;

export const LM = messageKeys(lessonLogsMessages);
