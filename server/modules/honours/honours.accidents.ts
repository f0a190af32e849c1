/** Safety accidents the union records for a unit: one of the disqualifiers reads them. */
import type { z } from 'zod';
import { ACCIDENT_SEVERITIES, HONOURS_PERMISSIONS as P } from '../../../common/honours.js';
import type { AccidentBody } from '../../../common/schemas/honours.js';
import type { Call, WriteCall } from '../../core/call.js';
import { recordAudit } from '../../core/audit/audit.js';
import { shanghaiDate } from '../../core/calendar/calendar.js';
import { invalid } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import { inScope, scopeOf } from '../../core/rbac/actor.js';
import { pathInScope } from '../../core/rbac/scope-sql.js';
import { HM } from './honours.messages.js';
import { assertHolds } from './honours.policy.js';
import { hq } from './honours.tables.js';

export async function recordAccident(call: WriteCall, body: z.infer<typeof AccidentBody>) {
  assertHolds(call.actor, P.manage);
  const org = await hq(call.tx).selectFrom('orgs').select(['id', 'path']).where('id', '=', body.orgId).executeTakeFirst();
  if (!org || !inScope(scopeOf(call.actor, P.manage), org.path)) throw invalid('orgId', HM['honours.orgUnknown']);
  if (body.occurredOn > shanghaiDate(call.now)) throw invalid('occurredOn', HM['honours.occurredInFuture']);
  const id = newId();
  await hq(call.tx)
    .insertInto('honour_safety_accidents')
    .values({
      id,
      org_id: org.id,
      org_path: org.path,
      occurred_on: body.occurredOn,
      severity: body.severity,
      description: body.description,
      recorded_by: call.actor.accountId,
      created_at: call.iso,
    })
    .execute();
  await recordAudit(call.tx, call.ctx, {
    action: 'honours.accident',
    entityType: 'safetyAccident',
    entityId: id,
    orgId: org.id,
    changes: { occurredOn: body.occurredOn, severity: body.severity },
  });
  return { id };
}

export async function listAccidents(call: Call) {
  const scope = scopeOf(call.actor, P.read);
  const rows = await hq(call.db)
    .selectFrom('honour_safety_accidents as a')
    .innerJoin('orgs as o', 'o.id', 'a.org_id')
    .select(['a.id', 'a.org_id', 'o.name as org_name', 'a.occurred_on', 'a.severity', 'a.description'])
    .where((eb) => pathInScope(eb, 'a.org_path', scope))
    .orderBy('a.occurred_on', 'desc')
    .limit(500)
    .execute();
  return {
    items: rows.map((r) => ({
      id: r.id,
      orgId: r.org_id,
      orgName: r.org_name,
      occurredOn: r.occurred_on,
      severity: r.severity as (typeof ACCIDENT_SEVERITIES)[number],
      description: r.description,
    })),
  };
}
