/**
 * Editing an honour's criteria after it is declared (评选条件修改): the words, the scored and checked
 * items and the pass mark may change until assessment starts — once any nomination has been assessed
 * or decided against them, changing them would judge teams by different rules, so it is a 409 naming
 * `criteriaItems`. Every edit is audited with what it changed.
 */
import type { z } from 'zod';
import type { EditCriteriaBody } from '../../../common/schemas/honours.js';
import { HONOURS_PERMISSIONS as P } from '../../../common/honours.js';
import { diff, recordAudit } from '../../core/audit/audit.js';
import { AppError, notFound } from '../../core/errors.js';
import { inScope, scopeOf } from '../../core/rbac/actor.js';
import { assertHolds } from './honours.policy.js';
import type { WriteCall } from '../../core/call.js';
import { checkedCriteria } from './honours.assessment.js';
import { HM } from './honours.messages.js';
import { hq } from './honours.tables.js';

/** Statuses a nomination reaches only by a review under the criteria. */
const JUDGED = ['recommended', 'rejected', 'awarded', 'published', 'revoked'];

export async function editCriteria(call: WriteCall, honourId: string, body: z.infer<typeof EditCriteriaBody>): Promise<{ id: string }> {
  assertHolds(call.actor, P.manage);
  const h = await hq(call.tx)
    .selectFrom('honours')
    .select(['id', 'org_id', 'org_path', 'criteria', 'criteria_items', 'pass_score'])
    .where('id', '=', honourId)
    .executeTakeFirst();
  if (!h || !inScope(scopeOf(call.actor, P.manage), h.org_path)) throw notFound();
  const started = await hq(call.tx)
    .selectFrom('honour_nominations')
    .select('id')
    .where('honour_id', '=', honourId)
    .where((eb) => eb.or([eb('assessment_total', 'is not', null), eb('status', 'in', JUDGED)]))
    .limit(1)
    .executeTakeFirst();
  if (started)
    throw new AppError(409, 'conflict', HM['honours.criteriaLocked'], undefined, [{ field: 'criteriaItems', message: HM['honours.criteriaLocked'] }]);
  const { items, passScore } = checkedCriteria(body);
  const next = { criteria: body.criteria, criteria_items: JSON.stringify(items), pass_score: passScore };
  await hq(call.tx)
    .updateTable('honours')
    .set({ ...next, updated_at: call.iso })
    .where('id', '=', honourId)
    .execute();
  await recordAudit(call.tx, call.ctx, {
    action: 'honours.criteriaEdit',
    entityType: 'honour',
    entityId: honourId,
    orgId: h.org_id,
    changes: diff({ criteria: h.criteria, criteria_items: h.criteria_items, pass_score: h.pass_score }, next),
  });
  return { id: honourId };
}
