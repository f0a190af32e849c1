import { messageKeys, type MessageEntry } from '../../core/i18n/messages.js';

/** Registered by the composition root from the module's declaration. */
export const congressMessages = {
  'congress.rule.leadersMax': ['领导人员不超过', 'leaders at most'],
  'congress.rule.frontLineMin': ['一线职工不少于', 'front-line workers at least'],
  'congress.rule.womenMin': ['女职工不少于', 'women at least'],
  'congress.rule.dispatchedMin': ['劳务派遣职工不少于', 'dispatched workers at least'],
  'congress.ruleMet': ['{rule} {limit}%：现有 {count} 人，占 {percent}%，符合', '{rule} {limit}%: {count} of {total} ({percent}%), met'],
  'congress.ruleAbove': [
    '{rule} {limit}%：现有 {count} 人，占 {percent}%，超出比例，请调整代表名单',
    '{rule} {limit}%: {count} of {total} ({percent}%) is above the limit; adjust the roster',
  ],
  'congress.ruleBelow': [
    '{rule} {limit}%：现有 {count} 人，占 {percent}%，低于比例，请调整代表名单',
    '{rule} {limit}%: {count} of {total} ({percent}%) is below the minimum; adjust the roster',
  ],
  'congress.termName': ['第{number}届职工代表大会', "Workers' congress, term {number}"],
  'congress.sessionName': ['第{term}届第{number}次职工代表大会', "Workers' congress, term {term}, session {number}"],
  'congress.endBeforeStart': ['届期结束日期不能早于开始日期', 'The term cannot end before it starts'],
  'congress.termNumberTaken': ['该组织已有第{number}届职代会', 'This organisation already has a term {number}'],
  'congress.sessionNumberTaken': ['本届已有第{number}次会议', 'This term already has a session {number}'],
  'congress.sessionOutsideTerm': ['会议日期须在本届届期（{start}—{end}）之内', 'The session must fall within the term ({start} to {end})'],
  'congress.personOutsideOrg': ['代表须是本组织（含下级单位）的在册职工', 'A representative must be an active worker of this organisation or its units'],
  'congress.alreadyRepresentative': ['此人已是本届职工代表', 'This person is already a representative of this term'],
  'congress.notRepresentative': ['该代表不在本届代表名单中', 'No such representative in this term'],
  'congress.sessionClosed': ['本次会议已闭会，不能再登记出席', 'The session is closed; attendance can no longer change'],
  'congress.noQuorum': [
    '实到 {present} 人，不足全体代表 {expected} 人的三分之二（至少 {needs} 人），不能开会',
    '{present} present is less than two thirds of all {expected} representatives (at least {needs}); the session cannot sit',
  ],
  'congress.sessionNotPlanned': ['会议不在筹备状态，不能宣布开会', 'Only a planned session can be opened'],
  'congress.sessionNotSitting': ['会议不在进行中，不能闭会', 'Only a sitting session can be closed'],
  'congress.absenceReasonOnlyAbsent': ['出席的代表不填写请假原因', 'A present representative has no absence reason'],
  'congress.closeBeforeSession': ['提案征集截止日期不能早于会议日期', 'Proposal collection cannot close before the session'],
  'congress.collectionClosed': ['提案征集已于 {date} 截止，不能再提交提案', 'Proposal collection closed on {date}; no new proposal can be raised'],
  'congress.secondClosed': ['附议已于 {date} 截止（提案征集期结束），不能再附议', 'Seconding closed on {date}, with the proposal collection period'],
  'congress.secondScreened': ['该提案已经审查，不能再附议', 'The proposal has been screened; it can no longer be seconded'],
  'congress.screenedTitle': ['您的提案已审查：{title}', 'Your proposal was screened: {title}'],
  'congress.screenedBody': ['审查结果：{outcome}。理由：{reason}', 'Outcome: {outcome}. Reason: {reason}'],
  'congress.secondOwn': ['不能附议自己的提案', 'You cannot second your own proposal'],
  'congress.alreadySeconded': ['您已附议过该提案', 'You have already seconded this proposal'],
  'congress.tooFewSeconds': [
    '该提案只有 {seconds} 名代表附议，立案至少需要 {needed} 名',
    'Only {seconds} representatives seconded it; adoption needs at least {needed}',
  ],
  'congress.mergeTarget': ['请选择本次会议中一件已立案的其他提案并案', 'Pick another adopted proposal of this session to merge into'],
  'congress.mergeOnlyForMerge': ['只有并案时才填写并入的提案', 'Name a proposal to merge into only when merging'],
  'congress.departmentOutsideOrg': ['承办部门须是本组织下的其他部门', 'The handling department must be a unit of this organisation'],
  'congress.noHandler': ['该部门还没有承办人账号，请先为部门指定承办人', 'This department has no handler account yet; appoint one first'],
  'congress.assignedTitle': ['职代会提案交办：{title}', 'Congress proposal assigned: {title}'],
  'congress.assignedBody': ['请于 {due} 前答复第{number}号提案。', 'Please answer proposal no. {number} by {due}.'],
  'congress.voteSessionClosed': ['本次会议已闭会，不能再安排表决事项', 'The session is closed; no item can be put to the vote'],
  'congress.voteNeedsSitting': ['会议开会期间才能开始或结束表决（当前会议不在进行中）', 'A vote opens and closes only while the session sits'],
  'congress.voteNotPlanned': ['该事项已开始表决或已结束，不能再次开始', 'This vote has already been opened'],
  'congress.voteNotOpen': ['表决未在进行中（尚未开始或已结束），不能投票或结束表决', 'The vote is not open: it has not started or has closed'],
  'congress.alreadyVoted': ['您已对该事项投过票，每位代表只能投一次', 'You have already voted on this item; each representative votes once'],
  'congress.notPresent': ['请先签到：只有本次会议实到的代表才能投票', 'Sign in first: only representatives present at the session vote'],
  'congress.openVotesRemain': ['还有 {count} 项表决尚未结束，请先结束表决再闭会', '{count} votes are still open; close them before closing the session'],
  'congress.resolutionTitle': ['落实职代会决议：{title}', 'Carry out the congress resolution: {title}'],
} satisfies Record<string, MessageEntry>;

type Short<K> = K extends `congress.${infer S}` ? S : never;
/** The keys by their name after 'congress.': CM.noQuorum is 'congress.noQuorum'. */
export const CM = Object.fromEntries(Object.keys(messageKeys(congressMessages)).map((k) => [k.slice('congress.'.length), k])) as {
  [S in Short<keyof typeof congressMessages>]: `congress.${S}`;
};
