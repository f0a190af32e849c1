import { messageKeys, type MessageEntry } from '../../core/i18n/messages.js';

/** Registered by the composition root from the module's declaration. */
export const meetingsMessages = {
  'meetings.seriesUnknown': ['会议系列不存在', 'No such meeting series'],
  'meetings.orgUnknown': ['组织不存在或不在您的管理范围内', 'The org does not exist or is outside your reach'],
  'meetings.accountUnknown': ['账号不存在或已停用', 'The account does not exist or is disabled'],
  'meetings.notAttendee': ['该账号不是本次会议的参会人员', 'That account is not an attendee of this meeting'],
  'meetings.absenceReason': ['缺席时请填写原因', 'Give the reason for an absence'],
  'meetings.agendaItemUnknown': ['议题不属于本次会议', 'The agenda item does not belong to this meeting'],
  'meetings.appealUnknown': ['没有这个编号的诉求，或它不属于本会议所在组织', 'No appeal has this number, or it lies outside the meeting’s organisation'],
  'meetings.appealStudied': ['会议已研究此诉求，结论另行答复', 'The meeting studied this appeal; its conclusion will be answered separately'],
  'meetings.proposalUnknown': [
    '该提案未立案，或不属于本会议所在组织及其上下级的职代会',
    'The proposal was not put on file, or belongs to a congress outside this meeting’s line of organisations',
  ],
  'meetings.heldInFuture': ['召开日期不能晚于今天', 'The meeting cannot have been held after today'],
  'meetings.notHeld': ['会议召开后才能记录决定事项', 'Decisions are recorded once the meeting was held'],
  'meetings.publishScope': ['公布范围应为会议所属组织或其下级组织', 'Publish to the meeting’s org or an org below it'],
  'meetings.dueNeeded': ['请填写完成期限：工作日天数或具体日期，二者选一', 'Give the due date: a number of working days or a date, one of the two'],
  'meetings.carryOverTitle': ['上次会议督办事项落实情况', 'Progress of the earlier meetings’ decided items'],
} satisfies Record<string, MessageEntry>;

export const MM = messageKeys(meetingsMessages);
