/**
 * The status groups and the counts every appeal figure is a ratio of. A file of its own so
 * that the indicators (which define the figures) and the cells (which hold the counts for
 * the dashboard) both read one definition without importing each other.
 */
export const NOT_MERGED = 'submitted,accepted,assigned,handling,answered,closed,declined';
export const ACCEPTED = 'accepted,assigned,handling,answered,closed';
export const DONE = 'answered,closed';
export const CLOSED = 'closed';
export const OPEN = 'submitted,accepted,assigned,handling';
export const SATISFIED = 'satisfied,basicallySatisfied';

/** The counts every figure is a ratio of. */
export interface Counts {
  /** Not merged. */
  submitted: number;
  /** Status in ACCEPTED. */
  accepted: number;
  /** Status in DONE. */
  done: number;
  /** DONE and never late. */
  doneOnTime: number;
  /** Status closed. */
  closed: number;
  /** … and never late. */
  closedOnTime: number;
  /** DONE and the latest answer on time (its own round): a department's 按时答复率. */
  doneLastOnTime: number;
  /** Closed and the latest answer on time (its own round): a department's 按时办结率. */
  closedLastOnTime: number;
  /** ACCEPTED and accepted by the end of the accept-deadline day. */
  acceptedOnTime: number;
  /** Not merged, with a rating. */
  rated: number;
  /** … and the rating is in SATISFIED. */
  satisfied: number;
  /** … and the rating is 满意 alone. */
  fullySatisfied: number;
  /** Not merged, answered at least once. */
  answered: number;
  /** … and reopened at least once. */
  reopened: number;
  /** Status in OPEN. */
  open: number;
  /** OPEN and the current deadline day has passed. */
  overdue: number;
}

export const ZERO: Counts = {
  submitted: 0,
  accepted: 0,
  done: 0,
  doneOnTime: 0,
  closed: 0,
  closedOnTime: 0,
  doneLastOnTime: 0,
  closedLastOnTime: 0,
  acceptedOnTime: 0,
  rated: 0,
  satisfied: 0,
  fullySatisfied: 0,
  answered: 0,
  reopened: 0,
  open: 0,
  overdue: 0,
};

export function addCounts(a: Counts, b: Counts): Counts {
  const out = { ...a };
  for (const k of Object.keys(ZERO) as (keyof Counts)[]) out[k] += b[k];
  return out;
}
