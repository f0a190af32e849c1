/**
 * Loading a file for an action: 404 when the caller may not know it exists, 403 when they may
 * see it but not do this. Shared by the intake, aftercare and assistance services.
 */
import { shanghaiDate } from '../../core/calendar/calendar.js';
import { forbidden, notFound } from '../../core/errors.js';
import type { Call, WriteCall } from '../../core/call.js';
import type { Tx } from '../../core/db/database.js';
import { holdersOf, type Notice } from '../../core/notify/index.js';
import { t } from '../../core/i18n/messages.js';
import { transition, type TransitionSpec } from '../../core/workflow/index.js';
import { relationTo, type Relation } from './hardship.policy.js';
import * as repo from './hardship.repository.js';

/** The timeline's kind; the audit log's entity type is the glossary name. */
export const KIND = 'hardship.profile';
export const ENTITY = 'hardshipProfile';

export const today = (call: Call) => shanghaiDate(call.now);

export async function load(db: Tx, call: Call, id: string): Promise<{ row: repo.ProfileRow; rel: Relation }> {
  const row = await repo.loadProfile(db, id);
  if (!row) throw notFound();
  const rel = relationTo(call.actor, row);
  if (!rel.sees) throw notFound();
  return { row, rel };
}

/** An officer's action: the household's own worker hears 403, everyone else 404. */
export async function asOfficer(call: WriteCall, id: string) {
  const l = await load(call.tx, call, id);
  if (!l.rel.officer) throw forbidden();
  return l;
}

export const move = (call: WriteCall, spec: Omit<TransitionSpec, 'kind' | 'table'>) => transition(call, { kind: KIND, table: 'hardship_profiles', ...spec });

export function notice(key: string, params: Record<string, unknown>, accountIds: string[], id: string, link = `/hardship/households/${id}`): Notice {
  return {
    accountIds,
    kind: `hardship.${key}`,
    title: t('zh-CN', `hardship.notice.${key}.title`, params),
    body: t('zh-CN', `hardship.notice.${key}.body`, params),
    link,
  };
}

/** The hardship officers of a file: its union's chair and staff. */
export async function officersOf(tx: Tx, orgPath: string, except?: string): Promise<string[]> {
  return (await holdersOf(tx, ['unionChair', 'unionStaff'], orgPath)).map((h) => h.accountId).filter((a) => a !== except);
}
