import { messageKeys, type MessageEntry } from '../../core/i18n/messages.js';

/** Registered by the composition root from the module's declaration. */
export const honoursMessages = {
  'honours.criteriaLocked': [
    '已有推荐开始评审（已评分或已审核），评选条件不能再修改',
    'Nominations have been assessed or reviewed under these criteria: they can no longer change',
  ],
  'honours.orgUnknown': ['组织不存在或不在您的管理范围内', 'The org does not exist or is outside your reach'],
  'honours.honourUnknown': ['荣誉不存在或不在您的范围内', 'No such honour within your reach'],
  'honours.teamUnknown': ['班组不存在、不是班组，或不在您可推荐的范围内', 'The team does not exist, is not a team, or is outside what you may nominate'],
  'honours.teamOutsideHonour': ['该班组不在本荣誉的评选范围内', 'The team is outside the org this honour is awarded in'],
  'honours.alreadyNominated': ['该班组已被推荐参评本荣誉', 'The team is already nominated for this honour'],
  'honours.disqualifierFound': ['存在一票否决情形，不能审核通过', 'A disqualifier was found: the nomination cannot pass review'],
  'honours.noDisqualifier': ['未发现一票否决情形，不能以此否决', 'No disqualifier was found to disqualify on'],
  'honours.competitionUnknown': ['劳动竞赛不存在或不在您的范围内', 'No such competition within your reach'],
  'honours.endsBeforeStart': ['结束日期不能早于开始日期', 'The end date cannot be before the start date'],
  'honours.occurredInFuture': ['事故日期不能晚于今天', 'The accident cannot have happened after today'],
  'honours.notInCompetition': ['该班组不在本次竞赛中', 'The team is not in this competition'],
  'honours.measureUnknown': ['指标不属于本次竞赛', 'The measure does not belong to this competition'],
  'honours.periodOutside': ['期间不在竞赛起止日期内', 'The period is outside the competition dates'],
  'honours.competitionClosed': ['竞赛已结束，不能再录入得分', 'The competition is closed: no more scores'],
  'honours.scoreRange': ['得分应为 0–100 的数字', 'A score is a number from 0 to 100'],
  'honours.periodFormat': ['期间应写作 YYYY-MM（如 2026-10）', 'Write the period as YYYY-MM (e.g. 2026-10)'],
  'honours.noFile': ['请上传得分表（.xlsx）', 'Upload the score sheet (.xlsx)'],
  'honours.sheetFaults': ['得分表有 {rows} 处错误，未写入任何得分', 'The score sheet has {rows} faults; no score was written'],
  'honours.sheetEmpty': ['得分表没有数据行', 'The score sheet has no data rows'],
  'honours.criterionKeys': ['评选条件的代码不能重复', 'Criterion keys must be unique'],
  'honours.criterionMax': ['评分项须写明满分（1–100），达标项不写满分', 'A scored criterion needs its top score (1–100); a requirement has none'],
  'honours.passScoreTooHigh': ['合格分数不能高于各评分项满分之和（{max}）', 'The pass mark cannot exceed the sum of the top scores ({max})'],
  'honours.passScoreWithoutScores': ['没有评分项时不能设合格分数', 'A pass mark needs scored criteria'],
  'honours.noCriteria': ['本荣誉没有设可评分、可核对的评选条件', 'This honour has no criteria to score or check'],
  'honours.assessmentCriteria': ['请对每一项评选条件评分或核对，且只对本荣誉的条件', 'Score or check every criterion of this honour, and only those'],
  'honours.assessmentMax': ['「{label}」的得分不能超过满分 {max}', '“{label}” scores at most {max}'],
  'honours.assessmentMissing': ['请先按评选条件评分、核对，再审核通过', 'Assess the nomination against the criteria before it passes review'],
  'honours.assessmentFailed': [
    '未达到评选条件（总分 {total}，合格分 {pass}；未达标：{unmet}），不能审核通过',
    'The criteria are not met (total {total}, pass mark {pass}; unmet: {unmet}): the nomination cannot pass review',
  ],
} satisfies Record<string, MessageEntry>;

export const HM = messageKeys(honoursMessages);
