/**
 * Who stands in what relation to a meeting. Union chair and staff reach every meeting of
 * their subtree; an attendee reaches the meeting they were invited to; once the minutes are
 * published, the people of the org they were published to (and below it) read them.
 */
import { MEETINGS_PERMISSIONS as P } from '../../../common/meetings.js';
import type { Tx } from '../../core/db/database.js';
import { forbidden, notFound } from '../../core/errors.js';
import { inScope, scopeOf, type Actor } from '../../core/rbac/actor.js';
import { mq, type MeetingTable } from './meetings.tables.js';

export interface MeetingRelation {
  overseer: boolean;
  manager: boolean;
  approver: boolean;
  attendee: boolean;
  publicReader: boolean;
}

/** Published to `path` reaches whoever holds readPublished at that org or below it. */
export function publishedReaches(actor: Actor, path: string | null): boolean {
  if (!path) return false;
  const s = scopeOf(actor, P.readPublished);
  return s.all || s.paths.some((p) => p.startsWith(path));
}

export async function relationTo(tx: Tx, actor: Actor, m: MeetingTable): Promise<MeetingRelation> {
  const att = await mq(tx)
    .selectFrom('meeting_attendees')
    .select('account_id')
    .where('meeting_id', '=', m.id)
    .where('account_id', '=', actor.accountId)
    .executeTakeFirst();
  return {
    overseer: inScope(scopeOf(actor, P.read), m.org_path),
    manager: inScope(scopeOf(actor, P.manage), m.org_path),
    approver: inScope(scopeOf(actor, P.approve), m.org_path),
    attendee: !!att,
    publicReader: m.status === 'published' && publishedReaches(actor, m.published_org_path),
  };
}

export function assertVisible(r: MeetingRelation): void {
  if (!r.overseer && !r.attendee && !r.publicReader) throw notFound();
}
export function assertManager(r: MeetingRelation): void {
  assertVisible(r);
  if (!r.manager) throw forbidden();
}
export function assertApprover(r: MeetingRelation): void {
  assertVisible(r);
  if (!r.approver) throw forbidden();
}
