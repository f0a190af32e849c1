/**
 * An adopted proposal or a passed resolution becomes a decided item (督办事项) of core, owned
 * in the department that carries it out; the one place the congress calls core/decidedItems.
 */
import type { WriteCall } from '../../core/call.js';
import type { Tx } from '../../core/db/database.js';
import { createDecidedItem, followSource, reopenSource } from '../../core/decidedItems/index.js';
import { holdersOf } from '../../core/notify/index.js';

/** The department's own handler (an ancestor's grant reaches it too; the nearest wins), or null. */
export async function departmentHandler(tx: Tx, departmentPath: string): Promise<string | null> {
  const nearest = (await holdersOf(tx, ['handler'], departmentPath)).sort((a, b) => (b.orgPath ?? '').length - (a.orgPath ?? '').length)[0];
  return nearest?.accountId ?? null;
}

/**
 * Who carries out a passed resolution: the handler of its 承办部门; without a department the
 * union chair of the congress's organisation (the union is the congress's working body between
 * sessions), and only if it has none, the office member who closed the vote.
 */
export async function resolutionOwner(
  call: WriteCall,
  termOrgPath: string,
  department: { id: string; path: string } | null,
): Promise<{ orgId: string | null; accountId: string }> {
  if (department) {
    const handler = await departmentHandler(call.tx, department.path);
    if (handler) return { orgId: department.id, accountId: handler };
  }
  const chair = (await holdersOf(call.tx, ['unionChair'], termOrgPath)).sort((a, b) => (b.orgPath ?? '').length - (a.orgPath ?? '').length)[0];
  return { orgId: null, accountId: chair?.accountId ?? call.actor.accountId };
}

export async function decideProposal(
  call: WriteCall,
  p: { id: string; number: number | null; title: string; sessionName: string; departmentId: string; ownerAccountId: string; dueDate: string },
) {
  return createDecidedItem(call, {
    source: { kind: 'congress.proposal', id: p.id, label: `${p.sessionName} · 第${p.number}号提案`, public: true },
    title: p.title,
    orgId: p.departmentId,
    ownerAccountId: p.ownerAccountId,
    dueDate: p.dueDate,
  });
}

/**
 * What a proposal's decided item tracks is the department's answer, due on the answer date
 * (条条有答复): the answer closes it, on time or late by the day it was given; an answer the
 * proposer rejects (the one reopen) opens it again until the department answers anew.
 */
export async function answerClosesItem(call: WriteCall, proposalId: string, answer: string) {
  const note = answer.length > 200 ? `${answer.slice(0, 200)}…` : answer;
  await followSource(call, { kind: 'congress.proposal', id: proposalId }, { progress: 100, done: true, note: `提案已答复：${note}` });
}

export async function reopenItem(call: WriteCall, proposalId: string) {
  await reopenSource(call, { kind: 'congress.proposal', id: proposalId }, '提案人对答复不满意，退回承办部门重新办理');
}
