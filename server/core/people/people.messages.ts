import { defineMessages } from '../i18n/messages.js';

export const PeopleMessages = defineMessages({
  'validation.phone': ['手机号应为以 1 开头的 11 位数字', 'A mobile number has 11 digits and starts with 1'],
  'validation.idNumber': ['身份证号应为 18 位，且出生日期和校验位正确', 'An identity number has 18 characters with a valid birth date and check digit'],
  'validation.subjectRequired': ['任课教师须填写任教学科', 'A subject teacher needs a subject'],
  'people.duplicateEmployeeNo': ['工号 {employeeNo} 已被本单位其他在册人员使用', 'Employee number {employeeNo} is already used in this organisation'],
  'people.notStudent': ['该人员不是学生', 'This person is not a student'],
  'people.notGuardian': ['该人员不是家长', 'This person is not a guardian'],
  'people.notTeacher': ['该人员不是教师', 'This person is not a teacher'],
  'people.notClass': ['该组织不是班级', 'This org is not a class'],
  'people.guardianExists': ['该家长已与这名学生关联', 'This guardian is already linked to the student'],
  'people.classHasHead': ['该班级已有班主任，请先解除原班主任', 'The class already has a head teacher; remove them first'],
  'people.teacherExists': ['该教师在本班已担任此职务', 'The teacher already has this duty in the class'],
});
