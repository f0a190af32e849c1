/**
 * `orgContext(tx, path)`: an org node with its ancestors, read once per transaction. An
 * appeal's intake asks about the author's org chain four or five times (its unit, the deadline
 * rules and the settings defined nearest to it, who is notified); each asked the database
 * again, joining `orgs` for depths. Now the first question reads the chain in one query and
 * registers the context of every ancestor on it too (a unit's context is a prefix of its
 * team's), and values a module resolves along the chain (its settings) are memoised on the
 * context with `resolve` (a value asked for by path alone: `resolveAlong`).
 *
 * Only a transaction caches: it is one request's or one job step's, and is dropped with it. A
 * read through the root handle gets a fresh context every time (it lives across requests, and
 * another request may change the tree or the settings). Inside one transaction nobody writes
 * the chain's orgs or a memoised setting before reading it again; a caller that did would
 * have to read its own write directly.
 */
import type { Tx } from '../db/database.js';
import { ancestorIds, orgsByIds } from './lookups.js';

export interface OrgNode {
  id: string;
  kind: string;
  depth: number;
  name: string;
  path: string;
  parent_id: string | null;
}

export interface OrgContext {
  /** The node itself (the last of `chain`). */
  org: OrgNode;
  /** The root first, the node last. */
  chain: readonly OrgNode[];
  /** The ids of `chain`, root first. */
  ids: readonly string[];
  /** The deepest node of the chain (the node included) that `test` accepts. */
  nearest(test: (o: OrgNode) => boolean): OrgNode | undefined;
  /** Rows keyed by org id, nearest first: rows of orgs off the chain are left out. */
  nearestFirst<T extends { org_id: string }>(rows: readonly T[]): T[];
  /** `load` once per context and key: a module's settings as resolved at this node. */
  resolve<T>(key: string, load: () => Promise<T>): Promise<T>;
}

type Cache = Map<string, Promise<OrgContext | undefined>>;
const perTx = new WeakMap<object, Cache>();
const resolvedPerTx = new WeakMap<object, Map<string, Promise<unknown>>>();

function contextOf(chain: OrgNode[]): OrgContext {
  const memo = new Map<string, Promise<unknown>>();
  const ids = chain.map((o) => o.id);
  return {
    org: chain[chain.length - 1],
    chain,
    ids,
    nearest: (test) => [...chain].reverse().find(test),
    nearestFirst: (rows) => nearestFirst(ids, rows),
    resolve<T>(key: string, load: () => Promise<T>): Promise<T> {
      let hit = memo.get(key) as Promise<T> | undefined;
      if (!hit) {
        hit = load();
        memo.set(key, hit);
        // A failed load is not remembered: the transaction fails with it anyway, and a retry reads afresh.
        hit.catch(() => memo.get(key) === hit && memo.delete(key));
      }
      return hit;
    },
  };
}

async function load(db: Tx, path: string, cache: Cache | null): Promise<OrgContext | undefined> {
  const ids = ancestorIds(path);
  const byId = new Map((await orgsByIds(db, ids)).map((o) => [o.id, o as OrgNode]));
  const chain = ids.map((id) => byId.get(id));
  if (!chain.length || chain.some((o) => !o)) return undefined;
  const full = chain as OrgNode[];
  // Every ancestor's context is a prefix of this one: register them, so a later question about the unit reads nothing.
  for (let i = 0; i < full.length - 1 && cache; i++) {
    const p = full[i].path;
    if (!cache.has(p)) cache.set(p, Promise.resolve(contextOf(full.slice(0, i + 1))));
  }
  return contextOf(full);
}

/** The context of the org at `path`; undefined when a node of the path does not exist. */
export function orgContext(db: Tx, path: string): Promise<OrgContext | undefined> {
  if (!(db as { isTransaction?: boolean }).isTransaction) return load(db, path, null);
  let cache = perTx.get(db);
  if (!cache) perTx.set(db, (cache = new Map()));
  let hit = cache.get(path);
  if (!hit) {
    hit = load(db, path, cache);
    cache.set(path, hit);
    const c = cache;
    hit.catch(() => c.get(path) === hit && c.delete(path));
  }
  return hit;
}

/**
 * A value resolved along the chain of `path` (a module's settings at their nearest definition):
 * inside a transaction memoised per `key` and path, so the second question of one request reads
 * nothing; outside one, loaded afresh. `load` gets the chain's ids, root first.
 */
export function resolveAlong<T>(db: Tx, path: string, key: string, load: (ids: string[]) => Promise<T>): Promise<T> {
  const ids = ancestorIds(path);
  if (!(db as { isTransaction?: boolean }).isTransaction) return load(ids);
  // The ids are the path's: no org row is needed, so a value asked for alone costs its own read and nothing more.
  let memo = resolvedPerTx.get(db);
  if (!memo) resolvedPerTx.set(db, (memo = new Map()));
  const k = `${key} ${path}`;
  let hit = memo.get(k) as Promise<T> | undefined;
  if (!hit) {
    hit = load(ids);
    memo.set(k, hit);
    const m = memo;
    hit.catch(() => m.get(k) === hit && m.delete(k));
  }
  return hit;
}

/** Rows keyed by org id, the one defined nearest to the end of `ids` (the node) first. */
export function nearestFirst<T extends { org_id: string }>(ids: readonly string[], rows: readonly T[]): T[] {
  const rank = new Map(ids.map((id, i) => [id, i]));
  return rows.filter((r) => rank.has(r.org_id)).sort((a, b) => rank.get(b.org_id)! - rank.get(a.org_id)!);
}
