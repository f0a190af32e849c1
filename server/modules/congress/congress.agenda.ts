/**
 * Congress proposals on a meeting's agenda (a union meeting or a joint meeting takes up an adopted proposal): the
 * meetings module asks whether a proposal may go on its agenda and records the link on the proposal's timeline.
 */
import type { Expression, SqlBool } from 'kysely';
import { ADOPTED_STATUSES } from '../../../common/congress.js';
import { containsCi } from '../../core/db/dialect.js';
import type { WriteCall } from '../../core/call.js';
import type { Db, Tx } from '../../core/db/database.js';
import { recordEvent } from '../../core/workflow/index.js';
import { cdb } from './congress.tables.js';

export interface AgendaProposal {
  id: string;
  number: number | null;
  title: string;
  /** The org of the congress term that put it on file. */
  orgPath: string;
}

/** An adopted (put on file) proposal, or undefined: only those may go on a meeting's agenda. */
export async function proposalForAgenda(db: Db | Tx, proposalId: string): Promise<AgendaProposal | undefined> {
  const row = await cdb(db)
    .selectFrom('congress_proposals as p')
    .innerJoin('congress_sessions as s', 's.id', 'p.session_id')
    .innerJoin('congress_terms as t', 't.id', 's.term_id')
    .innerJoin('orgs as o', 'o.id', 't.org_id')
    .select(['p.id', 'p.number', 'p.title', 'p.status', 'o.path'])
    .where('p.id', '=', proposalId)
    .executeTakeFirst();
  if (!row || !ADOPTED_STATUSES.includes(row.status as (typeof ADOPTED_STATUSES)[number])) return undefined;
  return { id: row.id, number: row.number, title: row.title, orgPath: row.path };
}

/** The proposals an agenda names, by id, for the meeting page. */
export async function proposalsOnAgenda(db: Db | Tx, ids: string[]): Promise<Map<string, { id: string; number: number | null; title: string }>> {
  if (!ids.length) return new Map();
  const rows = await cdb(db).selectFrom('congress_proposals').select(['id', 'number', 'title']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, r]));
}

/** The link back: 「列入会议议程」 on the proposal's timeline, naming the meeting and its date. */
export async function recordProposalOnAgenda(call: WriteCall, proposalId: string, meeting: { id: string; title: string; plannedDate: string }) {
  await recordEvent(call, {
    kind: 'congress.proposal',
    id: proposalId,
    event: 'onAgenda',
    data: { meetingId: meeting.id, meetingTitle: meeting.title, plannedDate: meeting.plannedDate },
  });
}

/** The orgs on the line through `path`: its ancestors and itself as paths (`/a/b/` → `/a/`, `/a/b/`). */
const lineAbove = (path: string) => {
  const ids = path.split('/').filter(Boolean);
  return ids.map((_, i) => `/${ids.slice(0, i + 1).join('/')}/`);
};

/**
 * The adopted proposals a meeting of the org at `orgPath` may take up — the same rule as
 * proposalForAgenda: put on file by a congress of that org, or of one above or below it —
 * matching `q` in the title, the latest session first, then by number. The caller authorises.
 */
export async function proposalChoices(db: Db, orgPath: string, q: string | undefined, limit: number) {
  let query = cdb(db)
    .selectFrom('congress_proposals as p')
    .innerJoin('congress_sessions as s', 's.id', 'p.session_id')
    .innerJoin('congress_terms as t', 't.id', 's.term_id')
    .innerJoin('orgs as o', 'o.id', 't.org_id')
    .select(['p.id', 'p.number', 'p.title', 'p.status', 's.name as session_name'])
    .where('p.status', 'in', [...ADOPTED_STATUSES])
    .where((eb) => eb.or([eb('o.path', 'in', lineAbove(orgPath)), eb.and([eb('o.path', '>=', orgPath), eb('o.path', '<', `${orgPath}~`)])]));
  if (q) query = query.where(containsCi('p.title', q) as Expression<SqlBool>);
  const rows = await query.orderBy('s.starts_on', 'desc').orderBy('p.number').orderBy('p.id').limit(limit).execute();
  return rows.map((r) => ({ id: r.id, number: r.number, title: r.title, status: r.status, sessionName: r.session_name }));
}
