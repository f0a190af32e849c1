/**
 * Mediation's records in the test worlds (test/authz/part.ts): a labour dispute in A brought by
 * the demo worker, one in B registered by B's union staff for B's worker, and one for the fuzzer.
 */
import type { HostilePart, WorldPart } from '../../../test/authz/part.js';
import { disputeBody } from './mediation.testkit.js';

const dispute = (words: string) => ({ respondent: `${words}：用人单位`, disputeDate: '2026-11-01', summary: `${words}：三个月没有发放`, claims: [{ type: 'overtime', description: words, amount: 1200 }] });

async function created(res: Promise<{ status: number; body: any; text: string }>, what: string): Promise<string> {
  const r = await res;
  if (r.status >= 300) throw new Error(`mediation world: ${what} → ${r.status} ${r.text.slice(0, 300)}`);
  return r.body.id as string;
}

export const world: WorldPart = {
  ids: { cases: 'mediationCase' },
  async build(ctx) {
    const mediationCase =
      ctx.side === 'own'
        ? await created(ctx.clients.worker!.post('/api/v1/mediation/cases', dispute(`${ctx.label}加班费争议`)), 'case A')
        : await created(ctx.clients.unionStaff!.post('/api/v1/mediation/cases', { ...dispute(`${ctx.label}工资争议`), applicantPersonId: ctx.people.worker }), 'case B');
    return { mediationCase };
  },
};

export const hostile: HostilePart = {
  async build(ctx) {
    return { ids: { cases: await created(ctx.worker.post('/api/v1/mediation/cases', disputeBody()), 'case') } };
  },
};
