/**
 * Contracts' records in the test worlds (test/authz/part.ts): on each side a collective contract
 * of the mine taken through the whole lifecycle by the side's union staff and chair — published,
 * so the side's workers read it — with promise clauses owned by the handler's department, one
 * checkpoint checked with an evidence file, and (in the fuzzer) an appeal cited on a clause; and a
 * second contract in preparation with an item the union supplied (with its file).
 */
import { uploadPng, type Caller, type HostilePart, type WorldPart } from '../../../test/authz/part.js';

async function ok(res: Promise<{ status: number; body: any; text: string }>, what: string): Promise<any> {
  const r = await res;
  if (r.status >= 300) throw new Error(`contracts world: ${what} → ${r.status} ${r.text.slice(0, 300)}`);
  return r.body;
}

async function publishedContract(staff: Caller, chair: Caller, orgId: string, department: string, label: string) {
  const c = await ok(
    staff.post('/api/v1/contracts', { orgId, kind: 'collective', title: `${label}集体合同`, requestedBy: 'union', requestDate: '2026-09-11', termYears: 3 }),
    'request',
  );
  const one = `/api/v1/contracts/${c.id}`;
  await ok(staff.post(`${one}/reply`, { repliedDate: '2026-09-18' }), 'reply');
  await ok(
    staff.request('PUT', `${one}/negotiators`, {
      negotiators: [
        { side: 'union', name: `${label}工会首席`, chief: true },
        { side: 'employer', name: `${label}行政首席`, chief: true },
      ],
    }),
    'negotiators',
  );
  const clauses = [
    { chapter: `${label}第二章`, number: 1, category: 'wages', text: `${label}：一线职工工资年增长不低于6%`, promise: true, ownerOrgId: department },
    { chapter: `${label}第三章`, number: 2, category: 'safety', text: `${label}：每年组织一次职业健康体检`, promise: true, ownerOrgId: department },
  ];
  await ok(staff.post(`${one}/versions`, { note: `${label}初稿`, clauses }), 'version 1');
  await ok(
    staff.post(`${one}/versions`, {
      note: `${label}第二稿`,
      clauses: [...clauses, { chapter: `${label}第一章`, number: 3, category: 'other', text: `${label}：本合同适用于全体职工` }],
    }),
    'version 2',
  );
  await ok(staff.post(`${one}/review`, { mode: 'allWorkers' }), 'review');
  await ok(staff.post(`${one}/vote`, { eligible: 100, for: 80, against: 10, abstain: 5 }), 'vote');
  await ok(chair.post(`${one}/sign`, { signedDate: '2026-09-30' }), 'sign');
  await ok(staff.post(`${one}/file`, { receivedDate: '2026-10-10' }), 'file');
  await ok(staff.post(`${one}/effective`, {}), 'effective');
  await ok(staff.post(`${one}/publish`, {}), 'publish');
  const board = await ok(staff.get(`${one}/board`), 'board');
  const clause = board.clauses[0].id as string;
  const cp = await ok(
    staff.post(`/api/v1/contract-clauses/${clause}/checkpoints`, {
      dueDate: '2026-11-30',
      method: `${label}：查工资台账`,
      evidenceRequired: `${label}：工资台账`,
    }),
    'checkpoint',
  );
  const file = await uploadPng(staff, `${label}工资台账.png`);
  await ok(
    staff.post(`/api/v1/contract-checkpoints/${cp.id}/result`, { status: 'honoured', checkedDate: '2026-11-30', fileIds: [file] }),
    'check with evidence',
  );
  // A contract still in preparation, with an item the union supplied and its file.
  const p = await ok(
    staff.post('/api/v1/contracts', {
      orgId,
      kind: 'special',
      title: `${label}专项集体合同（准备中）`,
      requestedBy: 'union',
      requestDate: '2026-11-02',
      termYears: 1,
    }),
    'request 2',
  );
  await ok(staff.post(`/api/v1/contracts/${p.id}/reply`, { repliedDate: '2026-11-09' }), 'reply 2');
  const prepFile = await uploadPng(staff, `${label}职工诉求汇总.png`);
  const item = await ok(
    staff.post(`/api/v1/contracts/${p.id}/preparation/items`, {
      side: 'union',
      kind: 'demands',
      title: `${label}职工诉求汇总`,
      note: `${label}夜班津贴`,
      suppliedBy: `${label}矿工会`,
      suppliedDate: '2026-11-10',
      fileIds: [prepFile],
    }),
    'preparation item',
  );
  return {
    contract: c.id as string,
    contractClause: clause,
    contractCheckpoint: cp.id as string,
    contractEvidence: file,
    contractPrepItem: item.id as string,
    contractPrepFile: prepFile,
  };
}

export const world: WorldPart = {
  params: {
    contractId: 'contract',
    clauseId: 'contractClause',
    checkpointId: 'contractCheckpoint',
    evidenceFileId: 'contractEvidence',
    contractPrepItemId: 'contractPrepItem',
    prepFileId: 'contractPrepFile',
  },
  // surveyId: the surveys part's survey of the group, above the contract's mine.
  fields: { appealId: 'appeal', surveyId: 'survey' },
  build: (ctx) => publishedContract(ctx.clients.unionStaff!, ctx.clients.unionChair!, ctx.orgs.mine, ctx.orgs.department, ctx.label),
};

export const hostile: HostilePart = {
  async build(ctx) {
    const r = await publishedContract(ctx.u.staff, ctx.u.chair, ctx.u.mine1.id, ctx.u.prod1.id, '一号矿');
    const appeal = await ok(
      ctx.worker.post('/api/v1/appeals', { category: 'wages', title: '派遣工同工不同酬', description: '劳务派遣工与正式工同岗不同酬。', anonymous: true }),
      'appeal',
    );
    await ok(ctx.u.staff.post(`/api/v1/contract-clauses/${r.contractClause}/citations`, { appealId: appeal.id }), 'citation');
    return {
      params: {
        contractId: r.contract,
        clauseId: r.contractClause,
        checkpointId: r.contractCheckpoint,
        evidenceFileId: r.contractEvidence,
        contractPrepItemId: r.contractPrepItem,
        prepFileId: r.contractPrepFile,
      },
      fields: { appealId: appeal.id },
    };
  },
};
