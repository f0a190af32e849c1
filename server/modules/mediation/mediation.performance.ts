/**
 * An agreement's performance (履行) as a decided item of core (督办事项): the performance
 * deadline is its due date; it is owned by the handler of the respondent's department that
 * pays, or else by the committee's union side. Payments move it (part
 * paid → progress, fully paid → done); its overdue state, set by core's due sweep, comes back
 * to the case page as 「逾期未履行」. An unpaid wage agreement also reminds the worker of the
 * payment order route (支付令, 调解仲裁法 §16).
 */
import type { WriteCall } from '../../core/call.js';
import type { Db, Tx } from '../../core/db/database.js';
import { createDecidedItem, decidedItemsOf, followSource } from '../../core/decidedItems/index.js';
import { addDays, shanghaiDate } from '../../core/calendar/calendar.js';
import { invalid } from '../../core/errors.js';
import { t } from '../../core/i18n/messages.js';
import { hasPermission } from '../../core/rbac/actor.js';
import { holdersOf, notify, notifyOnce } from '../../core/notify/index.js';
import { MEDIATION_PERMISSIONS as P, PAYMENT_ORDER_CLAIMS, type ClaimType } from '../../../common/mediation.js';
import type { CaseDetail } from '../../../common/schemas/mediation.js';
import { MM } from './mediation.messages.js';
import { accountsOfPerson } from './mediation.repository.js';
import { mdb } from './mediation.tables.js';

export const PERFORMANCE_SOURCE = 'mediation.agreement';

interface AgreedCase {
  id: string;
  code: string;
  org_id: string;
  org_path: string;
  respondent: string;
}

/** The department's nearest handler (an ancestor's grant reaches it too). */
async function handlerOf(tx: Tx, path: string): Promise<string | null> {
  const nearest = (await holdersOf(tx, ['handler'], path)).sort((a, b) => (b.orgPath ?? '').length - (a.orgPath ?? '').length)[0];
  return nearest?.accountId ?? null;
}

/**
 * The committee's owner when no department carries it: the union side who recorded the agreement,
 * else (a mediator recorded it) the union chair, who chairs the committee — the decided-item board
 * is the union side's, a mediator does not sit at it.
 */
async function committeeOwner(call: WriteCall, orgPath: string): Promise<string> {
  if (hasPermission(call.actor, P.oversee, orgPath)) return call.actor.accountId;
  const chair = (await holdersOf(call.tx, ['unionChair'], orgPath)).sort((a, b) => (b.orgPath ?? '').length - (a.orgPath ?? '').length)[0];
  return chair?.accountId ?? call.actor.accountId;
}

export async function trackPerformance(
  call: WriteCall,
  c: AgreedCase,
  a: { performanceDue: string; agreedAmount: number; respondentOrgId?: string },
): Promise<void> {
  let orgId = c.org_id;
  let owner: string | null = null;
  if (a.respondentOrgId) {
    const dept = await call.tx.selectFrom('orgs').select(['id', 'path']).where('id', '=', a.respondentOrgId).executeTakeFirst();
    // Only a department within the committee's own reach: another union's org reads as unknown.
    if (!dept || !(hasPermission(call.actor, P.oversee, dept.path) || hasPermission(call.actor, P.mediate, dept.path)))
      throw invalid('body.respondentOrgId', MM['mediation.respondentOrgUnknown']);
    orgId = dept.id;
    owner = await handlerOf(call.tx, dept.path);
  }
  owner ??= await committeeOwner(call, c.org_path);
  const { id } = await createDecidedItem(call, {
    // Not public: the case is confidential to the committee and the parties.
    source: { kind: PERFORMANCE_SOURCE, id: c.id, label: t('zh-CN', 'mediation.performance.label', { code: c.code }), public: false },
    title: t('zh-CN', 'mediation.performance.title', { respondent: c.respondent, amount: a.agreedAmount, due: a.performanceDue }),
    orgId,
    ownerAccountId: owner,
    dueDate: a.performanceDue,
  });
  if (owner !== call.actor.accountId) {
    await notify(call.tx, {
      accountIds: [owner],
      kind: 'mediation.performance',
      title: t('zh-CN', 'mediation.notice.performance.title', { code: c.code }),
      body: t('zh-CN', 'mediation.notice.performance.body', { respondent: c.respondent, amount: a.agreedAmount, due: a.performanceDue }),
      link: `/decided-items/${id}`,
    });
  }
}

/** After a payment: the share paid is the item's progress; paid in full (or marked complete) closes it. */
export function followPayments(call: WriteCall, caseId: string, paidCents: number, agreedCents: number, done: boolean): Promise<void> {
  const progress = agreedCents > 0 ? (paidCents * 100) / agreedCents : 0;
  return followSource(
    call,
    { kind: PERFORMANCE_SOURCE, id: caseId },
    { progress, done, note: t('zh-CN', 'mediation.performance.paid', { paid: paidCents / 100, agreed: agreedCents / 100 }) },
  );
}

export async function performanceOf(db: Tx, caseId: string): Promise<CaseDetail['performance']> {
  const [item] = await decidedItemsOf(db, { kind: PERFORMANCE_SOURCE, id: caseId });
  return item ? { itemId: item.id, status: item.status, progress: item.progress, dueDate: item.dueDate, ownerName: item.ownerName } : null;
}

/** A wage agreement whose deadline passed unpaid: the worker may ask the court for a payment order. */
export function paymentOrderDue(
  row: { status: string; performance_due: string | null; paid_cents: number; agreed_cents: number | null },
  types: readonly ClaimType[],
  today: string,
): boolean {
  return (
    types.some((x) => PAYMENT_ORDER_CLAIMS.includes(x)) &&
    row.status === 'agreed' &&
    row.performance_due !== null &&
    row.performance_due < today &&
    Number(row.paid_cents) < Number(row.agreed_cents ?? 0)
  );
}

/**
 * Job: tell each worker once, the day after their wage agreement's deadline passes unpaid, of
 * the payment order route (a sweep over the last week's deadlines). The key carries the deadline, so a changed deadline is told again.
 */
export async function tellPaymentOrder(db: Db, now: Date): Promise<number> {
  const today = shanghaiDate(now);
  const rows = await mdb(db)
    .selectFrom('mediation_cases as c')
    .select(['c.id', 'c.code', 'c.applicant_person_id', 'c.performance_due', 'c.agreed_cents', 'c.paid_cents'])
    .where('c.status', '=', 'agreed')
    .where('c.performance_due', '<', today)
    // A week back is enough for an hourly job that missed some runs; older cases were told already.
    .where('c.performance_due', '>=', addDays(today, -8))
    .where((eb) => eb('c.paid_cents', '<', eb.ref('c.agreed_cents')))
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('mediation_claims as k')
          .select('k.id')
          .whereRef('k.case_id', '=', 'c.id')
          .where('k.type', 'in', [...PAYMENT_ORDER_CLAIMS]),
      ),
    )
    .orderBy('c.performance_due')
    .execute();
  let told = 0;
  for (const c of rows) {
    const params = { code: c.code, due: c.performance_due, unpaid: (Number(c.agreed_cents) - Number(c.paid_cents)) / 100 };
    const sent = await db.transaction().execute(async (tx) =>
      notifyOnce(tx, `mediation.paymentOrder:${c.id}:${c.performance_due}`, {
        accountIds: await accountsOfPerson(tx, c.applicant_person_id),
        kind: 'mediation.paymentOrder',
        title: t('zh-CN', 'mediation.notice.paymentOrder.title', params),
        body: t('zh-CN', 'mediation.notice.paymentOrder.body', params),
        link: `/mediation/cases/${c.id}`,
      }),
    );
    if (sent) told++;
  }
  return told;
}
