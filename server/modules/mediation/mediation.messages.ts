import { messageKeys, type MessageEntry } from '../../core/i18n/messages.js';

/** Registered by the composition root from the module's declaration. */
export const mediationMessages = {
  'validation.mediationCents': ['金额最多保留两位小数', 'Amounts have at most two decimals'],
  'mediation.applicantRequired': ['请选择申请人（职工）', 'Choose the applicant (a worker)'],
  'mediation.applicantNotWorker': ['申请人必须是本单位的职工', 'The applicant must be a worker of this organisation'],
  'mediation.groupSizeRequired': ['集体申请请填写涉及人数', 'Give the number of workers a group application speaks for'],
  'mediation.periodOrder': ['统计期间的结束日期不能早于开始日期', 'The end of the period cannot be before its start'],
  'mediation.futureDate': ['日期不能晚于今天', 'The date cannot be later than today'],
  'mediation.disputeBeforeYear': ['争议发生已超过一年仲裁时效，请核实日期', 'The dispute is older than the one-year limitation; check the date'],
  'mediation.appealUnknown': ['关联的诉求不存在或不是申请人提出的', 'The linked appeal does not exist or is not the applicant’s'],
  'mediation.mediatorRequired': ['请指定调解员', 'Name the mediator'],
  'mediation.notMediator': ['指定的账号不是本单位调解委员会的调解员', 'That account is not a mediator of this committee'],
  'mediation.extensionTooLong': ['延长调解期限累计不得超过 15 天', 'Extensions may add at most 15 days in total'],
  'mediation.sessionBeforeAcceptance': ['调解日期不能早于受理日期', 'A session cannot be before the acceptance'],
  'mediation.paymentTooMuch': ['累计履行金额不能超过协议金额', 'Payments cannot exceed the agreed amount'],
  'mediation.respondentOrgUnknown': ['履行部门不存在或不在本调解委员会范围内', 'The performing department does not exist or is outside this committee'],
  'mediation.appealNotReachable': ['关联诉求的提出人不是本单位职工', 'The linked appeal’s author is not a worker of this organisation'],
  'mediation.performance.label': ['调解协议 {code}', 'Mediation agreement {code}'],
  'mediation.performance.title': [
    '履行调解协议：{respondent} 于 {due} 前支付 {amount} 元',
    'Perform the mediation agreement: {respondent} pays {amount} yuan by {due}',
  ],
  'mediation.performance.paid': ['已履行 {paid} / {agreed} 元', 'Paid {paid} of {agreed} yuan'],
  'mediation.notice.performance.title': ['请督办调解协议的履行：{code}', 'Follow up the performance of a mediation agreement: {code}'],
  'mediation.notice.performance.body': ['{respondent} 应于 {due} 前支付 {amount} 元。', '{respondent} is to pay {amount} yuan by {due}.'],
  'mediation.notice.paymentOrder.title': ['调解协议逾期未履行：{code}', 'Mediation agreement not performed in time: {code}'],
  'mediation.notice.paymentOrder.body': [
    '单位未在 {due} 前履行调解协议，尚欠 {unpaid} 元。您可以持调解协议书依法向人民法院申请支付令（《劳动争议调解仲裁法》第十六条），也可以申请劳动争议仲裁。',
    'The employer did not perform the agreement by {due}; {unpaid} yuan is unpaid. With the agreement you may apply to the people’s court for a payment order (Labour Dispute Mediation and Arbitration Law §16), or apply for arbitration.',
  ],
  'mediation.notice.applied.title': ['新的调解申请：{code}', 'New mediation application: {code}'],
  'mediation.notice.applied.body': [
    '{applicant} 申请调解与 {respondent} 的劳动争议，请在 {due} 前决定是否受理。',
    '{applicant} applies for mediation of a dispute with {respondent}; decide on acceptance by {due}.',
  ],
  'mediation.notice.accepted.title': ['您的调解申请已受理：{code}', 'Your mediation application was accepted: {code}'],
  'mediation.notice.accepted.body': [
    '调解员 {mediator} 负责您的案件，调解期限至 {due}。',
    'Mediator {mediator} handles your case; mediation runs until {due}.',
  ],
  'mediation.notice.assigned.title': ['请您调解：{code}', 'A case for you to mediate: {code}'],
  'mediation.notice.assigned.body': [
    '{applicant} 与 {respondent} 的劳动争议已受理并指定由您调解，调解期限至 {due}。',
    'The dispute of {applicant} with {respondent} was accepted and assigned to you; mediation runs until {due}.',
  ],
  'mediation.notice.rejected.title': ['您的调解申请未被受理：{code}', 'Your mediation application was not accepted: {code}'],
  'mediation.notice.rejected.body': [
    '原因：{reason}。您可以向劳动争议仲裁委员会申请仲裁，时效至 {limitation}。',
    'Reason: {reason}. You may apply for arbitration; the limitation runs until {limitation}.',
  ],
  'mediation.notice.agreed.title': ['调解协议已达成：{code}', 'Mediation agreement reached: {code}'],
  'mediation.notice.agreed.body': ['协议金额 {amount} 元，履行期限 {due}。', 'Agreed amount {amount} yuan, to be performed by {due}.'],
  'mediation.notice.failed.title': ['调解未能达成协议：{code}', 'Mediation ended without agreement: {code}'],
  'mediation.notice.failed.body': [
    '您可以向劳动争议仲裁委员会申请仲裁，仲裁时效至 {limitation}。',
    'You may apply for arbitration; the limitation runs until {limitation}.',
  ],
  'mediation.notice.overdue.title': ['调解期限已满：{code}', 'The mediation period has ended: {code}'],
  'mediation.notice.overdue.body': [
    '自受理起已满调解期限仍未达成协议，您可以直接申请劳动争议仲裁（《劳动争议调解仲裁法》第十四条），仲裁时效至 {limitation}。',
    'The mediation period ended without agreement; you may apply for arbitration directly (Labour Dispute Mediation and Arbitration Law §14); the limitation runs until {limitation}.',
  ],
} satisfies Record<string, MessageEntry>;

export const MM = messageKeys(mediationMessages);
