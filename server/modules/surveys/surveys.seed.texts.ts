/** The demo surveys' questions and the free-text answers the demo draws from. */
import type { QuestionKind } from '../../../common/surveys.js';

interface SeedQuestion {
  kind: QuestionKind;
  text: string;
  options?: string[];
}

export const QUESTIONS_CONCERNS: readonly SeedQuestion[] = [
  { kind: 'single', text: '您对目前的收入水平满意吗', options: ['满意', '基本满意', '不太满意', '不满意'] },
  { kind: 'top3', text: '您最关心的三件事（按重要程度排序）', options: ['工资收入', '安全生产', '住房', '子女就学', '医疗保障', '职业发展', '劳动强度'] },
  { kind: 'multiple', text: '您希望工会提供哪些服务', options: ['法律咨询', '技能培训', '文体活动', '困难帮扶', '心理疏导'] },
  { kind: 'scale', text: '您对本单位劳动保护条件的评价（1 很差 — 5 很好）' },
  { kind: 'number', text: '上个月您加班了几天' },
  { kind: 'text', text: '您还有什么意见和建议' },
];

export const QUESTIONS_CANTEEN: readonly SeedQuestion[] = [
  { kind: 'scale', text: '饭菜质量打分（1 很差 — 5 很好）' },
  { kind: 'single', text: '夜班能吃上热饭吗', options: ['每次都能', '有时能', '很少能'] },
  { kind: 'text', text: '对食堂的意见' },
];

export const TEXTS = [
  '夜班食堂没有热饭菜，希望改进',
  '夜班下井前吃不上热饭',
  '希望夜班食堂延长供餐时间',
  '井口浴室热水不够，排队时间长',
  '浴室热水经常不够用',
  '希望增加浴室热水供应',
  '劳务派遣工的加班费比正式工低',
  '派遣工和合同工同工不同酬',
  '宿舍暖气不热，晚上很冷',
  '职工宿舍冬天暖气不足',
  '希望多组织技能培训和技术比武',
  '孩子上学接送困难，希望有班车',
  '班车时间和交接班时间冲突',
  '希望体检项目增加',
  '工作服更换太慢',
];
