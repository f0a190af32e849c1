import { messageKeys, type MessageEntry } from '../../core/i18n/messages.js';

/** Registered by the composition root from the module's declaration. */
export const schoolMessages = {
  'validation.week': ['周次格式应为 YYYY-Www，例如 2026-W40', 'Expected an ISO week as YYYY-Www, e.g. 2026-W40'],
  'validation.time': ['时间格式应为 HH:MM', 'Expected a time as HH:MM'],
  'school.termOrder': ['学期结束日期不能早于开始日期', 'The term cannot end before it starts'],
  'school.termTooLong': ['一个学期不能超过 250 天', 'A term may not exceed 250 days'],
  'school.termOverlap': ['与已有学期「{name}」的日期重叠', 'Overlaps the existing term “{name}”'],
  'school.closureOrg': ['停课范围只能是本校、本校的年级或班级', 'A closure can only cover this school or one of its grades or classes'],
  'school.closureExists': ['该日期已有停课安排', 'There is already a closure on that date'],
  'school.rangeTooLong': ['日期范围不能超过 400 天', 'The date range may not exceed 400 days'],
  'school.noTerm': ['该学校还没有设置学期', 'This school has no term yet'],
  'school.notSchoolDay': ['{date} 不是该班的上课日', '{date} is not a school day for this class'],
  'school.futureWeek': ['还不能填写以后的周', 'Future weeks cannot be written yet'],
  'school.weekNotSchool': ['{week} 这一周该班没有上课日', 'The class has no school day in {week}'],
} satisfies Record<string, MessageEntry>;

export const SM = messageKeys(schoolMessages);
