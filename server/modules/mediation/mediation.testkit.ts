/**
 * What tests of other folders may build a mediation world with: a case applied for by a
 * worker, made through the service (the authz matrix and the hostile fixture name it).
 */
export { apply as applyForMediation, accept as acceptMediation } from './mediation.service.js';

/** A valid application body. */
export const disputeBody = (over: Record<string, unknown> = {}) => ({
  respondent: '华能煤业集团一号矿',
  disputeDate: '2026-11-01',
  summary: '三个月加班费没有发放。',
  claims: [{ type: 'overtime', description: '补发加班费', amount: 3200 }],
  ...over,
});
