import { defineMessages } from '../../i18n/types';

export const messages = defineMessages(
  {
    menu: '课表',
    title: '班级课表',
    period: '第 {{n}} 节',
    free: '（空）',
    save: '保存课表',
    saved: '课表已保存',
    weekend: '含周末（调休补课）',
    hint: '每格选「学科 · 教师」；只能选已安排在本班任课的教师（任课安排）。也可从 Excel 导入全校课表：班级、星期、节次、学科、教师。',
    noTeachers: '本班还没有任课教师，请先在班级的「任课安排」中安排。',
  },
  {
    menu: 'Timetable',
    title: 'Class timetable',
    period: 'Period {{n}}',
    free: '(free)',
    save: 'Save timetable',
    saved: 'Timetable saved',
    weekend: 'Include weekend (make-up days)',
    hint: 'Pick “subject · teacher” per cell; only teachers assigned to the class can be chosen. A school’s timetables can also be imported from Excel: class, weekday, period, subject, teacher.',
    noTeachers: 'This class has no teachers assigned yet; assign them first.',
  },
);
