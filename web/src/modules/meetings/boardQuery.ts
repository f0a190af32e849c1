/**
 * The decided-items board's query from the address (the shared useUrlFilters keeps it there), so a filtered board can be bookmarked, sent, or opened
 * from a figure's drill-down: every key of the server's list filter is read from the URL and written back to it.
 * `due` is the board's own shorthand for the due-date filter: overdue, due this week (to Sunday, Beijing time), later.
 */
import type { Dayjs } from 'dayjs';
import { shanghaiToday } from '../../shared/time';
import type { DecidedQuery } from './api';

export const DUE_BUCKETS = ['overdue', 'week', 'later'] as const;
export type DueBucket = (typeof DUE_BUCKETS)[number];

/** The list filters a URL may carry (a figure's drill names some of them). */
const FILTER_KEYS = ['status', 'sourceKind', 'sourceId', 'ownerAccountId', 'orgId', 'dueFrom', 'dueTo', 'mine', 'counted', 'onTime', 'carriedInto'] as const;
/** Those a figure's drill sets and the board has no control for: shown as one banner with a clear. */
export const DRILL_KEYS = ['sourceId', 'orgId', 'dueFrom', 'dueTo', 'counted', 'onTime', 'carriedInto'] as const;
const SORTS = ['dueDate', 'progress', 'updatedAt', 'title'] as const;

const fmt = (d: Dayjs) => d.format('YYYY-MM-DD');

/** The dates of a bucket, from today in Beijing: this week ends on Sunday. */
export function bucketFilter(bucket: DueBucket, today: Dayjs = shanghaiToday()): Partial<DecidedQuery> {
  if (bucket === 'overdue') return { status: 'overdue' };
  const sunday = today.add((7 - today.day()) % 7, 'day');
  if (bucket === 'week') return { dueFrom: fmt(today), dueTo: fmt(sunday) };
  return { dueFrom: fmt(sunday.add(1, 'day')) };
}

/** The server query the URL describes. */
export function queryFromParams(p: URLSearchParams): DecidedQuery & { due?: DueBucket } {
  const q: Record<string, unknown> = { page: Math.max(1, Number(p.get('page')) || 1), pageSize: Number(p.get('pageSize')) || 20 };
  const sort = p.get('sort');
  q.sort = SORTS.includes(sort as (typeof SORTS)[number]) ? sort : p.has('sort') ? undefined : 'dueDate';
  q.order = p.get('order') === 'desc' ? 'desc' : 'asc';
  for (const k of FILTER_KEYS) if (p.get(k)) q[k] = p.get(k);
  const due = p.get('due') as DueBucket | null;
  if (due && DUE_BUCKETS.includes(due)) Object.assign(q, { due }, bucketFilter(due));
  return q as unknown as DecidedQuery & { due?: DueBucket };
}
