/**
 * Scale-L data for the congress (issue #17: 10 years of congresses, ≈ 5 000 proposals): one
 * group, two five-year terms of 300 representatives (each with an account), a session a year
 * with 500 proposals in every state and two seconds each; the last session sits with every
 * representative present and one secret ballot open, for the casting benchmark. Written in bulk
 * with the columns the services write. Deterministic (seeded).
 */
import type { Db } from '../../server/core/db/database.js';
import { addDays } from '../../server/core/calendar/calendar.js';
import { newId } from '../../server/core/ids.js';
import { Rng } from '../../server/core/random.js';
import { bulk, worldRows } from '../world.js';
import { DEFAULT_PROPORTION_RULES, PROPOSAL_STATUSES } from '../../common/congress.js';

export const SCALE_L = { terms: 2, sessionsPerTerm: 5, representatives: 300, proposalsPerSession: 500 };

export interface Built {
  chairAccount: string;
  handlerAccount: string;
  sessionIds: string[];
  /** The sitting session's open secret ballot and the accounts of its representatives. */
  voteId: string;
  voterAccounts: string[];
}

export async function buildCongressL(db: Db, today: string, scale = SCALE_L): Promise<Built> {
  const rng = new Rng(17);
  const w = worldRows();
  const iso = w.iso;
  const group = w.org('基准煤业集团', 'group', null);
  const mine = w.org('1号矿', 'mine', group);
  const depts = Array.from({ length: 8 }, (_, i) => w.org(`部门${i + 1}`, 'department', mine));
  await bulk(db, 'orgs', [group, mine, ...depts]);
  const people = Array.from({ length: scale.representatives * scale.terms }, (_, i) =>
    w.person(mine.id, 'worker', `代表${i}`, {
      gender: i % 4 === 0 ? 'female' : 'male',
      employee_no: `C${i}`,
      employment_category: i % 15 === 0 ? 'dispatched' : 'contract',
      union_member: 1,
    }),
  );
  await bulk(db, 'persons', people);
  const chair = w.account('bench.chair');
  const handler = w.account('bench.handler');
  const repAccounts = people.map((p, i) => w.account(`bench.rep${i}`, p.id));
  await bulk(db, 'accounts', [chair, handler, ...repAccounts]);
  await bulk(db, 'role_grants', [
    w.grant(chair.id, 'unionChair', group.id),
    w.grant(handler.id, 'handler', depts[0]!.id),
    ...repAccounts.map((a) => w.grant(a.id, 'representative', mine.id)),
  ]);

  const sessionIds: string[] = [];
  let sitting = { sessionId: '', reps: [] as string[], accounts: [] as string[] };
  for (let t = 0; t < scale.terms; t++) {
    const termId = newId();
    const start = addDays(today, -365 * (scale.terms - t) * scale.sessionsPerTerm + 30);
    await bulk(db, 'congress_terms', [
      {
        id: termId,
        org_id: group.id,
        number: t + 1,
        name: `第${t + 1}届职工代表大会`,
        start_date: start,
        end_date: addDays(start, 365 * scale.sessionsPerTerm),
        rules: JSON.stringify(DEFAULT_PROPORTION_RULES),
        created_at: iso,
        updated_at: iso,
      },
    ]);
    const reps = people.slice(t * scale.representatives, (t + 1) * scale.representatives).map((p, i) => ({
      id: newId(),
      term_id: termId,
      person_id: p.id,
      account_id: repAccounts[t * scale.representatives + i].id,
      delegation: `代表团${i % 6}`,
      category: i % 5 === 0 ? 'leader' : i % 5 < 4 ? 'frontLine' : 'technical',
      created_at: iso,
      updated_at: iso,
    }));
    await bulk(db, 'congress_representatives', reps);
    for (let s = 0; s < scale.sessionsPerTerm; s++) {
      const id = newId();
      const last = t === scale.terms - 1 && s === scale.sessionsPerTerm - 1;
      const startsOn = last ? today : addDays(start, 365 * s + 20);
      sessionIds.push(id);
      await bulk(db, 'congress_sessions', [
        {
          id,
          term_id: termId,
          number: s + 1,
          name: `第${t + 1}届第${s + 1}次职工代表大会`,
          starts_on: startsOn,
          proposals_close_on: addDays(startsOn, 7),
          status: last ? 'sitting' : 'closed',
          created_at: iso,
          updated_at: iso,
        },
      ]);
      await bulk(
        db,
        'congress_attendance',
        reps.map((r, i) => ({
          session_id: id,
          representative_id: r.id,
          present: last || i % 10 ? 1 : 0,
          absence_reason: last || i % 10 ? null : '病假',
          recorded_by: null,
          at: `${startsOn}T01:00:00.000Z`,
        })),
      );
      const proposals = [];
      const seconds = [];
      let number = 0;
      for (let k = 0; k < scale.proposalsPerSession; k++) {
        const status = last ? rng.pick(['collecting', 'adopted', 'assigned'] as const) : rng.pick(PROPOSAL_STATUSES.filter((x) => x !== 'collecting'));
        const adopted = ['adopted', 'assigned', 'answered', 'closed'].includes(status);
        const assigned = ['assigned', 'answered', 'closed'].includes(status);
        const at = `${addDays(startsOn, rng.int(-20, 6))}T0${rng.int(0, 9)}:00:00.000Z`;
        const due = assigned ? addDays(startsOn, 30) : null;
        const pid = newId();
        proposals.push({
          id: pid,
          session_id: id,
          proposer_id: reps[k % reps.length].id,
          title: `提案${t}-${s}-${k}`,
          reasons: '理由'.repeat(20),
          solution: '办法'.repeat(10),
          status,
          number: adopted ? ++number : null,
          screening_reason: status === 'collecting' ? null : '审查意见',
          merged_into_id: null,
          department_id: assigned ? depts[k % depts.length].id : null,
          co_department_ids: '[]',
          answer_due_date: due,
          answer: ['answered', 'closed'].includes(status) ? '答复'.repeat(20) : null,
          answered_at: ['answered', 'closed'].includes(status) ? `${addDays(startsOn, rng.int(5, 40))}T02:00:00.000Z` : null,
          rating: status === 'closed' ? rng.pick(['satisfied', 'basic', 'unsatisfied']) : null,
          reopened: 0,
          grade: status === 'closed' ? rng.pick(['A', 'B', 'C']) : null,
          grade_reason: status === 'closed' ? '等级理由' : null,
          decided_item_id: null,
          published_at: last ? null : iso,
          submitted_at: at,
          created_at: at,
          updated_at: at,
        });
        for (const d of [1, 2]) seconds.push({ proposal_id: pid, representative_id: reps[(k + d * 7) % reps.length].id, at });
      }
      await bulk(db, 'congress_proposals', proposals, 100);
      await bulk(db, 'congress_seconds', seconds);
      if (last)
        sitting = {
          sessionId: id,
          reps: reps.map((r) => r.id),
          accounts: repAccounts.slice(t * scale.representatives, (t + 1) * scale.representatives).map((a) => a.id),
        };
    }
  }
  const voteId = newId();
  await bulk(db, 'congress_votes', [
    {
      id: voteId,
      session_id: sitting.sessionId,
      title: '民主评议领导班子',
      kind: 'appraisal',
      secret: 1,
      description: null,
      status: 'open',
      subject_kind: null,
      subject_id: null,
      subject_label: null,
      opened_at: iso,
      closed_at: null,
      representatives: null,
      present: null,
      voted: null,
      for_count: null,
      against_count: null,
      abstain_count: null,
      passed: null,
      created_at: iso,
      updated_at: iso,
    },
  ]);
  return { chairAccount: chair.id, handlerAccount: handler.id, sessionIds, voteId, voterAccounts: sitting.accounts };
}
