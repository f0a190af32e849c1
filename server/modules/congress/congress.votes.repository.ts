/** All SQL of votes and their tallies (the ballots themselves live in congress.ballots.ts). */
import type { Db, Tx } from '../../core/db/database.js';
import type { Scope } from '../../core/rbac/actor.js';
import { pathInScope } from '../../core/rbac/scope-sql.js';
import { cdb, type CongressVoteTable } from './congress.tables.js';

type H = Db | Tx;
export type VoteRow = CongressVoteTable;

export async function findVote(db: H, id: string) {
  return cdb(db).selectFrom('congress_votes').selectAll().where('id', '=', id).executeTakeFirst();
}
export async function insertVote(tx: Tx, row: CongressVoteTable) {
  await cdb(tx).insertInto('congress_votes').values(row).execute();
}
/** A vote's row with its 承办部门's name, as lists and the detail show it. */
export type VoteWithDepartment = VoteRow & { department_name: string | null };
export async function votesOfSession(db: H, sessionId: string, status?: string): Promise<VoteWithDepartment[]> {
  let q = cdb(db)
    .selectFrom('congress_votes as v')
    .leftJoin('orgs as d', 'd.id', 'v.department_id')
    .selectAll('v')
    .select('d.name as department_name')
    .where('v.session_id', '=', sessionId);
  if (status) q = q.where('v.status', '=', status);
  return q.orderBy('v.created_at').orderBy('v.id').execute();
}
export async function departmentName(db: H, departmentId: string | null) {
  if (!departmentId) return null;
  return (await cdb(db).selectFrom('orgs').select('name').where('id', '=', departmentId).executeTakeFirst())?.name ?? null;
}
export async function openVoteCount(db: H, sessionId: string) {
  const row = await cdb(db)
    .selectFrom('congress_votes')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('session_id', '=', sessionId)
    .where('status', '=', 'open')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
/** The votes of a session the caller has cast a ballot in (one query for a list). */
export async function votedIn(db: H, voteIds: string[], representativeId: string) {
  if (!voteIds.length) return new Set<string>();
  const rows = await cdb(db)
    .selectFrom('congress_ballot_voters')
    .select('vote_id')
    .where('vote_id', 'in', voteIds)
    .where('representative_id', '=', representativeId)
    .execute();
  return new Set(rows.map((r) => r.vote_id));
}
/** 记名表决: who chose what, after close. */
export async function rollOf(db: H, voteId: string) {
  return cdb(db)
    .selectFrom('congress_open_choices as c')
    .innerJoin('congress_representatives as r', 'r.id', 'c.representative_id')
    .innerJoin('persons as p', 'p.id', 'r.person_id')
    .select(['p.name', 'r.delegation', 'c.choice'])
    .where('c.vote_id', '=', voteId)
    .orderBy('r.delegation')
    .orderBy('p.name')
    .orderBy('r.id')
    .execute();
}

/** Closed votes of sessions held in the period whose organisation lies in the scope: the turnout indicator's records. */
export async function closedVotes(db: H, scope: Scope, from: string, to: string) {
  return cdb(db)
    .selectFrom('congress_votes as v')
    .innerJoin('congress_sessions as s', 's.id', 'v.session_id')
    .innerJoin('congress_terms as t', 't.id', 's.term_id')
    .innerJoin('orgs as o', 'o.id', 't.org_id')
    .leftJoin('orgs as d', 'd.id', 'v.department_id')
    .select(['v.department_id', 'd.name as department_name'])
    .select([
      'v.id',
      'v.session_id',
      'v.title',
      'v.kind',
      'v.secret',
      'v.status',
      'v.subject_kind',
      'v.subject_id',
      'v.subject_label',
      'v.opened_at',
      'v.closed_at',
    ])
    .select(['v.representatives', 'v.present', 'v.voted', 'v.for_count', 'v.against_count', 'v.abstain_count', 'v.passed', 's.name as session_name'])
    .where('v.status', '=', 'closed')
    .where('s.starts_on', '>=', from)
    .where('s.starts_on', '<=', to)
    .where((eb) => pathInScope(eb, 'o.path', scope))
    .orderBy('s.starts_on', 'desc')
    .orderBy('v.created_at')
    .orderBy('v.id')
    .execute();
}
