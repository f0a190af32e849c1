/**
 * What tests of other folders may build a suggestion world with: a campaign and a suggestion,
 * made through the services exactly as the routes call them.
 */
export { createCampaign, statistics as campaignStatistics } from './campaigns.service.js';
export { submit as submitSuggestion, accept as acceptSuggestion, assignEvaluators } from './suggestions.service.js';

const day = (offset: number) => new Date(Date.now() + 8 * 3_600_000 + offset * 86_400_000).toISOString().slice(0, 10);

/** A campaign body open today for `orgId`. */
export const campaignBody = (orgId: string, over: Record<string, unknown> = {}) => ({
  orgId,
  title: '2026年“我为企业发展献一策”活动',
  startsOn: day(-30),
  endsOn: day(30),
  ...over,
});

/** A valid suggestion body for a campaign. */
export const suggestionBody = (campaignId: string, over: Record<string, unknown> = {}) => ({
  campaignId,
  title: '皮带机托辊快速更换工装',
  problem: '人工更换托辊费时，且有挤伤风险。',
  proposal: '制作简易顶升工装，两人十分钟完成更换。',
  expectedBenefit: '每次少停机 40 分钟。',
  ...over,
});

/** Scores for the default criteria (innovation 30, feasibility 30, benefit 40). */
export const scores = (innovation: number, feasibility: number, benefit: number) => ({ scores: { innovation, feasibility, benefit } });
