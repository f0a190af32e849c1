/**
 * The congress's records in the test worlds (test/authz/part.ts). In A: the demo's term, its
 * planned session and the demo representative's proposal assigned to the handler's department.
 * In B: a term made by B's chair with B's worker and B's `rep` account on the roster, a session,
 * and a proposal by that representative. Both sides: a secret resolution vote on that session's agenda.
 */
import type { HostilePart, WorldPart } from '../../../test/authz/part.js';
import { newId } from '../../core/ids.js';

async function ok(res: Promise<{ status: number; body: any; text: string }>, what: string): Promise<any> {
  const r = await res;
  if (r.status >= 300) throw new Error(`congress world: ${what} → ${r.status} ${r.text.slice(0, 300)}`);
  return r.body;
}

export const world: WorldPart = {
  params: { congressTermId: 'congressTerm', congressSessionId: 'congressSession', proposalId: 'congressProposal', congressVoteId: 'congressVote' },
  async build(ctx) {
    const db = ctx.t.db as any;
    if (ctx.side === 'own') {
      const demo = await db
        .selectFrom('congress_sessions')
        .innerJoin('congress_terms', 'congress_terms.id', 'congress_sessions.term_id')
        .select(['congress_terms.id as term', 'congress_sessions.id as session'])
        .where('congress_terms.org_id', '=', ctx.orgs.group)
        .where('congress_sessions.status', '=', 'planned')
        .executeTakeFirst();
      const proposal = await db
        .selectFrom('congress_proposals as p')
        .innerJoin('congress_representatives as r', 'r.id', 'p.proposer_id')
        .select('p.id')
        .where('r.account_id', '=', ctx.accounts.representative!.id)
        .where('p.status', '=', 'assigned')
        .where('p.department_id', '=', ctx.orgs.department)
        .executeTakeFirst();
      if (!demo || !proposal) throw new Error("congress world: the demo has no planned session or no rep's assigned proposal");
      const vote = await ok(
        ctx.clients.unionChair!.post(`/api/v1/congress/sessions/${demo.session}/votes`, { title: `${ctx.label}决议`, kind: 'resolution', secret: true }),
        'vote',
      );
      return { congressTerm: demo.term, congressSession: demo.session, congressProposal: proposal.id, congressVote: vote.id };
    }
    const chair = ctx.clients.unionChair!;
    const term = await ok(chair.post('/api/v1/congress/terms', { orgId: ctx.orgs.group, number: 1, startDate: '2026-01-01', endDate: '2030-12-31' }), 'term');
    for (const personId of [ctx.people.worker, ctx.accounts.representative!.personId!]) {
      await ok(
        chair.post(`/api/v1/congress/terms/${term.id}/representatives`, { personId, delegation: `${ctx.label}代表团`, category: 'frontLine' }),
        'representative',
      );
    }
    const session = await ok(
      chair.post(`/api/v1/congress/terms/${term.id}/sessions`, { number: 1, startsOn: new Date().toISOString().slice(0, 10) }),
      'session',
    );
    const proposal = await ok(
      ctx.clients.representative!.post(`/api/v1/congress/sessions/${session.id}/proposals`, {
        title: `${ctx.label}提案`,
        reasons: `${ctx.label}：井下更衣室冬季没有暖气。`,
        solution: `${ctx.label}：加装暖气片。`,
      }),
      'proposal',
    );
    const vote = await ok(chair.post(`/api/v1/congress/sessions/${session.id}/votes`, { title: `${ctx.label}决议`, kind: 'resolution', secret: true }), 'vote');
    return { congressTerm: term.id, congressSession: session.id, congressProposal: proposal.id, congressVote: vote.id };
  },
};

export const hostile: HostilePart = {
  async build({ t, u, worker }) {
    const term = await ok(u.staff.post('/api/v1/congress/terms', { orgId: u.group.id, number: 1, startDate: '2026-01-01', endDate: '2030-12-31' }), 'term');
    await ok(
      u.staff.post(`/api/v1/congress/terms/${term.id}/representatives`, { personId: worker.person.id, delegation: '一号矿代表团', category: 'frontLine' }),
      'representative',
    );
    const session = await ok(u.staff.post(`/api/v1/congress/terms/${term.id}/sessions`, { number: 1, startsOn: '2026-11-19' }), 'session');
    // A proposal on file, straight into the table: the fuzzer needs a real id, not a representative's phone.
    const rep = await (t.db as any).selectFrom('congress_representatives').select('id').where('term_id', '=', term.id).executeTakeFirst();
    const proposalId = newId();
    const at = '2026-11-19T01:00:00.000Z';
    await (t.db as any)
      .insertInto('congress_proposals')
      .values({
        id: proposalId,
        session_id: session.id,
        proposer_id: rep.id,
        title: '更衣室冬季供暖',
        reasons: '井下更衣室冬季没有暖气。',
        solution: '加装暖气片。',
        status: 'collecting',
        co_department_ids: '[]',
        reopened: 0,
        submitted_at: at,
        created_at: at,
        updated_at: at,
      })
      .execute();
    const vote = await ok(u.staff.post(`/api/v1/congress/sessions/${session.id}/votes`, { title: '关于调整井下津贴标准的决议', kind: 'resolution' }), 'vote');
    return { params: { congressTermId: term.id, congressSessionId: session.id, proposalId, congressVoteId: vote.id } };
  },
};
