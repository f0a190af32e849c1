/**
 * The readable diff between two versions of a draft: clauses matched by number, and inside a
 * changed clause the characters kept, inserted and deleted (Chinese has no spaces, so a word
 * diff would be a sentence diff). Longest common subsequence, then adjacent runs merged.
 */
export interface Segment {
  op: 'same' | 'insert' | 'delete';
  text: string;
}

export function textDiff(before: string, after: string): Segment[] {
  const a = [...before];
  const b = [...after];
  // Common prefix and suffix first: most edits touch a few characters of a long clause.
  let pre = 0;
  while (pre < a.length && pre < b.length && a[pre] === b[pre]) pre++;
  let suf = 0;
  while (suf < a.length - pre && suf < b.length - pre && a[a.length - 1 - suf] === b[b.length - 1 - suf]) suf++;
  const x = a.slice(pre, a.length - suf);
  const y = b.slice(pre, b.length - suf);
  const L: number[][] = Array.from({ length: x.length + 1 }, () => new Array<number>(y.length + 1).fill(0));
  for (let i = x.length - 1; i >= 0; i--)
    for (let j = y.length - 1; j >= 0; j--) L[i][j] = x[i] === y[j] ? L[i + 1][j + 1] + 1 : Math.max(L[i + 1][j], L[i][j + 1]);
  const out: Segment[] = [];
  const push = (op: Segment['op'], ch: string) => {
    const last = out.at(-1);
    if (last && last.op === op) last.text += ch;
    else out.push({ op, text: ch });
  };
  a.slice(0, pre).forEach((ch) => push('same', ch));
  let i = 0;
  let j = 0;
  while (i < x.length || j < y.length) {
    if (i < x.length && j < y.length && x[i] === y[j]) {
      push('same', x[i++]);
      j++;
      // Deletions first: 「删去 5，加上 6」 reads better than the other way round.
    } else if (i < x.length && (j >= y.length || L[i + 1][j] >= L[i][j + 1])) push('delete', x[i++]);
    else push('insert', y[j++]);
  }
  a.slice(a.length - suf).forEach((ch) => push('same', ch));
  return out;
}

interface Clause {
  number: number;
  chapter: string;
  text: string;
}
export function clauseDiff(before: Clause[], after: Clause[]) {
  const old = new Map(before.map((c) => [c.number, c]));
  const neu = new Map(after.map((c) => [c.number, c]));
  const numbers = [...new Set([...old.keys(), ...neu.keys()])].sort((p, q) => p - q);
  return numbers.map((n) => {
    const o = old.get(n);
    const c = neu.get(n);
    if (!o)
      return { number: n, chapter: c!.chapter, change: 'added' as const, before: null, after: c!.text, segments: [{ op: 'insert' as const, text: c!.text }] };
    if (!c)
      return { number: n, chapter: o.chapter, change: 'removed' as const, before: o.text, after: null, segments: [{ op: 'delete' as const, text: o.text }] };
    const same = o.text === c.text && o.chapter === c.chapter;
    return {
      number: n,
      chapter: c.chapter,
      change: same ? ('same' as const) : ('changed' as const),
      before: o.text,
      after: c.text,
      segments: same ? [{ op: 'same' as const, text: c.text }] : textDiff(o.text, c.text),
    };
  });
}
