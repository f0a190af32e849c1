/**
 * 公示 The public notice: the union's approved applications, name masked (张*), with the notice
 * period; anyone of the union may raise an objection while it runs. A worker sees the notices of
 * their own top-level organisation, never another's; nothing but the masked name leaves the file.
 */
import { anonymousContext, recordAudit } from '../../core/audit/audit.js';
import { forbidden, notFound } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import { hasPermission, scopeOf, inScope } from '../../core/rbac/actor.js';
import { notify } from '../../core/notify/index.js';
import { recordEvent } from '../../core/workflow/index.js';
import { HARDSHIP_PERMISSIONS as P, maskName, type Tier } from '../../../common/hardship.js';
import type { Call, WriteCall } from '../../core/call.js';
import { ENTITY, KIND, notice, officersOf, today } from './hardship.load.js';
import * as repo from './hardship.repository.js';
import { hdb } from './hardship.tables.js';

function roots(call: Call): { all: boolean; paths: string[] } {
  const s = scopeOf(call.actor, P.publicity);
  return s.all ? { all: true, paths: [] } : { all: false, paths: repo.rootsOf(s) };
}

export async function list(call: Call, q: { page: number; pageSize: number; order: 'asc' | 'desc' }) {
  if (!hasPermission(call.actor, P.publicity)) throw forbidden();
  const r = roots(call);
  const { rows, total } = await repo.publicNotices(call.db, r.all ? ['/'] : r.paths, today(call), q);
  return {
    items: rows.map((x) => ({
      id: x.id,
      code: x.code,
      maskedName: maskName(x.worker_name),
      orgName: x.org_name,
      tier: (x.tier as Tier | null) ?? null,
      noticeFrom: x.notice_from!,
      noticeTo: x.notice_to!,
    })),
    total,
    page: q.page,
    pageSize: q.pageSize,
  };
}

/**
 * An objection to a notice that is running and that the caller can see; otherwise the notice does
 * not exist for them. Anonymous (匿名), it keeps no account, its timeline step no actor and its audit
 * row neither account nor address — the rule of anonymous appeals: officers read what was said, never who.
 */
export async function object(call: WriteCall, id: string, content: string, anonymous = false): Promise<{ id: string; raisedOn: string }> {
  const row = await repo.loadProfile(call.tx, id);
  const r = roots(call);
  const day = today(call);
  if (!row || row.status !== 'notice' || !row.notice_to || row.notice_to < day || !(r.all || inScope(r, row.org_path))) throw notFound();
  const objectionId = newId();
  await hdb(call.tx)
    .insertInto('hardship_objections')
    .values({
      id: objectionId,
      profile_id: id,
      account_id: anonymous ? null : call.actor.accountId,
      anonymous: anonymous ? 1 : 0,
      content,
      raised_on: day,
      decision: null,
      note: null,
      decided_by: null,
      decided_at: null,
      created_at: call.iso,
    })
    .execute();
  await recordEvent(call, { kind: KIND, id, event: 'objection', anonymous });
  await recordAudit(call.tx, anonymous ? anonymousContext(call.ctx) : call.ctx, {
    action: 'hardship.object',
    entityType: ENTITY,
    entityId: id,
    orgId: row.org_id,
  });
  await notify(call.tx, {
    // An anonymous objector who is an officer too is told like the others: leaving them out would point at them.
    ...notice('applied', { code: row.code }, await officersOf(call.tx, row.org_path, anonymous ? undefined : call.actor.accountId), id),
    kind: 'hardship.objection',
    title: `公示异议：${row.code}`,
    body: content.slice(0, 200),
  });
  return { id: objectionId, raisedOn: day };
}
