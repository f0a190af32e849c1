import { messageKeys, type MessageEntry } from '../../core/i18n/messages.js';

/** Registered by the composition root from the module's declaration. */
export const timetableMessages = {
  'timetable.slotTwice': ['星期{weekday}第{period}节重复排课', 'Weekday {weekday}, period {period} is given twice'],
  'timetable.teacherNotAssigned': ['该教师未被安排在本班任课，请先在「任课安排」中安排', 'That teacher is not assigned to this class; assign them first'],
  'timetable.import.noClass': ['本校没有名为「{value}」的班级', 'The school has no class named “{value}”'],
  'timetable.import.weekday': ['星期应为 1–7 或 周一…周日', 'Weekday must be 1–7 or 周一…周日'],
  'timetable.import.period': ['节次应为 1–10 的整数', 'Period must be a whole number from 1 to 10'],
  'timetable.import.subject': ['请填写学科', 'Give the subject'],
  'timetable.import.noTeacher': ['「{value}」未被安排在该班任课', '“{value}” is not assigned to that class'],
  'timetable.import.twoTeachers': ['该班有两位名为「{value}」的教师，请在页面上逐格排课', 'That class has two teachers named “{value}”; use the grid'],
  'timetable.import.twice': ['与第 {other} 行的班级、星期、节次相同', 'Same class, weekday and period as row {other}'],
  'timetable.import.header': ['表头应含：班级、星期、节次、学科、教师', 'The header must hold: 班级, 星期, 节次, 学科, 教师'],
} satisfies Record<string, MessageEntry>;

export const TM = messageKeys(timetableMessages);
