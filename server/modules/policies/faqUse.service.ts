/**
 * A worker's use of an FAQ entry, counted on the day it happened: opening an entry is a view,
 * 「这条解答了我的问题」 a deflection (a question not sent; it implies the entry was read, so it is a
 * view too). Once per worker, entry and day — a refresh is not a view. A count needs no name: the
 * row keeps the day and the worker's unit; the key that deduplicates the day is a hash, cleared
 * the next day (job `policies.forgetViewers`). Staff reading the FAQ are not counted.
 */
import { keyedHash } from '../../core/secrets.js';
import type { Call, WriteCall } from '../../core/call.js';
import { forbidden, notFound } from '../../core/errors.js';
import { orgContext } from '../../core/org/context.js';
import { hasPermission } from '../../core/rbac/actor.js';
import { shanghaiDate } from '../../core/calendar/calendar.js';
import { UNIT_KINDS } from '../../../common/appeals.js';
import { POLICY_PERMISSIONS } from '../../../common/policies.js';
import type { FaqUse, FaqUseKind, FaqUseQuery } from '../../../common/schemas/policies.js';
import type { QuestionTopic } from '../../../common/policies.js';
import { answerScope, reaches, readReach } from './policies.policy.js';
import { countDeflection, faqById, personOfAccount } from './policies.repository.js';
import { listUses, recordUse } from './faqUse.repository.js';

/** The unit a worker's use is counted at, or null for a caller who is no worker (who may not ask). */
async function workerUnit(call: WriteCall): Promise<string | null> {
  const person = call.actor.personId ? await personOfAccount(call.tx, call.actor.personId) : undefined;
  if (!person || !hasPermission(call.actor, POLICY_PERMISSIONS.ask, person.org_path)) return null;
  const chain = await orgContext(call.tx, person.org_path);
  if (!chain) return null;
  return (chain.nearest((o) => UNIT_KINDS.includes(o.kind)) ?? chain.chain[0]).id;
}

// Keyed by the server's secret (core/secrets.ts): a plain sha256 of (account, entry, day) could be recomputed by
// anyone holding the database and its accounts table, naming whose view a row was until the key is cleared.
const viewerKey = (accountId: string, faqId: string, day: string) => keyedHash('policies.faqViewer', `${accountId}\n${faqId}\n${day}`);

async function loadFaq(call: WriteCall, id: string) {
  const f = await faqById(call.tx, id);
  if (!f || f.status !== 'published' || !reaches(readReach(call.actor), f.library_path)) throw notFound();
  return f;
}

async function use(call: WriteCall, faqId: string, kind: FaqUseKind): Promise<boolean> {
  const orgId = await workerUnit(call);
  if (!orgId) return false;
  const day = shanghaiDate(call.now);
  return recordUse(call.tx, { faqId, kind, day, orgId, viewerKey: viewerKey(call.actor.accountId, faqId, day) });
}

/** The entry was opened; counted once per worker and day. */
export async function view(call: WriteCall, id: string): Promise<{ counted: boolean }> {
  await loadFaq(call, id);
  return { counted: await use(call, id, 'view') };
}

/** A worker found the answer in this entry and did not send a question: a deflection on this day (and a view). */
export async function deflect(call: WriteCall, id: string): Promise<{ deflections: number }> {
  const f = await loadFaq(call, id);
  await use(call, id, 'view');
  if (!(await use(call, id, 'deflect'))) return { deflections: f.deflections };
  // The entry's running total orders the FAQ list (most helpful first).
  await countDeflection(call.tx, id);
  return { deflections: f.deflections + 1 };
}

/** The uses behind the FAQ figures, for those who answer questions: day, entry and unit, never who. */
export async function uses(call: Call, q: FaqUseQuery) {
  const scope = answerScope(call.actor);
  // Only those who answer questions read the FAQ's use; anyone else is refused rather than shown an empty list.
  if (!scope.all && !scope.paths.length) throw forbidden();
  const { rows, total, totalCapped, nextCursor } = await listUses(call.db, scope, q);
  const items: FaqUse[] = rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    day: r.day,
    faqId: r.faq_id,
    faqTitle: r.faq_title ?? '',
    topic: r.topic as QuestionTopic,
    unitName: r.unit_name,
  }));
  return { items, total, totalCapped, nextCursor, page: q.page, pageSize: q.pageSize };
}
