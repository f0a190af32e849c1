/**
 * The proposal figures cut by session, lead department, and the proposer's delegation or
 * category, and each representative's part (proposals raised, seconded, sessions attended).
 * Every count is a COUNT over the rows GET /congress/proposals lists with the row's drill
 * filter, so a figure and its drill-down cannot disagree.
 */
import { sql, type ExpressionBuilder } from 'kysely';
import { PROPOSAL_SETS, REPRESENTATIVE_CATEGORY_LABELS, type ProposalCut, type ProposalSet, type RepresentativeCategory } from '../../../common/congress.js';
import type { Call } from '../../core/call.js';
import type { Db } from '../../core/db/database.js';
import type { Scope } from '../../core/rbac/actor.js';
import { drillScope, officeScope } from './congress.policy.js';
import { heldSessions } from './congress.repository.js';
import { inSet, sessionsIn } from './congress.proposals.repository.js';
import { cdb } from './congress.tables.js';

const UNASSIGNED = { zh: '未交办', en: 'Not assigned' };

/** The column a cut groups by, and how its key becomes the drill filter. */
const CUT = {
  session: { key: 'x.session_id', label: 's.name', drill: (k: string) => ({ sessionId: k }) },
  department: { key: 'x.department_id', label: 'd.name', drill: (k: string) => ({ departmentId: k || 'none' }) },
  delegation: { key: 'r.delegation', label: 'r.delegation', drill: (k: string) => ({ delegation: k }) },
  category: { key: 'r.category', label: 'r.category', drill: (k: string) => ({ category: k }) },
} as const;

const count = (eb: ExpressionBuilder<any, any>, set: ProposalSet) => eb.fn.sum<number>(eb.case().when(inSet(eb, set)).then(1).else(0).end()).as(set);

export async function proposalCuts(call: Call, q: { from: string; to: string; by: ProposalCut }) {
  const scope = officeScope(call);
  const c = CUT[q.by];
  const rows = await cdb(call.db)
    .selectFrom('congress_proposals as x')
    .innerJoin('congress_representatives as r', 'r.id', 'x.proposer_id')
    .innerJoin('congress_sessions as s', 's.id', 'x.session_id')
    .leftJoin('orgs as d', 'd.id', 'x.department_id')
    .where('x.session_id', 'in', (eb) => sessionsIn(eb, scope, q.from, q.to))
    .select([sql.ref<string | null>(c.key).as('k'), sql<string | null>`max(${sql.ref(c.label)})`.as('label')])
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .select((eb) => PROPOSAL_SETS.map((set) => count(eb, set)))
    .groupBy(sql.ref(c.key))
    .execute();
  const from = { from: q.from, to: q.to };
  const out = rows.map((r) => {
    const key = (r.k as string | null) ?? '';
    const label = q.by === 'category' ? REPRESENTATIVE_CATEGORY_LABELS[key as RepresentativeCategory].zh : ((r.label as string | null) ?? UNASSIGNED.zh);
    const counts = Object.fromEntries(PROPOSAL_SETS.map((set) => [set, Number((r as Record<string, unknown>)[set] ?? 0)])) as Record<ProposalSet, number>;
    return { key, label, proposals: Number(r.n), counts, drill: { ...from, ...c.drill(key) } };
  });
  return { by: q.by, rows: out.sort((a, b) => b.proposals - a.proposals || a.label.localeCompare(b.label, 'zh')) };
}

/**
 * Representatives of the terms that held a session in the period, each with what they did in those sessions; a work
 * report's drill narrows it to its org, and `active=1` keeps those who raised or seconded a proposal.
 */
export async function participation(call: Call, q: { from: string; to: string; orgId?: string; active?: '1' }) {
  const rows = await participationRows(call.db, await drillScope(call, q.orgId), q.from, q.to);
  const period = { from: q.from, to: q.to };
  return {
    rows: rows
      .filter((r) => q.active !== '1' || r.proposals + r.seconds > 0)
      .map((r) => ({ ...r, drill: { proposals: { ...period, proposerId: r.representativeId }, seconds: { ...period, secondedBy: r.representativeId } } })),
  };
}

/**
 * The participation rows over a scope: what the list shows and the participation figures sum. One grouped read: the
 * period's proposals, seconds and attendance rows, each tagged with its representative, are summed per representative
 * once and joined to the roster — not four correlated counts per representative, which re-read the held sessions for
 * each of them (160 ms a year, 15 s a decade at scale L; bench/RESULTS.md 第十批).
 */
export async function participationRows(db: Db, scope: Scope, from: string, to: string) {
  const held = (eb: ExpressionBuilder<any, any>) => sessionsIn(eb, scope, from, to);
  const one = sql<number>`1`;
  const zero = sql<number>`0`;
  const rows = await cdb(db)
    .selectFrom('congress_representatives as r')
    .innerJoin('persons as p', 'p.id', 'r.person_id')
    .leftJoin(
      (eb) =>
        eb
          .selectFrom((u) =>
            u
              .selectFrom('congress_proposals as x')
              .where('x.session_id', 'in', held(u))
              .select(['x.proposer_id as rid', one.as('proposed'), zero.as('seconded'), zero.as('present'), zero.as('recorded')])
              .unionAll((v) =>
                v
                  .selectFrom('congress_seconds as sc')
                  .innerJoin('congress_proposals as x', 'x.id', 'sc.proposal_id')
                  .where('x.session_id', 'in', held(v))
                  .select(['sc.representative_id as rid', zero.as('proposed'), one.as('seconded'), zero.as('present'), zero.as('recorded')]),
              )
              .unionAll((v) =>
                v
                  .selectFrom('congress_attendance as a')
                  .where('a.session_id', 'in', held(v))
                  .select((e) => [
                    'a.representative_id as rid',
                    zero.as('proposed'),
                    zero.as('seconded'),
                    e.case().when('a.present', '=', 1).then(1).else(0).end().as('present'),
                    one.as('recorded'),
                  ]),
              )
              .as('u'),
          )
          .select((e) => [
            'u.rid',
            e.fn.sum<number>('u.proposed').as('proposals'),
            e.fn.sum<number>('u.seconded').as('seconds'),
            e.fn.sum<number>('u.present').as('present'),
            e.fn.sum<number>('u.recorded').as('recorded'),
          ])
          .groupBy('u.rid')
          .as('g'),
      (join) => join.onRef('g.rid', '=', 'r.id'),
    )
    .where('r.term_id', 'in', (eb) => eb.selectFrom('congress_sessions as hs').select('hs.term_id').where('hs.id', 'in', held(eb)))
    .select(['r.id', 'p.name', 'r.delegation', 'r.category', 'g.proposals', 'g.seconds', 'g.present', 'g.recorded'])
    .orderBy('r.delegation')
    .orderBy('p.name')
    .orderBy('r.id')
    .execute();
  return rows.map((r) => ({
    representativeId: r.id,
    name: r.name,
    delegation: r.delegation,
    category: r.category as RepresentativeCategory,
    proposals: Number(r.proposals ?? 0),
    seconds: Number(r.seconds ?? 0),
    present: Number(r.present ?? 0),
    recorded: Number(r.recorded ?? 0),
  }));
}

/** The sessions held in the period with their attendance, for the office: what the attendance figure sums. */
export async function heldInPeriod(call: Call, q: { from: string; to: string; orgId?: string }) {
  const rows = await heldSessions(call.db, await drillScope(call, q.orgId), q.from, q.to);
  return {
    items: rows.map((r) => ({
      id: r.id,
      termId: r.term_id,
      name: r.name,
      orgName: r.org_name,
      startsOn: r.starts_on,
      present: Number(r.present ?? 0),
      expected: Number(r.expected ?? 0),
    })),
  };
}
