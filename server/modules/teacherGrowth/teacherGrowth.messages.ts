import type { MessageEntry } from '../../core/i18n/messages.js';

/** Registered by the composition root from the module's declaration. */
export const teacherGrowthMessages = {
  'validation.growthDutyKey': ['职责代码须以字母开头，只含字母和数字', 'A duty key starts with a letter and holds letters and digits only'],
  'teacherGrowth.weights': ['各方面权重之和必须为 100', 'The weights must add up to 100'],
  'teacherGrowth.rubric': ['听课评课记录须按评课量表逐项打分（每项 1—{max} 分）', 'An observation record scores every item of the rubric (1–{max} each)'],
  'teacherGrowth.rubricWeights': ['评课量表各项权重之和必须为 100', 'The rubric items’ weights must add up to 100'],
  'teacherGrowth.rubricKeys': ['评课量表的评价项不能重复', 'A rubric item appears twice'],
  'teacherGrowth.rubricChanged': ['教务处已更新评课量表，请按新量表重新打分', 'The office has changed the rubric; score again on the new one'],
  'validation.growthRubricKey': ['评价项代码须以字母开头，只含字母和数字', 'A rubric item key starts with a letter and holds letters and digits only'],
  'teacherGrowth.notTeacher': ['只有本校在职教师才能制定成长规划', 'Only a current teacher of a school writes a growth plan'],
  'teacherGrowth.noPlacement': ['该教师尚未分入梯队，请先由教务处确定梯队', 'The teacher has no tier yet; the office places them first'],
  'teacherGrowth.planOpen': ['已有一份未完成的三年成长规划', 'There is already an unfinished three-year plan'],
  'teacherGrowth.goalsEachYear': ['三年中每一年都至少要有一个分目标', 'Each of the three years needs at least one sub-goal'],
  'teacherGrowth.goalUnknown': ['该目标不属于这份规划', 'That goal is not part of this plan'],
  'teacherGrowth.goalNotThisYear': ['只能完成本年度的分目标', 'Only this year’s sub-goals can be marked done'],
  'teacherGrowth.dutyUnknown': ['该职责不属于教师所在梯队', 'That duty is not one of the teacher’s tier'],
  'teacherGrowth.otherSchool': ['该教师不是本校教师', 'That teacher is not of this school'],
  'teacherGrowth.samePerson': ['师傅和徒弟不能是同一人', 'Mentor and mentee must be different people'],
  'teacherGrowth.pairExists': ['这对师徒已经结对', 'This pair is already in place'],
  'teacherGrowth.notHigher': ['晋升的梯队必须高于当前梯队', 'A promotion goes to a higher tier'],
  'teacherGrowth.promotionOpen': ['该教师已有一项待审批的晋升', 'The teacher already has a promotion awaiting approval'],
  'teacherGrowth.resultsIn': ['活动成绩已公布，不能再报名', 'Results are out; sign-up has closed'],
  'teacherGrowth.endBeforeStart': ['结束日期不能早于结对日期', 'A pair cannot end before it started'],
  'teacherGrowth.notice.submitted.title': ['{teacher} 提交了三年成长规划', '{teacher} submitted a three-year growth plan'],
  'teacherGrowth.notice.submitted.body': ['请审阅并填写意见。', 'Please review it and comment.'],
  'teacherGrowth.notice.reviewed.title': ['您的成长规划已审阅', 'Your growth plan was reviewed'],
  'teacherGrowth.notice.reviewed.body': ['{comment}', '{comment}'],
  'teacherGrowth.notice.promoted.title': ['梯队晋升已批准：{tier}', 'Promotion approved: {tier}'],
  'teacherGrowth.notice.promoted.body': ['您已进入{tier}梯队。', 'You are now in the tier {tier}.'],
} satisfies Record<string, MessageEntry>;

export type GrowthMessageKey = keyof typeof teacherGrowthMessages;
