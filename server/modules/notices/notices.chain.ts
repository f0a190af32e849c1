/**
 * The tamper-evident history of what was published when. Every publication, correction and
 * withdrawal appends one entry; its hash is sha256(previous hash + "\n" + canonical content),
 * and the content carries the entry's own position. So an edited entry breaks its own hash,
 * a deleted one leaves a gap, and a moved one disagrees with the position inside it; an edit
 * that rewrites every later hash changes the head, which differs from the digest already
 * shown on the page. Verification also compares every notice as stored with its latest entry,
 * so the notices table cannot be rewritten behind the chain either.
 *
 * One chain per deployment. Appends are serialised by a transaction-scoped lock (PostgreSQL
 * advisory lock; SQLite's single writer), and the position is the primary key besides, so
 * two publishers at once cannot fork it.
 */
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Db, Tx } from '../../core/db/database.js';
import { lockFor } from '../../core/db/locks.js';
import type { ChainAction } from '../../../common/notices.js';
import { ndb } from './notices.tables.js';

export const GENESIS = '0'.repeat(64);
const LOCK = 'notices.chain';

/** Everything a reader was shown, as one entry records it. */
export interface ChainState {
  noticeId: string;
  version: number;
  status: 'published' | 'withdrawn';
  orgId: string;
  title: string;
  body: string;
  kind: string;
  categories: string[] | null;
  schedule: string | null;
  nextDueDate: string | null;
  source: { kind: string; id: string; label: string } | null;
  /** The attachments by content: a swapped file breaks the chain like an edited sentence. */
  files: { id: string; name: string; sha256: string }[];
}

export interface ChainContent extends ChainState {
  seq: number;
  action: ChainAction;
  at: string;
  actorAccountId: string;
  reason: string | null;
}

/** JSON with keys sorted at every level: one text for one content, whatever the engine returned. */
export function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return `{${Object.keys(o)
      .filter((k) => o[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical(o[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v ?? null);
}

export const entryHash = (prevHash: string, content: string) => createHash('sha256').update(`${prevHash}\n${content}`, 'utf8').digest('hex');

/** Appends one entry in the caller's transaction; returns its position and hash. */
export async function appendEntry(
  tx: Tx,
  e: { action: ChainAction; at: string; actorAccountId: string; reason: string | null; state: ChainState },
): Promise<{ seq: number; hash: string }> {
  await lockFor(tx, LOCK);
  const head = await ndb(tx).selectFrom('notice_chain').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1).executeTakeFirst();
  const seq = Number(head?.seq ?? 0) + 1;
  const prev = head?.hash ?? GENESIS;
  const content = canonical({ ...e.state, seq, action: e.action, at: e.at, actorAccountId: e.actorAccountId, reason: e.reason } satisfies ChainContent);
  const hash = entryHash(prev, content);
  await ndb(tx).insertInto('notice_chain').values({ seq, notice_id: e.state.noticeId, action: e.action, at: e.at, content, prev_hash: prev, hash }).execute();
  return { seq, hash };
}

export async function headOf(db: Db | Tx) {
  const head = await ndb(db).selectFrom('notice_chain').select(['seq', 'hash', 'at']).orderBy('seq', 'desc').limit(1).executeTakeFirst();
  const n = await ndb(db)
    .selectFrom('notice_chain')
    .select(sql<number>`count(*)`.as('n'))
    .executeTakeFirstOrThrow();
  return { entries: Number(n.n), headSeq: head ? Number(head.seq) : null, headHash: head?.hash ?? GENESIS, headAt: head?.at ?? null };
}

export type BreakReason = 'missing' | 'moved' | 'link' | 'hash' | 'notice';
export interface Verification {
  ok: boolean;
  entries: number;
  headHash: string;
  /** The first entry that does not hold; for 'notice', the notice's latest entry. */
  broken: { seq: number; noticeId: string | null; reason: BreakReason } | null;
}

const BATCH = 5_000;
const PART = 1_000;

/** The chain's entries at positions [from, from + BATCH), in order. */
const entriesFrom = (db: Db, from: number) =>
  ndb(db)
    .selectFrom('notice_chain')
    .select(['seq', 'notice_id', 'action', 'at', 'content', 'prev_hash', 'hash'])
    .where('seq', '>=', from)
    .where('seq', '<', from + BATCH)
    .orderBy('seq')
    .execute();

/** An entry's own fields besides the notice's state: with a stored state they make the entry's content again. */
const META_KEYS = ['seq', 'action', 'at', 'actorAccountId', 'reason'] as const;

/**
 * Recomputes the whole chain from the first entry and names the first entry that does not
 * hold, then checks each notice as stored against its latest entry.
 *
 * Read in pages of positions, the next page asked for while this one is hashed (PostgreSQL
 * answers on its own process meanwhile), and each entry's text parsed once: an entry holds when
 * its hash covers its text and what it says of its own place (position, notice, action, time)
 * agrees with its row; a notice holds when its stored state, with its latest entry's own fields,
 * put in canonical form is that entry's text exactly. So the canonical form is computed once per
 * notice — before, three times: per entry for the entry and its state, and per notice again. An
 * older entry's text is not re-canonicalised: the only writer writes canonical text, and a text
 * written otherwise with hashes recomputed after it is a rewritten chain, which the published
 * head digest shows, canonical or not.
 * The stored states are read in parts of 1 000, the next part asked for while one is compared.
 */
export async function verifyChain(
  db: Db,
  statesOf: (ids: string[]) => Promise<Map<string, { state: ChainState; chainSeq: number; chainHash: string }>>,
): Promise<Verification> {
  let prev = GENESIS;
  let expected = 1;
  const latest = new Map<string, { seq: number; content: string; meta: Record<string, unknown> }>();
  const fail = (seq: number, noticeId: string | null, reason: BreakReason): Verification => ({
    ok: false,
    entries: expected - 1,
    headHash: prev,
    broken: { seq, noticeId, reason },
  });
  let next = entriesFrom(db, 1);
  for (let from = 1; ; from += BATCH) {
    const rows = await next;
    if (rows.length) next = entriesFrom(db, from + BATCH);
    for (const r of rows) {
      const seq = Number(r.seq);
      if (seq !== expected) return fail(expected, null, 'missing');
      let c: ChainContent;
      try {
        c = JSON.parse(r.content) as ChainContent;
      } catch {
        return fail(seq, r.notice_id, 'hash');
      }
      if (c.seq !== seq || c.noticeId !== r.notice_id || c.action !== r.action || c.at !== r.at) return fail(seq, r.notice_id, 'moved');
      if (r.prev_hash !== prev) return fail(seq, r.notice_id, 'link');
      if (entryHash(prev, r.content) !== r.hash) return fail(seq, r.notice_id, 'hash');
      latest.set(r.notice_id, { seq, content: r.content, meta: Object.fromEntries(META_KEYS.map((k) => [k, c[k]])) });
      prev = r.hash;
      expected++;
    }
    if (rows.length < BATCH) break;
  }
  // A position past a gap wider than a page: the chain does not end where the walk stopped.
  const beyond = await ndb(db).selectFrom('notice_chain').select('seq').where('seq', '>=', expected).limit(1).executeTakeFirst();
  if (beyond) return fail(expected, null, 'missing');
  const stored = await ndb(db).selectFrom('notices').select('id').execute();
  // A notice with no entry at all was added behind the chain.
  const orphan = stored.find((n) => !latest.has(n.id));
  if (orphan) return fail(expected, orphan.id, 'notice');
  const ids = [...latest.keys()];
  let part = statesOf(ids.slice(0, PART));
  for (let i = 0; i < ids.length; i += PART) {
    const states = await part;
    if (i + PART < ids.length) part = statesOf(ids.slice(i + PART, i + 2 * PART));
    for (const id of ids.slice(i, i + PART)) {
      const want = latest.get(id)!;
      const got = states.get(id);
      if (!got || got.chainSeq !== want.seq || canonical({ ...got.state, ...want.meta }) !== want.content) return fail(want.seq, id, 'notice');
    }
  }
  return { ok: true, entries: expected - 1, headHash: prev, broken: null };
}
