/**
 * Notices: publish to a scope, correct, withdraw — each appended to the hash chain in the same
 * transaction — read lists and details, stamp read receipts, and show read rates per unit and
 * employment category. Loads check in the project's order: not visible → 404, relation → 403,
 * state → 409.
 */
import type { Call, WriteCall } from '../../core/call.js';
import type { Db, Tx } from '../../core/db/database.js';
import { recordAudit } from '../../core/audit/audit.js';
import { claimFiles, filesOf } from '../../core/files/index.js';
import { forbidden, invalid, notFound } from '../../core/errors.js';
import { orgsByIds } from '../../core/org/lookups.js';
import { pagedList } from '../../core/db/pagedList.js';
import { newId } from '../../core/ids.js';
import { shanghaiDate } from '../../core/calendar/calendar.js';
import { statusConflict } from '../../core/workflow/index.js';
import { hasPermission } from '../../core/rbac/actor.js';
import { NOTICE_PERMISSIONS, NOTICE_SCHEDULE_MONTHS, type NoticeKind, type NoticeSchedule, type NoticeStatus } from '../../../common/notices.js';
import type { EmploymentCategory } from '../../../common/enums.js';
import type {
  ChainDigest,
  CorrectNoticeBody,
  HistoryEntry,
  NoticeDetail,
  NoticeListQuery,
  NoticeReadRates,
  NoticeSource,
  NoticeSummary,
  PublishNoticeBody,
  Receipt,
  WithdrawNoticeBody,
  NoticeReadRatesQuery,
  NoticesReadRates,
} from '../../../common/schemas/notices.js';
import { appendEntry, headOf, verifyChain, type ChainContent, type ChainState } from './notices.chain.js';
import { fieldChanges, lineDiff } from './notices.diff.js';
import { isCategoryBound, mayPublish, publishScope, reaches, readReach, unitUnder } from './notices.policy.js';
import * as repo from './notices.repository.js';
import { categoriesOf, stateOf, storedCategories, storedStates } from './notices.state.js';
import { ndb } from './notices.tables.js';
import { NM } from './notices.messages.js';

/** One period after a Beijing day, clamped to the month's end (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  return `${first.toISOString().slice(0, 8)}${String(Math.min(d, last)).padStart(2, '0')}`;
}

interface PublishInput extends PublishNoticeBody {
  source?: NoticeSource;
}

async function publishIn(call: WriteCall, body: PublishInput, authorised: boolean): Promise<string> {
  const scope = publishScope(call.actor);
  if (!authorised && !scope.all && !scope.paths.length) throw forbidden();
  const org = await repo.orgById(call.tx, body.orgId);
  if (!org || !(authorised || mayPublish(call.actor, org.path))) throw invalid('body.orgId', NM['notices.orgOutOfScope']);
  const periodic = body.kind === 'periodic';
  if (periodic && !body.schedule) throw invalid('body.schedule', NM['notices.scheduleNeeded']);
  if (!periodic && (body.schedule || body.nextDueDate || body.follows))
    throw invalid(body.schedule ? 'body.schedule' : body.nextDueDate ? 'body.nextDueDate' : 'body.follows', NM['notices.scheduleOnlyPeriodic']);
  const today = shanghaiDate(call.now);
  let follows: repo.NoticeRow | undefined;
  if (body.follows) {
    follows = await repo.noticeById(call.tx, body.follows);
    if (!follows || follows.kind !== 'periodic' || follows.org_id !== org.id || follows.followed_at || !mayPublish(call.actor, follows.org_path))
      throw invalid('body.follows', NM['notices.followsInvalid']);
  }
  const id = newId();
  const categories = storedCategories(body.categories);
  // The denominator of the read rate, frozen now: workers of the subtree by unit and category.
  const units = new Map<string, number>();
  for (const r of await repo.recipientsBy(call.tx, org.path, categoriesOf(categories))) {
    const key = `${unitUnder(org.path, r.org_path as string)}|${r.employment_category ?? 'contract'}`;
    units.set(key, (units.get(key) ?? 0) + Number(r.n));
  }
  const counts = [...units].map(([k, n]) => ({ notice_id: id, unit_id: k.split('|')[0], category: k.split('|')[1], recipients: n }));
  const files = await claimFiles(call, body.fileIds ?? [], { kind: repo.FILE_KIND, id });
  const row = {
    id,
    org_id: org.id,
    title: body.title,
    body: body.body,
    kind: body.kind,
    categories,
    schedule: periodic ? body.schedule! : null,
    next_due_date: periodic ? (body.nextDueDate ?? addMonths(today, NOTICE_SCHEDULE_MONTHS[body.schedule!])) : null,
    follows_id: follows?.id ?? null,
    followed_at: null,
    followed_on_time: null,
    status: 'published',
    version: 1,
    source_kind: body.source?.kind ?? null,
    source_id: body.source?.id ?? null,
    source_label: body.source?.label ?? null,
    recipients: counts.reduce((s, c) => s + c.recipients, 0),
    published_by: call.actor.accountId,
    published_at: call.iso,
    published_date: today,
    corrected_at: null,
    withdrawn_at: null,
    withdraw_reason: null,
    created_at: call.iso,
    updated_at: call.iso,
  };
  const hashes = files.length ? ((await repo.fileHashes(call.tx, [id])).get(id) ?? []) : [];
  const entry = await appendEntry(call.tx, {
    action: 'publish',
    at: call.iso,
    actorAccountId: call.actor.accountId,
    reason: null,
    state: stateOf(row, hashes),
  });
  await repo.insertNotice(call.tx, { ...row, chain_seq: entry.seq, chain_hash: entry.hash }, counts);
  if (follows) await repo.markFollowed(call.tx, follows.id, call.iso, today <= (follows.next_due_date ?? today));
  await recordAudit(call.tx, call.ctx, {
    action: 'notice.publish',
    entityType: 'notice',
    entityId: id,
    orgId: org.id,
    changes: { title: body.title, kind: body.kind, chainSeq: entry.seq },
  });
  return id;
}

export async function publish(call: WriteCall, body: PublishNoticeBody): Promise<NoticeDetail> {
  return detailIn(call, await publishIn(call, body, false));
}

/**
 * For other practices (congress results, the collective contract, hardship notices, honours):
 * publishes in the caller's transaction, which has authorised the act the notice makes public.
 */
export async function publishNotice(
  call: WriteCall,
  input: { orgId: string; title: string; body: string; kind: NoticeKind; source?: NoticeSource },
): Promise<{ id: string }> {
  return { id: await publishIn(call, { ...input }, true) };
}

/** A notice the caller may see: its publishers in every state; readers when it reaches them. */
export async function load(call: Call & { tx?: Tx }, id: string) {
  const db = call.tx ?? call.db;
  const n = await repo.noticeById(db, id);
  if (!n) throw notFound();
  if (mayPublish(call.actor, n.org_path)) return { n, publisher: true };
  if (!reaches(await reachOf(call, db), n)) throw notFound();
  return { n, publisher: false };
}

async function reachOf(call: Call, db: Tx) {
  const person = isCategoryBound(call.actor) && call.actor.personId ? await repo.personOf(db, call.actor.personId) : undefined;
  return readReach(call.actor, person as { org_path: string | null; employment_category: string | null } | undefined);
}

async function loadToPublish(call: WriteCall, id: string) {
  const { n, publisher } = await load(call, id);
  if (!publisher) throw forbidden();
  if (n.status !== 'published') throw statusConflict();
  return n;
}

async function currentState(tx: Tx, n: repo.NoticeRow): Promise<ChainState> {
  return stateOf(n, (await repo.fileHashes(tx, [n.id])).get(n.id) ?? []);
}

export async function correct(call: WriteCall, id: string, body: CorrectNoticeBody): Promise<NoticeDetail> {
  const n = await loadToPublish(call, id);
  const before = await currentState(call.tx, n);
  const patch = {
    title: body.title ?? n.title,
    body: body.body ?? n.body,
    categories: body.categories === undefined ? n.categories : storedCategories(body.categories),
  };
  const after = stateOf({ ...n, ...patch, version: n.version + 1 }, before.files);
  if (!fieldChanges(before, after).length) throw invalid('body', NM['notices.nothingChanged']);
  const entry = await appendEntry(call.tx, { action: 'correct', at: call.iso, actorAccountId: call.actor.accountId, reason: body.reason, state: after });
  const res = await repo.updateNotice(call.tx, id, n.version, {
    ...patch,
    version: n.version + 1,
    corrected_at: call.iso,
    updated_at: call.iso,
    chain_seq: entry.seq,
    chain_hash: entry.hash,
  });
  // A concurrent correction or withdrawal won; this one's entry rolls back with it.
  if (Number(res.numUpdatedRows) === 0) throw statusConflict();
  await recordAudit(call.tx, call.ctx, {
    action: 'notice.correct',
    entityType: 'notice',
    entityId: id,
    orgId: n.org_id,
    changes: { reason: body.reason, version: n.version + 1, chainSeq: entry.seq },
  });
  return detailIn(call, id);
}

export async function withdraw(call: WriteCall, id: string, body: WithdrawNoticeBody): Promise<NoticeDetail> {
  const n = await loadToPublish(call, id);
  const before = await currentState(call.tx, n);
  const entry = await appendEntry(call.tx, {
    action: 'withdraw',
    at: call.iso,
    actorAccountId: call.actor.accountId,
    reason: body.reason,
    state: { ...before, status: 'withdrawn', version: n.version + 1 },
  });
  const res = await repo.updateNotice(call.tx, id, n.version, {
    status: 'withdrawn',
    version: n.version + 1,
    withdrawn_at: call.iso,
    withdraw_reason: body.reason,
    updated_at: call.iso,
    chain_seq: entry.seq,
    chain_hash: entry.hash,
  });
  if (Number(res.numUpdatedRows) === 0) throw statusConflict();
  await recordAudit(call.tx, call.ctx, {
    action: 'notice.withdraw',
    entityType: 'notice',
    entityId: id,
    orgId: n.org_id,
    changes: { reason: body.reason, chainSeq: entry.seq },
  });
  return detailIn(call, id);
}

/**
 * For other practices: the published notices that made `source` public are withdrawn with
 * `reason`, in the caller's transaction, which has authorised the act (an award revoked). Each
 * withdrawal is an entry in the chain, so what was said and when it was taken back both stay.
 */
export async function withdrawNoticesOf(call: WriteCall, source: { kind: string; id: string }, reason: string): Promise<string[]> {
  const rows = await ndb(call.tx)
    .selectFrom('notices')
    .select('id')
    .where('source_kind', '=', source.kind)
    .where('source_id', '=', source.id)
    .where('status', '=', 'published')
    .execute();
  for (const { id } of rows) {
    const n = (await repo.noticeById(call.tx, id))!;
    const before = await currentState(call.tx, n);
    const entry = await appendEntry(call.tx, {
      action: 'withdraw',
      at: call.iso,
      actorAccountId: call.actor.accountId,
      reason,
      state: { ...before, status: 'withdrawn', version: n.version + 1 },
    });
    const res = await repo.updateNotice(call.tx, id, n.version, {
      status: 'withdrawn',
      version: n.version + 1,
      withdrawn_at: call.iso,
      withdraw_reason: reason,
      updated_at: call.iso,
      chain_seq: entry.seq,
      chain_hash: entry.hash,
    });
    if (Number(res.numUpdatedRows) === 0) throw statusConflict();
    await recordAudit(call.tx, call.ctx, {
      action: 'notice.withdraw',
      entityType: 'notice',
      entityId: id,
      orgId: n.org_id,
      changes: { reason, chainSeq: entry.seq, source: source.kind },
    });
  }
  return rows.map((r) => r.id);
}

function summaryOf(n: repo.NoticeRow, publisher: boolean, readAt: string | null, reads: number): NoticeSummary {
  return {
    id: n.id,
    orgId: n.org_id,
    orgName: n.org_name,
    title: n.title,
    kind: n.kind as NoticeKind,
    status: n.status as NoticeStatus,
    categories: categoriesOf(n.categories) as EmploymentCategory[] | null,
    schedule: n.schedule as NoticeSchedule | null,
    nextDueDate: n.next_due_date,
    publishedAt: n.published_at,
    version: Number(n.version),
    readAt,
    recipients: publisher ? Number(n.recipients) : null,
    reads: publisher ? reads : null,
  };
}

async function detailIn(call: Call & { tx?: Tx }, id: string): Promise<NoticeDetail> {
  const db = call.tx ?? call.db;
  const { n, publisher } = await load(call, id);
  const [receipt, reads, files, questions] = await Promise.all([
    repo.receiptOf(db, id, call.actor.personId),
    publisher ? repo.readCounts(db, [id]) : Promise.resolve(new Map<string, number>()),
    filesOf(db, { kind: repo.FILE_KIND, id }),
    repo.questionCounts(db, id),
  ]);
  return {
    ...summaryOf(n, publisher, receipt?.read_at ?? null, reads.get(id) ?? 0),
    body: n.body,
    files,
    source: n.source_kind ? { kind: n.source_kind, id: n.source_id ?? '', label: n.source_label ?? '' } : null,
    follows: n.follows_id,
    followedAt: n.followed_at,
    correctedAt: n.corrected_at,
    withdrawnAt: n.withdrawn_at,
    withdrawReason: n.withdraw_reason,
    chain: { seq: Number(n.chain_seq), hash: n.chain_hash },
    questions,
    canPublish: publisher,
    canAsk: !publisher && n.status === 'published' && !!call.actor.personId,
  };
}

export const get = (call: Call, id: string) => detailIn(call, id);

/** A file of a notice the caller reaches. */
export async function fileOwner(call: Call, id: string) {
  await load(call, id);
  return { kind: repo.FILE_KIND, id };
}

/**
 * The notices addressed to the caller, newest first; with `desk`, a publisher's notices of
 * their scope in every state, with recipients and reads.
 */
export async function list(call: Call, q: NoticeListQuery) {
  const desk = q.desk === true;
  const scope = publishScope(call.actor);
  if (desk && !scope.all && !scope.paths.length) throw forbidden();
  let orgPath: string | undefined;
  if (q.orgId) {
    const org = await repo.orgById(call.db, q.orgId);
    if (!org) return { items: [], total: 0, page: q.page, pageSize: q.pageSize };
    orgPath = org.path;
  }
  const reach = desk ? undefined : await reachOf(call, call.db);
  const where = reach
    ? (eb: Parameters<typeof repo.orgIn>[0]) => repo.readable(eb, reach)
    : (eb: Parameters<typeof repo.orgIn>[0]) => repo.orgIn(eb, 'n.org_id', scope);
  const f: repo.NoticeFilter = {
    orgPath,
    kind: q.kind,
    status: q.status,
    from: q.from,
    to: q.to,
    dueFrom: q.dueFrom,
    dueTo: q.dueTo,
    onSchedule: q.onSchedule,
    unreadBy: q.unread ? (call.actor.personId ?? '-') : undefined,
  };
  const order = q.sort ? q.order : 'desc';
  const sort = q.sort ?? 'publishedAt';
  let page: { rows: Awaited<ReturnType<typeof repo.rowsOf>>; total: number; totalCapped?: boolean; nextCursor?: string | null };
  if (reach && !reach.scope.all && !reach.scope.paths.length && reach.up.length && sort === 'publishedAt' && !q.after) {
    // A worker reaches only the orgs on their way up: each is walked on its own index range (repo.pageByOrgs).
    const [rows, total] = await Promise.all([
      repo.pageByOrgs(call.db, reach, f, { offset: (q.page - 1) * q.pageSize, limit: q.pageSize, order }),
      repo.countFiltered(call.db, where, f),
    ]);
    page = { rows, total };
  } else {
    // The desk (and a reader granted over a subtree) on the kit's list: a bounded count, and newest first a walk of
    // (published_at, id) that stops after the page, where one read sorted every notice of the scope (1.2 s at L).
    page = await pagedList(call.db, {
      counted: repo.filtered(call.db, where, f),
      ids: (walk) => repo.filtered(call.db, where, f, walk),
      sort: { column: sort === 'nextDueDate' ? 'n.next_due_date' : 'n.published_at', id: 'n.id', order },
      keyed: sort === 'publishedAt',
      page: q,
      load: (ids) => repo.rowsOf(call.db, ids),
    });
  }
  const rows = page.rows;
  const ids = rows.map((r) => r.id);
  const [readAt, reads] = await Promise.all([repo.readAtOf(call.db, ids, call.actor.personId), repo.readCounts(call.db, ids)]);
  return {
    items: rows.map((n) => summaryOf(n, mayPublish(call.actor, n.org_path), readAt.get(n.id) ?? null, reads.get(n.id) ?? 0)),
    total: page.total,
    totalCapped: page.totalCapped ?? false,
    nextCursor: page.nextCursor ?? null,
    page: q.page,
    pageSize: q.pageSize,
  };
}

/**
 * The caller opened the notice: a recipient's first read is stamped, a second changes nothing.
 * Readers who are not recipients (staff, another category's worker) leave no receipt, so the
 * rate keeps its frozen denominator.
 */
export async function read(call: WriteCall, id: string): Promise<Receipt> {
  const { n } = await load(call, id);
  const person = call.actor.personId ? await repo.personOf(call.tx, call.actor.personId) : undefined;
  const category = person?.employment_category ?? 'contract';
  const recipient =
    !!person &&
    person.kind === 'worker' &&
    person.archived === 0 &&
    n.status === 'published' &&
    (person.org_path as string).startsWith(n.org_path) &&
    (!n.categories || n.categories.includes(`,${category},`));
  if (!recipient) return { readAt: null, recipient: false };
  const fresh = await repo.insertReceipt(call.tx, {
    notice_id: id,
    person_id: person.id,
    unit_id: unitUnder(n.org_path, person.org_path as string),
    category,
    read_at: call.iso,
  });
  return { readAt: fresh ? call.iso : ((await repo.receiptOf(call.tx, id, person.id))?.read_at ?? call.iso), recipient: true };
}

const rate = (read: number, recipients: number) => (recipients ? Math.round((read / recipients) * 10_000) / 10_000 : null);

export async function readRates(call: Call, id: string): Promise<NoticeReadRates> {
  const { publisher } = await load(call, id);
  if (!publisher) throw forbidden();
  return ratesOf(call.db, await repo.readRatesOf(call.db, id));
}

/**
 * Read rates across many notices (the desk's, published in [from, to], of an org's subtree, of a kind): per unit
 * (the unit under each notice's own scope, as a notice's rates show it) and per employment category.
 */
export async function readRatesAcross(call: Call, q: NoticeReadRatesQuery): Promise<NoticesReadRates> {
  const scope = publishScope(call.actor);
  if (!scope.all && !scope.paths.length) throw forbidden();
  let orgPath: string | undefined;
  if (q.orgId) {
    const org = await repo.orgById(call.db, q.orgId);
    if (!org) throw notFound();
    orgPath = org.path;
  }
  const where = (eb: Parameters<typeof repo.orgIn>[0]) => repo.orgIn(eb, 'n.org_id', scope);
  const { rows, notices } = await repo.readRatesAcross(call.db, where, { orgPath, kind: q.kind, from: q.from, to: q.to });
  return { ...(await ratesOf(call.db, rows)), notices };
}

/** Recipients, first reads and rates in all, per unit and per employment category, from count rows. */
async function ratesOf(db: Tx, rows: { unit_id: string; category: string; recipients: number; reads: number }[]): Promise<NoticeReadRates> {
  const units = new Map<string, { recipients: number; read: number }>();
  const cats = new Map<string, { recipients: number; read: number }>();
  const add = (m: Map<string, { recipients: number; read: number }>, k: string, r: number, d: number) => {
    const v = m.get(k) ?? { recipients: 0, read: 0 };
    v.recipients += r;
    v.read += d;
    m.set(k, v);
  };
  for (const r of rows) {
    add(units, r.unit_id, Number(r.recipients), Number(r.reads));
    add(cats, r.category, Number(r.recipients), Number(r.reads));
  }
  const names = new Map((await orgsByIds(db, [...units.keys()])).map((o) => [o.id, o.name]));
  const total = [...cats.values()].reduce((s, v) => ({ recipients: s.recipients + v.recipients, read: s.read + v.read }), { recipients: 0, read: 0 });
  return {
    ...total,
    rate: rate(total.read, total.recipients),
    byUnit: [...units]
      .map(([orgId, v]) => ({ orgId, orgName: names.get(orgId) ?? '', ...v, rate: rate(v.read, v.recipients) }))
      .sort((a, b) => a.orgName.localeCompare(b.orgName, 'zh')),
    byCategory: [...cats].map(([category, v]) => ({ category: category as EmploymentCategory, ...v, rate: rate(v.read, v.recipients) })),
  };
}

/** The notice's entries of the chain, oldest first, each correction with what it changed. */
export async function history(call: Call, id: string): Promise<HistoryEntry[]> {
  await load(call, id);
  const rows = await ndb(call.db).selectFrom('notice_chain').selectAll().where('notice_id', '=', id).orderBy('seq').execute();
  let prev: ChainContent | null = null;
  return rows.map((r) => {
    const c = JSON.parse(r.content) as ChainContent;
    const changes = prev ? fieldChanges(prev, c) : [];
    const bodyDiff = prev && prev.body !== c.body ? lineDiff(prev.body, c.body) : null;
    prev = c;
    return { seq: Number(r.seq), action: c.action, at: c.at, version: c.version, reason: c.reason, hash: r.hash, prevHash: r.prev_hash, changes, bodyDiff };
  });
}

export async function digest(call: Call): Promise<ChainDigest> {
  if (!hasPermission(call.actor, NOTICE_PERMISSIONS.read)) throw forbidden();
  return headOf(call.db);
}

/** Recomputes the chain: the CLI `xq notices verify` and the tests. */
export const verify = (db: Db) => verifyChain(db, (ids) => storedStates(db, ids));
