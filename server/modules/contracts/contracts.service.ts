/**
 * The contract's lifecycle: bargaining request (要约) and reply, negotiators, rounds, versioned
 * drafts, review and vote, signing, filing, effect and publication. Each action: load (404) →
 * relation (403) → status (409, through transition()), then change, event and audit in the
 * call's transaction. Clause monitoring lives in contracts.monitor.ts.
 */
import type { z } from 'zod';
import { CLAUSE_SOURCE_KIND, CONTRACT_SUBJECT_KIND } from '../../../common/contracts.js';
import type { CreateContractBody, NegotiatorsBody, RoundBody, VersionBody, VoteBody } from '../../../common/schemas/contracts.js';
import { recordAudit } from '../../core/audit/audit.js';
import type { Call, WriteCall } from '../../core/call.js';
import { addDays, shanghaiDate, workCalendar } from '../../core/calendar/calendar.js';
import { createDecidedItem } from '../../core/decidedItems/index.js';
import type { Db, Tx } from '../../core/db/database.js';
import { AppError, forbidden, invalid, notFound } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import { holdersOf } from '../../core/notify/index.js';
import { inScope, scopeOf } from '../../core/rbac/actor.js';
import { recordEvent, statusConflict, transition } from '../../core/workflow/index.js';
import { openSubjectVote, voteResultOf } from '../congress/index.js';
import { FILING_DAYS, legalDeadline, OBJECTION_DAYS, REPLY_DAYS, termEnd } from './contracts.clocks.js';
import { CM } from './contracts.messages.js';
import { assertManager, assertSigner, assertVisible, relationTo } from './contracts.policy.js';
import { cq, type ContractTable } from './contracts.tables.js';
import { publishContractNotice } from './contracts.notice.js';

export const CONTRACT_KIND_EVENT = 'contracts.contract';
const Ok = { ok: true as const };

export async function loadContract(call: Call, tx: Tx, id: string) {
  const c = await cq(tx).selectFrom('contracts').selectAll().where('id', '=', id).executeTakeFirst();
  if (!c) throw notFound();
  const rel = relationTo(call.actor, c);
  assertVisible(rel);
  return { c, rel };
}

const audit = (c: ContractTable, action: string) => ({ action, entityType: 'contract', entityId: c.id, orgId: c.org_id });
function notAfterToday(call: Call, field: string, date: string) {
  if (date > shanghaiDate(call.now)) throw invalid(field, CM['contracts.dateInFuture']);
}

export async function createContract(call: WriteCall, body: z.infer<typeof CreateContractBody>) {
  const manage = scopeOf(call.actor, 'contracts.manage');
  if (!manage.all && !manage.paths.length) throw forbidden();
  const org = await cq(call.tx).selectFrom('orgs').select(['id', 'path']).where('id', '=', body.orgId).executeTakeFirst();
  if (!org || !inScope(manage, org.path)) throw invalid('orgId', CM['contracts.orgUnknown']);
  notAfterToday(call, 'requestDate', body.requestDate);
  if (body.predecessorId) {
    const prev = await cq(call.tx).selectFrom('contracts').select('id').where('id', '=', body.predecessorId).where('org_id', '=', org.id).executeTakeFirst();
    if (!prev) throw invalid('predecessorId', CM['contracts.predecessorUnknown']);
  }
  const cal = await workCalendar(call.tx as unknown as Db, org.path);
  const id = newId();
  await cq(call.tx)
    .insertInto('contracts')
    .values({
      id,
      org_id: org.id,
      org_path: org.path,
      kind: body.kind,
      title: body.title,
      status: 'requested',
      predecessor_id: body.predecessorId ?? null,
      requested_by: body.requestedBy,
      request_date: body.requestDate,
      reply_due: legalDeadline(cal, body.requestDate, REPLY_DAYS),
      replied_date: null,
      term_years: body.termYears,
      current_version: 0,
      review_mode: null,
      congress_vote_id: null,
      vote_eligible: null,
      vote_for: null,
      vote_against: null,
      vote_abstain: null,
      signed_date: null,
      filing_due: null,
      received_date: null,
      objection_due: null,
      effective_date: null,
      published_date: null,
      starts_on: null,
      ends_on: null,
      created_at: call.iso,
      updated_at: call.iso,
    })
    .execute();
  await recordEvent(call, {
    kind: CONTRACT_KIND_EVENT,
    id,
    event: 'requested',
    to: 'requested',
    data: { requestedBy: body.requestedBy, requestDate: body.requestDate },
  });
  await recordAudit(call.tx, call.ctx, { action: 'contracts.request', entityType: 'contract', entityId: id, orgId: org.id, changes: body });
  return { id };
}

/** The other side's written reply: the 20-day clock stops; a late reply is still recorded (and counted late). */
export async function reply(call: WriteCall, id: string, repliedDate: string) {
  const { c, rel } = await loadContract(call, call.tx, id);
  assertManager(rel);
  if (repliedDate < c.request_date) throw invalid('repliedDate', CM['contracts.replyBeforeRequest']);
  notAfterToday(call, 'repliedDate', repliedDate);
  await transition(call, {
    kind: CONTRACT_KIND_EVENT,
    table: 'contracts',
    id,
    from: ['requested'],
    to: 'preparing',
    patch: { replied_date: repliedDate },
    event: 'replied',
    data: { repliedDate, late: repliedDate > c.reply_due },
    audit: audit(c, 'contracts.reply'),
  });
  return Ok;
}

/** Both sides name the same number of negotiators, each with exactly one chief (集体合同规定 §19–§20). */
export async function setNegotiators(call: WriteCall, id: string, body: z.infer<typeof NegotiatorsBody>) {
  const { c, rel } = await loadContract(call, call.tx, id);
  assertManager(rel);
  const side = (s: string) => body.negotiators.filter((n) => n.side === s);
  if (side('union').length !== side('employer').length) throw invalid('negotiators', CM['contracts.negotiatorsUnequal']);
  if (side('union').filter((n) => n.chief).length !== 1 || side('employer').filter((n) => n.chief).length !== 1)
    throw invalid('negotiators', CM['contracts.chiefOne']);
  const accountIds = body.negotiators.flatMap((n) => (n.accountId ? [n.accountId] : []));
  if (accountIds.length) {
    const known = new Set(
      (await cq(call.tx).selectFrom('accounts').select('id').where('id', 'in', accountIds).where('disabled', '=', 0).execute()).map((r) => r.id),
    );
    const bad = body.negotiators.findIndex((n) => n.accountId && !known.has(n.accountId));
    if (bad >= 0) throw invalid(`negotiators.${bad}.accountId`, CM['contracts.accountUnknown']);
  }
  // The team may change until the draft goes to review; the conditional update refuses it later.
  await transition(call, {
    kind: CONTRACT_KIND_EVENT,
    table: 'contracts',
    id,
    from: ['preparing', 'negotiating', 'drafted'],
    to: c.status,
    event: 'negotiators',
    data: { count: body.negotiators.length },
    audit: audit(c, 'contracts.negotiators'),
  });
  await cq(call.tx).deleteFrom('contract_negotiators').where('contract_id', '=', id).execute();
  await cq(call.tx)
    .insertInto('contract_negotiators')
    .values(
      body.negotiators.map((n) => ({ id: newId(), contract_id: id, side: n.side, name: n.name, account_id: n.accountId ?? null, chief: n.chief ? 1 : 0 })),
    )
    .execute();
  return Ok;
}

async function assertNegotiators(tx: Tx, id: string) {
  const n = await cq(tx)
    .selectFrom('contract_negotiators')
    .select(({ fn }) => fn.countAll<number>().as('n'))
    .where('contract_id', '=', id)
    .executeTakeFirstOrThrow();
  if (!Number(n.n)) throw invalid('negotiators', CM['contracts.negotiatorsMissing']);
}

export async function addRound(call: WriteCall, id: string, body: z.infer<typeof RoundBody>) {
  const { c, rel } = await loadContract(call, call.tx, id);
  assertManager(rel);
  notAfterToday(call, 'heldDate', body.heldDate);
  await transition(call, {
    kind: CONTRACT_KIND_EVENT,
    table: 'contracts',
    id,
    from: ['preparing', 'negotiating', 'drafted'],
    to: c.status === 'drafted' ? 'drafted' : 'negotiating',
    event: 'round',
    data: { heldDate: body.heldDate, agreed: body.positions.filter((p) => p.agreed).length, open: body.positions.filter((p) => !p.agreed).length },
    audit: audit(c, 'contracts.round'),
  });
  await assertNegotiators(call.tx, id);
  const last = await cq(call.tx)
    .selectFrom('contract_rounds')
    .select(({ fn }) => fn.max('seq').as('seq'))
    .where('contract_id', '=', id)
    .executeTakeFirst();
  const roundId = newId();
  await cq(call.tx)
    .insertInto('contract_rounds')
    .values({ id: roundId, contract_id: id, seq: Number(last?.seq ?? 0) + 1, held_date: body.heldDate, minutes: body.minutes, created_at: call.iso })
    .execute();
  if (body.positions.length) {
    await cq(call.tx)
      .insertInto('contract_positions')
      .values(
        body.positions.map((p, i) => ({
          round_id: roundId,
          seq: i + 1,
          topic: p.topic,
          category: p.category,
          union_position: p.unionPosition,
          employer_position: p.employerPosition,
          agreed: p.agreed ? 1 : 0,
        })),
      )
      .execute();
  }
  return { id: roundId };
}

/** A new version of the whole draft; the previous versions stay for the diff. */
export async function saveVersion(call: WriteCall, id: string, body: z.infer<typeof VersionBody>) {
  const { c, rel } = await loadContract(call, call.tx, id);
  assertManager(rel);
  const seen = new Set<number>();
  body.clauses.forEach((cl, i) => {
    if (seen.has(cl.number)) throw invalid(`clauses.${i}.number`, CM['contracts.clauseNumberTwice']);
    seen.add(cl.number);
    if (cl.promise && !cl.ownerOrgId) throw invalid(`clauses.${i}.ownerOrgId`, CM['contracts.ownerOrgMissing']);
  });
  const owners = [...new Set(body.clauses.flatMap((cl) => (cl.ownerOrgId ? [cl.ownerOrgId] : [])))];
  if (owners.length) {
    const inside = new Set(
      (await cq(call.tx).selectFrom('orgs').select(['id', 'path']).where('id', 'in', owners).execute())
        .filter((o) => o.path.startsWith(c.org_path))
        .map((o) => o.id),
    );
    const bad = body.clauses.findIndex((cl) => cl.ownerOrgId && !inside.has(cl.ownerOrgId));
    if (bad >= 0) throw invalid(`clauses.${bad}.ownerOrgId`, CM['contracts.ownerOrgUnknown']);
  }
  const version = c.current_version + 1;
  await transition(call, {
    kind: CONTRACT_KIND_EVENT,
    table: 'contracts',
    id,
    from: ['preparing', 'negotiating', 'drafted'],
    to: 'drafted',
    patch: { current_version: version },
    event: 'version',
    data: { version, clauses: body.clauses.length },
    audit: audit(c, 'contracts.version'),
  });
  await assertNegotiators(call.tx, id);
  await cq(call.tx)
    .insertInto('contract_versions')
    .values({ contract_id: id, version, note: body.note ?? null, created_by: call.actor.accountId, created_at: call.iso })
    .execute();
  await cq(call.tx)
    .insertInto('contract_clauses')
    .values(
      body.clauses.map((cl) => ({
        id: newId(),
        contract_id: id,
        version,
        chapter: cl.chapter,
        number: cl.number,
        category: cl.category,
        text: cl.text,
        promise: cl.promise ? 1 : 0,
        owner_org_id: cl.ownerOrgId ?? null,
        decided_item_id: null,
      })),
    )
    .execute();
  return { id, version };
}

/**
 * The draft goes to review: to the workers' congress as a vote opened in a sitting session of a
 * congress of the contract's org or above it (the congress module counts it: more than half of
 * ALL representatives), or — where there is no congress — to a vote of all workers whose tally
 * the union records.
 */
export async function submitForReview(call: WriteCall, id: string, body: { mode: 'congress' | 'allWorkers'; sessionId?: string }) {
  const { c, rel } = await loadContract(call, call.tx, id);
  assertManager(rel);
  let voteId: string | null = null;
  if (body.mode === 'congress') {
    if (!body.sessionId) throw invalid('sessionId', CM['contracts.sessionMissing']);
    await transition(call, {
      kind: CONTRACT_KIND_EVENT,
      table: 'contracts',
      id,
      from: ['drafted'],
      to: 'drafted',
      event: 'toCongress',
      audit: audit(c, 'contracts.submit'),
    });
    const opened = await openSubjectVote(call, {
      sessionId: body.sessionId,
      subject: { kind: CONTRACT_SUBJECT_KIND, id, label: `${c.title}（第${c.current_version}稿）` },
      title: `审议通过《${c.title}》草案`,
    }).catch((e: unknown) => {
      if (e instanceof AppError && e.status === 404) throw invalid('sessionId', CM['contracts.sessionUnknown']);
      throw e;
    });
    const result = await voteResultOf(call.tx as unknown as Db, opened.id);
    const org = result && (await cq(call.tx).selectFrom('orgs').select('path').where('id', '=', result.orgId).executeTakeFirst());
    // A congress of another org cannot approve this contract; throwing also rolls the opened vote back.
    if (!org || !c.org_path.startsWith(org.path)) throw invalid('sessionId', CM['contracts.sessionUnknown']);
    voteId = opened.id;
  }
  await transition(call, {
    kind: CONTRACT_KIND_EVENT,
    table: 'contracts',
    id,
    from: ['drafted'],
    to: 'underReview',
    patch: { review_mode: body.mode, congress_vote_id: voteId },
    event: 'submitted',
    data: { mode: body.mode, version: c.current_version, congressVoteId: voteId },
    ...(voteId ? {} : { audit: audit(c, 'contracts.submit') }),
  });
  return Ok;
}

/** The congress closed its vote: passed → approved, otherwise back to draft. Only the congress's count decides. */
export async function takeCongressResult(call: WriteCall, id: string) {
  const { c, rel } = await loadContract(call, call.tx, id);
  assertManager(rel);
  if (c.status !== 'underReview' || c.review_mode !== 'congress' || !c.congress_vote_id) throw statusConflict();
  const r = await voteResultOf(call.tx as unknown as Db, c.congress_vote_id);
  if (!r || r.status !== 'closed') throw new AppError(409, 'conflict', CM['contracts.voteOpen'], {}, [{ field: 'status', message: CM['contracts.voteOpen'] }]);
  await transition(call, {
    kind: CONTRACT_KIND_EVENT,
    table: 'contracts',
    id,
    from: ['underReview'],
    to: r.passed ? 'approved' : 'drafted',
    patch: { vote_eligible: r.representatives, vote_for: r.for, vote_against: r.against, vote_abstain: r.abstain },
    event: r.passed ? 'approved' : 'rejected',
    data: { mode: 'congress', congressVoteId: r.id, for: r.for, against: r.against, abstain: r.abstain, representatives: r.representatives, passed: r.passed },
    audit: audit(c, 'contracts.vote'),
  });
  return { passed: !!r.passed };
}

/**
 * The tally of a vote of all workers: passed with more than half of ALL eligible voters (not of
 * those who voted). Passed → approved; failed → back to draft for another version.
 */
export async function recordVote(call: WriteCall, id: string, body: z.infer<typeof VoteBody>) {
  const { c, rel } = await loadContract(call, call.tx, id);
  assertManager(rel);
  if (c.status === 'underReview' && c.review_mode !== 'allWorkers') throw statusConflict();
  if (body.for + body.against + body.abstain > body.eligible) throw invalid('eligible', CM['contracts.voteCounts']);
  const passed = body.for * 2 > body.eligible;
  await transition(call, {
    kind: CONTRACT_KIND_EVENT,
    table: 'contracts',
    id,
    from: ['underReview'],
    to: passed ? 'approved' : 'drafted',
    patch: { vote_eligible: body.eligible, vote_for: body.for, vote_against: body.against, vote_abstain: body.abstain },
    event: passed ? 'approved' : 'rejected',
    data: { ...body, passed, version: c.current_version },
    audit: audit(c, 'contracts.vote'),
  });
  return { passed };
}

export async function sign(call: WriteCall, id: string, signedDate: string) {
  const { c, rel } = await loadContract(call, call.tx, id);
  assertSigner(rel);
  notAfterToday(call, 'signedDate', signedDate);
  // Records are often entered after the fact, so the date is checked against the request, not the clock of the vote.
  if (signedDate < c.request_date) throw invalid('signedDate', CM['contracts.signedBeforeApproval']);
  const cal = await workCalendar(call.tx as unknown as Db, c.org_path);
  const filingDue = legalDeadline(cal, signedDate, FILING_DAYS);
  await transition(call, {
    kind: CONTRACT_KIND_EVENT,
    table: 'contracts',
    id,
    from: ['approved'],
    to: 'signed',
    patch: { signed_date: signedDate, filing_due: filingDue },
    event: 'signed',
    data: { signedDate, filingDue },
    audit: audit(c, 'contracts.sign'),
  });
  return Ok;
}

/** Filed: the date the labour administration received the text starts its 15 days. */
export async function file(call: WriteCall, id: string, receivedDate: string) {
  const { c, rel } = await loadContract(call, call.tx, id);
  assertManager(rel);
  notAfterToday(call, 'receivedDate', receivedDate);
  if (c.signed_date && receivedDate < c.signed_date) throw invalid('receivedDate', CM['contracts.receivedBeforeSigned']);
  const cal = await workCalendar(call.tx as unknown as Db, c.org_path);
  const objectionDue = legalDeadline(cal, receivedDate, OBJECTION_DAYS);
  await transition(call, {
    kind: CONTRACT_KIND_EVENT,
    table: 'contracts',
    id,
    from: ['signed'],
    to: 'filed',
    patch: { received_date: receivedDate, objection_due: objectionDue },
    event: 'filed',
    data: { receivedDate, objectionDue, late: receivedDate > (c.filing_due ?? receivedDate) },
    audit: audit(c, 'contracts.file'),
  });
  return Ok;
}

/** The administration objected: the parties renegotiate the text (a new version, a new vote). */
export async function objection(call: WriteCall, id: string, reason: string) {
  const { c, rel } = await loadContract(call, call.tx, id);
  assertManager(rel);
  await transition(call, {
    kind: CONTRACT_KIND_EVENT,
    table: 'contracts',
    id,
    from: ['filed'],
    to: 'drafted',
    patch: { signed_date: null, filing_due: null, received_date: null, objection_due: null },
    event: 'objection',
    data: { reason },
    audit: audit(c, 'contracts.objection'),
  });
  return Ok;
}

/**
 * No objection within 15 days of receipt: effective the day after. Each promise clause of the
 * signed version becomes a decided item owned by a handler of its owner department, due at the
 * term's end.
 */
export async function makeEffective(call: WriteCall, id: string, startsOn: string | undefined) {
  const { c, rel } = await loadContract(call, call.tx, id);
  assertManager(rel);
  if (c.status === 'filed' && c.objection_due && shanghaiDate(call.now) <= c.objection_due) throw invalid('objectionDue', CM['contracts.objectionPending']);
  const effective = c.objection_due ? addDays(c.objection_due, 1) : shanghaiDate(call.now);
  const start = startsOn ?? effective;
  if (start < effective) throw invalid('startsOn', CM['contracts.startsOn']);
  const end = termEnd(start, c.term_years);
  await transition(call, {
    kind: CONTRACT_KIND_EVENT,
    table: 'contracts',
    id,
    from: ['filed'],
    to: 'effective',
    patch: { effective_date: effective, starts_on: start, ends_on: end },
    event: 'effective',
    data: { effectiveDate: effective, startsOn: start, endsOn: end },
    audit: audit(c, 'contracts.effective'),
  });
  const clauses = await cq(call.tx)
    .selectFrom('contract_clauses as cl')
    .innerJoin('orgs as o', 'o.id', 'cl.owner_org_id')
    .select(['cl.id', 'cl.number', 'cl.text', 'cl.owner_org_id', 'o.path'])
    .where('cl.contract_id', '=', id)
    .where('cl.version', '=', c.current_version)
    .where('cl.promise', '=', 1)
    .orderBy('cl.number')
    .execute();
  for (const cl of clauses) {
    const owner = (await holdersOf(call.tx, ['handler'], cl.path))[0];
    if (!owner) throw invalid(`clauses.${cl.number}.ownerOrgId`, CM['contracts.ownerNoHandler']);
    const item = await createDecidedItem(call, {
      source: { kind: CLAUSE_SOURCE_KIND, id: cl.id, label: `${c.title} 第${cl.number}条`, public: true },
      title: `第${cl.number}条 ${cl.text.slice(0, 60)}`,
      orgId: cl.owner_org_id!,
      ownerAccountId: owner.accountId,
      dueDate: end,
    });
    await cq(call.tx).updateTable('contract_clauses').set({ decided_item_id: item.id }).where('id', '=', cl.id).execute();
  }
  return Ok;
}

export async function publish(call: WriteCall, id: string) {
  await publishWithNotice(call, id);
  return Ok;
}

/** The publication and its 厂务公开 notice, whose id the demo needs to have workers read it. */
export async function publishWithNotice(call: WriteCall, id: string): Promise<{ noticeId: string }> {
  const { c, rel } = await loadContract(call, call.tx, id);
  assertManager(rel);
  await transition(call, {
    kind: CONTRACT_KIND_EVENT,
    table: 'contracts',
    id,
    from: ['effective'],
    to: 'published',
    patch: { published_date: shanghaiDate(call.now) },
    event: 'published',
    audit: audit(c, 'contracts.publish'),
  });
  return { noticeId: (await publishContractNotice(call, c, c.starts_on!, c.ends_on!)).id };
}
