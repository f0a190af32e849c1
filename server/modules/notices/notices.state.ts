/**
 * A notice as its history entry records it: the stored row and its attachments turned into a
 * ChainState, the one shape both the append and the verification compare.
 */
import type { Tx } from '../../core/db/database.js';
import type { ChainState } from './notices.chain.js';
import type { NoticeTable } from './notices.tables.js';
import { fileHashes, noticesByIds } from './notices.repository.js';

export const categoriesOf = (stored: string | null): string[] | null => (stored ? stored.split(',').filter(Boolean) : null);
export const storedCategories = (c: readonly string[] | null | undefined): string | null => (c && c.length ? `,${[...c].sort().join(',')},` : null);

export function stateOf(n: Omit<NoticeTable, 'chain_seq' | 'chain_hash' | 'reads'>, files: ChainState['files']): ChainState {
  return {
    noticeId: n.id,
    version: Number(n.version),
    status: n.status as ChainState['status'],
    orgId: n.org_id,
    title: n.title,
    body: n.body,
    kind: n.kind,
    categories: categoriesOf(n.categories),
    schedule: n.schedule,
    nextDueDate: n.next_due_date,
    source: n.source_kind ? { kind: n.source_kind, id: n.source_id ?? '', label: n.source_label ?? '' } : null,
    files,
  };
}

/** The stored states of some notices, for the verification's cross-check. */
export async function storedStates(db: Tx, ids: string[]) {
  const [rows, files] = await Promise.all([noticesByIds(db, ids), fileHashes(db, ids)]);
  return new Map(rows.map((n) => [n.id, { state: stateOf(n, files.get(n.id) ?? []), chainSeq: Number(n.chain_seq), chainHash: n.chain_hash }]));
}
