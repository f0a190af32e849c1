import { defineMessages } from '../i18n/messages.js';

/** Faults of a pasted State Council holiday notice, and the warning about next year. */
export const CalendarMessages = defineMessages({
  'calendar.noticeYear': [
    '通知正文中找不到年份（应含“关于 YYYY 年部分节假日安排的通知”）',
    'The notice names no year (expected “关于 YYYY 年部分节假日安排的通知”)',
  ],
  'calendar.noticeEmpty': [
    '通知正文中找不到放假或上班日期（应为“一、元旦：1月1日放假…”的格式）',
    'The notice has no holiday or working dates (expected items such as “一、元旦：1月1日放假…”)',
  ],
  'calendar.noticeConflict': ['通知中同一天既放假又上班，请核对原文', 'The notice makes one day both a holiday and a working day; check the text'],
  'calendar.noticeDate': ['通知中有无法识别的日期，请核对原文', 'The notice has a date that cannot be read; check the text'],
  'calendar.provisionalWarning': [
    '{year} 年节假日安排尚未导入，期限按《全国年节及纪念日放假办法》暂算，国务院通知发布后请在“工作日历”中导入',
    'The {year} holiday schedule is not imported yet; deadlines are provisional under the statutory holiday rules until the State Council notice is imported in Calendar',
  ],
});
