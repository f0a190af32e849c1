/**
 * Reads: the union's contract list with its clocks (filters are also the indicators' drills),
 * one contract in full, the diff of two versions, the published list and text for workers.
 */
import type { ExpressionBuilder } from 'kysely';
import {
  RENEWAL_WINDOW_DAYS,
  type ClauseCategory,
  type ContractKind,
  type ContractSide,
  type ContractStatus,
  type ReviewMode,
} from '../../../common/contracts.js';
import type { ContractFilter } from '../../../common/schemas/contracts.js';
import type { Call } from '../../core/call.js';
import { addDays, shanghaiDate } from '../../core/calendar/calendar.js';
import { invalid } from '../../core/errors.js';
import { scopeOf, type Scope } from '../../core/rbac/actor.js';
import { narrowScope } from '../../core/rbac/narrowScope.js';
import { pathInScope } from '../../core/rbac/scope-sql.js';
import { eventsOf } from '../../core/workflow/index.js';
import { clockLight, REPLY_WARNING_DAYS } from './contracts.clocks.js';
import { clauseDiff } from './contracts.diff.js';
import { CM } from './contracts.messages.js';
import { assertOverseer, publishedReaches } from './contracts.policy.js';
import { CONTRACT_KIND_EVENT, loadContract } from './contracts.service.js';
import { cq, type ContractTable } from './contracts.tables.js';

const FILING_WARNING_DAYS = 3;

/** 'inForce' / 'expiring' / 'overdueRenewal' as SQL, for the list and the indicators alike. */
export function setFilter(eb: ExpressionBuilder<any, any>, set: 'inForce' | 'expiring' | 'overdueRenewal', today: string, col = (c: string) => c) {
  const published = eb(col('status'), '=', 'published');
  if (set === 'inForce') return eb.and([published, eb(col('starts_on'), '<=', today), eb(col('ends_on'), '>=', today)]);
  if (set === 'expiring')
    return eb.and([
      published,
      eb(col('starts_on'), '<=', today),
      eb(col('ends_on'), '>=', today),
      eb(col('ends_on'), '<=', addDays(today, RENEWAL_WINDOW_DAYS)),
    ]);
  // Ended with no successor that has reached its own signature.
  return eb.and([
    published,
    eb(col('ends_on'), '<', today),
    eb.not(
      eb.exists(
        eb
          .selectFrom('contracts as nx')
          .select('nx.id')
          .whereRef('nx.predecessor_id', '=', col('id') as any)
          .where('nx.status', 'in', ['signed', 'filed', 'effective', 'published']),
      ),
    ),
  ]);
}

export function rowOf(c: ContractTable & { org_name: string }, today: string) {
  const inForce = c.status === 'published' && !!c.starts_on && c.starts_on <= today && !!c.ends_on && c.ends_on >= today;
  const days = c.status === 'published' && c.ends_on ? Math.round((Date.parse(c.ends_on) - Date.parse(today)) / 86_400_000) : null;
  return {
    id: c.id,
    orgId: c.org_id,
    orgName: c.org_name,
    kind: c.kind as ContractKind,
    title: c.title,
    status: c.status as ContractStatus,
    requestDate: c.request_date,
    replyDue: c.reply_due,
    repliedDate: c.replied_date,
    replyLight: clockLight(c.reply_due, c.replied_date, today, REPLY_WARNING_DAYS),
    filingDue: c.filing_due,
    filingLight: clockLight(c.filing_due, c.received_date, today, FILING_WARNING_DAYS),
    objectionDue: c.objection_due,
    startsOn: c.starts_on,
    endsOn: c.ends_on,
    inForce,
    daysToExpiry: days,
  };
}

function base(call: Call, scope: Scope) {
  return cq(call.db)
    .selectFrom('contracts as c')
    .innerJoin('orgs as o', 'o.id', 'c.org_id')
    .where((eb) => pathInScope(eb, 'c.org_path', scope));
}

export async function list(call: Call, f: ContractFilter) {
  const today = shanghaiDate(call.now);
  let q = base(call, await narrowScope(call.db, scopeOf(call.actor, 'contracts.read'), f.orgId));
  if (f.status) q = q.where('c.status', '=', f.status);
  if (f.kind) q = q.where('c.kind', '=', f.kind);
  if (f.set) q = q.where((eb) => setFilter(eb, f.set!, f.asOf ?? today, (col) => `c.${col}`));
  if (f.from) q = q.where('c.request_date', '>=', f.from);
  if (f.to) q = q.where('c.request_date', '<=', f.to);
  if (f.repliedInTime === '1') q = q.where('c.replied_date', 'is not', null).whereRef('c.replied_date', '<=', 'c.reply_due');
  if (f.repliedInTime === '0') q = q.where((eb) => eb.or([eb('c.replied_date', 'is', null), eb('c.replied_date', '>', eb.ref('c.reply_due'))]));
  const total = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const sortCol = ({ requestDate: 'c.request_date', endsOn: 'c.ends_on', title: 'c.title' } as const)[f.sort ?? 'requestDate'];
  const rows = await q
    .selectAll('c')
    .select('o.name as org_name')
    .orderBy(sortCol, f.sort ? f.order : 'desc')
    .orderBy('c.id')
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize)
    .execute();
  return { items: rows.map((r) => rowOf(r, today)), total: Number(total.n), page: f.page, pageSize: f.pageSize };
}

async function clausesOf(call: Call, contractId: string, version: number) {
  const rows = await cq(call.db)
    .selectFrom('contract_clauses as cl')
    .leftJoin('orgs as o', 'o.id', 'cl.owner_org_id')
    .select(['cl.id', 'cl.chapter', 'cl.number', 'cl.category', 'cl.text', 'cl.promise', 'cl.owner_org_id', 'o.name as owner_name'])
    .where('cl.contract_id', '=', contractId)
    .where('cl.version', '=', version)
    .orderBy('cl.number')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    chapter: r.chapter,
    number: r.number,
    category: r.category as ClauseCategory,
    text: r.text,
    promise: !!r.promise,
    ownerOrgId: r.owner_org_id,
    ownerOrgName: r.owner_name ?? null,
  }));
}

export async function detail(call: Call, id: string) {
  const { c, rel } = await loadContract(call, call.db, id);
  assertOverseer(rel);
  const today = shanghaiDate(call.now);
  const org = await cq(call.db).selectFrom('orgs').select('name').where('id', '=', c.org_id).executeTakeFirstOrThrow();
  const [versions, negotiators, rounds, positions, clauses, events] = await Promise.all([
    cq(call.db).selectFrom('contract_versions').select(['version', 'note', 'created_at']).where('contract_id', '=', id).orderBy('version').execute(),
    cq(call.db)
      .selectFrom('contract_negotiators')
      .selectAll()
      .where('contract_id', '=', id)
      .orderBy('side', 'desc')
      .orderBy('chief', 'desc')
      .orderBy('name')
      .execute(),
    cq(call.db).selectFrom('contract_rounds').selectAll().where('contract_id', '=', id).orderBy('seq').execute(),
    cq(call.db)
      .selectFrom('contract_positions as p')
      .innerJoin('contract_rounds as r', 'r.id', 'p.round_id')
      .selectAll('p')
      .where('r.contract_id', '=', id)
      .orderBy('p.seq')
      .execute(),
    clausesOf(call, id, c.current_version),
    eventsOf(call.db, CONTRACT_KIND_EVENT, id),
  ]);
  return {
    ...rowOf({ ...c, org_name: org.name }, today),
    requestedBy: c.requested_by as ContractSide,
    termYears: c.term_years,
    currentVersion: c.current_version,
    versions: versions.map((v) => ({ version: v.version, note: v.note, createdAt: v.created_at })),
    negotiators: negotiators.map((n) => ({ side: n.side as ContractSide, name: n.name, accountId: n.account_id, chief: !!n.chief })),
    rounds: rounds.map((r) => ({
      seq: r.seq,
      heldDate: r.held_date,
      minutes: r.minutes,
      positions: positions
        .filter((p) => p.round_id === r.id)
        .map((p) => ({
          topic: p.topic,
          category: p.category as ClauseCategory,
          unionPosition: p.union_position,
          employerPosition: p.employer_position,
          agreed: !!p.agreed,
        })),
    })),
    review: { mode: c.review_mode as ReviewMode | null, eligible: c.vote_eligible, for: c.vote_for, against: c.vote_against, abstain: c.vote_abstain },
    signedDate: c.signed_date,
    receivedDate: c.received_date,
    effectiveDate: c.effective_date,
    publishedDate: c.published_date,
    clauses,
    timeline: events.map((e) => ({ event: e.event, from: e.from, to: e.to, actorName: e.actorName, at: e.at })),
  };
}

export async function diff(call: Call, id: string, q: { from?: number; to?: number }) {
  const { c, rel } = await loadContract(call, call.db, id);
  assertOverseer(rel);
  const to = q.to ?? c.current_version;
  const from = q.from ?? Math.max(1, to - 1);
  if (from > c.current_version) throw invalid('from', CM['contracts.versionUnknown']);
  if (to > c.current_version) throw invalid('to', CM['contracts.versionUnknown']);
  return { from, to, clauses: clauseDiff(await clausesOf(call, id, from), await clausesOf(call, id, to)) };
}

/** Published contracts that reach the caller: their org or an org above it. */
export async function published(call: Call) {
  const today = shanghaiDate(call.now);
  const rows = await cq(call.db)
    .selectFrom('contracts as c')
    .innerJoin('orgs as o', 'o.id', 'c.org_id')
    .selectAll('c')
    .select('o.name as org_name')
    .where('c.status', '=', 'published')
    .orderBy('c.starts_on', 'desc')
    .orderBy('c.id')
    .limit(500)
    .execute();
  const items = rows.filter((r) => publishedReaches(call.actor, r.org_path)).map((r) => rowOf(r, today));
  return { items, total: items.length, page: 1, pageSize: items.length };
}

/** The published text, as a worker reads it on the phone. */
export async function publishedText(call: Call, id: string) {
  // Visible means published to the caller's org, or the caller is the union of the contract's org.
  const { c } = await loadContract(call, call.db, id);
  const org = await cq(call.db).selectFrom('orgs').select('name').where('id', '=', c.org_id).executeTakeFirstOrThrow();
  return { ...rowOf({ ...c, org_name: org.name }, shanghaiDate(call.now)), clauses: await clausesOf(call, id, c.current_version) };
}
