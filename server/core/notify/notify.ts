/**
 * The one way modules tell people something: an in-app inbox row per account and, when
 * the org (or an ancestor) has a group-robot webhook, an outbox row delivered by a job.
 * Takes the caller's transaction, so a notice exists exactly when the change it reports does.
 */
import type { Tx } from '../db/database.js';
import { insertRow, prepared } from '../db/prepared.js';
import { newId, nowIso } from '../ids.js';
import { DEFAULT_ROBOT_EVENTS } from '../../../common/schemas/notify.js';

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

const hooksAt = prepared((d, p: { orgIds: string[] }) =>
  d.selectFrom('webhooks').select(['id', 'url', 'events']).where('org_id', 'in', p.orgIds).where('enabled', '=', 1).orderBy('created_at').orderBy('id'),
);

/** The notice kinds a stored webhook receives; rows from before the choice existed get what they always got. */
export const robotEventsOf = (h: { events?: string | null }): string[] => (h.events ? (JSON.parse(h.events) as string[]) : [...DEFAULT_ROBOT_EVENTS]);

/**
 * The robots a notice goes to: those that take its kind, and each robot URL once — the same
 * group robot set on a unit and on its parent would otherwise get every notice twice.
 */
export function robotsFor<H extends { id: string; url: string; events?: string | null }>(hooks: readonly H[], kind: string): H[] {
  const seen = new Set<string>();
  return hooks.filter((h) => {
    if (!robotEventsOf(h).includes(kind)) return false;
    if (seen.has(h.url)) return false;
    seen.add(h.url);
    return true;
  });
}

export async function notify(tx: Tx, notice: Notice): Promise<void> {
  const now = nowIso();
  const ids = [...new Set(notice.accountIds)];
  if (ids.length) {
    // One prepared insert per recipient: a notice usually goes to a handful of people.
    for (const accountId of ids) {
      await insertRow(tx, 'notifications', {
        id: newId(),
        account_id: accountId,
        kind: notice.kind,
        title: notice.title,
        body: notice.body,
        link: notice.link ?? null,
        created_at: now,
        read_at: null,
      });
    }
  }
  if (notice.orgPath) {
    const orgIds = notice.orgPath.split('/').filter(Boolean);
    const hooks = robotsFor(await hooksAt.all(tx, { orgIds }), notice.kind);
    if (hooks.length) {
      const payload = JSON.stringify({ title: notice.title, body: notice.body, link: notice.link ?? null });
      await tx
        .insertInto('webhook_outbox')
        .values(
          hooks.map((h) => ({ id: newId(), webhook_id: h.id, payload, attempts: 0, next_attempt_at: now, sent_at: null, last_error: null, created_at: now })),
        )
        .execute();
    }
  }
}
