/**
 * The one way modules tell people something: an in-app inbox row per account and, when
 * the org (or an ancestor) has a group-robot webhook, an outbox row delivered by a job.
 * Takes the caller's transaction, so a notice exists exactly when the change it reports does.
 */
import type { Tx } from '../db/database.js';
import { insertRow, prepared } from '../db/prepared.js';
import { newId, nowIso } from '../ids.js';

export interface Notice {
  accountIds: string[];
  /** Machine kind, e.g. 'appeal.assigned'; the UI may pick an icon by it. */
  kind: string;
  title: string;
  body: string;
  /** In-app path to the item, e.g. '/appeals/0190…'. */
  link?: string | null;
  /** When set, webhooks configured on this org or its ancestors also receive the notice. */
  orgPath?: string | null;
}

const hooksAt = prepared((d, p: { orgIds: string[] }) => d.selectFrom('webhooks').select(['id']).where('org_id', 'in', p.orgIds).where('enabled', '=', 1));

export async function notify(tx: Tx, notice: Notice): Promise<void> {
  const now = nowIso();
  const ids = [...new Set(notice.accountIds)];
  if (ids.length) {
    // One prepared insert per recipient: a notice usually goes to a handful of people.
    for (const accountId of ids) {
      await insertRow(tx, 'notifications', { id: newId(), account_id: accountId, kind: notice.kind, title: notice.title, body: notice.body, link: notice.link ?? null, created_at: now, read_at: null });
    }
  }
  if (notice.orgPath) {
    const orgIds = notice.orgPath.split('/').filter(Boolean);
    const hooks = await hooksAt.all(tx, { orgIds });
    if (hooks.length) {
      const payload = JSON.stringify({ title: notice.title, body: notice.body, link: notice.link ?? null });
      await tx
        .insertInto('webhook_outbox')
        .values(hooks.map((h) => ({ id: newId(), webhook_id: h.id, payload, attempts: 0, next_attempt_at: now, sent_at: null, last_error: null, created_at: now })))
        .execute();
    }
  }
}
