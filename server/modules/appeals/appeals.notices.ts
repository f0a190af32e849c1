/**
 * Who hears about an appeal, and in what words. Every notice goes through core notify()
 * inside the caller's transaction. Notices carry the appeal's number and title, never its
 * author: a handler's inbox must not say who wrote an anonymous appeal.
 */
import type { Tx } from '../../core/db/database.js';
import { notify } from '../../core/notify/notify.js';
import { t } from '../../core/i18n/messages.js';
import { granteesOn } from '../../core/notify/recipients.js';
import { ancestorIds } from '../../core/org/lookups.js';

/** Union staff (or chairs) holding the role on the org or one of its ancestors. */
export async function unionPeople(tx: Tx, orgPath: string, roles: ('unionStaff' | 'unionChair')[]): Promise<string[]> {
  return [...new Set((await granteesOn(tx, roles, ancestorIds(orgPath))).map((g) => g.account_id))];
}

/**
 * Handlers of a department: those granted on the department itself or, failing that, on
 * its nearest ancestor that has any — not every handler of the whole group.
 */
export async function handlersOf(tx: Tx, departmentPath: string): Promise<string[]> {
  const rows = await granteesOn(tx, ['handler'], ancestorIds(departmentPath));
  if (!rows.length) return [];
  const deepest = Math.max(...rows.map((r) => r.depth));
  return [...new Set(rows.filter((r) => r.depth === deepest).map((r) => r.account_id))];
}

export type NoticeKind =
  | 'new'
  | 'accepted'
  | 'declined'
  | 'assigned'
  | 'answered'
  /** Robots only: the answered notice without the author's words. */
  | 'answeredRobot'
  | 'reopened'
  | 'merged'
  | 'revealed'
  | 'supervised'
  | 'extensionRequested'
  | 'extensionApproved'
  | 'extensionRejected'
  | 'reminder'
  | 'dueToday'
  | 'overdue'
  | 'groupAlert';

export async function send(
  tx: Tx,
  kind: NoticeKind,
  accountIds: (string | null | undefined)[],
  params: Record<string, unknown>,
  link: string,
  orgPath?: string | null,
): Promise<void> {
  const ids = accountIds.filter((x): x is string => !!x);
  if (!ids.length && !orgPath) return;
  await notify(tx, {
    accountIds: ids,
    kind: `appeal.${kind === 'answeredRobot' ? 'answered' : kind}`,
    title: t('zh-CN', `appeals.notice.${kind}.title`, params),
    body: t('zh-CN', `appeals.notice.${kind}.body`, params),
    link,
    orgPath: orgPath ?? null,
  });
}

export const appealLink = (id: string) => `/appeals/${id}`;
export const alertLink = (id: string) => `/appeals/group-alerts/${id}`;
