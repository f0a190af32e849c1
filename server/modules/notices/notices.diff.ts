/**
 * What a correction changed: field by field, and the body line by line (longest common
 * subsequence), so a reader sees exactly which sentences were replaced.
 */
import type { DiffLine } from '../../../common/schemas/notices.js';
import type { ChainState } from './notices.chain.js';

const FIELDS = ['title', 'kind', 'categories', 'schedule', 'nextDueDate', 'files', 'status'] as const;

export function fieldChanges(before: ChainState, after: ChainState): { field: string; before: unknown; after: unknown }[] {
  const out: { field: string; before: unknown; after: unknown }[] = [];
  for (const f of FIELDS) {
    const a = f === 'files' ? before.files.map((x) => x.name) : before[f];
    const b = f === 'files' ? after.files.map((x) => x.name) : after[f];
    if (JSON.stringify(a) !== JSON.stringify(b)) out.push({ field: f, before: a, after: b });
  }
  if (before.body !== after.body) out.push({ field: 'body', before: null, after: null });
  return out;
}

/** Lines of `a` and `b` as kept, deleted and added, in reading order. */
export function lineDiff(a: string, b: string): DiffLine[] {
  const x = a.split('\n');
  const y = b.split('\n');
  // A body is at most 20 000 characters, so the table stays small; beyond 2 000 lines a side it is not worth a table.
  if (x.length * y.length > 4_000_000) return [...x.map((text) => ({ op: 'del' as const, text })), ...y.map((text) => ({ op: 'add' as const, text }))];
  const lcs: number[][] = Array.from({ length: x.length + 1 }, () => new Array<number>(y.length + 1).fill(0));
  for (let i = x.length - 1; i >= 0; i--)
    for (let j = y.length - 1; j >= 0; j--) lcs[i][j] = x[i] === y[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
  const out: DiffLine[] = [];
  let i = 0;
  let j = 0;
  while (i < x.length && j < y.length) {
    if (x[i] === y[j]) {
      out.push({ op: 'same', text: x[i] });
      i++;
      j++;
    } else if (lcs[i + 1][j] >= lcs[i][j + 1]) out.push({ op: 'del', text: x[i++] });
    else out.push({ op: 'add', text: y[j++] });
  }
  while (i < x.length) out.push({ op: 'del', text: x[i++] });
  while (j < y.length) out.push({ op: 'add', text: y[j++] });
  return out;
}
