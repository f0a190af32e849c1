/**
 * Mediation's records in the test worlds (test/authz/part.ts): a labour dispute in A brought by
 * the demo worker, one in B registered by B's union staff for B's worker, and one for the fuzzer;
 * each with one evidence file.
 */
import { uploadPng, type HostilePart, type WorldPart } from '../../../test/authz/part.js';
import { disputeBody } from './mediation.testkit.js';

const dispute = (words: string) => ({
  respondent: `${words}：用人单位`,
  disputeDate: '2026-11-01',
  summary: `${words}：三个月没有发放`,
  claims: [{ type: 'overtime', description: words, amount: 1200 }],
});

async function created(res: Promise<{ status: number; body: any; text: string }>, what: string): Promise<{ id: string; files: { id: string }[] }> {
  const r = await res;
  if (r.status >= 300) throw new Error(`mediation world: ${what} → ${r.status} ${r.text.slice(0, 300)}`);
  return r.body;
}

export const world: WorldPart = {
  ids: { cases: 'mediationCase' },
  params: { mediationFileId: 'mediationFile' },
  async build(ctx) {
    // The evidence is uploaded by whoever files the case: the worker in A, B's union staff registering for B's worker.
    const filer = ctx.side === 'own' ? ctx.clients.worker! : ctx.clients.unionStaff!;
    const fileIds = [await uploadPng(filer, `${ctx.label}工资条.png`)];
    const c =
      ctx.side === 'own'
        ? await created(filer.post('/api/v1/mediation/cases', { ...dispute(`${ctx.label}加班费争议`), fileIds }), 'case A')
        : await created(filer.post('/api/v1/mediation/cases', { ...dispute(`${ctx.label}工资争议`), applicantPersonId: ctx.people.worker, fileIds }), 'case B');
    return { mediationCase: c.id, mediationFile: c.files[0].id };
  },
};

export const hostile: HostilePart = {
  async build(ctx) {
    const c = await created(ctx.worker.post('/api/v1/mediation/cases', disputeBody({ fileIds: [await uploadPng(ctx.worker, '工资条.png')] })), 'case');
    return { ids: { cases: c.id }, params: { mediationFileId: c.files[0].id } };
  },
};
