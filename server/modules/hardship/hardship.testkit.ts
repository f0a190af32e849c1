/**
 * What tests of other folders may build a hardship world with: the union's rule, an application
 * body, and the services a test drives at a chosen date (the notice period, reviews, callbacks).
 */
export { apply as applyForHardship, visit as visitHousehold, approve as approveHousehold, file as fileHousehold } from './hardship.service.js';
export { review as reviewHousehold, exit as exitHousehold, callback as callbackHousehold } from './hardship.aftercare.js';
export { add as addAssistance } from './hardship.assistance.js';

/** 低保线 800 元: deep ≤ 800, relative ≤ 1 200, sudden ≤ 1 600 per head and month. */
export const ruleBody = (orgId: string, year: number, over: Record<string, unknown> = {}) => ({
  orgId,
  locality: '本市',
  year,
  minimumLivingFen: 80_000,
  deepPct: 100,
  relativePct: 150,
  suddenPct: 200,
  ...over,
});

/** A household of three with `perHeadFen` each a month (the worker earns it all). */
export const householdBody = (perHeadFen = 70_000, over: Record<string, unknown> = {}) => ({
  locality: '本市',
  workerMonthlyIncomeFen: perHeadFen * 3,
  members: [
    { name: '刘桂兰', relation: '配偶', condition: '尿毒症，每周透析', monthlyIncomeFen: 0 },
    { name: '张小明', relation: '子女', condition: '初中在读', monthlyIncomeFen: 0 },
  ],
  causes: ['illness', 'schooling'],
  situation: '妻子患尿毒症长期透析，孩子上初中，家庭开支大。',
  ...over,
});
