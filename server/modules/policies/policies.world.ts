/**
 * The policy library's records in the test worlds (test/authz/part.ts): a policy kept by union
 * staff, a worker's question waiting, and another answered and published as FAQ.
 */
import type { Caller, HostilePart, WorldPart } from '../../../test/authz/part.js';

async function ok(res: Promise<{ status: number; body: any; text: string }>, what: string): Promise<any> {
  const r = await res;
  if (r.status >= 300) throw new Error(`policies world: ${what} → ${r.status} ${r.text.slice(0, 300)}`);
  return r.body;
}

async function library(staff: Caller, worker: Caller, orgId: string, label: string) {
  const policy = await ok(
    staff.post('/api/v1/policies', {
      orgId,
      title: `${label}工资支付办法`,
      issuer: `${label}集团`,
      level: 'company',
      effectiveDate: '2024-01-01',
      text: `第一条 ${label}工资按月发放。`,
    }),
    'policy',
  );
  const question = await ok(
    worker.post('/api/v1/policy-questions', { topic: 'wages', title: `${label}工资晚发`, body: `${label}这个月工资晚发了` }),
    'question',
  );
  const faq = await ok(worker.post('/api/v1/policy-questions', { topic: 'wages', title: `${label}加班费`, body: `${label}加班费怎么算` }), 'faq question');
  await ok(staff.post(`/api/v1/policy-questions/${faq.id}/answer`, { answer: `${label}按规定计算`, articleIds: [policy.articles[0].id] }), 'answer');
  await ok(staff.post(`/api/v1/policy-questions/${faq.id}/publish`, { faqTitle: `${label}加班费怎么算`, faqAnswer: `${label}按规定计算` }), 'publish');
  return { policy: policy.id as string, policyQuestion: question.id as string, policyFaq: faq.id as string };
}

export const world: WorldPart = {
  ids: { policies: 'policy', 'policy-questions': 'policyQuestion', 'policy-faq': 'policyFaq' },
  build: (ctx) => library(ctx.clients.unionStaff!, ctx.clients.worker!, ctx.orgs.group, ctx.label),
};

export const hostile: HostilePart = {
  async build(ctx) {
    const r = await library(ctx.u.staff, ctx.worker, ctx.u.group.id, '');
    return { ids: { policies: r.policy, 'policy-questions': r.policyQuestion, 'policy-faq': r.policyFaq } };
  },
};
