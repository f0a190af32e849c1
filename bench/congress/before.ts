/**
 * The baseline the benchmark times the participation read against, in the same run: a frozen copy of
 * `participationRows` as it was before session 15 — one row per representative with four correlated
 * subqueries (proposals, seconds, present, recorded), each re-evaluating the period's held sessions.
 * Kept here (not in the module) so the ratio can be measured again; the whole tree, as the indicator page asks.
 */
import type { ExpressionBuilder, Kysely } from 'kysely';
import type { Db } from '../../server/core/db/database.js';

export async function participationRowsBefore(db: Db, from: string, to: string) {
  const held = (eb: ExpressionBuilder<any, any>) =>
    eb
      .selectFrom('congress_sessions as s')
      .innerJoin('congress_terms as t', 't.id', 's.term_id')
      .innerJoin('orgs as o', 'o.id', 't.org_id')
      .select('s.id')
      .where('s.starts_on', '>=', from)
      .where('s.starts_on', '<=', to);
  const rows = await (db as unknown as Kysely<any>)
    .selectFrom('congress_representatives as r')
    .innerJoin('persons as p', 'p.id', 'r.person_id')
    .where('r.term_id', 'in', (eb: ExpressionBuilder<any, any>) => eb.selectFrom('congress_sessions as hs').select('hs.term_id').where('hs.id', 'in', held(eb)))
    .select(['r.id', 'p.name', 'r.delegation', 'r.category'])
    .select((eb) =>
      eb
        .selectFrom('congress_proposals as x')
        .whereRef('x.proposer_id', '=', 'r.id')
        .where('x.session_id', 'in', held(eb))
        .select(eb.fn.countAll().as('n'))
        .as('proposals'),
    )
    .select((eb) =>
      eb
        .selectFrom('congress_seconds as sc')
        .innerJoin('congress_proposals as x', 'x.id', 'sc.proposal_id')
        .whereRef('sc.representative_id', '=', 'r.id')
        .where('x.session_id', 'in', held(eb))
        .select(eb.fn.countAll().as('n'))
        .as('seconds'),
    )
    .select((eb) =>
      eb
        .selectFrom('congress_attendance as a')
        .whereRef('a.representative_id', '=', 'r.id')
        .where('a.session_id', 'in', held(eb))
        .where('a.present', '=', 1)
        .select(eb.fn.countAll().as('n'))
        .as('present'),
    )
    .select((eb) =>
      eb
        .selectFrom('congress_attendance as a')
        .whereRef('a.representative_id', '=', 'r.id')
        .where('a.session_id', 'in', held(eb))
        .select(eb.fn.countAll().as('n'))
        .as('recorded'),
    )
    .orderBy('r.delegation')
    .orderBy('p.name')
    .orderBy('r.id')
    .execute();
  return rows.map((r) => ({
    representativeId: r.id as string,
    name: r.name as string,
    delegation: r.delegation as string,
    category: r.category as string,
    proposals: Number(r.proposals ?? 0),
    seconds: Number(r.seconds ?? 0),
    present: Number(r.present ?? 0),
    recorded: Number(r.recorded ?? 0),
  }));
}
