import { messageKeys, type MessageEntry } from '../../core/i18n/messages.js';

/** Registered by the composition root from the module's declaration. */
export const moralEducationMessages = {
  'validation.skipReason': ['未开展时请填写原因', 'Give a reason when the session was skipped'],
  'moralEducation.topicRequired': ['请填写本次的主题（当天没有计划主题）', 'Give the topic (nothing was planned for that day)'],
  'moralEducation.presenterNotInClass': ['发言学生只能是本班学生', 'Presenters must be students of this class'],
  'moralEducation.alreadyRecorded': ['该班这一天已经记录过了，请修改原记录', 'This class already has a record for that day; edit it instead'],
  'moralEducation.futureDate': ['不能记录以后的日期', 'A future day cannot be recorded'],
  'moralEducation.notImage': ['照片只能是 JPEG、PNG 或 WebP 图片', 'The photo must be a JPEG, PNG or WebP image'],
  'moralEducation.photoTooLarge': ['照片不能超过 {mb} MB', 'The photo may not exceed {mb} MB'],
  'moralEducation.badForm': [
    '表单格式不正确：请在 data 字段中提交 JSON，照片放在 photo 字段',
    'Malformed form: send the JSON in the data field and the photo in the photo field',
  ],
  'moralEducation.noPhoto': ['该记录没有照片', 'This record has no photo'],
  'moralEducation.reminder.title': ['十分钟思想教育：{className} 今天还没有记录', 'Ten-minute session: {className} has no record today'],
  'moralEducation.reminder.body': [
    '{date} 的十分钟思想教育（13:50—14:00）尚未记录，请补记开展情况；未开展请注明原因。',
    'The ten-minute session of {date} (13:50–14:00) is not recorded yet; record it, or give the reason it was skipped.',
  ],
} satisfies Record<string, MessageEntry>;

export const MM = messageKeys(moralEducationMessages);
